package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.WtsMessageStyle.Buttons;
import io.github.wtsbridge.WtsMessageStyle.DefaultButton;
import io.github.wtsbridge.WtsMessageStyle.Icon;
import io.github.wtsbridge.WtsMessageStyle.Modality;
import io.github.wtsbridge.WtsMessageStyle.Option;
import io.github.wtsbridge.testing.FakeControl;
import io.github.wtsbridge.testing.FakeServers;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Logoff, disconnect, messages, terminate and shutdown through the shim against the fake. */
class ControlTest extends FakeTestBase {
    private static final WtsServer LOCAL = WtsServer.local();
    private static final WtsMessageStyle YES_NO = WtsMessageStyle.of(Buttons.YES_NO).withIcon(Icon.QUESTION)
            .withDefaultButton(DefaultButton.SECOND);

    @Test
    void logoffEndsTheSession() {
        FakeWts.addSession(1, 0, "Console");
        FakeWts.addSession(3, 0, "RDP-Tcp#7");

        WtsServer.local().session(3).logoff(true);

        FakeControl.Call call = FakeControl.lastCall();
        assertEquals("WTSLogoffSession", call.function());
        assertEquals(3, call.session());
        assertTrue(call.waited());
        assertEquals(List.of(1), WtsServer.local().sessions().stream().map(WtsSessionEntry::id).toList());
    }

    @Test
    void disconnectKeepsTheUserLoggedOn() {
        FakeWts.addSession(3, 0, "RDP-Tcp#7");

        WtsServer.local().session(3).disconnect(false);

        assertFalse(FakeControl.lastCall().waited());
        assertEquals(WtsConnectState.DISCONNECTED, WtsServer.local().session(3).connectState());
    }

    @Test
    void logoffAndDisconnectFailures() {
        WtsException gone = assertThrows(WtsException.class, () -> LOCAL.session(9).logoff(true));
        assertEquals(7022, gone.errorCode());
        assertEquals("WTSLogoffSession", gone.function());
        WtsException gone2 = assertThrows(WtsException.class, () -> LOCAL.session(9).disconnect(true));
        assertEquals(7022, gone2.errorCode());
        assertEquals("WTSDisconnectSession", gone2.function());
        FakeWts.addSession(3, 0, "RDP-Tcp#7");
        FakeWts.injectError("WTSLogoffSession", 5, 1);
        assertEquals(5, assertThrows(WtsException.class, () -> LOCAL.session(3).logoff(false)).errorCode());
        try (WtsServer far = WtsServer.open("far.example")) {
            WtsException e = assertThrows(WtsException.class, () -> far.session(3).disconnect(false));
            assertEquals(1722, e.errorCode());
            assertEquals("far.example", FakeServers.lastServer());
        }
        assertEquals(WtsConnectState.ACTIVE, WtsServer.local().session(3).connectState());
    }

    @Test
    void sendMessagePassesLengthsInBytesAndReturnsTheButton() {
        FakeWts.addSession(3, 0, "RDP-Tcp#7");
        FakeControl.setMessageResponse(6);
        String title = "Update \uD83D\uDD04";
        String text = "Restart now? Unsaved work in \u00C9diteur will be lost.\n\u2014 IT";

        WtsMessageReply reply = LOCAL.session(3).sendMessage(title, text, YES_NO, Duration.ofSeconds(90), true);

        assertEquals(new WtsMessageReply(WtsMessageResponse.YES, 6), reply);
        FakeControl.Call call = FakeControl.lastCall();
        assertEquals("WTSSendMessageW", call.function());
        assertEquals(title, call.title());
        assertEquals(text, call.message());
        assertEquals(2L * title.length(), call.titleBytes());
        assertEquals(2L * text.length(), call.messageBytes());
        assertEquals(0x4 | 0x20 | 0x100, call.style());
        assertEquals(90, call.timeoutSeconds());
        assertTrue(call.waited());
    }

    @Test
    void timeoutAsyncAndUnknownResponses() {
        FakeWts.addSession(3, 0, "RDP-Tcp#7");
        FakeControl.setMessageResponse(32000);
        assertEquals(WtsMessageResponse.TIMEOUT,
                LOCAL.session(3).sendMessage("t", "m", WtsMessageStyle.OK, Duration.ofSeconds(1), true).response());
        assertEquals(new WtsMessageReply(WtsMessageResponse.ASYNC, 32001),
                WtsServer.local().session(3).sendMessage("t", "m", WtsMessageStyle.OK, Duration.ZERO, false));
        assertFalse(FakeControl.lastCall().waited());
        FakeControl.setMessageResponse(4242);
        assertEquals(new WtsMessageReply(WtsMessageResponse.UNKNOWN, 4242),
                LOCAL.session(3).sendMessage("t", "m", WtsMessageStyle.OK, Duration.ZERO, true));
        assertEquals(WtsMessageResponse.CONTINUE, WtsMessageResponse.of(11));
    }

    @Test
    void emptyTitleBecomesASpaceAndTimeoutsRoundUp() {
        FakeWts.addSession(3, 0, "RDP-Tcp#7");
        LOCAL.session(3).sendMessage("", "", WtsMessageStyle.OK, Duration.ofMillis(1500), true);
        FakeControl.Call call = FakeControl.lastCall();
        assertEquals(" ", call.title());
        assertEquals(2, call.titleBytes());
        assertEquals("", call.message());
        assertEquals(0, call.messageBytes());
        assertEquals(2, call.timeoutSeconds());
        LOCAL.session(3).sendMessage("t", "m", WtsMessageStyle.OK, Duration.ofSeconds(0xFFFF_FFFFL), true);
        assertEquals(0xFFFF_FFFFL, FakeControl.lastCall().timeoutSeconds());
        LOCAL.session(3).sendMessage("t", "m", WtsMessageStyle.OK, Duration.ZERO, true);
        assertEquals(0, FakeControl.lastCall().timeoutSeconds(), "0 = wait forever");
    }

    @Test
    void styleFlags() {
        assertEquals(0, WtsMessageStyle.OK.flags());
        assertEquals(0x3 | 0x30 | 0x200 | 0x1000 | 0x10000 | 0x40000,
                WtsMessageStyle.of(Buttons.YES_NO_CANCEL).withIcon(Icon.WARNING).withDefaultButton(DefaultButton.THIRD)
                        .withModality(Modality.SYSTEM).withOptions(Set.of(Option.SET_FOREGROUND, Option.TOPMOST)).flags());
        assertEquals(0x6 | 0x40 | 0x2000 | 0x80000 | 0x100000, WtsMessageStyle.of(Buttons.CANCEL_TRY_CONTINUE)
                .withIcon(Icon.INFORMATION).withModality(Modality.TASK)
                .withOptions(EnumSet.of(Option.RIGHT_ALIGNED, Option.RTL_READING)).flags());
        // a default button the box does not have
        assertThrows(IllegalArgumentException.class, () -> WtsMessageStyle.OK.withDefaultButton(DefaultButton.SECOND));
        assertThrows(IllegalArgumentException.class, () -> YES_NO.withDefaultButton(DefaultButton.THIRD));
        assertThrows(IllegalArgumentException.class,
                () -> WtsMessageStyle.of(Buttons.ABORT_RETRY_IGNORE).withDefaultButton(DefaultButton.FOURTH));
        Set<Option> withNull = new HashSet<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> WtsMessageStyle.OK.withOptions(withNull));
        assertThrows(NullPointerException.class, () -> WtsMessageStyle.OK.withIcon(null));
    }

    @Test
    void sendMessageFailures() {
        WtsException gone = assertThrows(WtsException.class,
                () -> LOCAL.session(9).sendMessage("t", "m", WtsMessageStyle.OK, Duration.ZERO, true));
        assertEquals(7022, gone.errorCode());
        assertEquals("WTSSendMessageW", gone.function());
        FakeWts.addSession(3, 0, "RDP-Tcp#7");
        for (int code : new int[] {5, 87}) {
            FakeWts.injectError("WTSSendMessageW", code, 1);
            WtsException e = assertThrows(WtsException.class,
                    () -> LOCAL.session(3).sendMessage("t", "m", WtsMessageStyle.OK, Duration.ZERO, true));
            assertEquals(code, e.errorCode());
        }
        FakeServers.script("denies", FakeServers.DENIES);
        try (WtsServer server = WtsServer.open("denies")) {
            assertEquals(5, assertThrows(WtsException.class,
                    () -> server.session(3).sendMessage("t", "m", WtsMessageStyle.OK, Duration.ZERO, true)).errorCode());
        }
        assertTrue(FakeWts.removeFunction("WTSSendMessageW"));
        assertEquals(127, assertThrows(WtsException.class,
                () -> LOCAL.session(3).sendMessage("t", "m", WtsMessageStyle.OK, Duration.ZERO, true)).errorCode());
    }

    @Test
    void badMessageInputMakesNoNativeCall() {
        FakeWts.addSession(3, 0, "RDP-Tcp#7");
        long calls = FakeWts.callCount();
        Duration d = Duration.ZERO;
        WtsMessageStyle ok = WtsMessageStyle.OK;
        for (Executable bad : new Executable[] {
            () -> LOCAL.session(3).sendMessage("a\0b", "m", ok, d, true),
            () -> LOCAL.session(3).sendMessage("t", "m\0", ok, d, true),
            () -> LOCAL.session(3).sendMessage("t".repeat(WtsSession.MAX_MESSAGE_TITLE_LENGTH + 1), "m", ok, d, true),
            () -> LOCAL.session(3).sendMessage("t", "m".repeat(WtsSession.MAX_MESSAGE_LENGTH + 1), ok, d, true),
            () -> LOCAL.session(3).sendMessage("t", "m", ok, Duration.ofSeconds(-1), true),
            () -> LOCAL.session(3).sendMessage("t", "m", ok, Duration.ofSeconds(0x1_0000_0000L), true),
            () -> LOCAL.session(-1).sendMessage("t", "m", ok, d, true),
            () -> LOCAL.session(-1).logoff(true),
            () -> LOCAL.session(-1).disconnect(true)}) {
            assertThrows(IllegalArgumentException.class, bad);
        }
        for (Executable bad : new Executable[] {
            () -> LOCAL.session(3).sendMessage(null, "m", ok, d, true),
            () -> LOCAL.session(3).sendMessage("t", null, ok, d, true),
            () -> LOCAL.session(3).sendMessage("t", "m", null, d, true),
            () -> LOCAL.session(3).sendMessage("t", "m", ok, null, true),
            }) {
            assertThrows(NullPointerException.class, bad);
        }
        assertEquals(calls, FakeWts.callCount());
    }

    @Test
    void terminateProcess() {
        FakeWts.addProcess(3, 4242, "notepad.exe", null);
        FakeWts.addProcess(3, 0xFFFF_FFF0, "high-pid.exe", null);

        WtsServer.local().terminateProcess(4242, -2); // exit code 0xFFFFFFFE, as Windows takes a DWORD
        FakeControl.Call call = FakeControl.lastCall();
        assertEquals("WTSTerminateProcess", call.function());
        assertEquals(4242, call.pid());
        assertEquals(0xFFFF_FFFEL, call.exitCode());
        LOCAL.terminateProcess(0xFFFF_FFF0L, 0);
        assertEquals(0xFFFF_FFF0L, FakeControl.lastCall().pid());
        assertEquals(List.of(), WtsServer.local().processes());
    }

    @Test
    void terminateFailures() {
        WtsException gone = assertThrows(WtsException.class, () -> WtsServer.local().terminateProcess(4242, 1));
        assertEquals(87, gone.errorCode());
        assertEquals("WTSTerminateProcess", gone.function());
        FakeWts.addProcess(0, 4, "System", null);
        FakeWts.injectError("WTSTerminateProcess", 5, 1);
        assertEquals(5, assertThrows(WtsException.class, () -> WtsServer.local().terminateProcess(4, 1)).errorCode());
        try (WtsServer far = WtsServer.open("far")) {
            assertEquals(1722, assertThrows(WtsException.class, () -> far.terminateProcess(4, 1)).errorCode());
        }
        long calls = FakeWts.callCount();
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().terminateProcess(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().terminateProcess(0x1_0000_0000L, 0));
        assertEquals(calls, FakeWts.callCount());
        assertEquals(1, WtsServer.local().processes().size(), "System survived");
    }

    @Test
    void shutdownFlags() {
        FakeServers.reachable("rdsh01");
        try (WtsServer server = WtsServer.open("rdsh01")) {
            server.shutdown(EnumSet.of(WtsShutdownFlag.LOGOFF, WtsShutdownFlag.REBOOT));
            assertEquals(0x5, FakeControl.lastCall().shutdownFlags());
            assertEquals("rdsh01", FakeServers.lastServer());
        }
        LOCAL.shutdown(Set.of(WtsShutdownFlag.POWEROFF));
        assertEquals(0x8, FakeControl.lastCall().shutdownFlags());
        LOCAL.shutdown(Set.of(WtsShutdownFlag.LOGOFF));
        assertEquals(0x1, FakeControl.lastCall().shutdownFlags());
    }

    @Test
    void shutdownFailuresAndBadFlags() {
        FakeWts.injectError("WTSShutdownSystem", 1314, 1);
        WtsException e = assertThrows(WtsException.class,
                () -> LOCAL.shutdown(Set.of(WtsShutdownFlag.SHUTDOWN)));
        assertEquals(1314, e.errorCode());
        assertEquals("WTSShutdownSystem", e.function());
        FakeWts.injectError("WTSShutdownSystem", 5, 1);
        assertEquals(5, assertThrows(WtsException.class,
                () -> LOCAL.shutdown(Set.of(WtsShutdownFlag.REBOOT))).errorCode());
        long calls = FakeWts.callCount();
        assertThrows(IllegalArgumentException.class, () -> LOCAL.shutdown(Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> LOCAL.shutdown(EnumSet.of(WtsShutdownFlag.SHUTDOWN, WtsShutdownFlag.REBOOT)));
        assertThrows(IllegalArgumentException.class, () -> LOCAL.shutdown(EnumSet.of(WtsShutdownFlag.LOGOFF, WtsShutdownFlag.POWEROFF, WtsShutdownFlag.FASTREBOOT)));
        assertThrows(NullPointerException.class, () -> LOCAL.shutdown(null));
        assertEquals(calls, FakeWts.callCount());
    }
}
