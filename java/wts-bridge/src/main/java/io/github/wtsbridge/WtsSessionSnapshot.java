package io.github.wtsbridge;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Everything WTSQuerySessionInformation tells about one session, read in one call to
 * {@link WtsSession#snapshot()}. A field is empty when this Windows does not
 * answer its info class (ERROR_NOT_SUPPORTED, ERROR_CALL_NOT_IMPLEMENTED, or
 * ERROR_INVALID_PARAMETER for that class); {@link #isRemoteSession()} is empty on a remote
 * server, where Windows does not answer it.
 *
 * <p>Not read: WTSIdleTime, WTSLogonTime and the four byte/frame classes (they fail on
 * Windows 7 and later; {@link #info()} has those times and counters), WTSOEMId and
 * WTSValidationInfo (documented as unused/unsupported).
 *
 * @param sessionId         the session id the snapshot was asked for
 * @param initialProgram    WTSInitialProgram: the program started at logon instead of the
 *                          shell; an empty string when there is none
 * @param applicationName   WTSApplicationName: the published application; an empty string when
 *                          there is none
 * @param workingDirectory  WTSWorkingDirectory: the initial program's directory
 * @param userName          WTSUserName: the logged-on user; an empty string if nobody is
 * @param winStationName    WTSWinStationName, e.g. {@code Console} or {@code RDP-Tcp#3}
 * @param domainName        WTSDomainName: the logged-on user's domain
 * @param connectState      WTSConnectState: the connection state
 * @param clientBuildNumber WTSClientBuildNumber: the Remote Desktop client's build number (a ULONG)
 * @param clientName        WTSClientName: the client computer's NetBIOS name; an empty string
 *                          for the console
 * @param clientDirectory   WTSClientDirectory: where the client is installed
 * @param clientProductId   WTSClientProductId: the client's product id (a USHORT)
 * @param clientHardwareId  WTSClientHardwareId: documented as always 0
 * @param clientAddress     WTSClientAddress: the client's network address
 * @param clientDisplay     WTSClientDisplay: the client's resolution and colour depth
 * @param clientProtocol    WTSClientProtocolType: console, ICA or RDP
 * @param clientInfo        WTSClientInfo: what the client told the server, in one reply
 * @param info              WTSSessionInfo: names, state, counters and times
 * @param infoEx            WTSSessionInfoEx: the same plus the lock state
 * @param configInfo        WTSConfigInfo: the session's configuration
 * @param sessionAddressV4  WTSSessionAddressV4: the session's virtual IPv4 address; empty also
 *                          where the session has none
 * @param isRemoteSession   WTSIsRemoteSession: whether the session is remote; asked only for the
 *                          session this JVM runs in on the local server (the only one Windows
 *                          answers it for), empty for every other session
 */
public record WtsSessionSnapshot(int sessionId,
                             Optional<String> initialProgram,
                             Optional<String> applicationName,
                             Optional<String> workingDirectory,
                             Optional<String> userName,
                             Optional<String> winStationName,
                             Optional<String> domainName,
                             Optional<WtsConnectState> connectState,
                             OptionalLong clientBuildNumber,
                             Optional<String> clientName,
                             Optional<String> clientDirectory,
                             OptionalInt clientProductId,
                             OptionalLong clientHardwareId,
                             Optional<WtsClientAddress> clientAddress,
                             Optional<WtsClientDisplay> clientDisplay,
                             Optional<WtsProtocol> clientProtocol,
                             Optional<WtsClientInfo> clientInfo,
                             Optional<WtsSessionInfo> info,
                             Optional<WtsSessionInfoEx> infoEx,
                             Optional<WtsConfigInfo> configInfo,
                             Optional<InetAddress> sessionAddressV4,
                             Optional<Boolean> isRemoteSession) {
}
