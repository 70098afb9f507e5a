package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeEvents;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeTokens;
import io.github.wtsbridge.testing.FakeWts;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WtsSession.userToken() and WtsUserToken through the real shim against the fake. */
class UserTokenTest extends FakeTestBase {
    private static final byte[] ALICE = FakeWts.sid(5, 21, 1111, 2222, 3333, 1001);

    @BeforeEach
    void aliceOnSessionTwo() {
        FakeWts.addSession(2, 0, "RDP-Tcp#4");
        FakeTokens.setSessionUser(2, ALICE);
    }

    @Test
    void tokenOfTheLoggedOnUserIsClosedExactlyOnce() {
        try (WtsUserToken token = WtsServer.local().session(2).userToken()) {
            assertEquals(2, token.sessionId());
            assertEquals(2, token.tokenSessionId());
            assertEquals("S-1-5-21-1111-2222-3333-1001", token.userSid());
            assertTrue(token.isOpen());
            assertEquals(1, FakeWts.openHandles());
            token.close();
            token.close(); // idempotent
            assertFalse(token.isOpen());
        }
        assertArrayEquals(new long[] {1, 1, 0}, FakeTokens.counts(), "opened, closed, bad closes");
    }

    @Test
    void useAfterCloseThrowsWithoutANativeCall() {
        WtsUserToken token = WtsServer.local().session(2).userToken();
        token.close();
        long calls = FakeWts.callCount();

        assertThrows(IllegalStateException.class, token::userSid);
        assertThrows(IllegalStateException.class, token::tokenSessionId);
        assertEquals(calls, FakeWts.callCount());
    }

    @Test
    void closeRacingAUseWaitsForTheUseToFinish() throws Exception {
        WtsUserToken token = WtsServer.local().session(2).userToken();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> seen = new AtomicReference<>();
        Thread user = new Thread(() -> seen.set(token.withHandle(handle -> {
            inside.countDown();
            await(release);
            return TokensNativeAccess.userSid(handle); // the handle is still open here
        })));
        user.start();
        assertTrue(inside.await(5, TimeUnit.SECONDS));

        token.close(); // returns at once; the use still holds the handle
        assertFalse(token.isOpen());
        assertEquals(0, FakeTokens.counts()[1], "closed under a running use");
        assertThrows(IllegalStateException.class, token::userSid);

        release.countDown();
        user.join(5000);
        assertEquals("S-1-5-21-1111-2222-3333-1001", seen.get());
        assertArrayEquals(new long[] {1, 1, 0}, FakeTokens.counts());
    }

    @Test
    void closeRacingManyUsesClosesExactlyOnce() throws Exception {
        for (int round = 0; round < 50; round++) {
            WtsUserToken token = WtsServer.local().session(2).userToken();
            java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
            Thread[] users = new Thread[4];
            for (int i = 0; i < users.length; i++) {
                users[i] = new Thread(() -> {
                    for (int n = 0; n < 50; n++) {
                        try {
                            if (!token.userSid().endsWith("-1001")) {
                                wrong.incrementAndGet();
                            }
                        } catch (IllegalStateException closed) {
                            return; // refused after close: fine
                        } catch (RuntimeException e) {
                            wrong.incrementAndGet(); // e.g. a use of an already closed handle
                        }
                    }
                });
                users[i].start();
            }
            token.close();
            for (Thread t : users) {
                t.join(10_000);
            }
            assertEquals(0, wrong.get(), "a use saw a closed handle");
        }
        assertArrayEquals(new long[] {50, 50, 0}, FakeTokens.counts(), "opened, closed, bad closes");
    }

    @Test
    void cleanerClosesADroppedToken() {
        WtsServer.local().session(2).userToken(); // dropped without close

        boolean closed = FakeEvents.await(() -> {
            System.gc();
            return FakeTokens.counts()[1] == 1;
        }, Duration.ofSeconds(10));

        assertTrue(closed, "the Cleaner did not close the dropped token");
        assertEquals(0, FakeTokens.counts()[2]);
    }

    @Test
    void notLocalSystemSaysSo() {
        FakeTokens.setPrivileged(false);

        WtsException e = assertThrows(WtsException.class, () -> WtsServer.local().session(2).userToken());

        assertEquals(WtsException.ERROR_PRIVILEGE_NOT_HELD, e.errorCode());
        assertEquals("WTSQueryUserToken", e.function());
        assertEquals("WTSQueryUserToken failed with error 1314: A required privilege is not held by the client."
                + " (the caller must run as LocalSystem with SE_TCB_NAME, e.g. from a Windows service)", e.getMessage());
    }

    @Test
    void nobodyLoggedOnIsNoToken() {
        FakeWts.addSession(3, 5, "RDP-Tcp#5"); // no user

        WtsException e = assertThrows(WtsException.class, () -> WtsServer.local().session(3).userToken());

        assertEquals(WtsException.ERROR_NO_TOKEN, e.errorCode());
        assertEquals("WTSQueryUserToken", e.function());
        // the same type startProcess throws, so an installer catches one exception to retry
        assertEquals(java.util.OptionalInt.of(3),
                org.junit.jupiter.api.Assertions.assertInstanceOf(WtsNoUserException.class, e).sessionId());
    }

    @Test
    void missingSessionAndOtherFailures() {
        WtsException gone = assertThrows(WtsException.class, () -> WtsServer.local().session(77).userToken());
        // Microsoft's WTSQueryUserToken page: ERROR_FILE_NOT_FOUND for a session that does not exist.
        assertEquals(WtsException.ERROR_FILE_NOT_FOUND, gone.errorCode());
        assertTrue(gone.isNoSuchSession());

        for (int code : new int[] {5, 87}) {
            FakeWts.injectError("WTSQueryUserToken", code, 1);
            WtsException e = assertThrows(WtsException.class, () -> WtsServer.local().session(2).userToken());
            assertEquals(code, e.errorCode());
            assertEquals("WTSQueryUserToken", e.function());
            assertFalse(e.isNoSuchSession(), "code " + code);
        }
        assertEquals(0, FakeTokens.counts()[0]);
    }

    @Test
    void tokenInformationFailureNamesTheFunction() {
        try (WtsUserToken token = WtsServer.local().session(2).userToken()) {
            FakeWts.injectError("GetTokenInformation", 5, 1);
            WtsException e = assertThrows(WtsException.class, token::userSid);
            assertEquals("GetTokenInformation", e.function());
            assertEquals(5, e.errorCode());
        }
    }

    @Test
    void closeFailureReachesJavaButTheTokenStaysClosed() {
        WtsUserToken token = WtsServer.local().session(2).userToken();
        FakeWts.injectError("CloseHandle", 6, 1);

        WtsException e = assertThrows(WtsException.class, token::close);

        assertEquals("CloseHandle", e.function());
        assertFalse(token.isOpen());
        token.close(); // nothing more: Cleanable ran once
        assertEquals(0, FakeTokens.counts()[1]);
        // The fake still holds the handle the injected failure kept open; release it for the leak check.
        FakeWts.reset();
    }

    /**
     * A handle no module of the fake owns, after the table was refilled twice (a reset each):
     * CloseHandle and GetTokenInformation fail with ERROR_INVALID_HANDLE, as Windows does. The
     * fake once chained these slots from module to module and, after a second reset, the two
     * chains pointed at each other: this recursed until the stack overflowed.
     */
    @Test
    void unknownHandleAfterTwoResetsIsInvalid() {
        FakeWts.reset();
        FakeWts.reset();
        long nobodys = 0x5EED_0000L;

        WtsException close = assertThrows(WtsException.class,
                () -> io.github.wtsbridge.internal.TokensNative.closeHandle(nobodys));
        WtsException info = assertThrows(WtsException.class,
                () -> io.github.wtsbridge.internal.TokensNative.tokenSessionId(nobodys));

        assertEquals(6, close.errorCode(), "ERROR_INVALID_HANDLE");
        assertEquals("CloseHandle", close.function());
        assertEquals(6, info.errorCode(), "ERROR_INVALID_HANDLE");
        assertEquals(1, FakeTokens.counts()[2], "the bad close is counted");
    }

    @Test
    void badSessionIdMakesNoNativeCall() {
        long calls = FakeWts.callCount();
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(-1).userToken());
        assertEquals(calls, FakeWts.callCount());
    }

    @Test
    void windowsWithoutTheFunction() {
        FakeWts.removeFunction("WTSQueryUserToken");
        WtsException e = assertThrows(WtsException.class, () -> WtsServer.local().session(2).userToken());
        assertEquals(WtsException.ERROR_PROC_NOT_FOUND, e.errorCode());
        assertEquals("WTSQueryUserToken", e.function());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The raw natives, as WtsUserToken uses them inside withHandle. */
    private static final class TokensNativeAccess {
        static String userSid(long handle) {
            byte[] sid = io.github.wtsbridge.internal.TokensNative.tokenUserSid(handle);
            return io.github.wtsbridge.internal.Sids.format(sid, 0, sid.length);
        }
    }
}
