package io.github.wtsbridge.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * The chain that starts a program in a user's session, in Java so that every token is closed
 * in a finally block on every path, a failure halfway included:
 * <ol>
 * <li>WTSQueryUserToken(session) — the user's token (needs LocalSystem: else 1314);
 * <li>when elevation is asked for and the token is a UAC-limited one (TokenElevationType =
 *     limited), GetTokenInformation(TokenLinkedToken) — the elevated half;
 * <li>DuplicateTokenEx(MAXIMUM_ALLOWED, SecurityImpersonation, TokenPrimary) — the linked
 *     token is an impersonation token, and CreateProcessAsUserW needs a primary one;
 * <li>CreateEnvironmentBlock(primary, FALSE) — the user's own variables, not ours; merged
 *     here with the caller's extra variables into a sorted block;
 * <li>CreateProcessAsUserW(primary, …, CREATE_UNICODE_ENVIRONMENT | CREATE_NEW_CONSOLE,
 *     block, directory, lpDesktop), with the standard handles of {@link ChildIo} when given —
 *     the thread handle is closed in C unless the child starts suspended, the process handle
 *     becomes the caller's.
 * </ol>
 */
public final class Launcher {
    private Launcher() {
    }

    /** What {@link #start} returns: the pid, the open process handle, the thread handle (suspended only, else 0). */
    public record Started(long pid, long processHandle, long threadHandle) {
    }

    /**
     * Runs the chain. Arguments are checked by the caller; application (lpApplicationName)
     * and workingDirectory may be null. Returns the pid and the process handle, which the
     * caller must close.
     */
    public static Started start(int session, String application, String commandLine, String desktop,
            String workingDirectory,
            Map<String, String> extraEnvironment, boolean elevated, int showWindow, long[] stdHandles, int extraFlags) {
        long user = TokensNative.queryUserToken(session);
        long linked = 0;
        long primary = 0;
        try {
            long base = user;
            if (elevated && LaunchNative.tokenElevationType(user) == LaunchNative.ELEVATION_TYPE_LIMITED) {
                linked = LaunchNative.linkedToken(user);
                base = linked;
            }
            primary = LaunchNative.duplicatePrimaryToken(base);
            char[] block = environmentBlock(LaunchNative.environmentBlock(primary), extraEnvironment);
            long[] started = LaunchNative.createProcessAsUser(primary, application, commandLine, desktop, workingDirectory,
                    block, showWindow, stdHandles, extraFlags);
            return new Started(started[0] & Checks.MAX_DWORD, started[1], started[2]);
        } finally {
            LaunchNative.closeHandle(primary);
            LaunchNative.closeHandle(linked);
            LaunchNative.closeHandle(user);
        }
    }

    /**
     * The user's variables with the extra ones added or replacing them (names compare
     * case-insensitively, as Windows does), sorted by name case-insensitively as Windows
     * keeps environment blocks, as "NAME=value\0…\0\0". Entries such as "=C:=C:\dir" whose
     * name starts with '=' are kept as they are.
     */
    public static char[] environmentBlock(String[] user, Map<String, String> extra) {
        TreeMap<String, String> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String entry : user) {
            int equals = entry.indexOf('=', 1);
            if (equals > 0) {
                merged.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        for (Map.Entry<String, String> e : extra.entrySet()) {
            merged.remove(e.getKey()); // so that the caller's spelling of the name wins
            merged.put(e.getKey(), e.getValue());
        }
        StringBuilder block = new StringBuilder();
        for (Map.Entry<String, String> e : merged.entrySet()) {
            block.append(e.getKey()).append('=').append(e.getValue()).append('\0');
        }
        if (merged.isEmpty()) {
            block.append('\0'); // an empty block is two NULs
        }
        block.append('\0');
        char[] chars = new char[block.length()];
        block.getChars(0, block.length(), chars, 0);
        return chars;
    }
}
