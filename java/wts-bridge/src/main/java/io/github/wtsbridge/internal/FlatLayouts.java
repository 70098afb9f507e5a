package io.github.wtsbridge.internal;

/**
 * The slots of the flat records the natives fill: GENERATED from native/include/flat_layouts.h,
 * one constant per slot, named TABLE_SLOT (WTS_FLAT_SESSION_INFO_NUMBERS' LOGON_TIME is
 * SESSION_INFO_NUMBERS_LOGON_TIME), and TABLE_COUNT, the slots per record. One class of
 * compile-time constants: javac inlines them, nothing loads it. Do not edit: change the
 * table, then run {@code mvn -o -q test -Dtest=FlatLayoutsTest -Dwts.layouts.write=true};
 * FlatLayoutsTest fails, naming the slot, while this file and the table differ.
 */
public final class FlatLayouts {
    private FlatLayouts() {
    }

    // WTS_FLAT_SESSION_LIST
    /** SessionId. */
    public static final int SESSION_LIST_SESSION_ID = 0;
    /** State. */
    public static final int SESSION_LIST_STATE = 1;
    /** pWinStationName. */
    public static final int SESSION_LIST_NAME_LENGTH = 2;
    /** Slots per record. */
    public static final int SESSION_LIST_COUNT = 3;

    // WTS_FLAT_PROCESS_LIST
    /** SessionId. */
    public static final int PROCESS_LIST_SESSION_ID = 0;
    /** ProcessId. */
    public static final int PROCESS_LIST_PROCESS_ID = 1;
    /** pProcessName. */
    public static final int PROCESS_LIST_NAME_LENGTH = 2;
    /** pUserSid. */
    public static final int PROCESS_LIST_SID_LENGTH = 3;
    /** Slots per record. */
    public static final int PROCESS_LIST_COUNT = 4;

    // WTS_FLAT_SESSION_INFO_NUMBERS
    /** State. */
    public static final int SESSION_INFO_NUMBERS_STATE = 0;
    /** SessionId. */
    public static final int SESSION_INFO_NUMBERS_SESSION_ID = 1;
    /** IncomingBytes. */
    public static final int SESSION_INFO_NUMBERS_INCOMING_BYTES = 2;
    /** OutgoingBytes. */
    public static final int SESSION_INFO_NUMBERS_OUTGOING_BYTES = 3;
    /** IncomingFrames. */
    public static final int SESSION_INFO_NUMBERS_INCOMING_FRAMES = 4;
    /** OutgoingFrames. */
    public static final int SESSION_INFO_NUMBERS_OUTGOING_FRAMES = 5;
    /** IncomingCompressedBytes. */
    public static final int SESSION_INFO_NUMBERS_INCOMING_COMPRESSED_BYTES = 6;
    /** OutgoingCompressedBytes. */
    public static final int SESSION_INFO_NUMBERS_OUTGOING_COMPRESSED_BYTES = 7;
    /** ConnectTime. */
    public static final int SESSION_INFO_NUMBERS_CONNECT_TIME = 8;
    /** DisconnectTime. */
    public static final int SESSION_INFO_NUMBERS_DISCONNECT_TIME = 9;
    /** LastInputTime. */
    public static final int SESSION_INFO_NUMBERS_LAST_INPUT_TIME = 10;
    /** LogonTime. */
    public static final int SESSION_INFO_NUMBERS_LOGON_TIME = 11;
    /** CurrentTime. */
    public static final int SESSION_INFO_NUMBERS_CURRENT_TIME = 12;
    /** Slots per record. */
    public static final int SESSION_INFO_NUMBERS_COUNT = 13;

    // WTS_FLAT_SESSION_INFO_TEXTS
    /** WinStationName. */
    public static final int SESSION_INFO_TEXTS_WIN_STATION_NAME = 0;
    /** Domain. */
    public static final int SESSION_INFO_TEXTS_DOMAIN = 1;
    /** UserName. */
    public static final int SESSION_INFO_TEXTS_USER_NAME = 2;
    /** Slots per record. */
    public static final int SESSION_INFO_TEXTS_COUNT = 3;

    // WTS_FLAT_SESSION_INFO_EX_NUMBERS
    /** SessionId. */
    public static final int SESSION_INFO_EX_NUMBERS_SESSION_ID = 0;
    /** SessionState. */
    public static final int SESSION_INFO_EX_NUMBERS_STATE = 1;
    /** SessionFlags. */
    public static final int SESSION_INFO_EX_NUMBERS_SESSION_FLAGS = 2;
    /** LogonTime. */
    public static final int SESSION_INFO_EX_NUMBERS_LOGON_TIME = 3;
    /** ConnectTime. */
    public static final int SESSION_INFO_EX_NUMBERS_CONNECT_TIME = 4;
    /** DisconnectTime. */
    public static final int SESSION_INFO_EX_NUMBERS_DISCONNECT_TIME = 5;
    /** LastInputTime. */
    public static final int SESSION_INFO_EX_NUMBERS_LAST_INPUT_TIME = 6;
    /** CurrentTime. */
    public static final int SESSION_INFO_EX_NUMBERS_CURRENT_TIME = 7;
    /** IncomingBytes. */
    public static final int SESSION_INFO_EX_NUMBERS_INCOMING_BYTES = 8;
    /** OutgoingBytes. */
    public static final int SESSION_INFO_EX_NUMBERS_OUTGOING_BYTES = 9;
    /** IncomingFrames. */
    public static final int SESSION_INFO_EX_NUMBERS_INCOMING_FRAMES = 10;
    /** OutgoingFrames. */
    public static final int SESSION_INFO_EX_NUMBERS_OUTGOING_FRAMES = 11;
    /** IncomingCompressedBytes. */
    public static final int SESSION_INFO_EX_NUMBERS_INCOMING_COMPRESSED_BYTES = 12;
    /** OutgoingCompressedBytes. */
    public static final int SESSION_INFO_EX_NUMBERS_OUTGOING_COMPRESSED_BYTES = 13;
    /** Slots per record. */
    public static final int SESSION_INFO_EX_NUMBERS_COUNT = 14;

    // WTS_FLAT_SESSION_INFO_EX_TEXTS
    /** WinStationName. */
    public static final int SESSION_INFO_EX_TEXTS_WIN_STATION_NAME = 0;
    /** UserName. */
    public static final int SESSION_INFO_EX_TEXTS_USER_NAME = 1;
    /** DomainName. */
    public static final int SESSION_INFO_EX_TEXTS_DOMAIN_NAME = 2;
    /** Slots per record. */
    public static final int SESSION_INFO_EX_TEXTS_COUNT = 3;

    // WTS_FLAT_CLIENT_INFO_NUMBERS
    /** EncryptionLevel. */
    public static final int CLIENT_INFO_NUMBERS_ENCRYPTION_LEVEL = 0;
    /** ClientAddressFamily. */
    public static final int CLIENT_INFO_NUMBERS_ADDRESS_FAMILY = 1;
    /** HRes. */
    public static final int CLIENT_INFO_NUMBERS_HORIZONTAL_RESOLUTION = 2;
    /** VRes. */
    public static final int CLIENT_INFO_NUMBERS_VERTICAL_RESOLUTION = 3;
    /** ColorDepth. */
    public static final int CLIENT_INFO_NUMBERS_COLOR_DEPTH = 4;
    /** ClientBuildNumber. */
    public static final int CLIENT_INFO_NUMBERS_BUILD_NUMBER = 5;
    /** ClientHardwareId. */
    public static final int CLIENT_INFO_NUMBERS_HARDWARE_ID = 6;
    /** ClientProductId. */
    public static final int CLIENT_INFO_NUMBERS_PRODUCT_ID = 7;
    /** OutBufCountHost. */
    public static final int CLIENT_INFO_NUMBERS_OUT_BUF_COUNT_HOST = 8;
    /** OutBufCountClient. */
    public static final int CLIENT_INFO_NUMBERS_OUT_BUF_COUNT_CLIENT = 9;
    /** OutBufLength. */
    public static final int CLIENT_INFO_NUMBERS_OUT_BUF_LENGTH = 10;
    /** Slots per record. */
    public static final int CLIENT_INFO_NUMBERS_COUNT = 11;

    // WTS_FLAT_CLIENT_INFO_TEXTS
    /** ClientName. */
    public static final int CLIENT_INFO_TEXTS_CLIENT_NAME = 0;
    /** Domain. */
    public static final int CLIENT_INFO_TEXTS_DOMAIN = 1;
    /** UserName. */
    public static final int CLIENT_INFO_TEXTS_USER_NAME = 2;
    /** WorkDirectory. */
    public static final int CLIENT_INFO_TEXTS_WORK_DIRECTORY = 3;
    /** InitialProgram. */
    public static final int CLIENT_INFO_TEXTS_INITIAL_PROGRAM = 4;
    /** ClientDirectory. */
    public static final int CLIENT_INFO_TEXTS_CLIENT_DIRECTORY = 5;
    /** DeviceId. */
    public static final int CLIENT_INFO_TEXTS_DEVICE_ID = 6;
    /** Slots per record. */
    public static final int CLIENT_INFO_TEXTS_COUNT = 7;

    // WTS_FLAT_CONFIG_INFO_NUMBERS
    /** version. */
    public static final int CONFIG_INFO_NUMBERS_VERSION = 0;
    /** fConnectClientDrivesAtLogon. */
    public static final int CONFIG_INFO_NUMBERS_CONNECT_CLIENT_DRIVES_AT_LOGON = 1;
    /** fConnectPrinterAtLogon. */
    public static final int CONFIG_INFO_NUMBERS_CONNECT_PRINTER_AT_LOGON = 2;
    /** fDisablePrinterRedirection. */
    public static final int CONFIG_INFO_NUMBERS_DISABLE_PRINTER_REDIRECTION = 3;
    /** fDisableDefaultMainClientPrinter. */
    public static final int CONFIG_INFO_NUMBERS_DISABLE_DEFAULT_MAIN_CLIENT_PRINTER = 4;
    /** ShadowSettings. */
    public static final int CONFIG_INFO_NUMBERS_SHADOW_SETTINGS = 5;
    /** Slots per record. */
    public static final int CONFIG_INFO_NUMBERS_COUNT = 6;

    // WTS_FLAT_CONFIG_INFO_TEXTS
    /** LogonUserName. */
    public static final int CONFIG_INFO_TEXTS_LOGON_USER_NAME = 0;
    /** LogonDomain. */
    public static final int CONFIG_INFO_TEXTS_LOGON_DOMAIN = 1;
    /** WorkDirectory. */
    public static final int CONFIG_INFO_TEXTS_WORK_DIRECTORY = 2;
    /** InitialProgram. */
    public static final int CONFIG_INFO_TEXTS_INITIAL_PROGRAM = 3;
    /** ApplicationName. */
    public static final int CONFIG_INFO_TEXTS_APPLICATION_NAME = 4;
    /** Slots per record. */
    public static final int CONFIG_INFO_TEXTS_COUNT = 5;

    // WTS_FLAT_CLIENT_DISPLAY
    /** HorizontalResolution. */
    public static final int CLIENT_DISPLAY_HORIZONTAL_RESOLUTION = 0;
    /** VerticalResolution. */
    public static final int CLIENT_DISPLAY_VERTICAL_RESOLUTION = 1;
    /** ColorDepth. */
    public static final int CLIENT_DISPLAY_COLOR_DEPTH = 2;
    /** Slots per record. */
    public static final int CLIENT_DISPLAY_COUNT = 3;

    // WTS_FLAT_PROCESS_EX_LIST
    /** SessionId. */
    public static final int PROCESS_EX_LIST_SESSION_ID = 0;
    /** ProcessId. */
    public static final int PROCESS_EX_LIST_PROCESS_ID = 1;
    /** NumberOfThreads. */
    public static final int PROCESS_EX_LIST_THREADS = 2;
    /** HandleCount. */
    public static final int PROCESS_EX_LIST_HANDLES = 3;
    /** PagefileUsage. */
    public static final int PROCESS_EX_LIST_PAGEFILE_USAGE = 4;
    /** PeakPagefileUsage. */
    public static final int PROCESS_EX_LIST_PEAK_PAGEFILE_USAGE = 5;
    /** WorkingSetSize. */
    public static final int PROCESS_EX_LIST_WORKING_SET_SIZE = 6;
    /** PeakWorkingSetSize. */
    public static final int PROCESS_EX_LIST_PEAK_WORKING_SET_SIZE = 7;
    /** UserTime. */
    public static final int PROCESS_EX_LIST_USER_TIME = 8;
    /** KernelTime. */
    public static final int PROCESS_EX_LIST_KERNEL_TIME = 9;
    /** pUserSid. */
    public static final int PROCESS_EX_LIST_SID_LENGTH = 10;
    /** Slots per record. */
    public static final int PROCESS_EX_LIST_COUNT = 11;

    // WTS_FLAT_SESSION_EX_LIST
    /** ExecEnvId. */
    public static final int SESSION_EX_LIST_EXEC_ENV_ID = 0;
    /** State. */
    public static final int SESSION_EX_LIST_STATE = 1;
    /** SessionId. */
    public static final int SESSION_EX_LIST_SESSION_ID = 2;
    /** Slots per record. */
    public static final int SESSION_EX_LIST_COUNT = 3;

    // WTS_FLAT_SESSION_EX_LIST_TEXTS
    /** pSessionName. */
    public static final int SESSION_EX_LIST_TEXTS_SESSION_NAME = 0;
    /** pHostName. */
    public static final int SESSION_EX_LIST_TEXTS_HOST_NAME = 1;
    /** pUserName. */
    public static final int SESSION_EX_LIST_TEXTS_USER_NAME = 2;
    /** pDomainName. */
    public static final int SESSION_EX_LIST_TEXTS_DOMAIN_NAME = 3;
    /** pFarmName. */
    public static final int SESSION_EX_LIST_TEXTS_FARM_NAME = 4;
    /** Slots per record. */
    public static final int SESSION_EX_LIST_TEXTS_COUNT = 5;

    // WTS_FLAT_USER_CONFIG_NUMBERS
    /** Source. */
    public static final int USER_CONFIG_NUMBERS_SOURCE = 0;
    /** InheritInitialProgram. */
    public static final int USER_CONFIG_NUMBERS_INHERIT_INITIAL_PROGRAM = 1;
    /** AllowLogonTerminalServer. */
    public static final int USER_CONFIG_NUMBERS_ALLOW_LOGON = 2;
    /** TimeoutSettingsConnections. */
    public static final int USER_CONFIG_NUMBERS_MAX_CONNECTION_TIME = 3;
    /** TimeoutSettingsDisconnections. */
    public static final int USER_CONFIG_NUMBERS_MAX_DISCONNECTION_TIME = 4;
    /** TimeoutSettingsIdle. */
    public static final int USER_CONFIG_NUMBERS_MAX_IDLE_TIME = 5;
    /** DeviceClientDrives. */
    public static final int USER_CONFIG_NUMBERS_CLIENT_DRIVES = 6;
    /** DeviceClientPrinters. */
    public static final int USER_CONFIG_NUMBERS_CLIENT_PRINTERS = 7;
    /** ClientDefaultPrinter. */
    public static final int USER_CONFIG_NUMBERS_CLIENT_DEFAULT_PRINTER = 8;
    /** BrokenTimeoutSettings. */
    public static final int USER_CONFIG_NUMBERS_BROKEN_CONNECTION_ACTION = 9;
    /** ReconnectSettings. */
    public static final int USER_CONFIG_NUMBERS_RECONNECT = 10;
    /** ShadowingSettings. */
    public static final int USER_CONFIG_NUMBERS_SHADOWING = 11;
    /** TerminalServerRemoteHomeDir. */
    public static final int USER_CONFIG_NUMBERS_REMOTE_HOME_DIRECTORY = 12;
    /** Slots per record. */
    public static final int USER_CONFIG_NUMBERS_COUNT = 13;

    // WTS_FLAT_USER_CONFIG_TEXTS
    /** InitialProgram. */
    public static final int USER_CONFIG_TEXTS_INITIAL_PROGRAM = 0;
    /** WorkDirectory. */
    public static final int USER_CONFIG_TEXTS_WORK_DIRECTORY = 1;
    /** TerminalServerProfilePath. */
    public static final int USER_CONFIG_TEXTS_PROFILE_PATH = 2;
    /** TerminalServerHomeDir. */
    public static final int USER_CONFIG_TEXTS_HOME_DIRECTORY = 3;
    /** TerminalServerHomeDirDrive. */
    public static final int USER_CONFIG_TEXTS_HOME_DIRECTORY_DRIVE = 4;
    /** Slots per record. */
    public static final int USER_CONFIG_TEXTS_COUNT = 5;
}
