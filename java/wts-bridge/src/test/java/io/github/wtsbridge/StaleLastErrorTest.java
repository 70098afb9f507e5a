package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeServers;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeUserConfig;
import io.github.wtsbridge.testing.FakeWts;
import java.time.Duration;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Windows function that fails without calling SetLastError (Wine's stubs do, see
 * shared/WINE-FACTS.md) must be reported as "failed without setting an error code" (0), never
 * with whatever code an earlier call left on the thread. The fake leaves ERROR_ACCESS_DENIED
 * there first; the shim must clear it right before each call.
 */
class StaleLastErrorTest extends FakeTestBase {
    private static final int STALE = WtsException.ERROR_ACCESS_DENIED;

    static Stream<Arguments> calls() {
        return Stream.of(
                call("WTSEnumerateSessionsW", () -> WtsServer.local().sessions()),
                call("WTSEnumerateSessionsExW", () -> WtsServer.local().sessionsEx()),
                call("WTSQuerySessionInformationW", () -> WtsServer.local().session(1).userName()),
                call("WTSEnumerateProcessesW", () -> WtsServer.local().processes()),
                call("WTSEnumerateProcessesExW", () -> WtsServer.local().processesEx()),
                call("ProcessIdToSessionId", () -> WtsSession.ofProcess(4242).id()),
                call("WTSLogoffSession", () -> WtsServer.local().session(1).logoff(false)),
                call("WTSDisconnectSession", () -> WtsServer.local().session(1).disconnect(false)),
                call("WTSSendMessageW", () -> WtsServer.local().session(1).sendMessage("t", "m", WtsMessageStyle.of(WtsMessageStyle.Buttons.OK), Duration.ZERO, false)),
                call("WTSTerminateProcess", () -> WtsServer.local().terminateProcess(4242, 1)),
                call("WTSShutdownSystem", () -> WtsServer.local().shutdown(EnumSet.of(WtsShutdownFlag.LOGOFF))),
                call("WTSQueryUserToken", () -> WtsServer.local().session(1).userToken().close()),
                call("WTSOpenServerW", () -> WtsServer.open("ts-stale").close()),
                call("WTSEnumerateServersW", () -> WtsServer.enumerate("CONTOSO")),
                call("WTSQueryUserConfigW", () -> WtsServer.local().userConfig("alice", WtsUserSetting.INITIAL_PROGRAM)),
                call("WTSSetUserConfigW", () -> WtsServer.local().setUserConfig("alice", WtsUserSetting.INITIAL_PROGRAM, "notepad.exe")),
                call("WTSStartRemoteControlSessionW", () -> WtsServer.local().session(1).startRemoteControl(WtsHotkey.DEFAULT)),
                call("WTSStopRemoteControlSession", () -> WtsServer.local().session(1).stopRemoteControl()),
                call("WTSConnectSessionW", () -> WtsServer.local().session(1).connectTo(WtsServer.local().session(2), new char[0], false)),
                call("WTSWaitSystemEvent", () -> {
                    try (WtsSystemEventWaiter waiter = WtsSystemEventWaiter.open(WtsServer.local())) {
                        waiter.awaitAny();
                    }
                }));
    }

    private static Arguments call(String function, Executable api) {
        return Arguments.of(function, api);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void failureWithoutAnErrorCodeIsReportedAsSuch(String function, Executable api) {
        FakeWts.addSession(1, 0, "Console");
        FakeWts.addSession(2, 0, "RDP-Tcp#1");
        FakeWts.addProcess(1, 4242, "app.exe", null);
        FakeServers.reachable("ts-stale");
        FakeUserConfig.addUser("alice");
        FakeWts.injectError(function, FakeWts.FAIL_WITHOUT_ERROR, 1);
        FakeWts.setLastError(STALE);

        WtsException e = assertThrows(WtsException.class, api);

        assertEquals(function, e.function(), e.toString());
        assertEquals(0, e.errorCode(), "the stale code " + STALE + " was reported as Windows' answer: " + e);
        assertTrue(e.getMessage().contains("without setting an error code"), e.getMessage());
        assertEquals("", e.systemMessage());
    }
}
