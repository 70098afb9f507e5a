/*
 * The flat records that cross JNI: the one place that says which value goes in which slot of
 * the primitive arrays (and String[]s) the natives fill and Java reads back.
 *
 * Each table is an X-macro: one line per slot, in slot order,
 *
 *     X(p, NAME, Member)
 *
 * NAME names the slot on both sides; Member is the Windows structure member the value comes
 * from (or, for a length, the member it measures). From a table:
 *   - C: WTS_FLAT_LAYOUT(table, prefix, count) declares an enum of prefix##NAME = 0, 1, …
 *     and `count`, the number of slots; the decoders of plain copies expand the table
 *     itself (WTS_FLAT_COPY), so slot and member cannot part.
 *   - Java: io.github.wtsbridge.internal.FlatLayouts holds an int constant per slot named
 *     RECORD_NAME (SESSION_INFO_NUMBERS_LOGON_TIME for LOGON_TIME of
 *     WTS_FLAT_SESSION_INFO_NUMBERS) and RECORD_COUNT. That file is generated from this one
 *     and committed (Maven runs no generator: the build needs no step of its own, and an IDE
 *     sees plain sources); FlatLayoutsTest, run by every `mvn test`, regenerates it and fails,
 *     naming the record and the slot, when the two differ — a slot added, removed, moved or
 *     renamed here without regenerating, or the Java edited by hand. To regenerate:
 *     mvn -o -q test -Dtest=FlatLayoutsTest -Dwts.layouts.write=true (the test writes the
 *     file, then fails once so that the change is not missed).
 * Keep the format: the generator reads `#define WTS_FLAT_<RECORD>(X, p)` lines and the
 * `X(p, NAME, Member)` lines below each one, nothing else.
 */
#ifndef WTS_FLAT_LAYOUTS_H
#define WTS_FLAT_LAYOUTS_H

#define WTS_FLAT_SLOT_(p, name, member) p##name,
#define WTS_FLAT_LAYOUT(table, prefix, count) enum { table(WTS_FLAT_SLOT_, prefix) count }

/* WTSEnumerateSessionsW: int[] per session (WTS_SESSION_INFOW); names go flat (flat_names.h). */
#define WTS_FLAT_SESSION_LIST(X, p)        \
    X(p, SESSION_ID, SessionId)       \
    X(p, STATE, State)                \
    X(p, NAME_LENGTH, pWinStationName)

/* WTSEnumerateProcessesW: int[] per process (WTS_PROCESS_INFOW); names and SIDs go flat. */
#define WTS_FLAT_PROCESS_LIST(X, p)         \
    X(p, SESSION_ID, SessionId)        \
    X(p, PROCESS_ID, ProcessId)        \
    X(p, NAME_LENGTH, pProcessName)    \
    X(p, SID_LENGTH, pUserSid)

/* WTSSessionInfo (WTSINFOW): long[] numbers, String[] texts. */
#define WTS_FLAT_SESSION_INFO_NUMBERS(X, p)            \
    X(p, STATE, State)                                 \
    X(p, SESSION_ID, SessionId)                        \
    X(p, INCOMING_BYTES, IncomingBytes)                \
    X(p, OUTGOING_BYTES, OutgoingBytes)                \
    X(p, INCOMING_FRAMES, IncomingFrames)              \
    X(p, OUTGOING_FRAMES, OutgoingFrames)              \
    X(p, INCOMING_COMPRESSED_BYTES, IncomingCompressedBytes) \
    X(p, OUTGOING_COMPRESSED_BYTES, OutgoingCompressedBytes) \
    X(p, CONNECT_TIME, ConnectTime)                    \
    X(p, DISCONNECT_TIME, DisconnectTime)              \
    X(p, LAST_INPUT_TIME, LastInputTime)               \
    X(p, LOGON_TIME, LogonTime)                        \
    X(p, CURRENT_TIME, CurrentTime)

#define WTS_FLAT_SESSION_INFO_TEXTS(X, p)  \
    X(p, WIN_STATION_NAME, WinStationName) \
    X(p, DOMAIN, Domain)                   \
    X(p, USER_NAME, UserName)

/* WTSSessionInfoEx (WTSINFOEXW level 1, WTSINFOEX_LEVEL1_W): long[] numbers, String[] texts. */
#define WTS_FLAT_SESSION_INFO_EX_NUMBERS(X, p)         \
    X(p, SESSION_ID, SessionId)                        \
    X(p, STATE, SessionState)                          \
    X(p, SESSION_FLAGS, SessionFlags)                  \
    X(p, LOGON_TIME, LogonTime)                        \
    X(p, CONNECT_TIME, ConnectTime)                    \
    X(p, DISCONNECT_TIME, DisconnectTime)              \
    X(p, LAST_INPUT_TIME, LastInputTime)               \
    X(p, CURRENT_TIME, CurrentTime)                    \
    X(p, INCOMING_BYTES, IncomingBytes)                \
    X(p, OUTGOING_BYTES, OutgoingBytes)                \
    X(p, INCOMING_FRAMES, IncomingFrames)              \
    X(p, OUTGOING_FRAMES, OutgoingFrames)              \
    X(p, INCOMING_COMPRESSED_BYTES, IncomingCompressedBytes) \
    X(p, OUTGOING_COMPRESSED_BYTES, OutgoingCompressedBytes)

#define WTS_FLAT_SESSION_INFO_EX_TEXTS(X, p) \
    X(p, WIN_STATION_NAME, WinStationName)   \
    X(p, USER_NAME, UserName)                \
    X(p, DOMAIN_NAME, DomainName)

/* WTSClientInfo (WTSCLIENTW): long[] numbers, String[] texts; ClientAddress goes as raw bytes. */
#define WTS_FLAT_CLIENT_INFO_NUMBERS(X, p)         \
    X(p, ENCRYPTION_LEVEL, EncryptionLevel)        \
    X(p, ADDRESS_FAMILY, ClientAddressFamily)      \
    X(p, HORIZONTAL_RESOLUTION, HRes)              \
    X(p, VERTICAL_RESOLUTION, VRes)                \
    X(p, COLOR_DEPTH, ColorDepth)                  \
    X(p, BUILD_NUMBER, ClientBuildNumber)          \
    X(p, HARDWARE_ID, ClientHardwareId)            \
    X(p, PRODUCT_ID, ClientProductId)              \
    X(p, OUT_BUF_COUNT_HOST, OutBufCountHost)      \
    X(p, OUT_BUF_COUNT_CLIENT, OutBufCountClient)  \
    X(p, OUT_BUF_LENGTH, OutBufLength)

#define WTS_FLAT_CLIENT_INFO_TEXTS(X, p)     \
    X(p, CLIENT_NAME, ClientName)            \
    X(p, DOMAIN, Domain)                     \
    X(p, USER_NAME, UserName)                \
    X(p, WORK_DIRECTORY, WorkDirectory)      \
    X(p, INITIAL_PROGRAM, InitialProgram)    \
    X(p, CLIENT_DIRECTORY, ClientDirectory)  \
    X(p, DEVICE_ID, DeviceId)

/* WTSConfigInfo (WTSCONFIGINFOW): long[] numbers, String[] texts. */
#define WTS_FLAT_CONFIG_INFO_NUMBERS(X, p)                                  \
    X(p, VERSION, version)                                                  \
    X(p, CONNECT_CLIENT_DRIVES_AT_LOGON, fConnectClientDrivesAtLogon)       \
    X(p, CONNECT_PRINTER_AT_LOGON, fConnectPrinterAtLogon)                  \
    X(p, DISABLE_PRINTER_REDIRECTION, fDisablePrinterRedirection)           \
    X(p, DISABLE_DEFAULT_MAIN_CLIENT_PRINTER, fDisableDefaultMainClientPrinter) \
    X(p, SHADOW_SETTINGS, ShadowSettings)

#define WTS_FLAT_CONFIG_INFO_TEXTS(X, p)    \
    X(p, LOGON_USER_NAME, LogonUserName)    \
    X(p, LOGON_DOMAIN, LogonDomain)         \
    X(p, WORK_DIRECTORY, WorkDirectory)     \
    X(p, INITIAL_PROGRAM, InitialProgram)   \
    X(p, APPLICATION_NAME, ApplicationName)

/* WTSClientDisplay (WTS_CLIENT_DISPLAY): int[]. */
#define WTS_FLAT_CLIENT_DISPLAY(X, p)                    \
    X(p, HORIZONTAL_RESOLUTION, HorizontalResolution)    \
    X(p, VERTICAL_RESOLUTION, VerticalResolution)        \
    X(p, COLOR_DEPTH, ColorDepth)

/* WTSEnumerateProcessesExW level 1 (WTS_PROCESS_INFO_EXW): long[] per process; names go in a
 * String[], SIDs flat. */
#define WTS_FLAT_PROCESS_EX_LIST(X, p)                   \
    X(p, SESSION_ID, SessionId)                     \
    X(p, PROCESS_ID, ProcessId)                     \
    X(p, THREADS, NumberOfThreads)                  \
    X(p, HANDLES, HandleCount)                      \
    X(p, PAGEFILE_USAGE, PagefileUsage)             \
    X(p, PEAK_PAGEFILE_USAGE, PeakPagefileUsage)    \
    X(p, WORKING_SET_SIZE, WorkingSetSize)          \
    X(p, PEAK_WORKING_SET_SIZE, PeakWorkingSetSize) \
    X(p, USER_TIME, UserTime)                       \
    X(p, KERNEL_TIME, KernelTime)                   \
    X(p, SID_LENGTH, pUserSid)

/* WTSEnumerateSessionsExW level 1 (WTS_SESSION_INFO_1W): int[] and String[] per session. */
#define WTS_FLAT_SESSION_EX_LIST(X, p)       \
    X(p, EXEC_ENV_ID, ExecEnvId)        \
    X(p, STATE, State)                  \
    X(p, SESSION_ID, SessionId)

#define WTS_FLAT_SESSION_EX_LIST_TEXTS(X, p)  \
    X(p, SESSION_NAME, pSessionName)     \
    X(p, HOST_NAME, pHostName)           \
    X(p, USER_NAME, pUserName)           \
    X(p, DOMAIN_NAME, pDomainName)       \
    X(p, FARM_NAME, pFarmName)

/* WTSUserConfigUser (WTSUSERCONFIGW): int[] numbers (both ways), String[] texts. The members
 * are the SDK's; wts_abi.h holds the DWORDs as one array in this order. */
#define WTS_FLAT_USER_CONFIG_NUMBERS(X, p)                                 \
    X(p, SOURCE, Source)                                                   \
    X(p, INHERIT_INITIAL_PROGRAM, InheritInitialProgram)                   \
    X(p, ALLOW_LOGON, AllowLogonTerminalServer)                            \
    X(p, MAX_CONNECTION_TIME, TimeoutSettingsConnections)                  \
    X(p, MAX_DISCONNECTION_TIME, TimeoutSettingsDisconnections)            \
    X(p, MAX_IDLE_TIME, TimeoutSettingsIdle)                               \
    X(p, CLIENT_DRIVES, DeviceClientDrives)                                \
    X(p, CLIENT_PRINTERS, DeviceClientPrinters)                            \
    X(p, CLIENT_DEFAULT_PRINTER, ClientDefaultPrinter)                     \
    X(p, BROKEN_CONNECTION_ACTION, BrokenTimeoutSettings)                  \
    X(p, RECONNECT, ReconnectSettings)                                     \
    X(p, SHADOWING, ShadowingSettings)                                     \
    X(p, REMOTE_HOME_DIRECTORY, TerminalServerRemoteHomeDir)

#define WTS_FLAT_USER_CONFIG_TEXTS(X, p)                     \
    X(p, INITIAL_PROGRAM, InitialProgram)                    \
    X(p, WORK_DIRECTORY, WorkDirectory)                      \
    X(p, PROFILE_PATH, TerminalServerProfilePath)            \
    X(p, HOME_DIRECTORY, TerminalServerHomeDir)              \
    X(p, HOME_DIRECTORY_DRIVE, TerminalServerHomeDirDrive)

WTS_FLAT_LAYOUT(WTS_FLAT_SESSION_LIST, WTS_SESSION_LIST_, WTS_SESSION_LIST_VALUES);
WTS_FLAT_LAYOUT(WTS_FLAT_PROCESS_LIST, WTS_PROCESS_LIST_, WTS_PROCESS_LIST_VALUES);
WTS_FLAT_LAYOUT(WTS_FLAT_SESSION_INFO_NUMBERS, WTS_SESSION_INFO_, WTS_SESSION_INFO_NUMBERS);
WTS_FLAT_LAYOUT(WTS_FLAT_SESSION_INFO_TEXTS, WTS_SESSION_INFO_TEXT_, WTS_SESSION_INFO_TEXTS);
WTS_FLAT_LAYOUT(WTS_FLAT_SESSION_INFO_EX_NUMBERS, WTS_SESSION_INFO_EX_, WTS_SESSION_INFO_EX_NUMBERS);
WTS_FLAT_LAYOUT(WTS_FLAT_SESSION_INFO_EX_TEXTS, WTS_SESSION_INFO_EX_TEXT_, WTS_SESSION_INFO_EX_TEXTS);
WTS_FLAT_LAYOUT(WTS_FLAT_CLIENT_INFO_NUMBERS, WTS_CLIENT_INFO_, WTS_CLIENT_INFO_NUMBERS);
WTS_FLAT_LAYOUT(WTS_FLAT_CLIENT_INFO_TEXTS, WTS_CLIENT_INFO_TEXT_, WTS_CLIENT_INFO_TEXTS);
WTS_FLAT_LAYOUT(WTS_FLAT_CONFIG_INFO_NUMBERS, WTS_CONFIG_INFO_, WTS_CONFIG_INFO_NUMBERS);
WTS_FLAT_LAYOUT(WTS_FLAT_CONFIG_INFO_TEXTS, WTS_CONFIG_INFO_TEXT_, WTS_CONFIG_INFO_TEXTS);
WTS_FLAT_LAYOUT(WTS_FLAT_CLIENT_DISPLAY, WTS_CLIENT_DISPLAY_, WTS_CLIENT_DISPLAY_VALUES);
WTS_FLAT_LAYOUT(WTS_FLAT_PROCESS_EX_LIST, WTS_PROCESS_EX_, WTS_PROCESS_EX_VALUES);
WTS_FLAT_LAYOUT(WTS_FLAT_SESSION_EX_LIST, WTS_SESSION_EX_, WTS_SESSION_EX_VALUES);
WTS_FLAT_LAYOUT(WTS_FLAT_SESSION_EX_LIST_TEXTS, WTS_SESSION_EX_TEXT_, WTS_SESSION_EX_TEXTS);
WTS_FLAT_LAYOUT(WTS_FLAT_USER_CONFIG_NUMBERS, WTS_USER_CONFIG_, WTS_USER_CONFIG_NUMBERS);
WTS_FLAT_LAYOUT(WTS_FLAT_USER_CONFIG_TEXTS, WTS_USER_CONFIG_TEXT_, WTS_USER_CONFIG_TEXTS);

/* Copies the members of a table from *record into numbers[prefix##NAME]:
 * `table(WTS_FLAT_COPY, prefix)` with `record` and `numbers` in scope. */
#define WTS_FLAT_COPY(p, name, member) numbers[p##name] = record->member;

#endif /* WTS_FLAT_LAYOUTS_H */
