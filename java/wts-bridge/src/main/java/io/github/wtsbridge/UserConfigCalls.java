package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.FlatLayouts;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.internal.TokensNative;
import io.github.wtsbridge.internal.UserConfigNative;
import java.util.Objects;

/**
 * Users: the token of the user logged on to a session (WTSQueryUserToken) and the per-user
 * Remote Desktop configuration (WTSQueryUserConfigW / WTSSetUserConfigW).
 *
 * <p>The configuration calls take a server <em>name</em>, not a {@link WtsServer} handle,
 * because account data usually lives on a domain controller: pass {@code null} for this
 * machine, or a DC / RD Session Host name; the {@link WtsServer} overloads use its name.
 * Windows failures throw {@link WtsException}; bad arguments throw
 * {@link IllegalArgumentException} or {@link NullPointerException} before any native call.
 */
final class UserConfigCalls {
    /** The longest user or server name accepted (WTS_USERNAME_LENGTH). */
    static final int MAX_NAME_CHARS = 255;

    private UserConfigCalls() {
    }

    // ---- one setting ----

    /** One setting of a user's configuration; server null = this machine. */
    public static <T> T getConfig(String server, String user, WtsUserSetting<T> setting) {
        checkNames(server, user);
        Objects.requireNonNull(setting, "setting");
        NativeLibrary.ensureLoaded();
        if (setting.isText()) {
            return setting.type().cast(UserConfigNative.queryString(server, user, setting.configClass()));
        }
        return setting.decode(UserConfigNative.queryInt(server, user, setting.configClass()));
    }


    /**
     * The DWORD Windows stores for a number setting (flags, timers in ms, enum codes), for
     * values newer than this library (an enum's UNKNOWN).
     */
    public static int getConfigRaw(String server, String user, WtsUserSetting<?> setting) {
        checkNames(server, user);
        Objects.requireNonNull(setting, "setting");
        if (setting.isText()) {
            throw new IllegalArgumentException(setting.name() + " is text; use getConfig");
        }
        NativeLibrary.ensureLoaded();
        return UserConfigNative.queryInt(server, user, setting.configClass());
    }

    /**
     * Changes one setting of a user's configuration; server null = this machine. Only a
     * {@link WtsUserSetting.Writable} is accepted: {@link WtsUserSetting#REMOTE_HOME_DIRECTORY},
     * which Windows documents as not settable, does not compile here.
     */
    public static <T> void setConfig(String server, String user, WtsUserSetting.Writable<T> setting, T value) {
        checkNames(server, user);
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(value, "value");
        if (setting.isText()) {
            String text = setting.checkText((String) value);
            NativeLibrary.ensureLoaded();
            UserConfigNative.setString(server, user, setting.configClass(), text);
        } else {
            int raw = setting.encode(value);
            NativeLibrary.ensureLoaded();
            UserConfigNative.setInt(server, user, setting.configClass(), raw);
        }
    }


    // ---- the whole configuration (WTSUserConfigUser) ----

    /** A user's whole configuration in one call (WTSUserConfigUser); server null = this machine. */
    public static WtsUserConfig getConfig(String server, String user) {
        checkNames(server, user);
        NativeLibrary.ensureLoaded();
        int[] n = new int[FlatLayouts.USER_CONFIG_NUMBERS_COUNT];
        return UserConfigRecords.of(n, UserConfigNative.queryUser(server, user, n));
    }


    /**
     * Writes a user's whole configuration in one call (WTSUserConfigUser, a WTSUSERCONFIGW);
     * server null = this machine. The record's {@code remoteHomeDirectory} is passed in the
     * structure's TerminalServerRemoteHomeDir field as it is; Microsoft documents the matching
     * class (WTSUserConfigfTerminalServerRemoteHomeDir) as not settable and says nothing of
     * the field here, so do not count on it being stored: Windows derives it from the home
     * directory and its drive. Read the configuration back to see what Windows kept.
     */
    public static void setConfig(String server, String user, WtsUserConfig config) {
        checkNames(server, user);
        Objects.requireNonNull(config, "config");
        int[] n = new int[FlatLayouts.USER_CONFIG_NUMBERS_COUNT];
        n[FlatLayouts.USER_CONFIG_NUMBERS_SOURCE] = 0; // WTSUserConfigSourceSAM
        n[FlatLayouts.USER_CONFIG_NUMBERS_INHERIT_INITIAL_PROGRAM] = flag(config.inheritInitialProgram());
        n[FlatLayouts.USER_CONFIG_NUMBERS_ALLOW_LOGON] = flag(config.allowLogon());
        n[FlatLayouts.USER_CONFIG_NUMBERS_MAX_CONNECTION_TIME] = WtsUserSetting.MAX_CONNECTION_TIME.encode(config.maxConnectionTime());
        n[FlatLayouts.USER_CONFIG_NUMBERS_MAX_DISCONNECTION_TIME] =
                WtsUserSetting.MAX_DISCONNECTION_TIME.encode(config.maxDisconnectionTime());
        n[FlatLayouts.USER_CONFIG_NUMBERS_MAX_IDLE_TIME] = WtsUserSetting.MAX_IDLE_TIME.encode(config.maxIdleTime());
        n[FlatLayouts.USER_CONFIG_NUMBERS_CLIENT_DRIVES] = flag(config.clientDrives());
        n[FlatLayouts.USER_CONFIG_NUMBERS_CLIENT_PRINTERS] = flag(config.clientPrinters());
        n[FlatLayouts.USER_CONFIG_NUMBERS_CLIENT_DEFAULT_PRINTER] = flag(config.clientDefaultPrinter());
        n[FlatLayouts.USER_CONFIG_NUMBERS_BROKEN_CONNECTION_ACTION] =
                WtsUserSetting.BROKEN_CONNECTION_ACTION.encode(config.brokenConnectionAction());
        n[FlatLayouts.USER_CONFIG_NUMBERS_RECONNECT] = WtsUserSetting.RECONNECT.encode(config.reconnect());
        n[FlatLayouts.USER_CONFIG_NUMBERS_SHADOWING] = WtsUserSetting.SHADOWING.encode(config.shadowing());
        n[FlatLayouts.USER_CONFIG_NUMBERS_REMOTE_HOME_DIRECTORY] = flag(config.remoteHomeDirectory());
        String[] t = new String[FlatLayouts.USER_CONFIG_TEXTS_COUNT];
        t[FlatLayouts.USER_CONFIG_TEXTS_INITIAL_PROGRAM] = WtsUserSetting.INITIAL_PROGRAM.checkText(config.initialProgram());
        t[FlatLayouts.USER_CONFIG_TEXTS_WORK_DIRECTORY] = WtsUserSetting.WORKING_DIRECTORY.checkText(config.workingDirectory());
        t[FlatLayouts.USER_CONFIG_TEXTS_PROFILE_PATH] = WtsUserSetting.PROFILE_PATH.checkText(config.profilePath());
        t[FlatLayouts.USER_CONFIG_TEXTS_HOME_DIRECTORY] = WtsUserSetting.HOME_DIRECTORY.checkText(config.homeDirectory());
        t[FlatLayouts.USER_CONFIG_TEXTS_HOME_DIRECTORY_DRIVE] =
                WtsUserSetting.HOME_DIRECTORY_DRIVE.checkText(config.homeDirectoryDrive());
        NativeLibrary.ensureLoaded();
        UserConfigNative.setUser(server, user, n, t);
    }


    private static int flag(boolean value) {
        return value ? 1 : 0;
    }

    /** The server's name for the name-based calls; a closed server is refused like everywhere. */
    static String nameOf(WtsServer server) {
        SessionCalls.handleOf(server); // null → NPE, closed → IllegalStateException
        return server.name().orElse(null);
    }

    /** server: null (this machine) or a non-empty name; user: a non-empty name. */
    private static void checkNames(String server, String user) {
        if (server != null) {
            Checks.text(server, "server", WtsServer.MAX_NAME_LENGTH);
            if (server.isEmpty()) {
                throw new IllegalArgumentException("server must not be empty; pass null for this machine");
            }
        }
        Checks.text(user, "user", MAX_NAME_CHARS);
        if (user.isEmpty()) {
            throw new IllegalArgumentException("user must not be empty");
        }
    }
}
