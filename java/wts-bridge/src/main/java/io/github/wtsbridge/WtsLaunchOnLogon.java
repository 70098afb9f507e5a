package io.github.wtsbridge;

import io.github.wtsbridge.internal.Log;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.internal.SessionsNative;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Starts a program once in each session where a user logs on — what a service does to put a
 * tray tool or an updater on every user's desktop. Built on a {@link WtsSessionSubscription}
 * for {@link WtsSessionScope#ALL_SESSIONS}; close it to stop (the programs it started keep
 * running).
 *
 * <p>Once per logon: a session's logon (WTS_SESSION_LOGON) starts the program unless it was
 * already started for that logon; a logoff (WTS_SESSION_LOGOFF) ends the logon. A disconnect
 * followed by a reconnect is <b>not</b> a new logon: nothing is started then, unless
 * {@link Options#withOnReconnect} asks for it (then the program starts again at each
 * reconnect to a session whose user is still logged on). With
 * {@link Options#withAlreadyActiveSessions}, the sessions active with a user when it opens get
 * the program too.
 *
 * <p>A failing launch (the user logged off in between, a missing program…) is logged through
 * SLF4J, or System.Logger without it (logger {@code io.github.wtsbridge.WtsLaunchOnLogon}), and does not stop the
 * launches that follow. Each started program goes to {@link Options#withOnStarted}; by
 * default its handle is closed at once (the program runs on).
 */
public final class WtsLaunchOnLogon implements AutoCloseable {
    private static final Log LOG = Log.forClass(WtsLaunchOnLogon.class);

    private final String commandLine;
    private final Options options;
    /** Per session with a logon this knows of: whether it was disconnected since the last launch. */
    private final Map<Integer, Boolean> logons = new HashMap<>();
    private final WtsSessionSubscription subscription;
    private volatile boolean closed;

    /** What {@link #open} does besides the command line. Immutable; each {@code with…} returns a copy. */
    public static final class Options {
        private static final Options DEFAULTS = new Options(WtsStartOptions.defaults(), false, false,
                WtsStartedProcess::close);

        private final WtsStartOptions startOptions;
        private final boolean onReconnect;
        private final boolean alreadyActive;
        private final Consumer<WtsStartedProcess> onStarted;

        private Options(WtsStartOptions startOptions, boolean onReconnect, boolean alreadyActive,
                        Consumer<WtsStartedProcess> onStarted) {
            this.startOptions = startOptions;
            this.onReconnect = onReconnect;
            this.alreadyActive = alreadyActive;
            this.onStarted = onStarted;
        }

        /**
         * Default start options, logons only, not the sessions already active, handles closed at once.
         *
         * @return the one instance of the defaults, the start of every {@code with…} chain
         */
        public static Options defaults() {
            return DEFAULTS;
        }

        /**
         * How the program starts (directory, environment, window, redirects…).
         *
         * @param options the options each launch passes to
         *                {@link WtsSession#startProcess(String, WtsStartOptions)}
         * @return a copy with these start options
         */
        public Options withStartOptions(WtsStartOptions options) {
            Objects.requireNonNull(options, "options");
            return new Options(options, onReconnect, alreadyActive, onStarted);
        }

        /**
         * True: start the program again when a user reconnects to a session (console or remote).
         *
         * @param onReconnect true to launch at each WTS_CONSOLE_CONNECT / WTS_REMOTE_CONNECT of a
         *                    session that was disconnected since its last launch, or whose
         *                    logon came before the launcher opened; false (the default) for
         *                    logons only
         * @return a copy with this choice
         */
        public Options withOnReconnect(boolean onReconnect) {
            return new Options(startOptions, onReconnect, alreadyActive, onStarted);
        }

        /**
         * True: on open, start the program in each session active with a user at that moment.
         *
         * @param alreadyActive true to launch, when {@link #open} subscribes, in each session
         *                      that WTSEnumerateSessionsW lists as active with a user; false (the
         *                      default) to wait for the next logon
         * @return a copy with this choice
         */
        public Options withAlreadyActiveSessions(boolean alreadyActive) {
            return new Options(startOptions, onReconnect, alreadyActive, onStarted);
        }

        /**
         * Receives each started program, on the subscription's thread, and owns it from then on
         * (close it when done; closing never ends it). What it throws is logged.
         *
         * @param onStarted takes each started program; the default closes it at once
         * @return a copy with this consumer
         */
        public Options withOnStarted(Consumer<WtsStartedProcess> onStarted) {
            Objects.requireNonNull(onStarted, "onStarted");
            return new Options(startOptions, onReconnect, alreadyActive, onStarted);
        }

        /**
         * How the program starts.
         *
         * @return the start options; {@link WtsStartOptions#defaults()} by default
         */
        public WtsStartOptions startOptions() {
            return startOptions;
        }

        /**
         * Whether a reconnect starts the program again.
         *
         * @return the value given to {@link #withOnReconnect}; false by default
         */
        public boolean onReconnect() {
            return onReconnect;
        }

        /**
         * Whether opening starts the program in the sessions already active.
         *
         * @return the value given to {@link #withAlreadyActiveSessions}; false by default
         */
        public boolean alreadyActiveSessions() {
            return alreadyActive;
        }

        @Override
        public String toString() {
            return "WtsLaunchOnLogon.Options[" + startOptions + ", onReconnect=" + onReconnect
                    + ", alreadyActiveSessions=" + alreadyActive + "]";
        }
    }

    private WtsLaunchOnLogon(String commandLine, Options options) {
        this.commandLine = commandLine;
        this.options = options;
        this.subscription = WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, this::onChange);
    }

    /**
     * Starts watching logons (and, if asked, starts the program in the sessions already
     * active). Returns once subscribed: no logon after this call is missed.
     *
     * @param commandLine as {@link WtsSession#startProcess(String, WtsStartOptions)} takes it
     * @param options     the start options, reconnects, already active sessions, what gets
     *                    each started program
     * @return the running launcher; close it to stop watching
     * @throws IllegalArgumentException a command line that startProcess would refuse
     * @throws WtsException             the subscription cannot be made
     */
    public static WtsLaunchOnLogon open(String commandLine, Options options) {
        SessionActions.checkCommandLine(commandLine);
        Objects.requireNonNull(options, "options");
        NativeLibrary.ensureLoaded();
        WtsLaunchOnLogon launcher = new WtsLaunchOnLogon(commandLine, options);
        if (options.alreadyActive) {
            launcher.startInActiveSessions();
        }
        return launcher;
    }

    private void startInActiveSessions() {
        int console;
        java.util.List<SessionChooser.Candidate> sessions;
        try {
            console = SessionsNative.activeConsoleSessionId();
            sessions = SessionChooser.read(console);
        } catch (WtsException e) {
            LOG.warn("could not list the sessions already active: {}", e.getMessage());
            return;
        }
        for (SessionChooser.Candidate c : sessions) {
            if (c.hasUser() && c.isActive()) {
                synchronized (logons) {
                    if (logons.containsKey(c.id())) {
                        continue; // its logon event came meanwhile and started it
                    }
                    logons.put(c.id(), false);
                }
                launch(c.id(), "already active");
            }
        }
    }

    private void onChange(WtsSessionChange change) {
        int session = change.sessionId();
        boolean start = false;
        String why = null;
        synchronized (logons) {
            switch (change.event()) {
                case SESSION_LOGON -> {
                    start = !logons.containsKey(session);
                    logons.put(session, false);
                    why = "logon";
                }
                case SESSION_LOGOFF -> logons.remove(session);
                case REMOTE_DISCONNECT, CONSOLE_DISCONNECT -> logons.computeIfPresent(session, (k, v) -> true);
                case REMOTE_CONNECT, CONSOLE_CONNECT -> {
                    if (options.onReconnect) {
                        Boolean disconnected = logons.get(session);
                        // an unknown session: a logon from before we opened (or a fresh
                        // connection, where nobody is logged on yet and the launch finds no user)
                        start = disconnected == null || disconnected;
                        if (disconnected != null) {
                            logons.put(session, false);
                        }
                        why = "reconnect";
                    }
                }
                default -> {
                }
            }
        }
        if (start && !closed) {
            boolean started = launch(session, why);
            if (started && "reconnect".equals(why)) {
                synchronized (logons) {
                    logons.putIfAbsent(session, false);
                }
            }
        }
    }

    private boolean launch(int session, String why) {
        try {
            WtsStartedProcess process = SessionActions.startProcess(session, commandLine, options.startOptions);
            LOG.info("started '{}' in session {} ({}): pid {}", commandLine, session, why, process.pid());
            try {
                options.onStarted.accept(process);
            } catch (RuntimeException e) {
                LOG.warn("onStarted threw for pid {}", process.pid(), e);
            }
            return true;
        } catch (WtsNoUserException e) {
            LOG.debug("session {} ({}): nobody logged on, nothing started", session, why);
        } catch (RuntimeException e) {
            LOG.warn("could not start '{}' in session {} ({}): {}", commandLine, session, why, e.getMessage(), e);
        }
        return false;
    }

    /**
     * Whether logons are still watched.
     *
     * @return true until {@link #close()} is called or the subscription's event thread has
     *         ended (after an error, which is logged)
     */
    public boolean isOpen() {
        return !closed && subscription.isOpen();
    }

    /** Stops watching (the programs started keep running). Idempotent. */
    @Override
    public void close() {
        closed = true;
        subscription.close();
    }

    @Override
    public String toString() {
        return "WtsLaunchOnLogon['" + commandLine + "'" + (closed ? ", closed" : "") + "]";
    }
}
