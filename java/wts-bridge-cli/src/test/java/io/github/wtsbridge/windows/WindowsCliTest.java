package io.github.wtsbridge.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.WtsSessionInfo;
import io.github.wtsbridge.WtsInventory;
import io.github.wtsbridge.WtsInventorySession;
import io.github.wtsbridge.WtsProcess;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsServerInventory;
import io.github.wtsbridge.WtsServerResult;
import io.github.wtsbridge.WtsSessionEntry;
import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.cli.StrictJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The command-line tool for real: {@code java -jar <fat jar> sessions|users|processes [--json]}
 * in child JVMs on this Windows JVM (the fat jar named by -Dwts.fatJar), checked against what
 * the library returns in this JVM at the same time: exit code, a table of the right shape,
 * JSON that a strict parser takes, the same content. Under Wine WTSEnumerateSessionsW succeeds
 * with no session (dlls/wtsapi32/wtsapi32.c), so sessions and users are empty there, while
 * processes are Wine's real ones.
 */
@Tag("windows")
class WindowsCliTest {
    record Run(long pid, int exit, String out, String err) {
        /** Non-empty stdout lines. */
        List<String> lines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Runs the fat jar with {@code args}; it must exit 0 with nothing on stderr. */
    private Run cli(String... args) throws Exception {
        Run run = run(args);
        String what = describe(run, args);
        assertEquals(0, run.exit(), what);
        assertEquals(List.of(), complaints(run), what);
        return run;
    }

    private static String describe(Run run, String... args) {
        return String.join(" ", args) + ": exit " + run.exit() + "\nstdout:\n" + run.out() + "\nstderr:\n" + run.err();
    }

    /** stderr's lines, but Wine's own notes about the Z: drive when it starts a process. */
    private static List<String> complaints(Run run) {
        return run.err().lines().filter(l -> !l.isBlank())
                .filter(l -> !(WindowsSupport.onWine() && l.startsWith("wine: "))).toList();
    }

    /** Runs the fat jar with {@code args}; stdout and stderr apart (UTF-8), whatever the exit code. */
    private Run run(String... args) throws Exception {
        String fatJar = System.getProperty("wts.fatJar");
        assertNotNull(fatJar, "-Dwts.fatJar (the CLI's fat jar) is not set");
        assertTrue(Files.isRegularFile(Path.of(fatJar)), fatJar + " is missing");
        List<String> command = new ArrayList<>(List.of(WindowsSupport.javaExe(),
                "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8", "-jar", fatJar));
        command.addAll(List.of(args));
        // Pipes, not files: under Wine a redirect file can stay open (sharing violation) a moment
        // after the child has ended. stderr is drained on a thread of its own. Not readAllBytes:
        // on a pipe it asks for the file's length, which Wine answers with "Invalid function".
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        byte[] out = drain(process.getInputStream());
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the CLI did not end: " + command);
        return new Run(process.pid(), process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.get(2, TimeUnit.MINUTES), StandardCharsets.UTF_8));
    }

    private static byte[] drain(InputStream stream) {
        try (InputStream in = stream) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one local server object of a --json listing, its keys checked. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> localServer(Run run, String command, String listKey) {
        Map<String, Object> json = StrictJson.object(run.out().strip());
        assertEquals(List.of("command", "servers"), List.copyOf(json.keySet()), run.out());
        assertEquals(command, json.get("command"));
        List<Object> servers = (List<Object>) json.get("servers");
        assertEquals(1, servers.size(), run.out());
        Map<String, Object> server = (Map<String, Object>) servers.get(0);
        assertEquals(List.of("server", "status", "elapsedMillis", listKey), List.copyOf(server.keySet()), run.out());
        assertEquals(null, server.get("server"), "this machine has no server name in the JSON");
        assertEquals("ok", server.get("status"));
        assertTrue(((Long) server.get("elapsedMillis")) >= 0, run.out());
        return server;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> server, String key) {
        return (List<Map<String, Object>>) (List<?>) server.get(key);
    }

    private static WtsServerInventory libraryInventory() {
        WtsServerResult result = WtsInventory.scanLocal(WtsInventory.Options.defaults().withSessionInfo(true));
        assertTrue(result instanceof WtsServerResult.Scanned, result.toString());
        return ((WtsServerResult.Scanned) result).inventory();
    }

    private static Map<Integer, WtsInventorySession> byId(WtsServerInventory inventory) {
        Map<Integer, WtsInventorySession> sessions = new LinkedHashMap<>();
        inventory.sessions().forEach(s -> sessions.put(s.session().id(), s));
        return sessions;
    }

    private static String iso(WtsInventorySession s) {
        return s.info().flatMap(i -> i.times().logon()).map(DateTimeFormatter.ISO_INSTANT::format).orElse(null);
    }

    @Test
    void sessionsPlainAndJsonMatchTheLibrary() throws Exception {
        WtsServerInventory library = libraryInventory();
        if (WindowsSupport.onWine()) {
            assertEquals(List.of(), library.sessions(), "Wine's WTSEnumerateSessionsW lists no session");
        }
        Run plain = cli("sessions");
        List<String> lines = plain.lines();
        assertTrue(Pattern.matches(" SESSIONNAME +USERNAME +ID  STATE +TYPE  DEVICE", lines.get(0)), plain.out());
        Set<Integer> plainIds = new java.util.TreeSet<>();
        int current = WtsSession.current().id();
        for (String row : lines.subList(1, lines.size())) {
            String[] cells = row.substring(1).trim().split(" {2,}");
            int id = Integer.parseInt(cells[cells.length - 2]);
            plainIds.add(id);
            assertEquals(id == current, row.startsWith(">"), "'>' on the current session only: " + row);
        }
        assertEquals(new java.util.TreeSet<>(byId(library).keySet()), plainIds, plain.out());

        Run json = cli("sessions", "--json");
        List<Map<String, Object>> sessions = list(localServer(json, "sessions", "sessions"), "sessions");
        Map<Integer, WtsInventorySession> expected = byId(libraryInventory()); /* as close in time as can be */
        assertEquals(expected.keySet(), sessions.stream().map(s -> ((Long) s.get("sessionId")).intValue())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new)), json.out());
        for (Map<String, Object> s : sessions) {
            WtsInventorySession mine = expected.get(((Long) s.get("sessionId")).intValue());
            WtsSessionEntry session = mine.session();
            assertEquals(List.of("sessionId", "sessionName", "userName", "domain", "state", "stateCode", "current",
                    "logonTime", "idleSeconds", "counters"), List.copyOf(s.keySet()), s.toString());
            assertEquals(session.winStationName(), s.get("sessionName"), s.toString());
            assertEquals(session.state().name(), s.get("state"), s.toString());
            assertEquals(Integer.toUnsignedLong(session.rawState()), s.get("stateCode"), s.toString());
            assertEquals(session.id() == WtsSession.current().id(), s.get("current"), s.toString());
            assertEquals(mine.info().map(WtsSessionInfo::userName).orElse(null), s.get("userName"), s.toString());
            assertEquals(mine.info().map(WtsSessionInfo::domainName).orElse(null), s.get("domain"), s.toString());
            assertEquals(iso(mine), s.get("logonTime"), s.toString());
        }
    }

    @Test
    void usersPlainAndJsonMatchTheLibrary() throws Exception {
        WtsServerInventory library = libraryInventory();
        List<WtsInventorySession> withUser = library.sessions().stream().filter(s -> !s.userName().isEmpty()).toList();
        if (WindowsSupport.onWine()) {
            assertEquals(List.of(), withUser, "no session under Wine, so no user");
        }
        Run plain = cli("users");
        List<String> lines = plain.lines();
        assertTrue(Pattern.matches(" USERNAME +SESSIONNAME +ID  STATE  IDLE TIME  LOGON TIME", lines.get(0)), plain.out());
        assertEquals(withUser.size(), lines.size() - 1, plain.out());
        for (WtsInventorySession s : withUser) {
            assertTrue(lines.stream().anyMatch(l -> l.substring(1).startsWith(s.userName() + " ")
                    && l.contains(" " + s.session().id() + "  ")), s + " missing from\n" + plain.out());
        }

        Run json = cli("users", "--json");
        List<Map<String, Object>> users = list(localServer(json, "users", "users"), "users");
        Map<Integer, WtsInventorySession> expected = new LinkedHashMap<>();
        libraryInventory().sessions().stream().filter(s -> !s.userName().isEmpty())
                .forEach(s -> expected.put(s.session().id(), s));
        assertEquals(expected.size(), users.size(), json.out());
        for (Map<String, Object> u : users) {
            assertEquals(List.of("userName", "domain", "sessionName", "sessionId", "state", "stateCode", "current",
                    "idleSeconds", "logonTime"), List.copyOf(u.keySet()), u.toString());
            WtsInventorySession mine = expected.get(((Long) u.get("sessionId")).intValue());
            assertNotNull(mine, u + " is not a session with a user: " + expected);
            WtsSessionInfo info = mine.info().orElseThrow();
            assertEquals(info.userName(), u.get("userName"));
            assertEquals(info.domainName(), u.get("domain"));
            assertEquals(mine.session().winStationName(), u.get("sessionName"));
            assertEquals(mine.session().state().name(), u.get("state"));
            assertEquals(iso(mine), u.get("logonTime"));
        }
    }

    /** A process as both sides print it (the JSON's null SID is the library's empty one). */
    record Proc(int sessionId, long pid, String image, String sid) {
        static Proc of(WtsProcess p) {
            return new Proc(p.sessionId(), p.pid(), p.imageName(), p.userSid());
        }
    }

    /** Processes listed by the library both before and after the CLI ran, identical: long-lived. */
    private static Map<Long, Proc> longLived(List<WtsProcess> before, List<WtsProcess> after) {
        Map<Long, Proc> first = new HashMap<>();
        before.forEach(p -> first.put(p.pid(), Proc.of(p)));
        Map<Long, Proc> both = new HashMap<>();
        for (WtsProcess p : after) {
            if (Proc.of(p).equals(first.get(p.pid()))) {
                both.put(p.pid(), Proc.of(p));
            }
        }
        return both;
    }

    private static void assertHasLongLivedServices(Map<Long, Proc> longLived) {
        Set<String> images = longLived.values().stream().map(p -> p.image().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<String> expected = WindowsSupport.onWine() ? List.of("services.exe", "explorer.exe") : List.of("services.exe");
        for (String image : expected) {
            assertTrue(images.contains(image), image + " is not among the long-lived processes " + images);
        }
        assertTrue(longLived.containsKey(ProcessHandle.current().pid()), "this JVM is not listed: " + longLived);
    }

    @Test
    void processesPlainMatchesTheLibrary() throws Exception {
        List<WtsProcess> before = WtsServer.local().processes();
        Run plain = cli("processes", "--all");
        Map<Long, Proc> longLived = longLived(before, WtsServer.local().processes());
        assertHasLongLivedServices(longLived);

        List<String> lines = plain.lines();
        assertTrue(Pattern.matches(" USERNAME +SESSIONNAME +ID +PID  IMAGE", lines.get(0)), plain.out());
        Map<Integer, String> names = new HashMap<>();
        WtsServer.local().sessions().forEach(s -> names.put(s.id(), s.winStationName()));
        int current = WtsSession.current().id();
        for (Proc p : longLived.values()) {
            String name = names.getOrDefault(p.sessionId(), "");
            String row = (p.sessionId() == current ? ">" : " ") + ".*" + (name.isEmpty() ? " +" : Pattern.quote(name) + " +")
                    + p.sessionId() + " +" + p.pid() + "  " + Pattern.quote(p.image());
            assertEquals(1, lines.stream().filter(l -> Pattern.matches(row, l)).count(),
                    p + " (as /" + row + "/) not once in\n" + plain.out());
        }
    }

    @Test
    void processesJsonMatchesTheLibrary() throws Exception {
        List<WtsProcess> before = WtsServer.local().processes();
        Run json = cli("processes", "--all", "--json");
        List<WtsProcess> after = WtsServer.local().processes();
        Map<Long, Proc> longLived = longLived(before, after);
        assertHasLongLivedServices(longLived);

        Map<Integer, String> names = new HashMap<>();
        libraryInventory().sessions().forEach(s -> names.put(s.session().id(), s.session().winStationName()));
        Map<Long, Proc> cli = new HashMap<>();
        for (Map<String, Object> p : list(localServer(json, "processes", "processes"), "processes")) {
            assertEquals(List.of("userName", "domain", "sessionName", "sessionId", "pid", "imageName", "userSid", "current"),
                    List.copyOf(p.keySet()), p.toString());
            int session = ((Long) p.get("sessionId")).intValue();
            assertEquals(names.get(session), p.get("sessionName"), p.toString());
            assertEquals(session == WtsSession.current().id(), p.get("current"), p.toString());
            String sid = (String) p.get("userSid");
            assertTrue(sid == null || sid.startsWith("S-1-"), p.toString());
            if (WindowsSupport.onWine()) {
                assertEquals(null, p.get("userName"), "Wine's WTSEnumerateProcessesExW has no level 1: no owner names");
            }
            Proc proc = new Proc(session, (Long) p.get("pid"), (String) p.get("imageName"), Objects.requireNonNullElse(sid, ""));
            assertEquals(null, cli.put(proc.pid(), proc), "pid listed twice: " + p);
        }
        for (Proc p : longLived.values()) {
            assertEquals(p, cli.get(p.pid()), "the CLI's view of pid " + p.pid());
        }
        // Whatever both list under the same pid is the same process the same way.
        Map<Long, Proc> library = new HashMap<>();
        before.forEach(p -> library.put(p.pid(), Proc.of(p)));
        after.forEach(p -> library.put(p.pid(), Proc.of(p)));
        for (Proc p : cli.values()) {
            if (library.containsKey(p.pid()) && library.get(p.pid()).image().equalsIgnoreCase(p.image())) {
                assertEquals(library.get(p.pid()), p);
            }
        }
        // The CLI lists itself: its java.exe, in our session, as our user.
        Proc self = cli.get(json.pid());
        assertNotNull(self, "the CLI (pid " + json.pid() + ") is not in its own listing: " + cli.values());
        assertEquals(new Proc(WtsSession.current().id(), json.pid(), "java.exe",
                longLived.get(ProcessHandle.current().pid()).sid()), self);
    }

    /** A child JVM for kill to end: prints "ready", then waits for its stdin to close. */
    static final class Hold {
        public static void main(String[] args) throws IOException {
            System.out.println("ready " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the parent closes our stdin or we are ended
            }
        }
    }

    @Test
    void killEndsAChildOfTheTest() throws Exception {
        try (WindowsSupport.ChildJvm child = WindowsSupport.ChildJvm.start(
                List.of("-cp", WindowsSupport.testClassPath(), Hold.class.getName()))) {
            assertEquals(Long.toString(child.pid()), child.awaitLine("ready ", java.time.Duration.ofMinutes(1)));
            Run run = run("kill", "--json", "--exit-code", "7", Long.toString(child.pid()));
            Map<String, Object> json = StrictJson.object(run.out().strip());
            assertEquals("kill", json.get("command"), describe(run));
            @SuppressWarnings("unchecked")
            Map<String, Object> result = ((List<Map<String, Object>>) json.get("results")).get(0);
            assertEquals(child.pid(), result.get("pid"));
            if (WindowsSupport.onWine()) {
                // Wine's WTSTerminateProcess is a FALSE stub that sets no error: the CLI says so, exit 1
                assertEquals(1, run.exit(), describe(run));
                assertEquals("failed", result.get("status"));
                @SuppressWarnings("unchecked")
                Map<String, Object> error = (Map<String, Object>) result.get("error");
                assertEquals("windows", error.get("kind"));
                assertEquals("WTSTerminateProcess", error.get("function"));
                assertTrue(child.pid() > 0 && ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive).orElse(false),
                        "the stub ended nothing");
                assertEquals("", run.err(), "with --json the failure is in the JSON");
            } else {
                assertEquals(0, run.exit(), describe(run));
                assertEquals("ok", result.get("status"));
                assertEquals(7, child.finish(java.time.Duration.ofMinutes(1)), "ended with --exit-code");
            }
        }
    }

    @Test
    void killByAMissingNameFails() throws Exception {
        Run run = run("kill", "--all", "no-such-image-" + ProcessHandle.current().pid());
        assertEquals(1, run.exit(), describe(run));
        assertEquals("", run.out(), describe(run));
        assertTrue(complaints(run).get(0).startsWith("wts-bridge: no process named 'no-such-image-"), describe(run));
    }

    @Test
    void processesFilteredForReal() throws Exception {
        long pid = ProcessHandle.current().pid();
        Run mine = cli("processes", Long.toString(pid));
        assertEquals(2, mine.lines().size(), mine.out());
        String row = mine.lines().get(1);
        assertTrue(Pattern.matches(">.* +" + WtsSession.current().id() + " +" + pid + "  java\\.exe", row), row);
        Run byImage = cli("processes", "JAVA.EXE", "--json");
        assertTrue(byImage.out().contains("\"pid\":" + pid + ","), byImage.out());
        Run none = run("processes", "no-such-image.exe");
        assertEquals(1, none.exit(), describe(none));
        assertEquals("wts-bridge: nothing matches 'no-such-image.exe'", complaints(none).get(0));
    }

    @Test
    void serversForReal() throws Exception {
        Run run = run("servers", "--json");
        Map<String, Object> json = StrictJson.object(run.out().strip());
        if (WindowsSupport.onWine()) {
            // WTSEnumerateServersW is a FALSE stub under Wine: a JSON error object, exit 1
            assertEquals(1, run.exit(), describe(run));
            assertEquals(List.of("command", "error"), List.copyOf(json.keySet()), run.out());
            @SuppressWarnings("unchecked")
            Map<String, Object> error = (Map<String, Object>) json.get("error");
            assertEquals(List.of("kind", "code", "function", "message"), List.copyOf(error.keySet()), run.out());
            assertEquals("WTSEnumerateServersW", error.get("function"));
            Run plain = run("servers");
            assertEquals(1, plain.exit(), describe(plain));
            assertTrue(complaints(plain).get(0).startsWith("wts-bridge: WTSEnumerateServersW failed"), describe(plain));
        } else if (run.exit() == 0) { // a domain that browses
            assertEquals(List.of("command", "domain", "servers"), List.copyOf(json.keySet()), run.out());
        } else {
            assertEquals(1, run.exit(), describe(run));
            assertEquals(List.of("command", "error"), List.copyOf(json.keySet()), run.out());
        }
    }

    @Test
    void listingsOfAServerThatIsNotThereFail() throws Exception {
        String server = "wts-bridge-no-such-host.invalid";
        for (String command : List.of("sessions", "users", "processes")) {
            Run plain = run(command, "--server", server, "--timeout", "60");
            assertEquals(1, plain.exit(), describe(plain, command));
            assertEquals("", plain.out(), describe(plain, command));
            assertTrue(complaints(plain).get(0).startsWith("wts-bridge: " + server + ": "), describe(plain, command));

            Run json = run(command, "--json", "--server", server, "--timeout", "60");
            assertEquals(1, json.exit(), describe(json, command));
            @SuppressWarnings("unchecked")
            Map<String, Object> result = ((List<Map<String, Object>>) StrictJson.object(json.out().strip()).get("servers")).get(0);
            assertEquals(server, result.get("server"));
            assertTrue(List.of("failed", "timeout").contains(result.get("status")), json.out());
            @SuppressWarnings("unchecked")
            Map<String, Object> error = (Map<String, Object>) result.get("error");
            if (WindowsSupport.onWine()) {
                assertEquals("WTSOpenServerW", error.get("function"), "Wine: ERROR_CALL_NOT_IMPLEMENTED");
                assertEquals(120L, error.get("code"));
            }
        }
    }

    @Test
    void usageErrorsAndVersionForReal() throws Exception {
        Run usage = run("logoff", "one", "two", "--json");
        assertEquals(2, usage.exit(), describe(usage));
        assertEquals(Map.of("command", "logoff", "error", Map.of("kind", "usage", "message", "unexpected argument 'two'")),
                StrictJson.object(usage.out().strip()));
        Run version = cli("--version");
        assertTrue(Pattern.matches("wts-bridge \\S+ \\(commit \\S+\\)", version.out().strip()), version.out());
    }
}
