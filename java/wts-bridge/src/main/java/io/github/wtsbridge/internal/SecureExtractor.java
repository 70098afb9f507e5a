package io.github.wtsbridge.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Extracts the bundled DLL the safe way:
 * <ul>
 *   <li>into a directory created exclusively for this JVM with a random name ({@link FreshNames}:
 *       created only if nothing has that name; mode 0700 on POSIX; on Windows created with an
 *       ACL granting only its owner, see {@link OwnerOnlyAcl}), never a fixed or shared path;</li>
 *   <li>with exclusive file creation ({@code CREATE_NEW}, owner-only: 0600, or on Windows an
 *       explicit owner-only ACL, not one inherited), so nothing already there is reused;</li>
 *   <li>checked against the SHA-256 recorded at build time, both as written and re-read from
 *       disk through a handle that pins it ({@link PinnedFile}) until it is loaded; a mismatch
 *       removes it and throws.</li>
 * </ul>
 * Each directory holds a lock file ({@value #LOCK_FILE}) locked for the JVM's lifetime; it is
 * locked under a temporary name and only then renamed, so another JVM never sees it unlocked.
 * Directories whose lock is free belong to JVMs that have ended and are removed when the next
 * JVM extracts (on Windows a DLL still mapped by a live process cannot be deleted: such a
 * directory's lock is still held, and it is left alone). Only directories owned by the same
 * user, not symbolic links, are touched.
 */
public final class SecureExtractor {
    static final String DIRECTORY_PREFIX = "wtsbridge-";
    static final String LOCK_FILE = ".lock";
    static final String LOCK_FILE_PENDING = ".lock-pending";
    /** A directory that never got its {@value #LOCK_FILE} (its JVM died while setting up). */
    static final Duration ABANDONED_SETUP_AGE = Duration.ofHours(1);

    private static final Log LOG = Log.forClass(SecureExtractor.class);
    /* The names this extractor gives its directories. A prefix test, not a glob: a glob compiles
       to a regular expression, 19 more classes to load on a cold start. */
    private static final DirectoryStream.Filter<Path> OURS = new DirectoryStream.Filter<>() {
        @Override
        public boolean accept(Path entry) {
            return entry.getFileName().toString().startsWith(DIRECTORY_PREFIX);
        }
    };
    /** Locks held for the JVM's lifetime, by directory (kept reachable so never released early). */
    private static final Map<Path, FileChannel> HELD = new ConcurrentHashMap<>();

    private final Path root;
    private final BundledResources resources;
    private final LongSupplier names;

    /** Extracts this library's own resources under {@code root}. */
    public SecureExtractor(Path root) {
        this(root, BundledResources.ofLibrary());
    }

    /** Extracts resources of {@code resources} (the DLLs and their digest file) under {@code root}. */
    SecureExtractor(Path root, BundledResources resources) {
        this(root, resources, FreshNames.RANDOM);
    }

    /** As above, drawing the directory's random number from {@code names} (tests take names first). */
    SecureExtractor(Path root, BundledResources resources, LongSupplier names) {
        this.root = root.toAbsolutePath();
        this.resources = Objects.requireNonNull(resources, "resources");
        this.names = Objects.requireNonNull(names, "names");
    }

    /**
     * Extracts {@code in} as {@code fileName}, verified against {@code expectedSha256}, and
     * returns the file unpinned (for callers that load it themselves).
     */
    public Path extract(InputStream in, String fileName, String expectedSha256) throws IOException {
        try (PinnedFile pinned = extractPinned(in, fileName, expectedSha256)) {
            return pinned.path();
        }
    }

    /**
     * Extracts {@code in} as {@code fileName} and returns it pinned ({@link PinnedFile}: no
     * writer, no rename, no delete until closed), after checking its SHA-256 against
     * {@code expectedSha256} as written and as re-read through the pinning handle. The caller
     * loads it, then closes the pin.
     */
    PinnedFile extractPinned(InputStream in, String fileName, String expectedSha256) throws IOException {
        if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("wts-bridge: not a plain file name: " + fileName);
        }
        if (expectedSha256 == null) {
            throw new IllegalStateException("wts-bridge: no digest recorded for " + fileName + " in "
                    + BundledDigests.RESOURCE + "; the jar is incomplete");
        }
        Path directory = createPrivateDirectory();
        PinnedFile pinned = null;
        try {
            removeLeftovers(directory);
            Path file = directory.resolve(fileName);
            Sha256 digest = new Sha256();
            try (OutputStream out = Channels.newOutputStream(createNew(file))) {
                byte[] buffer = new byte[16384];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            String written = digest.hex();
            pinned = PinnedFile.open(file);
            String onDisk = pinned.sha256();
            if (!expectedSha256.equalsIgnoreCase(written) || !expectedSha256.equalsIgnoreCase(onDisk)) {
                throw new SecurityException("wts-bridge: extracted " + fileName + " has SHA-256 " + onDisk
                        + ", the build recorded " + expectedSha256 + "; refusing to load it");
            }
            file.toFile().deleteOnExit();
            PinnedFile verified = pinned;
            pinned = null;
            return verified;
        } catch (IOException | RuntimeException e) {
            if (pinned != null) {
                pinned.close();
            }
            discard(directory);
            throw e;
        }
    }

    /**
     * A new directory under the root with a random name, only for this JVM: 0700 on POSIX; on
     * Windows created with an owner-only ACL in the same call (then set again, replacing any
     * entry the parent's inheritable ACL added at creation, and checked to be empty, so that
     * nothing slipped in before); its lock file locked before anyone can see it.
     */
    private Path createPrivateDirectory() throws IOException {
        FileAttribute<?> ownerOnly = posix(root)
                ? PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
                : OwnerOnlyAcl.attribute(OwnerOnlyAcl.ownerOfNewFiles(root), true);
        Path directory = FreshNames.createDirectory(root, DIRECTORY_PREFIX, names, ownerOnly);
        /* registered first so that it is deleted last, after the lock file and the DLL */
        directory.toFile().deleteOnExit();
        try {
            if (!posix(directory)) {
                OwnerOnlyAcl.restrict(directory, true);
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                    for (Path entry : entries) {
                        throw new IOException("something appeared in the new directory " + directory
                                + " before its owner-only ACL was set: " + entry.getFileName());
                    }
                }
            }
            Path pending = directory.resolve(LOCK_FILE_PENDING);
            FileChannel channel = createNew(pending);
            try {
                channel.lock();
                Path lock = Files.move(pending, directory.resolve(LOCK_FILE), StandardCopyOption.ATOMIC_MOVE);
                if (posix(directory)) {
                    lock.toFile().deleteOnExit();
                }
                /* On Windows the DLL is still mapped at exit and cannot be deleted: the lock file
                   then stays, unlocked, and marks the directory for the next JVM to remove. */
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            HELD.put(directory, channel);
            return directory;
        } catch (IOException | RuntimeException e) {
            discard(directory);
            throw e;
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates a file that must not exist yet, for its owner only: mode 0600 on POSIX; on
     * Windows an owner-only ACL, set before anything is written to it.
     */
    private static FileChannel createNew(Path file) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (posix(file)) {
            return FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        FileChannel channel = FileChannel.open(file, options);
        try {
            OwnerOnlyAcl.restrict(file, false);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
        return channel;
    }

    /** Removes one of this JVM's directories (failed extraction, or a DLL that would not load). */
    static void discard(Path directory) {
        FileChannel channel = HELD.remove(directory);
        deleteContents(directory);
        try {
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(directory.resolve(LOCK_FILE));
            Files.deleteIfExists(directory.resolve(LOCK_FILE_PENDING));
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            LOG.debug("wts-bridge: cannot remove {}: {}", directory, e.toString());
        }
    }

    /** Reads a file's owner (a seam for tests: Windows denies it on other users' directories). */
    @FunctionalInterface
    interface OwnerReader {
        UserPrincipal ownerOf(Path path) throws IOException;
    }

    private static final OwnerReader FILE_OWNER = path -> Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);

    /** Deletes directories of ended JVMs (their lock file is no longer locked). */
    void removeLeftovers(Path mine) {
        removeLeftovers(mine, FILE_OWNER);
    }

    /**
     * As {@link #removeLeftovers(Path)}, reading owners with {@code owners}. One directory that
     * cannot be looked at (another user's, access denied) is skipped; the scan goes on.
     */
    void removeLeftovers(Path mine, OwnerReader owners) {
        UserPrincipal me;
        try {
            me = owners.ownerOf(mine);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(root, OURS)) {
            for (Path candidate : candidates) {
                if (candidate.equals(mine) || HELD.containsKey(candidate)
                        || !Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try {
                    if (me.equals(owners.ownerOf(candidate))) {
                        removeIfAbandoned(candidate);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.debug("wts-bridge: leftover {} skipped: {}", candidate, e.toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("wts-bridge: leftover clean-up in {} skipped: {}", root, e.toString());
        }
    }

    private static void removeIfAbandoned(Path directory) {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            if (olderThan(directory, ABANDONED_SETUP_AGE)) {
                deleteContents(directory);
                deleteQuietly(directory);
            }
            return; /* still being set up by another JVM: leave it */
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return; /* its JVM is alive */
            }
            deleteContents(directory);
        } catch (OverlappingFileLockException mine) {
            return; /* locked by this very JVM */
        } catch (IOException e) {
            LOG.debug("wts-bridge: cannot remove leftover {} yet: {}", directory, e.toString());
            return;
        }
        deleteQuietly(lockFile);
        deleteQuietly(directory);
    }

    /** Deletes the regular files in a directory except its lock file (links are deleted, never followed). */
    private static void deleteContents(Path directory) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!name.equals(LOCK_FILE) && !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("wts-bridge: cannot empty {} yet (a DLL still in use?): {}", directory, e.toString());
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (FileSystemException e) {
            LOG.debug("wts-bridge: cannot remove {} yet: {}", path, e.toString());
        } catch (IOException e) {
            LOG.debug("wts-bridge: cannot remove {}: {}", path, e.toString());
        }
    }

    private static boolean olderThan(Path path, Duration age) {
        try {
            FileTime modified = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
            return modified.toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Extracts the resource {@code libPath + libName + ".dll"} (such as
     * {@code natives/windows_64/} + {@code wtsbridge}), verified, and returns the file unpinned;
     * null if the jar lacks it. For callers that load it themselves (the cold-start benchmark);
     * the signature is the one native-lib-loader's JniExtractor had, which its callers kept.
     */
    public File extractJni(String libPath, String libName) throws IOException {
        try (PinnedFile pinned = extractPinned(libPath + libName + ".dll")) {
            return pinned == null ? null : pinned.path().toFile();
        }
    }

    /** Extracts the resource {@code resource}, verified and pinned; null if the jar lacks it. */
    PinnedFile extractPinned(String resource) throws IOException {
        String expected = BundledDigests.load(resources).get(resource);
        try (InputStream in = resources.open(resource)) {
            if (in == null) {
                return null;
            }
            return extractPinned(in, resource.substring(resource.lastIndexOf('/') + 1), expected);
        }
    }
}
