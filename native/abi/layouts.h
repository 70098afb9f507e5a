/*
 * The layouts the shim shares with Windows, as a list: every size and field offset of the
 * structs that the mingw-w64 SDK headers also declare. layout_ours.c evaluates it against
 * the shim's own wts_abi.h, layout_sdk.c against the SDK's windows.h and wtsapi32.h;
 * scripts/check-abi-layouts compiles both per architecture and compares the numbers.
 * (The Ex structs the SDK headers lack are pinned by wts_abi.h's static asserts instead.)
 *
 * SIZE(type) and FIELD(type, field) are defined by the file that includes this one.
 */
#define WTS_SDK_LAYOUTS(SIZE, FIELD)                                                        \
    SIZE(WTS_SESSION_INFOW) FIELD(WTS_SESSION_INFOW, SessionId)                             \
    FIELD(WTS_SESSION_INFOW, pWinStationName) FIELD(WTS_SESSION_INFOW, State)                \
    SIZE(WTS_PROCESS_INFOW) FIELD(WTS_PROCESS_INFOW, SessionId)                             \
    FIELD(WTS_PROCESS_INFOW, ProcessId) FIELD(WTS_PROCESS_INFOW, pProcessName)               \
    FIELD(WTS_PROCESS_INFOW, pUserSid)                                                      \
    SIZE(WTSINFOW) FIELD(WTSINFOW, State) FIELD(WTSINFOW, SessionId)                        \
    FIELD(WTSINFOW, IncomingBytes) FIELD(WTSINFOW, OutgoingCompressedBytes)                  \
    FIELD(WTSINFOW, WinStationName) FIELD(WTSINFOW, Domain) FIELD(WTSINFOW, UserName)       \
    FIELD(WTSINFOW, ConnectTime) FIELD(WTSINFOW, DisconnectTime)                            \
    FIELD(WTSINFOW, LastInputTime) FIELD(WTSINFOW, LogonTime) FIELD(WTSINFOW, CurrentTime)  \
    SIZE(WTS_CLIENT_ADDRESS) FIELD(WTS_CLIENT_ADDRESS, AddressFamily)                       \
    FIELD(WTS_CLIENT_ADDRESS, Address)                                                      \
    SIZE(WTS_CLIENT_DISPLAY) FIELD(WTS_CLIENT_DISPLAY, HorizontalResolution)                \
    FIELD(WTS_CLIENT_DISPLAY, VerticalResolution) FIELD(WTS_CLIENT_DISPLAY, ColorDepth)      \
    SIZE(WTSCLIENTW) FIELD(WTSCLIENTW, ClientName) FIELD(WTSCLIENTW, Domain)                \
    FIELD(WTSCLIENTW, UserName) FIELD(WTSCLIENTW, WorkDirectory)                            \
    FIELD(WTSCLIENTW, InitialProgram) FIELD(WTSCLIENTW, EncryptionLevel)                     \
    FIELD(WTSCLIENTW, ClientAddressFamily) FIELD(WTSCLIENTW, ClientAddress)                  \
    FIELD(WTSCLIENTW, HRes) FIELD(WTSCLIENTW, VRes) FIELD(WTSCLIENTW, ColorDepth)            \
    FIELD(WTSCLIENTW, ClientDirectory) FIELD(WTSCLIENTW, ClientBuildNumber)                  \
    FIELD(WTSCLIENTW, ClientHardwareId) FIELD(WTSCLIENTW, ClientProductId)                   \
    FIELD(WTSCLIENTW, OutBufCountHost) FIELD(WTSCLIENTW, OutBufCountClient)                  \
    FIELD(WTSCLIENTW, OutBufLength) FIELD(WTSCLIENTW, DeviceId)                              \
    SIZE(WTS_SERVER_INFOW) FIELD(WTS_SERVER_INFOW, pServerName)                             \
    SIZE(POINT) FIELD(POINT, x) FIELD(POINT, y)                                             \
    SIZE(MSG) FIELD(MSG, hwnd) FIELD(MSG, message) FIELD(MSG, wParam) FIELD(MSG, lParam)    \
    FIELD(MSG, time) FIELD(MSG, pt)                                                         \
    SIZE(WNDCLASSEXW) FIELD(WNDCLASSEXW, cbSize) FIELD(WNDCLASSEXW, style)                  \
    FIELD(WNDCLASSEXW, lpfnWndProc) FIELD(WNDCLASSEXW, cbClsExtra)                          \
    FIELD(WNDCLASSEXW, cbWndExtra) FIELD(WNDCLASSEXW, hInstance) FIELD(WNDCLASSEXW, hIcon)  \
    FIELD(WNDCLASSEXW, hCursor) FIELD(WNDCLASSEXW, hbrBackground)                           \
    FIELD(WNDCLASSEXW, lpszMenuName) FIELD(WNDCLASSEXW, lpszClassName)                      \
    FIELD(WNDCLASSEXW, hIconSm)                                                             \
    SIZE(STARTUPINFOW) FIELD(STARTUPINFOW, cb) FIELD(STARTUPINFOW, lpDesktop)               \
    FIELD(STARTUPINFOW, lpTitle) FIELD(STARTUPINFOW, dwFlags)                               \
    FIELD(STARTUPINFOW, wShowWindow) FIELD(STARTUPINFOW, cbReserved2)                       \
    FIELD(STARTUPINFOW, lpReserved2) FIELD(STARTUPINFOW, hStdInput)                         \
    FIELD(STARTUPINFOW, hStdError)                                                          \
    SIZE(PROCESS_INFORMATION) FIELD(PROCESS_INFORMATION, hProcess)                          \
    FIELD(PROCESS_INFORMATION, hThread) FIELD(PROCESS_INFORMATION, dwProcessId)             \
    FIELD(PROCESS_INFORMATION, dwThreadId)                                                  \
    SIZE(LUID) FIELD(LUID, LowPart) FIELD(LUID, HighPart)                                   \
    SIZE(LUID_AND_ATTRIBUTES) FIELD(LUID_AND_ATTRIBUTES, Luid)                              \
    FIELD(LUID_AND_ATTRIBUTES, Attributes)                                                  \
    SIZE(TOKEN_PRIVILEGES) FIELD(TOKEN_PRIVILEGES, PrivilegeCount)                          \
    FIELD(TOKEN_PRIVILEGES, Privileges)                                                     \
    SIZE(SECURITY_ATTRIBUTES) FIELD(SECURITY_ATTRIBUTES, lpSecurityDescriptor)              \
    FIELD(SECURITY_ATTRIBUTES, bInheritHandle)                                              \
    SIZE(STARTUPINFOEXW) FIELD(STARTUPINFOEXW, lpAttributeList)                             \
    SIZE(IO_COUNTERS) SIZE(JOBOBJECT_BASIC_LIMIT_INFORMATION)                               \
    FIELD(JOBOBJECT_BASIC_LIMIT_INFORMATION, LimitFlags)                                    \
    FIELD(JOBOBJECT_BASIC_LIMIT_INFORMATION, MinimumWorkingSetSize)                         \
    FIELD(JOBOBJECT_BASIC_LIMIT_INFORMATION, Affinity)                                      \
    FIELD(JOBOBJECT_BASIC_LIMIT_INFORMATION, SchedulingClass)                               \
    SIZE(JOBOBJECT_EXTENDED_LIMIT_INFORMATION)                                              \
    FIELD(JOBOBJECT_EXTENDED_LIMIT_INFORMATION, IoInfo)                                     \
    FIELD(JOBOBJECT_EXTENDED_LIMIT_INFORMATION, PeakJobMemoryUsed)

/* One number per entry; the names ride along as a string table for the report. */
#define WTS_LAYOUT_SIZE(type) (unsigned long long)sizeof(type),
#define WTS_LAYOUT_FIELD(type, field) (unsigned long long)offsetof(type, field),
#define WTS_LAYOUT_SIZE_NAME(type) "size:" #type,
#define WTS_LAYOUT_FIELD_NAME(type, field) #type "." #field,
