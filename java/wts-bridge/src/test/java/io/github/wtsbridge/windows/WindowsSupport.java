package io.github.wtsbridge.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.internal.NativeLibrary;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Helpers of the real-Windows tests: where this JVM's DLL was extracted, what the JVM's
 * architecture expects, and a small PE reader (machine, exports, imports) so that the tests
 * need no tool that a Windows runner may lack.
 */
public final class WindowsSupport {
    static final int IMAGE_FILE_MACHINE_I386 = 0x014c;
    static final int IMAGE_FILE_MACHINE_AMD64 = 0x8664;
    static final int IMAGE_FILE_MACHINE_ARM64 = 0xaa64;

    /** Set by scripts/wine-jvm-test: this Windows JVM runs under Wine, whose wtsapi32 is mostly stubs. */
    static final String HOST_PROPERTY = "wts.windows.host";

    private WindowsSupport() {
    }

    /**
     * True on the Windows JVM under Wine (scripts/wine-jvm-test passes
     * {@code -Dwts.windows.host=wine}); false on a real Windows runner. The tests assert Wine's
     * exact answers there (see shared/WINE-FACTS.md and Wine's dlls/wtsapi32/wtsapi32.c).
     */
    static boolean onWine() {
        return "wine".equals(System.getProperty(HOST_PROPERTY));
    }

    /**
     * Asserts that {@code path} (an extraction directory, or a file in one) admits its owner
     * and nobody else, as read back through AclFileAttributeView. On real Windows that is one
     * ALLOW entry for the owner. Under Wine, which keeps file security as Unix mode bits
     * (server/file.c mode_to_sd), an owner-only (0700/0600) file reads back as exactly two
     * ALLOW entries: NT AUTHORITY\SYSTEM (Wine always adds it) and the owner; any "other"
     * bit would add Everyone, and group bits a DENY entry.
     */
    public static void assertOwnerOnly(Path path) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class);
        assertNotNull(view, "no ACL view for " + path);
        UserPrincipal owner = view.getOwner();
        List<AclEntry> acl = view.getAcl();
        String what = path + " (owner " + owner.getName() + "): " + acl;
        for (AclEntry entry : acl) {
            assertEquals(AclEntryType.ALLOW, entry.type(), what);
        }
        List<AclEntry> others = acl.stream().filter(e -> !e.principal().equals(owner)).toList();
        List<AclEntry> owners = acl.stream().filter(e -> e.principal().equals(owner)).toList();
        assertEquals(1, owners.size(), "one entry for the owner in " + what);
        Set<AclEntryPermission> granted = owners.get(0).permissions();
        assertTrue(granted.containsAll(EnumSet.of(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA,
                AclEntryPermission.EXECUTE, AclEntryPermission.DELETE)), "the owner's rights in " + what);
        if (onWine()) {
            assertEquals(1, others.size(), "Wine: SYSTEM and the owner, nobody else, in " + what);
            assertEquals("NT AUTHORITY\\SYSTEM", others.get(0).principal().getName(), what);
            assertTrue(owner.getName().toLowerCase(Locale.ROOT)
                    .endsWith("\\" + System.getProperty("user.name").toLowerCase(Locale.ROOT)), what);
        } else {
            assertEquals(List.of(), others, "nobody but the owner in " + what);
        }
    }

    /** The jar folder for the running JVM's architecture (natives/windows_32, _64, _arm64). */
    static String archDirectory() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        switch (arch) {
            case "x86":
            case "i386":
            case "i686":
                return "windows_32";
            case "amd64":
            case "x86_64":
                return "windows_64";
            case "aarch64":
            case "arm64":
                return "windows_arm64";
            default:
                throw new AssertionError("no wtsbridge.dll for os.arch=" + arch);
        }
    }

    /** The PE machine type a DLL must have to load into this JVM. */
    static int expectedMachine() {
        switch (archDirectory()) {
            case "windows_32":
                return IMAGE_FILE_MACHINE_I386;
            case "windows_64":
                return IMAGE_FILE_MACHINE_AMD64;
            default:
                return IMAGE_FILE_MACHINE_ARM64;
        }
    }

    /** Where NativeLibrary extracts to: -Dwtsbridge.tmpdir, else java.io.tmpdir. */
    static Path extractionRoot() {
        String configured = System.getProperty(NativeLibrary.TMPDIR_PROPERTY);
        return Path.of(configured != null && !configured.isBlank() ? configured : System.getProperty("java.io.tmpdir"));
    }

    /**
     * Loads the library through the public API (the normal path), then returns the DLL that
     * this JVM extracted: the wtsbridge.dll in the one {@code wtsbridge-*} directory under
     * the extraction root whose lock file this very JVM holds.
     */
    static Path extractedDll() throws IOException {
        WtsSession.current().id();
        List<Path> ours = new ArrayList<>();
        List<Path> roots = new ArrayList<>(List.of(extractionRoot()));
        if (System.getenv("ProgramData") != null) { /* the loader's fallback root */
            roots.add(Path.of(System.getenv("ProgramData")));
        }
        for (Path root : roots) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "wtsbridge-*")) {
                for (Path dir : dirs) {
                    if (lockedByThisJvm(dir.resolve(".lock"))) {
                        ours.add(dir);
                    }
                }
            }
        }
        // Plain checks, no JUnit: LoadProbe calls this in child JVMs whose class path has no JUnit.
        if (ours.size() != 1) {
            throw new AssertionError("wtsbridge-* directories under " + extractionRoot() + " locked by this JVM: " + ours);
        }
        Path dll = ours.get(0).resolve("wtsbridge.dll");
        if (!Files.isRegularFile(dll)) {
            throw new AssertionError(dll + " is missing");
        }
        return dll;
    }

    /** True if this JVM holds the lock on {@code lockFile} (Java tracks file locks JVM-wide). */
    static boolean lockedByThisJvm(Path lockFile) {
        if (!Files.isRegularFile(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release(); /* free: a leftover of an ended JVM */
            }
            return false; /* null: another process holds it */
        } catch (OverlappingFileLockException mine) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * True if another process holds the lock on {@code lockFile} (a live JVM's extraction
     * directory); false if it is free or this JVM holds it.
     */
    static boolean lockedByAnotherProcess(Path lockFile) throws IOException {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException mine) {
            return false;
        }
    }

    /** True if {@code file} can be opened for writing: Windows refuses that for a DLL mapped by any process. */
    static boolean writable(Path file) {
        try (FileChannel ignored = FileChannel.open(file, StandardOpenOption.WRITE)) {
            return true; /* opened and closed, nothing written */
        } catch (IOException e) {
            return false;
        }
    }

    /** The wtsbridge-* directories directly under {@code root}. */
    static List<Path> extractionDirectories(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "wtsbridge-*")) {
            dirs.forEach(found::add);
        }
        found.sort(null);
        return found;
    }

    /** The java.exe of this JVM, for child JVMs. */
    static String javaExe() {
        return Path.of(System.getProperty("java.home"), "bin", "java.exe").toString();
    }

    /**
     * A child JVM (java.exe of this JVM) whose output (stdout and stderr, UTF-8) is collected
     * line by line as it comes, so that a test can wait for a line while the child runs, then
     * end it by closing its stdin ({@link LoadProbe} {@code --hold}).
     */
    static final class ChildJvm implements AutoCloseable {
        private final Process process;
        private final List<String> lines = new ArrayList<>();
        private final Thread reader;

        private ChildJvm(Process process) {
            this.process = process;
            this.reader = new Thread(this::collect, "child-jvm-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        /** Starts java.exe with {@code arguments} (JVM options, then a main class or -jar). */
        static ChildJvm start(List<String> arguments) throws IOException {
            return start(arguments, java.util.Map.of());
        }

        /**
         * As {@link #start(List)}, with these environment variables set for the child (the way to
         * give it a name outside the ANSI code page: java.exe reads its arguments in that code
         * page, but %TMP% through GetTempPathW, in UTF-16).
         */
        static ChildJvm start(List<String> arguments, java.util.Map<String, String> environment) throws IOException {
            List<String> command = new ArrayList<>(List.of(javaExe(),
                    "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8"));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            return new ChildJvm(builder.start());
        }

        /** Starts {@link LoadProbe} on {@code classPath} with system properties and probe flags. */
        static ChildJvm probe(String classPath, List<String> properties, String... flags) throws IOException {
            List<String> arguments = new ArrayList<>(List.of("-cp", classPath));
            arguments.addAll(properties);
            arguments.add(LoadProbe.class.getName());
            arguments.addAll(List.of(flags));
            return start(arguments);
        }

        private void collect() {
            try (java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                synchronized (lines) {
                    lines.add("(reading the child's output failed: " + e + ")");
                }
            }
        }

        long pid() {
            return process.pid();
        }

        /** Everything the child printed so far. */
        String output() {
            synchronized (lines) {
                return String.join(System.lineSeparator(), lines);
            }
        }

        /**
         * The rest of the first line starting with {@code prefix}, waiting for it up to
         * {@code timeout}; an AssertionError (with the output) if the child ends or the
         * time runs out first.
         */
        String awaitLine(String prefix, java.time.Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (lines) {
                while (true) {
                    for (String line : lines) {
                        if (line.startsWith(prefix)) {
                            return line.substring(prefix.length()).strip();
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                        throw new AssertionError("no line '" + prefix + "...' from the child JVM (alive: "
                                + process.isAlive() + "); its output:" + System.lineSeparator() + String.join(
                                System.lineSeparator(), lines));
                    }
                    lines.wait(Math.max(1, Math.min(200, left / 1_000_000)));
                }
            }
        }

        /** Closes the child's stdin (ends a --hold), waits for it to exit and returns its exit code. */
        int finish(java.time.Duration timeout) throws IOException, InterruptedException {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the child JVM did not end within " + timeout + "; its output:"
                        + System.lineSeparator() + output());
            }
            reader.join(timeout.toMillis());
            return process.exitValue();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** The class path of the tests (Surefire keeps the real one in surefire.test.class.path). */
    static String testClassPath() {
        String explicit = System.getProperty("wts.test.classpath"); /* the console launcher's --class-path */
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** JNI_OnLoad/OnUnload and the undecorated Java_<class>_<method> of every native in main code. */
    static Set<String> expectedExports() throws IOException, URISyntaxException, ClassNotFoundException {
        return io.github.wtsbridge.testing.JniExports.expected();
    }

    /** The parts of a PE image the tests check. */
    record PeImage(int machine, Set<String> exports, Set<String> imports, boolean delayImports) {
    }

    /** Reads machine type, export names and imported DLL names (lower case) of a PE file. */
    static PeImage readPe(Path file) throws IOException {
        ByteBuffer pe = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (pe.getShort(0) != 0x5a4d) {
            fail(file + " has no MZ header");
        }
        int header = pe.getInt(0x3c);
        if (pe.getInt(header) != 0x00004550) {
            fail(file + " has no PE signature");
        }
        int coff = header + 4;
        int machine = Short.toUnsignedInt(pe.getShort(coff));
        int sectionCount = Short.toUnsignedInt(pe.getShort(coff + 2));
        int optionalSize = Short.toUnsignedInt(pe.getShort(coff + 16));
        int optional = coff + 20;
        int magic = Short.toUnsignedInt(pe.getShort(optional));
        int directories = optional + (magic == 0x20b ? 112 : 96); /* PE32+ : PE32 */
        int sections = optional + optionalSize;
        int[][] table = new int[sectionCount][];
        for (int i = 0; i < sectionCount; i++) {
            int at = sections + 40 * i;
            /* virtual size, virtual address, raw size, raw offset */
            table[i] = new int[] {pe.getInt(at + 8), pe.getInt(at + 12), pe.getInt(at + 16), pe.getInt(at + 20)};
        }

        Set<String> exports = new TreeSet<>();
        int exportRva = pe.getInt(directories);
        if (exportRva != 0) {
            int dir = offset(table, exportRva);
            int count = pe.getInt(dir + 24);
            int names = offset(table, pe.getInt(dir + 32));
            for (int i = 0; i < count; i++) {
                exports.add(cString(pe, offset(table, pe.getInt(names + 4 * i))));
            }
        }
        Set<String> imports = new TreeSet<>();
        int importRva = pe.getInt(directories + 8);
        if (importRva != 0) {
            for (int at = offset(table, importRva); pe.getInt(at + 12) != 0; at += 20) {
                imports.add(cString(pe, offset(table, pe.getInt(at + 12))).toLowerCase(Locale.ROOT));
            }
        }
        boolean delay = pe.getInt(directories + 13 * 8) != 0;
        return new PeImage(machine, exports, imports, delay);
    }

    private static int offset(int[][] sections, int rva) {
        for (int[] s : sections) {
            int size = Math.max(s[0], s[2]);
            if (Integer.compareUnsigned(rva, s[1]) >= 0 && Integer.compareUnsigned(rva - s[1], size) < 0) {
                return rva - s[1] + s[3];
            }
        }
        throw new AssertionError("RVA 0x" + Integer.toHexString(rva) + " lies in no section");
    }

    private static String cString(ByteBuffer pe, int at) {
        int end = at;
        while (pe.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - at];
        pe.get(at, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
