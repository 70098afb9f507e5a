package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real Windows JVM (a Windows runner, or Temurin 17 under Wine), with its own properties:
 * the share modes that pin a DLL, and the paths the loader refuses up front (issue 12, points
 * 2, 3 and 8). The child-JVM side of the same points is in WindowsLoaderTest.
 */
@Tag("windows")
class WindowsLoadPathsTest {
    @TempDir
    Path temp;

    /** This JVM's properties, with some replaced. */
    private static Function<String, String> properties(Map<String, String> replaced) {
        return name -> replaced.containsKey(name) ? replaced.get(name) : System.getProperty(name);
    }

    @Test
    void aPinnedFileCannotBeWrittenRenamedOrDeletedUntilClosed() throws Exception {
        Path file = Files.write(temp.resolve("pinned.dll"), new byte[] {1, 2, 3});
        Path other = Files.write(temp.resolve("other.dll"), new byte[] {4});
        try (PinnedFile pinned = PinnedFile.open(file)) {
            assertTrue(PinnedFile.SHARE_MODES, "a Windows JVM honours share modes");
            assertThrows(FileSystemException.class, () -> FileChannel.open(file, StandardOpenOption.WRITE).close());
            assertThrows(FileSystemException.class, () -> Files.move(file, temp.resolve("moved.dll")));
            assertThrows(FileSystemException.class, () -> Files.copy(other, file, StandardCopyOption.REPLACE_EXISTING));
            assertThrows(FileSystemException.class, () -> Files.delete(file));
            /* reading (what LoadLibrary does) is shared */
            assertEquals(3, Files.readAllBytes(file).length);
            assertEquals(BundledDigests.sha256(file), pinned.sha256());
        }
        Files.copy(other, file, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(file);
    }

    @Test
    void anExplicitTmpdirOutsideTheAnsiCodePageIsAClearError() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() < 21, "Java 21 and later load from any path");
        Path chosen = Files.createDirectories(temp.resolve("\u65E5\u672C"));
        Charset ansi = Charset.forName(System.getProperty("sun.jnu.encoding"));
        Assumptions.assumeFalse(ansi.newEncoder().canEncode(chosen.toString()), ansi + " can express " + chosen);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NativeLibrary.locate(
                properties(Map.of(NativeLibrary.TMPDIR_PROPERTY, chosen.toString())), System::getenv,
                BundledResources.ofLibrary(), NativePlatform.of(System::getProperty)));
        assertTrue(e.getMessage().contains("ANSI code page (" + System.getProperty("sun.jnu.encoding") + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("JDK-8195129"), e.getMessage());
        assertTrue(e.getMessage().contains("-D" + NativeLibrary.TMPDIR_PROPERTY + "="), e.getMessage());
        try (var left = Files.list(chosen)) {
            assertEquals(List.of(), left.toList(), "something was extracted");
        }
    }

    @Test
    void aTempDirectoryBeyondMaxPathFallsBackAndAnExplicitOneIsRefused() throws Exception {
        Path nested = temp;
        while (ExtractionRoots.longestDllPath(nested).length() <= LoadablePaths.MAX_LOAD_PATH) {
            nested = nested.resolve("nested-directory-" + nested.getNameCount());
        }
        Path deep = Files.createDirectories(nested);
        NativeLibrary.Located located = NativeLibrary.locate(properties(Map.of("java.io.tmpdir", deep.toString())),
                System::getenv, BundledResources.ofLibrary(), NativePlatform.of(System::getProperty));
        try {
            assertEquals(Path.of(System.getenv("ProgramData")).toRealPath(), located.file().getParent().getParent().toRealPath());
            assertTrue(located.file().toString().length() <= LoadablePaths.MAX_LOAD_PATH, located.file().toString());
        } finally {
            located.close();
            SecureExtractor.discard(located.file().getParent()); /* never loaded: this JVM's extraction only */
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NativeLibrary.locate(
                properties(Map.of(NativeLibrary.TMPDIR_PROPERTY, deep.toString())), System::getenv,
                BundledResources.ofLibrary(), NativePlatform.of(System::getProperty)));
        assertTrue(e.getMessage().contains("MAX_PATH"), e.getMessage());
    }
}
