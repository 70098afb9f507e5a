package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsSessionChange;
import io.github.wtsbridge.WtsSessionScope;
import io.github.wtsbridge.WtsSessionSubscription;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code watch}: session changes as they happen, one line each. */
final class WatchCommand extends Command {
    private static final Option COUNT = Option.value("count", "N", "stop after N changes");
    private static final Option FOR = Option.value("for", "SECONDS", "stop after this long");
    private static final Option OWN = Option.flag("own-session", "only changes of the session this tool runs in");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    String name() {
        return "watch";
    }

    @Override
    String summary() {
        return "print session changes as they happen: logon, lock, disconnect, ... (this machine only)";
    }

    @Override
    String arguments() {
        return "";
    }

    @Override
    boolean localOnly() {
        return true;
    }

    @Override
    String description() {
        return "Prints each session change of this machine (WM_WTSSESSION_CHANGE: CONSOLE_CONNECT,\n"
                + "REMOTE_DISCONNECT, SESSION_LOGON, SESSION_LOCK, ...) as a line TIME EVENT SESSION, until\n"
                + "--count changes or --for seconds, or until stopped (Ctrl+C). With --json: one JSON object\n"
                + "per line (JSON Lines). Works on this machine only: --server is refused.";
    }

    @Override
    List<Option> extraOptions() {
        return List.of(COUNT, FOR, OWN);
    }

    @Override
    void check(Args args, Context context) throws UsageException {
        positionals(args, 0, 0, "");
        if (args.value("count").isPresent()) {
            Args.number(args.value("count").get(), "--count", 1, Long.MAX_VALUE);
        }
        if (args.value("for").isPresent()) {
            Args.seconds(args.value("for").get(), "--for", false, 365L * 86_400);
        }
    }

    @Override
    int run(Args args, Context context) throws UsageException {
        positionals(args, 0, 0, "");
        long count = args.value("count").isPresent()
                ? Args.number(args.value("count").get(), "--count", 1, Long.MAX_VALUE) : Long.MAX_VALUE;
        Duration limit = args.value("for").isPresent()
                ? Args.seconds(args.value("for").get(), "--for", false, 365L * 86_400) : null;
        WtsSessionScope scope = args.flag("own-session") ? WtsSessionScope.THIS_SESSION : WtsSessionScope.ALL_SESSIONS;
        BlockingQueue<Map.Entry<Instant, WtsSessionChange>> changes = new LinkedBlockingQueue<>();
        long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        try (WtsSessionSubscription subscription = WtsSessionSubscription.open(scope,
                change -> changes.add(Map.entry(Instant.now(), change)))) {
            if (!context.json()) {
                context.out().println(line("TIME", "EVENT", "SESSION"));
            }
            for (long seen = 0; seen < count; ) {
                long wait = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (wait <= 0) {
                    break;
                }
                Map.Entry<Instant, WtsSessionChange> next = changes.poll(Math.min(wait, TimeUnit.SECONDS.toNanos(1)),
                        TimeUnit.NANOSECONDS);
                if (next != null) {
                    print(next.getKey(), next.getValue(), context);
                    seen++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    private static void print(Instant time, WtsSessionChange change, Context context) {
        if (context.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("time", time.toString());
            json.put("event", change.event().name());
            json.put("eventCode", change.rawEvent());
            json.put("sessionId", Integer.toUnsignedLong(change.sessionId()));
            context.out().println(Json.write(json));
        } else {
            String event = change.event().name() + (change.event().code() < 0 ? "(" + change.rawEvent() + ")" : "");
            context.out().println(line(TIME.format(time.atZone(context.zone())), event,
                    Integer.toUnsignedString(change.sessionId())));
        }
        context.out().flush();
    }

    private static String line(String time, String event, String session) {
        return String.format("%-19s  %-22s  %s", time, event, session);
    }
}
