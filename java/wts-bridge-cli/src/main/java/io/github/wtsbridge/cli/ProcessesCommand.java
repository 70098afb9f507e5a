package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsInventory;
import io.github.wtsbridge.WtsInventorySession;
import io.github.wtsbridge.WtsProcess;
import io.github.wtsbridge.WtsProcessEx;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** {@code processes [*|PID|USER|SESSION|IMAGE.exe]}: the processes, like query process. */
final class ProcessesCommand extends ListingCommand {
    private static final Option ID = Option.value("id", "SESSION", "only the processes of this session id (query process /ID)");
    private static final Option ALL = Option.flag("all",
            "every process, as '*' (java.exe on Windows expands an unquoted * to file names)");
    private static final String[] NO_ACCOUNT = {"", ""};

    /** The caller's user name, for the default filter (read once per run, after the scan). */
    private String me;

    @Override
    String name() {
        return "processes";
    }

    @Override
    String summary() {
        return "list the processes (like query process)";
    }

    @Override
    String arguments() {
        return "[*|PID|USER|SESSION|IMAGE.exe]";
    }

    @Override
    String description() {
        return "Lists processes of this machine, or of each --server (asked at once), as query process\n"
                + "does: USERNAME SESSIONNAME ID PID IMAGE; '>' marks the processes of the session this tool\n"
                + "runs in. Which: '*' every process; a PID; a user name; a session name; an image name\n"
                + "ending in .exe; --id SESSION the processes of that session; --all, the same as '*' (the\n"
                + "java launcher on Windows expands an unquoted * to file names); nothing: the caller's own\n"
                + "processes. USERNAME comes from WTSEnumerateProcessesExW (LookupAccountSidW on the\n"
                + "server); without administrator rights Windows leaves other users' owners out, and\n"
                + "USERNAME stays blank (the JSON keeps the owner's SID).";
    }

    @Override
    List<Option> extraOptions() {
        List<Option> options = new ArrayList<>(super.extraOptions());
        options.add(0, ID);
        options.add(1, ALL);
        return options;
    }

    @Override
    void validate(Args args) throws UsageException {
        me = null; // read again by each run
        positionals(args, 0, 1, "");
        if (args.flag("all") && (args.value("id").isPresent() || !args.positionals().isEmpty())) {
            throw new UsageException("--all lists every process: no --id or " + arguments() + " with it");
        }
        if (args.value("id").isPresent()) {
            Args.sessionId(args.value("id").get());
            if (!args.positionals().isEmpty()) {
                throw new UsageException("--id and a " + arguments() + " argument exclude each other");
            }
        }
        if (!args.positionals().isEmpty()) {
            String what = args.positionals().get(0);
            if (what.isBlank() || what.indexOf('\0') >= 0 || what.startsWith("-")) {
                throw new UsageException("'" + what + "': give *, a PID, a user, a session name or an image name");
            }
            if (what.chars().allMatch(c -> c >= '0' && c <= '9')) {
                Args.processId(what);
            }
        }
    }

    @Override
    int count(Scan scan, Args args) {
        return selected(scan, args, sessionNames(scan)).size();
    }

    @Override
    java.util.Optional<String> filter(Args args) {
        return args.value("id").isPresent() ? java.util.Optional.of("--id " + args.value("id").get()) : super.filter(args);
    }

    @Override
    WtsInventory.Options reads(WtsInventory.Options options) {
        return options.withProcesses(true);
    }

    @Override
    boolean readsAccounts() {
        return true;
    }

    @Override
    Map<Long, String[]> accounts(String server) {
        if (me == null) {
            me = myUserName();
        }
        Map<Long, String[]> accounts = new HashMap<>();
        try (WtsServer handle = server.isEmpty() ? WtsServer.local() : WtsServer.open(server)) {
            for (WtsProcessEx p : handle.processesEx()) {
                p.accountName().ifPresent(account -> {
                    int slash = account.indexOf('\\');
                    accounts.put(p.pid(), slash < 0 ? new String[] {account, ""}
                            : new String[] {account.substring(slash + 1), account.substring(0, slash)});
                });
            }
        } catch (RuntimeException e) {
            // the owners are extra: without them (no rights, Wine's missing level 1) USERNAME stays blank
        }
        return accounts;
    }

    /** The user of the session this tool runs in (WTSUserName, else WTSSessionInfo); "" if unknown. */
    private static String myUserName() {
        WtsSession mine;
        try {
            mine = WtsSession.current();
        } catch (RuntimeException e) {
            return "";
        }
        try {
            return mine.userName();
        } catch (RuntimeException e) {
            try {
                return mine.info().userName();
            } catch (RuntimeException again) {
                return "";
            }
        }
    }

    @Override
    Table table(boolean withServer, Args args) {
        return table(withServer, "USERNAME", "SESSIONNAME", ">ID", ">PID", "IMAGE");
    }

    private Predicate<WtsProcess> filter(Args args, Scan scan, Map<Integer, String> names) {
        if (args.value("id").isPresent()) {
            int id = Integer.parseInt(args.value("id").get());
            return p -> p.sessionId() == id;
        }
        String what = args.flag("all") ? "*" : args.positionals().isEmpty() ? null : args.positionals().get(0);
        if (what == null) {
            return p -> !me.isEmpty() && me.equalsIgnoreCase(account(scan, p)[0]);
        }
        if (what.equals("*")) {
            return p -> true;
        }
        if (what.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long pid = Long.parseLong(what);
            return p -> p.pid() == pid;
        }
        if (what.toLowerCase(Locale.ROOT).endsWith(".exe")) {
            return p -> p.imageName().equalsIgnoreCase(what);
        }
        return p -> what.equalsIgnoreCase(names.getOrDefault(p.sessionId(), ""))
                || what.equalsIgnoreCase(account(scan, p)[0])
                || what.equalsIgnoreCase(account(scan, p)[1] + "\\" + account(scan, p)[0]);
    }

    private static String[] account(Scan scan, WtsProcess p) {
        return scan.accounts().getOrDefault(p.pid(), NO_ACCOUNT);
    }

    private List<WtsProcess> selected(Scan scan, Args args, Map<Integer, String> names) {
        return scan.inventory().processes().orElseThrow().stream().filter(filter(args, scan, names)).toList();
    }

    private static Map<Integer, String> sessionNames(Scan scan) {
        Map<Integer, String> names = new HashMap<>();
        for (WtsInventorySession s : scan.inventory().sessions()) {
            names.put(s.session().id(), s.session().winStationName());
        }
        return names;
    }

    @Override
    void rows(Table table, Scan scan, Args args, Context context) {
        Map<Integer, String> names = sessionNames(scan);
        for (WtsProcess p : selected(scan, args, names)) {
            table.markedRow(scan.isCurrent(p.sessionId()), cells(scan, account(scan, p)[0], names.getOrDefault(p.sessionId(), ""),
                    p.sessionId(), p.pid(), p.imageName()));
        }
    }

    @Override
    void json(Map<String, Object> into, Scan scan, Args args) {
        Map<Integer, String> names = sessionNames(scan);
        List<Object> processes = new ArrayList<>();
        for (WtsProcess p : selected(scan, args, names)) {
            String[] account = scan.accounts().get(p.pid());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("userName", account == null ? null : account[0]);
            json.put("domain", account == null ? null : account[1]);
            json.put("sessionName", names.get(p.sessionId()));
            json.put("sessionId", p.sessionId());
            json.put("pid", p.pid());
            json.put("imageName", p.imageName());
            json.put("userSid", p.userSid().isEmpty() ? null : p.userSid());
            json.put("current", scan.isCurrent(p.sessionId()));
            processes.add(json);
        }
        into.put("processes", processes);
    }
}
