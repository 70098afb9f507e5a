package io.github.wtsbridge;

import java.util.Objects;
import java.util.Optional;

/**
 * One session of a server's inventory: the listing entry, and (when asked for with
 * {@link WtsInventory.Options#withSessionInfo(boolean)}) what WTSSessionInfo tells about it.
 *
 * @param session the entry of the session listing (id, WinStation name, state)
 * @param info    user, domain, counters and times; empty when not asked for, or when the
 *                query failed for this session (it may have ended since the listing)
 */
public record WtsInventorySession(WtsSessionEntry session, Optional<WtsSessionInfo> info) {
    /**
     * Checks that no component is null.
     *
     * @throws NullPointerException if {@code session} or {@code info} is null
     */
    public WtsInventorySession {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(info, "info");
    }

    /**
     * The logged-on user's name, from {@code info}.
     *
     * @return WTSINFOW.UserName, e.g. {@code alice}; empty when nobody is logged on, when
     *         session info was not asked for, or when its query failed
     */
    public String userName() {
        return info.map(WtsSessionInfo::userName).orElse("");
    }
}
