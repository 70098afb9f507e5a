package io.github.wtsbridge.internal;

/**
 * The event natives (native/src/jni_events.c): WTSWaitSystemEvent, the raw
 * WTSRegisterSessionNotification pair, and the message loop of a subscription's hidden window.
 *
 * <p>{@link #runMessageLoop} runs on the subscription's own thread; the native window
 * procedure calls back {@link #loopStarted} and {@link #sessionChanged} on that same thread,
 * which this class routes to the {@link LoopSink} the thread registered.
 */
public final class EventsNative {
    /** NOTIFY_FOR_THIS_SESSION / NOTIFY_FOR_ALL_SESSIONS. */
    public static final int NOTIFY_FOR_THIS_SESSION = 0;
    public static final int NOTIFY_FOR_ALL_SESSIONS = 1;
    /** WTS_EVENT_FLUSH and WTS_EVENT_ALL. */
    public static final int EVENT_FLUSH = 0x8000_0000;
    public static final int EVENT_ALL = 0x7FFF_FFFF;

    private static final ThreadLocal<LoopSink> SINK = new ThreadLocal<>();

    static {
        NativeLibrary.ensureLoaded();
        init();
    }

    private EventsNative() {
    }

    /** What a message loop reports to its owner, on the loop's own thread. */
    public interface LoopSink {
        /** The window exists and is registered; {@code threadId} is what {@link #postQuit} takes. */
        void started(long window, int threadId);

        /** A WM_WTSSESSION_CHANGE: wParam (the event code) and lParam (the session id). Must not throw. */
        void sessionChanged(int event, int session);
    }

    /**
     * Creates the hidden message-only window on the calling thread, registers it (flags:
     * {@link #NOTIFY_FOR_THIS_SESSION} or {@link #NOTIFY_FOR_ALL_SESSIONS}) and pumps messages
     * until {@link #postQuit}; then unregisters and destroys the window. Throws WtsException if
     * the window or the registration cannot be made (then {@code started} is not called).
     */
    public static void runMessageLoop(LoopSink sink, int flags) {
        SINK.set(sink);
        try {
            messageLoop0(flags);
        } finally {
            SINK.remove();
        }
    }

    /** WTSWaitSystemEvent: the flags that ended the wait (0 after a flush). */
    public static native int waitSystemEvent(long server, int mask);

    /** WTSRegisterSessionNotification for a window the caller owns. */
    public static native void register(long window, int flags);

    /** WTSUnRegisterSessionNotification. */
    public static native void unregister(long window);

    /** WTSRegisterSessionNotificationEx on a server handle. */
    public static native void registerEx(long server, long window, int flags);

    /** WTSUnRegisterSessionNotificationEx. */
    public static native void unregisterEx(long server, long window);

    /** WM_QUIT to a loop's thread (PostThreadMessageW); false if it has no queue any more. */
    public static native boolean postQuit(int threadId);

    private static native void init();

    private static native void messageLoop0(int flags);

    // Called from native code, on the loop thread.
    private static void loopStarted(long window, int threadId) {
        LoopSink sink = SINK.get();
        if (sink != null) {
            sink.started(window, threadId);
        }
    }

    // Called from the window procedure, on the loop thread; never lets anything escape.
    private static void sessionChanged(int event, int session) {
        LoopSink sink = SINK.get();
        if (sink != null) {
            try {
                sink.sessionChanged(event, session);
            } catch (Throwable ignored) {
                // The sink reports listener failures itself; the loop must go on.
            }
        }
    }
}
