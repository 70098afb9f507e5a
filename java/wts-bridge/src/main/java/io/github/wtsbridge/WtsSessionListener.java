package io.github.wtsbridge;

/**
 * Receives session changes from a {@link WtsSessionSubscription}, one at a time, in the order
 * Windows delivered them, on the subscription's own thread. What it throws is logged and does
 * not stop the events that follow; it should return quickly (later events wait for it).
 */
@FunctionalInterface
public interface WtsSessionListener {
    /**
     * Called once for each session change, on the subscription's thread.
     *
     * @param change what happened ({@link WtsSessionChange#event()}) and to which session
     *               ({@link WtsSessionChange#sessionId()}); never null
     */
    void onSessionChange(WtsSessionChange change);
}
