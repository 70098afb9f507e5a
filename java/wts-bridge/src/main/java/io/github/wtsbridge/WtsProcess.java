package io.github.wtsbridge;

import java.util.Objects;

/**
 * One entry of a process listing (WTS_PROCESS_INFOW).
 *
 * @param server         the server the listing came from
 * @param sessionId the session the process runs in
 * @param pid       the process id (a DWORD, kept unsigned in a long)
 * @param imageName the executable's file name, e.g. {@code explorer.exe}
 * @param userSid   the owner's SID in string form ({@code S-1-5-…}); empty when Windows
 *                  gave none (processes of other users without the right to see them)
 */
public record WtsProcess(WtsServer server, int sessionId, long pid, String imageName, String userSid) {
    public WtsProcess {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(imageName, "imageName");
        Objects.requireNonNull(userSid, "userSid");
    }

    /** The session the process runs in. */
    public WtsSession session() {
        return server.session(sessionId);
    }

    /**
     * Terminates the process (WTSTerminateProcess on its server); {@code exitCode} is the DWORD
     * it ends with (read as unsigned by Windows).
     */
    public void terminate(int exitCode) {
        server.terminateProcess(pid, exitCode);
    }
}
