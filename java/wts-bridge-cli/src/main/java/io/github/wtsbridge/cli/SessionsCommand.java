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
import java.util.Optional;

/** {@code sessions}: every session, like qwinsta. */
final class SessionsCommand extends ListingCommand {
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
        return "";
    }

    @Override
    String description() {
        return "Lists every session of this machine, or of each --server (asked at once), with its\n"
                + "WinStation name, user, id and state, as qwinsta does. Servers that fail or time out\n"
                + "are reported on stderr (in the JSON as status \"failed\"/\"timeout\" with the error).";
    }

    @Override
    WtsInventory.Options reads(WtsInventory.Options options) {
        return options.withSessionInfo(true);
    }

    @Override
    Table table(boolean withServer) {
        return withServer ? new Table("SERVER", "SESSIONNAME", "USERNAME", ">ID", "STATE")
                : new Table("SESSIONNAME", "USERNAME", ">ID", "STATE");
    }

    @Override
    void rows(Table table, String server, WtsServerInventory inventory, Args args, Context context) {
        for (WtsInventorySession s : inventory.sessions()) {
            WtsSessionEntry session = s.session();
            String state = Formats.state(session.state(), session.rawState());
            if (server.isEmpty()) {
                table.row(session.winStationName(), s.userName(), session.id(), state);
            } else {
                table.row(server, session.winStationName(), s.userName(), session.id(), state);
            }
        }
    }

    @Override
    void json(Map<String, Object> into, WtsServerInventory inventory, Args args) {
        List<Object> sessions = new ArrayList<>();
        for (WtsInventorySession s : inventory.sessions()) {
            sessions.add(session(s));
        }
        into.put("sessions", sessions);
    }

    static Map<String, Object> session(WtsInventorySession s) {
        Map<String, Object> json = new LinkedHashMap<>();
        WtsSessionEntry session = s.session();
        json.put("id", session.id());
        json.put("name", session.winStationName());
        json.put("state", Formats.stateName(session.state()));
        json.put("stateCode", Integer.toUnsignedLong(session.rawState()));
        Optional<WtsSessionInfo> info = s.info();
        json.put("user", info.map(WtsSessionInfo::userName).orElse(null));
        json.put("domain", info.map(WtsSessionInfo::domainName).orElse(null));
        json.put("logonTime", Formats.isoTime(info.flatMap(i -> i.times().logon())));
        json.put("idleSeconds", seconds(info.flatMap(i -> i.times().idle())));
        return json;
    }
}
