package io.github.wtsbridge;

import java.util.Objects;

/**
 * WTSINFOEX_LEVEL1 (WTSSessionInfoEx): like {@link WtsSessionInfo}, plus the lock state.
 *
 * @param sessionId      the session id
 * @param state          the connection state ({@link WtsConnectState#UNKNOWN} for a new value)
 * @param lockState      locked or not, with the Windows 7 / 2008 R2 inversion undone for the
 *                       local server (remote servers are read as current Windows; apply
 *                       {@link WtsLockState#fromSessionFlags(int, String, String)} to
 *                       {@code sessionFlags} if you know better)
 * @param sessionFlags   SessionFlags as Windows returned it
 * @param winStationName the WinStation name
 * @param userName       the user name; empty if nobody is logged on
 * @param domainName     the user's domain
 * @param counters       traffic counters
 * @param times          logon, connect, disconnect, last-input and current time
 */
public record WtsSessionInfoEx(int sessionId, WtsConnectState state, WtsLockState lockState, int sessionFlags,
                               String winStationName, String userName, String domainName,
                               WtsSessionCounters counters, WtsSessionTimes times) {
    /**
     * Checks that no reference component is null.
     *
     * @throws NullPointerException if {@code state}, {@code lockState}, a String,
     *                              {@code counters} or {@code times} is null
     */
    public WtsSessionInfoEx {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lockState, "lockState");
        Objects.requireNonNull(winStationName, "winStationName");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(times, "times");
    }
}
