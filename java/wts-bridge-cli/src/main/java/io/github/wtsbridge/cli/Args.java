package io.github.wtsbridge.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed command line of one command: options (as declared by the command) and the
 * positional arguments. {@code --} ends the options; {@code -h} is {@code --help}.
 */
final class Args {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();

    private Args() {
    }

    /** True when --help or -h appears among the options (checked before anything else). */
    static boolean wantsHelp(List<String> tokens) {
        for (String token : tokens) {
            if (token.equals("--")) {
                return false;
            }
            if (token.equals("--help") || token.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    static Args parse(List<String> tokens, List<Option> options) throws UsageException {
        Args args = new Args();
        boolean optionsEnded = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (optionsEnded || !token.startsWith("-") || token.equals("-")) {
                args.positionals.add(token);
                continue;
            }
            if (token.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (!token.startsWith("--")) {
                throw new UsageException("unknown option " + token);
            }
            int eq = token.indexOf('=');
            String name = token.substring(2, eq < 0 ? token.length() : eq);
            Option option = find(options, name);
            String value = null;
            if (option.takesValue()) {
                if (eq >= 0) {
                    value = token.substring(eq + 1);
                } else if (i + 1 < tokens.size()) {
                    value = tokens.get(++i);
                } else {
                    throw new UsageException("--" + name + " needs a value (" + option.metavar() + ")");
                }
            } else if (eq >= 0) {
                throw new UsageException("--" + name + " takes no value");
            }
            List<String> given = args.values.computeIfAbsent(name, k -> new ArrayList<>());
            if (!given.isEmpty() && !option.repeatable()) {
                throw new UsageException("--" + name + " given more than once");
            }
            given.add(value);
        }
        return args;
    }

    private static Option find(List<Option> options, String name) throws UsageException {
        for (Option option : options) {
            if (option.name().equals(name)) {
                return option;
            }
        }
        throw new UsageException("unknown option --" + name);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    Optional<String> value(String name) {
        List<String> given = values.get(name);
        return given == null ? Optional.empty() : Optional.of(given.get(0));
    }

    List<String> all(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    List<String> positionals() {
        return List.copyOf(positionals);
    }

    // ---- value parsing shared by the commands ----

    /** A session id: 0 to 2147483647. */
    static int sessionId(String text) throws UsageException {
        long value = number(text, "session id", 0, Integer.MAX_VALUE);
        return (int) value;
    }

    /** A process id: a DWORD. */
    static long processId(String text) throws UsageException {
        return number(text, "process id", 0, 0xFFFF_FFFFL);
    }

    static long number(String text, String what, long min, long max) throws UsageException {
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(what + " must be a whole number from " + min + " to " + max + ", not '" + text + "'");
    }

    /** Seconds, whole or decimal (0.5), from min (exclusive when zero) up to max. */
    static Duration seconds(String text, String what, boolean zeroAllowed, long max) throws UsageException {
        try {
            BigDecimal seconds = new BigDecimal(text);
            Duration duration = Duration.ofNanos(seconds.movePointRight(9).longValue());
            // (a positive value that rounds to 0 ns, e.g. 1e-10, is no timeout either)
            if ((zeroAllowed ? seconds.signum() >= 0 : seconds.signum() > 0 && !duration.isZero())
                    && seconds.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return duration;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(what + " must be a number of seconds " + (zeroAllowed ? "from 0" : "above 0")
                + " up to " + max + ", not '" + text + "'");
    }
}
