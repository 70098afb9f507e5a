package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How {@link WtsSession#startProcess(String, WtsStartOptions)} starts a program:
 * working directory, extra environment variables, desktop, window, elevation, standard
 * streams ({@link WtsRedirect}), job object. Immutable;
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

    private static final WtsStartOptions DEFAULTS;

    static {
        Spec spec = new Spec();
        spec.environment = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        spec.desktop = DEFAULT_DESKTOP;
        spec.window = WtsShowWindow.NORMAL;
        DEFAULTS = new WtsStartOptions(spec);
    }

    /** The values, all set before the final field {@link #spec} publishes them: never changed after. */
    private static final class Spec implements Cloneable {
        String workingDirectory;
        TreeMap<String, String> environment;
        String desktop;
        WtsShowWindow window;
        boolean elevated;
        WtsRedirect stdin;
        WtsRedirect stdout;
        WtsRedirect stderr;
        boolean errorToOutput;
        boolean killOnClose;
        boolean breakawayFromJob;

        Spec copy() {
            try {
                return (Spec) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final Spec spec;

    private WtsStartOptions(Spec spec) {
        this.spec = spec;
    }

    /**
     * The defaults: the caller's working directory, the user's own environment (from
     * CreateEnvironmentBlock, not this JVM's), {@code winsta0\default}, a normal window, the
     * user's plain token, no redirected stream (the program gets a new console of its own), no
     * job.
     *
     * @return the one instance of the defaults, the start of every {@code with…} chain
     */
    public static WtsStartOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The directory the program starts in (CreateProcessAsUserW's lpCurrentDirectory).
     *
     * @param directory the full path of a directory of this machine (or a UNC path); not
     *                  empty, no NUL, at most {@link #MAX_PATH_CHARS}
     * @return a copy with this directory
     * @throws IllegalArgumentException for an empty or over-long path, or one with a NUL
     */
    public WtsStartOptions withWorkingDirectory(String directory) {
        Checks.text(directory, "working directory", MAX_PATH_CHARS);
        if (directory.isEmpty()) {
            throw new IllegalArgumentException("working directory must not be empty");
        }
        Spec c = spec.copy();
        c.workingDirectory = directory;
        return new WtsStartOptions(c);
    }

    /**
     * Adds a variable to the user's environment, or replaces the user's value. Names compare
     * without regard to case, as on Windows; a later call for the same name wins.
     *
     * @param name  not empty, no '=' and no NUL
     * @param value no NUL, at most 32767 characters (may be empty)
     * @return a copy with the variable added to the extra ones
     * @throws IllegalArgumentException for a bad name or value
     */
    public WtsStartOptions withEnvironmentVariable(String name, String value) {
        checkVariable(name, value);
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(spec.environment);
        copy.remove(name);
        copy.put(name, value);
        Spec c = spec.copy();
        c.environment = copy;
        return new WtsStartOptions(c);
    }

    /**
     * {@link #withEnvironmentVariable} for each entry, in the map's order (so with two names
     * that differ only in case, the later one wins).
     *
     * @param variables names and values, each as {@link #withEnvironmentVariable} takes them
     * @return a copy with all of them added to the extra variables
     * @throws IllegalArgumentException for a bad name or value
     * @throws NullPointerException     for a null map, name or value
     */
    public WtsStartOptions withEnvironment(Map<String, String> variables) {
        Objects.requireNonNull(variables, "variables");
        WtsStartOptions options = this;
        for (Map.Entry<String, String> e : variables.entrySet()) {
            options = options.withEnvironmentVariable(e.getKey(), e.getValue());
        }
        return options;
    }

    /**
     * The window station and desktop the program's windows go to (STARTUPINFO.lpDesktop).
     *
     * @param desktop {@code station\desktop}, e.g. {@code winsta0\winlogon}; not empty, no NUL
     * @return a copy with this desktop
     * @throws IllegalArgumentException for an empty or over-long name, or one with a NUL
     */
    public WtsStartOptions withDesktop(String desktop) {
        Checks.text(desktop, "desktop", MAX_PATH_CHARS);
        if (desktop.isEmpty()) {
            throw new IllegalArgumentException("desktop must not be empty");
        }
        Spec c = spec.copy();
        c.desktop = desktop;
        return new WtsStartOptions(c);
    }

    /**
     * How the first window shows (STARTUPINFO.wShowWindow).
     *
     * @param window normal, hidden, minimized, maximized, or the program's own choice
     * @return a copy with this window mode
     */
    public WtsStartOptions withWindow(WtsShowWindow window) {
        Objects.requireNonNull(window, "window");
        Spec c = spec.copy();
        c.window = window;
        return new WtsStartOptions(c);
    }

    /**
     * Whether to run with the user's elevated token. Where UAC gives the user a split token
     * (an administrator whose token is filtered), true uses the linked, elevated token;
     * for a user without one (not an administrator, or UAC off) the user's token is used
     * as it is — true never raises a user above their rights.
     *
     * @param elevated true for the linked token where there is one; false (the default) for
     *                 the token WTSQueryUserToken gives
     * @return a copy with this choice
     */
    public WtsStartOptions withElevated(boolean elevated) {
        Spec c = spec.copy();
        c.elevated = elevated;
        return new WtsStartOptions(c);
    }

    /**
     * Where the program reads its input: {@link WtsRedirect#PIPE} (write it through
     * {@link WtsStartedProcess#stdin()}; close that stream to give the end), a file
     * ({@link WtsRedirect#from}), {@link WtsRedirect#DISCARD} or {@link WtsRedirect#INHERIT}.
     *
     * <p>With no redirect at all (the default) the program gets its own new console, as before.
     * Once any of the three streams is redirected, the program gets its handles with
     * STARTF_USESTDHANDLES, the streams not redirected go to {@link WtsRedirect#DISCARD}, and
     * only those handles are inherited (PROC_THREAD_ATTRIBUTE_HANDLE_LIST): no other handle of
     * this JVM reaches the user's process.
     *
     * @param redirect a pipe, a file to read, the NUL device, or this process's stdin
     * @return a copy with this stdin
     * @throws IllegalArgumentException for {@link WtsRedirect#to} / {@link WtsRedirect#appendTo}
     */
    public WtsStartOptions withStdin(WtsRedirect redirect) {
        Objects.requireNonNull(redirect, "redirect");
        if (redirect.type() == WtsRedirect.Type.WRITE || redirect.type() == WtsRedirect.Type.APPEND) {
            throw new IllegalArgumentException("stdin cannot be written to a file: " + redirect);
        }
        Spec c = spec.copy();
        c.stdin = redirect;
        return new WtsStartOptions(c);
    }

    /**
     * Where the program's output goes: {@link WtsRedirect#PIPE} (read it from
     * {@link WtsStartedProcess#stdout()}, or all at once with {@link WtsStartedProcess#readOutput()}),
     * a file, {@link WtsRedirect#DISCARD} or {@link WtsRedirect#INHERIT}. See {@link #withStdin}.
     *
     * @param redirect a pipe, a file to write or append to, the NUL device, or this process's
     *                 stdout
     * @return a copy with this stdout
     * @throws IllegalArgumentException for {@link WtsRedirect#from}
     */
    public WtsStartOptions withStdout(WtsRedirect redirect) {
        checkOutput(redirect);
        Spec c = spec.copy();
        c.stdout = redirect;
        return new WtsStartOptions(c);
    }

    /**
     * Where the program's errors go, as {@link #withStdout}; see also {@link #withErrorToOutput}.
     *
     * @param redirect a pipe, a file to write or append to, the NUL device, or this process's
     *                 stderr
     * @return a copy with this stderr
     * @throws IllegalArgumentException for {@link WtsRedirect#from}
     */
    public WtsStartOptions withStderr(WtsRedirect redirect) {
        checkOutput(redirect);
        Spec c = spec.copy();
        c.stderr = redirect;
        return new WtsStartOptions(c);
    }

    /**
     * True: stderr goes where stdout goes (one handle, as {@link ProcessBuilder#redirectErrorStream});
     * the stderr redirect is then ignored.
     *
     * @param merged true to give stderr the stdout handle; false (the default) keeps them apart
     * @return a copy with this choice
     */
    public WtsStartOptions withErrorToOutput(boolean merged) {
        Spec c = spec.copy();
        c.errorToOutput = merged;
        return new WtsStartOptions(c);
    }

    /**
     * True: the program runs in a job object with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE that the
     * {@link WtsStartedProcess} holds, so that it — and the processes it starts — end when
     * that is closed, or when this JVM ends, however it ends: children die with the service.
     * False (the default): closing never ends the program.
     *
     * @param kill true to start the program suspended, put it in a new kill-on-close job and
     *             then let it run
     * @return a copy with this choice
     */
    public WtsStartOptions withKillOnClose(boolean kill) {
        Spec c = spec.copy();
        c.killOnClose = kill;
        return new WtsStartOptions(c);
    }

    /**
     * True: CREATE_BREAKAWAY_FROM_JOB, for a service that itself runs in a job (some service
     * hosts and installers do): the program leaves that job, so it is not ended with it.
     * Windows refuses (ERROR_ACCESS_DENIED, 5, from CreateProcessAsUserW) when the job does not
     * allow breakaway (JOB_OBJECT_LIMIT_BREAKAWAY_OK).
     *
     * @param breakaway true to pass CREATE_BREAKAWAY_FROM_JOB; false (the default) leaves the
     *                  program in the caller's job, if any
     * @return a copy with this choice
     */
    public WtsStartOptions withBreakawayFromJob(boolean breakaway) {
        Spec c = spec.copy();
        c.breakawayFromJob = breakaway;
        return new WtsStartOptions(c);
    }

    /**
     * The working directory.
     *
     * @return the directory given to {@link #withWorkingDirectory}; empty for the caller's
     *         (lpCurrentDirectory NULL)
     */
    public Optional<String> workingDirectory() {
        return Optional.ofNullable(spec.workingDirectory);
    }

    /**
     * The extra variables, sorted by name without regard to case (unmodifiable).
     *
     * @return the variables added to (or replacing) the user's own; empty by default
     */
    public Map<String, String> environment() {
        return Collections.unmodifiableMap(spec.environment);
    }

    /**
     * The window station and desktop.
     *
     * @return the lpDesktop passed in STARTUPINFO; {@link #DEFAULT_DESKTOP} by default
     */
    public String desktop() {
        return spec.desktop;
    }

    /**
     * How the first window shows.
     *
     * @return the window mode; {@link WtsShowWindow#NORMAL} by default
     */
    public WtsShowWindow window() {
        return spec.window;
    }

    /**
     * Whether the user's elevated (linked) token is asked for.
     *
     * @return true when {@link #withElevated} asked for it; false by default
     */
    public boolean elevated() {
        return spec.elevated;
    }

    /**
     * The stdin redirect.
     *
     * @return the redirect given to {@link #withStdin}; empty when not set (then
     *         {@link WtsRedirect#DISCARD} if another stream is redirected, else the new console)
     */
    public Optional<WtsRedirect> stdin() {
        return Optional.ofNullable(spec.stdin);
    }

    /**
     * The stdout redirect.
     *
     * @return the redirect given to {@link #withStdout}; empty when not set (then
     *         {@link WtsRedirect#DISCARD} if another stream is redirected, else the new console)
     */
    public Optional<WtsRedirect> stdout() {
        return Optional.ofNullable(spec.stdout);
    }

    /**
     * The stderr redirect.
     *
     * @return the redirect given to {@link #withStderr}; empty when not set (then
     *         {@link WtsRedirect#DISCARD} if another stream is redirected, else the new console);
     *         not used when {@link #errorToOutput()} is true
     */
    public Optional<WtsRedirect> stderr() {
        return Optional.ofNullable(spec.stderr);
    }

    /**
     * Whether stderr goes where stdout goes.
     *
     * @return true when {@link #withErrorToOutput} merged them; false by default
     */
    public boolean errorToOutput() {
        return spec.errorToOutput;
    }

    /**
     * Whether the program runs in a job that ends it when the {@link WtsStartedProcess} closes.
     *
     * @return true when {@link #withKillOnClose} asked for it; false by default
     */
    public boolean killOnClose() {
        return spec.killOnClose;
    }

    /**
     * Whether the program is started out of the caller's job (CREATE_BREAKAWAY_FROM_JOB).
     *
     * @return true when {@link #withBreakawayFromJob} asked for it; false by default
     */
    public boolean breakawayFromJob() {
        return spec.breakawayFromJob;
    }

    /** True when any standard stream is redirected (or stderr merged into stdout). */
    boolean redirects() {
        return spec.stdin != null || spec.stdout != null || spec.stderr != null || spec.errorToOutput;
    }

    private static void checkOutput(WtsRedirect redirect) {
        Objects.requireNonNull(redirect, "redirect");
        if (redirect.type() == WtsRedirect.Type.READ) {
            throw new IllegalArgumentException("an output cannot be read from a file: " + redirect);
        }
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
        return "WtsStartOptions[directory=" + spec.workingDirectory + ", environment=" + spec.environment.keySet()
                + ", desktop=" + spec.desktop + ", window=" + spec.window + ", elevated=" + spec.elevated
                + (redirects() ? ", stdin=" + spec.stdin + ", stdout=" + spec.stdout + ", stderr="
                        + (spec.errorToOutput ? "stdout" : spec.stderr) : "")
                + (spec.killOnClose ? ", killOnClose" : "") + (spec.breakawayFromJob ? ", breakawayFromJob" : "") + "]";
    }
}
