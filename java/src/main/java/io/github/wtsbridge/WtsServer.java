package io.github.wtsbridge;

import java.util.Optional;

/**
 * The Terminal Server that calls go to. {@link #local()} is this machine
 * (WTS_CURRENT_SERVER_HANDLE) and needs no closing.
 */
public final class WtsServer implements AutoCloseable {
    private static final WtsServer LOCAL = new WtsServer(0L, null);

    private final long handle;
    private final String name;

    private WtsServer(long handle, String name) {
        this.handle = handle;
        this.name = name;
    }

    /** This machine. Closing it does nothing. */
    public static WtsServer local() {
        return LOCAL;
    }

    /** True for {@link #local()}. */
    public boolean isLocal() {
        return name == null;
    }

    /** The server's name as it was opened; empty for the local server. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The native handle for a call; checked to be open. */
    long handle() {
        return handle;
    }

    /** Closes the server handle; for {@link #local()} nothing happens. */
    @Override
    public void close() {
        // The local server has no handle to close.
    }

    @Override
    public String toString() {
        return isLocal() ? "WtsServer[local]" : "WtsServer[" + name + "]";
    }
}
