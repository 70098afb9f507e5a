package io.github.wtsbridge.bench;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.W32APIOptions;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsConnectState;
import io.github.wtsbridge.WtsSessionInfo;
import io.github.wtsbridge.WtsProcess;
import io.github.wtsbridge.WtsSessionEntry;
import io.github.wtsbridge.WtsSessionCounters;
import io.github.wtsbridge.WtsSessionTimes;
import io.github.wtsbridge.internal.FileTimes;
import io.github.wtsbridge.internal.Sids;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The same operations written the way a JNA user writes them: interface mappings of the
 * Windows functions by their Windows names (with JNA's W32APIOptions, as jna-platform's
 * Wtsapi32 uses), Structure mappings of WTS_PROCESS_INFOW / WTS_SESSION_INFOW / WTSINFOW,
 * Structure.toArray over the returned buffer, WTSFreeMemory in a finally block. They call
 * the host libwtsbridge.so's exports of those names (native/fake/fake_exports.c): the same
 * fake, the same data, and they build the same records wts-bridge returns.
 *
 * <p>Where Linux forces a difference from JNA on Windows, the choice favours JNA:
 * <ul>
 *   <li>JNA's wide strings are wchar_t, 4 bytes on Linux, so {@code String}/{@code WString}
 *       fields cannot read UTF-16 here. A name is read as {@code lstrlenW} (direct-mapped,
 *       the cheapest JNA call) + {@code getShortArray}, where JNA on Windows reads it with
 *       one getWideString; the WTSINFOW name arrays are {@code short[]}, not {@code char[]}.</li>
 *   <li>A SID is read as bytes and formatted in Java (the same {@link Sids} code wts-bridge
 *       uses), where a Windows JNA user calls ConvertSidToStringSid + LocalFree (two more
 *       JNA calls per process).</li>
 *   <li>WTSINFOW's times are {@code long} fields, not jna-platform's nested LARGE_INTEGER
 *       structures.</li>
 * </ul>
 */
public final class JnaWts {
    /** The library: the host build, the same file wts-bridge loads. */
    public static final String LIBRARY = System.getProperty("wtsbridge.library.path");

    public static final int WTS_SESSION_INFO_CLASS = 24; // WTSSessionInfo

    /** wtsapi32, as a JNA user maps it. */
    public interface Wtsapi32 extends Library {
        boolean WTSEnumerateProcessesW(Pointer server, int reserved, int version, PointerByReference info,
                IntByReference count);

        boolean WTSEnumerateSessionsW(Pointer server, int reserved, int version, PointerByReference info,
                IntByReference count);

        boolean WTSQuerySessionInformationW(Pointer server, int sessionId, int infoClass,
                PointerByReference buffer, IntByReference bytes);

        void WTSFreeMemory(Pointer memory);
    }

    /** The kernel32 part. */
    public interface Kernel32 extends Library {
        int GetCurrentProcessId();

        boolean ProcessIdToSessionId(int pid, IntByReference sessionId);

        int GetLastError();
    }

    /** The fake's C API (bench set-up only, never timed). */
    public interface FakeControl extends Library {
        void wtsfake_reset();

        void wtsfake_generate_processes(int count, int sessions);

        void wtsfake_generate_processes_sids(int count, int sessions, int distinctSids);

        void wtsfake_generate_sessions(int count);

        void wtsfake_set_current_process(int pid, int session);

        long wtsfake_outstanding_buffers();
    }

    @Structure.FieldOrder({"SessionId", "ProcessId", "pProcessName", "pUserSid"})
    public static class WTS_PROCESS_INFO extends Structure {
        public int SessionId;
        public int ProcessId;
        public Pointer pProcessName;
        public Pointer pUserSid;

        public WTS_PROCESS_INFO() {
        }

        public WTS_PROCESS_INFO(Pointer memory) {
            super(memory);
            read();
        }
    }

    @Structure.FieldOrder({"SessionId", "pWinStationName", "State"})
    public static class WTS_SESSION_INFO extends Structure {
        public int SessionId;
        public Pointer pWinStationName;
        public int State;

        public WTS_SESSION_INFO() {
        }

        public WTS_SESSION_INFO(Pointer memory) {
            super(memory);
            read();
        }
    }

    @Structure.FieldOrder({"State", "SessionId", "IncomingBytes", "OutgoingBytes", "IncomingFrames",
            "OutgoingFrames", "IncomingCompressedBytes", "OutgoingCompressedBytes", "WinStationName", "Domain",
            "UserName", "ConnectTime", "DisconnectTime", "LastInputTime", "LogonTime", "CurrentTime"})
    public static class WTSINFO extends Structure {
        public int State;
        public int SessionId;
        public int IncomingBytes;
        public int OutgoingBytes;
        public int IncomingFrames;
        public int OutgoingFrames;
        public int IncomingCompressedBytes;
        public int OutgoingCompressedBytes;
        public short[] WinStationName = new short[32];
        public short[] Domain = new short[17];
        public short[] UserName = new short[21];
        public long ConnectTime;
        public long DisconnectTime;
        public long LastInputTime;
        public long LogonTime;
        public long CurrentTime;

        public WTSINFO() {
        }

        public WTSINFO(Pointer memory) {
            super(memory);
            read();
        }
    }

    /** Direct mapping: JNA's fastest call, for the per-string length only. */
    static final class Utf16 {
        static {
            Native.register(Utf16.class, LIBRARY);
        }

        private Utf16() {
        }

        static native int lstrlenW(Pointer text);
    }

    private static final class Holder {
        static final Wtsapi32 WTS = Native.load(LIBRARY, Wtsapi32.class, W32APIOptions.DEFAULT_OPTIONS);
    }

    private static final class Kernel32Holder {
        static final Kernel32 K32 = Native.load(LIBRARY, Kernel32.class, W32APIOptions.DEFAULT_OPTIONS);
    }

    private static final class FakeHolder {
        static final FakeControl FAKE = Native.load(LIBRARY, FakeControl.class);
    }

    /** The fake's C API, bound through JNA (set-up only). */
    public static FakeControl fake() {
        return FakeHolder.FAKE;
    }

    private JnaWts() {
    }

    private static IllegalStateException failure(String function) {
        return new IllegalStateException(function + " failed: " + Kernel32Holder.K32.GetLastError());
    }

    /** A NUL-terminated UTF-16 string (a Windows LPWSTR). */
    static String utf16(Pointer text) {
        if (text == null) {
            return "";
        }
        short[] units = text.getShortArray(0, Utf16.lstrlenW(text));
        char[] chars = new char[units.length];
        for (int i = 0; i < units.length; i++) {
            chars[i] = (char) units[i];
        }
        return new String(chars);
    }

    /** A UTF-16 field array, up to its first NUL (what Native.toString(char[]) does). */
    static String utf16(short[] field) {
        int length = 0;
        while (length < field.length && field[length] != 0) {
            length++;
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) field[i];
        }
        return new String(chars);
    }

    static String sid(Pointer sid) {
        if (sid == null) {
            return "";
        }
        byte[] bytes = sid.getByteArray(0, 8 + 4 * (sid.getByte(1) & 0xFF));
        return Sids.format(bytes, 0, bytes.length);
    }

    public static List<WtsProcess> listProcesses() {
        PointerByReference buffer = new PointerByReference();
        IntByReference count = new IntByReference();
        if (!Holder.WTS.WTSEnumerateProcessesW(null, 0, 1, buffer, count)) {
            throw failure("WTSEnumerateProcessesW");
        }
        Pointer memory = buffer.getValue();
        try {
            int n = count.getValue();
            List<WtsProcess> processes = new ArrayList<>(n);
            if (n > 0) {
                WTS_PROCESS_INFO[] infos = (WTS_PROCESS_INFO[]) new WTS_PROCESS_INFO(memory).toArray(n);
                for (WTS_PROCESS_INFO info : infos) {
                    processes.add(new WtsProcess(WtsServer.local(), info.SessionId, Integer.toUnsignedLong(info.ProcessId),
                            utf16(info.pProcessName), sid(info.pUserSid)));
                }
            }
            return Collections.unmodifiableList(processes);
        } finally {
            Holder.WTS.WTSFreeMemory(memory);
        }
    }

    public static List<WtsSessionEntry> listSessions() {
        PointerByReference buffer = new PointerByReference();
        IntByReference count = new IntByReference();
        if (!Holder.WTS.WTSEnumerateSessionsW(null, 0, 1, buffer, count)) {
            throw failure("WTSEnumerateSessionsW");
        }
        Pointer memory = buffer.getValue();
        try {
            int n = count.getValue();
            List<WtsSessionEntry> sessions = new ArrayList<>(n);
            if (n > 0) {
                WTS_SESSION_INFO[] infos = (WTS_SESSION_INFO[]) new WTS_SESSION_INFO(memory).toArray(n);
                for (WTS_SESSION_INFO info : infos) {
                    sessions.add(new WtsSessionEntry(WtsServer.local(), info.SessionId, utf16(info.pWinStationName),
                            WtsConnectState.of(info.State), info.State));
                }
            }
            return Collections.unmodifiableList(sessions);
        } finally {
            Holder.WTS.WTSFreeMemory(memory);
        }
    }

    public static WtsSessionInfo sessionInfo(int sessionId) {
        PointerByReference buffer = new PointerByReference();
        IntByReference bytes = new IntByReference();
        if (!Holder.WTS.WTSQuerySessionInformationW(null, sessionId, WTS_SESSION_INFO_CLASS, buffer, bytes)) {
            throw failure("WTSQuerySessionInformationW");
        }
        Pointer memory = buffer.getValue();
        try {
            WTSINFO info = new WTSINFO(memory);
            WtsSessionCounters counters = new WtsSessionCounters(Integer.toUnsignedLong(info.IncomingBytes),
                    Integer.toUnsignedLong(info.OutgoingBytes), Integer.toUnsignedLong(info.IncomingFrames),
                    Integer.toUnsignedLong(info.OutgoingFrames),
                    Integer.toUnsignedLong(info.IncomingCompressedBytes),
                    Integer.toUnsignedLong(info.OutgoingCompressedBytes));
            WtsSessionTimes times = new WtsSessionTimes(FileTimes.toOptionalInstant(info.LogonTime),
                    FileTimes.toOptionalInstant(info.ConnectTime), FileTimes.toOptionalInstant(info.DisconnectTime),
                    FileTimes.toOptionalInstant(info.LastInputTime), FileTimes.toInstant(info.CurrentTime));
            return new WtsSessionInfo(info.SessionId, WtsConnectState.of(info.State), utf16(info.WinStationName),
                    utf16(info.Domain), utf16(info.UserName), counters, times);
        } finally {
            Holder.WTS.WTSFreeMemory(memory);
        }
    }

    public static int currentSessionId() {
        IntByReference session = new IntByReference();
        if (!Kernel32Holder.K32.ProcessIdToSessionId(Kernel32Holder.K32.GetCurrentProcessId(), session)) {
            throw failure("ProcessIdToSessionId");
        }
        return session.getValue();
    }
}
