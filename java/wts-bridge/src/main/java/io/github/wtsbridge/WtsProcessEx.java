package io.github.wtsbridge;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One process of the extended listing (WTSEnumerateProcessesExW level 1,
 * WTS_PROCESS_INFO_EXW). Windows reports the counters as DWORDs; they are kept unsigned here.
 *
 * @param server         the server the listing came from
 * @param sessionId           the session the process runs in
 * @param pid                 the process id (a DWORD, unsigned)
 * @param imageName           the executable's file name
 * @param userSid             the owner's SID ({@code S-1-5-…}); empty when Windows gave none
 * @param accountName         the owner as {@code DOMAIN\name} (LookupAccountSidW on the same
 *                            server); empty without a SID or when it maps to no account
 * @param threadCount         number of threads
 * @param handleCount         number of open handles
 * @param pagefileBytes       page file usage, bytes
 * @param peakPagefileBytes   peak page file usage, bytes
 * @param workingSetBytes     working set, bytes
 * @param peakWorkingSetBytes peak working set, bytes
 * @param userTime            CPU time in user mode
 * @param kernelTime          CPU time in kernel mode
 */
public record WtsProcessEx(WtsServer server, int sessionId, long pid, String imageName, String userSid, Optional<String> accountName,
        long threadCount, long handleCount, long pagefileBytes, long peakPagefileBytes, long workingSetBytes,
        long peakWorkingSetBytes, Duration userTime, Duration kernelTime) {
    /**
     * Checks that no reference component is null.
     *
     * @throws NullPointerException if {@code server}, a String, {@code accountName},
     *                              {@code userTime} or {@code kernelTime} is null
     */
    public WtsProcessEx {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(imageName, "imageName");
        Objects.requireNonNull(userSid, "userSid");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(userTime, "userTime");
        Objects.requireNonNull(kernelTime, "kernelTime");
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
