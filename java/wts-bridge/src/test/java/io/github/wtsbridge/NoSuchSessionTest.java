package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeLaunch;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * WtsException.isNoSuchSession(): the one test for "that session does not exist", whichever
 * code the function gives — each code injected into each function that takes a session id.
 */
class NoSuchSessionTest extends FakeTestBase {
    private final Map<String, Executable> calls = new LinkedHashMap<>();

    @BeforeEach
    void aliceOnSessionTwo() {
        FakeWts.addSession(1, 0, "Console");
        FakeWts.addSession(2, 0, "RDP-Tcp#4");
        FakeLaunch.logOn(2, FakeLaunch.DEFAULT, new String[] {"USERNAME=alice"});
        calls.put("WTSQuerySessionInformationW", () -> WtsServer.local().session(2).userName());
        calls.put("WTSLogoffSession", () -> WtsServer.local().session(2).logoff(false));
        calls.put("WTSDisconnectSession", () -> WtsServer.local().session(2).disconnect(false));
        calls.put("WTSSendMessageW", () -> WtsServer.local().session(2).sendMessage("t", "m", WtsMessageStyle.OK, Duration.ZERO, false));
        calls.put("WTSQueryUserToken", () -> WtsServer.local().session(2).userToken().close());
        calls.put("WTSStartRemoteControlSessionW", () -> WtsServer.local().session(2).startRemoteControl(WtsHotkey.DEFAULT));
        calls.put("WTSStopRemoteControlSession", () -> WtsServer.local().session(2).stopRemoteControl());
        calls.put("WTSConnectSessionW", () -> WtsServer.local().session(2).connectTo(WtsServer.local().session(1), new char[0], false));
    }

    private static WtsException failWith(String function, int code, Executable call) {
        FakeWts.injectError(function, code, 1);
        WtsException e = assertThrows(WtsException.class, call, function + " with " + code);
        assertEquals(function, e.function());
        assertEquals(code, e.errorCode());
        return e;
    }

    @Test
    void code7022IsNoSuchSessionFromEveryFunction() {
        calls.forEach((function, call) -> assertTrue(
                failWith(function, WtsException.ERROR_CTX_WINSTATION_NOT_FOUND, call).isNoSuchSession(), function));
    }

    @Test
    void code2IsNoSuchSessionOnlyWhereMicrosoftDocumentsIt() {
        calls.forEach((function, call) -> assertEquals(function.equals("WTSQueryUserToken"),
                failWith(function, WtsException.ERROR_FILE_NOT_FOUND, call).isNoSuchSession(), function));
        // startProcess goes through WTSQueryUserToken: 2 there is the session...
        assertTrue(failWith("WTSQueryUserToken", 2, () -> WtsServer.local().session(2).startProcess("notepad.exe", WtsStartOptions.defaults()).close())
                .isNoSuchSession());
        // ...and 2 from CreateProcessAsUserW is the program that is not there.
        assertFalse(failWith("CreateProcessAsUserW", 2, () -> WtsServer.local().session(2).startProcess("notepad.exe", WtsStartOptions.defaults()).close())
                .isNoSuchSession());
    }

    @Test
    void accessDeniedAndTheOtherTokenCodesAreNot() {
        calls.forEach((function, call) -> assertFalse(
                failWith(function, WtsException.ERROR_ACCESS_DENIED, call).isNoSuchSession(), function));
        for (int code : new int[] {WtsException.ERROR_PRIVILEGE_NOT_HELD, WtsException.ERROR_NO_TOKEN,
                                   WtsException.ERROR_INVALID_PARAMETER}) {
            assertFalse(failWith("WTSQueryUserToken", code, calls.get("WTSQueryUserToken")).isNoSuchSession());
        }
    }

    @Test
    void whatTheFakeAnswersForASessionThatIsNotThere() {
        // The session queries and controls: 7022; WTSQueryUserToken: 2, as its page documents.
        WtsException query = assertThrows(WtsException.class, () -> WtsServer.local().session(99).userName());
        assertEquals(WtsException.ERROR_CTX_WINSTATION_NOT_FOUND, query.errorCode());
        assertTrue(query.isNoSuchSession());
        WtsException logoff = assertThrows(WtsException.class, () -> WtsServer.local().session(99).logoff(true));
        assertTrue(logoff.isNoSuchSession());
        WtsException token = assertThrows(WtsException.class, () -> WtsServer.local().session(99).userToken());
        assertEquals(WtsException.ERROR_FILE_NOT_FOUND, token.errorCode());
        assertTrue(token.isNoSuchSession());
        assertTrue(token.getMessage().contains("The system cannot find the file specified."), token.getMessage());
    }
}
