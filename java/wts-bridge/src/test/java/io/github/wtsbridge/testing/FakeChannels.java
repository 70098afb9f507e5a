package io.github.wtsbridge.testing;

import io.github.wtsbridge.internal.NativeLibrary;

/**
 * Drives the client end of the fake's virtual channels (native/fake/fake_channels.c): offers a
 * channel, writes messages to the server (split into 1,600-byte chunks, with CHANNEL_PDU_HEADERs
 * on a dynamic channel) or raw chunks, reads what the server wrote, closes.
 */
public final class FakeChannels {
    static {
        NativeLibrary.ensureLoaded();
    }

    /** The fake's code for a channel no client offers (ERROR_NOT_FOUND). */
    public static final int NOT_OFFERED = 1168;
    /** The fake's code for I/O after the client closed (ERROR_BROKEN_PIPE). */
    public static final int CLIENT_CLOSED = 109;

    private FakeChannels() {
    }

    /** A client plugin with this channel in the session (offered again after a close). */
    public static native boolean offer(int session, String name, boolean dynamic);

    /** A message from the client (raw: one chunk exactly as given, header included). */
    public static native boolean clientWrite(int session, String name, boolean dynamic, byte[] data, boolean raw);

    /** The next message the server wrote to the client, or null. */
    public static native byte[] clientRead(int session, String name, boolean dynamic);

    /** The client closes its end: reads then fail with {@link #CLIENT_CLOSED}. */
    public static native void clientClose(int session, String name, boolean dynamic);

    /** What WTSVirtualClientData returns for a static channel (unscripted: ERROR_NOT_SUPPORTED). */
    public static native void clientData(int session, String name, byte[] data);

    /** At most this many bytes per WTSVirtualChannelWrite (0: all). */
    public static native void writeLimit(int session, String name, int limit);

    /** WTSVirtualChannelRead's time running out as TRUE with 0 bytes instead of FALSE + 996. */
    public static native void timeoutReturnsTrue(boolean enabled);

    private static native long[] state(int session, String name, boolean dynamic);

    /** The flags of the channel's last open (-1: never offered). */
    public static int lastFlags(int session, String name, boolean dynamic) {
        return (int) state(session, name, dynamic)[0];
    }

    /** How often the channel was opened. */
    public static int opens(int session, String name, boolean dynamic) {
        return (int) state(session, name, dynamic)[1];
    }

    /** Chunks the client sent that the server has not read. */
    public static int unread(int session, String name, boolean dynamic) {
        return (int) state(session, name, dynamic)[2];
    }

    /** Overlapped operations pending on any channel. */
    public static int pendingIo() {
        return (int) state(0, "", false)[3];
    }

    /** Test data: {@code length} bytes from a seeded generator. */
    public static byte[] randomBytes(int length, long seed) {
        byte[] data = new byte[length];
        new java.util.Random(seed).nextBytes(data);
        return data;
    }

    /** Handles used after close or never opened, I/O left pending under a closed handle (0 in a correct shim). */
    public static native long misuse();
}
