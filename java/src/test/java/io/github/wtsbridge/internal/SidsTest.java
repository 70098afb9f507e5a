package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wtsbridge.testing.FakeWts;
import org.junit.jupiter.api.Test;

class SidsTest {
    @Test
    void wellKnownSids() {
        assertEquals("S-1-5-18", format(FakeWts.sid(5, 18)));
        assertEquals("S-1-1-0", format(FakeWts.sid(1, 0)));
        assertEquals("S-1-5-32-544", format(FakeWts.sid(5, 32, 544)));
    }

    @Test
    void subAuthoritiesAreUnsigned() {
        assertEquals("S-1-5-21-4294967295-1", format(FakeWts.sid(5, 21, 0xFFFF_FFFFL, 1)));
    }

    @Test
    void largeAuthorityIsHex() {
        assertEquals("S-1-0x010000000000-7", format(FakeWts.sid(1L << 40, 7)));
    }

    @Test
    void offsetIntoAConcatenation() {
        byte[] a = FakeWts.sid(5, 18);
        byte[] b = FakeWts.sid(5, 21, 1, 2, 3, 1001);
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        assertEquals("S-1-5-21-1-2-3-1001", Sids.format(all, a.length, b.length));
    }

    @Test
    void emptyAndMalformed() {
        assertEquals("", Sids.format(new byte[0], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Sids.format(new byte[12], 0, 12));
    }

    private static String format(byte[] sid) {
        return Sids.format(sid, 0, sid.length);
    }
}
