package io.github.wtsbridge;

import java.util.OptionalInt;

/**
 * Nobody is logged on where a program was to be started: WTSQueryUserToken failed with
 * ERROR_NO_TOKEN (1008) — an idle or listener session, session 0 — or no session at all is
 * attached to the console (WTSGetActiveConsoleSessionId returned 0xFFFFFFFF, as during a
 * session switch or before anyone logs on). Installers and services catch this one to retry
 * later; every other failure stays a plain {@link WtsException}. Also thrown when no session
 * qualifies for a {@link WtsSessionChoice} or a user name: nothing was started then, and
 * {@link #sessionId()} is empty.
 */
public final class WtsNoUserException extends WtsException {
    private static final long serialVersionUID = 1L;

    /** The session WTSQueryUserToken was asked for; -1 when there was none. Serialized. */
    private final int sessionId;
    /** What was looked for when no session qualified; null otherwise. Serialized. */
    private final String detail;

    WtsNoUserException(String function, String systemMessage, int sessionId) {
        this(function, systemMessage, sessionId, null);
    }

    private WtsNoUserException(String function, String systemMessage, int sessionId, String detail) {
        super(ERROR_NO_TOKEN, function, systemMessage);
        this.sessionId = sessionId;
        this.detail = detail;
    }

    /**
     * No session qualified for a choice or a user name (nothing was started); {@code detail}
     * says what was looked for, {@code function} the Windows call the sessions came from.
     */
    static WtsNoUserException noSession(String function, String detail) {
        return new WtsNoUserException(function, "", -1, detail);
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

    /**
     * The session that has no user; empty when no session was attached to the console.
     *
     * @return the session whose WTSQueryUserToken failed with 1008; empty when no session
     *         was attached to the console or none qualified for a choice or user name
     */
    public OptionalInt sessionId() {
        return sessionId < 0 ? OptionalInt.empty() : OptionalInt.of(sessionId);
    }

    @Override
    public String getMessage() {
        if (detail != null) {
            return function() + ": " + detail + " (ERROR_NO_TOKEN, 1008)";
        }
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
