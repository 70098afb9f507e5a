package io.github.wtsbridge.testing;

import io.github.wtsbridge.internal.FileTimes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/**
 * Raw WTSQuerySessionInformationW replies for the structured info classes, laid out from the
 * documented structures by hand (offsets written out here, independently of wts_abi.h).
 */
public final class FakeReplies {
    private FakeReplies() {
    }

    /** WTS_CLIENT_DISPLAY: three DWORDs. */
    public static byte[] clientDisplay(int horizontal, int vertical, int colorDepth) {
        return le(12).putInt(horizontal).putInt(vertical).putInt(colorDepth).array();
    }

    /** A BOOLEAN class reply (WTSIsRemoteSession): one byte. */
    public static byte[] oneByte(int value) {
        return new byte[] {(byte) value};
    }

    /** An 8-byte LARGE_INTEGER reply. */
    public static byte[] qword(long value) {
        return le(8).putLong(value).array();
    }

    /** WTSCLIENTW, 2304 bytes. texts: name, domain, user, workDir, initialProgram, clientDir, deviceId. */
    public static byte[] clientInfo(String[] texts, int encryptionLevel, int family, byte[] addressField,
                                    int hRes, int vRes, int colorDepth, int build, int hardwareId, int productId,
                                    int outBufHost, int outBufClient, int outBufLength) {
        ByteBuffer b = le(2304);
        chars(b, 0, texts[0], 21);
        chars(b, 42, texts[1], 18);
        chars(b, 78, texts[2], 21);
        chars(b, 120, texts[3], 261);
        chars(b, 642, texts[4], 261);
        b.put(1164, (byte) encryptionLevel);
        b.putInt(1168, family);
        for (int i = 0; i < addressField.length; i++) {
            b.put(1172 + i, addressField[i]);
        }
        b.putShort(1234, (short) hRes).putShort(1236, (short) vRes).putShort(1238, (short) colorDepth);
        chars(b, 1240, texts[5], 261);
        b.putInt(1764, build).putInt(1768, hardwareId);
        b.putShort(1772, (short) productId).putShort(1774, (short) outBufHost).putShort(1776, (short) outBufClient)
                .putShort(1778, (short) outBufLength);
        chars(b, 1780, texts[6], 261);
        return b.array();
    }

    /** WTSCONFIGINFOW, 1668 bytes. texts: logon user, logon domain, workDir, initialProgram, application. */
    public static byte[] configInfo(int version, int drives, int printer, int disablePrinter, int disableDefault,
                                    int shadow, String... texts) {
        ByteBuffer b = le(1668);
        b.putInt(version).putInt(drives).putInt(printer).putInt(disablePrinter).putInt(disableDefault).putInt(shadow);
        chars(b, 24, texts[0], 21);
        chars(b, 66, texts[1], 18);
        chars(b, 102, texts[2], 261);
        chars(b, 624, texts[3], 261);
        chars(b, 1146, texts[4], 261);
        return b.array();
    }

    /**
     * WTSINFOEXW, 232 bytes: Level at 0, WTSINFOEX_LEVEL1_W at 8 (id, state, flags, WCHAR[33],
     * WCHAR[21], WCHAR[18], 4 bytes padding, 5 times at 168, 6 counters at 208).
     */
    public static byte[] sessionInfoEx(int level, int id, int state, int flags, String winStation, String user,
                                       String domain, Instant logon, Instant connect, Instant disconnect,
                                       Instant lastInput, Instant current, int... counters) {
        ByteBuffer b = le(232);
        b.putInt(0, level).putInt(8, id).putInt(12, state).putInt(16, flags);
        chars(b, 20, winStation, 33);
        chars(b, 86, user, 21);
        chars(b, 128, domain, 18);
        b.position(168);
        for (Instant t : new Instant[] {logon, connect, disconnect, lastInput, current}) {
            b.putLong(t == null ? 0 : FileTimes.fromInstant(t));
        }
        for (int c : counters) {
            b.putInt(c);
        }
        return b.array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void chars(ByteBuffer b, int offset, String text, int capacity) {
        if (text.length() >= capacity) {
            throw new IllegalArgumentException(text + " does not fit WCHAR[" + capacity + "] with its NUL");
        }
        for (int i = 0; i < text.length(); i++) {
            b.putChar(offset + 2 * i, text.charAt(i));
        }
    }
}
