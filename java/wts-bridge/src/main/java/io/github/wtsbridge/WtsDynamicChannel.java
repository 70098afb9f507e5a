package io.github.wtsbridge;

import io.github.wtsbridge.internal.ChannelSupport;
import io.github.wtsbridge.internal.ChannelsNative;
import io.github.wtsbridge.internal.ChunkAssembler;
import io.github.wtsbridge.internal.LaunchNative;
import io.github.wtsbridge.internal.NativeHandle;
import io.github.wtsbridge.internal.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * The server end of a dynamic RDP virtual channel (DVC), opened with
 * {@link WtsVirtualChannel#openDynamic(String)}: whole messages both ways.
 *
 * <p>How it works: WTSVirtualChannelOpenEx(WTS_CHANNEL_OPTION_DYNAMIC | priority | …), then
 * WTSVirtualChannelQuery(WTSVirtualFileHandle) for the channel's file handle, which is
 * duplicated (DuplicateHandle) before the channel handle is closed, as Microsoft's DVC server
 * sample does; all data then goes through overlapped ReadFile and WriteFile on that handle.
 * Every read gives one chunk: a CHANNEL_PDU_HEADER (the message's total length, and
 * CHANNEL_FLAG_FIRST / CHANNEL_FLAG_LAST) and up to 1,600 bytes; {@link #receive(Duration)}
 * puts the chunks together and returns whole messages of any length. A malformed sequence of
 * chunks is a {@link WtsException} 13 from "CHANNEL_PDU_HEADER" saying what was wrong. Each
 * {@link #send} is one WriteFile: one message, whatever its length (Windows splits it).
 *
 * <p>A receive that times out leaves its read pending, so nothing the client sends is lost:
 * the next receive goes on waiting for it. Closing is idempotent; a close from another thread
 * cancels the pending I/O (CancelIoEx), which wakes a blocked receive or send at once: it
 * throws {@link IllegalStateException}. The handles (file, two events) are closed, after
 * Windows has finished with the buffers, when the last call returns, or by a Cleaner for a
 * channel that was never closed. Receives are serialised with each other, sends with each
 * other; a receive and a send may run at once. Also a {@link ByteChannel} (reads see the
 * messages' bytes one after another, each write is one message) and an InputStream /
 * OutputStream.
 */
public final class WtsDynamicChannel implements ByteChannel {
    /** MAX_PATH: the longest dynamic channel (listener endpoint) name. */
    public static final int MAX_NAME_LENGTH = 260;
    /** The longest message {@link #receive} accepts (a Java array's limit). */
    public static final int MAX_MESSAGE_LENGTH = Integer.MAX_VALUE - 8;
    private static final int SLICE_MILLIS = 250;

    private final String name;
    private final WtsChannelPriority priority;
    private final boolean compressed;
    private final Io io;
    private final NativeHandle handle;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ChunkAssembler assembler = new ChunkAssembler(MAX_MESSAGE_LENGTH);
    /** A message received but not (entirely) taken: by read(ByteBuffer), or too large for receive(ByteBuffer). */
    private ByteBuffer rest;

    private WtsDynamicChannel(String name, WtsChannelPriority priority, boolean compressed, Io io) {
        this.name = name;
        this.priority = priority;
        this.compressed = compressed;
        this.io = io;
        this.handle = new NativeHandle(this, io.file, io, "the dynamic virtual channel " + name);
    }

    static WtsDynamicChannel open(int session, String name, WtsChannelPriority priority, boolean compress) {
        byte[] bytes = ChannelSupport.name(name, MAX_NAME_LENGTH, "dynamic channel");
        Objects.requireNonNull(priority, "priority");
        NativeLibrary.ensureLoaded();
        int flags = ChannelsNative.OPTION_DYNAMIC | priority.flags() | (compress ? 0 : ChannelsNative.OPTION_NO_COMPRESS);
        long channel = ChannelsNative.openEx(session, bytes, flags);
        long file = 0;
        long readEvent = 0;
        try {
            file = ChannelsNative.duplicateHandle(ChannelsNative.queryFileHandle(channel));
            readEvent = ChannelsNative.createEvent();
            long writeEvent = ChannelsNative.createEvent();
            return new WtsDynamicChannel(name, priority, compress, new Io(file, readEvent, writeEvent));
        } catch (RuntimeException | Error e) {
            LaunchNative.closeHandle(readEvent);
            LaunchNative.closeHandle(file);
            throw e;
        } finally {
            ChannelsNative.close(channel); // the duplicated file handle keeps the channel open
        }
    }

    /** Test hook (the Windows-JVM coverage probes): a channel object around a raw file handle and two events. */
    static WtsDynamicChannel wrap(String name, long file, long readEvent, long writeEvent) {
        return new WtsDynamicChannel(name, WtsChannelPriority.LOW, true, new Io(file, readEvent, writeEvent));
    }

    /**
     * The listener endpoint name it was opened with.
     *
     * @return the name passed to WTSVirtualChannelOpenEx, e.g. {@code Acme::Echo}
     */
    public String name() {
        return name;
    }

    /**
     * The priority it was opened with.
     *
     * @return the priority whose WTS_CHANNEL_OPTION_DYNAMIC_PRI_* flag was passed to
     *         WTSVirtualChannelOpenEx; {@link WtsChannelPriority#LOW} for
     *         {@link WtsVirtualChannel#openDynamic(String)}
     */
    public WtsChannelPriority priority() {
        return priority;
    }

    /**
     * Whether Windows may compress the channel's data.
     *
     * @return false if it was opened with WTS_CHANNEL_OPTION_DYNAMIC_NO_COMPRESS, true otherwise
     */
    public boolean isCompressed() {
        return compressed;
    }

    /**
     * The next whole message, waiting at most {@code timeout} (zero: only what has arrived);
     * empty when the time ran out.
     *
     * @param timeout the longest to wait; {@link Duration#ZERO} takes only what has already
     *                arrived (a message still arriving then stays for the next receive)
     * @return the message's bytes, exactly as the client sent them in one write (possibly
     *         empty); empty Optional when no whole message came in time
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalStateException if the channel is closed, also by another thread during the call
     * @throws WtsException          if Windows fails (GetOverlappedResult, ReadFile: e.g. the client
     *                               went away; a partial message is then dropped), or 13 from
     *                               "CHANNEL_PDU_HEADER" for malformed chunks
     */
    public Optional<byte[]> receive(Duration timeout) {
        ChannelSupport.timeout(timeout);
        ensureOpen();
        readLock.lock();
        try {
            return Optional.ofNullable(next(ChannelSupport.deadline(timeout)));
        } finally {
            readLock.unlock();
        }
    }

    /**
     * The next whole message, waiting as long as it takes.
     *
     * @return the message's bytes, exactly as the client sent them in one write (possibly empty)
     * @throws IllegalStateException if the channel is closed, also by another thread during the call
     * @throws WtsException          if Windows fails, or 13 from "CHANNEL_PDU_HEADER" for
     *                               malformed chunks
     */
    public byte[] receive() {
        ensureOpen();
        readLock.lock();
        try {
            byte[] message;
            do {
                message = next(ChannelSupport.deadline(Duration.ofDays(1)));
            } while (message == null);
            return message;
        } finally {
            readLock.unlock();
        }
    }

    /**
     * The next whole message into {@code dst} (heap or direct): its length, or -1 when the time
     * ran out. A message longer than {@code dst.remaining()} is not taken: it stays to be
     * received (by a larger buffer or {@link #receive(Duration)}) and this throws
     * {@link BufferOverflowException} saying how long it is.
     *
     * @param dst     where the message goes, from its position; its position advances by the
     *                message's length
     * @param timeout the longest to wait; {@link Duration#ZERO} takes only what has already arrived
     * @return the message's length in bytes (0 for an empty message); -1 when no whole message
     *         came in time
     * @throws BufferOverflowException  if the message is longer than {@code dst.remaining()}
     *                                  (the message is kept)
     * @throws IllegalArgumentException if {@code dst} is read-only or {@code timeout} is negative
     * @throws IllegalStateException    if the channel is closed
     * @throws WtsException             if Windows fails
     */
    public int receive(ByteBuffer dst, Duration timeout) {
        Objects.requireNonNull(dst, "dst");
        ChannelSupport.timeout(timeout);
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("dst is read-only");
        }
        ensureOpen();
        readLock.lock();
        try {
            byte[] message = next(ChannelSupport.deadline(timeout));
            if (message == null) {
                return -1;
            }
            if (message.length > dst.remaining()) {
                rest = ByteBuffer.wrap(message);
                throw new MessageTooLong(message.length, dst.remaining());
            }
            dst.put(message);
            return message.length;
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Sends {@code message} as one message (overlapped WriteFile until all of it is written).
     *
     * @param message the whole message; empty is allowed and sent
     * @throws IllegalStateException if the channel is closed, also by another thread during the call
     * @throws WtsException          if Windows fails (WriteFile, GetOverlappedResult)
     */
    public void send(byte[] message) {
        send(ByteBuffer.wrap(Objects.requireNonNull(message, "message")));
    }

    /**
     * Sends the bytes from {@code message}'s position to its limit (heap or direct) as one
     * message; the position moves to the limit. An empty message is sent too.
     *
     * @param message the bytes of one message, from its position to its limit
     * @throws IllegalStateException if the channel is closed, also by another thread during the call
     * @throws WtsException          if Windows fails (WriteFile, GetOverlappedResult)
     */
    public void send(ByteBuffer message) {
        Objects.requireNonNull(message, "message");
        ensureOpen();
        int length = message.remaining();
        writeLock.lock();
        try {
            ByteBuffer data = ChannelSupport.scratch(length); // this thread's, unless a close cuts the write short
            data.put(message.duplicate()).flip();
            io.outgoing = data;
            try {
                int done = 0;
                do {
                    int from = done;
                    transfer(true, data, from, length - from, Long.MAX_VALUE);
                    int moved = io.lastWrite;
                    if (moved <= 0 && length > 0) {
                        throw new WtsException(0, "WriteFile", null);
                    }
                    done += moved;
                } while (done < length);
            } finally {
                if (io.writePending) {
                    ChannelSupport.abandonScratch(); // Windows may still read it: the closer waits, then drops it
                } else {
                    io.outgoing = null;
                }
            }
            message.position(message.limit());
        } finally {
            writeLock.unlock();
        }
    }

    /** False once closed (by this thread or another). */
    @Override
    public boolean isOpen() {
        return !io.closing && handle.isOpen();
    }

    /**
     * Closes the channel: cancels the I/O a receive or send has pending (they throw), and closes
     * the handles once Windows is done with the buffers. Idempotent.
     */
    @Override
    public void close() {
        io.closing = true;
        try {
            handle.run(value -> ChannelsNative.cancelIo(value));
        } catch (IllegalStateException alreadyClosed) {
            // closed before: nothing pending
        }
        handle.close();
    }

    // ---- ByteChannel and streams ----

    /**
     * ByteChannel's read: the bytes of the messages one after another (the rest of a message
     * that did not fit comes first); blocks until there is at least one; never -1.
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        Objects.requireNonNull(dst, "dst");
        return ChannelSupport.nio(isOpen(), () -> {
            readLock.lock();
            try {
                while (rest == null || !rest.hasRemaining()) {
                    if (!dst.hasRemaining()) {
                        return 0;
                    }
                    byte[] message = next(ChannelSupport.deadline(Duration.ofDays(1)));
                    rest = message == null ? null : ByteBuffer.wrap(message);
                }
                int n = Math.min(dst.remaining(), rest.remaining());
                dst.put(rest.slice().limit(n));
                rest.position(rest.position() + n);
                return n;
            } finally {
                readLock.unlock();
            }
        });
    }

    /** ByteChannel's write: {@code src}'s remaining bytes as one message. */
    @Override
    public int write(ByteBuffer src) throws IOException {
        Objects.requireNonNull(src, "src");
        int length = src.remaining();
        return ChannelSupport.nio(isOpen(), () -> {
            send(src);
            return length;
        });
    }

    /**
     * The messages' bytes as an InputStream (blocking; closing the stream closes the channel).
     *
     * @return a new stream over {@link #read(ByteBuffer)}: message boundaries are not visible
     *         in it, and it never reaches end of stream
     */
    public InputStream inputStream() {
        return Channels.newInputStream(this);
    }

    /**
     * An OutputStream whose every write(byte[], int, int) is one message (closing it closes the channel).
     *
     * @return a new stream over {@link #write(ByteBuffer)}: each {@code write(byte[], int, int)}
     *         sends one message, so a {@code BufferedOutputStream} around it would move where
     *         messages begin and end
     */
    public OutputStream outputStream() {
        return Channels.newOutputStream(this);
    }

    @Override
    public String toString() {
        return "WtsDynamicChannel[" + name + ", " + priority + (compressed ? "" : ", no compression")
                + (isOpen() ? "]" : ", closed]");
    }

    // ---- the read loop ----

    /** The next message, or null at the deadline; the read lock is held. */
    private byte[] next(long deadline) {
        if (rest != null && rest.hasRemaining()) {
            byte[] left = new byte[rest.remaining()];
            rest.get(left);
            rest = null;
            return left;
        }
        while (true) {
            ensureOpen();
            if (!transfer(false, io.incoming, 0, ChannelsNative.PDU_LENGTH, deadline)) {
                return null;
            }
            // inside use(): once closed, the slab may serve another channel
            byte[] message = handle.use(file -> assembler.accept(io.incoming.position(0).limit(io.lastRead)));
            if (message != null) {
                return message;
            }
        }
    }

    /**
     * One overlapped ReadFile (write false) or WriteFile, started unless one is already pending
     * (a read a timed-out receive left), waited for in slices until it completes or the
     * deadline passes (false: still pending). The count lands in io.lastRead / io.lastWrite.
     */
    private boolean transfer(boolean write, ByteBuffer data, int offset, int length, long deadline) {
        ByteBuffer overlapped = write ? io.writeOverlapped : io.readOverlapped;
        long event = write ? io.writeEvent : io.readEvent;
        if (!(write ? io.writePending : io.readPending)) {
            try {
                // Marked pending while the handle is still in use: a close() between the start and
                // the mark would otherwise close the file under I/O it does not know about.
                handle.run(file -> {
                    ChannelsNative.startIo(write, file, data, offset, length, overlapped, event);
                    io.pending(write, true);
                });
            } catch (WtsException e) {
                failed(write); // refused at once: nothing is pending
                throw e;
            }
        }
        while (true) {
            int wait = write ? SLICE_MILLIS : ChannelSupport.slice(deadline, SLICE_MILLIS);
            if (handle.use(file -> LaunchNative.waitForProcess(event, wait)) == LaunchNative.WAIT_OBJECT_0) {
                int moved;
                try {
                    moved = handle.use(file -> ChannelsNative.ioResult(file, overlapped, false));
                } catch (WtsException e) {
                    io.pending(write, false); // completed, with a failure
                    failed(write);
                    throw e;
                }
                io.pending(write, false);
                io.moved(write, moved);
                return true;
            }
            ensureOpen(); // still pending: close() lets Windows finish with the buffers
            if (!write && ChannelSupport.expired(deadline)) {
                return false;
            }
        }
    }

    /** After a failed read or write: a partial message is never delivered; a cancel by close() reads as closed. */
    private void failed(boolean write) {
        if (!write) {
            assembler.reset();
        }
        ensureOpen();
    }

    private void ensureOpen() {
        if (io.closing) {
            throw new IllegalStateException("the dynamic virtual channel " + name + " is closed");
        }
    }

    /** A message longer than the buffer given to {@link #receive(ByteBuffer, Duration)}. */
    private static final class MessageTooLong extends BufferOverflowException {
        private static final long serialVersionUID = 1L;
        private final String message;

        MessageTooLong(int length, int room) {
            this.message = "the message has " + length + " bytes, the buffer room for " + room
                    + "; it stays to be received";
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    /**
     * The handles and the memory Windows writes into, and the close that waits for Windows to
     * finish with it. The Cleaner's action: it must not refer to the channel.
     */
    private static final class Io implements LongConsumer {
        final long file;
        final long readEvent;
        final long writeEvent;
        /** One allocation: the read buffer and the two OVERLAPPEDs, alive until the close has waited. */
        final ByteBuffer slab = ChannelSupport.takeSlab(ChannelsNative.PDU_LENGTH + 2 * ChannelsNative.OVERLAPPED_BYTES);
        final ByteBuffer incoming = slab.slice(0, ChannelsNative.PDU_LENGTH);
        final ByteBuffer readOverlapped = slab.slice(ChannelsNative.PDU_LENGTH, ChannelsNative.OVERLAPPED_BYTES);
        final ByteBuffer writeOverlapped =
                slab.slice(ChannelsNative.PDU_LENGTH + ChannelsNative.OVERLAPPED_BYTES, ChannelsNative.OVERLAPPED_BYTES);
        /** The data of the write in flight (a sender's scratch buffer), kept alive while Windows may read it. */
        volatile ByteBuffer outgoing;
        volatile boolean readPending;
        volatile boolean writePending;
        volatile boolean closing;
        volatile int lastRead;
        volatile int lastWrite;

        Io(long file, long readEvent, long writeEvent) {
            this.file = file;
            this.readEvent = readEvent;
            this.writeEvent = writeEvent;
        }

        void pending(boolean write, boolean pending) {
            if (write) {
                writePending = pending;
            } else {
                readPending = pending;
            }
        }

        void moved(boolean write, int bytes) {
            if (write) {
                lastWrite = bytes;
            } else {
                lastRead = bytes;
            }
        }

        /** Runs once, when no call uses the handle: cancel, let Windows finish, close. */
        @Override
        public void accept(long value) {
            closing = true;
            if (readPending || writePending) {
                ChannelsNative.cancelIo(file);
                finish(readPending, readOverlapped);
                finish(writePending, writeOverlapped);
            }
            LaunchNative.closeHandle(readEvent);
            LaunchNative.closeHandle(writeEvent);
            LaunchNative.closeHandle(file);
            outgoing = null;
            ChannelSupport.returnSlab(slab); // Windows is done with it, and no call can use it again
        }

        private void finish(boolean pending, ByteBuffer overlapped) {
            if (pending) {
                try {
                    ChannelsNative.ioResult(file, overlapped, true); // until Windows lets go of the buffers
                } catch (WtsException cancelled) {
                    // 995 ERROR_OPERATION_ABORTED: what the cancel asked for
                }
            }
        }
    }
}
