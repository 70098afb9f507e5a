package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.NativeHandle;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.internal.ServersNative;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongToIntFunction;

/**
 * The Terminal Server that calls go to. {@link #local()} is this machine
 * (WTS_CURRENT_SERVER_HANDLE) and needs no closing; {@link #open(String)} opens a handle to
 * another server (WTSOpenServerW), which {@link #close()} releases (WTSCloseServer).
 *
 * <p>Every call made with a server goes through its handle. Closing is idempotent; a call on
 * a closed server throws {@link IllegalStateException} without reaching Windows. A close
 * that races a call on another thread never pulls the handle from under it: the handle is
 * closed when the last call using it returns. A server that is never closed is closed by a
 * Cleaner once it is unreachable — a safety net, not a substitute for
 * try-with-resources.
 *
 * <p>Windows may hand out a handle for a name that does not resolve; the failure
 * ({@link WtsException#RPC_S_SERVER_UNAVAILABLE}, 1722) then shows on the first call.
 */
public final class WtsServer implements AutoCloseable {
    /** Longest server name accepted (a DNS name is at most 255 characters, plus a "\\\\" prefix). */
    public static final int MAX_NAME_LENGTH = 257;
    /** Longest domain name accepted by {@link #enumerate(String)}. */
    public static final int MAX_DOMAIN_LENGTH = 255;

    private static final WtsServer LOCAL = new WtsServer();

    private final String name;
    private final NativeHandle handle; // null for the local server

    private WtsServer() {
        this.name = null;
        this.handle = null;
    }

    private WtsServer(String name, long value) {
        this.name = name;
        this.handle = new NativeHandle(this, value, ServersNative::close, "the server " + name);
    }

    /** This machine. Closing it does nothing. */
    public static WtsServer local() {
        return LOCAL;
    }

    /**
     * Opens a handle to a Terminal Server by NetBIOS or DNS name (WTSOpenServerW).
     *
     * @throws NullPointerException     if name is null
     * @throws IllegalArgumentException if name is empty, longer than {@link #MAX_NAME_LENGTH}
     *                                  or contains NUL
     * @throws WtsException             if Windows refuses (an unreachable server usually fails
     *                                  only on the first call made with it)
     */
    public static WtsServer open(String name) {
        Checks.text(name, "server name", MAX_NAME_LENGTH);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("server name must not be empty; use WtsServer.local()");
        }
        NativeLibrary.ensureLoaded();
        long value = ServersNative.open(Checks.nulTerminated(name));
        return new WtsServer(name, value);
    }

    /** The Terminal Servers of the caller's domain (WTSEnumerateServersW with no domain). */
    public static List<String> enumerate() {
        NativeLibrary.ensureLoaded();
        return Collections.unmodifiableList(Arrays.asList(ServersNative.enumerateServers(null)));
    }

    /**
     * The Terminal Servers of a domain (WTSEnumerateServersW). Windows finds them through
     * NetBIOS browsing; where that is off the list is empty or the call fails.
     */
    public static List<String> enumerate(String domain) {
        Checks.text(domain, "domain", MAX_DOMAIN_LENGTH);
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("domain must not be empty; use enumerate() for the caller's domain");
        }
        NativeLibrary.ensureLoaded();
        return Collections.unmodifiableList(Arrays.asList(ServersNative.enumerateServers(Checks.nulTerminated(domain))));
    }

    /** True for {@link #local()}. */
    public boolean isLocal() {
        return handle == null;
    }

    /** False once {@link #close()} was called; always true for {@link #local()}. */
    public boolean isOpen() {
        return handle == null || handle.isOpen();
    }

    /** The server's name as it was opened; empty for the local server. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * Releases the handle (WTSCloseServer) — at once, or when the last call still using it
     * on another thread returns. Idempotent; for {@link #local()} nothing happens.
     */
    @Override
    public void close() {
        if (handle != null) {
            handle.close();
        }
    }

    @Override
    public String toString() {
        return isLocal() ? "WtsServer[local]" : "WtsServer[" + name + (isOpen() ? "]" : ", closed]");
    }

    /** The handle for a call that is not tracked (see {@link #call}); checked to be open. */
    long handle() {
        return handle == null ? 0L : handle.use(value -> value);
    }

    /**
     * Runs one native call with this server's handle: loads the library, throws
     * {@link IllegalStateException} if closed, and keeps the handle open until the call returns.
     */
    <T> T call(LongFunction<T> nativeCall) {
        if (handle == null) {
            NativeLibrary.ensureLoaded();
            return nativeCall.apply(0L);
        }
        return handle.use(nativeCall); // open() loaded the library
    }

    int callInt(LongToIntFunction nativeCall) {
        return call(value -> nativeCall.applyAsInt(value));
    }

    void run(LongConsumer nativeCall) {
        call(value -> {
            nativeCall.accept(value);
            return null;
        });
    }
}
