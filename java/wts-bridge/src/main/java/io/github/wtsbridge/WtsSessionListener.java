package io.github.wtsbridge;

/**
 * Receives session changes from a {@link WtsSessionSubscription}, one at a time, in the order
 * Windows delivered them, on the subscription's own thread. What it throws is logged and does
 * not stop the events that follow; it should return quickly (later events wait for it).
 */
@FunctionalInterface
public interface WtsSessionListener {
    void onSessionChange(WtsSessionChange change);
}
