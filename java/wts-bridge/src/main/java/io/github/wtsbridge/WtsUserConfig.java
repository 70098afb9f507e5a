package io.github.wtsbridge;

import java.time.Duration;
import java.util.Objects;

/**
 * A user's whole Remote Desktop configuration in one call (WTSUserConfigUser, a WTSUSERCONFIGW).
 * Timers are {@link Duration}s of whole milliseconds; {@link Duration#ZERO} means no limit.
 * Each component is also readable alone through the {@link WtsUserSetting} of the same name.
 *
 * @param initialProgram         WTSUSERCONFIGW.InitialProgram: the program started at logon
 *                               instead of the desktop; empty for the desktop
 * @param workingDirectory       WorkDirectory: the initial program's working directory; empty
 *                               for none
 * @param inheritInitialProgram  InheritInitialProgram: the client may name the initial program
 * @param allowLogon             AllowLogonTerminalServer: the user may log on to an RD Session Host
 * @param maxConnectionTime      TimeoutSettingsConnections: the longest a session may stay
 *                               connected; ZERO for no limit
 * @param maxDisconnectionTime   TimeoutSettingsDisconnections: how long a disconnected session
 *                               is kept; ZERO for no limit
 * @param maxIdleTime            TimeoutSettingsIdle: the longest a session may go without input;
 *                               ZERO for no limit
 * @param clientDrives           DeviceClientDrives: the client's drives are mapped at logon
 * @param clientPrinters         DeviceClientPrinters: the client's printers are mapped at logon
 * @param clientDefaultPrinter   DeviceClientDefaultPrinter: print to the client's default printer
 * @param brokenConnectionAction BrokenTimeoutSettings: what a timer running out does
 * @param reconnect              ReconnectSettings: which clients may reconnect to a
 *                               disconnected session
 * @param shadowing              ShadowingSettings: whether and how the user's sessions may be
 *                               remotely controlled
 * @param remoteHomeDirectory    TerminalServerRemoteHomeDir: the home directory is a network
 *                               share mapped to {@code homeDirectoryDrive}
 * @param profilePath            TerminalServerProfilePath: the roaming profile used on RD Session
 *                               Hosts; empty for none
 * @param homeDirectory          TerminalServerHomeDir: the home directory on RD Session Hosts;
 *                               empty for none
 * @param homeDirectoryDrive     TerminalServerHomeDirDrive: the drive the home directory is
 *                               mapped to, e.g. {@code H:}; empty for none
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
    /**
     * Checks that no reference component is null.
     *
     * @throws NullPointerException if a String, a timer or an enum is null (Windows' empty
     *                              fields arrive as empty strings)
     */
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
