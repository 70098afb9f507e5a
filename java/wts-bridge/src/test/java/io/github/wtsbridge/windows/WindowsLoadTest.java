package io.github.wtsbridge.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.internal.BundledDigests;
import io.github.wtsbridge.internal.NativeLibrary;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On real Windows: the DLL that runs is the bundled one, extracted into this JVM's own
 * directory and checked against the digests the build recorded, never a wtsbridge.dll found
 * on PATH, in the current directory or in java.library.path.
 */
@Tag("windows")
class WindowsLoadTest {
    @Test
    void testsRunWithoutAnExplicitLibraryPath() {
        String explicit = System.getProperty(NativeLibrary.PATH_PROPERTY);
        assertTrue(explicit == null || explicit.isBlank(),
                "the Windows tests must load the bundled DLL, but -D" + NativeLibrary.PATH_PROPERTY + "=" + explicit
                        + " (run Maven with -Dwts.host.library=)");
    }

    @Test
    void loadedDllIsTheExtractedVerifiedCopy() throws IOException {
        Path dll = WindowsSupport.extractedDll();

        Map<String, String> digests = BundledDigests.load();
        String resource = "natives/" + WindowsSupport.archDirectory() + "/wtsbridge.dll";
        assertNotNull(digests.get(resource), "no digest recorded for " + resource + " in " + digests);
        assertEquals(digests.get(resource), BundledDigests.sha256(dll), "digest of " + dll);

        // Windows refuses write access to a file mapped as an executable image: the copy in
        // this JVM's fresh directory is the DLL that is loaded (nothing else could map it).
        assertThrows(FileSystemException.class, () -> {
            try (FileChannel ignored = FileChannel.open(dll, StandardOpenOption.WRITE)) {
                // opening is the test; nothing is written
            }
        }, dll + " can be opened for writing, so it is not the loaded DLL");
    }

    /**
     * A fresh JVM whose PATH, current directory and java.library.path all offer a planted
     * wtsbridge.dll (garbage: loading it would fail) still works, with the DLL it extracted.
     */
    @Test
    void plantedDllOnPathIsIgnored(@TempDir Path temp) throws Exception {
        Path planted = Files.createDirectories(temp.resolve("planted"));
        Files.writeString(planted.resolve("wtsbridge.dll"), "not a DLL: loading this must never happen");
        Path extractTo = Files.createDirectories(temp.resolve("extract"));

        String java = Path.of(System.getProperty("java.home"), "bin", "java.exe").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-cp", WindowsSupport.testClassPath(),
                "-Djava.library.path=" + planted,
                "-D" + NativeLibrary.TMPDIR_PROPERTY + "=" + extractTo,
                LoadProbe.class.getName(), "--where"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(planted.toFile()).redirectErrorStream(true);
        String pathVariable = builder.environment().keySet().stream()
                .filter(k -> k.equalsIgnoreCase("PATH")).findFirst().orElse("PATH");
        builder.environment().merge(pathVariable, planted.toString(), (old, add) -> add + ";" + old);
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the probe JVM did not finish");

        assertEquals(0, child.exitValue(), "probe JVM failed:\n" + output);
        Matcher m = Pattern.compile("session=(\\d+)").matcher(output);
        assertTrue(m.find(), "no session id in:\n" + output);
        assertEquals(WtsSession.current().id(), Integer.parseInt(m.group(1)), output);
        Matcher where = Pattern.compile("dll=(.+?)\\s*$", Pattern.MULTILINE).matcher(output);
        assertTrue(where.find(), "no DLL path in:\n" + output);
        Path loaded = Path.of(where.group(1));
        assertTrue(loaded.startsWith(extractTo), "the probe JVM loaded " + loaded + ", not a copy under " + extractTo);
    }
}
