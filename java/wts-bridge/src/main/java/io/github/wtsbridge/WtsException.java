package io.github.wtsbridge;

/**
 * A Windows Terminal Services call failed. Carries the Win32 error code (as
 * {@code GetLastError()} returned it right after the failing call), the name of the Windows
 * function, and the system's text for the code ({@code FormatMessageW}).
 *
 * <p>Unchecked by design: most callers cannot recover from a failed WTS call at the call site,
 * and the ones that can (a listing that skips a vanished session) catch it where it matters.
 */
public class WtsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * ERROR_FILE_NOT_FOUND: from WTSQueryUserToken, a session that does not exist (as Microsoft
     * documents it); from CreateProcessAsUserW, a program that is not there.
     */
    public static final int ERROR_FILE_NOT_FOUND = 2;
    /** ERROR_ACCESS_DENIED. */
    public static final int ERROR_ACCESS_DENIED = 5;
    /** ERROR_INVALID_HANDLE. */
    public static final int ERROR_INVALID_HANDLE = 6;
    /** ERROR_INVALID_DATA: Windows returned a reply too short for its documented layout. */
    public static final int ERROR_INVALID_DATA = 13;
    /** ERROR_NOT_SUPPORTED: for example an info class this Windows does not answer. */
    public static final int ERROR_NOT_SUPPORTED = 50;
    /** ERROR_INVALID_PARAMETER. */
    public static final int ERROR_INVALID_PARAMETER = 87;
    /** ERROR_CALL_NOT_IMPLEMENTED. */
    public static final int ERROR_CALL_NOT_IMPLEMENTED = 120;
    /** ERROR_PROC_NOT_FOUND: the function does not exist on this Windows. */
    public static final int ERROR_PROC_NOT_FOUND = 127;
    /** ERROR_NO_TOKEN. */
    public static final int ERROR_NO_TOKEN = 1008;
    /** ERROR_PRIVILEGE_NOT_HELD. */
    public static final int ERROR_PRIVILEGE_NOT_HELD = 1314;
    /** RPC_S_SERVER_UNAVAILABLE: the remote server cannot be reached. */
    public static final int RPC_S_SERVER_UNAVAILABLE = 1722;
    /**
     * ERROR_CTX_WINSTATION_NOT_FOUND: no session with that id (it may just have ended). Test
     * for "no such session" with {@link #isNoSuchSession()}, which also knows the code
     * WTSQueryUserToken documents instead.
     */
    public static final int ERROR_CTX_WINSTATION_NOT_FOUND = 7022;

    /** The Win32 error code; serialized. */
    private final int errorCode;
    /** The name of the Windows function that failed; serialized. */
    private final String function;
    /** The system's text for the code, empty if Windows has none; serialized. */
    private final String systemMessage;

    /**
     * An exception for a failed Windows call. The message ({@link #getMessage()}) names the
     * function, the code and the system's text, plus a hint for the everyday codes (1314,
     * 1008, 127, 1722), e.g. {@code WTSQuerySessionInformationW failed with error 7022: The
     * specified session cannot be found.}
     *
     * @param errorCode     the Win32 error code
     * @param function      the Windows function that failed, e.g. {@code WTSEnumerateSessionsW}
     * @param systemMessage the system's text for the code, or null if Windows has none
     *                      (always null for code 0: a failure that set no error code)
     */
    public WtsException(int errorCode, String function, String systemMessage) {
        super(describe(errorCode, function, systemMessage));
        this.errorCode = errorCode;
        this.function = function;
        this.systemMessage = systemMessage == null ? "" : systemMessage;
    }

    private static String describe(int code, String function, String systemMessage) {
        if (code == 0) {
            return function + " failed without setting an error code (GetLastError() returned 0)";
        }
        String text = systemMessage == null || systemMessage.isEmpty()
                ? "Win32 error " + Integer.toUnsignedString(code)
                : systemMessage;
        String message = function + " failed with error " + Integer.toUnsignedString(code) + ": " + text;
        String hint = hint(code, function);
        return hint == null ? message : message + " (" + hint + ")";
    }

    /** What a user can do about the everyday failures; the privilege depends on the call. */
    private static String hint(int code, String function) {
        switch (code) {
            case ERROR_PRIVILEGE_NOT_HELD:
                if ("AdjustTokenPrivileges".equals(function)) {
                    return "this process's token does not hold SE_SHUTDOWN_NAME (\"Shut down the system\"),"
                            + " which administrators have: run it as an administrator";
                }
                if ("WTSShutdownSystem".equals(function)) {
                    return "the caller needs the SE_SHUTDOWN_NAME privilege, held by administrators";
                }
                return "the caller must run as LocalSystem with SE_TCB_NAME, e.g. from a Windows service";
            case ERROR_NO_TOKEN:
                return "nobody is logged on to that session";
            case ERROR_PROC_NOT_FOUND:
                return "this Windows does not have the function";
            case RPC_S_SERVER_UNAVAILABLE:
                return "the server is not reachable or its Remote Desktop Services are not running";
            default:
                return null;
        }
    }

    /**
     * Whether Windows said that the session does not exist — the one reliable test, because
     * the code depends on the function:
     * <ul>
     * <li>{@link #ERROR_CTX_WINSTATION_NOT_FOUND} (7022, "The specified session cannot be
     *     found.") from any function. Microsoft's pages for WTSQuerySessionInformationW,
     *     WTSLogoffSession, WTSDisconnectSession, WTSSendMessageW, WTSConnectSessionW and
     *     WTSStart/StopRemoteControlSession list no codes at all ("call GetLastError"); 7022 is
     *     the code Terminal Services has for it, the one the fake gives, and what
     *     {@code WindowsSessionsTest} expects from WTSQuerySessionInformationW on the real
     *     Windows CI runners. Windows' own RPC protocol (MS-TSTS) answers some queries with
     *     this status both for a session that does not exist and for one the caller lacks
     *     the Query Information permission on, so "no such session" may mean "not visible to you".
     * <li>{@link #ERROR_FILE_NOT_FOUND} (2) from WTSQueryUserToken — and so from
     *     {@link WtsSession#startProcess} and {@link WtsSession#userToken} — which
     *     Microsoft documents as "the token query is for a session that does not exist"
     *     (its other documented codes: 5 and 1314 when the caller is not LocalSystem with
     *     SE_TCB_NAME, 1008 when nobody is logged on, 87). Code 2 from any other function
     *     (CreateProcessAsUserW: the program is not there) is not this.
     * </ul>
     * Access denied (5) is never read as "no such session", though Windows may give it for a
     * session the caller may not see.
     *
     * @return true for code 7022 from any function, or code 2 from WTSQueryUserToken; false
     *         for everything else
     */
    public boolean isNoSuchSession() {
        return errorCode == ERROR_CTX_WINSTATION_NOT_FOUND
                || errorCode == ERROR_FILE_NOT_FOUND && "WTSQueryUserToken".equals(function);
    }

    /**
     * The Win32 error code, as returned by {@code GetLastError()}.
     *
     * @return the code, e.g. 5 ({@link #ERROR_ACCESS_DENIED}) or 7022
     *         ({@link #ERROR_CTX_WINSTATION_NOT_FOUND}); a DWORD, so a code above 2^31 - 1 (an
     *         HRESULT-style value) is negative here ({@link Integer#toUnsignedString(int)} shows
     *         it); 0 when the function failed without setting one
     */
    public int errorCode() {
        return errorCode;
    }

    /**
     * The Windows function that failed.
     *
     * @return its name as Windows exports it, e.g. {@code WTSQuerySessionInformationW},
     *         {@code WTSOpenServerW} or {@code CreateProcessAsUserW}
     */
    public String function() {
        return function;
    }

    /**
     * The system's message text for the error code.
     *
     * @return FormatMessageW's text for {@link #errorCode()} in the system's language, read
     *         right after the failing call, e.g. "Access is denied."; empty if Windows has none
     *         (and always for code 0)
     */
    public String systemMessage() {
        return systemMessage;
    }
}
