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
    /**
     * Checks that no reference component is null.
     *
     * @throws NullPointerException if {@code server}, {@code imageName} or {@code userSid} is null
     */
    public WtsProcess {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(imageName, "imageName");
        Objects.requireNonNull(userSid, "userSid");
    }

    /**
     * The session the process runs in.
     *
     * @return the session {@code sessionId} on the listing's server, to query or act on (the
     *         process may have ended since the listing)
     */
    public WtsSession session() {
        return server.session(sessionId);
    }

    /**
     * Terminates the process (WTSTerminateProcess on its server); {@code exitCode} is the DWORD
     * it ends with (read as unsigned by Windows).
     *
     * @param exitCode the exit code the process ends with, e.g. 1; -1 arrives as 0xFFFFFFFF
     * @throws WtsException if WTSTerminateProcess fails, e.g. with ERROR_ACCESS_DENIED (5) for
     *                      another user's process without the right to end it
     */
    public void terminate(int exitCode) {
        server.terminateProcess(pid, exitCode);
    }
}
