package io.github.wtsbridge.bench.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_CHAR_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.github.wtsbridge.WtsConnectState;
import io.github.wtsbridge.WtsProcess;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSessionCounters;
import io.github.wtsbridge.WtsSessionEntry;
import io.github.wtsbridge.WtsSessionInfo;
import io.github.wtsbridge.WtsSessionTimes;
import io.github.wtsbridge.internal.FileTimes;
import io.github.wtsbridge.internal.Sids;
import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The third peer (issue 18): the same operations through the Foreign Function & Memory API
 * (java.lang.foreign, final since Java 22), written the way a Java user writes FFM code in
 * 2026 — what jextract generates, by hand: static final downcall handles looked up by the
 * Windows names in the same host library (native/fake/fake_exports.c), struct layouts with
 * their offsets, a confined Arena per call for the out-parameters, {@code getString(…,
 * UTF_16LE)} for the LPWSTRs, WTSFreeMemory in a finally block. It builds the same records
 * wts-bridge returns; {@code scripts/bench --smoke} checks they are equal.
 *
 * <p>As for JNA, a SID is read as bytes and formatted by the {@link Sids} code wts-bridge uses
 * (on Windows an FFM user would call ConvertSidToStringSidW + LocalFree: two more downcalls per
 * process), which favours FFM. No {@code Linker.Option.critical}: a critical downcall must not
 * call back into Java or block, and WTS calls go over RPC on a real server.
 */
public final class FfmWts {
    /** The library: the host build, the same file wts-bridge loads. */
    public static final String LIBRARY = System.getProperty("wtsbridge.library.path");

    public static final int WTS_SESSION_INFO_CLASS = 24; // WTSSessionInfo

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = SymbolLookup.libraryLookup(Path.of(LIBRARY), Arena.global());
    /** An LPWSTR / PBYTE: a pointer of unknown size, readable to its terminator. */
    private static final AddressLayout C_POINTER = ADDRESS.withTargetLayout(
            MemoryLayout.sequenceLayout(Long.MAX_VALUE / 2, JAVA_BYTE));

    // BOOL WTSEnumerateProcessesW(HANDLE, DWORD, DWORD, PWTS_PROCESS_INFOW *, DWORD *)
    private static final MethodHandle WTS_ENUMERATE_PROCESSES = downcall("WTSEnumerateProcessesW",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle WTS_ENUMERATE_SESSIONS = downcall("WTSEnumerateSessionsW",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle WTS_QUERY_SESSION_INFORMATION = downcall("WTSQuerySessionInformationW",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle WTS_FREE_MEMORY = downcall("WTSFreeMemory",
            FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle GET_CURRENT_PROCESS_ID = downcall("GetCurrentProcessId",
            FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle PROCESS_ID_TO_SESSION_ID = downcall("ProcessIdToSessionId",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle GET_LAST_ERROR = downcall("GetLastError", FunctionDescriptor.of(JAVA_INT));

    /** WTS_PROCESS_INFOW. */
    static final StructLayout WTS_PROCESS_INFO = MemoryLayout.structLayout(
            JAVA_INT.withName("SessionId"), JAVA_INT.withName("ProcessId"),
            C_POINTER.withName("pProcessName"), C_POINTER.withName("pUserSid"));
    private static final long PROCESS_SESSION_ID = offset(WTS_PROCESS_INFO, "SessionId");
    private static final long PROCESS_ID = offset(WTS_PROCESS_INFO, "ProcessId");
    private static final long PROCESS_NAME = offset(WTS_PROCESS_INFO, "pProcessName");
    private static final long PROCESS_USER_SID = offset(WTS_PROCESS_INFO, "pUserSid");

    /** WTS_SESSION_INFOW. */
    static final StructLayout WTS_SESSION_INFO = MemoryLayout.structLayout(
            JAVA_INT.withName("SessionId"), MemoryLayout.paddingLayout(4),
            C_POINTER.withName("pWinStationName"), JAVA_INT.withName("State"), MemoryLayout.paddingLayout(4));
    private static final long SESSION_ID = offset(WTS_SESSION_INFO, "SessionId");
    private static final long SESSION_NAME = offset(WTS_SESSION_INFO, "pWinStationName");
    private static final long SESSION_STATE = offset(WTS_SESSION_INFO, "State");

    /** WTSINFOW (216 bytes; WCHAR arrays, then LARGE_INTEGER times). */
    static final StructLayout WTSINFO = MemoryLayout.structLayout(
            JAVA_INT.withName("State"), JAVA_INT.withName("SessionId"),
            JAVA_INT.withName("IncomingBytes"), JAVA_INT.withName("OutgoingBytes"),
            JAVA_INT.withName("IncomingFrames"), JAVA_INT.withName("OutgoingFrames"),
            JAVA_INT.withName("IncomingCompressedBytes"), JAVA_INT.withName("OutgoingCompressedBytes"),
            MemoryLayout.sequenceLayout(32, JAVA_CHAR_UNALIGNED).withName("WinStationName"),
            MemoryLayout.sequenceLayout(17, JAVA_CHAR_UNALIGNED).withName("Domain"),
            MemoryLayout.sequenceLayout(21, JAVA_CHAR_UNALIGNED).withName("UserName"),
            MemoryLayout.paddingLayout(4),
            JAVA_LONG.withName("ConnectTime"), JAVA_LONG.withName("DisconnectTime"),
            JAVA_LONG.withName("LastInputTime"), JAVA_LONG.withName("LogonTime"),
            JAVA_LONG.withName("CurrentTime"));
    private static final long INFO_WINSTATION = offset(WTSINFO, "WinStationName");
    private static final long INFO_DOMAIN = offset(WTSINFO, "Domain");
    private static final long INFO_USER = offset(WTSINFO, "UserName");
    private static final long INFO_CONNECT = offset(WTSINFO, "ConnectTime");
    private static final long INFO_DISCONNECT = offset(WTSINFO, "DisconnectTime");
    private static final long INFO_LAST_INPUT = offset(WTSINFO, "LastInputTime");
    private static final long INFO_LOGON = offset(WTSINFO, "LogonTime");
    private static final long INFO_CURRENT = offset(WTSINFO, "CurrentTime");

    static {
        if (WTSINFO.byteSize() != 216 || INFO_CONNECT != 176 || WTS_PROCESS_INFO.byteSize() != 24
                || WTS_SESSION_INFO.byteSize() != 24) {
            throw new ExceptionInInitializerError("layouts differ from the x64 ABI");
        }
    }

    private FfmWts() {
    }

    private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LOOKUP.find(name).orElseThrow(), descriptor);
    }

    private static long offset(StructLayout layout, String field) {
        return layout.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }

    private static IllegalStateException failure(String function) {
        try {
            return new IllegalStateException(function + " failed: " + (int) GET_LAST_ERROR.invokeExact());
        } catch (Throwable t) {
            return new IllegalStateException(function + " failed", t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    /** A SID's binary form (its length read from the SubAuthorityCount byte) as text. */
    static String sid(MemorySegment sid) {
        if (sid.equals(MemorySegment.NULL)) {
            return "";
        }
        int length = 8 + 4 * (sid.get(JAVA_BYTE, 1) & 0xFF);
        byte[] bytes = sid.asSlice(0, length).toArray(JAVA_BYTE);
        return Sids.format(bytes, 0, bytes.length);
    }

    /** An LPWSTR: NUL-terminated UTF-16 (Windows is little-endian). */
    static String utf16(MemorySegment text) {
        return text.equals(MemorySegment.NULL) ? "" : text.getString(0, StandardCharsets.UTF_16LE);
    }

    /** A WCHAR[max] field, up to its first NUL. */
    static String utf16(MemorySegment struct, long offset, int max) {
        int length = 0;
        while (length < max && struct.get(JAVA_CHAR_UNALIGNED, offset + 2L * length) != 0) {
            length++;
        }
        char[] chars = new char[length];
        MemorySegment.copy(struct, JAVA_CHAR_UNALIGNED, offset, chars, 0, length);
        return new String(chars);
    }

    public static List<WtsProcess> listProcesses() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(ADDRESS);
            MemorySegment count = arena.allocate(JAVA_INT);
            if ((int) WTS_ENUMERATE_PROCESSES.invokeExact(MemorySegment.NULL, 0, 1, buffer, count) == 0) {
                throw failure("WTSEnumerateProcessesW");
            }
            int n = count.get(JAVA_INT, 0);
            MemorySegment memory = buffer.get(ADDRESS, 0);
            try {
                MemorySegment infos = memory.reinterpret(n * WTS_PROCESS_INFO.byteSize());
                List<WtsProcess> processes = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    long at = i * WTS_PROCESS_INFO.byteSize();
                    processes.add(new WtsProcess(WtsServer.local(), infos.get(JAVA_INT, at + PROCESS_SESSION_ID),
                            Integer.toUnsignedLong(infos.get(JAVA_INT, at + PROCESS_ID)),
                            utf16(infos.get(C_POINTER, at + PROCESS_NAME)), sid(infos.get(C_POINTER, at + PROCESS_USER_SID))));
                }
                return Collections.unmodifiableList(processes);
            } finally {
                WTS_FREE_MEMORY.invokeExact(memory);
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static List<WtsSessionEntry> listSessions() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(ADDRESS);
            MemorySegment count = arena.allocate(JAVA_INT);
            if ((int) WTS_ENUMERATE_SESSIONS.invokeExact(MemorySegment.NULL, 0, 1, buffer, count) == 0) {
                throw failure("WTSEnumerateSessionsW");
            }
            int n = count.get(JAVA_INT, 0);
            MemorySegment memory = buffer.get(ADDRESS, 0);
            try {
                MemorySegment infos = memory.reinterpret(n * WTS_SESSION_INFO.byteSize());
                List<WtsSessionEntry> sessions = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    long at = i * WTS_SESSION_INFO.byteSize();
                    int state = infos.get(JAVA_INT, at + SESSION_STATE);
                    sessions.add(new WtsSessionEntry(WtsServer.local(), infos.get(JAVA_INT, at + SESSION_ID),
                            utf16(infos.get(C_POINTER, at + SESSION_NAME)), WtsConnectState.of(state), state));
                }
                return Collections.unmodifiableList(sessions);
            } finally {
                WTS_FREE_MEMORY.invokeExact(memory);
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static WtsSessionInfo sessionInfo(int sessionId) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(ADDRESS);
            MemorySegment bytes = arena.allocate(JAVA_INT);
            if ((int) WTS_QUERY_SESSION_INFORMATION.invokeExact(MemorySegment.NULL, sessionId, WTS_SESSION_INFO_CLASS,
                    buffer, bytes) == 0) {
                throw failure("WTSQuerySessionInformationW");
            }
            MemorySegment memory = buffer.get(ADDRESS, 0);
            try {
                if (bytes.get(JAVA_INT, 0) < WTSINFO.byteSize()) {
                    throw new IllegalStateException("WTSQuerySessionInformationW: short WTSINFOW");
                }
                MemorySegment info = memory.reinterpret(WTSINFO.byteSize());
                WtsSessionCounters counters = new WtsSessionCounters(unsigned(info, 8), unsigned(info, 12),
                        unsigned(info, 16), unsigned(info, 20), unsigned(info, 24), unsigned(info, 28));
                WtsSessionTimes times = new WtsSessionTimes(FileTimes.toOptionalInstant(info.get(JAVA_LONG, INFO_LOGON)),
                        FileTimes.toOptionalInstant(info.get(JAVA_LONG, INFO_CONNECT)),
                        FileTimes.toOptionalInstant(info.get(JAVA_LONG, INFO_DISCONNECT)),
                        FileTimes.toOptionalInstant(info.get(JAVA_LONG, INFO_LAST_INPUT)),
                        FileTimes.toInstant(info.get(JAVA_LONG, INFO_CURRENT)));
                int state = info.get(JAVA_INT, 0);
                return new WtsSessionInfo(info.get(JAVA_INT, 4), WtsConnectState.of(state),
                        utf16(info, INFO_WINSTATION, 32), utf16(info, INFO_DOMAIN, 17), utf16(info, INFO_USER, 21),
                        counters, times);
            } finally {
                WTS_FREE_MEMORY.invokeExact(memory);
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static long unsigned(MemorySegment struct, long offset) {
        return Integer.toUnsignedLong(struct.get(JAVA_INT, offset));
    }

    public static int currentSessionId() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment session = arena.allocate(JAVA_INT);
            if ((int) PROCESS_ID_TO_SESSION_ID.invokeExact((int) GET_CURRENT_PROCESS_ID.invokeExact(), session) == 0) {
                throw failure("ProcessIdToSessionId");
            }
            return session.get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The fake's C API (wtsfake_*, fake_exports.c / fake_bench_data.c), for set-up only, never timed. */
    public static final class Fake {
        private static final MethodHandle RESET = downcall("wtsfake_reset", FunctionDescriptor.ofVoid());
        private static final MethodHandle PROCESSES = downcall("wtsfake_generate_processes",
                FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT));
        private static final MethodHandle PROCESSES_SIDS = downcall("wtsfake_generate_processes_sids",
                FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT));
        private static final MethodHandle SESSIONS = downcall("wtsfake_generate_sessions",
                FunctionDescriptor.ofVoid(JAVA_INT));
        private static final MethodHandle CURRENT = downcall("wtsfake_set_current_process",
                FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT));
        private static final MethodHandle OUTSTANDING = downcall("wtsfake_outstanding_buffers",
                FunctionDescriptor.of(JAVA_LONG));

        private Fake() {
        }

        /** Calls a set-up function (never timed: invokeWithArguments is fine here). */
        private static Object call(MethodHandle function, Object... arguments) {
            try {
                return function.invokeWithArguments(arguments);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        public static void processes(int count, int sessions) {
            call(RESET);
            call(PROCESSES, count, sessions);
        }

        public static void processesWithSids(int count, int sessions, int distinctSids) {
            call(RESET);
            call(PROCESSES_SIDS, count, sessions, distinctSids);
        }

        public static void sessions(int count) {
            call(RESET);
            call(SESSIONS, count);
        }

        public static void currentProcess(int pid, int session) {
            call(RESET);
            call(CURRENT, pid, session);
        }

        public static long outstandingBuffers() {
            return (long) call(OUTSTANDING);
        }
    }
}
