package io.github.wtsbridge;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** WTSShutdownSystem: logs off all sessions and/or shuts a Terminal Server down. */
final class ShutdownCall {
    private static final Set<WtsShutdownFlag> POWER_ACTIONS = EnumSet.of(WtsShutdownFlag.SHUTDOWN,
            WtsShutdownFlag.REBOOT, WtsShutdownFlag.POWEROFF, WtsShutdownFlag.FASTREBOOT);

    private ShutdownCall() {
    }

    /**
     * Shuts down a server (WTSShutdownSystem). The flags: {@link WtsShutdownFlag#LOGOFF}, at
     * most one of SHUTDOWN / REBOOT / POWEROFF / FASTREBOOT, or LOGOFF with one of them.
     *
     * <p>On the local server the caller's SE_SHUTDOWN_NAME is enabled for the call and put
     * back after it, as shutdown.exe does: an administrator holds it, but disabled (the
     * thread's token if it impersonates, else the process's). A remote server checks its own
     * rights for the caller (SE_REMOTE_SHUTDOWN_NAME there); nothing is adjusted for it.
     *
     * @throws IllegalArgumentException for an empty set or two power actions
     * @throws WtsException             1314 from AdjustTokenPrivileges when the token does not
     *                                  hold SE_SHUTDOWN_NAME at all (nothing was shut down); 5
     *                                  or 1314 from WTSShutdownSystem when a server refuses
     */
    public static void shutdownSystem(WtsServer server, Set<WtsShutdownFlag> flags) {
        Objects.requireNonNull(server, "server");
        int value = flags(flags);
        server.run(h -> io.github.wtsbridge.internal.ControlNative.shutdownSystem(h, value));
    }

    /** The DWORD for a valid flag set. */
    static int flags(Set<WtsShutdownFlag> flags) {
        Objects.requireNonNull(flags, "flags");
        if (flags.isEmpty()) {
            throw new IllegalArgumentException("flags must not be empty");
        }
        int value = 0;
        int powerActions = 0;
        for (WtsShutdownFlag flag : flags) {
            Objects.requireNonNull(flag, "flags must not contain null");
            value |= flag.flag();
            if (POWER_ACTIONS.contains(flag)) {
                powerActions++;
            }
        }
        if (powerActions > 1) {
            throw new IllegalArgumentException("at most one of SHUTDOWN, REBOOT, POWEROFF, FASTREBOOT: " + flags);
        }
        return value;
    }
}
