package io.github.wtsbridge;

import java.util.OptionalInt;

/**
 * Nobody is logged on where a program was to be started: WTSQueryUserToken failed with
 * ERROR_NO_TOKEN (1008) — an idle or listener session, session 0 — or no session at all is
 * attached to the console (WTSGetActiveConsoleSessionId returned 0xFFFFFFFF, as during a
 * session switch or before anyone logs on). Installers and services catch this one to retry
 * later; every other failure stays a plain {@link WtsException}.
 */
public final class WtsNoUserException extends WtsException {
    private static final long serialVersionUID = 1L;

    private final int sessionId;

    WtsNoUserException(String function, String systemMessage, int sessionId) {
        super(ERROR_NO_TOKEN, function, systemMessage);
        this.sessionId = sessionId;
    }

    /** {@code e} as a WtsNoUserException when it is WTSQueryUserToken's 1008, else {@code e}. */
    static WtsException ifNoToken(WtsException e, int sessionId) {
        if (e.errorCode() != ERROR_NO_TOKEN || !"WTSQueryUserToken".equals(e.function())
                || e instanceof WtsNoUserException) {
            return e;
        }
        WtsNoUserException clear = new WtsNoUserException(e.function(), e.systemMessage(), sessionId);
        clear.initCause(e);
        return clear;
    }

    /** The session that has no user; empty when no session was attached to the console. */
    public OptionalInt sessionId() {
        return sessionId < 0 ? OptionalInt.empty() : OptionalInt.of(sessionId);
    }

    @Override
    public String getMessage() {
        if (sessionId < 0) {
            return function() + ": no session is attached to the console, so nobody is logged on there"
                    + " (ERROR_NO_TOKEN, 1008)";
        }
        // The specific session replaces WtsException's generic hint instead of repeating it.
        String message = super.getMessage();
        String generic = " (nobody is logged on to that session)";
        if (message.endsWith(generic)) {
            message = message.substring(0, message.length() - generic.length());
        }
        return message + " (nobody is logged on to session " + sessionId + ")";
    }
}
