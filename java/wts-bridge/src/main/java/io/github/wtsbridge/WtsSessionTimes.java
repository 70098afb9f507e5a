package io.github.wtsbridge;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A session's times from WTSSessionInfo (WTSINFOW). Windows reports times that never
 * happened (no logon yet, never disconnected) as zero: those are empty here.
 *
 * <p>WTSLogonTime and WTSIdleTime as separate info classes fail with ERROR_NOT_SUPPORTED on
 * current Windows; these times are the ones that work.
 *
 * @param logon      when the user logged on
 * @param connect    when the session last connected
 * @param disconnect when the session last disconnected
 * @param lastInput  the time of the last user input
 * @param current    the server's time when it answered
 */
public record WtsSessionTimes(Optional<Instant> logon, Optional<Instant> connect,
                              Optional<Instant> disconnect, Optional<Instant> lastInput,
                              Instant current) {
    /**
     * Checks that no component is null (a time that never happened is an empty Optional).
     *
     * @throws NullPointerException if any component is null
     */
    public WtsSessionTimes {
        Objects.requireNonNull(logon, "logon");
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(disconnect, "disconnect");
        Objects.requireNonNull(lastInput, "lastInput");
        Objects.requireNonNull(current, "current");
    }

    /**
     * How long since the last input, by the server's clock (CurrentTime − LastInputTime);
     * empty if there was none (Windows reports no LastInputTime, e.g. for a disconnected session).
     *
     * <p>Not a reliable idle time for the console session: Microsoft documents LastInputTime
     * only as "the time of the last user input in the session" and its idle timers (the
     * MAX_IDLE_TIME user setting) for Remote Desktop sessions; for the console, reports say
     * Windows keeps LastInputTime equal to CurrentTime, so this reads zero however long the user
     * has been away. For the console user's idleness, ask in that session (GetLastInputInfo,
     * from a process started there with {@link WtsSession#startProcess}).
     *
     * @return {@code current - lastInput}, or {@link Duration#ZERO} if the last input is later
     *         than {@code current}; empty when {@code lastInput} is
     */
    public Optional<Duration> idle() {
        return lastInput.map(last -> last.isAfter(current) ? Duration.ZERO : Duration.between(last, current));
    }
}
