package io.github.wtsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The packaged fat jar, run as users run it ({@code java -jar …-all.jar …}) in a child JVM
 * without the test build's library property: on this non-Windows OS every command prints one
 * clear line and exits 4; help and usage errors still work.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "on Windows the commands really run")
class FatJarIT {
    private static Path jar() {
        Path jar = Path.of(System.getProperty("wts.fatJar", "target/missing-all.jar"));
        assertTrue(Files.isRegularFile(jar), "the fat jar is built before the integration tests: " + jar);
        return jar;
    }

    private static ChildJvm.Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        return ChildJvm.java(60, command);
    }

    @Test
    void theManifestNamesTheCli() throws Exception {
        try (JarFile jar = new JarFile(jar().toFile())) {
            assertEquals(Main.class.getName(), jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void everyCommandSaysOneClearLineAndExitsFour() throws Exception {
        String expected = "wts-bridge needs Windows: the Terminal Services API does not exist on "
                + System.getProperty("os.name") + " (" + System.getProperty("os.arch") + ")" + System.lineSeparator();
        for (String[] args : new String[][] {{"sessions"}, {"users", "--json", "--server", "rdsh01"}, {"processes"},
            {"logoff", "2"}, {"disconnect", "2"}, {"connect", "2"}, {"shadow", "2"}, {"msg", "*", "hello"},
            {"kill", "4242"}, {"shutdown", "--yes"}, {"servers"}, {"watch", "--count", "1"},
            {"run-as-user", "notepad.exe"}, {"channel", "listen", "ACMECLP"}}) {
            ChildJvm.Result result = run(args);
            String shown = String.join(" ", args);
            assertEquals(ExitCode.NOT_WINDOWS, result.code(), shown + ": " + result.err());
            if (List.of(args).contains("--json")) {
                Map<String, Object> error = CliTest.at(StrictJson.object(result.out().strip()), "error");
                assertEquals("not-windows", error.get("kind"), shown);
                assertEquals(expected.strip(), error.get("message"), shown);
            } else {
                assertEquals("", result.out(), shown);
            }
            assertEquals(expected, result.err(), shown);
        }
    }

    @Test
    void helpAndUsageErrorsWorkEverywhere() throws Exception {
        ChildJvm.Result help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("usage: wts-bridge <command>"), help.out());
        assertEquals("", help.err());

        ChildJvm.Result usage = run("sessions", "--bogus");
        assertEquals(ExitCode.USAGE, usage.code());
        assertTrue(usage.err().startsWith("wts-bridge: unknown option --bogus"), usage.err());
        assertEquals(ExitCode.USAGE, run("logoff", "one", "two").code(), "usage errors before the OS check");

        ChildJvm.Result version = run("--version");
        assertEquals(0, version.code(), version.err());
        assertTrue(version.out().matches("wts-bridge \\S+ \\(commit \\S+\\)\\R"), version.out());
    }
}
