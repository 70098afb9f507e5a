package io.github.wtsbridge;

import io.github.wtsbridge.internal.ChannelSupport;
import io.github.wtsbridge.internal.ChannelsNative;
import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.NativeHandle;
import io.github.wtsbridge.internal.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server end of a static RDP virtual channel: the program inside a Remote Desktop session
 * (or a service, for another session) talking to the client-side plugin that registered a
 * channel of the same name. Opened with {@link #open(String)} (this JVM's session, the common
 * case) or {@link #open(WtsServer, int, String)}; dynamic channels are
 * {@link #openDynamic(String)}'s {@link WtsDynamicChannel}.
 *
 * <p>A static channel is a byte stream: {@link #read(ByteBuffer, Duration)} gives what the
 * client wrote (WTSVirtualChannelRead, at most one 1,600-byte chunk a call), {@link #write}
 * writes a whole buffer (WTSVirtualChannelWrite, repeated until all of it is written). Also
 * a {@link ByteChannel}, an {@link InputStream} and an {@link OutputStream}.
 *
 * <p>Closing is idempotent; a call on a closed channel throws {@link IllegalStateException}
 * (the ByteChannel and stream methods: {@link ClosedChannelException}, an IOException) without
 * reaching Windows. A close from another thread wakes a blocked read within 100 ms (a read waits
 * in slices of at most that): it throws, and the handle is closed (WTSVirtualChannelClose) as the
 * read returns; never under it. A channel that is never closed is closed by a Cleaner.
 * Reads are serialised with each other, writes with each other (WTSVirtualChannelRead is not
 * thread-safe); a read and a write may run at once.
 */
public final class WtsVirtualChannel implements ByteChannel {
    /** CHANNEL_NAME_LEN: the longest static channel name. */
    public static final int MAX_NAME_LENGTH = 7;
    /** CHANNEL_CHUNK_LENGTH: the most one read returns. */
    public static final int CHUNK_LENGTH = ChannelsNative.CHUNK_LENGTH;
    private static final int SLICE_MILLIS = 100;

    private final String name;
    private final NativeHandle handle;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    /** What WTSVirtualChannelRead gave and the caller has not taken yet (read mode). */
    private final ByteBuffer chunk = ByteBuffer.allocate(ChannelsNative.PDU_LENGTH).limit(0);
    private volatile boolean closing;

    private WtsVirtualChannel(String name, long value) {
        this.name = name;
        this.handle = new NativeHandle(this, value, ChannelsNative::close, "the virtual channel " + name);
    }

    /**
     * Opens a static channel in this JVM's own session (WTSVirtualChannelOpen with
     * WTS_CURRENT_SERVER_HANDLE and WTS_CURRENT_SESSION): the common case, a program running
     * inside the RDP session whose client has the plugin.
     *
     * @param name the channel's name: 1 to 7 printable ASCII characters (CHANNEL_NAME_LEN)
     * @return the open channel; close it when done
     * @throws IllegalArgumentException for a name that is empty, longer, has a NUL or is not ASCII
     * @throws WtsException             if Windows refuses (e.g. the client has no such channel)
     */
    public static WtsVirtualChannel open(String name) {
        byte[] bytes = ChannelSupport.name(name, MAX_NAME_LENGTH, "static channel");
        NativeLibrary.ensureLoaded();
        return new WtsVirtualChannel(name, ChannelsNative.open(0L, ChannelsNative.CURRENT_SESSION, bytes));
    }

    /**
     * Opens a static channel of a session (WTSVirtualChannelOpen). Another user's session needs
     * the Virtual Channels permission. Opening a channel that is already open may stall for ten
     * seconds and break the open one (Microsoft's remark): open each once.
     *
     * @param server    {@link WtsServer#local()}: Microsoft documents that hServer must be
     *                  WTS_CURRENT_SERVER_HANDLE, so any other server is refused
     * @param sessionId the session (0 or more)
     * @param name      1 to 7 printable ASCII characters (CHANNEL_NAME_LEN)
     * @return the open channel; close it when done
     * @throws IllegalArgumentException for a remote server, a negative session id, or a bad name
     * @throws WtsException             if Windows refuses (no such channel or session, or no
     *                                  Virtual Channels permission)
     */
    public static WtsVirtualChannel open(WtsServer server, int sessionId, String name) {
        Objects.requireNonNull(server, "server");
        if (!server.isLocal()) {
            throw new IllegalArgumentException("virtual channels open on the local server only"
                    + " (WTSVirtualChannelOpen's hServer must be WTS_CURRENT_SERVER_HANDLE): use WtsServer.local()");
        }
        Checks.sessionId(sessionId);
        byte[] bytes = ChannelSupport.name(name, MAX_NAME_LENGTH, "static channel");
        NativeLibrary.ensureLoaded();
        return new WtsVirtualChannel(name, ChannelsNative.open(0L, sessionId, bytes));
    }

    /**
     * Opens a dynamic channel in this JVM's own session with low priority and compression
     * (WTSVirtualChannelOpenEx with WTS_CHANNEL_OPTION_DYNAMIC).
     *
     * @param name the listener's endpoint name: 1 to 260 printable ASCII characters (MAX_PATH)
     * @return the open channel, whose {@link WtsDynamicChannel#send} and
     *         {@link WtsDynamicChannel#receive} move whole messages; close it when done
     * @throws IllegalArgumentException for a name that is empty, longer, has a NUL or is not ASCII
     * @throws WtsException             if Windows refuses (e.g. no client plugin listens on it)
     */
    public static WtsDynamicChannel openDynamic(String name) {
        return WtsDynamicChannel.open(ChannelsNative.CURRENT_SESSION, name, WtsChannelPriority.LOW, true);
    }

    /**
     * Opens a dynamic channel in this JVM's own session with the given priority and compression.
     *
     * @param name     the listener's endpoint name: 1 to 260 printable ASCII characters (MAX_PATH)
     * @param priority the priority of the channel's data; {@link WtsChannelPriority#LOW} for
     *                 almost every channel
     * @param compress false to add WTS_CHANNEL_OPTION_DYNAMIC_NO_COMPRESS (for data that is
     *                 already compressed)
     * @return the open channel; close it when done
     * @throws IllegalArgumentException for a bad name
     * @throws WtsException             if Windows refuses
     */
    public static WtsDynamicChannel openDynamic(String name, WtsChannelPriority priority, boolean compress) {
        return WtsDynamicChannel.open(ChannelsNative.CURRENT_SESSION, name, priority, compress);
    }

    /**
     * Opens a dynamic channel of a session of this machine (WTSVirtualChannelOpenEx with
     * WTS_CHANNEL_OPTION_DYNAMIC, the priority's flag, and WTS_CHANNEL_OPTION_DYNAMIC_NO_COMPRESS
     * unless {@code compress}).
     *
     * @param sessionId the session (0 or more); a service opens a user's session's channel so
     * @param name      the listener's endpoint name: 1 to 260 printable ASCII characters (MAX_PATH)
     * @param priority  the priority of the channel's data
     * @param compress  false to add WTS_CHANNEL_OPTION_DYNAMIC_NO_COMPRESS
     * @return the open channel; close it when done
     * @throws IllegalArgumentException for a negative session id or a bad name
     * @throws WtsException             if Windows refuses
     */
    public static WtsDynamicChannel openDynamic(int sessionId, String name, WtsChannelPriority priority,
            boolean compress) {
        Checks.sessionId(sessionId);
        return WtsDynamicChannel.open(sessionId, name, priority, compress);
    }

    /** Test hook (the Windows-JVM coverage probes): a channel object around a raw handle. */
    static WtsVirtualChannel wrap(String name, long handle) {
        return new WtsVirtualChannel(name, handle);
    }

    /**
     * The channel's name.
     *
     * @return the name it was opened with, e.g. {@code CLIPRDR}
     */
    public String name() {
        return name;
    }

    /**
     * Reads what the client wrote into {@code dst} (heap or direct), waiting at most
     * {@code timeout}: at least one byte, or 0 when the time ran out (or dst has no room: then
     * Windows is not asked). Bytes of a chunk that did not fit stay for the next read.
     *
     * @param dst     where the bytes go, from its position; its position advances by the count
     * @param timeout the longest to wait; {@link Duration#ZERO} takes only what has already arrived
     * @return the number of bytes read, at most {@link #CHUNK_LENGTH} (1,600); 0 when nothing
     *         came in time or {@code dst} has no room
     * @throws IllegalArgumentException if {@code dst} is read-only or {@code timeout} is negative
     * @throws IllegalStateException if the channel is closed, also by another thread during the call
     * @throws WtsException          if Windows fails (WTSVirtualChannelRead)
     */
    public int read(ByteBuffer dst, Duration timeout) {
        Objects.requireNonNull(dst, "dst");
        ChannelSupport.timeout(timeout);
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("dst is read-only");
        }
        ensureOpen();
        if (!dst.hasRemaining()) {
            return 0;
        }
        long deadline = ChannelSupport.deadline(timeout);
        readLock.lock();
        try {
            while (true) {
                if (chunk.hasRemaining()) {
                    return take(dst);
                }
                ensureOpen();
                int wait = ChannelSupport.slice(deadline, SLICE_MILLIS);
                ByteBuffer scratch = ChannelSupport.scratch(ChannelsNative.PDU_LENGTH);
                int read = handle.use(value -> ChannelsNative.read(value, wait, scratch, ChannelsNative.PDU_LENGTH));
                chunk.clear().put(scratch.limit(Math.max(read, 0))).flip();
                if (read <= 0 && ChannelSupport.expired(deadline)) {
                    ensureOpen();
                    return 0;
                }
            }
        } finally {
            readLock.unlock();
        }
    }

    private int take(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), chunk.remaining());
        ByteBuffer part = chunk.slice().limit(n);
        dst.put(part);
        chunk.position(chunk.position() + n);
        return n;
    }

    /**
     * Writes all of {@code src} (from its position to its limit; heap or direct) to the client
     * (WTSVirtualChannelWrite, repeated until every byte is written) and returns how many.
     *
     * @param src the bytes to write; its position moves to its limit
     * @return the number of bytes written: {@code src.remaining()} as it was on entry
     * @throws IllegalStateException if the channel is closed
     * @throws WtsException          if Windows fails
     */
    public int writeAll(ByteBuffer src) {
        Objects.requireNonNull(src, "src");
        ensureOpen();
        int length = src.remaining();
        if (length == 0) {
            return 0;
        }
        writeLock.lock();
        try {
            ByteBuffer data = ChannelSupport.scratch(length);
            data.put(src.duplicate()).flip();
            int done = 0;
            while (done < length) {
                int from = done;
                int written = handle.use(value -> ChannelsNative.write(value, data, from, length - from));
                if (written <= 0) {
                    throw new WtsException(0, "WTSVirtualChannelWrite", null);
                }
                done += written;
            }
            src.position(src.position() + length);
            return length;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Writes all of {@code data}; see {@link #writeAll(ByteBuffer)}.
     *
     * @param data the bytes to write, all of them
     * @throws IllegalStateException if the channel is closed
     * @throws WtsException          if Windows fails
     */
    public void write(byte[] data) {
        writeAll(ByteBuffer.wrap(Objects.requireNonNull(data, "data")));
    }

    /** Drops what the client sent and nobody read yet (WTSVirtualChannelPurgeInput). */
    public void purgeInput() {
        ensureOpen();
        readLock.lock();
        try {
            chunk.limit(0);
            handle.run(value -> ChannelsNative.purge(value, false));
        } finally {
            readLock.unlock();
        }
    }

    /** Drops what was written and not yet sent to the client (WTSVirtualChannelPurgeOutput). */
    public void purgeOutput() {
        ensureOpen();
        handle.run(value -> ChannelsNative.purge(value, true));
    }

    /**
     * WTSVirtualChannelQuery(WTSVirtualClientData): the bytes Windows returns, as they are.
     * Microsoft documents this class as "not currently supported": expect a WtsException.
     *
     * @return the bytes Windows returned, unparsed
     * @throws IllegalStateException if the channel is closed
     * @throws WtsException          if Windows fails, which it is documented to do
     */
    public byte[] clientData() {
        ensureOpen();
        return handle.use(ChannelsNative::queryClientData);
    }

    /** False once closed (by this thread or another). */
    @Override
    public boolean isOpen() {
        return !closing && handle.isOpen();
    }

    /**
     * Closes the channel (WTSVirtualChannelClose): at once, or when a read or write running on
     * another thread returns, which a blocked read does within 100 ms. Idempotent.
     */
    @Override
    public void close() {
        closing = true;
        handle.close();
    }

    // ---- ByteChannel ----

    /**
     * ByteChannel's read: blocks until the client sent something and returns at least one byte
     * (never -1: a static channel has no end of stream; Windows' failures come as IOException).
     *
     * @throws ClosedChannelException     if closed before the call
     * @throws java.nio.channels.AsynchronousCloseException if closed by another thread during it
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        return ChannelSupport.nio(isOpen(), () -> {
            int n;
            do {
                n = read(dst, Duration.ofDays(1));
            } while (n == 0 && dst.hasRemaining());
            return n;
        });
    }

    /** ByteChannel's write: all of {@code src}, see {@link #writeAll(ByteBuffer)}. */
    @Override
    public int write(ByteBuffer src) throws IOException {
        return ChannelSupport.nio(isOpen(), () -> writeAll(src));
    }

    /**
     * The channel as an InputStream (blocking reads; closing the stream closes the channel).
     *
     * @return a new stream over {@link #read(ByteBuffer)}; its reads block until the client sends
     *         and never see end of stream
     */
    public InputStream inputStream() {
        return Channels.newInputStream(this);
    }

    /**
     * The channel as an OutputStream (each write is written whole; closing it closes the channel).
     *
     * @return a new stream over {@link #write(ByteBuffer)}
     */
    public OutputStream outputStream() {
        return Channels.newOutputStream(this);
    }

    @Override
    public String toString() {
        return "WtsVirtualChannel[" + name + (isOpen() ? "]" : ", closed]");
    }

    private void ensureOpen() {
        if (closing) {
            throw new IllegalStateException("the virtual channel " + name + " is closed");
        }
    }
}
