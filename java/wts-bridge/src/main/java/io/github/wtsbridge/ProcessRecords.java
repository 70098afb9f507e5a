package io.github.wtsbridge;

import io.github.wtsbridge.internal.ProcessesNative;
import io.github.wtsbridge.internal.EnumExNative;
import io.github.wtsbridge.internal.Sids;
import io.github.wtsbridge.internal.FlatNames;
import io.github.wtsbridge.internal.FlatLayouts;
import static io.github.wtsbridge.internal.FlatLayouts.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The process records built from what the natives return (ProcessesNative, EnumExNative):
 * each flat array read by the slot names of {@link FlatLayouts}.
 */
final class ProcessRecords {
    private ProcessRecords() {
    }

    /** WTSEnumerateProcessesW: {@link ProcessesNative#enumerateProcesses}'s {int[], names, SIDs}. */
    static List<WtsProcess> processes(WtsServer server, Object[] raw) {
        int[] v = (int[]) raw[0];
        Object names = raw[1];
        byte[] sids = (byte[]) raw[2];
        List<WtsProcess> processes = new ArrayList<>(v.length / PROCESS_LIST_COUNT);
        Sids.PerListing sidTexts = new Sids.PerListing(sids); // a host has few distinct SIDs: each formatted once
        int nameAt = 0;
        int sidAt = 0;
        for (int at = 0; at < v.length; at += PROCESS_LIST_COUNT) {
            int nameLength = v[at + PROCESS_LIST_NAME_LENGTH];
            int sidLength = v[at + PROCESS_LIST_SID_LENGTH];
            String name = FlatNames.cut(names, nameAt, nameLength);
            String sid = sidTexts.format(sidAt, sidLength);
            nameAt += nameLength;
            sidAt += sidLength;
            processes.add(new WtsProcess(server, v[at + PROCESS_LIST_SESSION_ID],
                    Integer.toUnsignedLong(v[at + PROCESS_LIST_PROCESS_ID]), name, sid));
        }
        return Collections.unmodifiableList(processes);
    }

    /**
     * WTSEnumerateProcessesExW level 1: {@link EnumExNative#enumerateProcessesEx}'s {long[],
     * String[] names, SIDs}. Account names are looked up on {@code system} (null: this machine),
     * once per distinct SID: lookups can go to a domain controller.
     */
    static List<WtsProcessEx> processesEx(WtsServer server, Object[] raw) {
        String system = server.name().orElse(null);
        long[] v = (long[]) raw[0];
        String[] names = (String[]) raw[1];
        byte[] sids = (byte[]) raw[2];
        Map<String, Optional<String>> accounts = new HashMap<>();
        List<WtsProcessEx> processes = new ArrayList<>(names.length);
        int sidAt = 0;
        for (int i = 0; i < names.length; i++) {
            int at = PROCESS_EX_LIST_COUNT * i;
            int sidLength = (int) v[at + PROCESS_EX_LIST_SID_LENGTH];
            String sid = Sids.format(sids, sidAt, sidLength);
            Optional<String> account = Optional.empty();
            if (sidLength > 0) {
                account = accounts.get(sid);
                if (account == null) {
                    account = lookupAccount(system, Arrays.copyOfRange(sids, sidAt, sidAt + sidLength));
                    accounts.put(sid, account);
                }
            }
            sidAt += sidLength;
            processes.add(new WtsProcessEx(server, (int) v[at + PROCESS_EX_LIST_SESSION_ID], v[at + PROCESS_EX_LIST_PROCESS_ID],
                    names[i] == null ? "" : names[i], sid, account, v[at + PROCESS_EX_LIST_THREADS],
                    v[at + PROCESS_EX_LIST_HANDLES], v[at + PROCESS_EX_LIST_PAGEFILE_USAGE],
                    v[at + PROCESS_EX_LIST_PEAK_PAGEFILE_USAGE], v[at + PROCESS_EX_LIST_WORKING_SET_SIZE],
                    v[at + PROCESS_EX_LIST_PEAK_WORKING_SET_SIZE], hundredNanos(v[at + PROCESS_EX_LIST_USER_TIME]),
                    hundredNanos(v[at + PROCESS_EX_LIST_KERNEL_TIME])));
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
