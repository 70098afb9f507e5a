package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsInventory;
import io.github.wtsbridge.WtsServerInventory;
import io.github.wtsbridge.WtsServerResult;
import java.time.Duration;
import io.github.wtsbridge.WtsSession;
import java.util.ArrayList;
import java.util.HashMap;
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

    /**
     * One server that answered.
     *
     * @param server   its name; "" for this machine
     * @param current  the session this tool runs in (this machine only), else null
     * @param accounts owner account of each pid ({user, domain}), where the listing has them
     */
    record Scan(String server, WtsServerInventory inventory, Integer current, Map<Long, String[]> accounts) {
        boolean isCurrent(int sessionId) {
            return current != null && current == sessionId;
        }
    }

    /** The table's headers (without SERVER); rows are added by {@link #rows}. */
    abstract Table table(boolean withServer, Args args);

    abstract void rows(Table table, Scan scan, Args args, Context context);

    /** The JSON fields of one server that answered (besides server/status). */
    abstract void json(Map<String, Object> into, Scan scan, Args args);

    /** How many rows a server gives (after the filter). */
    abstract int count(Scan scan, Args args);

    /** The filter argument, if one was given (a listing it matches nothing on is exit 1). */
    java.util.Optional<String> filter(Args args) {
        return args.positionals().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(args.positionals().get(0));
    }

    /** Whether {@link #accounts(String)} is wanted (processes). */
    boolean readsAccounts() {
        return false;
    }

    /** Owner accounts of the processes (processes only), read after the scan. */
    Map<Long, String[]> accounts(String server) {
        return Map.of();
    }

    /**
     * {@link #accounts(String)} within the --timeout: a server that answered the scan but hangs
     * on this second call leaves its owners out instead of stalling the tool (the call runs on
     * a daemon thread, which ends when Windows answers).
     */
    private Map<Long, String[]> accounts(String server, Duration timeout) {
        if (!readsAccounts()) {
            return Map.of();
        }
        java.util.concurrent.CompletableFuture<Map<Long, String[]>> future = new java.util.concurrent.CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(accounts(server));
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "wts-bridge-accounts");
        thread.setDaemon(true);
        thread.start();
        try {
            return future.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** Checks this command's own arguments before anything runs. */
    void validate(Args args) throws UsageException {
        positionals(args, 0, 0, "");
    }

    @Override
    void check(Args args, Context context) throws UsageException {
        validate(args);
        options(args);
    }

    /** One cell row: SERVER first when there are servers. */
    static Object[] cells(Scan scan, Object... cells) {
        if (scan.server().isEmpty()) {
            return cells;
        }
        Object[] all = new Object[cells.length + 1];
        all[0] = scan.server();
        System.arraycopy(cells, 0, all, 1, cells.length);
        return all;
    }

    static Table table(boolean withServer, String... headers) {
        if (!withServer) {
            return new Table(headers).marked();
        }
        String[] all = new String[headers.length + 1];
        all[0] = "SERVER";
        System.arraycopy(headers, 0, all, 1, headers.length);
        return new Table(all).marked();
    }

    @Override
    List<Option> extraOptions() {
        return List.of(TIMEOUT, PARALLEL);
    }

    @Override
    final int run(Args args, Context context) throws UsageException {
        check(args, context);
        WtsInventory.Options options = options(args);
        List<WtsServerResult> results = context.servers().isEmpty()
                ? List.of(WtsInventory.scanLocal(options))
                : WtsInventory.scan(context.servers(), options);
        int failed = 0;
        Map<String, Scan> scans = new HashMap<>();
        Integer current = context.servers().isEmpty() ? currentSession() : null;
        for (WtsServerResult result : results) {
            failed += result.isOk() ? 0 : 1;
            if (result instanceof WtsServerResult.Scanned scanned) {
                scans.put(result.server(), new Scan(result.server(), scanned.inventory(), current,
                        accounts(result.server(), options.timeout())));
            }
        }
        if (context.json()) {
            printJson(results, scans, args, context);
        } else {
            printTable(results, scans, args, context);
        }
        int rows = 0;
        for (Scan scan : scans.values()) {
            rows += count(scan, args);
        }
        if (!scans.isEmpty() && rows == 0 && filter(args).isPresent()) { // as quser: "No User exists for x", exit 1
            context.error(null, "nothing matches '" + filter(args).get() + "'");
            return ExitCode.FAILED;
        }
        return ExitCode.of(failed, results.size());
    }

    private WtsInventory.Options options(Args args) throws UsageException {
        WtsInventory.Options options = reads(WtsInventory.Options.defaults());
        if (args.value("timeout").isPresent()) {
            options = options.withTimeout(Args.seconds(args.value("timeout").get(), "--timeout", false, 86_400));
        }
        if (args.value("parallel").isPresent()) {
            options = options.withParallelism((int) Args.number(args.value("parallel").get(), "--parallel", 1,
                    WtsInventory.Options.MAX_PARALLELISM));
        }
        return options;
    }

    /** The session this tool runs in; null if Windows cannot say. */
    private static Integer currentSession() {
        try {
            return WtsSession.current().id();
        } catch (RuntimeException e) { // no '>' then, but the listing still works
            return null;
        }
    }

    private void printTable(List<WtsServerResult> results, Map<String, Scan> scans, Args args, Context context) {
        Table table = table(!context.servers().isEmpty(), args);
        boolean anyOk = false;
        for (WtsServerResult result : results) {
            if (result instanceof WtsServerResult.Scanned) {
                anyOk = true;
                rows(table, scans.get(result.server()), args, context);
            } else {
                context.error(result.server(), Formats.message(result.failure().orElseThrow()));
            }
        }
        if (anyOk && !(table.isEmpty() && filter(args).isPresent())) {
            table.print(context.out());
        }
    }

    private void printJson(List<WtsServerResult> results, Map<String, Scan> scans, Args args, Context context) {
        List<Object> servers = new ArrayList<>();
        for (WtsServerResult result : results) {
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("server", Formats.serverName(result.server()));
            server.put("status", Formats.status(result));
            if (result instanceof WtsServerResult.Scanned scanned) {
                server.put("elapsedMillis", scanned.elapsed().toMillis());
                json(server, scans.get(result.server()), args);
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
