package wtsbridge.probe;

import io.github.wtsbridge.WtsSession;

/** The probe's only call into wts-bridge's API: the one line to change when the API changes. */
final class Call {
    private Call() {
    }

    /** The current process's session id, read through the native library (the fake says 1). */
    static Object currentSessionId() {
        return WtsSession.current().id();
    }
}
