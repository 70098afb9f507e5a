package io.github.wtsbridge.cli;

/** The exit codes of the command-line tool; scripts can rely on them. */
final class ExitCode {
    /** Everything worked (on every server). */
    static final int OK = 0;
    /** A Windows call failed (on the one server, or on every server asked), or a target matched nothing. */
    static final int FAILED = 1;
    /** The command line is wrong: unknown command or option, missing or bad argument. */
    static final int USAGE = 2;
    /** Some servers answered and some failed or timed out. */
    static final int PARTIAL = 3;
    /** Not Windows: the Terminal Services API does not exist here. */
    static final int NOT_WINDOWS = 4;
    /** Windows, but the native library could not be loaded (extraction, digest, architecture). */
    static final int NO_LIBRARY = 5;
    /** A confirmation was asked for (shutdown without --yes) and not given: nothing was done. */
    static final int DECLINED = 6;

    static final String HELP = String.join(System.lineSeparator(),
            "Exit codes:",
            "  0  success (on every server)",
            "  1  a Windows call failed (on the one server, or on every server), or nothing matched",
            "  2  usage error (unknown command or option, bad or missing argument)",
            "  3  partial failure: some servers failed or timed out, others answered",
            "  4  not Windows: the Terminal Services API does not exist on this OS",
            "  5  the native library could not be loaded",
            "  6  declined: a confirmation was asked for (shutdown without --yes) and not given");

    private ExitCode() {
    }

    /** The code for n outcomes of which `failed` failed. */
    static int of(int failed, int total) {
        return failed == 0 ? OK : failed >= total ? FAILED : PARTIAL;
    }
}
