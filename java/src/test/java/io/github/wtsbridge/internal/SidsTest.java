package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wtsbridge.testing.FakeWts;
import org.junit.jupiter.api.Test;

/** The SID formatter the process listing runs once per process. */
class SidsTest {
    private static String format(byte[] sid) {
        return Sids.format(sid, 0, sid.length);
    }

    @Test
    void wellKnownAndDomainSids() {
        assertEquals("S-1-5-18", format(FakeWts.sid(5, 18)));
        assertEquals("S-1-0-0", format(FakeWts.sid(0, 0)));
        assertEquals("S-1-5-21-1004336348-1177238915-682003330-1001",
                format(FakeWts.sid(5, 21, 1004336348, 1177238915, 682003330, 1001)));
    }

    @Test
    void subAuthoritiesAreUnsignedDwords() {
        assertEquals("S-1-5-4294967295-2147483648-9-10-99-100",
                format(FakeWts.sid(5, 0xFFFF_FFFFL, 0x8000_0000L, 9, 10, 99, 100)));
    }

    @Test
    void fifteenSubAuthoritiesOfTenDigits() {
        long[] subs = new long[15];
        java.util.Arrays.fill(subs, 4_000_000_000L);
        assertEquals("S-1-4294967295" + "-4000000000".repeat(15), format(FakeWts.sid(0xFFFF_FFFFL, subs)));
    }

    @Test
    void authoritiesFrom2To32AreHex() {
        assertEquals("S-1-0x000100000000-7", format(FakeWts.sid(1L << 32, 7)));
        assertEquals("S-1-0xFFFFFFFFFFFF", format(FakeWts.sid(0xFFFF_FFFF_FFFFL)));
    }

    @Test
    void aSidInsideALargerBuffer() {
        byte[] sid = FakeWts.sid(5, 32, 544);
        byte[] buffer = new byte[3 + sid.length + 5];
        System.arraycopy(sid, 0, buffer, 3, sid.length);
        assertEquals("S-1-5-32-544", Sids.format(buffer, 3, sid.length));
        assertEquals("", Sids.format(buffer, 3, 0));
    }

    @Test
    void garbageIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Sids.format(new byte[7], 0, 7));
        byte[] wrongCount = FakeWts.sid(5, 18);
        wrongCount[1] = 2;
        assertThrows(IllegalArgumentException.class, () -> format(wrongCount));
    }
}
