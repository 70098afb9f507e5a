package io.github.wtsbridge.cli;

/**
 * One command-line option: {@code --name} (a flag) or {@code --name VALUE} / {@code --name=VALUE}.
 *
 * @param name        without the leading dashes
 * @param metavar     the value's placeholder in the help; null for a flag
 * @param repeatable  whether it may be given more than once
 * @param description one line for the help
 */
record Option(String name, String metavar, boolean repeatable, String description) {
    static final Option SERVER = new Option("server", "NAME", true,
            "the Terminal Server to ask instead of this machine; repeat, or NAME,NAME, or @FILE (a name a line)");
    static final Option JSON = flag("json", "print JSON instead of a table (ASCII only: other characters as \\u escapes)");
    static final Option HELP = flag("help", "print this help (also -h)");

    static Option flag(String name, String description) {
        return new Option(name, null, false, description);
    }

    static Option value(String name, String metavar, String description) {
        return new Option(name, metavar, false, description);
    }

    boolean takesValue() {
        return metavar != null;
    }

    /** How the option shows in the usage line and the option list. */
    String synopsis() {
        return "--" + name + (takesValue() ? " " + metavar : "");
    }
}
