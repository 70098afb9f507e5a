package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeRemote;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Remote control (shadow) and connect against the fake (fake_remote.c). */
class RemoteControlTest extends FakeTestBase {
    @BeforeEach
    void sessions() {
        FakeWts.addSession(1, 0, "Console");
        FakeWts.addSession(3, 0, "RDP-Tcp#7");
        FakeWts.setCurrentProcess(4242, 1);
    }

    @Test
    void shadowWithTheDefaultHotkeyThenStop() {
        WtsServer.local().session(3).startRemoteControl(WtsHotkey.DEFAULT);

        assertArrayEquals(new long[] {3, 0x6A, 0x2}, FakeRemote.lastStart());
        assertNull(FakeRemote.lastTargetServer(), "NULL server name for this machine");
        assertTrue(FakeRemote.isShadowed(3));

        WtsServer.local().session(3).stopRemoteControl();
        assertFalse(FakeRemote.isShadowed(3));
    }

    @Test
    void hotkeyModifiersCombine() {
        WtsServer.local().session(3).startRemoteControl(WtsHotkey.of(0x70, WtsHotkeyModifier.SHIFT, WtsHotkeyModifier.ALT));
        assertArrayEquals(new long[] {3, 0x70, 0x5}, FakeRemote.lastStart());
        assertEquals(Set.of(WtsHotkeyModifier.SHIFT, WtsHotkeyModifier.ALT),
                WtsHotkey.of(0x70, WtsHotkeyModifier.ALT, WtsHotkeyModifier.SHIFT).modifiers());
        WtsServer.local().session(3).stopRemoteControl();
    }

    @Test
    void remoteControlFailures() {
        WtsException missing = assertThrows(WtsException.class,
                () -> WtsServer.local().session(9).startRemoteControl(WtsHotkey.DEFAULT));
        assertEquals(7022, missing.errorCode());
        assertEquals("WTSStartRemoteControlSessionW", missing.function());

        FakeWts.injectError("WTSStartRemoteControlSessionW", 7044, 1); // ERROR_CTX_SHADOW_DENIED
        assertEquals(7044, assertThrows(WtsException.class,
                () -> WtsServer.local().session(3).startRemoteControl(WtsHotkey.DEFAULT)).errorCode());

        WtsException notRunning = assertThrows(WtsException.class, () -> WtsServer.local().session(3).stopRemoteControl());
        assertEquals(7057, notRunning.errorCode()); // ERROR_CTX_SHADOW_NOT_RUNNING
        assertEquals("WTSStopRemoteControlSession", notRunning.function());

        FakeWts.injectError("WTSStopRemoteControlSession", 5, 1);
        assertEquals(5, assertThrows(WtsException.class, () -> WtsServer.local().session(3).stopRemoteControl()).errorCode());
    }

    @Test
    void connectWithAPasswordLeavesTheCallersArrayAlone() {
        String secret = "p\u00E4ss\uD83D\uDD11w\u00F6rd";
        FakeRemote.setPassword(3, secret);
        char[] password = secret.toCharArray();

        WtsServer.local().session(3).connectTo(WtsServer.local().session(1), password, true);

        assertArrayEquals(new long[] {3, 1, 1}, FakeRemote.lastConnect());
        assertEquals(secret, FakeRemote.lastPassword());
        assertArrayEquals(secret.toCharArray(), password, "the caller owns (and wipes) its array");
    }

    @Test
    void connectToTheCurrentSessionPassesLogonIdCurrent() {
        WtsServer.local().session(3).connectToCurrent(new char[0], false);
        assertArrayEquals(new long[] {3, 1, 0}, FakeRemote.lastConnect(), "LOGONID_CURRENT resolved to session 1");
        assertEquals("", FakeRemote.lastPassword(), "an empty password, never NULL");
    }

    @Test
    void connectFailures() {
        FakeRemote.setPassword(3, "right");
        WtsException wrong = assertThrows(WtsException.class,
                () -> WtsServer.local().session(3).connectTo(WtsServer.local().session(1), "wrong".toCharArray(), true));
        assertEquals(1326, wrong.errorCode());
        assertEquals("WTSConnectSessionW", wrong.function());

        assertEquals(7022, assertThrows(WtsException.class,
                () -> WtsServer.local().session(8).connectTo(WtsServer.local().session(1), new char[0], true)).errorCode());

        FakeWts.injectError("WTSConnectSessionW", 5, 1);
        assertEquals(5, assertThrows(WtsException.class,
                () -> WtsServer.local().session(3).connectTo(WtsServer.local().session(1), "right".toCharArray(), true)).errorCode());

        FakeWts.removeFunction("WTSConnectSessionW");
        assertEquals(127, assertThrows(WtsException.class,
                () -> WtsServer.local().session(3).connectTo(WtsServer.local().session(1), "right".toCharArray(), true)).errorCode());
    }

    @Test
    void badInputIsRejectedBeforeAnyNativeCall() {
        long before = FakeWts.callCount();
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(-1).startRemoteControl(WtsHotkey.DEFAULT));
        assertThrows(NullPointerException.class, () -> WtsServer.local().session(3).startRemoteControl(null));
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(-2).stopRemoteControl());
        assertThrows(IllegalArgumentException.class, () -> WtsHotkey.of(0));
        assertThrows(IllegalArgumentException.class, () -> WtsHotkey.of(255));
        assertThrows(NullPointerException.class, () -> WtsHotkey.of(0x6A, (WtsHotkeyModifier) null));
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(-1).connectTo(WtsServer.local().session(1), new char[0], true));
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(3).connectTo(WtsServer.local().session(-1), new char[0], true));
        assertThrows(NullPointerException.class, () -> WtsServer.local().session(3).connectTo(WtsServer.local().session(1), null, true));
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(3).connectTo(WtsServer.local().session(1), new char[] {'a', 0}, true));
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(-1).connectToCurrent(new char[0], true));
        assertEquals(before, FakeWts.callCount());
    }
}
