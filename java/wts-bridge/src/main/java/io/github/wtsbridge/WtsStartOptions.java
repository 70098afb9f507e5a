package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How {@link WtsSession#startProcess(String, WtsStartOptions)} starts a program:
 * working directory, extra environment variables, desktop, window, elevation. Immutable;
 * each {@code with…} method returns a changed copy and checks its argument at once.
 *
 * <pre>{@code
 * WtsStartOptions options = WtsStartOptions.defaults()
 *         .withWorkingDirectory("C:\\Program Files\\Acme")
 *         .withEnvironmentVariable("ACME_UPDATED", "1")
 *         .withWindow(WtsShowWindow.NORMAL);
 * }</pre>
 */
public final class WtsStartOptions {
    /** The interactive desktop of the session: {@code winsta0\default}. */
    public static final String DEFAULT_DESKTOP = "winsta0\\default";
    /** Longest environment variable value Windows accepts. */
    public static final int MAX_VARIABLE_CHARS = 32_767;
    /** Longest path this library passes (Windows' long-path limit). */
    public static final int MAX_PATH_CHARS = 32_767;

    private static final WtsStartOptions DEFAULTS = new WtsStartOptions(null,
            new TreeMap<>(String.CASE_INSENSITIVE_ORDER), DEFAULT_DESKTOP, WtsShowWindow.NORMAL, false);

    private final String workingDirectory;
    private final TreeMap<String, String> environment;
    private final String desktop;
    private final WtsShowWindow window;
    private final boolean elevated;

    private WtsStartOptions(String workingDirectory, TreeMap<String, String> environment, String desktop,
            WtsShowWindow window, boolean elevated) {
        this.workingDirectory = workingDirectory;
        this.environment = environment;
        this.desktop = desktop;
        this.window = window;
        this.elevated = elevated;
    }

    /**
     * The defaults: the caller's working directory, the user's own environment (from
     * CreateEnvironmentBlock, not this JVM's), {@code winsta0\default}, a normal window, the
     * user's plain token.
     */
    public static WtsStartOptions defaults() {
        return DEFAULTS;
    }

    /** The directory the program starts in; not empty, no NUL. */
    public WtsStartOptions withWorkingDirectory(String directory) {
        Checks.text(directory, "working directory", MAX_PATH_CHARS);
        if (directory.isEmpty()) {
            throw new IllegalArgumentException("working directory must not be empty");
        }
        return new WtsStartOptions(directory, environment, desktop, window, elevated);
    }

    /**
     * Adds a variable to the user's environment, or replaces the user's value. Names compare
     * without regard to case, as on Windows; a later call for the same name wins.
     *
     * @param name  not empty, no '=' and no NUL
     * @param value no NUL, at most 32767 characters (may be empty)
     */
    public WtsStartOptions withEnvironmentVariable(String name, String value) {
        checkVariable(name, value);
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(environment);
        copy.remove(name);
        copy.put(name, value);
        return new WtsStartOptions(workingDirectory, copy, desktop, window, elevated);
    }

    /** {@link #withEnvironmentVariable} for each entry. */
    public WtsStartOptions withEnvironment(Map<String, String> variables) {
        Objects.requireNonNull(variables, "variables");
        WtsStartOptions options = this;
        for (Map.Entry<String, String> e : variables.entrySet()) {
            options = options.withEnvironmentVariable(e.getKey(), e.getValue());
        }
        return options;
    }

    /** The window station and desktop, e.g. {@code winsta0\winlogon}; not empty, no NUL. */
    public WtsStartOptions withDesktop(String desktop) {
        Checks.text(desktop, "desktop", MAX_PATH_CHARS);
        if (desktop.isEmpty()) {
            throw new IllegalArgumentException("desktop must not be empty");
        }
        return new WtsStartOptions(workingDirectory, environment, desktop, window, elevated);
    }

    /** How the first window shows. */
    public WtsStartOptions withWindow(WtsShowWindow window) {
        Objects.requireNonNull(window, "window");
        return new WtsStartOptions(workingDirectory, environment, desktop, window, elevated);
    }

    /**
     * Whether to run with the user's elevated token. Where UAC gives the user a split token
     * (an administrator whose token is filtered), true uses the linked, elevated token;
     * for a user without one (not an administrator, or UAC off) the user's token is used
     * as it is — true never raises a user above their rights.
     */
    public WtsStartOptions withElevated(boolean elevated) {
        return new WtsStartOptions(workingDirectory, environment, desktop, window, elevated);
    }

    /** The working directory; empty for the caller's. */
    public Optional<String> workingDirectory() {
        return Optional.ofNullable(workingDirectory);
    }

    /** The extra variables, sorted by name without regard to case (unmodifiable). */
    public Map<String, String> environment() {
        return Collections.unmodifiableMap(environment);
    }

    public String desktop() {
        return desktop;
    }

    public WtsShowWindow window() {
        return window;
    }

    public boolean elevated() {
        return elevated;
    }

    private static void checkVariable(String name, String value) {
        Checks.text(name, "environment variable name", MAX_VARIABLE_CHARS);
        if (name.isEmpty() || name.indexOf('=') >= 0) {
            throw new IllegalArgumentException("environment variable name must be non-empty without '=': \""
                    + name + "\"");
        }
        Checks.text(value, "value of " + name, MAX_VARIABLE_CHARS);
    }

    @Override
    public String toString() {
        return "WtsStartOptions[directory=" + workingDirectory + ", environment=" + environment.keySet()
                + ", desktop=" + desktop + ", window=" + window + ", elevated=" + elevated + "]";
    }
}
