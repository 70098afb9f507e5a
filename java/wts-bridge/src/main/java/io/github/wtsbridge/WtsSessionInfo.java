package io.github.wtsbridge;

import java.util.Objects;

/**
 * The WTSINFO structure, what one WTSSessionInfo query returns: the session's names, state,
 * counters and times, read in a single call.
 *
 * @param sessionId      the session id
 * @param state          the connection state
 * @param winStationName the WinStation name
 * @param domainName     the logged-on user's domain; empty if nobody is logged on
 * @param userName       the logged-on user's name; empty if nobody is logged on
 * @param counters       traffic counters
 * @param times          logon, connect, disconnect, last-input and current time
 */
public record WtsSessionInfo(int sessionId, WtsConnectState state, String winStationName,
                             String domainName, String userName, WtsSessionCounters counters,
                             WtsSessionTimes times) {
    /**
     * Checks that no reference component is null.
     *
     * @throws NullPointerException if {@code state}, a String, {@code counters} or {@code times}
     *                              is null
     */
    public WtsSessionInfo {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(winStationName, "winStationName");
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(times, "times");
    }
}
