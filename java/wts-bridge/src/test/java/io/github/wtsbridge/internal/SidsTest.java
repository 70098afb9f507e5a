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

    /** The SIDs of a listing one after another, as the native returns them. */
    private static byte[] concat(byte[]... sids) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] sid : sids) {
            out.writeBytes(sid);
        }
        return out.toByteArray();
    }

    @Test
    void perListingGivesTheSameTextAndTheSameStringForARepeatedSid() {
        byte[] system = FakeWts.sid(5, 18);
        byte[] user = FakeWts.sid(5, 21, 1004336348, 1177238915, 682003330, 1001);
        byte[] otherDomain = FakeWts.sid(5, 21, 1, 2, 3, 1001); // the same RID and length: the same hash
        byte[] all = concat(system, user, otherDomain, user, system);
        Sids.PerListing texts = new Sids.PerListing(all);
        int at = 0;
        String[] got = new String[5];
        for (int i = 0; i < 5; i++) {
            int length = new int[] {system.length, user.length, otherDomain.length, user.length, system.length}[i];
            got[i] = texts.format(at, length);
            assertEquals(Sids.format(all, at, length), got[i]);
            at += length;
        }
        assertEquals("S-1-5-21-1-2-3-1001", got[2]);
        org.junit.jupiter.api.Assertions.assertSame(got[1], got[3]);
        org.junit.jupiter.api.Assertions.assertSame(got[0], got[4]);
        assertEquals("", texts.format(at, 0));
    }

    @Test
    void perListingBeyondItsCapacityStillFormatsEverySid() {
        int distinct = Sids.PerListing.MAX_DISTINCT * 3;
        byte[][] sids = new byte[2 * distinct][];
        for (int i = 0; i < distinct; i++) {
            sids[i] = FakeWts.sid(5, 21, 7, 8, 9, 1000 + i);
            sids[distinct + i] = sids[i]; // then each again
        }
        byte[] all = concat(sids);
        Sids.PerListing texts = new Sids.PerListing(all);
        int at = 0;
        for (byte[] sid : sids) {
            assertEquals(Sids.format(all, at, sid.length), texts.format(at, sid.length));
            at += sid.length;
        }
        assertThrows(IllegalArgumentException.class, () -> new Sids.PerListing(new byte[7]).format(0, 7));
    }

    @Test
    void perListingReusesAPrefixOnlyWhereEveryByteButTheRidIsTheSame() {
        // Domain SIDs differing only in the RID (the prefix's text is reused), then SIDs that
        // differ elsewhere: another domain of the same length, the revision, the authority (one in hex), a
        // SID of no sub-authority (which overwrites the scratch text), a longer and a shorter
        // one; twice over, with and without the per-listing cache (more than MAX_DISTINCT).
        java.util.List<byte[]> list = new java.util.ArrayList<>();
        for (int i = 0; i < 3 * Sids.PerListing.MAX_DISTINCT; i++) {
            list.add(FakeWts.sid(5, 21, 1004336348, 1177238915, 682003330, 1000 + i));
            switch (i % 7) {
                case 0 -> list.add(FakeWts.sid(5, 21, 1004336349, 1177238915, 682003330, 1000 + i));
                case 1 -> list.add(FakeWts.sid(5));
                case 2 -> list.add(FakeWts.sid(16, 21, 1004336348, 1177238915, 682003330, 1000 + i));
                case 3 -> list.add(FakeWts.sid(5, 21, 1004336348, 1177238915, 682003330, 7, 1000 + i));
                case 4 -> list.add(FakeWts.sid(5, 32, 544));
                case 5 -> list.add(FakeWts.sid(1L << 33, 21, 1000 + i)); // an authority written in hex
                default -> { }
            }
        }
        byte[] revision2 = FakeWts.sid(5, 21, 1004336348, 1177238915, 682003330, 500);
        revision2[0] = 2;
        list.add(revision2);
        list.add(FakeWts.sid(5, 21, 1004336348, 1177238915, 682003330, 501));
        byte[] all = concat(list.toArray(new byte[0][]));
        Sids.PerListing texts = new Sids.PerListing(all);
        int at = 0;
        for (byte[] sid : list) {
            assertEquals(Sids.format(all, at, sid.length), texts.format(at, sid.length), "SID at " + at);
            at += sid.length;
        }
        assertEquals("S-2-5-21-1004336348-1177238915-682003330-500", Sids.format(revision2, 0, revision2.length));
    }
}
