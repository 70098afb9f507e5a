package io.github.wtsbridge;

import io.github.wtsbridge.internal.UserConfigNative;
import io.github.wtsbridge.internal.FlatLayouts;
import static io.github.wtsbridge.internal.FlatLayouts.*;

import java.time.Duration;

/**
 * WTSUserConfigUser (WTSUSERCONFIGW) as {@link UserConfigNative#queryUser} returns it, read by
 * the slot names of {@link FlatLayouts}.
 */
final class UserConfigRecords {
    private UserConfigRecords() {
    }

    static WtsUserConfig of(int[] n, String[] t) {
        return new WtsUserConfig(t[USER_CONFIG_TEXTS_INITIAL_PROGRAM], t[USER_CONFIG_TEXTS_WORK_DIRECTORY],
                n[USER_CONFIG_NUMBERS_INHERIT_INITIAL_PROGRAM] != 0, n[USER_CONFIG_NUMBERS_ALLOW_LOGON] != 0,
                millis(n[USER_CONFIG_NUMBERS_MAX_CONNECTION_TIME]), millis(n[USER_CONFIG_NUMBERS_MAX_DISCONNECTION_TIME]),
                millis(n[USER_CONFIG_NUMBERS_MAX_IDLE_TIME]), n[USER_CONFIG_NUMBERS_CLIENT_DRIVES] != 0,
                n[USER_CONFIG_NUMBERS_CLIENT_PRINTERS] != 0, n[USER_CONFIG_NUMBERS_CLIENT_DEFAULT_PRINTER] != 0,
                WtsBrokenConnectionAction.of(n[USER_CONFIG_NUMBERS_BROKEN_CONNECTION_ACTION]),
                WtsReconnectPolicy.of(n[USER_CONFIG_NUMBERS_RECONNECT]), WtsShadowing.of(n[USER_CONFIG_NUMBERS_SHADOWING]),
                n[USER_CONFIG_NUMBERS_REMOTE_HOME_DIRECTORY] != 0, t[USER_CONFIG_TEXTS_PROFILE_PATH],
                t[USER_CONFIG_TEXTS_HOME_DIRECTORY], t[USER_CONFIG_TEXTS_HOME_DIRECTORY_DRIVE]);
    }

    private static Duration millis(int raw) {
        return Duration.ofMillis(Integer.toUnsignedLong(raw));
    }
}
