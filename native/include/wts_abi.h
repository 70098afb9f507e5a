/*
 * The Windows ABI that the shim speaks, written out with fixed-width types.
 *
 * Why our own header: Debian's mingw-w64 wtsapi32.h lacks the Ex structs, and the host
 * (Linux) test build has a 4-byte wchar_t, so nothing here may depend on <windows.h>.
 * Every struct carries static asserts of its size and key offsets for x86, x64 and arm64
 * (the figures in shared/WTS-FACTS.md); a wrong layout fails the build, not a user.
 */
#ifndef WTS_ABI_H
#define WTS_ABI_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32) && !defined(_WIN64) && (defined(_M_IX86) || defined(__i386__))
#define WINAPI __stdcall
#else
#define WINAPI
#endif

typedef uint32_t DWORD;
typedef int32_t BOOL;
typedef uint16_t WCHAR;   /* UTF-16 code unit, never wchar_t */
typedef uint8_t BYTE;
typedef uint16_t USHORT;
typedef int64_t LONGLONG; /* LARGE_INTEGER / FILETIME as one 8-byte-aligned value */
typedef void *HANDLE;
typedef uint32_t UINT;
typedef uintptr_t WPARAM;
typedef intptr_t LPARAM;
typedef intptr_t LRESULT;

#define WTS_CURRENT_SERVER_HANDLE ((HANDLE)0)
#define WTS_CURRENT_SESSION ((DWORD)-1)
#define WTS_ANY_SESSION ((DWORD)-2)
#define WTS_NO_CONSOLE_SESSION ((DWORD)0xFFFFFFFF)

/* Win32 error codes the shim itself raises or tests for. */
#define WTS_ERROR_NOT_ENOUGH_MEMORY 8u
#define WTS_ERROR_INVALID_PARAMETER 87u
#define WTS_ERROR_INSUFFICIENT_BUFFER 122u
#define WTS_ERROR_PROC_NOT_FOUND 127u
#define WTS_ERROR_INVALID_DATA 13u

/* WTS_INFO_CLASS values the shim decodes itself (the rest pass through as numbers). */
#define WTS_INFO_CLIENT_ADDRESS 14
#define WTS_INFO_CLIENT_DISPLAY 15
#define WTS_INFO_SESSION_INFO 24
#define WTS_INFO_SESSION_INFO_EX 25
#define WTS_INFO_CLIENT_INFO 23
#define WTS_INFO_CONFIG_INFO 26
#define WTS_INFO_SESSION_ADDRESS_V4 28
#define WTS_INFO_IS_REMOTE_SESSION 29

/*
 * wtsapi32.h's lengths of the fixed-size text fields in WTSINFOW, WTSINFOEX_LEVEL1_W,
 * WTSCLIENTW and WTSCONFIGINFOW (the arrays are LENGTH or LENGTH + 1 units, as declared
 * below). Not to be confused with wtsdefs.h's WTS_USERNAME_LENGTH and WTS_DOMAIN_LENGTH (255):
 * the name limit WtsUsers checks user names against (MAX_NAME_CHARS).
 */
#define USERNAME_LENGTH 20
#define CLIENTNAME_LENGTH 20
#define DOMAIN_LENGTH 17
#define WINSTATIONNAME_LENGTH 32
#define CLIENTADDRESS_LENGTH 30
#define WTS_MAX_PATH 260

typedef struct WTS_SESSION_INFOW {
    DWORD SessionId;
    WCHAR *pWinStationName;
    DWORD State;
} WTS_SESSION_INFOW;

typedef struct WTS_SESSION_INFO_1W {
    DWORD ExecEnvId;
    DWORD State;
    DWORD SessionId;
    WCHAR *pSessionName;
    WCHAR *pHostName;
    WCHAR *pUserName;
    WCHAR *pDomainName;
    WCHAR *pFarmName;
} WTS_SESSION_INFO_1W;

typedef struct WTS_PROCESS_INFOW {
    DWORD SessionId;
    DWORD ProcessId;
    WCHAR *pProcessName;
    void *pUserSid;
} WTS_PROCESS_INFOW;

typedef struct WTS_PROCESS_INFO_EXW {
    DWORD SessionId;
    DWORD ProcessId;
    WCHAR *pProcessName;
    void *pUserSid;
    DWORD NumberOfThreads;
    DWORD HandleCount;
    DWORD PagefileUsage;
    DWORD PeakPagefileUsage;
    DWORD WorkingSetSize;
    DWORD PeakWorkingSetSize;
    LONGLONG UserTime;
    LONGLONG KernelTime;
} WTS_PROCESS_INFO_EXW;

typedef struct WTSINFOW {
    DWORD State;
    DWORD SessionId;
    DWORD IncomingBytes;
    DWORD OutgoingBytes;
    DWORD IncomingFrames;
    DWORD OutgoingFrames;
    DWORD IncomingCompressedBytes;
    DWORD OutgoingCompressedBytes;
    WCHAR WinStationName[WINSTATIONNAME_LENGTH];
    WCHAR Domain[DOMAIN_LENGTH];
    WCHAR UserName[USERNAME_LENGTH + 1];
    LONGLONG ConnectTime;
    LONGLONG DisconnectTime;
    LONGLONG LastInputTime;
    LONGLONG LogonTime;
    LONGLONG CurrentTime;
} WTSINFOW;

typedef struct WTSINFOEX_LEVEL1_W {
    DWORD SessionId;
    DWORD SessionState;
    int32_t SessionFlags;
    WCHAR WinStationName[WINSTATIONNAME_LENGTH + 1];
    WCHAR UserName[USERNAME_LENGTH + 1];
    WCHAR DomainName[DOMAIN_LENGTH + 1];
    LONGLONG LogonTime;
    LONGLONG ConnectTime;
    LONGLONG DisconnectTime;
    LONGLONG LastInputTime;
    LONGLONG CurrentTime;
    DWORD IncomingBytes;
    DWORD OutgoingBytes;
    DWORD IncomingFrames;
    DWORD OutgoingFrames;
    DWORD IncomingCompressedBytes;
    DWORD OutgoingCompressedBytes;
} WTSINFOEX_LEVEL1_W;

typedef struct WTSINFOEXW {
    DWORD Level;
    union {
        WTSINFOEX_LEVEL1_W WTSInfoExLevel1;
    } Data;
} WTSINFOEXW;

typedef struct WTS_CLIENT_ADDRESS {
    DWORD AddressFamily;
    BYTE Address[20];
} WTS_CLIENT_ADDRESS;

typedef struct WTS_CLIENT_DISPLAY {
    DWORD HorizontalResolution;
    DWORD VerticalResolution;
    DWORD ColorDepth;
} WTS_CLIENT_DISPLAY;

/* WTSClientInfo (23). ClientAddress: an IPv4 address as text ("10.0.0.5"), IPv6 as bytes. */
typedef struct WTSCLIENTW {
    WCHAR ClientName[CLIENTNAME_LENGTH + 1];
    WCHAR Domain[DOMAIN_LENGTH + 1];
    WCHAR UserName[USERNAME_LENGTH + 1];
    WCHAR WorkDirectory[WTS_MAX_PATH + 1];
    WCHAR InitialProgram[WTS_MAX_PATH + 1];
    BYTE EncryptionLevel;
    DWORD ClientAddressFamily;
    USHORT ClientAddress[CLIENTADDRESS_LENGTH + 1];
    USHORT HRes;
    USHORT VRes;
    USHORT ColorDepth;
    WCHAR ClientDirectory[WTS_MAX_PATH + 1];
    DWORD ClientBuildNumber;
    DWORD ClientHardwareId;
    USHORT ClientProductId;
    USHORT OutBufCountHost;
    USHORT OutBufCountClient;
    USHORT OutBufLength;
    WCHAR DeviceId[WTS_MAX_PATH + 1];
} WTSCLIENTW;

/* WTSConfigInfo (26). */
typedef struct WTSCONFIGINFOW {
    DWORD version;
    DWORD fConnectClientDrivesAtLogon;
    DWORD fConnectPrinterAtLogon;
    DWORD fDisablePrinterRedirection;
    DWORD fDisableDefaultMainClientPrinter;
    DWORD ShadowSettings;
    WCHAR LogonUserName[USERNAME_LENGTH + 1];
    WCHAR LogonDomain[DOMAIN_LENGTH + 1];
    WCHAR WorkDirectory[WTS_MAX_PATH + 1];
    WCHAR InitialProgram[WTS_MAX_PATH + 1];
    WCHAR ApplicationName[WTS_MAX_PATH + 1];
} WTSCONFIGINFOW;

/* WTSSessionAddressV4 (28): laid out as WTS_CLIENT_ADDRESS (IPv4 at Address[2]). */
typedef struct WTS_SESSION_ADDRESS {
    DWORD AddressFamily;
    BYTE Address[20];
} WTS_SESSION_ADDRESS;

typedef struct WTS_SERVER_INFOW {
    WCHAR *pServerName;
} WTS_SERVER_INFOW;

/* user32: what the session-event window needs. */
typedef LRESULT(WINAPI *WNDPROC)(HANDLE window, UINT message, WPARAM wParam, LPARAM lParam);

typedef struct POINT {
    int32_t x;
    int32_t y;
} POINT;

typedef struct MSG {
    HANDLE hwnd;
    UINT message;
    WPARAM wParam;
    LPARAM lParam;
    DWORD time;
    POINT pt;
    /* No lPrivate: winuser.h declares it only under _MAC (x86 MSG is 28 bytes, x64 48). */
} MSG;

typedef struct WNDCLASSEXW {
    UINT cbSize;
    UINT style;
    WNDPROC lpfnWndProc;
    int32_t cbClsExtra;
    int32_t cbWndExtra;
    HANDLE hInstance;
    HANDLE hIcon;
    HANDLE hCursor;
    HANDLE hbrBackground;
    const WCHAR *lpszMenuName;
    const WCHAR *lpszClassName;
    HANDLE hIconSm;
} WNDCLASSEXW;

/* Session events: WTSRegisterSessionNotification and WTSWaitSystemEvent. */
#define WTS_WM_QUIT 0x0012u
#define WTS_WM_WTSSESSION_CHANGE 0x02B1u
#define WTS_HWND_MESSAGE ((HANDLE)(intptr_t)-3)
#define WTS_EVENT_FLUSH 0x80000000u

/* WTSQueryUserConfigW / WTSSetUserConfigW: the WTSUserConfigUser class's structure. */
#define WTS_CONFIG_CLASS_USER 19
#define WTS_USER_CONFIG_DWORDS 13
#define WTS_USER_CONFIG_PATH 261 /* MAX_PATH + 1 */
#define WTS_USER_CONFIG_DRIVE 4  /* WTS_DRIVE_LENGTH + 1 */

typedef struct WTSUSERCONFIGW {
    DWORD Numbers[WTS_USER_CONFIG_DWORDS]; /* Source … TerminalServerRemoteHomeDir, in order */
    WCHAR InitialProgram[WTS_USER_CONFIG_PATH];
    WCHAR WorkDirectory[WTS_USER_CONFIG_PATH];
    WCHAR TerminalServerProfilePath[WTS_USER_CONFIG_PATH];
    WCHAR TerminalServerHomeDir[WTS_USER_CONFIG_PATH];
    WCHAR TerminalServerHomeDirDrive[WTS_USER_CONFIG_DRIVE];
} WTSUSERCONFIGW;

/* kernel32/advapi32: what starting a process in a user's session needs. */
typedef struct STARTUPINFOW {
    DWORD cb;
    WCHAR *lpReserved;
    WCHAR *lpDesktop;
    WCHAR *lpTitle;
    DWORD dwX;
    DWORD dwY;
    DWORD dwXSize;
    DWORD dwYSize;
    DWORD dwXCountChars;
    DWORD dwYCountChars;
    DWORD dwFillAttribute;
    DWORD dwFlags;
    uint16_t wShowWindow;
    uint16_t cbReserved2;
    BYTE *lpReserved2;
    HANDLE hStdInput;
    HANDLE hStdOutput;
    HANDLE hStdError;
} STARTUPINFOW;

/* advapi32: enabling a privilege of the caller's own token for one call. */
typedef struct LUID {
    DWORD LowPart;
    int32_t HighPart;
} LUID;

typedef struct LUID_AND_ATTRIBUTES {
    LUID Luid;
    DWORD Attributes;
} LUID_AND_ATTRIBUTES;

/* One privilege: all the shim ever adjusts at a time. */
typedef struct TOKEN_PRIVILEGES {
    DWORD PrivilegeCount;
    LUID_AND_ATTRIBUTES Privileges[1];
} TOKEN_PRIVILEGES;

#define SE_PRIVILEGE_ENABLED 0x00000002u
#define TOKEN_ADJUST_PRIVILEGES 0x0020u
#define TOKEN_QUERY 0x0008u
#define WTS_ERROR_NO_TOKEN 1008u
#define WTS_ERROR_NOT_ALL_ASSIGNED 1300u
#define WTS_ERROR_PRIVILEGE_NOT_HELD 1314u
/* GetNamedSecurityInfoW / SetNamedSecurityInfoW (aclapi.h, winnt.h). */
#define WTS_SE_FILE_OBJECT 1u
#define WTS_DACL_SECURITY_INFORMATION 0x00000004u
#define WTS_PROTECTED_DACL_SECURITY_INFORMATION 0x80000000u
/* Pseudo handles: no call, nothing to close. */
#define WTS_CURRENT_PROCESS ((HANDLE)(intptr_t)-1)
#define WTS_CURRENT_THREAD ((HANDLE)(intptr_t)-2)

typedef struct PROCESS_INFORMATION {
    HANDLE hProcess;
    HANDLE hThread;
    DWORD dwProcessId;
    DWORD dwThreadId;
} PROCESS_INFORMATION;

/* ---- Virtual channels (wtsapi32.h, pchannel.h, minwinbase.h) ---- */
/* WTS_VIRTUAL_CLASS for WTSVirtualChannelQuery. */
#define WTS_VIRTUAL_CLIENT_DATA 0
#define WTS_VIRTUAL_FILE_HANDLE 1
/* Win32 codes the channel natives test for. */
#define WTS_ERROR_IO_INCOMPLETE 996u
#define WTS_ERROR_IO_PENDING 997u
#define WTS_WAIT_TIMEOUT 258u
#define WTS_ERROR_TIMEOUT 1460u
#define WTS_ERROR_SEM_TIMEOUT 121u
#define WTS_DUPLICATE_SAME_ACCESS 0x00000002u

/* What overlapped ReadFile/WriteFile/GetOverlappedResult/CancelIoEx take; Java owns the
 * memory (a direct ByteBuffer) and keeps it alive until the operation completes. */
typedef struct OVERLAPPED {
    uintptr_t Internal;
    uintptr_t InternalHigh;
    DWORD Offset;
    DWORD OffsetHigh;
    HANDLE hEvent;
} OVERLAPPED;

/* Layout checks: sizes per pointer width, and the offsets that peers got wrong. */
#define WTS_ABI_CHECK(cond, what) _Static_assert(cond, what)
#define WTS_PTR64 (sizeof(void *) == 8)

WTS_ABI_CHECK(sizeof(WTS_SESSION_INFOW) == (WTS_PTR64 ? 24 : 12), "WTS_SESSION_INFOW size");
WTS_ABI_CHECK(sizeof(WTS_SESSION_INFO_1W) == (WTS_PTR64 ? 56 : 32), "WTS_SESSION_INFO_1W size");
WTS_ABI_CHECK(sizeof(WTS_PROCESS_INFOW) == (WTS_PTR64 ? 24 : 16), "WTS_PROCESS_INFOW size");
WTS_ABI_CHECK(sizeof(WTS_PROCESS_INFO_EXW) == (WTS_PTR64 ? 64 : 56), "WTS_PROCESS_INFO_EXW size");
WTS_ABI_CHECK(offsetof(WTS_PROCESS_INFO_EXW, UserTime) == (WTS_PTR64 ? 48 : 40),
              "WTS_PROCESS_INFO_EXW.UserTime offset");
WTS_ABI_CHECK(sizeof(WTSINFOW) == 216, "WTSINFOW size");
WTS_ABI_CHECK(offsetof(WTSINFOW, ConnectTime) == 176, "WTSINFOW.ConnectTime offset");
WTS_ABI_CHECK(sizeof(WTSINFOEX_LEVEL1_W) == 224, "WTSINFOEX_LEVEL1_W size");
WTS_ABI_CHECK(offsetof(WTSINFOEX_LEVEL1_W, LogonTime) == 160, "WTSINFOEX_LEVEL1_W.LogonTime offset");
WTS_ABI_CHECK(sizeof(WTSINFOEXW) == 232, "WTSINFOEXW size");
WTS_ABI_CHECK(offsetof(WTSINFOEXW, Data) == 8, "WTSINFOEXW.Data offset");
WTS_ABI_CHECK(sizeof(WTS_CLIENT_ADDRESS) == 24, "WTS_CLIENT_ADDRESS size");
WTS_ABI_CHECK(sizeof(WTS_CLIENT_DISPLAY) == 12, "WTS_CLIENT_DISPLAY size");
WTS_ABI_CHECK(sizeof(WTSCLIENTW) == 2304, "WTSCLIENTW size");
WTS_ABI_CHECK(offsetof(WTSCLIENTW, Domain) == 42, "WTSCLIENTW.Domain offset");
WTS_ABI_CHECK(offsetof(WTSCLIENTW, EncryptionLevel) == 1164, "WTSCLIENTW.EncryptionLevel offset");
WTS_ABI_CHECK(offsetof(WTSCLIENTW, ClientAddressFamily) == 1168, "WTSCLIENTW.ClientAddressFamily offset");
WTS_ABI_CHECK(offsetof(WTSCLIENTW, ClientAddress) == 1172, "WTSCLIENTW.ClientAddress offset");
WTS_ABI_CHECK(offsetof(WTSCLIENTW, HRes) == 1234, "WTSCLIENTW.HRes offset");
WTS_ABI_CHECK(offsetof(WTSCLIENTW, ClientDirectory) == 1240, "WTSCLIENTW.ClientDirectory offset");
WTS_ABI_CHECK(offsetof(WTSCLIENTW, ClientBuildNumber) == 1764, "WTSCLIENTW.ClientBuildNumber offset");
WTS_ABI_CHECK(offsetof(WTSCLIENTW, DeviceId) == 1780, "WTSCLIENTW.DeviceId offset");
WTS_ABI_CHECK(sizeof(WTSCONFIGINFOW) == 1668, "WTSCONFIGINFOW size");
WTS_ABI_CHECK(offsetof(WTSCONFIGINFOW, LogonUserName) == 24, "WTSCONFIGINFOW.LogonUserName offset");
WTS_ABI_CHECK(offsetof(WTSCONFIGINFOW, ApplicationName) == 1146, "WTSCONFIGINFOW.ApplicationName offset");
WTS_ABI_CHECK(sizeof(WTS_SESSION_ADDRESS) == 24, "WTS_SESSION_ADDRESS size");
WTS_ABI_CHECK(sizeof(WTS_SERVER_INFOW) == (WTS_PTR64 ? 8 : 4), "WTS_SERVER_INFOW size");
WTS_ABI_CHECK(sizeof(MSG) == (WTS_PTR64 ? 48 : 28), "MSG size");
WTS_ABI_CHECK(offsetof(MSG, pt) == (WTS_PTR64 ? 36 : 20), "MSG.pt offset");
WTS_ABI_CHECK(sizeof(WNDCLASSEXW) == (WTS_PTR64 ? 80 : 48), "WNDCLASSEXW size");
WTS_ABI_CHECK(sizeof(WTSUSERCONFIGW) == 2148, "WTSUSERCONFIGW size");
WTS_ABI_CHECK(offsetof(WTSUSERCONFIGW, InitialProgram) == 52, "WTSUSERCONFIGW.InitialProgram offset");
WTS_ABI_CHECK(sizeof(STARTUPINFOW) == (WTS_PTR64 ? 104 : 68), "STARTUPINFOW size");
WTS_ABI_CHECK(sizeof(PROCESS_INFORMATION) == (WTS_PTR64 ? 24 : 16), "PROCESS_INFORMATION size");
WTS_ABI_CHECK(sizeof(TOKEN_PRIVILEGES) == 16, "TOKEN_PRIVILEGES size");
WTS_ABI_CHECK(sizeof(OVERLAPPED) == (WTS_PTR64 ? 32 : 20), "OVERLAPPED size");
WTS_ABI_CHECK(offsetof(OVERLAPPED, hEvent) == (WTS_PTR64 ? 24 : 16), "OVERLAPPED.hEvent offset");

#endif /* WTS_ABI_H */
