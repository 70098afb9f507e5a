package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.internal.InfoClass;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** WtsSessions through the real shim against the fake. */
class SessionsTest extends FakeTestBase {
    @Test
    void listsSessionsWithNamesAndStates() {
        FakeWts.addSession(0, 4, "Services");
        FakeWts.addSession(1, 0, "Console");
        FakeWts.addSession(3, 0, "RDP-Tcp#7");
        FakeWts.addSession(65536, 6, "RDP-Tcp");
        FakeWts.addSession(9, 42, "Future");

        List<WtsSessionEntry> sessions = WtsServer.local().sessions();

        assertEquals(List.of(
                new WtsSessionEntry(WtsServer.local(), 0, "Services", WtsConnectState.DISCONNECTED, 4),
                new WtsSessionEntry(WtsServer.local(), 1, "Console", WtsConnectState.ACTIVE, 0),
                new WtsSessionEntry(WtsServer.local(), 3, "RDP-Tcp#7", WtsConnectState.ACTIVE, 0),
                new WtsSessionEntry(WtsServer.local(), 65536, "RDP-Tcp", WtsConnectState.LISTEN, 6),
                new WtsSessionEntry(WtsServer.local(), 9, "Future", WtsConnectState.UNKNOWN, 42)), sessions);
    }

    @Test
    void emptyListing() {
        assertEquals(List.of(), WtsServer.local().sessions());
    }

    @Test
    void namesBeyondTheBasicMultilingualPlaneSurvive() {
        String name = "Sitzung-\uD83D\uDE00-\u00E9\u4E2D"; // an emoji (surrogate pair), é, 中
        FakeWts.addSession(2, 0, name);
        FakeWts.setSessionInfo(2, InfoClass.USER_NAME, FakeWts.utf16z("J\u00FCrgen\uD834\uDD1E"));

        assertEquals(name, WtsServer.local().sessions().get(0).winStationName());
        assertEquals("J\u00FCrgen\uD834\uDD1E", WtsServer.local().session(2).userName());
    }

    /** Adds count sessions (ids 0…) whose names take exactly units UTF-16 units in all; returns them. */
    private static List<WtsSessionEntry> addSessions(int count, int units, char letter) {
        List<WtsSessionEntry> added = new java.util.ArrayList<>();
        int left = units;
        for (int i = 0; i < count; i++) {
            int length = i == count - 1 ? left : units / count;
            left -= length;
            String name = String.valueOf(letter).repeat(length);
            FakeWts.addSession(i, i % 10, name);
            added.add(new WtsSessionEntry(WtsServer.local(), i, name, WtsConnectState.of(i % 10), i % 10));
        }
        return added;
    }

    @Test
    void smallAndLargeListingsReadTheSame() {
        // Up to 8 sessions with names of up to 128 units in all come back through arrays Java
        // passes in (SessionsNative.SMALL_*); anything larger through arrays the shim makes.
        int[][] shapes = {{8, 128}, {8, 129}, {9, 20}, {1, 128}, {1, 129}, {1, 0}, {3, 32767}};
        for (int[] shape : shapes) {
            for (char letter : new char[] {'a', '\u4E2D'}) {
                FakeWts.reset();
                List<WtsSessionEntry> expected = addSessions(shape[0], shape[1], letter);
                assertEquals(expected, WtsServer.local().sessions(), shape[0] + " sessions, " + shape[1] + " units");
            }
        }
    }

    @Test
    void enumerationFailureCarriesCodeFunctionAndMessage() {
        FakeWts.injectError("WTSEnumerateSessionsW", 5, 1);

        WtsException e = assertThrows(WtsException.class, WtsServer.local()::sessions);

        assertEquals(5, e.errorCode());
        assertEquals("WTSEnumerateSessionsW", e.function());
        assertEquals("Access is denied.", e.systemMessage());
        assertEquals("WTSEnumerateSessionsW failed with error 5: Access is denied.", e.getMessage());
    }

    @Test
    void unknownErrorCodeStillReportsTheCode() {
        FakeWts.injectError("WTSEnumerateSessionsW", 4242, 1);

        WtsException e = assertThrows(WtsException.class, WtsServer.local()::sessions);

        assertEquals(4242, e.errorCode());
        assertEquals("", e.systemMessage());
        assertTrue(e.getMessage().contains("Win32 error 4242"), e.getMessage());
    }

    @Test
    void stringQueries() {
        FakeWts.addSession(3, 0, "RDP-Tcp#7");
        FakeWts.setSessionInfo(3, InfoClass.USER_NAME, FakeWts.utf16z("alice"));
        FakeWts.setSessionInfo(3, InfoClass.DOMAIN_NAME, FakeWts.utf16z("CONTOSO"));
        FakeWts.setSessionInfo(3, InfoClass.CLIENT_NAME, FakeWts.utf16z("LAPTOP-42"));

        assertEquals("alice", WtsServer.local().session(3).userName());
        assertEquals("CONTOSO", WtsServer.local().session(3).domainName());
        assertEquals("LAPTOP-42", WtsServer.local().session(3).clientName());
        assertEquals("RDP-Tcp#7", WtsServer.local().session(3).winStationName());
        assertEquals("", emptyUser());
    }

    private static String emptyUser() {
        FakeWts.addSession(4, 5, "Idle");
        FakeWts.setSessionInfo(4, InfoClass.USER_NAME, FakeWts.utf16z(""));
        return WtsServer.local().session(4).userName();
    }

    @Test
    void stringWithoutTerminatorIsBoundedByTheByteCount() {
        FakeWts.addSession(3, 0, "x");
        FakeWts.setSessionInfo(3, InfoClass.USER_NAME, new byte[] {'b', 0, 'o', 0, 'b', 0});

        assertEquals("bob", WtsServer.local().session(3).userName());
    }

    @Test
    void connectStateAndProtocolUseTheWidthWindowsReturns() {
        FakeWts.addSession(3, 4, "RDP-Tcp#7");
        FakeWts.setSessionInfo(3, InfoClass.CLIENT_PROTOCOL_TYPE, FakeWts.ushort(2));
        FakeWts.addSession(1, 0, "Console");
        FakeWts.setSessionInfo(1, InfoClass.CLIENT_PROTOCOL_TYPE, FakeWts.ushort(0));

        assertEquals(WtsConnectState.DISCONNECTED, WtsServer.local().session(3).connectState());
        assertEquals(WtsProtocol.RDP, WtsServer.local().session(3).clientProtocol());
        assertEquals(WtsProtocol.CONSOLE, WtsServer.local().session(1).clientProtocol());
    }

    @Test
    void ipv4ClientAddressIsReadFromOffsetTwo() throws Exception {
        FakeWts.addSession(3, 0, "RDP-Tcp#7");
        FakeWts.setSessionInfo(3, InfoClass.CLIENT_ADDRESS,
                FakeWts.clientAddress(2, new byte[] {(byte) 192, 0, 2, 17}, 2));

        WtsClientAddress address = WtsServer.local().session(3).clientAddress();

        assertEquals(WtsClientAddress.FAMILY_INET, address.family());
        assertEquals(Optional.of(InetAddress.getByName("192.0.2.17")), address.address());
    }

    @Test
    void ipv6ClientAddressUsesSixteenBytesFromTheStart() throws Exception {
        InetAddress v6 = InetAddress.getByName("2001:db8::1:2");
        FakeWts.addSession(3, 0, "RDP-Tcp#7");
        FakeWts.setSessionInfo(3, InfoClass.CLIENT_ADDRESS, FakeWts.clientAddress(23, v6.getAddress(), 0));

        assertEquals(Optional.of(v6), WtsServer.local().session(3).clientAddress().address());
    }

    @Test
    void consoleHasNoClientAddress() {
        FakeWts.addSession(1, 0, "Console");
        FakeWts.setSessionInfo(1, InfoClass.CLIENT_ADDRESS, FakeWts.clientAddress(0, new byte[0], 0));

        WtsClientAddress address = WtsServer.local().session(1).clientAddress();

        assertEquals(0, address.family());
        assertEquals(Optional.empty(), address.address());
    }

    @Test
    void truncatedReplyIsInvalidDataNotAnOverread() {
        FakeWts.addSession(3, 0, "RDP-Tcp#7");
        FakeWts.setSessionInfo(3, InfoClass.CLIENT_ADDRESS, new byte[10]);
        FakeWts.setSessionInfo(3, InfoClass.SESSION_INFO, new byte[200]);
        FakeWts.setSessionInfo(3, InfoClass.CLIENT_PROTOCOL_TYPE, new byte[0]);

        assertEquals(13, assertThrows(WtsException.class, () -> WtsServer.local().session(3).clientAddress()).errorCode());
        assertEquals(13, assertThrows(WtsException.class, () -> WtsServer.local().session(3).info()).errorCode());
        assertEquals(13, assertThrows(WtsException.class, () -> WtsServer.local().session(3).clientProtocol()).errorCode());
    }

    @Test
    void sessionInfoGivesNamesCountersAndTimes() {
        Instant logon = Instant.parse("2026-11-25T08:00:00.1234567Z");
        Instant connect = Instant.parse("2026-11-25T08:00:01Z");
        Instant lastInput = Instant.parse("2026-11-25T09:59:00Z");
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        FakeWts.addSession(3, 0, "RDP-Tcp#7");
        FakeWts.setSessionInfo(3, InfoClass.SESSION_INFO, FakeWts.sessionInfo(0, 3,
                new long[] {1000, 2000, 30, 40, 500, 600}, "RDP-Tcp#7", "CONTOSO", "alice",
                connect, null, lastInput, logon, now));

        WtsSessionInfo info = WtsServer.local().session(3).info();

        assertEquals(3, info.sessionId());
        assertEquals(WtsConnectState.ACTIVE, info.state());
        assertEquals("RDP-Tcp#7", info.winStationName());
        assertEquals("CONTOSO", info.domainName());
        assertEquals("alice", info.userName());
        assertEquals(new WtsSessionCounters(1000, 2000, 30, 40, 500, 600), info.counters());
        assertEquals(Optional.of(logon), info.times().logon());
        assertEquals(Optional.of(connect), info.times().connect());
        assertEquals(Optional.empty(), info.times().disconnect());
        assertEquals(Optional.of(Duration.ofMinutes(1)), info.times().idle());
        assertEquals(now, WtsServer.local().session(3).times().current());
    }

    @Test
    void countersAreUnsigned() {
        FakeWts.addSession(3, 0, "x");
        FakeWts.setSessionInfo(3, InfoClass.SESSION_INFO, FakeWts.sessionInfo(0, 3,
                new long[] {0xFFFF_FFF0L, 0, 0, 0, 0, 0}, "x", "", "", null, null, null, null, Instant.EPOCH));

        assertEquals(0xFFFF_FFF0L, WtsServer.local().session(3).info().counters().incomingBytes());
    }

    @Test
    void namesFillingTheWholeFixedArrayAreNotOverread() {
        String station = "W".repeat(32);
        String user = "U".repeat(21);
        FakeWts.addSession(3, 0, "x");
        FakeWts.setSessionInfo(3, InfoClass.SESSION_INFO, FakeWts.sessionInfo(0, 3, new long[6],
                station, "D".repeat(17), user, null, null, null, null, Instant.EPOCH));

        WtsSessionInfo info = WtsServer.local().session(3).info();

        assertEquals(station, info.winStationName());
        assertEquals("D".repeat(17), info.domainName());
        assertEquals(user, info.userName());
    }

    @Test
    void vanishedSessionIs7022() {
        WtsException e = assertThrows(WtsException.class, () -> WtsServer.local().session(77).userName());

        assertEquals(7022, e.errorCode());
        assertEquals("WTSQuerySessionInformationW", e.function());
        assertEquals("The specified session cannot be found.", e.systemMessage());
    }

    @Test
    void queryFailuresFromWindowsReachJava() {
        FakeWts.addSession(3, 0, "x");
        for (int code : new int[] {5, 87, 1722}) {
            FakeWts.injectError("WTSQuerySessionInformationW", code, 1);
            assertEquals(code, assertThrows(WtsException.class, () -> WtsServer.local().session(3).info()).errorCode());
        }
    }

    @Test
    void currentAndConsoleSession() {
        FakeWts.setCurrentProcess(4321, 5);
        FakeWts.setConsoleSession(2);
        assertEquals(5, WtsSession.current().id());
        assertEquals(Optional.of(2), WtsSession.activeConsole().map(WtsSession::id));

        FakeWts.setConsoleSession(-1); // 0xFFFFFFFF: nobody attached to the console
        assertEquals(Optional.empty(), WtsSession.activeConsole());
    }

    @Test
    void currentSessionFailure() {
        FakeWts.injectError("ProcessIdToSessionId", 5, 1);
        WtsException e = assertThrows(WtsException.class, WtsSession::current);
        assertEquals("ProcessIdToSessionId", e.function());
    }

    @Test
    void missingWindowsFunctionIsErrorProcNotFound() {
        assertTrue(FakeWts.removeFunction("WTSEnumerateSessionsW"));
        assertTrue(FakeWts.removeFunction("WTSGetActiveConsoleSessionId"));

        WtsException e = assertThrows(WtsException.class, WtsServer.local()::sessions);
        assertEquals(127, e.errorCode());
        assertEquals("WTSEnumerateSessionsW", e.function());
        assertEquals("The specified procedure could not be found.", e.systemMessage());
        assertEquals(127, assertThrows(WtsException.class, WtsSession::activeConsole).errorCode());
    }

    @Test
    void badArgumentsFailBeforeAnyNativeCall() {
        FakeWts.addSession(3, 0, "x");
        long before = FakeWts.callCount();

        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(-1).userName());
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(Integer.MIN_VALUE).info());
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(-2).clientAddress());

        assertEquals(before, FakeWts.callCount());
        assertFalse(WtsServer.local().sessions().isEmpty());
    }
}
