package io.github.wtsbridge;

/** What a WTSSendMessage box returned: the button pressed, or TIMEOUT / ASYNC. */
public enum WtsMessageResponse {
    OK(1), CANCEL(2), ABORT(3), RETRY(4), IGNORE(5), YES(6), NO(7), CLOSE(8), HELP(9),
    TRY_AGAIN(10), CONTINUE(11),
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

    /** The Windows ID* value; -1 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }

    public static WtsMessageResponse of(int code) {
        for (WtsMessageResponse r : values()) {
            if (r.code == code && r != UNKNOWN) {
                return r;
            }
        }
        return UNKNOWN;
    }
}
