package io.github.wtsbridge;

/**
 * Every WTS_INFO_CLASS value Windows documents for WTSQuerySessionInformation, with the typed
 * {@link WtsSession} method that reads it. {@link WtsSession#queryRaw} reads any of them
 * as bytes.
 */
public enum WtsInfoClass {
    /** String: the initial program ({@link WtsSession#initialProgram}). */
    INITIAL_PROGRAM(0),
    /** String: the published application ({@link WtsSession#applicationName}). */
    APPLICATION_NAME(1),
    /** String: the initial program's directory ({@link WtsSession#workingDirectory}). */
    WORKING_DIRECTORY(2),
    /** Documented as not used; readable only through {@link WtsSession#queryRaw}. */
    OEM_ID(3),
    /** DWORD: the session id ({@link WtsSession#reportedId}). */
    SESSION_ID(4),
    /** String ({@link WtsSession#userName}). */
    USER_NAME(5),
    /** String ({@link WtsSession#winStationName}). */
    WIN_STATION_NAME(6),
    /** String ({@link WtsSession#domainName}). */
    DOMAIN_NAME(7),
    /** WTS_CONNECTSTATE_CLASS ({@link WtsSession#connectState}). */
    CONNECT_STATE(8),
    /** ULONG ({@link WtsSession#clientBuildNumber}). */
    CLIENT_BUILD_NUMBER(9),
    /** String ({@link WtsSession#clientName}). */
    CLIENT_NAME(10),
    /** String ({@link WtsSession#clientDirectory}). */
    CLIENT_DIRECTORY(11),
    /** USHORT ({@link WtsSession#clientProductId}). */
    CLIENT_PRODUCT_ID(12),
    /** ULONG, documented as always 0 ({@link WtsSession#clientHardwareId}). */
    CLIENT_HARDWARE_ID(13),
    /** WTS_CLIENT_ADDRESS ({@link WtsSession#clientAddress}). */
    CLIENT_ADDRESS(14),
    /** WTS_CLIENT_DISPLAY ({@link WtsSession#clientDisplay}). */
    CLIENT_DISPLAY(15),
    /** USHORT ({@link WtsSession#clientProtocol}). */
    CLIENT_PROTOCOL_TYPE(16),
    /** Fails with ERROR_NOT_SUPPORTED on Windows 7 and later ({@link WtsSession#idleTime}). */
    IDLE_TIME(17),
    /** Fails with ERROR_NOT_SUPPORTED on Windows 7 and later ({@link WtsSession#logonTime}). */
    LOGON_TIME(18),
    /** Fails with ERROR_NOT_SUPPORTED on Windows 7 and later ({@link WtsSession#counter}). */
    INCOMING_BYTES(19),
    /** Fails with ERROR_NOT_SUPPORTED on Windows 7 and later ({@link WtsSession#counter}). */
    OUTGOING_BYTES(20),
    /** Fails with ERROR_NOT_SUPPORTED on Windows 7 and later ({@link WtsSession#counter}). */
    INCOMING_FRAMES(21),
    /** Fails with ERROR_NOT_SUPPORTED on Windows 7 and later ({@link WtsSession#counter}). */
    OUTGOING_FRAMES(22),
    /** WTSCLIENT ({@link WtsSession#clientInfo}). */
    CLIENT_INFO(23),
    /** WTSINFO ({@link WtsSession#info}). */
    SESSION_INFO(24),
    /** WTSINFOEX ({@link WtsSession#infoEx}, {@link WtsSession#lockState}). */
    SESSION_INFO_EX(25),
    /** WTSCONFIGINFO ({@link WtsSession#configInfo}). */
    CONFIG_INFO(26),
    /** Documented as not supported; readable only through {@link WtsSession#queryRaw}. */
    VALIDATION_INFO(27),
    /** WTS_SESSION_ADDRESS ({@link WtsSession#sessionAddressV4}). */
    SESSION_ADDRESS_V4(28),
    /** BOOLEAN, local server only ({@link WtsSession#isRemote}). */
    IS_REMOTE_SESSION(29);

    private final int code;

    WtsInfoClass(int code) {
        this.code = code;
    }

    /**
     * The WTS_INFO_CLASS value.
     *
     * @return the number passed to WTSQuerySessionInformationW as WTSInfoClass, 0 to 29
     */
    public int code() {
        return code;
    }

    /**
     * The class for a WTS_INFO_CLASS value.
     *
     * @param code a WTS_INFO_CLASS value, 0 ({@link #INITIAL_PROGRAM}) to 29 ({@link #IS_REMOTE_SESSION})
     * @return the matching class
     * @throws IllegalArgumentException if {@code code} is outside 0 to 29
     */
    public static WtsInfoClass of(int code) {
        WtsInfoClass[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("no WTS_INFO_CLASS " + code);
        }
        return all[code];
    }
}
