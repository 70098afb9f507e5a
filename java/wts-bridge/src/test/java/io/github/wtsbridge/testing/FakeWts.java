package io.github.wtsbridge.testing;

import io.github.wtsbridge.internal.FileTimes;
import io.github.wtsbridge.internal.NativeLibrary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Scripts the test-only fake of the Windows functions (native/fake) that the host build of
 * the shim runs against. Also builds the raw replies Windows gives for info classes, laid
 * out by the documented structures (independently of the shim's own header).
 */
public final class FakeWts {
    static {
        NativeLibrary.ensureLoaded();
    }

    private FakeWts() {
    }

    /** Empties the world, clears injected errors and zeroes the counters. */
    public static native void reset();

    public static native void addSession(int id, int state, String winStationName);

    public static native void removeSession(int id);

    /** What WTSQuerySessionInformationW returns for (session, class); null unsets it. */
    public static native void setSessionInfo(int id, int infoClass, byte[] raw);

    public static native void addProcess(int sessionId, int pid, String imageName, byte[] sid);

    /** count processes proc-N.exe, pid 1000+4N, session N % sessions, SID on even N. */
    public static native void generateProcesses(int count, int sessions);

    /** What GetCurrentProcessId returns and the session ProcessIdToSessionId gives it. */
    public static native void setCurrentProcess(int pid, int sessionId);

    /** What WTSGetActiveConsoleSessionId returns (-1 = 0xFFFFFFFF, none). */
    public static native void setConsoleSession(int sessionId);

    /** The next `times` calls of `function` fail with `code` (times < 0: every call). */
    public static native void injectError(String function, int code, int times);

    /** For {@link #injectError}: fail without setting the last error (as Wine's stubs do). */
    public static final int FAIL_WITHOUT_ERROR = -1;

    /** Sets the calling thread's last error, as an earlier unrelated call would leave it. */
    public static native void setLastError(int code);

    /** Empties a table slot, as on a Windows without the function; false if unknown. */
    public static native boolean removeFunction(String function);

    /** Buffers handed out and not yet freed with the matching function. */
    public static native long outstandingBuffers();

    /** Frees of foreign buffers, or with the wrong function / type class / count. */
    public static native long misusedFrees();

    /** The shim's own HeapAlloc blocks not yet freed. */
    public static native long outstandingHeap();

    /** Handles (servers, tokens, windows, …) the fake handed out and did not get back. */
    public static native long openHandles();

    /** Calls into the fake since the last reset (to prove that bad input made none). */
    public static native long callCount();

    // ---- raw replies, as Windows lays them out (little-endian) ----

    /** A string class reply: UTF-16LE with its NUL terminator. */
    public static byte[] utf16z(String text) {
        byte[] units = (text + "\0").getBytes(StandardCharsets.UTF_16LE);
        return units;
    }

    public static byte[] dword(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    public static byte[] ushort(int value) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array();
    }

    /** WTS_CLIENT_ADDRESS: family, then 20 bytes (IPv4 at [2..5], IPv6 at [0..15]). */
    public static byte[] clientAddress(int family, byte[] address, int at) {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(family);
        b.position(4 + at);
        b.put(address);
        return b.array();
    }

    /** WTSINFOW, 216 bytes: 8 DWORDs, WCHAR[32], WCHAR[17], WCHAR[21], pad to 176, 5 FILETIMEs. */
    public static byte[] sessionInfo(int state, int id, long[] counters, String winStation, String domain,
                                     String user, Instant connect, Instant disconnect, Instant lastInput,
                                     Instant logon, Instant current) {
        ByteBuffer b = ByteBuffer.allocate(216).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(state).putInt(id);
        for (int i = 0; i < 6; i++) {
            b.putInt((int) counters[i]);
        }
        putChars(b, 32, winStation, 32);
        putChars(b, 96, domain, 17);
        putChars(b, 130, user, 21);
        b.position(176);
        for (Instant t : new Instant[] {connect, disconnect, lastInput, logon, current}) {
            b.putLong(t == null ? 0 : FileTimes.fromInstant(t));
        }
        return b.array();
    }

    private static void putChars(ByteBuffer b, int offset, String text, int capacity) {
        if (text.length() > capacity) {
            throw new IllegalArgumentException(text + " exceeds WCHAR[" + capacity + "]");
        }
        b.position(offset);
        for (int i = 0; i < text.length(); i++) {
            b.putChar(text.charAt(i));
        }
    }

    /** A binary SID: revision 1, authority, little-endian sub-authorities. */
    public static byte[] sid(long authority, long... subAuthorities) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * subAuthorities.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) subAuthorities.length);
        for (int shift = 40; shift >= 0; shift -= 8) {
            b.put((byte) (authority >>> shift));
        }
        for (long sub : subAuthorities) {
            b.putInt((int) sub);
        }
        return b.array();
    }
}
