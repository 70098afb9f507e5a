package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSession;

/** {@code disconnect SESSION}: WTSDisconnectSession, like tsdiscon. */
final class DisconnectCommand extends ActionCommand.SessionAction {
    @Override
    String name() {
        return "disconnect";
    }

    @Override
    String summary() {
        return "disconnect a session, leaving its user logged on (like tsdiscon)";
    }

    @Override
    String description() {
        return "Disconnects session SESSION (an id, or a session name such as rdp-tcp#3) from its client\n"
                + "(WTSDisconnectSession), on this machine or on each --server in turn, as tsdiscon does;\n"
                + "the user stays logged on and can reconnect. Without SESSION: the session this tool runs\n"
                + "in (this machine only).";
    }

    @Override
    void apply(WtsServer server, int session, boolean wait) {
        server.session(session).disconnect(wait);
    }

    @Override
    String done() {
        return "disconnected";
    }
}
