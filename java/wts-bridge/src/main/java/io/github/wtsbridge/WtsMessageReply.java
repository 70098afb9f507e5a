package io.github.wtsbridge;

import java.util.Objects;

/**
 * The answer to {@link WtsSession#sendMessage}: the typed response and the raw value.
 *
 * @param response the response; {@link WtsMessageResponse#UNKNOWN} for a value not listed there
 * @param code     the value Windows returned in pResponse
 */
public record WtsMessageReply(WtsMessageResponse response, int code) {
    /**
     * Checks the response.
     *
     * @throws NullPointerException if {@code response} is null
     */
    public WtsMessageReply {
        Objects.requireNonNull(response, "response");
    }

    static WtsMessageReply of(int code) {
        return new WtsMessageReply(WtsMessageResponse.of(code), code);
    }
}
