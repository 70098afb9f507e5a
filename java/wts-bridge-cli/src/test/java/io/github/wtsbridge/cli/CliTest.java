package io.github.wtsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.testing.FakeControl;
import io.github.wtsbridge.testing.FakeEnumEx;
import io.github.wtsbridge.testing.FakeRemote;
import io.github.wtsbridge.testing.FakeServers;
import io.github.wtsbridge.testing.FakeSlowServers;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWorlds;
import io.github.wtsbridge.testing.FakeWts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line tool run in-process against the fake: tables, JSON, exit codes, help. */
class CliTest extends FakeTestBase {
    record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        Map<String, Object> json() {
            assertTrue(out.chars().allMatch(c -> c >= 0x20 && c < 0x7F || c == '\n'), "JSON must be ASCII: " + out);
            assertEquals(1, outLines().size(), "one JSON document on one line");
            return StrictJson.object(out);
        }
    }

    static Run cli(String... args) {
        return cliWithInput("", args);
    }

    /** Runs the tool with this text on its standard input. */
    static Run cliWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(Charset.defaultCharset())), ZoneOffset.UTC).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The one JSON error object of a command that could not run at all. */
    static Map<String, Object> errorObject(Run run, String command) {
        Map<String, Object> json = run.json();
        assertEquals(List.of("command", "error"), List.copyOf(json.keySet()), run.out());
        assertEquals(command, json.get("command"));
        return at(json, "error");
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object json, Object... path) {
        Object value = json;
        for (Object step : path) {
            value = step instanceof Integer i ? ((List<Object>) value).get(i) : ((Map<String, Object>) value).get(step);
        }
        return (T) value;
    }

    @BeforeEach
    void world() {
        FakeWorlds.rdsh();
        FakeServers.reachable("rdsh01");
        FakeServers.reachable("rdsh02");
        FakeServers.script("locked", FakeServers.DENIES);
        // "gone" is not scripted: unreachable (1722)
        FakeEnumEx.addAccount(FakeWts.sid(5, 18), "NT AUTHORITY", "SYSTEM", 5);
        FakeEnumEx.addAccount(FakeWts.sid(5, 21, 1, 2, 3, 1001), "CORP", "alice", 1);
        // the owner of notepad.exe (session 2) maps to no account: USERNAME blank, the SID kept
    }

    @AfterEach
    void handlesClosedEventually() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (FakeWts.openHandles() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, FakeServers.badHandleUses());
    }

    // ---- sessions (qwinsta) ----

    @Test
    void sessionsTableLikeQwinsta() {
        Run run = cli("sessions");
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        assertEquals(List.of(
                " SESSIONNAME  USERNAME     ID  STATE   TYPE  DEVICE",
                " Services                   0  Disc",
                ">Console      alice         1  Active",
                " RDP-Tcp#3    " + FakeWorlds.BOB + "        2  Disc",
                " RDP-Tcp                65536  Listen"), run.outLines());
    }

    @Test
    void sessionsMarkTheCurrentSessionWhereverItIs() {
        FakeWts.setCurrentProcess((int) ProcessHandle.current().pid(), 2);
        List<String> out = cli("sessions").outLines();
        assertEquals(1, out.stream().filter(l -> l.startsWith(">")).count(), String.join("\n", out));
        assertTrue(out.get(3).startsWith(">RDP-Tcp#3"), out.get(3));
        assertTrue(out.get(2).startsWith(" Console"), out.get(2));
    }

    @Test
    void sessionsWithCounters() {
        Run run = cli("sessions", "--counter");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of(
                " SESSIONNAME  USERNAME     ID  STATE   TYPE  DEVICE  BYTES IN  BYTES OUT  FRAMES IN  FRAMES OUT",
                " Services                   0  Disc                       100        200         10          20",
                ">Console      alice         1  Active                     100        200         10          20",
                " RDP-Tcp#3    " + FakeWorlds.BOB + "        2  Disc                       100        200         10          20",
                " RDP-Tcp                65536  Listen                     100        200         10          20"),
                run.outLines());
    }

    @Test
    void sessionsFilteredByIdNameOrUser() {
        String bobRow = " RDP-Tcp#3    " + FakeWorlds.BOB + "     2  Disc";
        for (String target : new String[] {"2", "rdp-tcp#3", "RDP-TCP#3", FakeWorlds.BOB, "corp\\" + FakeWorlds.BOB}) {
            Run run = cli("sessions", target);
            assertEquals(0, run.code(), target + ": " + run.err());
            assertEquals(List.of(" SESSIONNAME  USERNAME  ID  STATE  TYPE  DEVICE", bobRow), run.outLines(), target);
        }
        assertEquals(List.of(">Console      alice      1  Active"), cli("sessions", "ALICE").outLines().subList(1, 2));

        Run none = cli("sessions", "nobody");
        assertEquals(ExitCode.FAILED, none.code(), "as qwinsta: nothing matched is an error");
        assertEquals("", none.out());
        assertEquals("wts-bridge: nothing matches 'nobody'", none.err().strip());
        Run noneJson = cli("sessions", "--json", "7");
        assertEquals(ExitCode.FAILED, noneJson.code());
        assertEquals(List.of(), at(noneJson.json(), "servers", 0, "sessions"));
    }

    /** The one key set of a session, as the README's schema has it. */
    static final List<String> SESSION_KEYS = List.of("sessionId", "sessionName", "userName", "domain", "state", "stateCode",
            "current", "logonTime", "idleSeconds", "counters");

    @Test
    void sessionsJson() {
        Run run = cli("sessions", "--json");
        assertEquals(0, run.code(), run.err());
        Map<String, Object> json = run.json();
        assertEquals(List.of("command", "servers"), List.copyOf(json.keySet()));
        assertEquals("sessions", json.get("command"));
        Map<String, Object> server = at(json, "servers", 0);
        assertEquals(List.of("server", "status", "elapsedMillis", "sessions"), List.copyOf(server.keySet()));
        assertNull(server.get("server"), "the local machine");
        assertEquals("ok", server.get("status"));
        List<Object> sessions = at(server, "sessions");
        assertEquals(4, sessions.size());
        for (Object session : sessions) {
            assertEquals(SESSION_KEYS, List.copyOf(((Map<?, ?>) session).keySet()));
        }
        Map<String, Object> bob = at(sessions, 2);
        assertEquals(2L, bob.get("sessionId"));
        assertEquals("RDP-Tcp#3", bob.get("sessionName"));
        assertEquals("DISCONNECTED", bob.get("state"));
        assertEquals(4L, bob.get("stateCode"));
        assertEquals(false, bob.get("current"));
        assertEquals(FakeWorlds.BOB, bob.get("userName"), "quote, backslash and U+1D11E survive the escaping");
        assertEquals("CORP", bob.get("domain"));
        assertEquals("2026-11-24T08:30:00Z", bob.get("logonTime"));
        assertEquals(26L * 3600 + 180, bob.get("idleSeconds"));
        assertEquals(Map.of("incomingBytes", 100L, "outgoingBytes", 200L, "incomingFrames", 10L, "outgoingFrames", 20L),
                bob.get("counters"));
        assertEquals(true, at(sessions, 1, "current"));
        Map<String, Object> services = at(sessions, 0);
        assertEquals("", services.get("userName"));
        assertNull(services.get("logonTime"));
        assertEquals("LISTEN", at(sessions, 3, "state"));
    }

    @Test
    void sessionsAcrossServersWithPartialFailure() {
        Run run = cli("sessions", "--server", "rdsh01", "--server=gone,locked", "--server", "rdsh02");
        assertEquals(ExitCode.PARTIAL, run.code());
        List<String> out = run.outLines();
        assertEquals(" SERVER  SESSIONNAME  USERNAME     ID  STATE   TYPE  DEVICE", out.get(0));
        assertEquals(" rdsh01  Services                   0  Disc", out.get(1));
        assertEquals(" rdsh01  Console      alice         1  Active", out.get(2), "no '>' on another server");
        assertEquals(9, out.size(), "header + 4 sessions of each server that answered");
        assertTrue(out.get(5).startsWith(" rdsh02  Services"), out.get(5));
        List<String> err = run.errLines();
        assertEquals(2, err.size(), run.err());
        assertTrue(err.get(0).startsWith("wts-bridge: gone: WTSEnumerateSessionsW failed with error 1722"), err.get(0));
        assertTrue(err.get(1).startsWith("wts-bridge: locked: WTSEnumerateSessionsW failed with error 5"), err.get(1));
    }

    @Test
    void serversFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("farm.txt");
        Files.writeString(file, "# the farm\nrdsh01\n\nrdsh02\n");
        Run run = cli("users", "--server", "@" + file, "--json");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("rdsh01", "rdsh02"), ((List<?>) at(run.json(), "servers")).stream().map(s -> at(s, "server")).toList());
    }

    @Test
    void sessionsAcrossServersJson() {
        Run run = cli("sessions", "--json", "--server", "rdsh01", "--server", "gone", "--server", "locked");
        assertEquals(ExitCode.PARTIAL, run.code());
        List<Object> servers = at(run.json(), "servers");
        assertEquals(List.of("rdsh01", "gone", "locked"), servers.stream().map(s -> at(s, "server")).toList());
        assertEquals(List.of("ok", "failed", "failed"), servers.stream().map(s -> at(s, "status")).toList());
        assertEquals(4, ((List<?>) at(servers, 0, "sessions")).size());
        Map<String, Object> error = at(servers, 1, "error");
        assertEquals(List.of("kind", "code", "function", "message"), List.copyOf(error.keySet()));
        assertEquals("windows", error.get("kind"));
        assertEquals(1722L, error.get("code"));
        assertEquals("WTSEnumerateSessionsW", error.get("function"));
        assertTrue(((String) error.get("message")).contains("1722"));
        assertEquals((Object) 5L, at(servers, 2, "error", "code"));
        assertNull(at(servers, 1, "sessions"));
        assertEquals(false, at(servers, 0, "sessions", 1, "current"), "no current session on another server");
    }

    @Test
    void everyServerFailingIsExitOne() {
        Run run = cli("sessions", "--server", "gone", "--server", "locked");
        assertEquals(ExitCode.FAILED, run.code());
        assertEquals("", run.out());
        assertEquals(2, run.errLines().size());
    }

    @Test
    void aWindowsFailureOnThisMachineIsExitOne() {
        FakeWts.injectError("WTSEnumerateSessionsW", WtsException.ERROR_ACCESS_DENIED, 1);
        Run run = cli("users");
        assertEquals(ExitCode.FAILED, run.code());
        assertEquals("", run.out());
        assertEquals(1, run.errLines().size());
        assertTrue(run.err().startsWith("wts-bridge: WTSEnumerateSessionsW failed with error 5"), run.err());

        FakeWts.injectError("WTSEnumerateSessionsW", WtsException.ERROR_ACCESS_DENIED, 1);
        Map<String, Object> json = cli("sessions", "--json").json();
        assertEquals("failed", at(json, "servers", 0, "status"));
        assertEquals((Object) 5L, at(json, "servers", 0, "error", "code"));
    }

    @Test
    void aHungServerTimesOutWithoutHoldingTheOthers() {
        FakeSlowServers.delay("hung", 1500);
        FakeServers.script("hung", FakeServers.DENIES); // when it finally answers, it fails: no further slow calls
        Run run = cli("sessions", "--json", "--timeout", "0.3", "--parallel", "1", "--server", "hung", "--server", "rdsh01");
        assertEquals(ExitCode.PARTIAL, run.code());
        Map<String, Object> hung = at(run.json(), "servers", 0);
        assertEquals("timeout", hung.get("status"));
        assertEquals(300L, hung.get("timeoutMillis"));
        assertEquals("timeout", at(hung, "error", "kind"));
        assertEquals("ok", at(run.json(), "servers", 1, "status"));

        Run table = cli("users", "--timeout=0.2", "--server", "hung");
        assertEquals(ExitCode.FAILED, table.code());
        assertEquals("wts-bridge: hung: no answer from hung within 200 ms", table.err().strip());
    }

    // ---- users (quser) ----

    @Test
    void usersTableLikeQuser() {
        Run run = cli("users");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of(
                " USERNAME  SESSIONNAME  ID  STATE   IDLE TIME  LOGON TIME",
                ">alice     Console       1  Active          5  2026-11-25 07:59",
                " " + FakeWorlds.BOB + "    RDP-Tcp#3     2  Disc      1+02:03  2026-11-24 08:30"), run.outLines());
    }

    @Test
    void usersIdleTimeInEveryForm() {
        long[] counters = {0, 0, 0, 0, 0, 0};
        int[] idleSeconds = {0, 59, 60, 59 * 60 + 59, 3600, 24 * 3600 - 60, 24 * 3600, 10 * 86_400 + 5 * 3600 + 7 * 60};
        for (int i = 0; i < idleSeconds.length; i++) {
            FakeWts.addSession(10 + i, 4, "RDP-Tcp#" + (10 + i));
            FakeWts.setSessionInfo(10 + i, 24, FakeWts.sessionInfo(4, 10 + i, counters, "RDP-Tcp#" + (10 + i), "CORP",
                    "u" + i, FakeWorlds.NOW.minusSeconds(90_000), null, FakeWorlds.NOW.minusSeconds(idleSeconds[i]),
                    FakeWorlds.NOW.minusSeconds(90_000), FakeWorlds.NOW));
        }
        List<String> idle = new java.util.ArrayList<>();
        for (String line : cli("users").outLines()) {
            if (line.startsWith(" u")) {
                idle.add(line.split(" {2,}")[4]);
            }
        }
        assertEquals(List.of(".", ".", "1", "59", "1:00", "23:59", "1+00:00", "10+05:07"), idle);
    }

    @Test
    void usersFiltered() {
        Run alice = cli("users", "Alice");
        assertEquals(List.of(" USERNAME  SESSIONNAME  ID  STATE   IDLE TIME  LOGON TIME",
                ">alice     Console       1  Active          5  2026-11-25 07:59"), alice.outLines());
        assertEquals(alice.out(), cli("users", "console").out());
        assertEquals(alice.out(), cli("users", "1").out());
        Run services = cli("users", "0");
        assertEquals(ExitCode.FAILED, services.code(), "session 0 has no user: as quser, 'No User exists'");
        assertEquals("wts-bridge: nothing matches '0'", services.err().strip());
    }

    static final List<String> USER_KEYS = List.of("userName", "domain", "sessionName", "sessionId", "state", "stateCode",
            "current", "idleSeconds", "logonTime");

    @Test
    void usersJsonAcrossServers() {
        Run run = cli("users", "--json", "--server", "rdsh01", "--server", "rdsh02");
        assertEquals(0, run.code(), run.err());
        List<Object> servers = at(run.json(), "servers");
        assertEquals(2, servers.size());
        List<Object> users = at(servers, 1, "users");
        assertEquals(2, users.size());
        Map<String, Object> alice = at(users, 0);
        assertEquals(USER_KEYS, List.copyOf(alice.keySet()));
        assertEquals("alice", alice.get("userName"));
        assertEquals("CORP", alice.get("domain"));
        assertEquals("Console", alice.get("sessionName"));
        assertEquals(1L, alice.get("sessionId"));
        assertEquals("ACTIVE", alice.get("state"));
        assertEquals(0L, alice.get("stateCode"));
        assertEquals(false, alice.get("current"));
        assertEquals(300L, alice.get("idleSeconds"));
        assertEquals("2026-11-25T07:59:00Z", alice.get("logonTime"));
        assertEquals(FakeWorlds.BOB, at(users, 1, "userName"));
        assertEquals(true, at(cli("users", "--json").json(), "servers", 0, "users", 0, "current"));
    }

    // ---- processes (query process) ----

    static final String PROCESS_HEADER = " USERNAME  SESSIONNAME  ID   PID  IMAGE";

    @Test
    void processesLikeQueryProcess() {
        Run all = cli("processes", "*");
        assertEquals(0, all.code(), all.err());
        assertEquals(List.of(PROCESS_HEADER,
                " SYSTEM    Services      0     4  smss.exe",
                ">alice     Console       1  4242  explorer.exe",
                "           RDP-Tcp#3     2  5150  notepad.exe"), all.outLines());

        assertEquals(all.out(), cli("processes", "--all").out(), "--all: '*' where java.exe would expand it");

        Run mine = cli("processes");
        assertEquals(0, mine.code(), mine.err());
        assertEquals(List.of(PROCESS_HEADER, ">alice     Console       1  4242  explorer.exe"), mine.outLines(),
                "without an argument: the caller's (alice's) processes, as query process");

        String system = " SYSTEM    Services      0    4  smss.exe";
        for (String[] args : new String[][] {{"processes", "4"}, {"processes", "SMSS.EXE"}, {"processes", "system"},
            {"processes", "nt authority\\system"}, {"processes", "services"}, {"processes", "--id", "0"}}) {
            Run run = cli(args);
            assertEquals(0, run.code(), String.join(" ", args) + ": " + run.err());
            assertEquals(List.of(" USERNAME  SESSIONNAME  ID  PID  IMAGE", system), run.outLines(), String.join(" ", args));
        }
        Run none = cli("processes", "calc.exe");
        assertEquals(ExitCode.FAILED, none.code());
        assertEquals("wts-bridge: nothing matches 'calc.exe'", none.err().strip());

        Run remote = cli("processes", "--id", "1", "--server", "rdsh01");
        assertEquals(List.of(" SERVER  USERNAME  SESSIONNAME  ID   PID  IMAGE",
                " rdsh01  alice     Console       1  4242  explorer.exe"), remote.outLines());
    }

    @Test
    void processesWithoutOwnerNamesStillList() {
        FakeWts.injectError("WTSEnumerateProcessesExW", WtsException.ERROR_ACCESS_DENIED, 1);
        Run run = cli("processes", "*");
        assertEquals(0, run.code(), "the owners are extra: " + run.err());
        assertEquals(List.of(" USERNAME  SESSIONNAME  ID   PID  IMAGE",
                "           Services      0     4  smss.exe",
                ">          Console       1  4242  explorer.exe",
                "           RDP-Tcp#3     2  5150  notepad.exe"), run.outLines());
    }

    static final List<String> PROCESS_KEYS = List.of("userName", "domain", "sessionName", "sessionId", "pid", "imageName",
            "userSid", "current");

    @Test
    void processesJson() {
        FakeWts.addProcess(1, 6000, "svchost.exe", null);
        Run run = cli("processes", "--json", "--id=1");
        List<Object> processes = at(run.json(), "servers", 0, "processes");
        assertEquals(2, processes.size());
        assertEquals(PROCESS_KEYS, List.copyOf(((Map<?, ?>) processes.get(0)).keySet()));
        assertEquals(Map.of("userName", "alice", "domain", "CORP", "sessionId", 1L, "sessionName", "Console", "pid", 4242L,
                "imageName", "explorer.exe", "userSid", "S-1-5-21-1-2-3-1001", "current", true), processes.get(0));
        assertNull(at(processes, 1, "userSid"));
        assertNull(at(processes, 1, "userName"));

        FakeWts.injectError("WTSEnumerateProcessesW", WtsException.ERROR_ACCESS_DENIED, 1);
        Run denied = cli("processes", "--json");
        assertEquals(ExitCode.FAILED, denied.code());
        assertEquals("WTSEnumerateProcessesW", at(denied.json(), "servers", 0, "error", "function"));
    }

    // ---- logoff, disconnect (logoff, tsdiscon) ----

    @Test
    void logoffByIdNameOrOwnSession() {
        Run run = cli("logoff", "2");
        assertEquals(0, run.code(), run.err());
        assertEquals("logged off session 2\n", run.out());
        FakeControl.Call call = FakeControl.lastCall();
        assertEquals("WTSLogoffSession", call.function());
        assertEquals(2, call.session());
        assertEquals(false, call.waited());

        Run again = cli("logoff", "--wait", "2", "--json"); // session 2 has gone: 7022
        assertEquals(ExitCode.FAILED, again.code());
        Map<String, Object> result = at(again.json(), "results", 0);
        assertEquals(List.of("server", "status", "sessionId", "error"), List.copyOf(result.keySet()));
        assertEquals("failed", result.get("status"));
        assertEquals(2L, result.get("sessionId"));
        assertEquals((Object) 7022L, at(result, "error", "code"));
        assertEquals("WTSLogoffSession", at(result, "error", "function"));
        assertTrue(FakeControl.lastCall().waited());

        assertEquals("logged off session 65536\n", cli("logoff", "rdp-tcp").out(), "a session name, any case");
        assertEquals("logged off session 1\n", cli("logoff").out(), "no argument: this tool's own session");

        Run missing = cli("logoff", "--json", "rdp-tcp#99");
        assertEquals(ExitCode.FAILED, missing.code());
        Map<String, Object> error = at(missing.json(), "results", 0, "error");
        assertEquals("not-found", error.get("kind"));
        assertEquals("no session named 'rdp-tcp#99'", error.get("message"));
    }

    @Test
    void disconnectAcrossServers() {
        Run run = cli("disconnect", "1", "--server", "rdsh01", "--server", "gone", "--wait");
        assertEquals(ExitCode.PARTIAL, run.code());
        assertEquals("rdsh01: disconnected session 1\n", run.out());
        assertTrue(run.err().startsWith("wts-bridge: gone: WTSDisconnectSession failed with error 1722"), run.err());
        assertEquals("WTSDisconnectSession", FakeServers.lastFunction());

        Run json = cli("disconnect", "--json", "--server", "rdsh01", "console");
        assertEquals(0, json.code(), json.err());
        assertEquals(Map.of("server", "rdsh01", "status", "ok", "sessionId", 1L), at(json.json(), "results", 0));
    }

    // ---- msg ----

    @Test
    void msg() {
        Run run = cli("msg", "--title", "Wartung \uD83D\uDEE0", "--wait", "--time", "30", "1", "Reboot", "at", "noon");
        assertEquals(0, run.code(), run.err());
        assertEquals("session 1 answered OK\n", run.out());
        FakeControl.Call call = FakeControl.lastCall();
        assertEquals("WTSSendMessageW", call.function());
        assertEquals(1, call.session());
        assertEquals("Wartung \uD83D\uDEE0", call.title());
        assertEquals("Reboot at noon", call.message());
        assertEquals(30, call.timeoutSeconds());
        assertTrue(call.waited());

        Run async = cli("msg", "--json", "2", "--", "-- hello");
        assertEquals(0, async.code(), async.err());
        Map<String, Object> result = at(async.json(), "results", 0);
        assertEquals("ASYNC", result.get("response"));
        assertEquals(32001L, result.get("responseCode"));
        assertEquals("-- hello", FakeControl.lastCall().message());
        assertEquals("Message", FakeControl.lastCall().title());
    }

    @Test
    void msgTimeWithoutWaitLikeMsgTime() {
        Run run = cli("msg", "--time", "10", "console", "Coffee", "break");
        assertEquals(0, run.code(), run.err());
        assertEquals("sent to session 1\n", run.out());
        assertEquals(10, FakeControl.lastCall().timeoutSeconds(), "/TIME without /W: the box closes by itself");
        assertFalse(FakeControl.lastCall().waited());
    }

    @Test
    void msgToAUserFromStdinAndFromAFile(@TempDir Path dir) throws Exception {
        Run stdin = cliWithInput("Logout in 5 minutes\n", "msg", "CORP\\ALICE");
        assertEquals(0, stdin.code(), stdin.err());
        assertEquals("sent to session 1\n", stdin.out());
        assertEquals("Logout in 5 minutes", FakeControl.lastCall().message());

        Path file = dir.resolve("targets");
        Files.writeString(file, "# who\nalice\n" + FakeWorlds.BOB + "\nconsole\n");
        Run run = cli("msg", "@" + file, "hello");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("sent to session 1", "sent to session 2"), run.outLines(), "each session once");

        Run unknown = cli("msg", "nobody", "hi");
        assertEquals(ExitCode.FAILED, unknown.code());
        assertEquals("wts-bridge: no session or user named 'nobody'", unknown.err().strip());
    }

    @Test
    void msgToEveryActiveSession() {
        FakeWts.addSession(7, 0, "RDP-Tcp#9");
        Run run = cli("msg", "*", "hello");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("sent to session 1", "sent to session 7"), run.outLines());
        assertEquals(run.out(), cli("msg", "--all", "hello").out());
        assertEquals("hello", FakeControl.lastCall().message());

        FakeWts.injectError("WTSSendMessageW", WtsException.ERROR_CTX_WINSTATION_NOT_FOUND, 1);
        Run partial = cli("msg", "*", "hello");
        assertEquals(ExitCode.PARTIAL, partial.code(), "one of two sessions failed");
        assertEquals(List.of("sent to session 7"), partial.outLines());
        assertTrue(partial.err().startsWith("wts-bridge: WTSSendMessageW failed with error 7022"), partial.err());

        FakeWts.removeSession(1);
        FakeWts.removeSession(7);
        Run nobody = cli("msg", "*", "hello");
        assertEquals(0, nobody.code());
        assertEquals("", nobody.out());
        assertTrue(nobody.err().startsWith("wts-bridge: nothing done: nothing matched"), nobody.err());
        assertEquals("{\"command\":\"msg\",\"results\":[]}", cli("msg", "--json", "*", "hello").out().strip());
    }

    // ---- kill (tskill) ----

    @Test
    void killByPid() {
        Run run = cli("kill", "--exit-code", "3", "4242");
        assertEquals(0, run.code(), run.err());
        assertEquals("ended process 4242\n", run.out());
        FakeControl.Call call = FakeControl.lastCall();
        assertEquals("WTSTerminateProcess", call.function());
        assertEquals(4242, call.pid());
        assertEquals(3, call.exitCode());

        Run locked = cli("kill", "--json", "--server", "locked", "4294967295");
        assertEquals(ExitCode.FAILED, locked.code());
        Map<String, Object> result = at(locked.json(), "results", 0);
        assertEquals("locked", result.get("server"));
        assertEquals(4294967295L, result.get("pid"));
        assertEquals((Object) 5L, at(result, "error", "code"));
    }

    @Test
    void killByNameLikeTskill() {
        FakeWts.addProcess(2, 5151, "Notepad.exe", null);
        Run own = cli("kill", "notepad");
        assertEquals(ExitCode.FAILED, own.code(), "no notepad in this tool's session (1)");
        assertEquals("wts-bridge: no process named 'notepad' in session 1", own.err().strip());

        Run inSession = cli("kill", "note*", "--id", "2");
        assertEquals(0, inSession.code(), inSession.err());
        assertEquals(List.of("ended process 5150", "ended process 5151"), inSession.outLines());

        Run all = cli("kill", "--json", "EXPLORER", "--all", "--server", "rdsh01");
        assertEquals(0, all.code(), all.err());
        assertEquals(Map.of("server", "rdsh01", "status", "ok", "pid", 4242L), at(all.json(), "results", 0));
        assertEquals(4242, FakeControl.lastCall().pid());
    }

    // ---- connect (tscon), shadow ----

    @Test
    void connectLikeTscon() {
        Run run = cli("connect", "rdp-tcp#3");
        assertEquals(0, run.code(), run.err());
        assertEquals("connected session 2 to this session\n", run.out());
        assertEquals(List.of(2L, 1L, 0L), java.util.Arrays.stream(FakeRemote.lastConnect()).boxed().toList());
        assertEquals("", FakeRemote.lastPassword());

        FakeRemote.setPassword(2, "s3cret \u00e9");
        Run wrong = cliWithInput("guess\n", "connect", "2", "--password-stdin", "--json");
        assertEquals(ExitCode.FAILED, wrong.code());
        assertEquals((Object) 1326L, at(wrong.json(), "results", 0, "error", "code"));
        assertEquals("WTSConnectSessionW", at(wrong.json(), "results", 0, "error", "function"));

        Run right = cliWithInput("s3cret \u00e9\nnext line\n", "connect", "2", "--password-stdin", "--dest", "65536", "--wait");
        assertEquals(0, right.code(), right.err());
        assertEquals("connected session 2 to session 65536\n", right.out());
        assertEquals(List.of(2L, 65536L, 1L), java.util.Arrays.stream(FakeRemote.lastConnect()).boxed().toList());

        ConnectCommand.PasswordPrompt before = ConnectCommand.prompt;
        List<String> prompts = new java.util.ArrayList<>();
        try {
            ConnectCommand.prompt = text -> {
                prompts.add(text);
                return "s3cret \u00e9".toCharArray();
            };
            assertEquals(0, cli("connect", "2", "--password").code());
            assertEquals(List.of("Password for session 2: "), prompts);
            ConnectCommand.prompt = text -> null; // no console
            Run noConsole = cli("connect", "2", "--password");
            assertEquals(ExitCode.USAGE, noConsole.code());
            assertTrue(noConsole.err().contains("--password-stdin"), noConsole.err());
        } finally {
            ConnectCommand.prompt = before;
        }
    }

    @Test
    void shadowWithItsHotkey() {
        Run run = cli("shadow", "rdp-tcp#3");
        assertEquals(0, run.code(), run.err());
        assertEquals("remote control of session 2 started\n", run.out());
        assertEquals(List.of(2L, 0x6AL, 2L), java.util.Arrays.stream(FakeRemote.lastStart()).boxed().toList(),
                "ctrl + numeric-keypad * by default");
        assertNull(FakeRemote.lastTargetServer());

        Run remote = cli("shadow", "--json", "--server", "rdsh01", "--hotkey", "ctrl+alt+f12", "1");
        assertEquals(0, remote.code(), remote.err());
        assertEquals("rdsh01", FakeRemote.lastTargetServer());
        assertEquals(List.of(1L, 0x7BL, 6L), java.util.Arrays.stream(FakeRemote.lastStart()).boxed().toList());

        Run gone = cli("shadow", "99");
        assertEquals(ExitCode.FAILED, gone.code());
        assertTrue(gone.err().contains("7022"), gone.err());
    }

    // ---- shutdown ----

    @Test
    void shutdownAsksFirst() {
        Run declined = cliWithInput("no\n", "shutdown", "--reboot");
        assertEquals(ExitCode.DECLINED, declined.code());
        assertEquals("", declined.out());
        assertTrue(declined.err().contains("Restart this machine?"), declined.err());
        assertTrue(declined.err().contains("not confirmed"), declined.err());
        assertEquals(0, FakeWts.callCount(), "declined: nothing reached Windows");
        Run declinedJson = cliWithInput("", "shutdown", "--json");
        assertEquals(ExitCode.DECLINED, declinedJson.code(), "end of input is no");
        assertEquals("declined", errorObject(declinedJson, "shutdown").get("kind"));

        Run confirmed = cliWithInput("yes\n", "shutdown", "--reboot");
        assertEquals(0, confirmed.code(), confirmed.err());
        assertEquals("shutdown started (REBOOT)\n", confirmed.out());
        assertEquals("WTSShutdownSystem", FakeControl.lastCall().function());
        assertEquals(0x4, FakeControl.lastCall().shutdownFlags());

        Run yes = cli("shutdown", "--yes", "--logoff-only", "--json", "--server", "rdsh01,gone");
        assertEquals(ExitCode.PARTIAL, yes.code());
        assertEquals(Map.of("server", "rdsh01", "status", "ok", "flags", "LOGOFF"), at(yes.json(), "results", 0));
        assertEquals((Object) 1722L, at(yes.json(), "results", 1, "error", "code"));
    }

    // ---- servers (query termserver) ----

    @Test
    void serversLikeQueryTermserver() {
        FakeServers.addListed(null, "RDSH01");
        FakeServers.addListed(null, "RDSH02");
        FakeServers.addListed("LAB", "LABTS");
        Run run = cli("servers");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("SERVERNAME", "RDSH01", "RDSH02"), run.outLines());
        Run lab = cli("servers", "--domain", "LAB", "--json");
        assertEquals(Map.of("command", "servers", "domain", "LAB", "servers", List.of(Map.of("server", "LABTS"))), lab.json());
        assertEquals("LAB", FakeServers.lastDomain());
        assertEquals(List.of("SERVERNAME", "RDSH02"), cli("servers", "rdsh02").outLines());
        Run missing = cli("servers", "nope");
        assertEquals(ExitCode.FAILED, missing.code());
        assertEquals("wts-bridge: 'nope' is not among the servers listed", missing.err().strip());

        FakeWts.injectError("WTSEnumerateServersW", 1722, 1);
        Run failed = cli("servers", "--json");
        assertEquals(ExitCode.FAILED, failed.code());
        Map<String, Object> error = errorObject(failed, "servers");
        assertEquals(List.of("kind", "code", "function", "message"), List.copyOf(error.keySet()));
        assertEquals(1722L, error.get("code"));
        assertEquals("WTSEnumerateServersW", error.get("function"));
        assertTrue(failed.err().startsWith("wts-bridge: WTSEnumerateServersW failed with error 1722"), failed.err());
    }

    // ---- conventions: version, usage errors, OS check, help ----

    @Test
    void versionFromTheClassPathResource() {
        Run run = cli("--version");
        assertEquals(0, run.code());
        assertEquals("", run.err());
        // whatever the build wrote (or "unknown" where it wrote nothing): the resource's values
        assertEquals(Version.line(Version.class.getResourceAsStream(Version.RESOURCE)) + "\n", run.out());
        assertTrue(run.out().matches("wts-bridge \\S+ \\(commit \\S+\\)\n"), run.out());
        assertEquals(run.out(), cli("version").out());
        assertEquals(ExitCode.USAGE, cli("--version", "x").code());
        assertEquals(0, FakeWts.callCount());
    }

    @Test
    void usageErrorsAreExitTwoAndCallNothing() {
        String[][] bad = {
            {},
            {"nosuch"},
            {"--server", "x"},
            {"sessions", "--bogus"},
            {"sessions", "-x"},
            {"sessions", "a", "b"},
            {"sessions", "*"},
            {"sessions", "--server"},
            {"sessions", "--server", ""},
            {"sessions", "--server", "a,,b"},
            {"sessions", "--server", "@/nonexistent/servers.txt"},
            {"sessions", "--json=yes"},
            {"sessions", "--json", "--json"},
            {"sessions", "--timeout", "0"},
            {"sessions", "--timeout", "soon"},
            {"sessions", "99999999999"},
            {"users", "--parallel", "0"},
            {"users", "--parallel", "257"},
            {"users", "-1"},
            {"processes", "--id", "-1"},
            {"processes", "--id", "x"},
            {"processes", "--id", "1", "*"},
            {"processes", "4294967296"},
            {"processes", "--all", "*"},
            {"processes", "--all", "--id", "1"},
            {"msg", "--all"},
            {"logoff", "1", "2"},
            {"logoff", "-1"},
            {"logoff", "2147483648"},
            {"logoff", "--server", "x"},
            {"disconnect", "-1"},
            {"disconnect", "*"},
            {"connect"},
            {"connect", "*"},
            {"connect", "1", "--server", "x"},
            {"connect", "1", "--password", "--password-stdin"},
            {"connect", "1", "--password=x"},
            {"shadow"},
            {"shadow", "1", "--hotkey", "f12"},
            {"shadow", "1", "--server", "a", "--server", "b"},
            {"msg", "1"},
            {"msg"},
            {"msg", "1", "x".repeat(32768)},
            {"msg", "1", "hi", "--time", "-1"},
            {"msg", "@/nonexistent/targets", "hi"},
            {"kill"},
            {"kill", "4294967296"},
            {"kill", "1", "--exit-code", "-1"},
            {"kill", "1", "--all"},
            {"kill", "notepad", "--id", "1", "--all"},
            {"kill", "notepad", "--server", "x"},
            {"kill", "c:\\x.exe"},
            {"shutdown", "now"},
            {"shutdown", "--reboot", "--poweroff", "--yes"},
            {"servers", "--server", "x"},
            {"servers", "--domain", ""},
            {"servers", "a", "b"},
            {"help", "nosuch"},
            {"watch", "--server", "x"},
            {"watch", "--count", "0"},
            {"watch", "--for", "-1"},
            {"watch", "now"},
            {"channel", "shout", "X"},
            {"channel", "listen", "X", "--priority", "high"},
            {"run-as-user"},
            {"run-as-user", "--server=x", "notepad.exe"},
            {"run-as-user", "--window", "tiny", "notepad.exe"},
            {"run-as-user", "--env", "NOEQUALS", "notepad.exe"},
            {"run-as-user", "--session", "x", "notepad.exe"},
            {"run-as-user", " "},
            {"sessions", "--timeout", "0.0000000001", "--server", "x"}, // rounds to no time at all
        };
        for (String[] args : bad) {
            Run run = cli(args);
            String shown = String.join(" ", args);
            assertEquals(ExitCode.USAGE, run.code(), shown + ": " + run.err());
            if (List.of(args).stream().anyMatch(a -> a.startsWith("--json"))) {
                assertEquals("usage", errorObject(run, args[0]).get("kind"), shown);
            } else {
                assertEquals("", run.out(), shown);
            }
            assertTrue(run.err().startsWith("wts-bridge: "), shown + ": " + run.err());
            assertTrue(run.err().contains("--help"), shown + ": " + run.err());
        }
        assertEquals(0, FakeWts.callCount(), "a usage error must not reach Windows");
    }

    @Test
    void jsonUsageErrorsAreAJsonErrorObject() {
        Run run = cli("sessions", "--json", "--bogus");
        assertEquals(ExitCode.USAGE, run.code());
        assertEquals(Map.of("kind", "usage", "message", "unknown option --bogus"), errorObject(run, "sessions"));
        assertTrue(run.err().startsWith("wts-bridge: unknown option --bogus"), "and the message on stderr");
        Run unknown = cli("nosuch", "--json");
        assertEquals(Map.of("kind", "usage", "message", "unknown command 'nosuch'"), errorObject(unknown, null));
    }

    /** The tool with a library loader of the test's choosing. */
    private static Run withLoader(Runnable loader, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), ZoneOffset.UTC, loader).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageErrorsComeBeforeTheOsCheck() {
        Runnable notWindows = () -> {
            throw new UnsupportedOperationException("Windows Terminal Services are not available on Linux");
        };
        Runnable broken = () -> {
            throw new IllegalStateException("wtsbridge.dll: digest mismatch");
        };
        for (String[] args : new String[][] {{"logoff", "one", "two"}, {"sessions", "--bogus"}, {"msg", "1"},
            {"kill", "notepad", "--server", "x"}, {"shutdown", "--reboot", "--poweroff"}}) {
            assertEquals(ExitCode.USAGE, withLoader(notWindows, args).code(), String.join(" ", args));
        }
        Run off = withLoader(notWindows, "sessions", "--json");
        assertEquals(ExitCode.NOT_WINDOWS, off.code());
        assertEquals(Map.of("kind", "not-windows", "message", "Windows Terminal Services are not available on Linux"),
                errorObject(off, "sessions"));
        assertEquals("wts-bridge: Windows Terminal Services are not available on Linux", off.err().strip());
        Run noLibrary = withLoader(broken, "users");
        assertEquals(ExitCode.NO_LIBRARY, noLibrary.code());
        assertEquals("", noLibrary.out());
        assertEquals("wts-bridge: wtsbridge.dll: digest mismatch", noLibrary.err().strip());
        assertEquals("no-library", errorObject(withLoader(broken, "users", "--json"), "users").get("kind"));
        assertEquals(0, withLoader(notWindows, "--version").code(), "--version needs no library");
        assertEquals(0, FakeWts.callCount());
    }

    @Test
    void helpForEveryCommand() {
        Cli cli = new Cli(System.out, System.err, ZoneOffset.UTC);
        Run overall = cli("--help");
        assertEquals(0, overall.code());
        assertEquals(overall.out(), cli("help").out());
        assertTrue(overall.out().contains("Exit codes:"));
        assertTrue(overall.out().contains("--version"));
        for (Command command : cli.commands()) {
            assertTrue(overall.out().contains("  " + command.name() + " "), command.name());
            for (String[] args : new String[][] {{command.name(), "--help"}, {command.name(), "-h"},
                {"help", command.name()}, {command.name(), "--json", "--help", "--bogus"}}) {
                Run run = cli(args);
                assertEquals(0, run.code(), String.join(" ", args));
                assertEquals("", run.err());
                assertTrue(run.out().startsWith("usage: wts-bridge " + command.name()
                        + (command.localOnly() ? " [--" : " [--server NAME]...")), run.out());
                assertEquals(!command.localOnly(), run.out().contains("--server NAME"), run.out());
                for (Option option : command.options()) {
                    assertTrue(run.out().contains("--" + option.name()), command.name() + " --" + option.name());
                }
                assertTrue(run.out().contains("  3  partial failure"), run.out());
                assertTrue(run.out().contains("  6  declined"), run.out());
            }
        }
        assertEquals(List.of("sessions", "users", "processes", "logoff", "disconnect", "connect", "shadow", "msg", "kill",
                "shutdown", "servers", "watch", "run-as-user", "channel"),
                cli.commands().stream().map(Command::name).toList());
        assertEquals(0, FakeWts.callCount());
    }
}
