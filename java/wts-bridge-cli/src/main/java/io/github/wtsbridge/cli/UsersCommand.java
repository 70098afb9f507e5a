package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsSessionInfo;
import io.github.wtsbridge.WtsInventory;
import io.github.wtsbridge.WtsInventorySession;
import io.github.wtsbridge.WtsServerInventory;
import io.github.wtsbridge.WtsSessionEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code users}: the sessions someone is logged on to, like quser. */
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
        return "";
    }

    @Override
    String description() {
        return "Lists the users logged on to this machine, or to each --server (asked at once), with\n"
                + "their session, state, idle time and logon time, as quser does. Idle time: '.' under a\n"
                + "minute, then minutes, H:MM, or D+H:MM. Times are in this machine's time zone\n"
                + "(ISO-8601 UTC in the JSON, where idle time is in seconds).";
    }

    @Override
    WtsInventory.Options reads(WtsInventory.Options options) {
        return options.withSessionInfo(true);
    }

    @Override
    Table table(boolean withServer) {
        return withServer ? new Table("SERVER", "USERNAME", "SESSIONNAME", ">ID", "STATE", ">IDLE TIME", "LOGON TIME")
                : new Table("USERNAME", "SESSIONNAME", ">ID", "STATE", ">IDLE TIME", "LOGON TIME");
    }

    @Override
    void rows(Table table, String server, WtsServerInventory inventory, Args args, Context context) {
        for (WtsInventorySession s : inventory.sessions()) {
            if (s.userName().isEmpty()) {
                continue;
            }
            WtsSessionInfo info = s.info().orElseThrow();
            WtsSessionEntry session = s.session();
            String state = Formats.state(session.state(), session.rawState());
            String idle = Formats.idle(info.times().idle());
            String logon = Formats.time(info.times().logon(), context.zone());
            if (server.isEmpty()) {
                table.row(s.userName(), session.winStationName(), session.id(), state, idle, logon);
            } else {
                table.row(server, s.userName(), session.winStationName(), session.id(), state, idle, logon);
            }
        }
    }

    @Override
    void json(Map<String, Object> into, WtsServerInventory inventory, Args args) {
        List<Object> users = new ArrayList<>();
        for (WtsInventorySession s : inventory.sessions()) {
            if (s.userName().isEmpty()) {
                continue;
            }
            WtsSessionInfo info = s.info().orElseThrow();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("user", info.userName());
            json.put("domain", info.domainName());
            json.put("sessionName", s.session().winStationName());
            json.put("sessionId", s.session().id());
            json.put("state", Formats.stateName(s.session().state()));
            json.put("idleSeconds", seconds(info.times().idle()));
            json.put("logonTime", Formats.isoTime(info.times().logon()));
            users.add(json);
        }
        into.put("users", users);
    }
}
