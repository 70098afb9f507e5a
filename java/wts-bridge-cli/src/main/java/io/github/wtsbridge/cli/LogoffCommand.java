package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSession;

/** {@code logoff SESSION}: WTSLogoffSession, like logoff. */
final class LogoffCommand extends ActionCommand.SessionAction {
    @Override
    String name() {
        return "logoff";
    }

    @Override
    String summary() {
        return "log a session off (like logoff)";
    }

    @Override
    String description() {
        return "Logs the user of session SESSION (an id, or a session name such as rdp-tcp#3) off\n"
                + "(WTSLogoffSession), on this machine or on each --server in turn, as logoff does; unsaved\n"
                + "work in the session is lost. Without SESSION: the session this tool runs in (this\n"
                + "machine only).";
    }

    @Override
    void apply(WtsServer server, int session, boolean wait) {
        server.session(session).logoff(wait);
    }

    @Override
    String done() {
        return "logged off";
    }
}
