package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.EnumExNative;
import io.github.wtsbridge.internal.FlatNames;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.internal.ProcessesNative;
import io.github.wtsbridge.internal.Sids;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Processes on a Terminal Server, and which session a process runs in. */
final class ProcessCalls {
    private ProcessCalls() {
    }


    /**
     * The processes on a server (WTSEnumerateProcessesW). Without administrator rights,
     * Windows lists other users' processes without their SID.
     */
    public static List<WtsProcess> list(WtsServer server) {
        Objects.requireNonNull(server, "server");
        Object[] raw = server.call(ProcessesNative::enumerateProcesses);
        int[] quads = (int[]) raw[0];
        Object names = raw[1];
        byte[] sids = (byte[]) raw[2];
        int count = quads.length / 4;
        List<WtsProcess> processes = new ArrayList<>(count);
        Sids.PerListing sidTexts = new Sids.PerListing(sids); // a host has few distinct SIDs: each formatted once
        int nameAt = 0;
        int sidAt = 0;
        for (int i = 0; i < count; i++) {
            int nameLength = quads[4 * i + 2];
            int sidLength = quads[4 * i + 3];
            String name = FlatNames.cut(names, nameAt, nameLength);
            String sid = sidTexts.format(sidAt, sidLength);
            nameAt += nameLength;
            sidAt += sidLength;
            processes.add(new WtsProcess(server, quads[4 * i], Integer.toUnsignedLong(quads[4 * i + 1]), name, sid));
        }
        return Collections.unmodifiableList(processes);
    }

    /** The session a process runs in (ProcessIdToSessionId). */
    public static int sessionOf(long pid) {
        int dword = Checks.processId(pid);
        NativeLibrary.ensureLoaded();
        return ProcessesNative.processIdToSessionId(dword);
    }


    /**
     * Terminates a process on a server (WTSTerminateProcess); exitCode is the DWORD the process
     * ends with (read as unsigned by Windows).
     */
    public static void terminate(WtsServer server, long pid, int exitCode) {
        Objects.requireNonNull(server, "server");
        int dword = Checks.processId(pid);
        server.run(h -> io.github.wtsbridge.internal.ControlNative.terminateProcess(h, dword, exitCode));
    }

    // ---- Beyond win32ts: the extended listing.


    /**
     * Every process on a server with counters and CPU times (WTSEnumerateProcessesExW level 1,
     * WTS_ANY_SESSION). Seeing other users' processes needs Administrators.
     */
    public static List<WtsProcessEx> listEx(WtsServer server) {
        return listExFiltered(server, EnumExNative.ANY_SESSION);
    }

    /** The processes of one session on a server (WTSEnumerateProcessesExW level 1). */
    public static List<WtsProcessEx> listEx(WtsServer server, int sessionId) {
        return listExFiltered(server, Checks.sessionId(sessionId));
    }

    private static List<WtsProcessEx> listExFiltered(WtsServer server, int filter) {
        Objects.requireNonNull(server, "server");
        Object[] raw = server.call(h -> EnumExNative.enumerateProcessesEx(h, filter));
        long[] v = (long[]) raw[0];
        String[] names = (String[]) raw[1];
        byte[] sids = (byte[]) raw[2];
        String system = server.name().orElse(null);
        Map<String, Optional<String>> accounts = new HashMap<>();
        List<WtsProcessEx> processes = new ArrayList<>(names.length);
        int sidAt = 0;
        for (int i = 0; i < names.length; i++) {
            int at = EnumExNative.PROCESS_VALUES * i;
            int sidLength = (int) v[at + 10];
            String sid = Sids.format(sids, sidAt, sidLength);
            Optional<String> account = Optional.empty();
            if (sidLength > 0) {
                account = accounts.get(sid);
                if (account == null) { // once per distinct SID: lookups can go to a domain controller
                    account = lookupAccount(system, Arrays.copyOfRange(sids, sidAt, sidAt + sidLength));
                    accounts.put(sid, account);
                }
            }
            sidAt += sidLength;
            processes.add(new WtsProcessEx(server, (int) v[at], v[at + 1], names[i] == null ? "" : names[i], sid, account,
                    v[at + 2], v[at + 3], v[at + 4], v[at + 5], v[at + 6], v[at + 7],
                    hundredNanos(v[at + 8]), hundredNanos(v[at + 9])));
        }
        return Collections.unmodifiableList(processes);
    }

    /**
     * DOMAIN\name of a SID (LookupAccountSidW on the listing's server); empty when it maps to
     * no account or the lookup fails: a listing never fails for want of a name.
     */
    private static Optional<String> lookupAccount(String system, byte[] sid) {
        try {
            String[] found = EnumExNative.lookupAccount(system, sid);
            if (found == null) {
                return Optional.empty();
            }
            return Optional.of(found[0].isEmpty() ? found[1] : found[0] + "\\" + found[1]);
        } catch (WtsException e) {
            return Optional.empty();
        }
    }

    /** A Windows 100 ns count as a Duration (negative counts, which Windows never gives, as zero). */
    static Duration hundredNanos(long ticks) {
        if (ticks <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(ticks / 10_000_000L, (ticks % 10_000_000L) * 100);
    }
}
