package io.github.wtsbridge;

import java.time.Duration;
import java.util.Objects;

/**
 * A user's whole Remote Desktop configuration in one call (WTSUserConfigUser, a WTSUSERCONFIGW).
 * Timers are {@link Duration}s of whole milliseconds; {@link Duration#ZERO} means no limit.
 */
public record WtsUserConfig(
        String initialProgram,
        String workingDirectory,
        boolean inheritInitialProgram,
        boolean allowLogon,
        Duration maxConnectionTime,
        Duration maxDisconnectionTime,
        Duration maxIdleTime,
        boolean clientDrives,
        boolean clientPrinters,
        boolean clientDefaultPrinter,
        WtsBrokenConnectionAction brokenConnectionAction,
        WtsReconnectPolicy reconnect,
        WtsShadowing shadowing,
        boolean remoteHomeDirectory,
        String profilePath,
        String homeDirectory,
        String homeDirectoryDrive) {
    public WtsUserConfig {
        Objects.requireNonNull(initialProgram, "initialProgram");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(maxConnectionTime, "maxConnectionTime");
        Objects.requireNonNull(maxDisconnectionTime, "maxDisconnectionTime");
        Objects.requireNonNull(maxIdleTime, "maxIdleTime");
        Objects.requireNonNull(brokenConnectionAction, "brokenConnectionAction");
        Objects.requireNonNull(reconnect, "reconnect");
        Objects.requireNonNull(shadowing, "shadowing");
        Objects.requireNonNull(profilePath, "profilePath");
        Objects.requireNonNull(homeDirectory, "homeDirectory");
        Objects.requireNonNull(homeDirectoryDrive, "homeDirectoryDrive");
    }
}
