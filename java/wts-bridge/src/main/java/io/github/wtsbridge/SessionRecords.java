package io.github.wtsbridge;

import io.github.wtsbridge.internal.SessionInfoNative;
import io.github.wtsbridge.internal.SessionsNative;
import io.github.wtsbridge.internal.EnumExNative;
import io.github.wtsbridge.internal.Addresses;
import io.github.wtsbridge.internal.FileTimes;
import io.github.wtsbridge.internal.FlatNames;
import io.github.wtsbridge.internal.FlatLayouts;
import static io.github.wtsbridge.internal.FlatLayouts.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The session records built from what the natives return (SessionsNative, SessionInfoNative,
 * EnumExNative): each flat array read by the slot names of {@link FlatLayouts}.
 */
final class SessionRecords {
    private SessionRecords() {
    }

    /**
     * WTSEnumerateSessionsW: what {@link SessionsNative#enumerateSessions} filled or returned,
     * count sessions of SESSION_LIST_* from v[from], their names one after another in names.
     */
    static List<WtsSessionEntry> sessions(WtsServer server, int[] v, int from, int count, Object names) {
        List<WtsSessionEntry> sessions = new ArrayList<>(count);
        int nameAt = 0;
        int end = from + count * SESSION_LIST_COUNT;
        for (int at = from; at < end; at += SESSION_LIST_COUNT) {
            int state = v[at + SESSION_LIST_STATE];
            int nameLength = v[at + SESSION_LIST_NAME_LENGTH];
            String name = FlatNames.cut(names, nameAt, nameLength);
            nameAt += nameLength;
            sessions.add(new WtsSessionEntry(server, v[at + SESSION_LIST_SESSION_ID], name, WtsConnectState.of(state), state));
        }
        return Collections.unmodifiableList(sessions);
    }

    /** WTSSessionInfo (WTSINFOW). */
    static WtsSessionInfo info(long[] n, String[] t) {
        WtsSessionCounters counters = counters(n, SESSION_INFO_NUMBERS_INCOMING_BYTES,
                SESSION_INFO_NUMBERS_OUTGOING_BYTES, SESSION_INFO_NUMBERS_INCOMING_FRAMES,
                SESSION_INFO_NUMBERS_OUTGOING_FRAMES, SESSION_INFO_NUMBERS_INCOMING_COMPRESSED_BYTES,
                SESSION_INFO_NUMBERS_OUTGOING_COMPRESSED_BYTES);
        WtsSessionTimes times = times(n, SESSION_INFO_NUMBERS_LOGON_TIME, SESSION_INFO_NUMBERS_CONNECT_TIME,
                SESSION_INFO_NUMBERS_DISCONNECT_TIME, SESSION_INFO_NUMBERS_LAST_INPUT_TIME,
                SESSION_INFO_NUMBERS_CURRENT_TIME);
        return new WtsSessionInfo((int) n[SESSION_INFO_NUMBERS_SESSION_ID], WtsConnectState.of((int) n[SESSION_INFO_NUMBERS_STATE]),
                t[SESSION_INFO_TEXTS_WIN_STATION_NAME], t[SESSION_INFO_TEXTS_DOMAIN], t[SESSION_INFO_TEXTS_USER_NAME],
                counters, times);
    }

    /**
     * WTSSessionInfoEx (WTSINFOEX_LEVEL1_W). The lock state: for the local server undone from
     * this OS's version (Windows 7 swaps LOCK and UNLOCK); a remote one read as Windows 8+.
     */
    static WtsSessionInfoEx infoEx(long[] n, String[] t, boolean localServer) {
        int flags = (int) n[SESSION_INFO_EX_NUMBERS_SESSION_FLAGS];
        WtsLockState lock = localServer ? WtsLockState.fromSessionFlags(flags)
                : WtsLockState.fromSessionFlags(flags, "", "");
        WtsSessionCounters counters = counters(n, SESSION_INFO_EX_NUMBERS_INCOMING_BYTES,
                SESSION_INFO_EX_NUMBERS_OUTGOING_BYTES, SESSION_INFO_EX_NUMBERS_INCOMING_FRAMES,
                SESSION_INFO_EX_NUMBERS_OUTGOING_FRAMES, SESSION_INFO_EX_NUMBERS_INCOMING_COMPRESSED_BYTES,
                SESSION_INFO_EX_NUMBERS_OUTGOING_COMPRESSED_BYTES);
        WtsSessionTimes times = times(n, SESSION_INFO_EX_NUMBERS_LOGON_TIME, SESSION_INFO_EX_NUMBERS_CONNECT_TIME,
                SESSION_INFO_EX_NUMBERS_DISCONNECT_TIME, SESSION_INFO_EX_NUMBERS_LAST_INPUT_TIME,
                SESSION_INFO_EX_NUMBERS_CURRENT_TIME);
        return new WtsSessionInfoEx((int) n[SESSION_INFO_EX_NUMBERS_SESSION_ID],
                WtsConnectState.of((int) n[SESSION_INFO_EX_NUMBERS_STATE]), lock, flags,
                t[SESSION_INFO_EX_TEXTS_WIN_STATION_NAME], t[SESSION_INFO_EX_TEXTS_USER_NAME],
                t[SESSION_INFO_EX_TEXTS_DOMAIN_NAME], counters, times);
    }

    /** WTSClientInfo (WTSCLIENTW); address: ClientAddress's raw bytes. */
    static WtsClientInfo clientInfo(long[] n, String[] t, byte[] address) {
        int family = (int) n[CLIENT_INFO_NUMBERS_ADDRESS_FAMILY];
        WtsClientDisplay display = new WtsClientDisplay(n[CLIENT_INFO_NUMBERS_HORIZONTAL_RESOLUTION],
                n[CLIENT_INFO_NUMBERS_VERTICAL_RESOLUTION], (int) n[CLIENT_INFO_NUMBERS_COLOR_DEPTH]);
        return new WtsClientInfo(t[CLIENT_INFO_TEXTS_CLIENT_NAME], t[CLIENT_INFO_TEXTS_DOMAIN],
                t[CLIENT_INFO_TEXTS_USER_NAME], t[CLIENT_INFO_TEXTS_WORK_DIRECTORY], t[CLIENT_INFO_TEXTS_INITIAL_PROGRAM],
                (int) n[CLIENT_INFO_NUMBERS_ENCRYPTION_LEVEL], family, Addresses.ofClientInfo(family, address), display,
                t[CLIENT_INFO_TEXTS_CLIENT_DIRECTORY], n[CLIENT_INFO_NUMBERS_BUILD_NUMBER], n[CLIENT_INFO_NUMBERS_HARDWARE_ID],
                (int) n[CLIENT_INFO_NUMBERS_PRODUCT_ID], (int) n[CLIENT_INFO_NUMBERS_OUT_BUF_COUNT_HOST],
                (int) n[CLIENT_INFO_NUMBERS_OUT_BUF_COUNT_CLIENT], (int) n[CLIENT_INFO_NUMBERS_OUT_BUF_LENGTH],
                t[CLIENT_INFO_TEXTS_DEVICE_ID]);
    }

    /** WTSConfigInfo (WTSCONFIGINFOW). */
    static WtsConfigInfo configInfo(long[] n, String[] t) {
        long shadow = n[CONFIG_INFO_NUMBERS_SHADOW_SETTINGS];
        return new WtsConfigInfo(n[CONFIG_INFO_NUMBERS_VERSION], n[CONFIG_INFO_NUMBERS_CONNECT_CLIENT_DRIVES_AT_LOGON] != 0,
                n[CONFIG_INFO_NUMBERS_CONNECT_PRINTER_AT_LOGON] != 0, n[CONFIG_INFO_NUMBERS_DISABLE_PRINTER_REDIRECTION] != 0,
                n[CONFIG_INFO_NUMBERS_DISABLE_DEFAULT_MAIN_CLIENT_PRINTER] != 0, WtsShadowMode.of(shadow), shadow,
                t[CONFIG_INFO_TEXTS_LOGON_USER_NAME], t[CONFIG_INFO_TEXTS_LOGON_DOMAIN], t[CONFIG_INFO_TEXTS_WORK_DIRECTORY],
                t[CONFIG_INFO_TEXTS_INITIAL_PROGRAM], t[CONFIG_INFO_TEXTS_APPLICATION_NAME]);
    }

    /** WTSClientDisplay (WTS_CLIENT_DISPLAY). */
    static WtsClientDisplay clientDisplay(int[] v) {
        return new WtsClientDisplay(Integer.toUnsignedLong(v[CLIENT_DISPLAY_HORIZONTAL_RESOLUTION]),
                Integer.toUnsignedLong(v[CLIENT_DISPLAY_VERTICAL_RESOLUTION]), v[CLIENT_DISPLAY_COLOR_DEPTH]);
    }

    /** WTSEnumerateSessionsExW level 1: {@link EnumExNative#enumerateSessionsEx}'s {int[], String[]}. */
    static List<WtsSessionEx> sessionsEx(WtsServer server, Object[] raw) {
        int[] v = (int[]) raw[0];
        String[] t = (String[]) raw[1];
        int count = v.length / SESSION_EX_LIST_COUNT;
        List<WtsSessionEx> sessions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = SESSION_EX_LIST_COUNT * i;
            int text = SESSION_EX_LIST_TEXTS_COUNT * i;
            int state = v[at + SESSION_EX_LIST_STATE];
            sessions.add(new WtsSessionEx(server, v[at + SESSION_EX_LIST_SESSION_ID], WtsConnectState.of(state), state,
                    t[text + SESSION_EX_LIST_TEXTS_SESSION_NAME], t[text + SESSION_EX_LIST_TEXTS_HOST_NAME],
                    t[text + SESSION_EX_LIST_TEXTS_USER_NAME], t[text + SESSION_EX_LIST_TEXTS_DOMAIN_NAME],
                    t[text + SESSION_EX_LIST_TEXTS_FARM_NAME]));
        }
        return Collections.unmodifiableList(sessions);
    }

    /** The six counters of WTSINFOW and WTSINFOEX_LEVEL1_W, at the slots given. */
    private static WtsSessionCounters counters(long[] n, int incomingBytes, int outgoingBytes, int incomingFrames,
            int outgoingFrames, int incomingCompressedBytes, int outgoingCompressedBytes) {
        return new WtsSessionCounters(n[incomingBytes], n[outgoingBytes], n[incomingFrames], n[outgoingFrames],
                n[incomingCompressedBytes], n[outgoingCompressedBytes]);
    }

    /** The five FILETIMEs of WTSINFOW and WTSINFOEX_LEVEL1_W, at the slots given (0 = never). */
    private static WtsSessionTimes times(long[] n, int logon, int connect, int disconnect, int lastInput,
            int current) {
        return new WtsSessionTimes(FileTimes.toOptionalInstant(n[logon]), FileTimes.toOptionalInstant(n[connect]),
                FileTimes.toOptionalInstant(n[disconnect]), FileTimes.toOptionalInstant(n[lastInput]),
                FileTimes.toInstant(n[current]));
    }
}
