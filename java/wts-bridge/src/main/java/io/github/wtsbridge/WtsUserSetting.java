package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.UserConfigNative;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * One per-user Remote Desktop setting (a WTS_CONFIG_CLASS value), typed: read any of them with
 * {@link WtsServer#userConfig(String, WtsUserSetting)}; write the {@link Writable} ones
 * with {@link WtsServer#setUserConfig(String, WtsUserSetting.Writable, Object)}.
 * {@link #ALL} lists every class Windows documents except WTSUserConfigUser, which is the
 * {@link WtsUserConfig} record; {@link #WRITABLE} the ones WTSSetUserConfigW takes.
 *
 * <p>Read-only: {@link #REMOTE_HOME_DIRECTORY} (WTSUserConfigfTerminalServerRemoteHomeDir),
 * which Microsoft's WTS_CONFIG_CLASS page says "cannot be used with WTSSetUserConfig"; it is
 * a plain {@code WtsUserSetting}, so passing it to {@code setConfig} does not compile. It is
 * the only class that page marks so. Windows derives it from the home directory: a UNC
 * {@link #HOME_DIRECTORY} mapped to a {@link #HOME_DIRECTORY_DRIVE} reads back as remote.
 *
 * @param <T> String for paths and names, Boolean for on/off flags, Duration for the timers
 *            (Windows keeps milliseconds; {@link Duration#ZERO} means no limit), an enum where
 *            Windows has named values
 */
public sealed class WtsUserSetting<T> permits WtsUserSetting.Writable {
    enum Kind { TEXT, NUMBER }

    /** WTSUserConfigInitialProgram: the program started at logon instead of the desktop. */
    public static final Writable<String> INITIAL_PROGRAM = text("INITIAL_PROGRAM", 0, UserConfigNative.PATH_CHARS);
    /** WTSUserConfigWorkingDirectory: the initial program's working directory. */
    public static final Writable<String> WORKING_DIRECTORY = text("WORKING_DIRECTORY", 1, UserConfigNative.PATH_CHARS);
    /** WTSUserConfigfInheritInitialProgram: the client may name the initial program. */
    public static final Writable<Boolean> INHERIT_INITIAL_PROGRAM = flag("INHERIT_INITIAL_PROGRAM", 2);
    /** WTSUserConfigfAllowLogonTerminalServer: the user may log on to an RD Session Host. */
    public static final Writable<Boolean> ALLOW_LOGON = flag("ALLOW_LOGON", 3);
    /** WTSUserConfigTimeoutSettingsConnections: longest connection; ZERO = no limit. */
    public static final Writable<Duration> MAX_CONNECTION_TIME = millis("MAX_CONNECTION_TIME", 4);
    /** WTSUserConfigTimeoutSettingsDisconnections: how long a disconnected session is kept; ZERO = no limit. */
    public static final Writable<Duration> MAX_DISCONNECTION_TIME = millis("MAX_DISCONNECTION_TIME", 5);
    /** WTSUserConfigTimeoutSettingsIdle: longest idle time; ZERO = no limit. */
    public static final Writable<Duration> MAX_IDLE_TIME = millis("MAX_IDLE_TIME", 6);
    /** WTSUserConfigfDeviceClientDrives: map the client's drives at logon. */
    public static final Writable<Boolean> CLIENT_DRIVES = flag("CLIENT_DRIVES", 7);
    /** WTSUserConfigfDeviceClientPrinters: map the client's printers at logon. */
    public static final Writable<Boolean> CLIENT_PRINTERS = flag("CLIENT_PRINTERS", 8);
    /** WTSUserConfigfDeviceClientDefaultPrinter: print to the client's default printer. */
    public static final Writable<Boolean> CLIENT_DEFAULT_PRINTER = flag("CLIENT_DEFAULT_PRINTER", 9);
    /** WTSUserConfigBrokenTimeoutSettings: what a timer running out does. */
    public static final Writable<WtsBrokenConnectionAction> BROKEN_CONNECTION_ACTION = new Writable<>(
            "BROKEN_CONNECTION_ACTION", 10, WtsBrokenConnectionAction.class, Kind.NUMBER, 0,
            WtsBrokenConnectionAction::of, a -> known(a.code(), a));
    /** WTSUserConfigReconnectSettings: which clients may reconnect. */
    public static final Writable<WtsReconnectPolicy> RECONNECT = new Writable<>(
            "RECONNECT", 11, WtsReconnectPolicy.class, Kind.NUMBER, 0,
            WtsReconnectPolicy::of, a -> known(a.code(), a));
    /** WTSUserConfigModemCallbackSettings: dial-up callback. */
    public static final Writable<WtsModemCallback> MODEM_CALLBACK = new Writable<>(
            "MODEM_CALLBACK", 12, WtsModemCallback.class, Kind.NUMBER, 0,
            WtsModemCallback::of, a -> known(a.code(), a));
    /** WTSUserConfigModemCallbackPhoneNumber: the number a FIXED callback dials. */
    public static final Writable<String> MODEM_CALLBACK_PHONE_NUMBER = text("MODEM_CALLBACK_PHONE_NUMBER", 13, UserConfigNative.PATH_CHARS);
    /** WTSUserConfigShadowingSettings: remote control of the user's sessions. */
    public static final Writable<WtsShadowing> SHADOWING = new Writable<>(
            "SHADOWING", 14, WtsShadowing.class, Kind.NUMBER, 0,
            WtsShadowing::of, a -> known(a.code(), a));
    /** WTSUserConfigTerminalServerProfilePath: the roaming profile used on RD Session Hosts. */
    public static final Writable<String> PROFILE_PATH = text("PROFILE_PATH", 15, UserConfigNative.PATH_CHARS);
    /** WTSUserConfigTerminalServerHomeDir: the home directory on RD Session Hosts. */
    public static final Writable<String> HOME_DIRECTORY = text("HOME_DIRECTORY", 16, UserConfigNative.PATH_CHARS);
    /** WTSUserConfigTerminalServerHomeDirDrive: the drive a remote home directory is mapped to, e.g. {@code H:}. */
    public static final Writable<String> HOME_DIRECTORY_DRIVE = text("HOME_DIRECTORY_DRIVE", 17, UserConfigNative.DRIVE_CHARS);
    /**
     * WTSUserConfigfTerminalServerRemoteHomeDir: the home directory is a network share (mapped
     * to the drive). Read-only: Microsoft documents that WTSSetUserConfigW does not take it.
     */
    public static final WtsUserSetting<Boolean> REMOTE_HOME_DIRECTORY = new WtsUserSetting<>(
            "REMOTE_HOME_DIRECTORY", 18, Boolean.class, Kind.NUMBER, 0, v -> v != 0, null);

    /** Every setting, in WTS_CONFIG_CLASS order. */
    public static final List<WtsUserSetting<?>> ALL = List.of(INITIAL_PROGRAM, WORKING_DIRECTORY,
            INHERIT_INITIAL_PROGRAM, ALLOW_LOGON, MAX_CONNECTION_TIME, MAX_DISCONNECTION_TIME, MAX_IDLE_TIME,
            CLIENT_DRIVES, CLIENT_PRINTERS, CLIENT_DEFAULT_PRINTER, BROKEN_CONNECTION_ACTION, RECONNECT,
            MODEM_CALLBACK, MODEM_CALLBACK_PHONE_NUMBER, SHADOWING, PROFILE_PATH, HOME_DIRECTORY,
            HOME_DIRECTORY_DRIVE, REMOTE_HOME_DIRECTORY);

    /** The settings WTSSetUserConfigW takes: {@link #ALL} without {@link #REMOTE_HOME_DIRECTORY}. */
    public static final List<Writable<?>> WRITABLE = List.of(INITIAL_PROGRAM, WORKING_DIRECTORY,
            INHERIT_INITIAL_PROGRAM, ALLOW_LOGON, MAX_CONNECTION_TIME, MAX_DISCONNECTION_TIME, MAX_IDLE_TIME,
            CLIENT_DRIVES, CLIENT_PRINTERS, CLIENT_DEFAULT_PRINTER, BROKEN_CONNECTION_ACTION, RECONNECT,
            MODEM_CALLBACK, MODEM_CALLBACK_PHONE_NUMBER, SHADOWING, PROFILE_PATH, HOME_DIRECTORY,
            HOME_DIRECTORY_DRIVE);

    /**
     * A setting that WTSSetUserConfigW takes: every one but {@link #REMOTE_HOME_DIRECTORY}.
     *
     * @param <T> the value's type, as for {@link WtsUserSetting}
     */
    public static final class Writable<T> extends WtsUserSetting<T> {
        private Writable(String name, int configClass, Class<T> type, Kind kind, int maxChars,
                         IntFunction<T> decode, ToIntFunction<T> encode) {
            super(name, configClass, type, kind, maxChars, decode, encode);
        }

        /** Checks a value and returns the DWORD to write (for number settings). */
        int encode(T value) {
            return encode.applyAsInt(type().cast(Objects.requireNonNull(value, "value")));
        }

        /** Checks a text value (non-null, no NUL, within the field Windows keeps it in). */
        String checkText(String value) {
            return Checks.text(value, name(), maxChars);
        }
    }

    private final String name;
    private final int configClass;
    private final Class<T> type;
    private final Kind kind;
    final int maxChars;
    private final IntFunction<T> decode;
    final ToIntFunction<T> encode;

    private WtsUserSetting(String name, int configClass, Class<T> type, Kind kind, int maxChars,
                           IntFunction<T> decode, ToIntFunction<T> encode) {
        this.name = name;
        this.configClass = configClass;
        this.type = type;
        this.kind = kind;
        this.maxChars = maxChars;
        this.decode = decode;
        this.encode = encode;
    }

    private static Writable<String> text(String name, int configClass, int maxChars) {
        return new Writable<>(name, configClass, String.class, Kind.TEXT, maxChars, null, null);
    }

    private static Writable<Boolean> flag(String name, int configClass) {
        return new Writable<>(name, configClass, Boolean.class, Kind.NUMBER, 0, v -> v != 0, b -> b ? 1 : 0);
    }

    private static Writable<Duration> millis(String name, int configClass) {
        return new Writable<>(name, configClass, Duration.class, Kind.NUMBER, 0,
                v -> Duration.ofMillis(Integer.toUnsignedLong(v)), WtsUserSetting::toMillis);
    }

    private static int known(int code, Enum<?> value) {
        if (code < 0) {
            throw new IllegalArgumentException(value + " cannot be written; use one of the named values");
        }
        return code;
    }

    /** A timer as the DWORD of milliseconds Windows stores: whole ms, 0 to 2^32 - 1. */
    static int toMillis(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("a timeout must not be negative: " + value);
        }
        if (value.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("a timeout must be whole milliseconds: " + value);
        }
        if (value.compareTo(Duration.ofMillis(Checks.MAX_DWORD)) > 0) {
            throw new IllegalArgumentException("a timeout must be at most " + Checks.MAX_DWORD + " ms: " + value);
        }
        return (int) value.toMillis();
    }

    /**
     * The setting's name here.
     *
     * @return the name of its constant in this class, e.g. {@code MAX_IDLE_TIME}
     */
    public String name() {
        return name;
    }

    /**
     * The WTS_CONFIG_CLASS value.
     *
     * @return the number WTSQueryUserConfigW and WTSSetUserConfigW take as WTSConfigClass, 0
     *         ({@link #INITIAL_PROGRAM}) to 18 ({@link #REMOTE_HOME_DIRECTORY})
     */
    public int configClass() {
        return configClass;
    }

    /**
     * The Java type of the value.
     *
     * @return {@code String.class}, {@code Boolean.class}, {@code Duration.class} or the enum's
     *         class, matching {@code T}
     */
    public Class<T> type() {
        return type;
    }

    boolean isText() {
        return kind == Kind.TEXT;
    }

    T decode(int raw) {
        return decode.apply(raw);
    }

    /**
     * Whether WTSSetUserConfigW takes this setting.
     *
     * @return true for every {@link Writable} setting; false only for
     *         {@link #REMOTE_HOME_DIRECTORY}
     */
    public boolean isWritable() {
        return this instanceof Writable;
    }

    @Override
    public String toString() {
        return "WtsUserSetting[" + name + "]";
    }
}
