package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the loader may put and load the DLL, decided before anything is written (issue 12,
 * points 2, 3 and 8), on Linux with the properties of a Windows JVM stated: a path outside the
 * ANSI code page on Java 17, a path longer than MAX_PATH, the fallback roots, the explicit
 * choice never second-guessed; the ACL that fails closed; the leftover scan that goes on past
 * a directory it may not look at. The same on a real Windows JVM: WindowsLoaderTest.
 */
class LoadPathsTest {
    private static final String DLL = "natives/windows_64/wtsbridge.dll";
    private static final NativePlatform WINDOWS_X64 = new NativePlatform("Windows 11", "amd64");
    private static final String JAPANESE = "\u65E5\u672C";

    @TempDir
    Path temp;

    /** A Windows 11 JVM of {@code version} whose ANSI code page is windows-1252. */
    private static Map<String, String> windowsJvm(String version, String... keyValues) {
        Map<String, String> map = new HashMap<>();
        map.put("os.name", "Windows 11");
        map.put("os.arch", "amd64");
        map.put("java.specification.version", version);
        map.put("sun.jnu.encoding", "Cp1252");
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private BundledResources genuineJar() throws IOException {
        Path host = Path.of(System.getProperty(NativeLibrary.PATH_PROPERTY));
        Path dir = Files.createDirectories(temp.resolve("jar"));
        Files.createDirectories(dir.resolve("natives/windows_64"));
        Files.copy(host, dir.resolve(DLL));
        Files.writeString(dir.resolve(BundledDigests.RESOURCE), BundledDigests.sha256(host) + "  " + DLL + "\n");
        try {
            return BundledResources.of(new URLClassLoader(new URL[] {dir.toUri().toURL()}, null));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the rules ----

    @Test
    void java17CannotLoadFromAPathOutsideTheAnsiCodePage() {
        String path = "C:\\Users\\" + JAPANESE + "\\AppData\\Local\\Temp\\wtsbridge-1\\wtsbridge.dll";
        String why = LoadablePaths.whyNot(path, windowsJvm("17")::get).orElseThrow();
        assertTrue(why.contains("ANSI code page (Cp1252)") && why.contains("JDK-8195129") && why.contains("Java 17"), why);
        /* Java 21 passes UTF-16; a name the code page has is fine on 17 too */
        assertEquals(List.of(), LoadablePaths.whyNot(path, windowsJvm("21")::get).stream().toList());
        assertEquals(List.of(), LoadablePaths.whyNot("C:\\Users\\J\u00FCrgen\\x.dll", windowsJvm("17")::get).stream().toList());
        /* the same name on a Japanese Windows (MS932) is fine, "Jürgen" is not */
        Map<String, String> japanese = windowsJvm("17", "sun.jnu.encoding", "MS932");
        if (java.nio.charset.Charset.isSupported("MS932")) {
            assertEquals(List.of(), LoadablePaths.whyNot(path, japanese::get).stream().toList());
            assertTrue(LoadablePaths.whyNot("C:\\Users\\J\u00FCrgen\\x.dll", japanese::get).isPresent());
        }
        /* a code page this JVM does not know: ASCII only */
        Map<String, String> unknown = windowsJvm("17", "sun.jnu.encoding", "x-no-such-code-page");
        assertTrue(LoadablePaths.whyNot("C:\\J\u00FCrgen\\x.dll", unknown::get).isPresent());
        assertFalse(LoadablePaths.whyNot("C:\\Jurgen\\x.dll", unknown::get).isPresent());
        /* other systems: no constraint */
        assertFalse(LoadablePaths.whyNot(path, Map.of("os.name", "Linux", "java.specification.version", "17")::get).isPresent());
    }

    @Test
    void pathsLongerThanMaxPathAreRefused() {
        String longest = "C:\\" + "d".repeat(LoadablePaths.MAX_LOAD_PATH - 3);
        assertEquals(LoadablePaths.MAX_LOAD_PATH, longest.length());
        assertFalse(LoadablePaths.whyNot(longest, windowsJvm("25")::get).isPresent());
        String why = LoadablePaths.whyNot(longest + "x", windowsJvm("25")::get).orElseThrow();
        assertTrue(why.contains("260 characters") || why.contains(LoadablePaths.MAX_LOAD_PATH + 1 + " characters"), why);
        assertTrue(why.contains("MAX_PATH"), why);
    }

    // ---- choosing the extraction root ----

    @Test
    void aTempDirectoryOutsideTheAnsiCodePageFallsBackToProgramData() throws Exception {
        BundledResources jar = genuineJar();
        Path userTemp = Files.createDirectories(temp.resolve("Users").resolve(JAPANESE).resolve("Temp"));
        Path programData = Files.createDirectories(temp.resolve("ProgramData"));
        Map<String, String> env = Map.of("ProgramData", programData.toString(), "SystemRoot", temp.resolve("Windows").toString());

        try (NativeLibrary.Located on17 = NativeLibrary.locate(windowsJvm("17", "java.io.tmpdir", userTemp.toString())::get,
                env::get, jar, WINDOWS_X64)) {
            assertTrue(on17.extracted());
            assertEquals(programData, on17.file().getParent().getParent(), "Java 17 extracted to " + on17.file());
        }
        try (NativeLibrary.Located on21 = NativeLibrary.locate(windowsJvm("21", "java.io.tmpdir", userTemp.toString())::get,
                env::get, jar, WINDOWS_X64)) {
            assertEquals(userTemp, on21.file().getParent().getParent(), "Java 21 loads from the user's temp");
        }
    }

    @Test
    void whenNoRootWorksTheErrorNamesTheRealCauseAndTheProperty() throws Exception {
        BundledResources jar = genuineJar();
        Path userTemp = Files.createDirectories(temp.resolve(JAPANESE));
        Path alsoJapanese = Files.createDirectories(temp.resolve("ProgramData-" + JAPANESE));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NativeLibrary.locate(
                windowsJvm("17", "java.io.tmpdir", userTemp.toString())::get,
                Map.of("ProgramData", alsoJapanese.toString())::get, jar, WINDOWS_X64));
        String message = e.getMessage();
        assertTrue(message.contains(userTemp + " (java.io.tmpdir): the path has characters outside"), message);
        assertTrue(message.contains(alsoJapanese + " (%ProgramData%)"), message);
        assertTrue(message.contains("JDK-8195129"), message);
        assertTrue(message.contains("-D" + NativeLibrary.TMPDIR_PROPERTY + "="), message);
        assertTrue(message.contains("-D" + NativeLibrary.PATH_PROPERTY + "="), message);
        assertEquals(List.of(), Files.list(userTemp).toList(), "something was written");
    }

    @Test
    void anExplicitTmpdirIsNeverSecondGuessed() throws Exception {
        BundledResources jar = genuineJar();
        Path chosen = Files.createDirectories(temp.resolve(JAPANESE));
        Path programData = Files.createDirectories(temp.resolve("ProgramData"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NativeLibrary.locate(
                windowsJvm("17", NativeLibrary.TMPDIR_PROPERTY, chosen.toString())::get,
                Map.of("ProgramData", programData.toString())::get, jar, WINDOWS_X64));
        assertTrue(e.getMessage().contains(chosen + " (-D" + NativeLibrary.TMPDIR_PROPERTY + "): the path has characters"),
                e.getMessage());
        assertEquals(List.of(), Files.list(programData).toList());
    }

    @Test
    void aTempPathTooLongForLoadLibraryFallsBack() throws Exception {
        BundledResources jar = genuineJar();
        Path nested = temp;
        while (ExtractionRoots.longestDllPath(nested).length() <= LoadablePaths.MAX_LOAD_PATH) {
            nested = nested.resolve("nested-directory-" + nested.getNameCount());
        }
        Path deep = Files.createDirectories(nested);
        Path programData = Files.createDirectories(temp.resolve("ProgramData"));
        try (NativeLibrary.Located located = NativeLibrary.locate(windowsJvm("25", "java.io.tmpdir", deep.toString())::get,
                Map.of("ProgramData", programData.toString())::get, jar, WINDOWS_X64)) {
            assertEquals(programData, located.file().getParent().getParent());
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NativeLibrary.locate(
                windowsJvm("25", NativeLibrary.PATH_PROPERTY, ExtractionRoots.longestDllPath(deep))::get,
                name -> null, jar, WINDOWS_X64));
        assertTrue(e.getMessage().contains("MAX_PATH") && e.getMessage().contains(NativeLibrary.PATH_PROPERTY), e.getMessage());
    }

    @Test
    void fallbackRootsAreWindowsOnlyAndComeFromTheEnvironment() {
        Map<String, String> env = Map.of("ProgramData", "C:\\ProgramData", "SystemRoot", "C:\\Windows");
        List<String> windows = ExtractionRoots.candidates(windowsJvm("17", "java.io.tmpdir", "/tmp")::get, env::get)
                .stream().map(ExtractionRoots.Root::origin).toList();
        assertEquals(List.of("java.io.tmpdir", "%ProgramData%", "%SystemRoot%\\Temp"), windows);
        List<String> linux = ExtractionRoots.candidates(Map.of("os.name", "Linux", "java.io.tmpdir", "/tmp")::get, env::get)
                .stream().map(ExtractionRoots.Root::origin).toList();
        assertEquals(List.of("java.io.tmpdir"), linux);
    }

    // ---- the extraction directory ----

    /** Where no ACL can be set the extractor refuses (before: it went on without one, silently). */
    @Test
    void anAclThatCannotBeAppliedFailsClosed() throws Exception {
        Path file = Files.createFile(temp.resolve("no-acl-here"));
        IOException e = assertThrows(IOException.class, () -> OwnerOnlyAcl.restrict(file, false));
        assertTrue(e.getMessage().contains("no access control lists"), e.getMessage());
    }

    /**
     * Three directories of ended JVMs; reading the owner of the first one the scan meets is
     * denied (as Windows does for another user's directory). The scan skips that one and still
     * removes the other two (before, the first denial ended the whole scan).
     */
    @Test
    void theLeftoverScanGoesOnPastADirectoryItMayNotRead() throws Exception {
        Path root = Files.createDirectory(temp.resolve("root"));
        for (int i = 0; i < 3; i++) {
            Path dead = Files.createDirectory(root.resolve(SecureExtractor.DIRECTORY_PREFIX + "dead" + i));
            Files.createFile(dead.resolve(SecureExtractor.LOCK_FILE));
            Files.write(dead.resolve("wtsbridge.dll"), new byte[] {1});
            Files.setLastModifiedTime(dead, FileTime.from(Instant.now().minusSeconds(60)));
        }
        Path mine = Files.createDirectory(root.resolve(SecureExtractor.DIRECTORY_PREFIX + "mine"));
        Set<Path> asked = new HashSet<>();
        Path[] denied = new Path[1];
        new SecureExtractor(root).removeLeftovers(mine, path -> {
            if (!path.equals(mine) && denied[0] == null) {
                denied[0] = path;
                throw new AccessDeniedException(path.toString());
            }
            asked.add(path);
            return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
        });
        assertTrue(denied[0] != null, "no owner was read");
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(Set.of(denied[0], mine), left.collect(Collectors.toSet()),
                    "the two readable dead directories are removed, the denied one is left alone");
        }
        assertEquals(3, asked.size(), "owners read after the denial: " + asked);
    }
}
