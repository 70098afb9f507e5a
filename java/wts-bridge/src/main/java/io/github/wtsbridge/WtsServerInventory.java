package io.github.wtsbridge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one server answered to an inventory scan.
 *
 * @param server    the server name as given to the scan; empty for the local machine
 * @param sessions  its sessions, in the order Windows listed them
 * @param processes its processes, when asked for with {@link WtsInventory.Options#withProcesses(boolean)}
 */
public record WtsServerInventory(String server, List<WtsInventorySession> sessions,
                                 Optional<List<WtsProcess>> processes) {
    /**
     * Checks the components and makes the lists unmodifiable copies.
     *
     * @throws NullPointerException if a component, a session or a process is null
     */
    public WtsServerInventory {
        Objects.requireNonNull(server, "server");
        sessions = List.copyOf(sessions);
        processes = Objects.requireNonNull(processes, "processes").map(List::copyOf);
    }
}
