package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeUserConfig;
import io.github.wtsbridge.testing.FakeWts;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The user configuration of WtsServer (WTSQueryUserConfigW / WTSSetUserConfigW) through the shim against the fake. */
class UserConfigTest extends FakeTestBase {
    private static final String USER = "alice";
    private static final WtsServer LOCAL = WtsServer.local();

    @BeforeEach
    void account() {
        FakeUserConfig.addUser(USER);
    }

    @Test
    void everyClassReadsWindowsDefaults() {
        assertEquals(19, WtsUserSetting.ALL.size());
        for (int i = 0; i < WtsUserSetting.ALL.size(); i++) {
            assertEquals(i, WtsUserSetting.ALL.get(i).configClass(), "WTS_CONFIG_CLASS order");
        }
        assertEquals("", LOCAL.userConfig(USER, WtsUserSetting.INITIAL_PROGRAM));
        assertEquals(true, LOCAL.userConfig(USER, WtsUserSetting.ALLOW_LOGON));
        assertEquals(Duration.ZERO, LOCAL.userConfig(USER, WtsUserSetting.MAX_IDLE_TIME));
        assertEquals(WtsBrokenConnectionAction.DISCONNECT, LOCAL.userConfig(USER, WtsUserSetting.BROKEN_CONNECTION_ACTION));
        assertEquals(WtsShadowing.FULL_CONTROL_WITH_PERMISSION, LOCAL.userConfig(USER, WtsUserSetting.SHADOWING));
        assertEquals(WtsModemCallback.DISABLED, LOCAL.userConfig(USER, WtsUserSetting.MODEM_CALLBACK));
    }

    @Test
    void aClosedServerIsRefusedAndLongServerNamesMatchWtsServer() {
        io.github.wtsbridge.testing.FakeServers.reachable("rdsh01");
        WtsServer server = WtsServer.open("rdsh01");
        server.close();
        long before = FakeWts.callCount();

        assertThrows(IllegalStateException.class, () -> server.userConfig("alice", WtsUserSetting.ALLOW_LOGON));
        assertEquals(before, FakeWts.callCount());
        // the limit WtsServer.open takes is the limit here too (it was 255 here, 257 there)
        String longest = "s".repeat(WtsServer.MAX_NAME_LENGTH);
        assertThrows(IllegalArgumentException.class, () -> WtsServer.open(longest + "s"));
        try (WtsServer far = WtsServer.open(longest)) {
            WtsException remote = assertThrows(WtsException.class, () -> far.userConfig("alice", WtsUserSetting.ALLOW_LOGON));
            assertEquals("WTSQueryUserConfigW", remote.function());
        }
    }

    @Test
    void everySettingRoundTrips() {
        String beyondBmp = "C:\\Apps\\\uD83D\uDE80 launcher\\start.exe"; // a rocket: a surrogate pair
        List<Object[]> cases = List.of(
                new Object[] {WtsUserSetting.INITIAL_PROGRAM, beyondBmp},
                new Object[] {WtsUserSetting.WORKING_DIRECTORY, "C:\\Users\\J\u00FCrgen"},
                new Object[] {WtsUserSetting.INHERIT_INITIAL_PROGRAM, false},
                new Object[] {WtsUserSetting.ALLOW_LOGON, false},
                new Object[] {WtsUserSetting.MAX_CONNECTION_TIME, Duration.ofHours(8)},
                new Object[] {WtsUserSetting.MAX_DISCONNECTION_TIME, Duration.ofMinutes(15)},
                new Object[] {WtsUserSetting.MAX_IDLE_TIME, Duration.ofMillis(0xFFFF_FFFFL)},
                new Object[] {WtsUserSetting.CLIENT_DRIVES, false},
                new Object[] {WtsUserSetting.CLIENT_PRINTERS, false},
                new Object[] {WtsUserSetting.CLIENT_DEFAULT_PRINTER, false},
                new Object[] {WtsUserSetting.BROKEN_CONNECTION_ACTION, WtsBrokenConnectionAction.END_SESSION},
                new Object[] {WtsUserSetting.RECONNECT, WtsReconnectPolicy.ORIGINAL_CLIENT_ONLY},
                new Object[] {WtsUserSetting.MODEM_CALLBACK, WtsModemCallback.FIXED},
                new Object[] {WtsUserSetting.MODEM_CALLBACK_PHONE_NUMBER, "+49 30 1234567"},
                new Object[] {WtsUserSetting.SHADOWING, WtsShadowing.VIEW_WITHOUT_PERMISSION},
                new Object[] {WtsUserSetting.PROFILE_PATH, "\\\\fs01\\profiles$\\alice"},
                new Object[] {WtsUserSetting.HOME_DIRECTORY, "\\\\fs01\\home$\\alice"},
                new Object[] {WtsUserSetting.HOME_DIRECTORY_DRIVE, "H:"});
        assertEquals(WtsUserSetting.WRITABLE.size(), cases.size());
        for (Object[] c : cases) {
            roundTrip((WtsUserSetting.Writable<?>) c[0], c[1]);
        }
        assertEquals(0xFFFF_FFFF, LOCAL.userConfigRaw(USER, WtsUserSetting.MAX_IDLE_TIME));
    }

    @SuppressWarnings("unchecked")
    private static <T> void roundTrip(WtsUserSetting.Writable<T> setting, Object value) {
        LOCAL.setUserConfig(USER, setting, (T) value);
        assertEquals(value, LOCAL.userConfig(USER, setting), setting.name());
    }

    @Test
    void remoteHomeDirectoryIsReadOnlyAsMicrosoftDocumentsIt() {
        // WTS_CONFIG_CLASS: WTSUserConfigfTerminalServerRemoteHomeDir "cannot be used with
        // WTSSetUserConfig". It is no Writable, so setConfig(…, REMOTE_HOME_DIRECTORY, …) does not
        // compile; the reflective check below is what keeps that so.
        assertFalse(WtsUserSetting.REMOTE_HOME_DIRECTORY.isWritable());
        assertFalse(WtsUserSetting.REMOTE_HOME_DIRECTORY instanceof WtsUserSetting.Writable);
        assertEquals(WtsUserSetting.ALL.size() - 1, WtsUserSetting.WRITABLE.size());
        assertFalse(WtsUserSetting.WRITABLE.contains(WtsUserSetting.REMOTE_HOME_DIRECTORY));
        for (WtsUserSetting<?> setting : WtsUserSetting.ALL) {
            assertEquals(setting != WtsUserSetting.REMOTE_HOME_DIRECTORY, setting.isWritable(), setting.name());
        }
        long setters = java.util.Arrays.stream(WtsServer.class.getMethods())
                .filter(m -> m.getName().equals("setUserConfig") && m.getParameterCount() == 3)
                .peek(m -> assertEquals(WtsUserSetting.Writable.class, m.getParameterTypes()[1], m.toString()))
                .count();
        assertEquals(1, setters);
        // And the compiler says so: the call a user would write is refused, the writable one is not.
        assertEquals(List.of(), compile("WtsUserSetting.HOME_DIRECTORY_DRIVE, \"H:\""));
        List<String> errors = compile("WtsUserSetting.REMOTE_HOME_DIRECTORY, true");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("setUserConfig"), errors.get(0));
        // Reading it still works: a UNC home directory mapped to a drive reads back as remote.
        FakeUserConfig.setRawReply(USER, WtsUserSetting.REMOTE_HOME_DIRECTORY.configClass(), FakeWts.dword(1));
        assertEquals(true, LOCAL.userConfig(USER, WtsUserSetting.REMOTE_HOME_DIRECTORY));
        assertEquals(1, LOCAL.userConfigRaw(USER, WtsUserSetting.REMOTE_HOME_DIRECTORY));
    }

    /** The errors javac gives for {@code WtsServer.local().setUserConfig("alice", <arguments>)} against the built classes. */
    private static List<String> compile(String arguments) {
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        String source = "class UsesSetConfig { void f() { io.github.wtsbridge.WtsServer.local().setUserConfig(\"alice\", "
                + arguments.replace("WtsUserSetting.", "io.github.wtsbridge.WtsUserSetting.") + "); } }";
        javax.tools.JavaFileObject file = new javax.tools.SimpleJavaFileObject(
                java.net.URI.create("string:///UsesSetConfig.java"), javax.tools.JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        javax.tools.DiagnosticCollector<javax.tools.JavaFileObject> diagnostics = new javax.tools.DiagnosticCollector<>();
        java.nio.file.Path out;
        try {
            out = java.nio.file.Files.createTempDirectory("setconfig-compile");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String classes = WtsServer.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        try {
            javac.getTask(null, null, diagnostics, List.of("-classpath", classes, "-d", out.toString(), "-proc:none"),
                    null, List.of(file)).call();
        } finally {
            out.resolve("UsesSetConfig.class").toFile().delete();
            out.toFile().delete();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(java.util.Locale.ROOT))
                .toList();
    }

    @Test
    void textIsPassedInCharactersWithItsTerminatorAndNumbersAsADword() {
        LOCAL.setUserConfig(USER, WtsUserSetting.INITIAL_PROGRAM, "abc");
        assertEquals(4, FakeUserConfig.lastSetLength());
        LOCAL.setUserConfig(USER, WtsUserSetting.MAX_IDLE_TIME, Duration.ofMinutes(1));
        assertEquals(4, FakeUserConfig.lastSetLength());
        assertEquals(60_000, LOCAL.userConfigRaw(USER, WtsUserSetting.MAX_IDLE_TIME));
    }

    @Test
    void wholeConfigurationReadsAndWrites() {
        WtsUserConfig written = new WtsUserConfig("C:\\kiosk\\app.exe", "C:\\kiosk", false, true,
                Duration.ofHours(2), Duration.ofMinutes(30), Duration.ofMinutes(10), true, false, true,
                WtsBrokenConnectionAction.END_SESSION, WtsReconnectPolicy.ANY_CLIENT, WtsShadowing.DISABLED,
                true, "\\\\fs01\\profiles$\\\u00E9l\u00E8ve\uD834\uDD1E", "\\\\fs01\\home$\\alice", "H:");

        LOCAL.setUserConfig(USER, written);

        assertEquals(2148, FakeUserConfig.lastSetLength(), "sizeof(WTSUSERCONFIGW)");
        assertEquals(written, LOCAL.userConfig(USER));
        // the per-class view sees the same values
        assertEquals(Duration.ofMinutes(10), LOCAL.userConfig(USER, WtsUserSetting.MAX_IDLE_TIME));
        assertEquals("H:", LOCAL.userConfig(USER, WtsUserSetting.HOME_DIRECTORY_DRIVE));
    }

    @Test
    void unknownEnumValuesStayReachable() {
        FakeUserConfig.setRawReply(USER, WtsUserSetting.SHADOWING.configClass(), FakeWts.dword(9));
        assertEquals(WtsShadowing.UNKNOWN, LOCAL.userConfig(USER, WtsUserSetting.SHADOWING));
        assertEquals(9, LOCAL.userConfigRaw(USER, WtsUserSetting.SHADOWING));
        assertThrows(IllegalArgumentException.class,
                () -> LOCAL.setUserConfig(USER, WtsUserSetting.SHADOWING, WtsShadowing.UNKNOWN));
    }

    @Test
    void shortStructureReplyIsInvalidData() {
        FakeUserConfig.setRawReply(USER, 19, new byte[100]);
        WtsException e = assertThrows(WtsException.class, () -> LOCAL.userConfig(USER));
        assertEquals(WtsException.ERROR_INVALID_DATA, e.errorCode());
        assertEquals("WTSQueryUserConfigW", e.function());
    }

    @Test
    void fieldsWithoutTerminatorAreBoundedByTheirArrays() {
        ByteBuffer raw = ByteBuffer.allocate(2148).order(ByteOrder.LITTLE_ENDIAN);
        raw.position(52);
        for (int i = 0; i < 261; i++) {
            raw.putChar('x'); // InitialProgram filled to the last unit, no NUL
        }
        FakeUserConfig.setRawReply(USER, 19, raw.array());
        assertEquals("x".repeat(261), LOCAL.userConfig(USER).initialProgram());
    }

    @Test
    void remoteServersByNameAndTheFailuresUsersMeet() {
        FakeUserConfig.addServer("DC01");
        try (WtsServer dc = WtsServer.open("dc01")) {
            assertEquals(true, dc.userConfig(USER, WtsUserSetting.ALLOW_LOGON));
        }
        WtsServer nowhere = WtsServer.open("NOWHERE");
        WtsException unreachable = assertThrows(WtsException.class,
                () -> nowhere.userConfig(USER, WtsUserSetting.ALLOW_LOGON));
        assertEquals(WtsException.RPC_S_SERVER_UNAVAILABLE, unreachable.errorCode());
        assertEquals("WTSQueryUserConfigW", unreachable.function());

        WtsException setUnreachable = assertThrows(WtsException.class,
                () -> nowhere.setUserConfig(USER, WtsUserSetting.ALLOW_LOGON, true));
        nowhere.close();
        assertEquals(WtsException.RPC_S_SERVER_UNAVAILABLE, setUnreachable.errorCode());
        assertEquals("WTSSetUserConfigW", setUnreachable.function());

        assertEquals(1317, assertThrows(WtsException.class,
                () -> LOCAL.userConfig("mallory")).errorCode());

        FakeWts.injectError("WTSSetUserConfigW", 5, 1);
        WtsException denied = assertThrows(WtsException.class,
                () -> LOCAL.setUserConfig(USER, WtsUserSetting.MAX_IDLE_TIME, Duration.ofMinutes(5)));
        assertEquals(5, denied.errorCode());
        assertEquals("WTSSetUserConfigW", denied.function());

        FakeWts.injectError("WTSQueryUserConfigW", 87, 1);
        assertEquals(87, assertThrows(WtsException.class,
                () -> LOCAL.userConfig(USER, WtsUserSetting.PROFILE_PATH)).errorCode());
    }

    @Test
    void localWtsServerMeansThisMachine() {
        WtsServer.local().setUserConfig(USER, WtsUserSetting.HOME_DIRECTORY, "D:\\home");
        assertEquals("D:\\home", WtsServer.local().userConfig(USER, WtsUserSetting.HOME_DIRECTORY));
        assertEquals("D:\\home", WtsServer.local().userConfig(USER).homeDirectory());
    }

    @Test
    void badInputMakesNoNativeCall() {
        long calls = FakeWts.callCount();
        WtsUserSetting.Writable<String> program = WtsUserSetting.INITIAL_PROGRAM;
        WtsUserSetting.Writable<Duration> idle = WtsUserSetting.MAX_IDLE_TIME;
        List<Executable> bad = List.of(
                () -> LOCAL.userConfig(null, program),
                () -> LOCAL.userConfig("", program),
                () -> LOCAL.userConfig("al\0ice", program),
                () -> LOCAL.userConfig("a".repeat(256), program),
                () -> LOCAL.userConfig(USER, (WtsUserSetting<String>) null),
                () -> LOCAL.userConfigRaw(USER, program),
                () -> LOCAL.setUserConfig(USER, program, null),
                () -> LOCAL.setUserConfig(USER, program, "x".repeat(261)),
                () -> LOCAL.setUserConfig(USER, program, "a\0b"),
                () -> LOCAL.setUserConfig(USER, WtsUserSetting.HOME_DIRECTORY_DRIVE, "H:\\x"),
                () -> LOCAL.setUserConfig(USER, idle, Duration.ofMillis(-1)),
                () -> LOCAL.setUserConfig(USER, idle, Duration.ofMillis(0x1_0000_0000L)),
                () -> LOCAL.setUserConfig(USER, idle, Duration.ofNanos(1_500_000)),
                () -> LOCAL.setUserConfig(USER, (WtsUserConfig) null),
                () -> LOCAL.setUserConfig(USER, new WtsUserConfig("", "", true, true,
                        Duration.ofDays(-1), Duration.ZERO, Duration.ZERO, true, true, true,
                        WtsBrokenConnectionAction.DISCONNECT, WtsReconnectPolicy.ANY_CLIENT, WtsShadowing.DISABLED,
                        false, "", "", "")),
                () -> LOCAL.setUserConfig(USER, new WtsUserConfig("", "", true, true,
                        Duration.ZERO, Duration.ZERO, Duration.ZERO, true, true, true,
                        WtsBrokenConnectionAction.UNKNOWN, WtsReconnectPolicy.ANY_CLIENT, WtsShadowing.DISABLED,
                        false, "", "", "")));
        for (Executable call : bad) {
            RuntimeException e = assertThrows(RuntimeException.class, call);
            assertEquals(true, e instanceof IllegalArgumentException || e instanceof NullPointerException, e.toString());
        }
        assertEquals(calls, FakeWts.callCount());
    }
}
