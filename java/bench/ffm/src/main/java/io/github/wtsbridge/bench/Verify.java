package io.github.wtsbridge.bench;

import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.bench.ffm.FfmWts;
import java.util.Objects;

/**
 * The smoke check of the benchmark suite (scripts/bench --smoke): runs every operation once
 * through wts-bridge, JNA and FFM on the same data, and fails unless all three return equal
 * records and every buffer went back to WTSFreeMemory. Proves the comparison is like for like.
 */
public final class Verify {
    private Verify() {
    }

    public static void main(String[] args) {
        int checks = 0;
        for (int size : new int[] {0, 10, 1000}) {
            Scenario.processes(false, size);
            same("list processes " + size, WtsServer.local().processes(), JnaWts.listProcesses(), FfmWts.listProcesses());
            checks++;
        }
        for (int sids : new int[] {20, 0}) {
            Scenario.processesWithSids(false, 1000, sids);
            same("list processes, " + (sids == 0 ? "all distinct" : sids) + " SIDs", WtsServer.local().processes(),
                    JnaWts.listProcesses(), FfmWts.listProcesses());
            checks++;
        }
        for (int size : new int[] {0, 1, 50, 500}) {
            Scenario.sessions(false, size);
            same("list sessions " + size, WtsServer.local().sessions(), JnaWts.listSessions(), FfmWts.listSessions());
            checks++;
        }
        Scenario.sessions(false, Scenario.INFO_SESSIONS);
        for (int id = 0; id < Scenario.INFO_SESSIONS; id++) {
            same("session info " + id, WtsServer.local().session(id).info(), JnaWts.sessionInfo(id),
                    FfmWts.sessionInfo(id));
            checks++;
        }
        Scenario.currentProcess(false);
        same("current session", WtsSession.current().id(), JnaWts.currentSessionId(), FfmWts.currentSessionId());
        checks++;
        Scenario.checkReleased(false);
        System.out.println("bench smoke: " + checks + " operations equal through wts-bridge, JNA and FFM ("
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ")");
    }

    private static void same(String what, Object bridge, Object jna, Object ffm) {
        if (!Objects.equals(bridge, jna) || !Objects.equals(bridge, ffm)) {
            throw new AssertionError(what + " differs:\n wts-bridge: " + bridge + "\n JNA:        " + jna
                    + "\n FFM:        " + ffm);
        }
    }
}
