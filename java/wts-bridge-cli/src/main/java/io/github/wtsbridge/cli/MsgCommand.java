package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsConnectState;
import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsMessageReply;
import io.github.wtsbridge.WtsMessageStyle;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code msg TARGET [MESSAGE...]}: WTSSendMessageW, like msg. */
final class MsgCommand extends ActionCommand<MsgCommand.Message> {
    private static final Option TITLE = Option.value("title", "TEXT", "the message box's title (default \"Message\")");
    private static final Option WAIT = Option.flag("wait", "wait for the user to answer and print the answer (msg /W)");
    private static final Option ALL = Option.flag("all",
            "every active session, as '*' (java.exe on Windows expands an unquoted * to file names)");
    private static final Option TIME = Option.value("time", "SECONDS",
            "close the message box after this long (msg /TIME; with --wait the answer is then TIMEOUT; "
                    + "default 0 = never)");

    record Message(List<Targets.Target> targets, String title, String text, boolean waits, Duration timeout) {
    }

    @Override
    String name() {
        return "msg";
    }

    @Override
    String summary() {
        return "show a message box in sessions (like msg)";
    }

    @Override
    String arguments() {
        return "SESSION|USER|*|@FILE [MESSAGE...] | --all [MESSAGE...]";
    }

    @Override
    String description() {
        return "Shows MESSAGE (the remaining arguments, joined by spaces; without them, standard input)\n"
                + "in a message box (WTSSendMessageW), on this machine or on each --server in turn, as msg\n"
                + "does. The target is a session id, a session name (rdp-tcp#3), a user name (every\n"
                + "session of that user), '*' or --all (every active session; quote the * in a shell, and\n"
                + "prefer --all on Windows, whose java launcher expands an unquoted * to file names) or\n"
                + "@FILE (a file with one of those a line). Put '--' before a message starting with '-'.";
    }

    @Override
    List<Option> extraOptions() {
        return List.of(ALL, TITLE, WAIT, TIME);
    }

    @Override
    Message prepare(Args args, Context context) throws UsageException {
        List<String> given = new java.util.ArrayList<>(args.flag("all") ? List.of("*") : List.of());
        given.addAll(args.positionals());
        if (given.isEmpty()) {
            throw new UsageException("missing SESSION, USER, * (or --all) or @FILE");
        }
        List<Targets.Target> targets = Targets.parseAll(given.subList(0, 1), "target", true, true);
        String title = args.value("title").orElse("Message");
        Duration timeout = args.value("time").isPresent()
                ? Args.seconds(args.value("time").get(), "--time", true, 0xFFFF_FFFFL) : Duration.ZERO;
        if (title.length() > WtsSession.MAX_MESSAGE_TITLE_LENGTH || title.indexOf('\0') >= 0) {
            throw new UsageException("--title must be at most " + WtsSession.MAX_MESSAGE_TITLE_LENGTH + " characters");
        }
        String text = given.size() > 1 ? String.join(" ", given.subList(1, given.size()))
                : Context.read(context.in(), false).strip();
        if (text.isEmpty()) {
            throw new UsageException("no MESSAGE: give it as arguments or on standard input");
        }
        if (text.length() > WtsSession.MAX_MESSAGE_LENGTH || text.indexOf('\0') >= 0) {
            throw new UsageException("MESSAGE must be at most " + WtsSession.MAX_MESSAGE_LENGTH + " characters");
        }
        return new Message(targets, title, text, args.flag("wait"), timeout);
    }

    @Override
    List<Outcome> act(WtsServer server, String name, Message m) {
        List<Integer> sessions = Targets.resolve(server, m.targets(), true,
                s -> s.state() == WtsConnectState.ACTIVE);
        List<Outcome> outcomes = new ArrayList<>();
        for (int session : sessions) {
            try {
                WtsMessageReply reply = server.session(session).sendMessage(m.title(), m.text(), WtsMessageStyle.OK,
                        m.timeout(), m.waits());
                String text = m.waits() ? "session " + session + " answered " + reply.response()
                        : "sent to session " + session;
                outcomes.add(Outcome.ok(name, text, "sessionId", session, "response", reply.response().name(),
                        "responseCode", reply.code()));
            } catch (WtsException e) {
                outcomes.add(Outcome.failed(name, e, "sessionId", session));
            }
        }
        return outcomes;
    }
}
