package io.github.wtsbridge;

/** What a WTSSendMessage box returned: the button pressed, or TIMEOUT / ASYNC. */
public enum WtsMessageResponse {
    /** IDOK: the OK button. */
    OK(1),
    /** IDCANCEL: the Cancel button. */
    CANCEL(2),
    /** IDABORT: the Abort button. */
    ABORT(3),
    /** IDRETRY: the Retry button. */
    RETRY(4),
    /** IDIGNORE: the Ignore button. */
    IGNORE(5),
    /** IDYES: the Yes button. */
    YES(6),
    /** IDNO: the No button. */
    NO(7),
    /** IDCLOSE (8): a dialog command id, not among the answers MessageBox documents. */
    CLOSE(8),
    /** IDHELP (9): a dialog command id; no {@link WtsMessageStyle} adds a Help button. */
    HELP(9),
    /** IDTRYAGAIN: the Try Again button. */
    TRY_AGAIN(10),
    /** IDCONTINUE: the Continue button. */
    CONTINUE(11),
    /** IDTIMEOUT: nobody answered before the timeout. */
    TIMEOUT(32000),
    /** IDASYNC: the message was sent without waiting for an answer. */
    ASYNC(32001),
    /** A value this library does not know (see {@link WtsMessageReply#code()}). */
    UNKNOWN(-1);

    private final int code;

    WtsMessageResponse(int code) {
        this.code = code;
    }

    /**
     * The Windows ID* value.
     *
     * @return the value WTSSendMessageW writes to pResponse for this answer: 1 to 11 for a
     *         button, 32000 for IDTIMEOUT, 32001 for IDASYNC; -1 for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * The response for a Windows value.
     *
     * @param code the value WTSSendMessageW wrote to pResponse
     * @return the matching response; {@link #UNKNOWN} for a value not listed here (including -1)
     */
    public static WtsMessageResponse of(int code) {
        for (WtsMessageResponse r : values()) {
            if (r.code == code && r != UNKNOWN) {
                return r;
            }
        }
        return UNKNOWN;
    }
}
