package io.github.wtsbridge;

import java.util.OptionalInt;

/**
 * A client's display (WTS_CLIENT_DISPLAY, and the same fields of WTSCLIENT).
 *
 * @param horizontalResolution width in pixels
 * @param verticalResolution   height in pixels
 * @param colorDepthCode       Windows' code: 1 = 4 bpp, 2 = 8 bpp, 4 = 16 bpp, 8 = 24 bpp,
 *                             16 = 15 bpp, 24 = 24 bpp, 32 = 32 bpp
 */
public record WtsClientDisplay(long horizontalResolution, long verticalResolution, int colorDepthCode) {
    /**
     * Bits per pixel for the color depth code.
     *
     * @return 4, 8, 15, 16, 24 or 32 for the codes listed at {@code colorDepthCode}; empty for a
     *         code Windows does not document
     */
    public OptionalInt bitsPerPixel() {
        switch (colorDepthCode) {
            case 1:
                return OptionalInt.of(4);
            case 2:
                return OptionalInt.of(8);
            case 4:
                return OptionalInt.of(16);
            case 8:
            case 24:
                return OptionalInt.of(24);
            case 16:
                return OptionalInt.of(15);
            case 32:
                return OptionalInt.of(32);
            default:
                return OptionalInt.empty();
        }
    }
}
