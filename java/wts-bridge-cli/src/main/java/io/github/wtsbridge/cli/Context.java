package io.github.wtsbridge.cli;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;

/**
 * What a command runs with: where to print, the time zone for tables, and the common options.
 *
 * @param servers the --server names; empty for this machine
 */
record Context(PrintStream out, PrintStream err, ZoneId zone, List<String> servers, boolean json) {
    /** "NAME: " for a server, "" for this machine (prefix of messages). */
    static String prefix(String server) {
        return server == null || server.isEmpty() ? "" : server + ": ";
    }

    /** A failure line on stderr. */
    void error(String server, String message) {
        err.println(Cli.PROGRAM + ": " + prefix(server) + message);
    }
}
