package io.github.wtsbridge.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsConnectState;
import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsSessionInfo;
import io.github.wtsbridge.WtsSessionEntry;
import io.github.wtsbridge.WtsSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * WtsSessions against the real wtsapi32 of a Windows runner, and against Wine's (whose exact
 * answers are asserted there: dlls/wtsapi32/wtsapi32.c of Wine 8.0, shared/WINE-FACTS.md).
 */
@Tag("windows")
class WindowsSessionsTest {
    @Test
    void listingHoldsTheServicesSessionAndOurs() {
        List<WtsSessionEntry> sessions = WtsServer.local().sessions();
        if (WindowsSupport.onWine()) {
            // Wine's WTSEnumerateSessionsW is a stub: TRUE with no sessions.
            assertEquals(List.of(), sessions);
            return;
        }
        Map<Integer, WtsSessionEntry> byId = sessions.stream()
                .collect(Collectors.toMap(WtsSessionEntry::id, Function.identity()));
        int current = WtsSession.current().id();

        assertTrue(byId.containsKey(0), "session 0 (services) missing from " + sessions);
        assertTrue(byId.containsKey(current), "our session " + current + " missing from " + sessions);
        for (WtsSessionEntry s : sessions) {
            assertTrue(s.id() >= 0, "negative session id in " + sessions);
            // Every state a real Windows reports is one the library knows (0..9).
            assertNotEquals(WtsConnectState.UNKNOWN, s.state(), "unknown state " + s.rawState() + " in " + s);
            assertEquals(s.rawState(), s.state().code(), s.toString());
        }
    }

    @Test
    void activeConsoleSessionIsListedOrAbsent() {
        OptionalInt console = WtsSession.activeConsole().map(s -> OptionalInt.of(s.id())).orElse(OptionalInt.empty()); // must not throw
        if (WindowsSupport.onWine()) {
            // Wine: the console session is 1, the session ProcessIdToSessionId gives every process.
            assertEquals(OptionalInt.of(WtsSession.current().id()), console);
            assertEquals(1, console.getAsInt());
            return;
        }
        if (console.isPresent()) {
            List<Integer> ids = WtsServer.local().sessions().stream().map(WtsSessionEntry::id).collect(Collectors.toList());
            assertTrue(ids.contains(console.getAsInt()), "console session " + console + " not in " + ids);
        }
    }

    @Test
    void userNameOfOurSessionIsOurs() {
        int current = WtsSession.current().id();
        String sessionUser = WtsServer.local().session(current).userName();
        String us = System.getProperty("user.name");

        if (current == 0) {
            // A service-like runner: session 0 has no interactive user; Windows answers empty.
            assertTrue(sessionUser.isEmpty() || sessionUser.equalsIgnoreCase(us),
                    "session 0 user '" + sessionUser + "', we are '" + us + "'");
        } else {
            assertTrue(sessionUser.equalsIgnoreCase(us), "session " + current + " user '" + sessionUser
                    + "', but this JVM runs as '" + us + "'");
        }
    }

    @Test
    void infoOfOurSessionIsCurrent() {
        int current = WtsSession.current().id();
        if (WindowsSupport.onWine()) {
            // Wine answers WTSSessionInfo with FALSE and no SetLastError: code 0, not a stale one.
            WtsException e = assertThrows(WtsException.class, () -> WtsServer.local().session(current).info());
            assertEquals("WTSQuerySessionInformationW", e.function());
            assertEquals(0, e.errorCode(), e.toString());
            assertEquals("", e.systemMessage());
            return;
        }
        Instant before = Instant.now();
        WtsSessionInfo info = WtsServer.local().session(current).info();
        Instant after = Instant.now();

        assertEquals(current, info.sessionId());
        String listedName = WtsServer.local().sessions().stream().filter(s -> s.id() == current)
                .map(WtsSessionEntry::winStationName).findFirst().orElseThrow();
        assertEquals(listedName, info.winStationName());
        assertEquals(WtsServer.local().session(current).userName(), info.userName());
        // The server's clock, read in the same call: within a minute of ours on the same machine.
        Instant serverNow = info.times().current();
        assertTrue(!serverNow.isBefore(before.minus(Duration.ofMinutes(1)))
                && !serverNow.isAfter(after.plus(Duration.ofMinutes(1))),
                "current time " + serverNow + " is not between " + before + " and " + after);
        info.times().logon().ifPresent(logon -> assertTrue(logon.isBefore(after), "logon " + logon + " in the future"));
    }

    @Test
    void sessionThatDoesNotExistIs7022() {
        List<Integer> ids = WtsServer.local().sessions().stream().map(WtsSessionEntry::id).collect(Collectors.toList());
        int missing = ids.stream().mapToInt(Integer::intValue).max().orElse(0) + 100_000;
        assertFalse(ids.contains(missing));
        if (WindowsSupport.onWine()) {
            // Wine ignores the session id: any id answers with this process's user name.
            assertEquals(System.getProperty("user.name"), WtsServer.local().session(missing).userName());
            assertEquals(0, assertThrows(WtsException.class, () -> WtsServer.local().session(missing).info()).errorCode());
            return;
        }

        WtsException byName = assertThrows(WtsException.class, () -> WtsServer.local().session(missing).userName());
        assertMissingSession(byName);
        WtsException byInfo = assertThrows(WtsException.class, () -> WtsServer.local().session(missing).info());
        assertMissingSession(byInfo);
    }

    private static void assertMissingSession(WtsException e) {
        assertEquals(WtsException.ERROR_CTX_WINSTATION_NOT_FOUND, e.errorCode(), e.toString());
        assertTrue(e.isNoSuchSession(), e.toString());
        assertEquals("WTSQuerySessionInformationW", e.function());
        assertFalse(e.systemMessage().isBlank(), "no system message: " + e);
        assertTrue(e.getMessage().contains("WTSQuerySessionInformationW") && e.getMessage().contains("7022"),
                e.getMessage());
        assertNotEquals(e.systemMessage(), "Win32 error 7022");
    }
}
