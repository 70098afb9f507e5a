package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a standard stream of a program started in a user's session goes, as
 * {@link ProcessBuilder.Redirect} says it for a child of the JVM: a pipe the caller reads or
 * writes ({@link WtsStartedProcess#stdout()} …), a file, nowhere, or this process's own stream.
 * Set with {@link WtsStartOptions#withStdin}, {@link WtsStartOptions#withStdout},
 * {@link WtsStartOptions#withStderr}. File paths are paths of this machine as Windows reads them
 * (CreateFileW), opened by the caller — the service — not by the user.
 */
public final class WtsRedirect {
    /** What a redirect does. */
    public enum Type {
        /** A pipe between the caller and the child. */
        PIPE,
        /** The NUL device: reads give the end at once, writes vanish. */
        DISCARD,
        /** This process's own standard stream (none for a service: then the child gets none). */
        INHERIT,
        /** Reads an existing file (stdin only). */
        READ,
        /** Creates or truncates a file and writes it (stdout and stderr only). */
        WRITE,
        /** Creates a file if missing and appends to it (stdout and stderr only). */
        APPEND
    }

    /** A pipe: read the child's output from {@link WtsStartedProcess#stdout()} / stderr(), feed its input through stdin(). */
    public static final WtsRedirect PIPE = new WtsRedirect(Type.PIPE, null);
    /** Nowhere: the NUL device. */
    public static final WtsRedirect DISCARD = new WtsRedirect(Type.DISCARD, null);
    /** This process's own stream (an inheritable duplicate of it). */
    public static final WtsRedirect INHERIT = new WtsRedirect(Type.INHERIT, null);

    private final Type type;
    private final String path;

    private WtsRedirect(Type type, String path) {
        this.type = type;
        this.path = path;
    }

    /**
     * The child reads its input from this existing file.
     *
     * @param path the file, as CreateFileW takes it; not empty, no NUL, at most
     *             {@link WtsStartOptions#MAX_PATH_CHARS}
     * @return a {@link Type#READ} redirect, for {@link WtsStartOptions#withStdin}
     * @throws IllegalArgumentException for an empty or over-long path, or one with a NUL
     */
    public static WtsRedirect from(String path) {
        return new WtsRedirect(Type.READ, checkPath(path));
    }

    /**
     * The child's output replaces the content of this file (created if missing).
     *
     * @param path the file, as CreateFileW takes it; not empty, no NUL, at most
     *             {@link WtsStartOptions#MAX_PATH_CHARS}
     * @return a {@link Type#WRITE} redirect, for stdout or stderr
     * @throws IllegalArgumentException for an empty or over-long path, or one with a NUL
     */
    public static WtsRedirect to(String path) {
        return new WtsRedirect(Type.WRITE, checkPath(path));
    }

    /**
     * The child's output is appended to this file (created if missing).
     *
     * @param path the file, as CreateFileW takes it; not empty, no NUL, at most
     *             {@link WtsStartOptions#MAX_PATH_CHARS}
     * @return an {@link Type#APPEND} redirect, for stdout or stderr
     * @throws IllegalArgumentException for an empty or over-long path, or one with a NUL
     */
    public static WtsRedirect appendTo(String path) {
        return new WtsRedirect(Type.APPEND, checkPath(path));
    }

    /**
     * What the redirect does.
     *
     * @return pipe, discard, inherit, or read, write or append a file
     */
    public Type type() {
        return type;
    }

    /**
     * The file, for {@link Type#READ}, {@link Type#WRITE} and {@link Type#APPEND}.
     *
     * @return the path as given; empty for {@link #PIPE}, {@link #DISCARD} and {@link #INHERIT}
     */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    private static String checkPath(String path) {
        Checks.text(path, "path", WtsStartOptions.MAX_PATH_CHARS);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path must not be empty");
        }
        return path;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WtsRedirect r && r.type == type && Objects.equals(r.path, path);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Objects.hashCode(path);
    }

    @Override
    public String toString() {
        return path == null ? type.toString() : type + " " + path;
    }
}
