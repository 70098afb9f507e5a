package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader's safety properties, on Linux with the host build standing in for the DLL:
 * a test "jar" (a directory on a class loader of its own) holds the host library as
 * {@code natives/windows_64/wtsbridge.dll} with its digest, and the architecture is passed in.
 * In-process tests stop before {@code System.load} ({@link NativeLibrary#locate}); child JVMs
 * ({@link LoaderProbe}) load for real.
 */
class LoaderTest {
    private static final String DLL = "natives/windows_64/wtsbridge.dll";
    private static final NativePlatform WINDOWS_X64 = new NativePlatform("Windows 11", "amd64");

    @TempDir
    Path temp;

    private static Path hostLibrary() {
        return Path.of(System.getProperty(NativeLibrary.PATH_PROPERTY));
    }

    /** A directory laid out like the jar: the DLL resource and the digest file. */
    private Path jar(String name, byte[] dll, String recordedDigest) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        if (dll != null) {
            Files.createDirectories(dir.resolve("natives/windows_64"));
            Files.write(dir.resolve(DLL), dll);
        } else {
            Files.createDirectories(dir.resolve("natives"));
        }
        if (recordedDigest != null) {
            Files.writeString(dir.resolve(BundledDigests.RESOURCE), recordedDigest + "  " + DLL + "\n");
        }
        return dir;
    }

    private Path genuineJar() throws IOException {
        return jar("jar", Files.readAllBytes(hostLibrary()), BundledDigests.sha256(hostLibrary()));
    }

    private static BundledResources loaderOf(Path jarDir) {
        try {
            return BundledResources.of(new URLClassLoader(new URL[] {jarDir.toUri().toURL()}, null));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        map.put("os.name", "Windows 11");
        map.put("os.arch", "amd64");
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static List<Path> extractionDirs(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith(SecureExtractor.DIRECTORY_PREFIX))
                    .sorted().collect(Collectors.toList());
        }
    }

    // ---- extraction: exclusive directory, owner-only, verified ----

    @Test
    void extractsIntoAFreshOwnerOnlyDirectoryAndVerifies() throws Exception {
        BundledResources jar = loaderOf(genuineJar());
        Path root = Files.createDirectory(temp.resolve("root"));
        Map<String, String> p = props(NativeLibrary.TMPDIR_PROPERTY, root.toString());

        NativeLibrary.Located first = NativeLibrary.locate(p::get, jar, WINDOWS_X64);
        NativeLibrary.Located second = NativeLibrary.locate(p::get, jar, WINDOWS_X64);
        try {
            assertTrue(first.extracted());
            assertTrue(first.file().isAbsolute());
            assertEquals(root, first.file().getParent().getParent());
            assertTrue(first.file().getParent().getFileName().toString().startsWith("wtsbridge-"));
            assertNotEquals(first.file().getParent(), second.file().getParent(), "each extraction gets its own directory");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file().getParent())));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file())));
            assertTrue(Files.isRegularFile(first.file().resolveSibling(SecureExtractor.LOCK_FILE)));
            assertArrayEquals(Files.readAllBytes(hostLibrary()), Files.readAllBytes(first.file()));
            /* the lock is held: this JVM cannot take it again */
            try (FileChannel ch = FileChannel.open(first.file().resolveSibling(SecureExtractor.LOCK_FILE), StandardOpenOption.WRITE)) {
                assertThrows(java.nio.channels.OverlappingFileLockException.class, ch::tryLock);
            }
        } finally {
            SecureExtractor.discard(first.file().getParent());
            SecureExtractor.discard(second.file().getParent());
        }
        assertEquals(List.of(), extractionDirs(root), "discard removes the directory");
    }

    @Test
    void tamperedResourceIsNeverHandedOutForLoading() throws Exception {
        byte[] bytes = Files.readAllBytes(hostLibrary());
        String digest = BundledDigests.sha256(hostLibrary());
        bytes[bytes.length / 2] ^= 1; /* one bit flipped after the build recorded the digest */
        BundledResources jar = loaderOf(jar("tampered", bytes, digest));
        Path root = Files.createDirectory(temp.resolve("root"));
        Map<String, String> p = props(NativeLibrary.TMPDIR_PROPERTY, root.toString());

        SecurityException e = assertThrows(SecurityException.class,
                () -> NativeLibrary.locate(p::get, jar, WINDOWS_X64));

        assertTrue(e.getMessage().contains("refusing to load"), e.getMessage());
        assertTrue(e.getMessage().contains(digest), e.getMessage());
        assertEquals(List.of(), extractionDirs(root), "the tampered copy and its directory are removed");
    }

    @Test
    void tamperedResourceMakesTheRealLoadFailInAChildJvm() throws Exception {
        byte[] bytes = Files.readAllBytes(hostLibrary());
        String digest = BundledDigests.sha256(hostLibrary());
        bytes[100] ^= 1;
        Path jarDir = jar("tampered", bytes, digest);
        Path root = Files.createDirectory(temp.resolve("root"));

        Probe probe = Probe.start(temp, List.of("-D" + NativeLibrary.TMPDIR_PROPERTY + "=" + root), Map.of(),
                "bundled", jarDir.toString());
        probe.finish();

        assertTrue(probe.failure.startsWith("java.lang.SecurityException"), probe.failure);
        assertEquals(List.of(), probe.mapped, "nothing was loaded");
    }

    @Test
    void digestMissingFromTheJarIsAnError() throws Exception {
        BundledResources jar = loaderOf(jar("nodigest", Files.readAllBytes(hostLibrary()), null));
        Map<String, String> p = props(NativeLibrary.TMPDIR_PROPERTY, temp.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibrary.locate(p::get, jar, WINDOWS_X64));
        assertTrue(e.getMessage().contains("no digest recorded"), e.getMessage());
        assertEquals(List.of(), extractionDirs(temp));
    }

    @Test
    void dllMissingFromTheJarIsAnError() throws Exception {
        BundledResources jar = loaderOf(jar("nodll", null, "00".repeat(32)));
        Map<String, String> p = props(NativeLibrary.TMPDIR_PROPERTY, temp.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibrary.locate(p::get, jar, WINDOWS_X64));
        assertTrue(e.getMessage().contains("missing from the jar"), e.getMessage());
    }

    @Test
    void otherOperatingSystemsAreToldClearly() {
        Map<String, String> p = props("os.name", "Linux", "os.arch", "amd64");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> NativeLibrary.locate(p::get, BundledResources.ofLibrary(), NativePlatform.of(p::get)));
        assertTrue(e.getMessage().contains("needs Windows"), e.getMessage());
    }

    // ---- the installer's pre-installed DLL ----

    @Test
    void preInstalledDllIsCheckedAgainstTheSameDigests() throws Exception {
        BundledResources jar = loaderOf(genuineJar());
        Path genuine = Files.copy(hostLibrary(), temp.resolve("installed.dll"));
        Path foreign = temp.resolve("foreign.dll");
        byte[] bytes = Files.readAllBytes(hostLibrary());
        bytes[bytes.length - 1] ^= 1;
        Files.write(foreign, bytes);

        Path copies = Files.createDirectory(temp.resolve("copies"));
        // loaded in place (an install directory approved by AppLocker/WDAC stays the one
        // loaded), pinned from the digest check to the load; nothing is copied anywhere
        try (NativeLibrary.Located ok = NativeLibrary.locate(props(NativeLibrary.PATH_PROPERTY, genuine.toString(),
                NativeLibrary.TMPDIR_PROPERTY, copies.toString())::get, jar, WINDOWS_X64)) {
            assertFalse(ok.extracted());
            assertEquals(genuine, ok.file());
            assertEquals(genuine, ok.pin().path());
            assertEquals(BundledDigests.sha256(genuine), ok.pin().sha256());
            assertEquals(List.of(), extractionDirs(copies), "a copy was made");
        }

        SecurityException e = assertThrows(SecurityException.class, () -> NativeLibrary.locate(
                props(NativeLibrary.PATH_PROPERTY, foreign.toString(), NativeLibrary.TMPDIR_PROPERTY,
                        copies.toString())::get, jar, WINDOWS_X64));
        assertTrue(e.getMessage().contains("refusing to load"), e.getMessage());

        /* explicitly told otherwise */
        try (NativeLibrary.Located unchecked = NativeLibrary.locate(props(NativeLibrary.PATH_PROPERTY, foreign.toString(),
                NativeLibrary.VERIFY_PROPERTY, "false")::get, jar, WINDOWS_X64)) {
            assertEquals(foreign, unchecked.file());
        }
        /* anything but "false" still verifies */
        assertThrows(SecurityException.class, () -> NativeLibrary.locate(props(NativeLibrary.PATH_PROPERTY,
                foreign.toString(), NativeLibrary.VERIFY_PROPERTY, "no")::get, jar, WINDOWS_X64));
    }

    @Test
    void preInstalledDllMustBeAnAbsolutePathToAFile() throws Exception {
        BundledResources jar = loaderOf(genuineJar());
        for (String bad : new String[] {"wtsbridge.dll", "./wtsbridge.dll", "lib/wtsbridge.dll"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> NativeLibrary.locate(
                    props(NativeLibrary.PATH_PROPERTY, bad)::get, jar, WINDOWS_X64));
            assertTrue(e.getMessage().contains("must be an absolute path"), e.getMessage());
        }
        for (Path bad : new Path[] {temp.resolve("absent.dll"), temp}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> NativeLibrary.locate(
                    props(NativeLibrary.PATH_PROPERTY, bad.toString())::get, jar, WINDOWS_X64));
            assertTrue(e.getMessage().contains("is not a file"), e.getMessage());
        }
        IllegalStateException nul = assertThrows(IllegalStateException.class, () -> NativeLibrary.locate(
                props(NativeLibrary.PATH_PROPERTY, "/x\0y")::get, jar, WINDOWS_X64));
        assertTrue(nul.getMessage().contains("not a valid path"), nul.getMessage());
    }

    @Test
    void preInstalledDllWithoutRecordedDigestsNamesTheProperty() throws Exception {
        BundledResources empty = loaderOf(Files.createDirectory(temp.resolve("empty")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NativeLibrary.locate(
                props(NativeLibrary.PATH_PROPERTY, hostLibrary().toString())::get, empty, WINDOWS_X64));
        assertTrue(e.getMessage().contains(NativeLibrary.VERIFY_PROPERTY + "=false"), e.getMessage());
    }

    // ---- never the search path ----

    @Test
    void plantedLibrariesOnTheSearchPathAndInTheWorkingDirectoryAreIgnored() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs /proc");
        Path planted = Files.createDirectory(temp.resolve("planted"));
        for (String name : new String[] {"wtsbridge.dll", "libwtsbridge.so", "wtsbridge.so"}) {
            Files.copy(hostLibrary(), planted.resolve(name));
        }
        Path root = Files.createDirectory(temp.resolve("root"));
        List<String> flags = List.of("-Djava.library.path=" + planted, "-D" + NativeLibrary.TMPDIR_PROPERTY + "=" + root);
        Map<String, String> env = Map.of("LD_LIBRARY_PATH", planted.toString(),
                "PATH", planted + ":" + System.getenv("PATH"));

        /* as users call it, on Linux: refused clearly, and nothing from the planted directory */
        Probe system = Probe.start(planted, flags, env, "system");
        system.finish();
        assertTrue(system.failure.contains("needs Windows"), system.failure);
        assertEquals(List.of(), system.mapped);

        /* with the bundled copy: exactly the extracted file is mapped */
        Probe bundled = Probe.start(planted, flags, env, "bundled", genuineJar().toString());
        bundled.finish();
        assertEquals("console=1", bundled.loaded, "loaded and called: " + bundled.failure);
        assertEquals(1, bundled.mapped.size(), bundled.mapped.toString());
        assertTrue(bundled.mapped.get(0).startsWith(root + "/wtsbridge-"), bundled.mapped.toString());
    }

    // ---- leftovers and concurrent JVMs ----

    @Test
    void twoJvmsAtOnceThenLeftoversOfEndedJvmsAreRemovedAndLiveOnesKept() throws Exception {
        Path jarDir = genuineJar();
        Path root = Files.createDirectory(temp.resolve("root"));
        /* an ended JVM's directory from long ago, and one whose JVM died before locking */
        Path ended = Files.createDirectory(root.resolve("wtsbridge-ended1"));
        Files.createFile(ended.resolve(SecureExtractor.LOCK_FILE));
        Files.write(ended.resolve("wtsbridge.dll"), new byte[] {1, 2, 3});
        Path halfSetUp = Files.createDirectory(root.resolve("wtsbridge-halfsetup"));
        Files.createFile(halfSetUp.resolve(SecureExtractor.LOCK_FILE_PENDING));
        Files.setLastModifiedTime(halfSetUp, FileTime.from(Instant.now().minusSeconds(7200)));
        Path justStarted = Files.createDirectory(root.resolve("wtsbridge-juststarted"));
        Path notOurs = Files.createDirectory(root.resolve("unrelated"));

        List<String> flags = List.of("-D" + NativeLibrary.TMPDIR_PROPERTY + "=" + root);
        Probe a = Probe.start(temp, flags, Map.of(), "bundled", jarDir.toString());
        Probe b = Probe.start(temp, flags, Map.of(), "bundled", jarDir.toString());
        a.awaitReady();
        b.awaitReady();
        assertEquals("console=1", a.loaded, a.failure);
        assertEquals("console=1", b.loaded, b.failure);
        Path dirA = Path.of(a.mapped.get(0)).getParent();
        Path dirB = Path.of(b.mapped.get(0)).getParent();
        assertNotEquals(dirA, dirB);

        assertFalse(Files.exists(ended), "an ended JVM's directory is removed");
        assertFalse(Files.exists(halfSetUp), "an hour-old directory that never got its lock is removed");
        assertTrue(Files.exists(justStarted), "a directory still being set up is left alone");
        assertTrue(Files.exists(notOurs));

        /* a third extraction while both live: both kept */
        Map<String, String> p = props(NativeLibrary.TMPDIR_PROPERTY, root.toString());
        NativeLibrary.Located third = NativeLibrary.locate(p::get, loaderOf(jarDir), WINDOWS_X64);
        assertTrue(Files.exists(dirA.resolve("wtsbridge.dll")), "live JVM's DLL kept");
        assertTrue(Files.exists(dirB.resolve("wtsbridge.dll")), "live JVM's DLL kept");
        SecureExtractor.discard(third.file().getParent());

        /* A is killed (no shutdown hooks: its directory stays), B exits normally (cleans up) */
        a.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        b.finish();
        assertTrue(Files.exists(dirA), "a killed JVM leaves its directory");
        assertFalse(Files.exists(dirB), "a JVM that exits removes its own directory");

        NativeLibrary.Located fourth = NativeLibrary.locate(p::get, loaderOf(jarDir), WINDOWS_X64);
        assertFalse(Files.exists(dirA), "the next JVM removes the killed one's directory");
        SecureExtractor.discard(fourth.file().getParent());
    }

    // ---- awkward temp directories ----

    @Test
    void tempDirectoryThatIsAFileNamesTheProperty() throws Exception {
        Path file = Files.createFile(temp.resolve("not-a-directory"));
        Map<String, String> p = props(NativeLibrary.TMPDIR_PROPERTY, file.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibrary.locate(p::get, loaderOf(genuineJar()), WINDOWS_X64));
        assertTrue(e.getMessage().contains("-D" + NativeLibrary.TMPDIR_PROPERTY + "="), e.getMessage());
        assertTrue(e.getMessage().contains("-D" + NativeLibrary.PATH_PROPERTY + "="), e.getMessage());
    }

    @Test
    void readOnlyAndNoexecTempDirectoriesNameTheProperty() throws Exception {
        assumeTrue(Probe.canMountInUserNamespace(), "needs unshare -Urm (user + mount namespaces)");
        Path jarDir = genuineJar();
        for (String options : new String[] {"ro", "noexec"}) {
            Path mount = Files.createDirectory(temp.resolve(options + "-tmp"));
            Probe probe = Probe.startInMount(temp, mount, options,
                    List.of("-D" + NativeLibrary.TMPDIR_PROPERTY + "=" + mount), "bundled", jarDir.toString());
            probe.finish();
            assertEquals(null, probe.loaded, options);
            assertTrue(probe.failure.startsWith("java.lang.IllegalStateException"), probe.failure);
            assertTrue(probe.failure.contains("-D" + NativeLibrary.TMPDIR_PROPERTY + "="), probe.failure);
            assertTrue(probe.failure.contains("-D" + NativeLibrary.PATH_PROPERTY + "="), probe.failure);
            assertTrue(probe.failure.contains(options.equals("ro") ? "cannot extract" : "does not load"), probe.failure);
            assertEquals(List.of(), probe.mapped, "nothing mapped executable");
            assertTrue(probe.leftovers.isEmpty(), "the refused copy is removed: " + probe.leftovers);
        }
    }

    @Test
    void tempPathWithNonAsciiCharacters() throws Exception {
        Path root;
        try {
            root = Files.createDirectory(temp.resolve("Temp-\u00FCn\u00EFc\u00F8d\u00E9-\u65E5\u672C-\uD83D\uDE80"));
        } catch (java.nio.file.InvalidPathException e) {
            assumeTrue(false, "this JVM's file name encoding cannot express the name: " + e);
            return;
        }
        Probe probe = Probe.start(temp, List.of("-D" + NativeLibrary.TMPDIR_PROPERTY + "=" + root),
                Map.of("LC_ALL", "C.UTF-8"), "bundled", genuineJar().toString());
        probe.finish();
        assertEquals("console=1", probe.loaded, probe.failure);
        assertTrue(probe.mapped.get(0).startsWith(root.toString()), probe.mapped.toString());
    }

    /** A running {@link LoaderProbe}. */
    static final class Probe {
        final Process process;
        String loaded;
        String failure = "";
        final List<String> mapped = new ArrayList<>();
        final List<String> leftovers = new ArrayList<>();
        private final BufferedReader out;
        private boolean ready;

        private Probe(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static List<String> javaCommand(List<String> flags, String... args) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.addAll(flags);
            command.add(LoaderProbe.class.getName());
            command.addAll(List.of(args));
            return command;
        }

        static Probe start(Path workDir, List<String> flags, Map<String, String> env, String... args) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(javaCommand(flags, args)).directory(workDir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(env);
            return new Probe(pb.start());
        }

        /** Runs the probe with a fresh tmpfs mounted on {@code mount} with {@code options}. */
        static Probe startInMount(Path workDir, Path mount, String options, List<String> flags, String... args)
                throws IOException {
            List<String> command = new ArrayList<>(List.of("unshare", "-Urm", "sh", "-c",
                    "mount -t tmpfs -o " + options + ",size=16m tmpfs \"$0\" || exit 9; \"$@\"; s=$?;"
                            + " ls -A \"$0\" | sed 's/^/LEFTOVER /'; exit $s", mount.toString()));
            command.addAll(javaCommand(flags, args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            return new Probe(pb.start());
        }

        static boolean canMountInUserNamespace() {
            try {
                Process p = new ProcessBuilder("unshare", "-Urm", "sh", "-c", "mount -t tmpfs tmpfs /mnt")
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }

        void awaitReady() throws IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("LOADED ")) {
                    loaded = line.substring(7);
                } else if (line.startsWith("FAILED ")) {
                    failure = line.substring(7);
                } else if (line.startsWith("MAPPED ")) {
                    mapped.add(line.substring(7));
                } else if (line.equals("READY")) {
                    ready = true;
                    return;
                }
            }
            throw new IllegalStateException("the probe ended without READY (exit " + waitExit() + ")");
        }

        void finish() throws IOException {
            if (!ready) {
                awaitReady();
            }
            process.getOutputStream().close();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("LEFTOVER ")) {
                    leftovers.add(line.substring(9));
                }
            }
            waitExit();
        }

        private int waitExit() {
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("probe did not exit");
                }
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new IOException(e));
            }
        }
    }
}
