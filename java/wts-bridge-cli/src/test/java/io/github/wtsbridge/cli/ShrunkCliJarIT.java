package io.github.wtsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The executable -all jar is shrunk by ProGuard after shade (shrink-all.pro: what Main does not
 * reach goes, nothing is renamed). Every command, run from the shrunk jar and from the jar as
 * shade made it (ProGuard keeps it beside as {@code -all_proguard_base.jar}) against the host
 * library, must give the same exit code, stdout and stderr: a class or member the shrinker took
 * that a command needs would show here as a NoClassDefFoundError, NoSuchMethodError or a
 * different answer.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the Linux host library stands in for the DLL")
class ShrunkCliJarIT {
    /** Every command, with the options that take other paths through the library. */
    private static final List<List<String>> COMMANDS = List.of(
            List.of("sessions"), List.of("sessions", "--json"), List.of("sessions", "--counter"),
            List.of("users"), List.of("users", "--json"),
            List.of("processes"), List.of("processes", "--json"), List.of("processes", "--all"),
            List.of("logoff", "1"), List.of("logoff", "2"), List.of("disconnect", "1"), List.of("connect", "2"),
            List.of("shadow", "2"), List.of("msg", "*", "hello"), List.of("msg", "1", "hello", "--json"),
            List.of("kill", "4242"), List.of("shutdown", "--yes"), List.of("servers"), List.of("servers", "--json"),
            List.of("watch", "--for", "1"), List.of("run-as-user", "notepad.exe"),
            List.of("channel", "listen", "ACMECLP"), List.of("channel", "listen", "ACMECLP", "--dynamic"), List.of("--version"), List.of("--help"), List.of("sessions", "--bogus"));

    private static Path property(String name) {
        Path path = Path.of(System.getProperty(name, "missing-" + name));
        assertTrue(Files.exists(path), name + " (built before the integration tests): " + path);
        return path;
    }

    private static ChildJvm.Result run(Path jar, List<String> command) throws Exception {
        List<String> args = new ArrayList<>(List.of("-Dwtsbridge.library.path=" + property("wts.host.library"),
                "-Dwtsbridge.library.verify=false", "-jar", jar.toString()));
        args.addAll(command);
        return ChildJvm.java(60, args);
    }

    /** What legitimately differs between two runs: the time a listing took. */
    private static String steady(String output) {
        return output.replaceAll("\"elapsedMillis\":\\d+", "\"elapsedMillis\":N");
    }

    @Test
    void everyCommandAnswersAsFromTheUnshrunkJar() throws Exception {
        Path shrunk = property("wts.fatJar");
        Path unshrunk = Path.of(shrunk.toString().replace("-all.jar", "-all_proguard_base.jar"));
        assertTrue(Files.exists(unshrunk), "ProGuard keeps the jar it shrank beside it: " + unshrunk);
        assertTrue(Files.size(shrunk) < Files.size(unshrunk), "shrunk: " + Files.size(shrunk) + " B, before: " + Files.size(unshrunk) + " B");
        for (List<String> command : COMMANDS) {
            ChildJvm.Result expected = run(unshrunk, command);
            ChildJvm.Result actual = run(shrunk, command);
            String shown = String.join(" ", command);
            assertEquals(expected.code(), actual.code(), shown + ": " + actual.err());
            assertEquals(steady(expected.out()), steady(actual.out()), shown);
            assertEquals(expected.err(), actual.err(), shown);
            assertFalse(actual.err().contains("Exception") || actual.err().contains("Error:"), shown + ": " + actual.err());
        }
    }

    @Test
    void theShrunkJarStillHoldsTheDllsTheNoticesAndTheLoggerFinder() throws Exception {
        try (JarFile jar = new JarFile(property("wts.fatJar").toFile())) {
            for (String name : List.of("natives/windows_32/wtsbridge.dll", "natives/windows_64/wtsbridge.dll",
                    "natives/windows_arm64/wtsbridge.dll", "natives/wtsbridge.sha256", "io/github/wtsbridge/cli/version.properties",
                    "io/github/wtsbridge/cli/SilentLoggerFinder.class", "META-INF/services/java.lang.System$LoggerFinder",
                    "META-INF/LICENSE", "META-INF/NOTICE", "META-INF/THIRD-PARTY")) {
                assertTrue(jar.getEntry(name) != null, name);
            }
        }
    }
}
