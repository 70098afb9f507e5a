package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsInventory;
import io.github.wtsbridge.WtsServerInventory;
import io.github.wtsbridge.WtsServerResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A listing (sessions, users, processes): one scan of this machine or of every --server at
 * once (WtsInventory), a table of the servers that answered, a line on stderr per server that
 * did not; exit 0, 1 (all failed) or 3 (some failed).
 */
abstract class ListingCommand extends Command {
    static final Option TIMEOUT = Option.value("timeout", "SECONDS",
            "give each --server this long to answer (default 10; decimals allowed)");
    static final Option PARALLEL = Option.value("parallel", "N",
            "ask at most N servers at once (default 8)");

    /** What the scan reads for this listing (session info, processes). */
    abstract WtsInventory.Options reads(WtsInventory.Options options);

    /** The table's headers (without SERVER) and a way to add one server's rows. */
    abstract Table table(boolean withServer);

    abstract void rows(Table table, String server, WtsServerInventory inventory, Args args, Context context);

    /** The JSON fields of one server that answered (besides server/status). */
    abstract void json(Map<String, Object> into, WtsServerInventory inventory, Args args);

    /** Checks this command's own arguments before anything runs. */
    void validate(Args args) throws UsageException {
        positionals(args, 0, 0, "");
    }

    @Override
    List<Option> extraOptions() {
        return List.of(TIMEOUT, PARALLEL);
    }

    @Override
    final int run(Args args, Context context) throws UsageException {
        validate(args);
        WtsInventory.Options options = reads(WtsInventory.Options.defaults());
        if (args.value("timeout").isPresent()) {
            options = options.withTimeout(Args.seconds(args.value("timeout").get(), "--timeout", false, 86_400));
        }
        if (args.value("parallel").isPresent()) {
            options = options.withParallelism((int) Args.number(args.value("parallel").get(), "--parallel", 1,
                    WtsInventory.Options.MAX_PARALLELISM));
        }
        List<WtsServerResult> results = context.servers().isEmpty()
                ? List.of(WtsInventory.scanLocal(options))
                : WtsInventory.scan(context.servers(), options);
        int failed = 0;
        for (WtsServerResult result : results) {
            failed += result.isOk() ? 0 : 1;
        }
        if (context.json()) {
            printJson(results, args, context);
        } else {
            printTable(results, args, context);
        }
        return ExitCode.of(failed, results.size());
    }

    private void printTable(List<WtsServerResult> results, Args args, Context context) {
        Table table = table(!context.servers().isEmpty());
        boolean anyOk = false;
        for (WtsServerResult result : results) {
            if (result instanceof WtsServerResult.Scanned scanned) {
                anyOk = true;
                rows(table, result.server(), scanned.inventory(), args, context);
            } else {
                context.error(result.server(), Formats.message(result.failure().orElseThrow()));
            }
        }
        if (anyOk) {
            table.print(context.out());
        }
    }

    private void printJson(List<WtsServerResult> results, Args args, Context context) {
        List<Object> servers = new ArrayList<>();
        for (WtsServerResult result : results) {
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("server", Formats.serverName(result.server()));
            server.put("status", Formats.status(result));
            if (result instanceof WtsServerResult.Scanned scanned) {
                server.put("elapsedMillis", scanned.elapsed().toMillis());
                json(server, scanned.inventory(), args);
            } else {
                if (result instanceof WtsServerResult.TimedOut timedOut) {
                    server.put("timeoutMillis", timedOut.timeout().toMillis());
                }
                server.put("error", Formats.error(result.failure().orElseThrow()));
            }
            servers.add(server);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", name());
        json.put("servers", servers);
        context.out().println(Json.write(json));
    }

    static Long seconds(java.util.Optional<Duration> duration) {
        return duration.map(Duration::getSeconds).orElse(null);
    }
}
