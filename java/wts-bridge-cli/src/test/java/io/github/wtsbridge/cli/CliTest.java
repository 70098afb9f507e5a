package io.github.wtsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.testing.FakeControl;
import io.github.wtsbridge.testing.FakeServers;
import io.github.wtsbridge.testing.FakeSlowServers;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWorlds;
import io.github.wtsbridge.testing.FakeWts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ZoneOffset.UTC).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
    }

    @AfterEach
    void handlesClosedEventually() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (FakeWts.openHandles() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, FakeServers.badHandleUses());
    }

    // ---- sessions ----

    @Test
    void sessionsTable() {
        Run run = cli("sessions");
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        assertEquals(List.of(
                "SESSIONNAME  USERNAME     ID  STATE",
                "Services                   0  Disc",
                "Console      alice         1  Active",
                "RDP-Tcp#3    " + FakeWorlds.BOB + "        2  Disc",
                "RDP-Tcp                65536  Listen"), run.outLines());
    }

    @Test
    void sessionsJson() {
        Run run = cli("sessions", "--json");
        assertEquals(0, run.code(), run.err());
        Map<String, Object> json = run.json();
        assertEquals("sessions", json.get("command"));
        Map<String, Object> server = at(json, "servers", 0);
        assertTrue(server.containsKey("server"));
        assertNull(server.get("server"), "the local machine");
        assertEquals("ok", server.get("status"));
        List<Object> sessions = at(server, "sessions");
        assertEquals(4, sessions.size());
        Map<String, Object> bob = at(sessions, 2);
        assertEquals(2L, bob.get("id"));
        assertEquals("RDP-Tcp#3", bob.get("name"));
        assertEquals("DISCONNECTED", bob.get("state"));
        assertEquals(4L, bob.get("stateCode"));
        assertEquals(FakeWorlds.BOB, bob.get("user"), "quote, backslash and U+1D11E survive the escaping");
        assertEquals("CORP", bob.get("domain"));
        assertEquals("2026-11-24T08:30:00Z", bob.get("logonTime"));
        assertEquals(26L * 3600 + 180, bob.get("idleSeconds"));
        Map<String, Object> services = at(sessions, 0);
        assertEquals("", services.get("user"));
        assertNull(services.get("logonTime"));
        assertEquals("LISTEN", at(sessions, 3, "state"));
    }

    @Test
    void sessionsAcrossServersWithPartialFailure() {
        Run run = cli("sessions", "--server", "rdsh01", "--server=gone", "--server", "locked", "--server", "rdsh02");
        assertEquals(ExitCode.PARTIAL, run.code());
        List<String> out = run.outLines();
        assertEquals("SERVER  SESSIONNAME  USERNAME     ID  STATE", out.get(0));
        assertEquals("rdsh01  Services                   0  Disc", out.get(1));
        assertEquals(9, out.size(), "header + 4 sessions of each server that answered");
        assertTrue(out.get(5).startsWith("rdsh02  Services"), out.get(5));
        List<String> err = run.errLines();
        assertEquals(2, err.size(), run.err());
        assertTrue(err.get(0).startsWith("wts-bridge: gone: WTSEnumerateSessionsW failed with error 1722"), err.get(0));
        assertTrue(err.get(1).startsWith("wts-bridge: locked: WTSEnumerateSessionsW failed with error 5"), err.get(1));
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
        assertEquals("windows", error.get("kind"));
        assertEquals(1722L, error.get("code"));
        assertEquals("WTSEnumerateSessionsW", error.get("function"));
        assertTrue(((String) error.get("message")).contains("1722"));
        assertEquals((Object) 5L, at(servers, 2, "error", "code"));
        assertNull(at(servers, 1, "sessions"));
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
        long start = System.nanoTime();
        Run run = cli("sessions", "--json", "--timeout", "0.3", "--parallel", "1", "--server", "hung", "--server", "rdsh01");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(ExitCode.PARTIAL, run.code());
        assertTrue(took.compareTo(Duration.ofMillis(1200)) < 0, "waited for the hung server: " + took);
        Map<String, Object> hung = at(run.json(), "servers", 0);
        assertEquals("timeout", hung.get("status"));
        assertEquals(300L, hung.get("timeoutMillis"));
        assertEquals("timeout", at(hung, "error", "kind"));
        assertEquals("ok", at(run.json(), "servers", 1, "status"));

        Run table = cli("users", "--timeout=0.2", "--server", "hung");
        assertEquals(ExitCode.FAILED, table.code());
        assertEquals("wts-bridge: hung: no answer from hung within 200 ms", table.err().strip());
    }

    // ---- users ----

    @Test
    void usersTable() {
        Run run = cli("users");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of(
                "USERNAME  SESSIONNAME  ID  STATE   IDLE TIME  LOGON TIME",
                "alice     Console       1  Active          5  2026-11-25 07:59",
                FakeWorlds.BOB + "    RDP-Tcp#3     2  Disc       1+2:03  2026-11-24 08:30"), run.outLines());
    }

    @Test
    void usersJsonAcrossServers() {
        Run run = cli("users", "--json", "--server", "rdsh01", "--server", "rdsh02");
        assertEquals(0, run.code(), run.err());
        List<Object> servers = at(run.json(), "servers");
        assertEquals(2, servers.size());
        List<Object> users = at(servers, 1, "users");
        assertEquals(2, users.size());
        Map<String, Object> alice = at(users, 0);
        assertEquals("alice", alice.get("user"));
        assertEquals("CORP", alice.get("domain"));
        assertEquals("Console", alice.get("sessionName"));
        assertEquals(1L, alice.get("sessionId"));
        assertEquals("ACTIVE", alice.get("state"));
        assertEquals(300L, alice.get("idleSeconds"));
        assertEquals("2026-11-25T07:59:00Z", alice.get("logonTime"));
        assertEquals(FakeWorlds.BOB, at(users, 1, "user"));
    }

    // ---- processes ----

    @Test
    void processesTableAndSessionFilter() {
        FakeWts.addProcess(1, 6000, "svchost.exe", null);
        Run run = cli("processes");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of(
                "SESSIONNAME  ID   PID  IMAGE         SID",
                "Services      0     4  smss.exe      S-1-5-18",
                "Console       1  4242  explorer.exe  S-1-5-21-1-2-3-1001",
                "RDP-Tcp#3     2  5150  notepad.exe   S-1-5-21-1-2-3-1002",
                "Console       1  6000  svchost.exe"), run.outLines());

        Run one = cli("processes", "--session", "1", "--server", "rdsh01");
        assertEquals(List.of(
                "SERVER  SESSIONNAME  ID   PID  IMAGE         SID",
                "rdsh01  Console       1  4242  explorer.exe  S-1-5-21-1-2-3-1001",
                "rdsh01  Console       1  6000  svchost.exe"), one.outLines());
    }

    @Test
    void processesJson() {
        FakeWts.addProcess(1, 6000, "svchost.exe", null);
        Run run = cli("processes", "--json", "--session=1");
        List<Object> processes = at(run.json(), "servers", 0, "processes");
        assertEquals(2, processes.size());
        assertEquals(Map.of("sessionId", 1L, "sessionName", "Console", "pid", 4242L, "image", "explorer.exe",
                "sid", "S-1-5-21-1-2-3-1001"), processes.get(0));
        assertTrue(((Map<?, ?>) processes.get(1)).containsKey("sid"));
        assertNull(at(processes, 1, "sid"));

        FakeWts.injectError("WTSEnumerateProcessesW", WtsException.ERROR_ACCESS_DENIED, 1);
        Run denied = cli("processes", "--json");
        assertEquals(ExitCode.FAILED, denied.code());
        assertEquals("WTSEnumerateProcessesW", at(denied.json(), "servers", 0, "error", "function"));
    }

    // ---- actions ----

    @Test
    void logoff() {
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
        assertEquals("failed", result.get("status"));
        assertEquals(2L, result.get("sessionId"));
        assertEquals((Object) 7022L, at(result, "error", "code"));
        assertEquals("WTSLogoffSession", at(result, "error", "function"));
        assertTrue(FakeControl.lastCall().waited());
    }

    @Test
    void disconnectAcrossServers() {
        Run run = cli("disconnect", "1", "--server", "rdsh01", "--server", "gone", "--wait");
        assertEquals(ExitCode.PARTIAL, run.code());
        assertEquals("rdsh01: disconnected session 1\n", run.out());
        assertTrue(run.err().startsWith("wts-bridge: gone: WTSDisconnectSession failed with error 1722"), run.err());
        assertEquals("WTSDisconnectSession", FakeServers.lastFunction());

        Run json = cli("disconnect", "--json", "--server", "rdsh01", "1");
        assertEquals(0, json.code());
        assertEquals(Map.of("server", "rdsh01", "status", "ok", "sessionId", 1L), at(json.json(), "results", 0));
    }

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
    void msgToEveryActiveSession() {
        FakeWts.addSession(7, 0, "RDP-Tcp#9");
        Run run = cli("msg", "*", "hello");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("sent to session 1", "sent to session 7"), run.outLines());

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
        assertTrue(nobody.err().startsWith("wts-bridge: nothing done: no session matched"), nobody.err());
        assertEquals("{\"command\":\"msg\",\"results\":[]}", cli("msg", "--json", "*", "hello").out().strip());
    }

    @Test
    void kill() {
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

    // ---- usage errors and help ----

    @Test
    void usageErrorsAreExitTwoAndCallNothing() {
        String[][] bad = {
            {},
            {"nosuch"},
            {"--server", "x"},
            {"sessions", "--bogus"},
            {"sessions", "-x"},
            {"sessions", "extra"},
            {"sessions", "--server"},
            {"sessions", "--server", ""},
            {"sessions", "--json=yes"},
            {"sessions", "--json", "--json"},
            {"sessions", "--timeout", "0"},
            {"sessions", "--timeout", "soon"},
            {"users", "--parallel", "0"},
            {"users", "--parallel", "257"},
            {"processes", "--session", "-1"},
            {"processes", "--session", "x"},
            {"logoff"},
            {"logoff", "1", "2"},
            {"logoff", "one"},
            {"logoff", "2147483648"},
            {"disconnect", "-1"},
            {"msg", "1"},
            {"msg", "1", "hi", "--time", "5"},
            {"msg", "1", "x".repeat(32768)},
            {"kill"},
            {"kill", "4294967296"},
            {"kill", "1", "--exit-code", "-1"},
            {"help", "nosuch"},
            {"watch", "--server", "x"},
            {"watch", "--count", "0"},
            {"watch", "--for", "-1"},
            {"watch", "now"},
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
            assertEquals(ExitCode.USAGE, run.code(), shown);
            assertEquals("", run.out(), shown);
            assertTrue(run.err().startsWith("wts-bridge: "), shown + ": " + run.err());
            assertTrue(run.err().contains("--help"), shown + ": " + run.err());
        }
        assertEquals(0, FakeWts.callCount(), "a usage error must not reach Windows");
    }

    @Test
    void helpForEveryCommand() {
        Cli cli = new Cli(System.out, System.err, ZoneOffset.UTC);
        Run overall = cli("--help");
        assertEquals(0, overall.code());
        assertEquals(overall.out(), cli("help").out());
        assertTrue(overall.out().contains("Exit codes:"));
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
            }
        }
        assertEquals(List.of("sessions", "users", "processes", "logoff", "disconnect", "msg", "kill", "watch", "run-as-user",
                "channel"),
                cli.commands().stream().map(Command::name).toList());
        assertEquals(0, FakeWts.callCount());
    }
}
