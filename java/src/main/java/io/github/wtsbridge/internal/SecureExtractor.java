package io.github.wtsbridge.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.scijava.nativelib.JniExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the bundled DLL the safe way, as native-lib-loader's {@link JniExtractor}:
 * <ul>
 *   <li>into a directory created exclusively for this JVM with a random name
 *       ({@link Files#createTempDirectory}: owner-only on POSIX; under the per-user %TEMP% on
 *       Windows), never a predictable or shared path;</li>
 *   <li>with exclusive file creation ({@code CREATE_NEW}), so nothing already there is reused;</li>
 *   <li>checked against the SHA-256 recorded at build time, re-read from disk, before it is
 *       handed out for loading; a mismatch deletes it and throws.</li>
 * </ul>
 * Each directory holds a lock file locked for the JVM's lifetime. Directories whose lock is
 * free belong to JVMs that have ended and are removed (on Windows a DLL still mapped by a
 * live process cannot be deleted; such a directory is simply left for a later run).
 */
public final class SecureExtractor implements JniExtractor {
    static final String DIRECTORY_PREFIX = "wtsbridge-";
    static final String LOCK_FILE = ".lock";

    private static final Logger LOG = LoggerFactory.getLogger(SecureExtractor.class);
    /** Locks held for the JVM's lifetime (kept reachable so they are never released early). */
    private static final java.util.List<FileLock> HELD = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Path root;

    public SecureExtractor(Path root) {
        this.root = root;
    }

    /** Extracts {@code in} as {@code fileName}, verified against {@code expectedSha256}. */
    public Path extract(InputStream in, String fileName, String expectedSha256) throws IOException {
        if (expectedSha256 == null) {
            throw new IllegalStateException("wts-bridge: no digest recorded for " + fileName + " in "
                    + BundledDigests.RESOURCE + "; the jar is incomplete");
        }
        removeLeftovers();
        Path directory = Files.createTempDirectory(root, DIRECTORY_PREFIX);
        lockForLifetime(directory);
        Path file = directory.resolve(fileName);
        MessageDigest digest = BundledDigests.newDigest();
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[16384];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        String written = HexFormat.of().formatHex(digest.digest());
        String onDisk = BundledDigests.sha256(file);
        if (!expectedSha256.equalsIgnoreCase(written) || !expectedSha256.equalsIgnoreCase(onDisk)) {
            Files.deleteIfExists(file);
            throw new SecurityException("wts-bridge: extracted " + fileName + " has SHA-256 " + onDisk
                    + ", the build recorded " + expectedSha256 + "; refusing to load it");
        }
        file.toFile().deleteOnExit();
        return file;
    }

    private static void lockForLifetime(Path directory) throws IOException {
        FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        HELD.add(channel.lock());
        directory.resolve(LOCK_FILE).toFile().deleteOnExit();
        directory.toFile().deleteOnExit();
    }

    /** Deletes directories of ended JVMs: their lock file is no longer locked. */
    void removeLeftovers() {
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(root, DIRECTORY_PREFIX + "*")) {
            for (Path candidate : candidates) {
                if (Files.isDirectory(candidate) && !Files.isSymbolicLink(candidate)) {
                    removeIfAbandoned(candidate);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("wts-bridge: leftover clean-up in {} skipped: {}", root, e.toString());
        }
    }

    private static void removeIfAbandoned(Path directory) {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.isRegularFile(lockFile)) {
            return; /* not one of ours, or still being set up: leave it */
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return; /* its JVM is alive */
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                for (Path file : files) {
                    if (!file.getFileName().toString().equals(LOCK_FILE)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            lock.release();
        } catch (OverlappingFileLockException mine) {
            return; /* locked by this very JVM */
        } catch (IOException e) {
            LOG.debug("wts-bridge: cannot remove leftover {} yet: {}", directory, e.toString());
            return;
        }
        try {
            Files.deleteIfExists(lockFile);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            LOG.debug("wts-bridge: cannot remove leftover {} yet: {}", directory, e.toString());
        }
    }

    // ---- native-lib-loader's JniExtractor ----

    /** Extracts {@code libPath + libName + ".dll"} from the class path, verified. */
    @Override
    public File extractJni(String libPath, String libName) throws IOException {
        String resource = libPath + libName + ".dll";
        try (InputStream in = SecureExtractor.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            return extract(in, libName + ".dll", BundledDigests.load().get(resource)).toFile();
        }
    }

    /** Nothing is registered for eager extraction. */
    @Override
    public void extractRegistered() {
    }
}
