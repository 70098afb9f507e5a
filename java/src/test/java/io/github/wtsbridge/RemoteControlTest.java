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
        WtsSessions.startRemoteControl(3, WtsHotkey.DEFAULT);

        assertArrayEquals(new long[] {3, 0x6A, 0x2}, FakeRemote.lastStart());
        assertNull(FakeRemote.lastTargetServer(), "NULL server name for this machine");
        assertTrue(FakeRemote.isShadowed(3));

        WtsSessions.stopRemoteControl(3);
        assertFalse(FakeRemote.isShadowed(3));
    }

    @Test
    void hotkeyModifiersCombine() {
        WtsSessions.startRemoteControl(3, WtsHotkey.of(0x70, WtsHotkeyModifier.SHIFT, WtsHotkeyModifier.ALT));
        assertArrayEquals(new long[] {3, 0x70, 0x5}, FakeRemote.lastStart());
        assertEquals(Set.of(WtsHotkeyModifier.SHIFT, WtsHotkeyModifier.ALT),
                WtsHotkey.of(0x70, WtsHotkeyModifier.ALT, WtsHotkeyModifier.SHIFT).modifiers());
        WtsSessions.stopRemoteControl(3);
    }

    @Test
    void remoteControlFailures() {
        WtsException missing = assertThrows(WtsException.class,
                () -> WtsSessions.startRemoteControl(9, WtsHotkey.DEFAULT));
        assertEquals(7022, missing.errorCode());
        assertEquals("WTSStartRemoteControlSessionW", missing.function());

        FakeWts.injectError("WTSStartRemoteControlSessionW", 7044, 1); // ERROR_CTX_SHADOW_DENIED
        assertEquals(7044, assertThrows(WtsException.class,
                () -> WtsSessions.startRemoteControl(3, WtsHotkey.DEFAULT)).errorCode());

        WtsException notRunning = assertThrows(WtsException.class, () -> WtsSessions.stopRemoteControl(3));
        assertEquals(7057, notRunning.errorCode()); // ERROR_CTX_SHADOW_NOT_RUNNING
        assertEquals("WTSStopRemoteControlSession", notRunning.function());

        FakeWts.injectError("WTSStopRemoteControlSession", 5, 1);
        assertEquals(5, assertThrows(WtsException.class, () -> WtsSessions.stopRemoteControl(3)).errorCode());
    }

    @Test
    void connectWithAPasswordLeavesTheCallersArrayAlone() {
        String secret = "p\u00E4ss\uD83D\uDD11w\u00F6rd";
        FakeRemote.setPassword(3, secret);
        char[] password = secret.toCharArray();

        WtsSessions.connect(3, 1, password, true);

        assertArrayEquals(new long[] {3, 1, 1}, FakeRemote.lastConnect());
        assertEquals(secret, FakeRemote.lastPassword());
        assertArrayEquals(secret.toCharArray(), password, "the caller owns (and wipes) its array");
    }

    @Test
    void connectToTheCurrentSessionPassesLogonIdCurrent() {
        WtsSessions.connectToCurrent(3, new char[0], false);
        assertArrayEquals(new long[] {3, 1, 0}, FakeRemote.lastConnect(), "LOGONID_CURRENT resolved to session 1");
        assertEquals("", FakeRemote.lastPassword(), "an empty password, never NULL");
    }

    @Test
    void connectFailures() {
        FakeRemote.setPassword(3, "right");
        WtsException wrong = assertThrows(WtsException.class,
                () -> WtsSessions.connect(3, 1, "wrong".toCharArray(), true));
        assertEquals(1326, wrong.errorCode());
        assertEquals("WTSConnectSessionW", wrong.function());

        assertEquals(7022, assertThrows(WtsException.class,
                () -> WtsSessions.connect(8, 1, new char[0], true)).errorCode());

        FakeWts.injectError("WTSConnectSessionW", 5, 1);
        assertEquals(5, assertThrows(WtsException.class,
                () -> WtsSessions.connect(3, 1, "right".toCharArray(), true)).errorCode());

        FakeWts.removeFunction("WTSConnectSessionW");
        assertEquals(127, assertThrows(WtsException.class,
                () -> WtsSessions.connect(3, 1, "right".toCharArray(), true)).errorCode());
    }

    @Test
    void badInputIsRejectedBeforeAnyNativeCall() {
        long before = FakeWts.callCount();
        assertThrows(IllegalArgumentException.class, () -> WtsSessions.startRemoteControl(-1, WtsHotkey.DEFAULT));
        assertThrows(NullPointerException.class, () -> WtsSessions.startRemoteControl(3, null));
        assertThrows(NullPointerException.class, () -> WtsSessions.startRemoteControl(null, 3, WtsHotkey.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> WtsSessions.stopRemoteControl(-2));
        assertThrows(IllegalArgumentException.class, () -> WtsHotkey.of(0));
        assertThrows(IllegalArgumentException.class, () -> WtsHotkey.of(255));
        assertThrows(NullPointerException.class, () -> WtsHotkey.of(0x6A, (WtsHotkeyModifier) null));
        assertThrows(IllegalArgumentException.class, () -> WtsSessions.connect(-1, 1, new char[0], true));
        assertThrows(IllegalArgumentException.class, () -> WtsSessions.connect(3, -1, new char[0], true));
        assertThrows(NullPointerException.class, () -> WtsSessions.connect(3, 1, null, true));
        assertThrows(IllegalArgumentException.class, () -> WtsSessions.connect(3, 1, new char[] {'a', 0}, true));
        assertThrows(IllegalArgumentException.class, () -> WtsSessions.connectToCurrent(-1, new char[0], true));
        assertEquals(before, FakeWts.callCount());
    }
}
