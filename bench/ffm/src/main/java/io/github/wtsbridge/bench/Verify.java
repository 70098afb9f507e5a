package io.github.wtsbridge.bench;

import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSession;
import java.util.Objects;

/**
 * The smoke check of the benchmark suite (scripts/bench --smoke): runs every operation once
 * through wts-bridge and once through JNA on the same data and fails unless both return equal
 * records and every buffer went back to WTSFreeMemory. Proves the comparison is like for like.
 */
public final class Verify {
    private Verify() {
    }

    public static void main(String[] args) {
        int checks = 0;
        for (int size : new int[] {0, 10, 1000}) {
            Scenario.processes(false, size);
            same("list processes " + size, WtsServer.local().processes(), JnaWts.listProcesses());
            checks++;
        }
        for (int size : new int[] {0, 10, 1000}) {
            Scenario.sessions(false, size);
            same("list sessions " + size, WtsServer.local().sessions(), JnaWts.listSessions());
            checks++;
        }
        Scenario.sessions(false, Scenario.INFO_SESSIONS);
        for (int id = 0; id < Scenario.INFO_SESSIONS; id++) {
            same("session info " + id, WtsServer.local().session(id).info(), JnaWts.sessionInfo(id));
            checks++;
        }
        Scenario.currentProcess(false);
        same("current session", WtsSession.current().id(), JnaWts.currentSessionId());
        checks++;
        Scenario.checkReleased(false);
        System.out.println("bench smoke: " + checks + " operations equal through wts-bridge and JNA");
    }

    private static void same(String what, Object bridge, Object jna) {
        if (!Objects.equals(bridge, jna)) {
            throw new AssertionError(what + " differs:\n wts-bridge: " + bridge + "\n JNA:        " + jna);
        }
    }
}
