package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsConnectState;
import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsMessageReply;
import io.github.wtsbridge.WtsMessageStyle;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSessionEntry;
import io.github.wtsbridge.WtsSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code msg SESSION|* MESSAGE...}: WTSSendMessageW, like msg. */
final class MsgCommand extends ActionCommand<MsgCommand.Message> {
    private static final Option TITLE = Option.value("title", "TEXT", "the message box's title (default \"Message\")");
    private static final Option WAIT = Option.flag("wait", "wait for the user to answer and print the answer");
    private static final Option TIME = Option.value("time", "SECONDS",
            "with --wait: give up after this long (answer TIMEOUT; default 0 = wait forever)");

    record Message(List<Integer> sessions, String title, String text, boolean waits, Duration timeout) {
    }

    @Override
    String name() {
        return "msg";
    }

    @Override
    String summary() {
        return "show a message box in a session (like msg)";
    }

    @Override
    String arguments() {
        return "SESSION|* MESSAGE...";
    }

    @Override
    String description() {
        return "Shows MESSAGE (the remaining arguments, joined by spaces) in a message box in session\n"
                + "SESSION, or in every active session with '*' (quote it in the shell), on this machine or\n"
                + "on each --server in turn (WTSSendMessageW). Put '--' before a message starting with '-'.";
    }

    @Override
    List<Option> extraOptions() {
        return List.of(TITLE, WAIT, TIME);
    }

    @Override
    Message prepare(Args args) throws UsageException {
        List<String> given = positionals(args, 2, Integer.MAX_VALUE, "SESSION and MESSAGE");
        List<Integer> sessions = given.get(0).equals("*") ? null : List.of(Args.sessionId(given.get(0)));
        String text = String.join(" ", given.subList(1, given.size()));
        String title = args.value("title").orElse("Message");
        Duration timeout = args.value("time").isPresent()
                ? Args.seconds(args.value("time").get(), "--time", true, 0xFFFF_FFFFL) : Duration.ZERO;
        if (args.value("time").isPresent() && !args.flag("wait")) {
            throw new UsageException("--time needs --wait");
        }
        if (text.length() > WtsSession.MAX_MESSAGE_LENGTH || text.indexOf('\0') >= 0) {
            throw new UsageException("MESSAGE must be at most " + WtsSession.MAX_MESSAGE_LENGTH + " characters");
        }
        if (title.length() > WtsSession.MAX_MESSAGE_TITLE_LENGTH || title.indexOf('\0') >= 0) {
            throw new UsageException("--title must be at most " + WtsSession.MAX_MESSAGE_TITLE_LENGTH + " characters");
        }
        return new Message(sessions, title, text, args.flag("wait"), timeout);
    }

    @Override
    List<Outcome> act(WtsServer server, String name, Message m) {
        List<Integer> sessions = m.sessions();
        if (sessions == null) { // '*': the active sessions (a failing listing fails this server)
            sessions = new ArrayList<>();
            for (WtsSessionEntry session : server.sessions()) {
                if (session.state() == WtsConnectState.ACTIVE) {
                    sessions.add(session.id());
                }
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int session : sessions) {
            try {
                WtsMessageReply reply = server.session(session).sendMessage(m.title(), m.text(), WtsMessageStyle.OK, m.timeout(), m.waits());
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
