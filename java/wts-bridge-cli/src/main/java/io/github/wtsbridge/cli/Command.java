package io.github.wtsbridge.cli;

import java.util.ArrayList;
import java.util.List;

/** One command of the tool: its name, help, options, and what it does. */
abstract class Command {
    /** The command's name, e.g. {@code sessions}. */
    abstract String name();

    /** One line for the overall help. */
    abstract String summary();

    /** The usage after the program and command name, without the common options. */
    abstract String arguments();

    /** Paragraphs after the usage line (what it does, which Windows tool it mirrors). */
    abstract String description();

    /** Options of this command besides --server, --json and --help. */
    List<Option> extraOptions() {
        return List.of();
    }

    /** True for commands Windows can only do on this machine (no --server). */
    boolean localOnly() {
        return false;
    }

    /**
     * Checks the command line (and reads what it needs from stdin) before the library is
     * loaded, so a usage error is exit 2 on any OS; commands keep what they parsed for run.
     */
    void check(Args args, Context context) throws UsageException {
    }

    /** Runs the command; the library is loaded. Returns the exit code. */
    abstract int run(Args args, Context context) throws UsageException;

    final List<Option> options() {
        List<Option> all = new ArrayList<>();
        if (!localOnly()) {
            all.add(Option.SERVER);
        }
        all.addAll(extraOptions());
        all.add(Option.JSON);
        all.add(Option.HELP);
        return all;
    }

    final String usage() {
        StringBuilder b = new StringBuilder(Cli.PROGRAM).append(' ').append(name());
        if (!localOnly()) {
            b.append(" [--server NAME]...");
        }
        for (Option option : extraOptions()) {
            b.append(" [").append(option.synopsis()).append(']').append(option.repeatable() ? "..." : "");
        }
        b.append(" [--json]");
        if (!arguments().isEmpty()) {
            b.append(' ').append(arguments());
        }
        return b.toString();
    }

    final String help() {
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder("usage: ").append(usage()).append(nl).append(nl)
                .append(description().replace("\n", nl)).append(nl).append(nl).append("Options:").append(nl);
        int width = 0;
        for (Option option : options()) {
            width = Math.max(width, option.synopsis().length());
        }
        for (Option option : options()) {
            b.append("  ").append(option.synopsis()).append(" ".repeat(width - option.synopsis().length() + 2))
                    .append(option.description()).append(nl);
        }
        return b.append(nl).append(ExitCode.HELP).toString();
    }

    /** Exactly `count` positional arguments, or a usage error naming them. */
    static List<String> positionals(Args args, int min, int max, String names) throws UsageException {
        List<String> given = args.positionals();
        if (given.size() < min) {
            throw new UsageException("missing " + names);
        }
        if (given.size() > max) {
            throw new UsageException("unexpected argument '" + given.get(max) + "'");
        }
        return given;
    }
}
