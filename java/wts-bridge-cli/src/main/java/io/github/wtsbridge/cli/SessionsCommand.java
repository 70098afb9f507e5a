package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsInventory;
import io.github.wtsbridge.WtsInventorySession;
import io.github.wtsbridge.WtsSessionCounters;
import io.github.wtsbridge.WtsSessionEntry;
import io.github.wtsbridge.WtsSessionInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code sessions [SESSION|USER]}: the sessions, like qwinsta / query session. */
final class SessionsCommand extends ListingCommand {
    private static final Option COUNTER = Option.flag("counter",
            "add each session's traffic counters (bytes and frames in and out, from WTSSessionInfo)");

    @Override
    String name() {
        return "sessions";
    }

    @Override
    String summary() {
        return "list the sessions (like qwinsta / query session)";
    }

    @Override
    String arguments() {
        return "[SESSION|USER]";
    }

    @Override
    String description() {
        return "Lists the sessions of this machine, or of each --server (asked at once), as qwinsta does:\n"
                + "SESSIONNAME USERNAME ID STATE TYPE DEVICE, in qwinsta's state words (Active, Conn, ConnQ,\n"
                + "Shadow, Disc, Idle, Listen, Reset, Down, Init); '>' marks the session this tool runs in.\n"
                + "TYPE and DEVICE stay blank: the WTS API does not report the WinStation driver. With\n"
                + "SESSION (an id or a session name) or USER (a user name): only the sessions it names.\n"
                + "--counter adds each session's traffic counters (Windows' /COUNTER totals of sessions\n"
                + "created and reconnected are not in the WTS API). Servers that fail or time out are\n"
                + "reported on stderr (in the JSON as status \"failed\"/\"timeout\" with the error).";
    }

    @Override
    List<Option> extraOptions() {
        List<Option> options = new ArrayList<>(super.extraOptions());
        options.add(0, COUNTER);
        return options;
    }

    @Override
    void validate(Args args) throws UsageException {
        positionals(args, 0, 1, "");
        target(args);
    }

    static Optional<Targets.Target> target(Args args) throws UsageException {
        return args.positionals().isEmpty() ? Optional.empty()
                : Optional.of(Targets.parse(args.positionals().get(0), "SESSION or USER", false));
    }

    static List<WtsInventorySession> selected(ListingCommand.Scan scan, Args args) {
        Optional<Targets.Target> filter;
        try {
            filter = target(args);
        } catch (UsageException e) {
            throw new IllegalStateException(e); // checked before the scan
        }
        List<WtsInventorySession> all = scan.inventory().sessions();
        if (filter.isEmpty()) {
            return all;
        }
        return all.stream().filter(s -> filter.get().matches(s.session().id(), s.session().winStationName(),
                s.userName(), s.info().map(WtsSessionInfo::domainName).orElse(""), true)).toList();
    }

    @Override
    int count(Scan scan, Args args) {
        return selected(scan, args).size();
    }

    @Override
    WtsInventory.Options reads(WtsInventory.Options options) {
        return options.withSessionInfo(true);
    }

    @Override
    Table table(boolean withServer, Args args) {
        return args.flag("counter")
                ? table(withServer, "SESSIONNAME", "USERNAME", ">ID", "STATE", "TYPE", "DEVICE", ">BYTES IN",
                        ">BYTES OUT", ">FRAMES IN", ">FRAMES OUT")
                : table(withServer, "SESSIONNAME", "USERNAME", ">ID", "STATE", "TYPE", "DEVICE");
    }

    @Override
    void rows(Table table, Scan scan, Args args, Context context) {
        for (WtsInventorySession s : selected(scan, args)) {
            WtsSessionEntry session = s.session();
            String state = Formats.state(session.state(), session.rawState());
            if (args.flag("counter")) {
                Optional<WtsSessionCounters> c = s.info().map(WtsSessionInfo::counters);
                table.markedRow(scan.isCurrent(session.id()), cells(scan, session.winStationName(), s.userName(), session.id(),
                        state, "", "", c.map(x -> (Object) x.incomingBytes()).orElse(""),
                        c.map(x -> (Object) x.outgoingBytes()).orElse(""), c.map(x -> (Object) x.incomingFrames()).orElse(""),
                        c.map(x -> (Object) x.outgoingFrames()).orElse("")));
            } else {
                table.markedRow(scan.isCurrent(session.id()), cells(scan, session.winStationName(), s.userName(), session.id(),
                        state, "", ""));
            }
        }
    }

    @Override
    void json(Map<String, Object> into, Scan scan, Args args) {
        List<Object> sessions = new ArrayList<>();
        for (WtsInventorySession s : selected(scan, args)) {
            sessions.add(session(s, scan));
        }
        into.put("sessions", sessions);
    }

    static Map<String, Object> session(WtsInventorySession s, Scan scan) {
        Map<String, Object> json = new LinkedHashMap<>();
        WtsSessionEntry session = s.session();
        Optional<WtsSessionInfo> info = s.info();
        json.put("sessionId", session.id());
        json.put("sessionName", session.winStationName());
        json.put("userName", info.map(WtsSessionInfo::userName).orElse(null));
        json.put("domain", info.map(WtsSessionInfo::domainName).orElse(null));
        json.put("state", Formats.stateName(session.state()));
        json.put("stateCode", Integer.toUnsignedLong(session.rawState()));
        json.put("current", scan.isCurrent(session.id()));
        json.put("logonTime", Formats.isoTime(info.flatMap(i -> i.times().logon())));
        json.put("idleSeconds", seconds(info.flatMap(i -> i.times().idle())));
        json.put("counters", info.map(i -> counters(i.counters())).orElse(null));
        return json;
    }

    private static Map<String, Object> counters(WtsSessionCounters c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("incomingBytes", c.incomingBytes());
        json.put("outgoingBytes", c.outgoingBytes());
        json.put("incomingFrames", c.incomingFrames());
        json.put("outgoingFrames", c.outgoingFrames());
        return json;
    }
}
