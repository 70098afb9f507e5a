package io.github.wtsbridge.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.List;

/**
 * What a command runs with: where to print, the time zone for tables, and the common options.
 *
 * @param in      standard input (msg's message, --password-stdin, shutdown's confirmation)
 * @param servers the --server names (expanded: lists and @files); empty for this machine
 */
record Context(PrintStream out, PrintStream err, InputStream in, ZoneId zone, List<String> servers, boolean json) {
    /** "NAME: " for a server, "" for this machine (prefix of messages). */
    static String prefix(String server) {
        return server == null || server.isEmpty() ? "" : server + ": ";
    }

    /** A failure line on stderr. */
    void error(String server, String message) {
        err.println(Cli.PROGRAM + ": " + prefix(server) + message);
    }

    /** Reads standard input to its end (the console's charset), or one line of it. */
    static String read(InputStream in, boolean oneLine) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
            if (oneLine) {
                String line = reader.readLine();
                return line == null ? "" : line;
            }
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
