package io.github.wtsbridge;

import java.util.Objects;

/**
 * One entry of a session listing (WTS_SESSION_INFOW).
 *
 * @param server         the server the listing came from
 * @param id             the session id (a DWORD; Windows never hands out one above 2^31 - 1)
 * @param winStationName the WinStation name, e.g. {@code Console}, {@code RDP-Tcp#3}, {@code Services}
 * @param state          the connection state
 * @param rawState       the state value as Windows gave it (for states newer than this library)
 */
public record WtsSessionEntry(WtsServer server, int id, String winStationName, WtsConnectState state, int rawState) {
    /**
     * Checks that no reference component is null.
     *
     * @throws NullPointerException if {@code server}, {@code winStationName} or {@code state} is null
     */
    public WtsSessionEntry {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(winStationName, "winStationName");
        Objects.requireNonNull(state, "state");
    }

    /**
     * The session this entry describes, to query or act on.
     *
     * @return the session {@code id} on the listing's server; cheap, no Windows call
     */
    public WtsSession session() {
        return server.session(id);
    }
}
