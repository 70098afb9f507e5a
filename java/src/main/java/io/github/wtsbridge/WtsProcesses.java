package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.FlatNames;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.internal.ProcessesNative;
import io.github.wtsbridge.internal.Sids;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
        long handle = WtsSessions.handleOf(server);
        Object[] raw = ProcessesNative.enumerateProcesses(handle);
        int[] quads = (int[]) raw[0];
        Object names = raw[1];
        byte[] sids = (byte[]) raw[2];
        int count = quads.length / 4;
        List<WtsProcess> processes = new ArrayList<>(count);
        int nameAt = 0;
        int sidAt = 0;
        for (int i = 0; i < count; i++) {
            int nameLength = quads[4 * i + 2];
            int sidLength = quads[4 * i + 3];
            String name = FlatNames.cut(names, nameAt, nameLength);
            String sid = Sids.format(sids, sidAt, sidLength);
            nameAt += nameLength;
            sidAt += sidLength;
            processes.add(new WtsProcess(quads[4 * i], Integer.toUnsignedLong(quads[4 * i + 1]), name, sid));
        }
        return Collections.unmodifiableList(processes);
    }

    /** The session a process runs in (ProcessIdToSessionId). */
    public static int sessionOf(long pid) {
        int dword = Checks.processId(pid);
        NativeLibrary.ensureLoaded();
        return ProcessesNative.processIdToSessionId(dword);
    }
}
