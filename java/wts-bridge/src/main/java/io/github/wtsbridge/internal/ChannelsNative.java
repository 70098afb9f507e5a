package io.github.wtsbridge.internal;

import java.nio.ByteBuffer;

/**
 * The virtual-channel natives (native/src/jni_channels.c), one Windows call each. Handles are
 * raw jlong values that stay inside the library; the buffers are direct ByteBuffers the caller
 * keeps alive (and leaves alone) until Windows is done with them. Names are NUL-terminated
 * ASCII bytes, built after the argument checks. Waiting on an event and closing a kernel
 * handle go through {@link LaunchNative#waitForProcess} and {@link LaunchNative#closeHandle}
 * (WaitForSingleObject and CloseHandle take any waitable object and any handle).
 */
public final class ChannelsNative {
    /** CHANNEL_CHUNK_LENGTH: the most data one chunk carries. */
    public static final int CHUNK_LENGTH = 1600;
    /** sizeof(CHANNEL_PDU_HEADER): length, then flags, two little-endian UINT32s. */
    public static final int HEADER_LENGTH = 8;
    /** CHANNEL_PDU_LENGTH: a chunk with its header, the read buffer a dynamic channel needs. */
    public static final int PDU_LENGTH = CHUNK_LENGTH + HEADER_LENGTH;
    /** Bytes of a direct buffer that holds an OVERLAPPED on every architecture (20 / 32). */
    public static final int OVERLAPPED_BYTES = 32;
    /** WTS_CHANNEL_OPTION_DYNAMIC. */
    public static final int OPTION_DYNAMIC = 0x1;
    /** WTS_CHANNEL_OPTION_DYNAMIC_NO_COMPRESS. */
    public static final int OPTION_NO_COMPRESS = 0x8;
    /** WTS_CURRENT_SESSION. */
    public static final int CURRENT_SESSION = -1;

    private ChannelsNative() {
    }

    /** WTSVirtualChannelOpen: a non-zero handle. */
    public static native long open(long server, int session, byte[] name);

    /** WTSVirtualChannelOpenEx: a non-zero handle. */
    public static native long openEx(int session, byte[] name, int flags);

    /** WTSVirtualChannelClose; false if Windows refused (0 is ignored). Never throws. */
    public static native boolean close(long channel);

    /** WTSVirtualChannelRead into buffer[0, size): the bytes read, or -1 when the time ran out. */
    public static native int read(long channel, int timeoutMillis, ByteBuffer buffer, int size);

    /** WTSVirtualChannelWrite of buffer[offset, offset + length): the bytes written. */
    public static native int write(long channel, ByteBuffer buffer, int offset, int length);

    /** WTSVirtualChannelPurgeOutput (output) or WTSVirtualChannelPurgeInput. */
    public static native void purge(long channel, boolean output);

    /** WTSVirtualChannelQuery(WTSVirtualClientData), the buffer freed. */
    public static native byte[] queryClientData(long channel);

    /** WTSVirtualChannelQuery(WTSVirtualFileHandle): the channel's own handle (never closed by us). */
    public static native long queryFileHandle(long channel);

    /** DuplicateHandle(DUPLICATE_SAME_ACCESS) in this process: close it. */
    public static native long duplicateHandle(long handle);

    /** CreateEventW: manual reset, not signalled. Close it. */
    public static native long createEvent();

    /**
     * Overlapped WriteFile (write) or ReadFile of buffer[offset, offset + length), with the
     * OVERLAPPED zeroed and given the event: 1 done at once, 0 pending.
     */
    public static native int startIo(boolean write, long file, ByteBuffer buffer, int offset, int length,
            ByteBuffer overlapped, long event);

    /** GetOverlappedResult: the bytes moved; throws the operation's failure (995 when cancelled). */
    public static native int ioResult(long file, ByteBuffer overlapped, boolean wait);

    /** CancelIoEx(file, NULL); false if nothing was pending. Never throws. */
    public static native boolean cancelIo(long file);
}
