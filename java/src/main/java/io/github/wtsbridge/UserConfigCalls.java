package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.internal.TokensNative;
import io.github.wtsbridge.internal.UserConfigNative;
import java.time.Duration;
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
        int[] n = new int[UserConfigNative.USER_NUMBERS];
        String[] t = UserConfigNative.queryUser(server, user, n);
        return new WtsUserConfig(t[0], t[1], n[1] != 0, n[2] != 0, millis(n[3]), millis(n[4]), millis(n[5]),
                n[6] != 0, n[7] != 0, n[8] != 0, WtsBrokenConnectionAction.of(n[9]), WtsReconnectPolicy.of(n[10]),
                WtsShadowing.of(n[11]), n[12] != 0, t[2], t[3], t[4]);
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
        int[] n = {
            0, // Source: WTSUserConfigSourceSAM
            flag(config.inheritInitialProgram()), flag(config.allowLogon()),
            WtsUserSetting.MAX_CONNECTION_TIME.encode(config.maxConnectionTime()),
            WtsUserSetting.MAX_DISCONNECTION_TIME.encode(config.maxDisconnectionTime()),
            WtsUserSetting.MAX_IDLE_TIME.encode(config.maxIdleTime()),
            flag(config.clientDrives()), flag(config.clientPrinters()), flag(config.clientDefaultPrinter()),
            WtsUserSetting.BROKEN_CONNECTION_ACTION.encode(config.brokenConnectionAction()),
            WtsUserSetting.RECONNECT.encode(config.reconnect()),
            WtsUserSetting.SHADOWING.encode(config.shadowing()),
            flag(config.remoteHomeDirectory())};
        String[] t = {
            WtsUserSetting.INITIAL_PROGRAM.checkText(config.initialProgram()),
            WtsUserSetting.WORKING_DIRECTORY.checkText(config.workingDirectory()),
            WtsUserSetting.PROFILE_PATH.checkText(config.profilePath()),
            WtsUserSetting.HOME_DIRECTORY.checkText(config.homeDirectory()),
            WtsUserSetting.HOME_DIRECTORY_DRIVE.checkText(config.homeDirectoryDrive())};
        NativeLibrary.ensureLoaded();
        UserConfigNative.setUser(server, user, n, t);
    }


    private static int flag(boolean value) {
        return value ? 1 : 0;
    }

    private static Duration millis(int raw) {
        return Duration.ofMillis(Integer.toUnsignedLong(raw));
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
