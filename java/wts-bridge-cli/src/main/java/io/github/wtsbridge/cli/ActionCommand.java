package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An action (logoff, disconnect, msg, kill): done on this machine or on each --server in turn;
 * one line per outcome on stdout, a line on stderr per failure; exit 0, 1 (every outcome
 * failed) or 3 (some failed).
 */
abstract class ActionCommand<P> extends Command {
    /**
     * What one action did.
     *
     * @param fields JSON fields (besides server/status/error), e.g. sessionId
     * @param text   the table-mode line for success
     * @param error  null on success
     */
    record Outcome(String server, Map<String, Object> fields, String text, RuntimeException error) {
        static Outcome ok(String server, String text, Object... fields) {
            return new Outcome(server, map(fields), text, null);
        }

        static Outcome failed(String server, RuntimeException error, Object... fields) {
            return new Outcome(server, map(fields), "", error);
        }

        private static Map<String, Object> map(Object... pairs) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
            return map;
        }
    }

    /**
     * Parses and checks the arguments before anything runs; the result goes to {@link #act}.
     * The context gives what some commands read besides their arguments (stdin, a prompt).
     */
    abstract P prepare(Args args, Context context) throws UsageException;

    /** What {@link #check} prepared, for {@link #run}. */
    private P prepared;

    @Override
    final void check(Args args, Context context) throws UsageException {
        prepared = prepare(args, context);
    }

    /**
     * Does the action on one server; a Windows failure of the whole server may be thrown (it
     * becomes that server's one failed outcome), per-target failures are returned as outcomes.
     */
    abstract List<Outcome> act(WtsServer server, String name, P prepared);

    @Override
    final int run(Args args, Context context) throws UsageException {
        P prepared = this.prepared != null ? this.prepared : prepare(args, context);
        this.prepared = null;
        List<String> names = context.servers().isEmpty() ? Arrays.asList((String) null) : context.servers();
        List<Outcome> outcomes = new ArrayList<>();
        for (String name : names) {
            try (WtsServer server = name == null ? WtsServer.local() : WtsServer.open(name)) {
                outcomes.addAll(act(server, name, prepared));
            } catch (WtsException | Targets.NoMatch e) {
                outcomes.add(Outcome.failed(name, e));
            }
        }
        int failed = 0;
        for (Outcome outcome : outcomes) {
            failed += outcome.error() == null ? 0 : 1;
        }
        if (context.json()) {
            List<Object> results = new ArrayList<>();
            for (Outcome outcome : outcomes) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("server", Formats.serverName(outcome.server()));
                json.put("status", outcome.error() == null ? "ok" : "failed");
                json.putAll(outcome.fields());
                if (outcome.error() != null) {
                    json.put("error", Formats.error(outcome.error()));
                }
                results.add(json);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("command", name());
            json.put("results", results);
            context.out().println(Json.write(json));
        } else {
            if (outcomes.isEmpty()) {
                context.error(null, "nothing done: nothing matched (msg '*' reaches active sessions only)");
            }
            for (Outcome outcome : outcomes) {
                if (outcome.error() == null) {
                    context.out().println(Context.prefix(outcome.server()) + outcome.text());
                } else {
                    context.error(outcome.server(), Formats.message(outcome.error()));
                }
            }
        }
        return outcomes.isEmpty() ? ExitCode.OK : ExitCode.of(failed, outcomes.size());
    }

    /** logoff and disconnect: a session id or name (default: this tool's own session), --wait. */
    abstract static class SessionAction extends ActionCommand<SessionAction.Target> {
        static final Option WAIT = Option.flag("wait", "return only when Windows has finished");

        @Override
        List<Option> extraOptions() {
            return List.of(WAIT);
        }

        @Override
        String arguments() {
            return "[SESSION]";
        }

        /** @param session null for the session this tool runs in */
        record Target(Targets.Target session, boolean waits) {
        }

        @Override
        Target prepare(Args args, Context context) throws UsageException {
            List<String> given = positionals(args, 0, 1, "SESSION (a session id or name, see 'sessions')");
            if (given.isEmpty() && !args.all("server").isEmpty()) {
                throw new UsageException("with --server, name the SESSION (an id or name, see 'sessions')");
            }
            Targets.Target target = given.isEmpty() ? null : Targets.parse(given.get(0), "SESSION", false);
            return new Target(target, args.flag("wait"));
        }

        abstract void apply(WtsServer server, int session, boolean wait);

        abstract String done();

        @Override
        List<Outcome> act(WtsServer server, String name, Target target) {
            List<Integer> ids = target.session() == null ? List.of(WtsSession.current().id())
                    : Targets.resolve(server, List.of(target.session()), false, s -> true);
            List<Outcome> outcomes = new ArrayList<>();
            for (int id : ids) {
                try {
                    apply(server, id, target.waits());
                    outcomes.add(Outcome.ok(name, done() + " session " + id, "sessionId", id));
                } catch (WtsException e) {
                    outcomes.add(Outcome.failed(name, e, "sessionId", id));
                }
            }
            return outcomes;
        }
    }
}
