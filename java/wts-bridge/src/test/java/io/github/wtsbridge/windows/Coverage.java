package io.github.wtsbridge.windows;

import io.github.wtsbridge.WtsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One probe per public method: a call, and what it must give under Wine (Wine 8.0's
 * dlls/wtsapi32/wtsapi32.c: real data, or the stub's exact failure). On a real Windows runner
 * the call runs too (unless it would change the machine: logoff, shutdown...) and must end in
 * data or a WtsException naming a function; Wine's expectations are not applied there.
 */
final class Coverage {
    /** A call of one public method. */
    @FunctionalInterface
    interface Call {
        Object run() throws Exception;
    }

    /** What a call gave: a value, or what it threw. */
    record Outcome(Object value, Throwable thrown) {
        String describe() {
            if (thrown instanceof WtsException e) {
                return "WtsException " + e.errorCode() + " from " + e.function();
            }
            if (thrown != null) {
                return thrown.getClass().getSimpleName() + ": " + oneLine(thrown.getMessage());
            }
            return "returned " + oneLine(String.valueOf(value));
        }
    }

    /** What Wine must give, in words for the table, and as a check. */
    record Expectation(String words, Consumer<Outcome> check) {
    }

    private record Probe(String method, Call call, Expectation wine, boolean changesTheMachine) {
    }

    private final Map<String, Probe> probes = new LinkedHashMap<>();
    private final List<String> rows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    /** Registers the probe of {@code method} (an {@link ApiSurface} key). */
    void probe(String method, Expectation wine, Call call) {
        add(new Probe(method, call, wine, false));
    }

    /** A probe that is only run under Wine: on real Windows it would change the machine. */
    void probeWineOnly(String method, Expectation wine, Call call) {
        add(new Probe(method, call, wine, true));
    }

    private void add(Probe probe) {
        if (probes.put(probe.method(), probe) != null) {
            throw new AssertionError("two probes for " + probe.method());
        }
    }

    /** Public methods without a probe, and probes of methods that do not exist. */
    List<String> mismatches(Set<String> surface) {
        List<String> problems = new ArrayList<>();
        for (String method : surface) {
            if (!probes.containsKey(method)) {
                problems.add("no probe for " + method);
            }
        }
        for (String method : probes.keySet()) {
            if (!surface.contains(method)) {
                problems.add("probe for a method the API does not have: " + method);
            }
        }
        return problems;
    }

    /** Runs every probe in registration order; returns the failures. */
    List<String> runAll(boolean onWine) {
        for (Probe probe : probes.values()) {
            if (!onWine && probe.changesTheMachine()) {
                rows.add(row(probe, "not run on real Windows (it would change the machine)", "-"));
                continue;
            }
            Outcome outcome = run(probe.call());
            String verdict = "ok";
            try {
                if (onWine) {
                    probe.wine().check().accept(outcome);
                } else {
                    sane(outcome);
                }
            } catch (AssertionError e) {
                verdict = "FAILED: " + oneLine(e.getMessage());
                failures.add(probe.method() + ": " + e.getMessage() + " (got " + outcome.describe() + ")");
            }
            rows.add(row(probe, outcome.describe(), verdict));
        }
        return failures;
    }

    private static Outcome run(Call call) {
        try {
            return new Outcome(call.run(), null);
        } catch (Throwable t) {
            return new Outcome(null, t);
        }
    }

    /** Real Windows: data, or a WtsException that names the function. */
    private static void sane(Outcome outcome) {
        if (outcome.thrown() instanceof WtsException e) {
            if (e.function() == null || e.function().isBlank()) {
                throw new AssertionError("WtsException without a function: " + e);
            }
        } else if (outcome.thrown() != null && !(outcome.thrown() instanceof UnsupportedOperationException)) {
            throw new AssertionError("unexpected " + outcome.thrown());
        }
    }

    private String row(Probe probe, String result, String verdict) {
        return "| `" + probe.method() + "` | " + cell(probe.wine().words()) + " | " + cell(result) + " | "
                + cell(verdict) + " |";
    }

    /** The coverage table as Markdown. */
    void write(Path file, String host) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# wts-bridge on the Windows JVM: every public method\n\n");
        out.append("Written by `WindowsApiCoverageTest` on ").append(host).append(". ")
                .append(probes.size()).append(" public methods, ").append(failures.size())
                .append(" failed. \"Wine gives\" is what Wine 8.0's dlls/wtsapi32/wtsapi32.c implements;")
                .append(" code 0 is a Wine stub that returns FALSE without SetLastError.\n\n");
        out.append("| method | Wine gives | result here | check |\n|---|---|---|---|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String oneLine(String text) {
        String line = Objects.toString(text, "").replace('\n', ' ').replace('\r', ' ');
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    // ---- expectations ----

    /** Returns, and the value passes {@code check}. */
    static <T> Expectation returns(String words, Consumer<T> check) {
        return new Expectation(words, outcome -> {
            if (outcome.thrown() != null) {
                throw new AssertionError("expected " + words + ", but it threw " + outcome.thrown(), outcome.thrown());
            }
            @SuppressWarnings("unchecked")
            T value = (T) outcome.value();
            check.accept(value);
        });
    }

    /** Returns exactly {@code expected}. */
    static Expectation returnsValue(Object expected) {
        return returns(String.valueOf(expected), value -> {
            if (!Objects.equals(expected, value)) {
                throw new AssertionError("expected " + expected + ", got " + value);
            }
        });
    }

    /** Returns normally (a void method, or a value the other probes check). */
    static Expectation returnsNormally(String words) {
        return returns(words, value -> { });
    }

    /** Throws a WtsException from {@code function} with {@code code}. */
    static Expectation fails(String function, int code) {
        String words = code == 0 ? function + " FALSE, no SetLastError: code 0" : function + " fails with " + code;
        return new Expectation(words, outcome -> {
            if (!(outcome.thrown() instanceof WtsException e)) {
                throw new AssertionError("expected a WtsException from " + function + ", got " + outcome.describe());
            }
            if (!function.equals(e.function()) || e.errorCode() != code) {
                throw new AssertionError("expected " + function + " code " + code + ", got " + e);
            }
        });
    }
}
