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

    /** Runs the fat jar with {@code args}; stdout and stderr apart (UTF-8). */
    private Run cli(String... args) throws Exception {
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
        Run run = new Run(process.pid(), process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.get(2, TimeUnit.MINUTES), StandardCharsets.UTF_8));
        String what = String.join(" ", args) + ": exit " + run.exit() + "\nstdout:\n" + run.out() + "\nstderr:\n" + run.err();
        assertEquals(0, run.exit(), what);
        // Nothing on stderr, except Wine's own notes about the Z: drive when it starts a process.
        List<String> complaints = run.err().lines().filter(l -> !l.isBlank())
                .filter(l -> !(WindowsSupport.onWine() && l.startsWith("wine: "))).toList();
        assertEquals(List.of(), complaints, what);
        return run;
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
        assertTrue(Pattern.matches("SESSIONNAME +USERNAME +ID  STATE", lines.get(0)), plain.out());
        Set<Integer> plainIds = new java.util.TreeSet<>();
        for (String row : lines.subList(1, lines.size())) {
            String[] cells = row.trim().split(" {2,}");
            plainIds.add(Integer.parseInt(cells[cells.length - 2]));
        }
        assertEquals(new java.util.TreeSet<>(byId(library).keySet()), plainIds, plain.out());

        Run json = cli("sessions", "--json");
        List<Map<String, Object>> sessions = list(localServer(json, "sessions", "sessions"), "sessions");
        Map<Integer, WtsInventorySession> expected = byId(libraryInventory()); /* as close in time as can be */
        assertEquals(expected.keySet(), sessions.stream().map(s -> ((Long) s.get("id")).intValue())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new)), json.out());
        for (Map<String, Object> s : sessions) {
            WtsInventorySession mine = expected.get(((Long) s.get("id")).intValue());
            WtsSessionEntry session = mine.session();
            assertEquals(List.of("id", "name", "state", "stateCode", "user", "domain", "logonTime", "idleSeconds"),
                    List.copyOf(s.keySet()), s.toString());
            assertEquals(session.winStationName(), s.get("name"), s.toString());
            assertEquals(session.state().name(), s.get("state"), s.toString());
            assertEquals(Integer.toUnsignedLong(session.rawState()), s.get("stateCode"), s.toString());
            assertEquals(mine.info().map(WtsSessionInfo::userName).orElse(null), s.get("user"), s.toString());
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
        assertTrue(Pattern.matches("USERNAME +SESSIONNAME +ID  STATE  IDLE TIME  LOGON TIME", lines.get(0)), plain.out());
        assertEquals(withUser.size(), lines.size() - 1, plain.out());
        for (WtsInventorySession s : withUser) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(s.userName() + " ")
                    && l.contains(" " + s.session().id() + "  ")), s + " missing from\n" + plain.out());
        }

        Run json = cli("users", "--json");
        List<Map<String, Object>> users = list(localServer(json, "users", "users"), "users");
        Map<Integer, WtsInventorySession> expected = new LinkedHashMap<>();
        libraryInventory().sessions().stream().filter(s -> !s.userName().isEmpty())
                .forEach(s -> expected.put(s.session().id(), s));
        assertEquals(expected.size(), users.size(), json.out());
        for (Map<String, Object> u : users) {
            assertEquals(List.of("user", "domain", "sessionName", "sessionId", "state", "idleSeconds", "logonTime"),
                    List.copyOf(u.keySet()), u.toString());
            WtsInventorySession mine = expected.get(((Long) u.get("sessionId")).intValue());
            assertNotNull(mine, u + " is not a session with a user: " + expected);
            WtsSessionInfo info = mine.info().orElseThrow();
            assertEquals(info.userName(), u.get("user"));
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
        Run plain = cli("processes");
        Map<Long, Proc> longLived = longLived(before, WtsServer.local().processes());
        assertHasLongLivedServices(longLived);

        List<String> lines = plain.lines();
        assertTrue(Pattern.matches("SESSIONNAME +ID +PID  IMAGE +SID", lines.get(0)), plain.out());
        Map<Integer, String> names = new HashMap<>();
        WtsServer.local().sessions().forEach(s -> names.put(s.id(), s.winStationName()));
        for (Proc p : longLived.values()) {
            String name = names.getOrDefault(p.sessionId(), "");
            String row = (name.isEmpty() ? " *" : Pattern.quote(name) + " +") + p.sessionId() + " +" + p.pid()
                    + "  " + Pattern.quote(p.image()) + (p.sid().isEmpty() ? "" : " +" + Pattern.quote(p.sid()));
            assertEquals(1, lines.stream().filter(l -> Pattern.matches(row, l)).count(),
                    p + " (as /" + row + "/) not once in\n" + plain.out());
        }
    }

    @Test
    void processesJsonMatchesTheLibrary() throws Exception {
        List<WtsProcess> before = WtsServer.local().processes();
        Run json = cli("processes", "--json");
        List<WtsProcess> after = WtsServer.local().processes();
        Map<Long, Proc> longLived = longLived(before, after);
        assertHasLongLivedServices(longLived);

        Map<Integer, String> names = new HashMap<>();
        libraryInventory().sessions().forEach(s -> names.put(s.session().id(), s.session().winStationName()));
        Map<Long, Proc> cli = new HashMap<>();
        for (Map<String, Object> p : list(localServer(json, "processes", "processes"), "processes")) {
            assertEquals(List.of("sessionId", "sessionName", "pid", "image", "sid"), List.copyOf(p.keySet()), p.toString());
            int session = ((Long) p.get("sessionId")).intValue();
            assertEquals(names.get(session), p.get("sessionName"), p.toString());
            String sid = (String) p.get("sid");
            assertTrue(sid == null || sid.startsWith("S-1-"), p.toString());
            Proc proc = new Proc(session, (Long) p.get("pid"), (String) p.get("image"), Objects.requireNonNullElse(sid, ""));
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
}
