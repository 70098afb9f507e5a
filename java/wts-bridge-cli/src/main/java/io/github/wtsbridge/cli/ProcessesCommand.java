package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsInventory;
import io.github.wtsbridge.WtsInventorySession;
import io.github.wtsbridge.WtsProcess;
import io.github.wtsbridge.WtsServerInventory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code processes}: the processes, like query process *. */
final class ProcessesCommand extends ListingCommand {
    private static final Option SESSION = Option.value("session", "ID", "only the processes of this session");

    @Override
    String name() {
        return "processes";
    }

    @Override
    String summary() {
        return "list the processes (like query process *)";
    }

    @Override
    String arguments() {
        return "";
    }

    @Override
    String description() {
        return "Lists the processes of this machine, or of each --server (asked at once), with their\n"
                + "session, pid, image name and owner's SID, as query process does. Without\n"
                + "administrator rights Windows leaves other users' SIDs out.";
    }

    @Override
    List<Option> extraOptions() {
        List<Option> options = new ArrayList<>(super.extraOptions());
        options.add(0, SESSION);
        return options;
    }

    @Override
    void validate(Args args) throws UsageException {
        super.validate(args);
        if (args.value("session").isPresent()) {
            Args.sessionId(args.value("session").get());
        }
    }

    @Override
    WtsInventory.Options reads(WtsInventory.Options options) {
        return options.withProcesses(true);
    }

    @Override
    Table table(boolean withServer) {
        return withServer ? new Table("SERVER", "SESSIONNAME", ">ID", ">PID", "IMAGE", "SID")
                : new Table("SESSIONNAME", ">ID", ">PID", "IMAGE", "SID");
    }

    private static List<WtsProcess> selected(WtsServerInventory inventory, Args args) {
        List<WtsProcess> all = inventory.processes().orElseThrow();
        if (args.value("session").isEmpty()) {
            return all;
        }
        int session = Integer.parseInt(args.value("session").get()); // validated
        return all.stream().filter(p -> p.sessionId() == session).toList();
    }

    private static Map<Integer, String> sessionNames(WtsServerInventory inventory) {
        Map<Integer, String> names = new HashMap<>();
        for (WtsInventorySession s : inventory.sessions()) {
            names.put(s.session().id(), s.session().winStationName());
        }
        return names;
    }

    @Override
    void rows(Table table, String server, WtsServerInventory inventory, Args args, Context context) {
        Map<Integer, String> names = sessionNames(inventory);
        for (WtsProcess p : selected(inventory, args)) {
            String sessionName = names.getOrDefault(p.sessionId(), "");
            if (server.isEmpty()) {
                table.row(sessionName, p.sessionId(), p.pid(), p.imageName(), p.userSid());
            } else {
                table.row(server, sessionName, p.sessionId(), p.pid(), p.imageName(), p.userSid());
            }
        }
    }

    @Override
    void json(Map<String, Object> into, WtsServerInventory inventory, Args args) {
        Map<Integer, String> names = sessionNames(inventory);
        List<Object> processes = new ArrayList<>();
        for (WtsProcess p : selected(inventory, args)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("sessionId", p.sessionId());
            json.put("sessionName", names.get(p.sessionId()));
            json.put("pid", p.pid());
            json.put("image", p.imageName());
            json.put("sid", p.userSid().isEmpty() ? null : p.userSid());
            processes.add(json);
        }
        into.put("processes", processes);
    }
}
