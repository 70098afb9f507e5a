package io.github.wtsbridge.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a Windows JVM: the thin jar on the module path, used by the probe module of ModuleIT
 * (java/wts-bridge/src/test/modules/probe, compiled by scripts/wine-jvm-test, which passes the module path
 * in {@code wts.probe.modulePath}). With no library property, the bundled DLL of this
 * architecture is read from the module's own {@code natives} package, extracted, checked
 * against the digests and loaded: the one loader path that Linux cannot run.
 */
@Tag("windows")
class WindowsModulePathTest {
    @Test
    void theBundledDllLoadsFromTheModulePath(@TempDir Path temp) throws Exception {
        String modulePath = System.getProperty("wts.probe.modulePath");
        Assumptions.assumeTrue(modulePath != null && !modulePath.isBlank(),
                "wts.probe.modulePath (the thin jar and the compiled probe module) is set by scripts/wine-jvm-test");
        Path extractTo = Files.createDirectories(temp.resolve("extract"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java.exe").toString(),
                "-Xcheck:jni", "--module-path", modulePath, "-Dwtsbridge.tmpdir=" + extractTo,
                "-m", "wtsbridge.probe/wtsbridge.probe.Main").redirectError(temp.resolve("probe.err").toFile()).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the probe did not exit");
        // stderr apart: under Wine the library warns through System.Logger that the directory's
        // DACL could not be protected (Wine keeps no protected DACL); that is not the probe's output
        String err = Files.readString(temp.resolve("probe.err"), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), out + err);
        assertFalse(err.contains("in native method") || err.contains("JNI local refs"), "-Xcheck:jni: " + err);
        List<String> lines = out.lines().collect(Collectors.toList());
        assertEquals("module=wtsbridge.probe library=io.github.wtsbridge", lines.get(0), out);
        assertEquals(List.of("exported io.github.wtsbridge=true", "exported io.github.wtsbridge.internal=false"),
                lines.subList(1, 3), out);
        assertTrue(lines.get(3).startsWith("internal=IllegalAccessException: "), out);
        assertTrue(lines.get(4).matches("call=\\d+"), out);
        assertEquals(5, lines.size(), out);
        try (var dirs = Files.list(extractTo)) {
            assertTrue(dirs.anyMatch(d -> d.getFileName().toString().startsWith("wtsbridge-")),
                    "the probe extracted nothing under " + extractTo);
        }
    }
}
