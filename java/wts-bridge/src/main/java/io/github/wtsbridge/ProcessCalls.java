package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.EnumExNative;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.internal.ProcessesNative;
import java.util.List;
import java.util.Objects;

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
        return ProcessRecords.processes(server, server.call(ProcessesNative::enumerateProcesses));
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
        return ProcessRecords.processesEx(server, raw);
    }
}
