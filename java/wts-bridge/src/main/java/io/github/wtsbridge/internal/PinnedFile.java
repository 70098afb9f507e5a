package io.github.wtsbridge.internal;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A DLL held open from before its digest is read until after {@code System.load} returns, so
 * that the bytes checked are the bytes loaded. On Windows the handle denies write and delete
 * sharing ({@code NOSHARE_WRITE}, {@code NOSHARE_DELETE}): while it is open nobody can write
 * the file, replace it, rename it or delete it (each fails with a sharing violation), whatever
 * the file's ACL says. LoadLibrary itself only reads (it asks for read and execute access and
 * shares read and delete), so the load goes through. Other systems have no mandatory share
 * modes; there the file is only held (the library works only on Windows anyway).
 */
final class PinnedFile implements AutoCloseable {
    /** True where the default file system is Windows' (the only one honouring share modes). */
    static final boolean SHARE_MODES = File.separatorChar == '\\';

    private final Path path;
    private final FileChannel channel;

    private PinnedFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Opens {@code path} for reading, denying write and delete sharing where the OS enforces it. */
    static PinnedFile open(Path path) throws IOException {
        OpenOption[] options = SHARE_MODES
                ? new OpenOption[] {StandardOpenOption.READ, ExtendedOpenOption.NOSHARE_WRITE, ExtendedOpenOption.NOSHARE_DELETE}
                : new OpenOption[] {StandardOpenOption.READ};
        return new PinnedFile(path, FileChannel.open(path, options));
    }

    Path path() {
        return path;
    }

    /** The lowercase hex SHA-256 of the file's bytes, read through this very handle. */
    String sha256() throws IOException {
        return BundledDigests.sha256(channel);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            /* a read-only handle: nothing to flush, nothing to lose */
        }
    }
}
