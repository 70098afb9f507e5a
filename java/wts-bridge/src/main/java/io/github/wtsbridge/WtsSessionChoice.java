package io.github.wtsbridge;

/**
 * Which session {@link WtsSession#startProcessInActiveSession(String, WtsStartOptions, WtsSessionChoice)}
 * and {@link WtsSession#activeUserSession(WtsSessionChoice)} pick: the one a person is really
 * using. A Windows service that used only WTSGetActiveConsoleSessionId did nothing when the
 * user came over Remote Desktop (nobody is on the console of an RDP host); the default,
 * {@link #CONSOLE_THEN_REMOTE}, covers both.
 *
 * <p>The sessions are read from WTSEnumerateSessionsW and, per session, WTSSessionInfo (state,
 * user, logon time); a session "has a user" when WTSSessionInfo names one. Where several
 * sessions qualify, the rule is always the same: <b>the latest logon</b>
 * ({@link WtsSessionTimes#logon()}; a session without a logon time comes last), and between
 * equal logon times the lowest session id. Session 0 (services) never qualifies.
 */
public enum WtsSessionChoice {
    /** Only the session attached to the physical console, when a user is logged on to it. */
    CONSOLE,
    /**
     * Only a remote session: one in state {@link WtsConnectState#ACTIVE} with a user that is
     * not the console session.
     */
    REMOTE,
    /**
     * The console when a user is logged on to it, else as {@link #REMOTE}: what "the user of
     * this machine" means on a PC reached over Remote Desktop and on an RDP host alike. The
     * default.
     */
    CONSOLE_THEN_REMOTE,
    /**
     * Any {@link WtsConnectState#ACTIVE} session with a user, console or remote: the console
     * when it is one of them, else the latest logon. Unlike {@link #CONSOLE_THEN_REMOTE}, a
     * console session whose user is not active there (e.g. disconnected) is passed over.
     */
    ANY_ACTIVE,
    /**
     * The {@link WtsConnectState#ACTIVE} session with a user whose logon is the most recent,
     * whether it is the console or not.
     */
    LATEST_LOGON
}
