package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeLaunch;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * WtsCommandLine quotes by CommandLineToArgvW's rules, checked here with an independent
 * splitter written from Microsoft's description ("Parsing C command-line arguments"), and
 * startProcess refuses the unquoted-path-with-spaces shape (CWE-428).
 */
class CommandLineTest extends FakeTestBase {
    @Test
    void quotingRoundTripsThroughTheWindowsSplittingRules() {
        List<List<String>> cases = List.of(
                List.of("notepad.exe"),
                List.of("C:\\Program Files\\app.exe", "a b", ""),
                List.of("x.exe", "say \"hi\"", "tab\there"),
                List.of("x.exe", "ends with \\", "C:\\dir with space\\", "\\\\server\\share"),
                List.of("x.exe", "\\\"", "a\\\\\"b", "plain\\path"));
        for (List<String> argv : cases) {
            String line = WtsCommandLine.of(argv);
            assertEquals(argv, split(line), line);
        }
        assertEquals("\"C:\\Program Files\\app.exe\" -x", WtsCommandLine.of(List.of("C:\\Program Files\\app.exe", "-x")));
        assertEquals("x.exe \"C:\\my dir\\\\\"", WtsCommandLine.of(List.of("x.exe", "C:\\my dir\\")));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WtsCommandLine.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> WtsCommandLine.of(List.of("")));
        assertThrows(IllegalArgumentException.class, () -> WtsCommandLine.of(List.of("a.exe", "b\0")));
        assertThrows(NullPointerException.class, () -> WtsCommandLine.of(java.util.Arrays.asList("a.exe", null)));
    }

    @Test
    void anUnquotedProgramPathWithASpaceIsRefusedBeforeAnyWindowsCall() {
        FakeWts.addSession(2, 0, "Console");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WtsServer.local().session(2).startProcess("C:\\Program Files\\Acme\\acme.exe --welcome", WtsStartOptions.defaults()));
        assertTrue(e.getMessage().contains("C:\\Program.exe") && e.getMessage().contains("WtsCommandLine.of"),
                e.getMessage());
        assertEquals(0, FakeLaunch.startedCount(), "nothing may be started");
    }

    @Test
    void unambiguousCommandLinesPass() {
        for (String line : new String[] {"notepad.exe C:\\a b.txt", "\"C:\\Program Files\\a.exe\" x",
            "C:\\Windows\\notepad.exe C:\\x.txt", "cmd /c exit 7", "C:\\tools\\run.cmd -v", "notepad"}) {
            assertDoesNotThrow(() -> WtsCommandLine.checkProgramQuoted(line), line);
        }
    }

    /** CommandLineToArgvW, after Microsoft's rules, for the arguments after the program. */
    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        // The program: up to the closing quote, or the first space; no escapes.
        StringBuilder program = new StringBuilder();
        if (line.startsWith("\"")) {
            int end = line.indexOf('"', 1);
            program.append(line, 1, end);
            i = end + 1;
        } else {
            while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                program.append(line.charAt(i++));
            }
        }
        out.add(program.toString());
        while (true) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= line.length()) {
                return out;
            }
            StringBuilder arg = new StringBuilder();
            boolean quoted = false;
            while (i < line.length() && (quoted || (line.charAt(i) != ' ' && line.charAt(i) != '\t'))) {
                int slashes = 0;
                while (i < line.length() && line.charAt(i) == '\\') {
                    slashes++;
                    i++;
                }
                if (i < line.length() && line.charAt(i) == '"') {
                    arg.append("\\".repeat(slashes / 2));
                    if (slashes % 2 == 1) {
                        arg.append('"');
                    } else if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        arg.append('"'); // "" inside quotes: a literal quote
                        i++;
                    } else {
                        quoted = !quoted;
                    }
                    i++;
                } else {
                    arg.append("\\".repeat(slashes));
                    if (i < line.length() && (quoted || (line.charAt(i) != ' ' && line.charAt(i) != '\t'))) {
                        arg.append(line.charAt(i++));
                    }
                }
            }
            out.add(arg.toString());
        }
    }
}
