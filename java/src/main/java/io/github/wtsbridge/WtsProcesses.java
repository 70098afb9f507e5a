package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.internal.ProcessesNative;
import io.github.wtsbridge.internal.Sids;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Processes on a Terminal Server, and which session a process runs in. */
public final class WtsProcesses {
    private WtsProcesses() {
    }

    /** The processes on this machine (WTSEnumerateProcessesW). */
    public static List<WtsProcess> list() {
        return list(WtsServer.local());
    }

    /**
     * The processes on a server (WTSEnumerateProcessesW). Without administrator rights,
     * Windows lists other users' processes without their SID.
     */
    public static List<WtsProcess> list(WtsServer server) {
        Objects.requireNonNull(server, "server");
        Object[] raw = server.call(ProcessesNative::enumerateProcesses);
        int[] triples = (int[]) raw[0];
        String[] names = (String[]) raw[1];
        byte[] sids = (byte[]) raw[2];
        List<WtsProcess> processes = new ArrayList<>(names.length);
        int sidAt = 0;
        for (int i = 0; i < names.length; i++) {
            int sidLength = triples[3 * i + 2];
            String sid = Sids.format(sids, sidAt, sidLength);
            sidAt += sidLength;
            processes.add(new WtsProcess(triples[3 * i], Integer.toUnsignedLong(triples[3 * i + 1]),
                    names[i] == null ? "" : names[i], sid));
        }
        return Collections.unmodifiableList(processes);
    }

    /** The session a process runs in (ProcessIdToSessionId). */
    public static int sessionOf(long pid) {
        int dword = Checks.processId(pid);
        NativeLibrary.ensureLoaded();
        return ProcessesNative.processIdToSessionId(dword);
    }

    /** Terminates a process on this machine (WTSTerminateProcess). */
    public static void terminate(long pid, int exitCode) {
        terminate(WtsServer.local(), pid, exitCode);
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
}
