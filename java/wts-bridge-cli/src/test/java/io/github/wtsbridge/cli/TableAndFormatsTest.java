package io.github.wtsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.WtsConnectState;
import io.github.wtsbridge.WtsHotkey;
import io.github.wtsbridge.WtsHotkeyModifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pure-Java pieces of the CLI: table layout, quser's idle time, state words, targets, hotkeys, --version. */
class TableAndFormatsTest {
    @Test
    void tableAlignsByCodePointsAndCleansControlCharacters() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Table("NAME", ">N", "LAST").row("\uD834\uDD1Ex", 5, "a\nb").row("abcd", 12345, "").print(
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(String.join(System.lineSeparator(), "NAME      N  LAST", "\uD834\uDD1Ex        5  a?b",
                "abcd  12345", ""), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void idleTimeLikeQuser() {
        assertEquals("none", Formats.idle(Optional.empty()));
        assertEquals(".", Formats.idle(Optional.of(Duration.ofSeconds(59))));
        assertEquals("1", Formats.idle(Optional.of(Duration.ofSeconds(60))));
        assertEquals("59", Formats.idle(Optional.of(Duration.ofMinutes(59))));
        assertEquals("1:00", Formats.idle(Optional.of(Duration.ofMinutes(60))));
        assertEquals("23:59", Formats.idle(Optional.of(Duration.ofMinutes(24 * 60 - 1))));
        assertEquals("1+00:00", Formats.idle(Optional.of(Duration.ofDays(1))));
        assertEquals("12+03:04", Formats.idle(Optional.of(Duration.ofDays(12).plusHours(3).plusMinutes(4))));
        assertEquals("1+23:59", Formats.idle(Optional.of(Duration.ofDays(2).minusSeconds(1))));
    }

    @Test
    void markedTableLikeQwinsta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Table("NAME", ">ID").markedRow(false, "a", 1).markedRow(true, "bb", 22).print(
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(String.join(System.lineSeparator(), " NAME  ID", " a      1", ">bb    22", ""),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void targetsLikeWindowsTools() throws UsageException {
        Targets.Target id = Targets.parse("3", "SESSION", false);
        assertEquals(3, id.id());
        assertTrue(id.matches(3, "x", "", "", true));
        assertFalse(id.matches(4, "3", "3", "", true), "a number is an id, never a name");
        Targets.Target name = Targets.parse("RDP-TCP#3", "SESSION", false);
        assertTrue(name.matches(7, "rdp-tcp#3", "", "", false), "session names in any case");
        assertTrue(Targets.parse("corp\\ALICE", "x", false).matches(7, "Console", "alice", "CORP", true));
        assertTrue(Targets.parse("alice", "x", false).matches(7, "Console", "Alice", "CORP", true));
        assertFalse(Targets.parse("alice", "x", false).matches(7, "Console", "alice", "CORP", false), "not by user");
        assertTrue(Targets.parse("*", "x", true).all());
        for (String bad : new String[] {"*", "", " ", "-3", "99999999999", "a\0b"}) {
            assertThrows(UsageException.class, () -> Targets.parse(bad, "x", false), bad);
        }
        assertTrue(Targets.imagePattern("notepad").test("NOTEPAD.EXE"));
        assertTrue(Targets.imagePattern("note*.exe").test("notepad.exe"));
        assertTrue(Targets.imagePattern("n?tepad").test("notepad.exe"));
        assertFalse(Targets.imagePattern("note").test("notepad.exe"));
        assertFalse(Targets.imagePattern("a.c").test("abc"), "a dot is a dot, not a regex");
    }

    @Test
    void hotkeys() throws UsageException {
        assertEquals(WtsHotkey.DEFAULT, ShadowCommand.hotkey("ctrl+*"));
        assertEquals(WtsHotkey.of(0x7B, WtsHotkeyModifier.CTRL, WtsHotkeyModifier.SHIFT), ShadowCommand.hotkey("Ctrl+Shift+F12"));
        assertEquals(WtsHotkey.of('Q', WtsHotkeyModifier.ALT), ShadowCommand.hotkey("alt+q"));
        assertEquals(WtsHotkey.of(0x6A, WtsHotkeyModifier.CTRL), ShadowCommand.hotkey("ctrl+0x6a"));
        for (String bad : new String[] {"*", "ctrl", "ctrl+a+b", "ctrl+f25", "ctrl+0x00", "ctrl+0xff", "hyper+a", "ctrl+\u00e9"}) {
            assertThrows(UsageException.class, () -> ShadowCommand.hotkey(bad), bad);
        }
    }

    @Test
    void versionFromTheResourceOrUnknown() {
        assertEquals("wts-bridge unknown (commit unknown)", Version.line(null));
        assertEquals("wts-bridge 1.2.3 (commit unknown)", Version.line(stream("version=1.2.3\n")));
        assertEquals("wts-bridge unknown (commit abc)", Version.line(stream("commit=abc\nversion=${project.version}\n")));
        assertEquals("wts-bridge 1.2.3 (commit 0123abc)", Version.line(stream("version = 1.2.3\ncommit=0123abc\n")));
    }

    private static java.io.InputStream stream(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void serverListsAndFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertEquals(java.util.List.of("a", "b", "C"), Cli.servers(java.util.List.of("a, b", "C", "c", "A")), "the first spelling stays");
        java.nio.file.Path file = dir.resolve("servers.txt");
        java.nio.file.Files.writeString(file, "# farm\nrdsh01\n\n  rdsh02  \nRDSH01\n");
        assertEquals(java.util.List.of("rdsh01", "rdsh02", "x"), Cli.servers(java.util.List.of("@" + file, "x")));
        java.nio.file.Files.writeString(file, "# nothing\n");
        for (String bad : new String[] {"@" + file, "@" + dir.resolve("missing"), "a,,b", "", "x".repeat(300)}) {
            assertThrows(UsageException.class, () -> Cli.servers(java.util.List.of(bad)), bad);
        }
    }

    @Test
    void stateWordsLikeQwinsta() {
        assertEquals("Active", Formats.state(WtsConnectState.ACTIVE, 0));
        assertEquals("Disc", Formats.state(WtsConnectState.DISCONNECTED, 4));
        assertEquals("Listen", Formats.state(WtsConnectState.LISTEN, 6));
        assertEquals("Unknown(4294967295)", Formats.state(WtsConnectState.UNKNOWN, -1));
        for (WtsConnectState state : WtsConnectState.values()) {
            Formats.state(state, state.code()); // a word for every state
        }
    }

    @Test
    void exitCodeOfOutcomes() {
        assertEquals(0, ExitCode.of(0, 3));
        assertEquals(3, ExitCode.of(1, 3));
        assertEquals(1, ExitCode.of(3, 3));
        assertEquals(1, ExitCode.of(1, 1));
    }
}
