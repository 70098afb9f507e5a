package io.github.wtsbridge;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * WTSCLIENT (WTSClientInfo): what the Remote Desktop client told the server, in one reply.
 *
 * @param clientName        the client computer's NetBIOS name
 * @param domainName        the client computer's domain
 * @param userName          the user name the client sent
 * @param workDirectory     the initial program's directory
 * @param initialProgram    the initial program
 * @param encryptionLevel   the security level of encryption (a BYTE)
 * @param addressFamily     AF_INET (2), AF_INET6 (23) or another AF_* value
 * @param address           the client address: Windows gives IPv4 as text ("10.0.0.5") and
 *                          IPv6 as bytes; empty if absent or unreadable
 * @param display           resolution and color depth
 * @param clientDirectory   the directory the client was installed in
 * @param clientBuildNumber the client's build number
 * @param clientHardwareId  documented as reserved (0)
 * @param clientProductId   the client's product id
 * @param outBufCountHost   output buffers on the host
 * @param outBufCountClient output buffers on the client
 * @param outBufLength      output buffer length
 * @param deviceId          the client device id
 */
public record WtsClientInfo(String clientName, String domainName, String userName, String workDirectory,
                            String initialProgram, int encryptionLevel, int addressFamily,
                            Optional<InetAddress> address, WtsClientDisplay display, String clientDirectory,
                            long clientBuildNumber, long clientHardwareId, int clientProductId,
                            int outBufCountHost, int outBufCountClient, int outBufLength, String deviceId) {
    /**
     * Checks that no component is null.
     *
     * @throws NullPointerException if a String, {@code address} or {@code display} is null
     *                              (Windows' empty fields arrive as empty strings)
     */
    public WtsClientInfo {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(initialProgram, "initialProgram");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(clientDirectory, "clientDirectory");
        Objects.requireNonNull(deviceId, "deviceId");
    }
}
