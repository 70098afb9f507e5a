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
