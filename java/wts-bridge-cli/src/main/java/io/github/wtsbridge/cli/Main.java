package io.github.wtsbridge.cli;

import java.time.ZoneId;

/**
 * Entry point of the command-line tool's executable jar:
 * {@code java -jar wts-bridge-cli-<version>-all.jar <command> [options] [arguments]}
 * ({@code --help} lists the commands).
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs one command and exits the JVM with its exit code: 0 for success, another code for a
     * usage error or a failure ({@code --help} lists them). Output goes to standard output,
     * errors to standard error; times are shown in the system's default time zone.
     *
     * @param args the command, then its options and arguments, e.g.
     *             {@code sessions --server rdsh01}
     */
    public static void main(String[] args) {
        int code = new Cli(System.out, System.err, ZoneId.systemDefault()).run(args);
        System.out.flush();
        System.exit(code);
    }
}
