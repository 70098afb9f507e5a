package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code servers [--domain DOMAIN]}: WTSEnumerateServersW, like query termserver. */
final class ServersCommand extends Command {
    private static final Option DOMAIN = Option.value("domain", "DOMAIN", "the domain to look in (default: this machine's own)");

    private String domain;

    @Override
    String name() {
        return "servers";
    }

    @Override
    String summary() {
        return "list the Terminal Servers of a domain (like query termserver)";
    }

    @Override
    String arguments() {
        return "[SERVER]";
    }

    @Override
    boolean localOnly() {
        return true;
    }

    @Override
    String description() {
        return "Lists the Remote Desktop Session Host servers of this machine's domain, or of --domain,\n"
                + "with WTSEnumerateServersW, as query termserver does (Windows finds them through NetBIOS\n"
                + "browsing: where that is off the list is empty or the call fails). With SERVER: only that\n"
                + "one, if listed (exit 1 if not).";
    }

    @Override
    List<Option> extraOptions() {
        return List.of(DOMAIN);
    }

    @Override
    void check(Args args, Context context) throws UsageException {
        positionals(args, 0, 1, "");
        Optional<String> given = args.value("domain");
        if (given.isPresent() && (given.get().isEmpty() || given.get().indexOf('\0') >= 0
                || given.get().length() > WtsServer.MAX_DOMAIN_LENGTH)) {
            throw new UsageException("--domain needs a domain name (1 to " + WtsServer.MAX_DOMAIN_LENGTH + " characters)");
        }
        if (!args.positionals().isEmpty() && args.positionals().get(0).isBlank()) {
            throw new UsageException("SERVER must not be blank");
        }
        domain = given.orElse(null);
    }

    @Override
    int run(Args args, Context context) throws UsageException {
        check(args, context);
        List<String> servers = new ArrayList<>(domain == null ? WtsServer.enumerate() : WtsServer.enumerate(domain));
        String only = args.positionals().isEmpty() ? null : args.positionals().get(0);
        if (only != null) {
            servers.removeIf(s -> !s.equalsIgnoreCase(only));
        }
        if (context.json()) {
            List<Object> list = new ArrayList<>();
            for (String server : servers) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("server", server);
                list.add(entry);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("command", name());
            json.put("domain", domain);
            json.put("servers", list);
            context.out().println(Json.write(json));
        } else if (!servers.isEmpty()) {
            Table table = new Table("SERVERNAME");
            servers.forEach(table::row);
            table.print(context.out());
        }
        if (only != null && servers.isEmpty()) {
            context.error(null, "'" + only + "' is not among the servers listed" + (domain == null ? "" : " for " + domain));
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }
}
