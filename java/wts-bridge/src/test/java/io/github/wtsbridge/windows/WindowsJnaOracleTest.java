package io.github.wtsbridge.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.Wtsapi32;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsProcess;
import io.github.wtsbridge.WtsProcessEx;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSessionEntry;
import io.github.wtsbridge.WtsSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * JNA as an oracle: the same wtsapi32/kernel32 calls made through jna-platform (code we did not
 * write) in the same JVM, compared with wts-bridge field by field. Host-neutral: whatever
 * Windows (or Wine) answers through JNA — a value or a Win32 error code — wts-bridge must answer
 * the same. No expectation here is specific to Wine; on Wine the run is a check of the DLL and
 * its decoding against Wine's real implementation (dlls/wtsapi32/wtsapi32.c).
 *
 * <p>Process listings change between two calls, so a process counts only if both JNA listings
 * around wts-bridge's one hold it with the same fields (stable); every stable process must be
 * in wts-bridge's listing, equal, and the stable ones must be nearly all of each listing.
 */
@Tag("windows")
class WindowsJnaOracleTest {
    /** Share of a process listing that must be stable across three listings. */
    private static final double NEARLY_ALL = 0.9;

    private static final int WTS_ANY_SESSION = -2;
    private static final int WTS_TYPE_PROCESS_INFO_LEVEL0 = 0;
    private static final int WTS_TYPE_PROCESS_INFO_LEVEL1 = 1;

    /** What jna-platform 5.17's Wtsapi32 and Kernel32 lack. */
    interface Missing extends StdCallLibrary {
        Missing WTSAPI32 = Native.load("wtsapi32", Missing.class, W32APIOptions.DEFAULT_OPTIONS);
        Missing KERNEL32 = Native.load("kernel32", Missing.class, W32APIOptions.DEFAULT_OPTIONS);

        /** wtsapi32 (level 0 entries: WTS_PROCESS_INFOW). */
        boolean WTSEnumerateProcessesW(WinNT.HANDLE server, int reserved, int version, PointerByReference info,
                IntByReference count);

        /** kernel32. */
        int WTSGetActiveConsoleSessionId();
    }

    /** WTS_PROCESS_INFOW (jna-platform maps only the level 1 WTS_PROCESS_INFO_EXW). */
    @Structure.FieldOrder({"SessionId", "ProcessId", "pProcessName", "pUserSid"})
    public static class WTS_PROCESS_INFOW extends Structure {
        public int SessionId;
        public int ProcessId;
        public Pointer pProcessName;
        public Pointer pUserSid;

        public WTS_PROCESS_INFOW() {
        }

        public WTS_PROCESS_INFOW(Pointer memory) {
            super(memory);
            read();
        }
    }

    /** Either a value or the Win32 error code of a failed call. */
    record Answer<T>(T value, int error) {
        static <T> Answer<T> of(T value) {
            return new Answer<>(Objects.requireNonNull(value), 0);
        }

        static <T> Answer<T> failed(int error) {
            return new Answer<>(null, error);
        }

        /** wts-bridge's answer: its value, or the errorCode() of its WtsException. */
        static <T> Answer<T> ours(Supplier<T> call) {
            try {
                return of(call.get());
            } catch (WtsException e) {
                return failed(e.errorCode());
            }
        }

        @Override
        public String toString() {
            return value != null ? String.valueOf(value) : "Win32 error " + error;
        }
    }

    // ---- processes

    @Test
    void processListingEqualsJnasFieldByField(TestReporter report) {
        compareListings(report);
    }

    /**
     * Image names beyond ASCII, from copies of cmd.exe that wait on their stdin: first a Latin-1
     * one (the listing then travels as byte[]: the high half of Latin-1 must not be mangled),
     * then one with Cyrillic, CJK and a surrogate pair (the listing travels as char[]).
     */
    @Test
    void imageNamesBeyondAsciiEqualJnas(TestReporter report, @TempDir Path dir) throws Exception {
        for (String name : List.of("wts-oracle-\u00e6\u00f8\u00e5-\u00ff.exe",
                "wts-oracle-\u043a\u0438\u0440-\u540d\u524d-\ud83d\ude00.exe")) {
            Path exe = Files.copy(Path.of(System.getenv("SystemRoot"), "System32", "cmd.exe"), dir.resolve(name));
            Process child = new ProcessBuilder(exe.toString(), "/d", "/q", "/k").redirectErrorStream(true).start();
            try {
                waitUntilListed(child.pid(), name);
                Map<Long, WtsProcess> ours = byPid(compareListings(report));
                WtsProcess listed = ours.get(child.pid());
                assertTrue(listed != null, "child " + name + " (pid " + child.pid() + ") not in our listing");
                assertEquals(name, listed.imageName());
            } finally {
                child.destroyForcibly().waitFor();
            }
        }
    }

    /** Waits (up to 20 s) for JNA's listing to show the child under its name. */
    private static void waitUntilListed(long pid, String name) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            WtsProcess p = byPid(jnaEnumerateProcesses()).get(pid);
            if (p != null) {
                assertEquals(name, p.imageName(), "the child's name through JNA (the oracle itself)");
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("child " + name + " (pid " + pid + ") never appeared in JNA's listing");
            }
            Thread.sleep(50);
        }
    }

    /**
     * JNA's WTSEnumerateProcessesW, our list(), JNA's WTSEnumerateProcessesExW level 0; every
     * process the two JNA listings agree on must be in ours, equal. Returns our listing.
     */
    private static List<WtsProcess> compareListings(TestReporter report) {
        Map<Long, WtsProcess> before = byPid(jnaEnumerateProcesses());
        List<WtsProcess> ours = WtsServer.local().processes();
        Map<Long, WtsProcess> after = byPid(jnaEnumerateProcessesExLevel0());

        Map<Long, WtsProcess> oursByPid = byPid(ours);
        assertEquals(ours.size(), oursByPid.size(), "wts-bridge listed a pid twice: " + ours);
        List<String> differences = new ArrayList<>();
        int stable = 0;
        for (Map.Entry<Long, WtsProcess> entry : before.entrySet()) {
            WtsProcess jna = entry.getValue();
            if (!jna.equals(after.get(entry.getKey()))) {
                continue; // started, ended or changed between the two JNA listings
            }
            stable++;
            WtsProcess mine = oursByPid.get(entry.getKey());
            if (mine == null) {
                differences.add("pid " + jna.pid() + " (" + jna.imageName() + "): in both JNA listings, not in ours");
                continue;
            }
            compare(differences, jna, mine);
        }
        report.publishEntry("compared", stable + " stable processes; listed: JNA " + before.size()
                + ", wts-bridge " + ours.size() + ", JNA " + after.size());
        report.publishEntry("first", ours.subList(0, Math.min(12, ours.size())).toString());
        assertTrue(differences.isEmpty(), differences.size() + " differences:\n" + String.join("\n", differences));
        assertNearlyAll(stable, ours.size(), before.size(), after.size());
        return ours;
    }

    @Test
    void listExEqualsJnasLevel1OrFailsTheSameWay() {
        Answer<Map<Long, WtsProcess>> before = jnaEnumerateProcessesExLevel1();
        Answer<List<WtsProcessEx>> ours = Answer.ours(WtsServer.local()::processesEx);
        Answer<Map<Long, WtsProcess>> after = jnaEnumerateProcessesExLevel1();

        if (before.value() == null || after.value() == null) {
            // Where level 1 fails (Wine 8: ERROR_CALL_NOT_IMPLEMENTED), ours fails with the same code.
            assertEquals(before.error(), after.error(), "JNA's two level 1 listings: " + before + ", " + after);
            assertEquals(before.error(), ours.error(), "WTSEnumerateProcessesExW level 1: JNA " + before
                    + ", wts-bridge " + ours);
            return;
        }
        assertTrue(ours.value() != null, "JNA listed level 1, wts-bridge failed: " + ours);
        Map<Long, WtsProcess> oursByPid = new LinkedHashMap<>();
        for (WtsProcessEx p : ours.value()) {
            // The fields level 0 and 1 share; the counters and times move between calls.
            oursByPid.put(p.pid(), new WtsProcess(WtsServer.local(), p.sessionId(), p.pid(), p.imageName(), p.userSid()));
        }
        List<String> differences = new ArrayList<>();
        int stable = 0;
        for (Map.Entry<Long, WtsProcess> entry : before.value().entrySet()) {
            WtsProcess jna = entry.getValue();
            if (!jna.equals(after.value().get(entry.getKey()))) {
                continue;
            }
            stable++;
            WtsProcess mine = oursByPid.get(entry.getKey());
            if (mine == null) {
                differences.add("pid " + jna.pid() + " (" + jna.imageName() + "): in both JNA listings, not in ours");
            } else {
                compare(differences, jna, mine);
            }
        }
        assertTrue(differences.isEmpty(), differences.size() + " differences:\n" + String.join("\n", differences));
        assertNearlyAll(stable, oursByPid.size(), before.value().size(), after.value().size());
    }

    @Test
    void sessionOfEveryListedProcessEqualsProcessIdToSessionId() {
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        for (WtsProcess p : jnaEnumerateProcesses()) {
            pids.add(p.pid());
        }
        pids.add(0xFFFF_FFFBL); // no such process: both must fail, with the same code
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (long pid : pids) {
            Answer<Integer> jnaBefore = jnaProcessIdToSessionId(pid);
            Answer<Integer> ours = Answer.ours(() -> WtsSession.ofProcess(pid).id());
            Answer<Integer> jnaAfter = jnaProcessIdToSessionId(pid);
            if (!jnaBefore.equals(jnaAfter)) {
                continue; // the process ended in between
            }
            compared++;
            if (!jnaBefore.equals(ours)) {
                differences.add("pid " + pid + ": ProcessIdToSessionId through JNA " + jnaBefore + ", sessionOf " + ours);
            }
        }
        assertTrue(differences.isEmpty(), String.join("\n", differences));
        assertTrue(compared >= NEARLY_ALL * pids.size(), "only " + compared + " of " + pids.size() + " pids compared");
        assertEquals(jnaProcessIdToSessionId(ProcessHandle.current().pid()), Answer.of(WtsSession.current().id()),
                "currentSessionId");
    }

    // ---- sessions

    @Test
    void activeConsoleSessionIdEqualsWtsGetActiveConsoleSessionId() {
        int jnaBefore = Missing.KERNEL32.WTSGetActiveConsoleSessionId();
        OptionalInt ours = WtsSession.activeConsole().map(s -> OptionalInt.of(s.id())).orElse(OptionalInt.empty());
        int jnaAfter = Missing.KERNEL32.WTSGetActiveConsoleSessionId();
        if (jnaBefore != jnaAfter) {
            return; // a session switch in between: nothing to compare
        }
        OptionalInt expected = jnaBefore == 0xFFFF_FFFF ? OptionalInt.empty() : OptionalInt.of(jnaBefore);
        assertEquals(expected, ours);
    }

    @Test
    void sessionListingEqualsJnas() {
        Answer<List<WtsSessionEntry>> jna = jnaEnumerateSessions();
        Answer<List<WtsSessionEntry>> ours = Answer.ours(WtsServer.local()::sessions);
        Answer<List<WtsSessionEntry>> jnaAfter = jnaEnumerateSessions();
        if (!jna.equals(jnaAfter)) {
            return; // a session changed state in between: nothing to compare
        }
        // Compared whole: every session's id, WinStation name and state, or the same error code.
        assertEquals(jna, ours, "WTSEnumerateSessionsW: JNA, then wts-bridge");
    }

    @Test
    void userDomainAndProtocolOfTheCurrentSessionEqualJnas() {
        int session = WtsSession.current().id();
        assertEquals(jnaQueryString(session, Wtsapi32.WTS_INFO_CLASS.WTSUserName),
                Answer.ours(() -> WtsServer.local().session(session).userName()), "WTSUserName of session " + session);
        assertEquals(jnaQueryString(session, Wtsapi32.WTS_INFO_CLASS.WTSDomainName),
                Answer.ours(() -> WtsServer.local().session(session).domainName()), "WTSDomainName of session " + session);
        assertEquals(jnaQueryUshort(session, Wtsapi32.WTS_INFO_CLASS.WTSClientProtocolType),
                Answer.ours(() -> WtsServer.local().session(session).clientProtocol().code()),
                "WTSClientProtocolType of session " + session);
    }

    // ---- the comparisons

    private static void compare(List<String> differences, WtsProcess jna, WtsProcess mine) {
        String at = "pid " + jna.pid() + " (" + jna.imageName() + "): ";
        if (jna.sessionId() != mine.sessionId()) {
            differences.add(at + "session id JNA " + jna.sessionId() + ", ours " + mine.sessionId());
        }
        if (!jna.imageName().equals(mine.imageName())) {
            differences.add(at + "image name JNA '" + jna.imageName() + "', ours '" + mine.imageName() + "'");
        }
        if (!jna.userSid().equals(mine.userSid())) {
            differences.add(at + "SID JNA '" + jna.userSid() + "', ours '" + mine.userSid() + "'");
        }
    }

    private static void assertNearlyAll(int stable, int ours, int before, int after) {
        String counts = stable + " stable processes; listed: JNA " + before + ", wts-bridge " + ours + ", JNA " + after;
        assertTrue(stable > 0, counts);
        for (int size : new int[] {ours, before, after}) {
            assertTrue(stable >= NEARLY_ALL * size, counts);
        }
    }

    private static Map<Long, WtsProcess> byPid(List<WtsProcess> processes) {
        Map<Long, WtsProcess> map = new LinkedHashMap<>();
        for (WtsProcess p : processes) {
            map.put(p.pid(), p);
        }
        return map;
    }

    // ---- JNA, written as a JNA user would: Structure.toArray, getWideString,
    // ---- Advapi32Util.convertSidToStringSid, the buffer freed in finally.

    /** WTSEnumerateProcessesW, freed with WTSFreeMemory. */
    private static List<WtsProcess> jnaEnumerateProcesses() {
        PointerByReference buffer = new PointerByReference();
        IntByReference count = new IntByReference();
        if (!Missing.WTSAPI32.WTSEnumerateProcessesW(Wtsapi32.WTS_CURRENT_SERVER_HANDLE, 0, 1, buffer, count)) {
            fail("WTSEnumerateProcessesW through JNA failed: Win32 error " + Native.getLastError());
        }
        try {
            return decodeLevel0(buffer.getValue(), count.getValue());
        } finally {
            Wtsapi32.INSTANCE.WTSFreeMemory(buffer.getValue());
        }
    }

    /** WTSEnumerateProcessesExW at level 0 (WTS_PROCESS_INFOW), freed with WTSFreeMemoryExW. */
    private static List<WtsProcess> jnaEnumerateProcessesExLevel0() {
        PointerByReference buffer = new PointerByReference();
        IntByReference count = new IntByReference();
        IntByReference level = new IntByReference(0);
        if (!Wtsapi32.INSTANCE.WTSEnumerateProcessesEx(Wtsapi32.WTS_CURRENT_SERVER_HANDLE, level, WTS_ANY_SESSION,
                buffer, count)) {
            fail("WTSEnumerateProcessesExW level 0 through JNA failed: Win32 error " + Native.getLastError());
        }
        try {
            return decodeLevel0(buffer.getValue(), count.getValue());
        } finally {
            assertTrue(Wtsapi32.INSTANCE.WTSFreeMemoryEx(WTS_TYPE_PROCESS_INFO_LEVEL0, buffer.getValue(),
                    count.getValue()), "WTSFreeMemoryExW");
        }
    }

    /** WTSEnumerateProcessesExW at level 1 (jna-platform's WTS_PROCESS_INFO_EX), freed with WTSFreeMemoryExW. */
    private static Answer<Map<Long, WtsProcess>> jnaEnumerateProcessesExLevel1() {
        PointerByReference buffer = new PointerByReference();
        IntByReference count = new IntByReference();
        IntByReference level = new IntByReference(1);
        if (!Wtsapi32.INSTANCE.WTSEnumerateProcessesEx(Wtsapi32.WTS_CURRENT_SERVER_HANDLE, level, WTS_ANY_SESSION,
                buffer, count)) {
            return Answer.failed(Native.getLastError());
        }
        try {
            List<WtsProcess> processes = new ArrayList<>();
            if (count.getValue() > 0) {
                Wtsapi32.WTS_PROCESS_INFO_EX first = new Wtsapi32.WTS_PROCESS_INFO_EX(buffer.getValue());
                for (Structure s : first.toArray(count.getValue())) {
                    Wtsapi32.WTS_PROCESS_INFO_EX p = (Wtsapi32.WTS_PROCESS_INFO_EX) s;
                    Pointer sid = p.pUserSid == null ? null : p.pUserSid.getPointer();
                    processes.add(new WtsProcess(WtsServer.local(), p.SessionId, Integer.toUnsignedLong(p.ProcessId),
                            p.pProcessName == null ? "" : p.pProcessName, sidString(sid)));
                }
            }
            return Answer.of(byPid(processes));
        } finally {
            assertTrue(Wtsapi32.INSTANCE.WTSFreeMemoryEx(WTS_TYPE_PROCESS_INFO_LEVEL1, buffer.getValue(),
                    count.getValue()), "WTSFreeMemoryExW");
        }
    }

    private static List<WtsProcess> decodeLevel0(Pointer buffer, int count) {
        List<WtsProcess> processes = new ArrayList<>(count);
        if (count == 0) {
            return processes;
        }
        for (Structure s : new WTS_PROCESS_INFOW(buffer).toArray(count)) {
            WTS_PROCESS_INFOW p = (WTS_PROCESS_INFOW) s;
            String name = p.pProcessName == null ? "" : p.pProcessName.getWideString(0);
            processes.add(new WtsProcess(WtsServer.local(), p.SessionId, Integer.toUnsignedLong(p.ProcessId), name,
                    sidString(p.pUserSid)));
        }
        return processes;
    }

    /** ConvertSidToStringSidW (+ LocalFree) through jna-platform; "" for no SID, as wts-bridge. */
    private static String sidString(Pointer sid) {
        return sid == null ? "" : Advapi32Util.convertSidToStringSid(new WinNT.PSID(sid));
    }

    private static Answer<Integer> jnaProcessIdToSessionId(long pid) {
        IntByReference session = new IntByReference();
        if (!Kernel32.INSTANCE.ProcessIdToSessionId((int) pid, session)) {
            return Answer.failed(Native.getLastError());
        }
        return Answer.of(session.getValue());
    }

    /** WTSEnumerateSessionsW through jna-platform, freed with WTSFreeMemory. */
    private static Answer<List<WtsSessionEntry>> jnaEnumerateSessions() {
        PointerByReference buffer = new PointerByReference();
        IntByReference count = new IntByReference();
        if (!Wtsapi32.INSTANCE.WTSEnumerateSessions(Wtsapi32.WTS_CURRENT_SERVER_HANDLE, 0, 1, buffer, count)) {
            return Answer.failed(Native.getLastError());
        }
        try {
            List<WtsSessionEntry> sessions = new ArrayList<>();
            if (count.getValue() > 0) {
                Wtsapi32.WTS_SESSION_INFO first = new Wtsapi32.WTS_SESSION_INFO(buffer.getValue());
                for (Structure s : first.toArray(count.getValue())) {
                    Wtsapi32.WTS_SESSION_INFO session = (Wtsapi32.WTS_SESSION_INFO) s;
                    sessions.add(new WtsSessionEntry(WtsServer.local(), session.SessionId,
                            session.pWinStationName == null ? "" : session.pWinStationName,
                            io.github.wtsbridge.WtsConnectState.of(session.State), session.State));
                }
            }
            return Answer.of(sessions);
        } finally {
            Wtsapi32.INSTANCE.WTSFreeMemory(buffer.getValue());
        }
    }

    /** A text info class: the buffer's UTF-16 text up to its NUL. */
    private static Answer<String> jnaQueryString(int session, int infoClass) {
        return jnaQuery(session, infoClass, (buffer, bytes) -> buffer == null ? "" : buffer.getWideString(0));
    }

    /** A USHORT info class (WTSClientProtocolType). */
    private static Answer<Integer> jnaQueryUshort(int session, int infoClass) {
        return jnaQuery(session, infoClass, (buffer, bytes) -> {
            assertEquals(2, bytes, "bytes of a USHORT info class");
            return Short.toUnsignedInt(buffer.getShort(0));
        });
    }

    /** WTSQuerySessionInformation through JNA, the reply decoded, then freed with WTSFreeMemory. */
    private static <T> Answer<T> jnaQuery(int session, int infoClass,
            java.util.function.BiFunction<Pointer, Integer, T> decode) {
        PointerByReference buffer = new PointerByReference();
        IntByReference bytes = new IntByReference();
        if (!Wtsapi32.INSTANCE.WTSQuerySessionInformation(Wtsapi32.WTS_CURRENT_SERVER_HANDLE, session, infoClass,
                buffer, bytes)) {
            return Answer.failed(Native.getLastError());
        }
        try {
            return Answer.of(decode.apply(buffer.getValue(), bytes.getValue()));
        } finally {
            Wtsapi32.INSTANCE.WTSFreeMemory(buffer.getValue());
        }
    }
}
