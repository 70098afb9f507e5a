package io.github.wtsbridge.cli;

/** A wrong command line: reported on stderr with a pointer to --help, exit code 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
