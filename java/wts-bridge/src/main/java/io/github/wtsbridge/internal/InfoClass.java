package io.github.wtsbridge.internal;

/** WTS_INFO_CLASS values (wtsapi32.h), as the natives take them. */
public final class InfoClass {
    public static final int INITIAL_PROGRAM = 0;
    public static final int APPLICATION_NAME = 1;
    public static final int WORKING_DIRECTORY = 2;
    public static final int OEM_ID = 3;
    public static final int SESSION_ID = 4;
    public static final int USER_NAME = 5;
    public static final int WIN_STATION_NAME = 6;
    public static final int DOMAIN_NAME = 7;
    public static final int CONNECT_STATE = 8;
    public static final int CLIENT_BUILD_NUMBER = 9;
    public static final int CLIENT_NAME = 10;
    public static final int CLIENT_DIRECTORY = 11;
    public static final int CLIENT_PRODUCT_ID = 12;
    public static final int CLIENT_HARDWARE_ID = 13;
    public static final int CLIENT_ADDRESS = 14;
    public static final int CLIENT_DISPLAY = 15;
    public static final int CLIENT_PROTOCOL_TYPE = 16;
    public static final int IDLE_TIME = 17;
    public static final int LOGON_TIME = 18;
    public static final int INCOMING_BYTES = 19;
    public static final int OUTGOING_BYTES = 20;
    public static final int INCOMING_FRAMES = 21;
    public static final int OUTGOING_FRAMES = 22;
    public static final int CLIENT_INFO = 23;
    public static final int SESSION_INFO = 24;
    public static final int SESSION_INFO_EX = 25;
    public static final int CONFIG_INFO = 26;
    public static final int VALIDATION_INFO = 27;
    public static final int SESSION_ADDRESS_V4 = 28;
    public static final int IS_REMOTE_SESSION = 29;

    private InfoClass() {
    }
}
