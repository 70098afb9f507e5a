package io.github.wtsbridge;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Command lines for {@link WtsSession#startProcess}: CreateProcessAsUserW gets no
 * application name, so Windows finds the program in the command line itself. An unquoted
 * path with spaces is then read piece by piece ({@code C:\Program Files\app.exe} first tries
 * {@code C:\Program.exe}: CWE-428). {@link #of} quotes each argument the way
 * CommandLineToArgvW and the Microsoft C runtime split it again, so that the program sees
 * exactly these arguments.
 */
public final class WtsCommandLine {
    private static final List<String> EXECUTABLE_SUFFIXES = List.of(".exe", ".com", ".bat", ".cmd");

    private WtsCommandLine() {
    }

    /**
     * The command line for a program and its arguments, each quoted only where needed:
     * {@code of(List.of("C:\\Program Files\\app.exe", "a b", "x\"y"))} is
     * {@code "C:\Program Files\app.exe" "a b" "x\"y"}.
     *
     * @param programAndArguments the program's path (first) and then each argument, unquoted,
     *                            exactly as the program should receive them in argv
     * @return one command line for CreateProcessAsUserW's lpCommandLine: the items joined by
     *         single spaces, each quoted (with backslashes doubled before quotes) only if it is
     *         empty or holds a space, tab, newline, vertical tab or double quote
     * @throws NullPointerException     if the list or one of its items is null
     * @throws IllegalArgumentException for an empty list, an empty program, or a NUL
     */
    public static String of(List<String> programAndArguments) {
        Objects.requireNonNull(programAndArguments, "programAndArguments");
        if (programAndArguments.isEmpty() || programAndArguments.get(0).isEmpty()) {
            throw new IllegalArgumentException("the program must not be empty");
        }
        StringBuilder line = new StringBuilder();
        for (String argument : programAndArguments) {
            Objects.requireNonNull(argument, "arguments must not contain null");
            if (argument.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("an argument contains NUL");
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            quote(argument, line);
        }
        return line.toString();
    }

    /** CommandLineToArgvW's rules: backslashes are literal unless they precede a quote. */
    private static void quote(String argument, StringBuilder out) {
        if (!argument.isEmpty() && argument.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"'
                || c == '\n' || c == 0x0B)) {
            out.append(argument);
            return;
        }
        out.append('"');
        int backslashes = 0;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                out.append("\\".repeat(2 * backslashes + 1)); /* each doubled, then \" */
            } else {
                out.append("\\".repeat(backslashes));
            }
            backslashes = 0;
            out.append(c);
        }
        out.append("\\".repeat(2 * backslashes)); /* doubled before the closing quote */
        out.append('"');
    }

    /**
     * Refuses a command line whose program is an unquoted path with a space in it: the
     * first word holds a path separator but names no executable ({@code C:\Program
     * Files\app.exe -x}), so Windows would try {@code C:\Program.exe} first.
     *
     * @throws IllegalArgumentException naming the fix: quote the path, or use {@link #of}
     */
    static void checkProgramQuoted(String commandLine) {
        String line = commandLine.stripLeading();
        if (line.startsWith("\"")) {
            return;
        }
        int space = indexOfWhitespace(line);
        if (space < 0) {
            return;
        }
        String first = line.substring(0, space);
        boolean path = first.indexOf('\\') >= 0 || first.indexOf('/') >= 0;
        String lower = first.toLowerCase(Locale.ROOT);
        boolean executable = EXECUTABLE_SUFFIXES.stream().anyMatch(lower::endsWith);
        if (path && !executable) {
            throw new IllegalArgumentException("the program path '" + first + "...' in the command line is not quoted:"
                    + " Windows would try '" + first + ".exe' first (an unquoted path with spaces, CWE-428); put the"
                    + " program's path in double quotes, or build the line with WtsCommandLine.of(List.of(program, args...))");
        }
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }
}
