package io.github.wtsbridge;

import java.util.Objects;

/**
 * One session of the extended listing (WTSEnumerateSessionsExW level 1, WTS_SESSION_INFO_1W).
 * Texts Windows leaves out are empty strings.
 *
 * @param server         the server the listing came from
 * @param id          the session id
 * @param state       the connection state
 * @param rawState    the state value as Windows gave it
 * @param sessionName the session (WinStation) name, e.g. {@code RDP-Tcp#3}
 * @param hostName    the name of the Remote Desktop Session Host server
 * @param userName    the logged-on user
 * @param domainName  the user's domain
 * @param farmName    the farm the server belongs to (RD Connection Broker)
 */
public record WtsSessionEx(WtsServer server, int id, WtsConnectState state, int rawState, String sessionName, String hostName,
        String userName, String domainName, String farmName) {
    /**
     * Checks that no reference component is null.
     *
     * @throws NullPointerException if {@code server}, {@code state} or a String is null (texts
     *                              Windows leaves out arrive as empty strings)
     */
    public WtsSessionEx {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(farmName, "farmName");
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
