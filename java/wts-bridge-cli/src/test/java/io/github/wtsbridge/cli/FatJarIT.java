package io.github.wtsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    record Result(int code, String out, String err) {
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("wts.fatJar", "target/missing-all.jar"));
        assertTrue(Files.isRegularFile(jar), "the fat jar is built before the integration tests: " + jar);
        return jar;
    }

    private static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS"); // "Picked up …" would add a line to stderr
        builder.environment().remove("_JAVA_OPTIONS");
        File err = File.createTempFile("wts-cli", ".err");
        try {
            Process child = builder.redirectError(err).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the CLI did not exit");
            return new Result(child.exitValue(), out, Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err.toPath());
        }
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
            Result result = run(args);
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
        Result help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("usage: wts-bridge <command>"), help.out());
        assertEquals("", help.err());

        Result usage = run("sessions", "--bogus");
        assertEquals(ExitCode.USAGE, usage.code());
        assertTrue(usage.err().startsWith("wts-bridge: unknown option --bogus"), usage.err());
        assertEquals(ExitCode.USAGE, run("logoff", "one", "two").code(), "usage errors before the OS check");

        Result version = run("--version");
        assertEquals(0, version.code(), version.err());
        assertTrue(version.out().matches("wts-bridge \\S+ \\(commit \\S+\\)\\R"), version.out());
    }
}
