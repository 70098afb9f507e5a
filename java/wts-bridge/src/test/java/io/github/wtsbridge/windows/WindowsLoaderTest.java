package io.github.wtsbridge.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.internal.BundledDigests;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.windows.WindowsSupport.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader for real, on a Windows JVM (a Windows runner, or Temurin under Wine): child JVMs
 * on the library's real jar extract, verify and load the bundled DLL, or refuse it.
 * <ul>
 *   <li>extraction into the user's %TEMP% (java.io.tmpdir), in a fresh wtsbridge-* directory;</li>
 *   <li>the directory, the DLL and the lock file owner-only, read back through the ACL view;</li>
 *   <li>a jar whose DLL differs by one byte is refused with the digest message, nothing loaded;</li>
 *   <li>{@value NativeLibrary#PATH_PROPERTY}: verified and loaded in place, pinned so that it
 *       cannot be swapped between the check and the load; a file of another digest refused;
 *       with {@value NativeLibrary#VERIFY_PROPERTY}=false loaded in place unchecked;</li>
 *   <li>a %TMP% outside the ANSI code page: the DLL still loads (from %ProgramData%);</li>
 *   <li>two JVMs started together, each in its own directory;</li>
 *   <li>the directory of an ended JVM removed by the next one, a live JVM's left alone.</li>
 * </ul>
 */
@Tag("windows")
class WindowsLoaderTest {
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path temp;

    /** The recorded digest of this JVM's bundled DLL. */
    private static String recordedDigest() {
        String digest = BundledDigests.load().get(resource());
        assertNotNull(digest, "no digest recorded for " + resource());
        return digest;
    }

    private static String resource() {
        return "natives/" + WindowsSupport.archDirectory() + "/wtsbridge.dll";
    }

    private static byte[] bundledDll() throws IOException {
        try (InputStream in = NativeLibrary.class.getClassLoader().getResourceAsStream(resource())) {
            assertNotNull(in, resource() + " is not on the class path");
            return in.readAllBytes();
        }
    }

    /**
     * The bundled DLL with one byte changed: the low byte of the COFF header's TimeDateStamp,
     * which the Windows loader ignores. The result still loads, so a refusal can only come from
     * the digest check.
     */
    private static byte[] oneByteChanged() throws IOException {
        byte[] dll = bundledDll();
        int coff = ByteBuffer.wrap(dll).order(ByteOrder.LITTLE_ENDIAN).getInt(0x3c) + 4;
        dll[coff + 4] ^= 0x01;
        return dll;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> tmpdir(Path root) {
        return List.of("-D" + NativeLibrary.TMPDIR_PROPERTY + "=" + root);
    }

    /** A "pre-installed" DLL of these bytes, and a child's properties naming it (and an extraction root). */
    private record Installed(Path dll, Path root, List<String> properties) {
    }

    private Installed installed(byte[] dll) throws IOException {
        Path installed = Files.write(Files.createDirectories(temp.resolve("installed")).resolve("wtsbridge.dll"), dll);
        Path root = Files.createDirectories(temp.resolve("extract"));
        List<String> properties = new ArrayList<>(tmpdir(root));
        properties.add("-D" + NativeLibrary.PATH_PROPERTY + "=" + installed);
        return new Installed(installed, root, properties);
    }

    /** (a) and (b): a child JVM without settings extracts into %TEMP%, owner-only. */
    @Test
    void extractsIntoTheUsersTempInAFreshOwnerOnlyDirectory() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        String variable = System.getenv("TMP") != null ? "TMP" : "TEMP";
        assertNotNull(System.getenv(variable), "neither TMP nor TEMP is set");
        assertEquals(Path.of(System.getenv(variable)).toRealPath(), tmp, "java.io.tmpdir vs %" + variable + "%");
        if (WindowsSupport.onWine()) {
            assertEquals(Path.of("C:\\users", System.getProperty("user.name"), "Temp"), tmp, "the Wine user's %TEMP%");
        }
        List<Path> before = WindowsSupport.extractionDirectories(tmp);

        try (ChildJvm child = ChildJvm.probe(WindowsSupport.testClassPath(), List.of(), "--where", "--hold")) {
            Path dll = Path.of(child.awaitLine("dll=", WAIT));
            child.awaitLine("ready", WAIT);
            assertEquals(String.valueOf(WtsSession.current().id()), child.awaitLine("session=", WAIT));

            Path directory = dll.getParent();
            assertEquals("wtsbridge.dll", dll.getFileName().toString());
            assertEquals(tmp, directory.getParent().toRealPath(), "the child extracted to " + dll);
            assertTrue(directory.getFileName().toString().startsWith("wtsbridge-"), directory.toString());
            assertFalse(before.contains(directory), directory + " existed before the child started: " + before);
            assertTrue(WindowsSupport.lockedByAnotherProcess(directory.resolve(".lock")),
                    "the child does not hold the lock of " + directory);
            assertFalse(WindowsSupport.writable(dll), dll + " is not mapped by the child");
            assertEquals(recordedDigest(), BundledDigests.sha256(dll));

            WindowsSupport.assertOwnerOnly(directory);
            WindowsSupport.assertOwnerOnly(dll);
            WindowsSupport.assertOwnerOnly(directory.resolve(".lock"));
            assertEquals(0, child.finish(WAIT), child.output());
        }
    }

    /** (b) on this very JVM's extraction (the test JVM loaded the library the normal way). */
    @Test
    void thisJvmsExtractionIsOwnerOnly() throws Exception {
        Path dll = WindowsSupport.extractedDll();
        WindowsSupport.assertOwnerOnly(dll.getParent());
        WindowsSupport.assertOwnerOnly(dll);
        WindowsSupport.assertOwnerOnly(dll.getParent().resolve(".lock"));
    }

    /**
     * Issue 12 point 8: once the DLL is loaded, the extraction directory's DACL is protected,
     * so inheritable entries of the temp directory never reach it. Judged against what this
     * Windows does when asked directly through JNA: Windows sets SE_DACL_PROTECTED; Wine 8.0
     * takes the call but keeps no such bit on files, so there both read back without it.
     */
    @Test
    void thisJvmsExtractionDirectoryIsProtectedFromInheritance() throws Exception {
        Path directory = WindowsSupport.extractedDll().getParent();
        int direct = JnaSecurity.protectDirectly(Files.createDirectory(temp.resolve("protected-directly")));
        int ours = JnaSecurity.control(directory);
        assertEquals(direct & JnaSecurity.SE_DACL_PROTECTED, ours & JnaSecurity.SE_DACL_PROTECTED,
                String.format("control of %s 0x%x, of a directory protected directly 0x%x", directory, ours, direct));
        if (!WindowsSupport.onWine()) {
            assertTrue((ours & JnaSecurity.SE_DACL_PROTECTED) != 0, directory + " is not protected from inheritance");
        }
    }

    /** (c): the library's jar with one byte of the DLL changed: refused, clearly, nothing loaded. */
    @Test
    void tamperedDllInTheJarIsRefused() throws Exception {
        Path jar = Path.of(NativeLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(jar.getFileName().toString().endsWith(".jar"), "the library is not loaded from a jar: " + jar);
        byte[] tampered = oneByteChanged();
        Path tamperedJar = temp.resolve("tampered.jar");
        int replaced = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
                OutputStream file = Files.newOutputStream(tamperedJar);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(resource())) {
                    out.write(tampered);
                    replaced++;
                } else if (!entry.isDirectory()) {
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        assertEquals(1, replaced, resource() + " in " + jar);

        // The tests' class path with the tampered jar in place of the real one.
        List<String> entries = new ArrayList<>();
        for (String entry : WindowsSupport.testClassPath().split(File.pathSeparator)) {
            boolean real = !entry.isBlank() && Path.of(entry).toAbsolutePath().normalize().equals(jar);
            entries.add(real ? tamperedJar.toString() : entry);
        }
        assertTrue(entries.contains(tamperedJar.toString()), jar + " is not on " + WindowsSupport.testClassPath());
        String classPath = String.join(File.pathSeparator, entries);

        Path root = Files.createDirectories(temp.resolve("extract"));
        String message = "wts-bridge: extracted wtsbridge.dll has SHA-256 " + sha256(tampered)
                + ", the build recorded " + recordedDigest() + "; refusing to load it";
        try (ChildJvm child = ChildJvm.probe(classPath, tmpdir(root), "--on-failure", "--hold")) {
            assertEquals("java.lang.IllegalStateException: " + message, child.awaitLine("failure=", WAIT));
            assertEquals("unbound", child.awaitLine("native=", WAIT), "a native of the library is linked");
            child.awaitLine("ready", WAIT);
            assertEquals(List.of(), WindowsSupport.extractionDirectories(root), "the refused DLL was not removed");
            int exit = child.finish(WAIT);
            String output = child.output();
            assertNotEquals(0, exit, output);
            assertTrue(output.contains("Exception in thread \"main\" java.lang.IllegalStateException: " + message), output);
            assertTrue(output.contains("Caused by: java.lang.SecurityException: " + message), output);
            assertFalse(output.contains("session="), output);
        }
        assertEquals(List.of(), WindowsSupport.extractionDirectories(root));
    }

    /**
     * (d): a pre-installed DLL of this build is verified and loaded in place (an install
     * directory AppLocker or WDAC allows stays the one loaded): the installed file itself is
     * mapped, nothing is extracted or copied.
     */
    @Test
    void libraryPathIsVerifiedAndLoadedInPlace() throws Exception {
        Installed setup = installed(bundledDll());
        try (ChildJvm child = ChildJvm.probe(WindowsSupport.testClassPath(), setup.properties(), "--hold")) {
            child.awaitLine("ready", WAIT);
            assertEquals(String.valueOf(WtsSession.current().id()), child.awaitLine("session=", WAIT));
            assertFalse(WindowsSupport.writable(setup.dll()), setup.dll() + " is not the DLL the child mapped");
            assertEquals(List.of(), WindowsSupport.extractionDirectories(setup.root()), "a copy was extracted");
            assertEquals(List.of(setup.dll()), listFiles(setup.dll().getParent()), "a copy was made beside it");
            assertEquals(0, child.finish(WAIT), child.output());
        }
        assertEquals(recordedDigest(), BundledDigests.sha256(setup.dll()));
    }

    /**
     * (d) and issue 12 point 3: between the digest check and System.load, the checked file
     * cannot be written, renamed away, replaced or deleted (it is held open with write and
     * delete sharing denied), neither the installer's DLL loaded in place nor the bundled DLL
     * just extracted; the load then goes through with the checked bytes. The same four
     * attempts on an unpinned copy succeed here first, so a "denied" is the pin's doing.
     */
    @Test
    void theCheckedFileCannotBeSwappedBeforeTheLoad() throws Exception {
        Path impostor = Files.write(temp.resolve("impostor.dll"), oneByteChanged());
        Path unpinned = Files.write(temp.resolve("unpinned.dll"), bundledDll());
        try (java.nio.channels.FileChannel writer = java.nio.channels.FileChannel.open(unpinned,
                java.nio.file.StandardOpenOption.WRITE)) {
            assertTrue(writer.isOpen());
        }
        Path moved = Files.move(unpinned, unpinned.resolveSibling("unpinned-moved.dll"));
        Files.copy(impostor, moved, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(moved);

        Installed setup = installed(bundledDll());
        Path root = Files.createDirectories(temp.resolve("bundled-root"));
        for (List<String> properties : List.of(setup.properties(), tmpdir(root))) {
            List<String> arguments = new ArrayList<>(List.of("-cp", WindowsSupport.testClassPath()));
            arguments.addAll(properties);
            arguments.add("io.github.wtsbridge.internal.PinProbe");
            arguments.add(impostor.toString());
            try (ChildJvm child = ChildJvm.start(arguments)) {
                Path file = Path.of(child.awaitLine("file=", WAIT));
                for (String attempt : List.of("write", "rename", "replace", "delete")) {
                    assertTrue(child.awaitLine(attempt + "=", WAIT).startsWith("denied"),
                            attempt + " of " + file + " before the load: " + child.output());
                }
                assertEquals(String.valueOf(WtsSession.current().id()), child.awaitLine("session=", WAIT));
                assertEquals(0, child.finish(WAIT), child.output());
                assertEquals(recordedDigest(), BundledDigests.sha256(file), file + " changed");
            }
        }
        assertTrue(Files.isRegularFile(setup.dll()));
    }

    /**
     * Issue 12 point 2: a %TMP% outside the ANSI code page (a user named "日本" on a Windows
     * whose code page is windows-1252). On this JVM, before Java 21, System.load cannot load
     * from there at all; the loader sees that before extracting and uses %ProgramData%.
     */
    @Test
    void aTempDirectoryOutsideTheAnsiCodePageStillLoads() throws Exception {
        Path userTemp = Files.createDirectories(temp.resolve("\u65E5\u672C").resolve("Temp"));
        java.nio.charset.Charset ansi = java.nio.charset.Charset.forName(System.getProperty("sun.jnu.encoding"));
        org.junit.jupiter.api.Assumptions.assumeFalse(ansi.newEncoder().canEncode(userTemp.toString()),
                "this Windows' ANSI code page (" + ansi + ") can express " + userTemp + ": nothing to work around");
        if (Runtime.version().feature() < 21) {
            // The premise: copy the DLL there and System.load it directly, as the loader did before.
            Path direct = Files.write(userTemp.resolve("direct-load.dll"), bundledDll());
            UnsatisfiedLinkError refused = org.junit.jupiter.api.Assertions.assertThrows(UnsatisfiedLinkError.class,
                    () -> System.load(direct.toString()));
            assertTrue(refused.getMessage() != null, "System.load refused " + direct);
        }
        List<String> arguments = new ArrayList<>(List.of("-cp", WindowsSupport.testClassPath()));
        arguments.add(LoadProbe.class.getName());
        arguments.addAll(List.of("--where", "--hold"));
        java.util.Map<String, String> environment = java.util.Map.of("TMP", userTemp.toString(), "TEMP", userTemp.toString());
        try (ChildJvm child = ChildJvm.start(arguments, environment)) {
            Path dll = Path.of(child.awaitLine("dll=", WAIT));
            child.awaitLine("ready", WAIT);
            assertEquals(String.valueOf(WtsSession.current().id()), child.awaitLine("session=", WAIT));
            if (Runtime.version().feature() < 21) {
                assertEquals(Path.of(System.getenv("ProgramData")).toRealPath(), dll.getParent().getParent().toRealPath(),
                        "extracted to " + dll);
            }
            WindowsSupport.assertOwnerOnly(dll.getParent());
            WindowsSupport.assertOwnerOnly(dll);
            assertEquals(recordedDigest(), BundledDigests.sha256(dll));
            assertEquals(0, child.finish(WAIT), child.output());
        }
    }

    private static List<Path> listFiles(Path directory) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    /** (d): a file whose digest matches none recorded is refused, with nothing loaded or copied. */
    @Test
    void libraryPathWithAnotherDigestIsRefused() throws Exception {
        byte[] other = oneByteChanged();
        Installed setup = installed(other);
        Path installed = setup.dll();
        Path root = setup.root();
        List<String> properties = setup.properties();
        String message = "wts-bridge: " + installed + " is not a wtsbridge.dll of this build (SHA-256 " + sha256(other)
                + " matches none recorded in " + BundledDigests.RESOURCE + "); refusing to load it";
        try (ChildJvm child = ChildJvm.probe(WindowsSupport.testClassPath(), properties, "--on-failure", "--hold")) {
            assertEquals("java.lang.IllegalStateException: " + message, child.awaitLine("failure=", WAIT));
            assertEquals("unbound", child.awaitLine("native=", WAIT));
            child.awaitLine("ready", WAIT);
            assertTrue(WindowsSupport.writable(installed), installed + " is mapped although it was refused");
            assertEquals(List.of(), WindowsSupport.extractionDirectories(root));
            int exit = child.finish(WAIT);
            assertNotEquals(0, exit, child.output());
            assertTrue(child.output().contains("Caused by: java.lang.SecurityException: " + message), child.output());
        }
    }

    /** (d): with verification off, that same file is loaded in place, and works. */
    @Test
    void libraryPathWithoutVerificationIsLoadedInPlace() throws Exception {
        Installed setup = installed(oneByteChanged());
        Path installed = setup.dll();
        Path root = setup.root();
        List<String> properties = setup.properties();
        properties.add("-D" + NativeLibrary.VERIFY_PROPERTY + "=false");
        try (ChildJvm child = ChildJvm.probe(WindowsSupport.testClassPath(), properties, "--hold")) {
            child.awaitLine("ready", WAIT);
            assertEquals(String.valueOf(WtsSession.current().id()), child.awaitLine("session=", WAIT));
            assertFalse(WindowsSupport.writable(installed), installed + " is not mapped by the child");
            assertEquals(List.of(), WindowsSupport.extractionDirectories(root), "something was extracted");
            assertEquals(0, child.finish(WAIT), child.output());
        }
    }

    /** (e): two JVMs started at the same time both load and work, each from its own directory. */
    @Test
    void twoJvmsStartedTogetherUseTwoDirectories() throws Exception {
        String classPath = WindowsSupport.testClassPath();
        try (ChildJvm first = ChildJvm.probe(classPath, List.of(), "--where", "--hold");
                ChildJvm second = ChildJvm.probe(classPath, List.of(), "--where", "--hold")) {
            Path one = Path.of(first.awaitLine("dll=", WAIT));
            Path two = Path.of(second.awaitLine("dll=", WAIT));
            first.awaitLine("ready", WAIT);
            second.awaitLine("ready", WAIT);
            String session = String.valueOf(WtsSession.current().id());
            assertEquals(session, first.awaitLine("session=", WAIT));
            assertEquals(session, second.awaitLine("session=", WAIT));
            assertNotEquals(one.getParent(), two.getParent(), "both JVMs extracted into the same directory");
            Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
            for (Path dll : List.of(one, two)) {
                assertEquals(tmp, dll.getParent().getParent().toRealPath(), dll.toString());
                assertTrue(WindowsSupport.lockedByAnotherProcess(dll.resolveSibling(".lock")), dll.toString());
                assertFalse(WindowsSupport.writable(dll), dll + " is not mapped");
                assertEquals(recordedDigest(), BundledDigests.sha256(dll));
            }
            assertEquals(0, first.finish(WAIT), first.output());
            assertEquals(0, second.finish(WAIT), second.output());
        }
    }

    /** (f): a dead JVM's directory (lock free) goes when the next JVM extracts; a live JVM's stays. */
    @Test
    void nextJvmRemovesAnEndedJvmsDirectoryButNotALiveOnes() throws Exception {
        Path root = Files.createDirectories(temp.resolve("extract"));
        String classPath = WindowsSupport.testClassPath();
        try (ChildJvm live = ChildJvm.probe(classPath, tmpdir(root), "--where", "--hold")) {
            Path liveDll = Path.of(live.awaitLine("dll=", WAIT));
            live.awaitLine("ready", WAIT);

            // A JVM that ends without its shutdown hooks (killed, crashed): its files stay.
            Path deadDll;
            try (ChildJvm dead = ChildJvm.probe(classPath, tmpdir(root), "--where", "--halt")) {
                deadDll = Path.of(dead.awaitLine("dll=", WAIT));
                assertEquals(0, dead.finish(WAIT), dead.output());
            }
            Path deadDirectory = deadDll.getParent();
            assertTrue(Files.isRegularFile(deadDll), deadDll + " went with its JVM");
            assertFalse(WindowsSupport.lockedByAnotherProcess(deadDirectory.resolve(".lock")),
                    "the lock of the ended JVM's " + deadDirectory + " is still held");
            assertEquals(List.of(deadDirectory, liveDll.getParent()).stream().sorted().toList(),
                    WindowsSupport.extractionDirectories(root));

            Path nextDll;
            try (ChildJvm next = ChildJvm.probe(classPath, tmpdir(root), "--where", "--hold")) {
                nextDll = Path.of(next.awaitLine("dll=", WAIT));
                next.awaitLine("ready", WAIT);
                assertFalse(Files.exists(deadDirectory), "the ended JVM's " + deadDirectory + " was not removed");
                assertTrue(Files.isRegularFile(liveDll), "the live JVM's " + liveDll + " was removed");
                assertTrue(WindowsSupport.lockedByAnotherProcess(liveDll.resolveSibling(".lock")));
                assertEquals(List.of(liveDll.getParent(), nextDll.getParent()).stream().sorted().toList(),
                        WindowsSupport.extractionDirectories(root));
                assertEquals(0, next.finish(WAIT), next.output());
            }
            assertEquals(String.valueOf(WtsSession.current().id()), live.awaitLine("session=", WAIT));
            assertTrue(Files.isRegularFile(liveDll), liveDll.toString());
            assertEquals(0, live.finish(WAIT), live.output());
        }
    }
}
