package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsInventory;
import io.github.wtsbridge.WtsInventorySession;
import io.github.wtsbridge.WtsSessionEntry;
import io.github.wtsbridge.WtsSessionInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code users [USER|SESSION]}: the sessions someone is logged on to, like quser / query user. */
final class UsersCommand extends ListingCommand {
    @Override
    String name() {
        return "users";
    }

    @Override
    String summary() {
        return "list the logged-on users (like quser / query user)";
    }

    @Override
    String arguments() {
        return "[USER|SESSION]";
    }

    @Override
    String description() {
        return "Lists the users logged on to this machine, or to each --server (asked at once), as quser\n"
                + "does: USERNAME SESSIONNAME ID STATE IDLE TIME LOGON TIME; '>' marks the session this tool\n"
                + "runs in. Idle time as quser shows it: '.' under a minute, then minutes, H:MM, or\n"
                + "D+HH:MM. With USER (a user name) or SESSION (an id or a session name): only those.\n"
                + "Logon times are in this machine's time zone as YYYY-MM-DD HH:MM (quser uses the\n"
                + "locale's format); the JSON has ISO-8601 UTC times and idle time in seconds.";
    }

    @Override
    void validate(Args args) throws UsageException {
        positionals(args, 0, 1, "");
        SessionsCommand.target(args);
    }

    @Override
    int count(Scan scan, Args args) {
        return users(scan, args).size();
    }

    @Override
    WtsInventory.Options reads(WtsInventory.Options options) {
        return options.withSessionInfo(true);
    }

    @Override
    Table table(boolean withServer, Args args) {
        return table(withServer, "USERNAME", "SESSIONNAME", ">ID", "STATE", ">IDLE TIME", "LOGON TIME");
    }

    private static List<WtsInventorySession> users(Scan scan, Args args) {
        return SessionsCommand.selected(scan, args).stream().filter(s -> !s.userName().isEmpty()).toList();
    }

    @Override
    void rows(Table table, Scan scan, Args args, Context context) {
        for (WtsInventorySession s : users(scan, args)) {
            WtsSessionInfo info = s.info().orElseThrow();
            WtsSessionEntry session = s.session();
            table.markedRow(scan.isCurrent(session.id()), cells(scan, s.userName(), session.winStationName(), session.id(),
                    Formats.state(session.state(), session.rawState()), Formats.idle(info.times().idle()),
                    Formats.time(info.times().logon(), context.zone())));
        }
    }

    @Override
    void json(Map<String, Object> into, Scan scan, Args args) {
        List<Object> users = new ArrayList<>();
        for (WtsInventorySession s : users(scan, args)) {
            WtsSessionInfo info = s.info().orElseThrow();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("userName", info.userName());
            json.put("domain", info.domainName());
            json.put("sessionName", s.session().winStationName());
            json.put("sessionId", s.session().id());
            json.put("state", Formats.stateName(s.session().state()));
            json.put("stateCode", Integer.toUnsignedLong(s.session().rawState()));
            json.put("current", scan.isCurrent(s.session().id()));
            json.put("idleSeconds", seconds(info.times().idle()));
            json.put("logonTime", Formats.isoTime(info.times().logon()));
            users.add(json);
        }
        into.put("users", users);
    }
}
