package io.github.wtsbridge;

import java.util.Objects;

/**
 * One entry of a process listing (WTS_PROCESS_INFOW).
 *
 * @param sessionId the session the process runs in
 * @param pid       the process id (a DWORD, kept unsigned in a long)
 * @param imageName the executable's file name, e.g. {@code explorer.exe}
 * @param userSid   the owner's SID in string form ({@code S-1-5-…}); empty when Windows
 *                  gave none (processes of other users without the right to see them)
 */
public record WtsProcess(int sessionId, long pid, String imageName, String userSid) {
    public WtsProcess {
        Objects.requireNonNull(imageName, "imageName");
        Objects.requireNonNull(userSid, "userSid");
    }
}
