package io.github.wtsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.WtsServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The CLI as it ships: its executable fat jar, and its thin jar on the module path next to the
 * library's module, both run in child JVMs against the host library (the fake says session 1).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the Linux host library stands in for the DLL")
class CliPackagingIT {
    private static Path property(String name) {
        Path path = Path.of(System.getProperty(name, "missing-" + name));
        assertTrue(Files.exists(path), name + " (built before the integration tests): " + path);
        return path;
    }

    private static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static ChildJvm.Result java(String... args) throws Exception {
        return ChildJvm.java(120, List.of(args));
    }

    private static String hostLibraryArg() {
        return "-Dwtsbridge.library.path=" + property("wts.host.library");
    }

    @Test
    void theFatJarRunsACommandAgainstTheLibrary() throws Exception {
        ChildJvm.Result sessions = java(hostLibraryArg(), "-Dwtsbridge.library.verify=false", "-jar",
                property("wts.fatJar").toString(), "sessions");
        assertEquals(0, sessions.code(), sessions.err());
        assertTrue(sessions.out().startsWith(" SESSIONNAME"), sessions.out());
        assertEquals("", sessions.err(), "nothing on stderr");
    }

    @Test
    void theFatJarHoldsTheToolTheLibraryAndTheirNotices() throws Exception {
        try (JarFile jar = new JarFile(property("wts.fatJar").toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).collect(Collectors.toList());
            for (String name : List.of("io/github/wtsbridge/cli/Main.class", "io/github/wtsbridge/WtsServer.class",
                    "natives/windows_32/wtsbridge.dll", "natives/windows_64/wtsbridge.dll",
                    "natives/windows_arm64/wtsbridge.dll", "io/github/wtsbridge/cli/version.properties",
                    "META-INF/LICENSE", "META-INF/NOTICE", "META-INF/THIRD-PARTY")) {
                assertTrue(names.contains(name), name);
            }
            assertTrue(names.stream().noneMatch(n -> n.startsWith("org/slf4j/")), "no SLF4J: the library logs through System.Logger");
            assertEquals(Main.class.getName(), jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void theThinJarRunsFromTheModulePathBesideTheLibraryModule() throws Exception {
        String modulePath = Stream.of(jarOf(WtsServer.class), property("wts.cliJar")).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        assertTrue(modulePath.contains("wts-bridge-0") || modulePath.contains("wts-bridge-1"),
                "the library's jar, not its classes directory: " + modulePath);
        // The tool's jar is an automatic module (Automatic-Module-Name io.github.wtsbridge.cli), which
        // reads every module but resolves no explicit one by itself: hence --add-modules.
        ChildJvm.Result sessions = java("--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH", hostLibraryArg(),
                "-Dwtsbridge.library.verify=false", "-m", "io.github.wtsbridge.cli/io.github.wtsbridge.cli.Main", "sessions");
        assertEquals(0, sessions.code(), sessions.err());
        assertTrue(sessions.out().startsWith(" SESSIONNAME"), sessions.out());

        ChildJvm.Result notWindows = java("--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH", "-m", "io.github.wtsbridge.cli/io.github.wtsbridge.cli.Main",
                "sessions");
        assertEquals(ExitCode.NOT_WINDOWS, notWindows.code(), notWindows.err());
        assertTrue(notWindows.err().contains("wts-bridge needs Windows"), notWindows.err());
    }
}
