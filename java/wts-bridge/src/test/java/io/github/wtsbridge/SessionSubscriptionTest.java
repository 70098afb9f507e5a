package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeEvents;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** WtsSessionSubscription (hidden window + message loop) and the raw notifications, against the fake. */
class SessionSubscriptionTest extends FakeTestBase {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @AfterEach
    void noLoopLeft() {
        assertEquals(0, loopThreads(), "event loop threads left running");
        assertEquals(0, FakeEvents.registrations(), "registrations left");
        assertEquals(0, FakeEvents.windows(), "windows left");
        assertEquals(0, FakeEvents.classes(), "window classes left");
        assertEquals(0, FakeEvents.destroyedWhileRegistered(), "a window was destroyed before unregistering");
    }

    private static long loopThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("wts-session-events-") && t.isAlive()).count();
    }

    @Test
    void everyEventReachesTheListenerInOrder() {
        List<WtsSessionChange> seen = new CopyOnWriteArrayList<>();
        List<WtsSessionChange> expected = new ArrayList<>();
        try (WtsSessionSubscription subscription = WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, seen::add)) {
            assertTrue(subscription.isOpen());
            assertEquals(1, FakeEvents.registrations());
            for (int code = 1; code <= 11; code++) {
                assertEquals(1, FakeEvents.sessionChange(code, 100 + code));
                expected.add(WtsSessionChange.of(code, 100 + code));
            }
            FakeEvents.sessionChange(42, 7); // newer than this library
            expected.add(new WtsSessionChange(WtsSessionEvent.UNKNOWN, 7, 42));
            assertTrue(FakeEvents.await(() -> seen.size() == expected.size(), WAIT), "delivered: " + seen);
        }
        assertEquals(expected, seen);
        assertEquals(WtsSessionEvent.SESSION_LOGON, seen.get(4).event());
        assertEquals(WtsSessionEvent.SESSION_UNLOCK, seen.get(7).event());
        assertEquals(WtsSessionEvent.SESSION_TERMINATE, seen.get(10).event());
    }

    @Test
    void thisSessionScopeHearsOnlyItsOwnSession() {
        FakeWts.setCurrentProcess(4242, 3);
        List<WtsSessionChange> seen = new CopyOnWriteArrayList<>();
        try (WtsSessionSubscription s = WtsSessionSubscription.open(WtsSessionScope.THIS_SESSION, seen::add)) {
            assertEquals(WtsSessionScope.THIS_SESSION, s.scope());
            assertEquals(0, FakeEvents.sessionChange(5, 2));
            assertEquals(1, FakeEvents.sessionChange(7, 3));
            assertEquals(0, FakeEvents.sessionChange(6, 4));
            assertEquals(1, FakeEvents.sessionChange(8, 3));
            assertTrue(FakeEvents.await(() -> seen.size() == 2, WAIT));
        }
        assertEquals(List.of(WtsSessionChange.of(7, 3), WtsSessionChange.of(8, 3)), seen);
    }

    @Test
    void aThrowingListenerDoesNotStopDelivery() {
        List<Integer> sessions = new CopyOnWriteArrayList<>();
        WtsSessionListener listener = change -> {
            sessions.add(change.sessionId());
            if (change.sessionId() % 2 == 1) {
                throw new IllegalStateException("listener bug for session " + change.sessionId());
            }
        };
        try (WtsSessionSubscription s = WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, listener)) {
            for (int session = 1; session <= 6; session++) {
                FakeEvents.sessionChange(7, session);
            }
            assertTrue(FakeEvents.await(() -> sessions.size() == 6, WAIT), "delivered: " + sessions);
            assertTrue(s.isOpen());
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6), sessions);
    }

    @Test
    void closeUnregistersDestroysAndJoins() {
        List<WtsSessionChange> seen = new CopyOnWriteArrayList<>();
        WtsSessionSubscription s = WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, seen::add);
        assertEquals(1, loopThreads());
        assertEquals(3, FakeWts.openHandles(), "class, window, registration");

        s.close();
        s.close(); // idempotent

        assertFalse(s.isOpen());
        assertEquals(0, FakeEvents.sessionChange(5, 1), "still registered after close");
        assertEquals(0, loopThreads());
        assertEquals(List.of(), seen);
    }

    @Test
    void closeFromInsideTheListener() {
        List<WtsSessionSubscription> holder = new CopyOnWriteArrayList<>();
        List<WtsSessionChange> seen = new CopyOnWriteArrayList<>();
        WtsSessionSubscription s = WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, change -> {
            seen.add(change);
            holder.get(0).close();
        });
        holder.add(s);
        FakeEvents.sessionChange(6, 2);
        assertTrue(FakeEvents.await(() -> loopThreads() == 0, WAIT), "the loop did not end");
        assertEquals(List.of(WtsSessionChange.of(6, 2)), seen);
        assertFalse(s.isOpen());
    }

    @Test
    void aThousandSubscribeCloseCyclesLeaveNothingBehind() {
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            List<WtsSessionChange> seen = Collections.synchronizedList(new ArrayList<>());
            try (WtsSessionSubscription s = WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, seen::add)) {
                if (i % 100 == 0) {
                    FakeEvents.sessionChange(5, i);
                    assertTrue(FakeEvents.await(() -> seen.size() == 1, WAIT));
                }
            }
        }
        long micros = (System.nanoTime() - start) / 1000;
        System.out.printf("1000 subscribe/close cycles: %d ms in all, %d us each%n", micros / 1000, micros / 1000);
        assertEquals(0, loopThreads());
        assertEquals(0, FakeWts.openHandles());
    }

    @Test
    void registrationFailureReachesTheCallerAndCleansUp() {
        for (int code : new int[] {5, 1722}) {
            FakeWts.injectError("WTSRegisterSessionNotification", code, 1);
            WtsException e = assertThrows(WtsException.class,
                    () -> WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, c -> { }));
            assertEquals(code, e.errorCode());
            assertEquals("WTSRegisterSessionNotification", e.function());
            assertEquals(0, loopThreads());
            assertEquals(0, FakeWts.openHandles());
        }
    }

    @Test
    void windowFailuresReachTheCaller() {
        FakeWts.injectError("RegisterClassExW", 8, 1);
        assertEquals("RegisterClassExW", assertThrows(WtsException.class,
                () -> WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, c -> { })).function());
        FakeWts.injectError("CreateWindowExW", 5, 1);
        WtsException e = assertThrows(WtsException.class,
                () -> WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, c -> { }));
        assertEquals("CreateWindowExW", e.function());
        assertEquals(0, FakeWts.openHandles(), "class not unregistered after CreateWindowExW failed");
        FakeWts.removeFunction("CreateWindowExW"); // e.g. Server Core without user32 windows
        assertEquals(WtsException.ERROR_PROC_NOT_FOUND, assertThrows(WtsException.class,
                () -> WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, c -> { })).errorCode());
    }

    @Test
    void aFailingMessageLoopCleansUpAndCloseStillWorks() {
        FakeWts.injectError("GetMessageW", 6, 1);
        WtsSessionSubscription s = WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, c -> { });
        assertTrue(FakeEvents.await(() -> loopThreads() == 0, WAIT));
        assertFalse(s.isOpen());
        s.close();
    }

    @Test
    void badArgumentsMakeNoNativeCall() {
        long calls = FakeWts.callCount();
        assertThrows(NullPointerException.class, () -> WtsSessionSubscription.open(null, c -> { }));
        assertThrows(NullPointerException.class, () -> WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, null));
        assertThrows(IllegalArgumentException.class, () -> WtsSessionNotifications.register(WtsServer.local(), 0, WtsSessionScope.ALL_SESSIONS));
        assertThrows(NullPointerException.class, () -> WtsSessionNotifications.register(WtsServer.local(), 0x1234, null));
        assertThrows(IllegalArgumentException.class, () -> WtsSessionNotifications.unregister(WtsServer.local(), 0));
        assertEquals(calls, FakeWts.callCount());
    }

    @Test
    void rawRegistrationForACallersOwnWindow() {
        long hwnd = FakeEvents.createWindow();
        assertTrue(hwnd != 0);
        try {
            WtsSessionNotifications.register(WtsServer.local(), hwnd, WtsSessionScope.ALL_SESSIONS);
            assertEquals(1, FakeEvents.sessionChange(7, 5));
            assertArrayEquals(new long[] {WtsSessionNotifications.WM_WTSSESSION_CHANGE, 7, 5}, FakeEvents.nextMessage());
            WtsSessionNotifications.unregister(WtsServer.local(), hwnd);
            assertEquals(0, FakeEvents.sessionChange(8, 5));
        } finally {
            FakeEvents.destroyWindow(hwnd);
        }
    }

    @Test
    void rawRegistrationThroughAServerHandle() {
        long hwnd = FakeEvents.createWindow();
        io.github.wtsbridge.testing.FakeServers.reachable("events-host");
        try (WtsServer server = WtsServer.open("events-host")) {
            WtsSessionNotifications.register(server, hwnd, WtsSessionScope.ALL_SESSIONS);
            assertEquals(1, FakeEvents.registrations());
            assertEquals(1, FakeEvents.sessionChange(1, 1));
            assertArrayEquals(new long[] {WtsSessionNotifications.WM_WTSSESSION_CHANGE, 1, 1}, FakeEvents.nextMessage());
            WtsSessionNotifications.unregister(server, hwnd);
            assertEquals(0, FakeEvents.registrations());
            FakeWts.injectError("WTSRegisterSessionNotificationEx", 1722, 1);
            WtsException e = assertThrows(WtsException.class,
                    () -> WtsSessionNotifications.register(server, hwnd, WtsSessionScope.THIS_SESSION));
            assertEquals(1722, e.errorCode());
            assertEquals("WTSRegisterSessionNotificationEx", e.function());
            assertEquals("WTSUnRegisterSessionNotificationEx", assertThrows(WtsException.class,
                    () -> WtsSessionNotifications.unregister(server, hwnd)).function());
            long calls = FakeWts.callCount();
            assertThrows(NullPointerException.class,
                    () -> WtsSessionNotifications.register(null, hwnd, WtsSessionScope.ALL_SESSIONS));
            assertThrows(IllegalArgumentException.class,
                    () -> WtsSessionNotifications.register(server, 0, WtsSessionScope.ALL_SESSIONS));
            assertEquals(calls, FakeWts.callCount());
        } finally {
            FakeEvents.destroyWindow(hwnd);
        }
    }

    @Test
    void rawRegistrationFailuresNameTheFunction() {
        WtsException bad = assertThrows(WtsException.class,
                () -> WtsSessionNotifications.register(WtsServer.local(), 0x7777, WtsSessionScope.THIS_SESSION));
        assertEquals(1400, bad.errorCode()); // ERROR_INVALID_WINDOW_HANDLE
        assertEquals("WTSRegisterSessionNotification", bad.function());
        WtsException notRegistered = assertThrows(WtsException.class, () -> WtsSessionNotifications.unregister(WtsServer.local(), 0x7777));
        assertEquals("WTSUnRegisterSessionNotification", notRegistered.function());
        FakeWts.injectError("WTSRegisterSessionNotification", 5, 1);
        assertEquals(5, assertThrows(WtsException.class,
                () -> WtsSessionNotifications.register(WtsServer.local(), 0x7777, WtsSessionScope.ALL_SESSIONS)).errorCode());
    }
}
