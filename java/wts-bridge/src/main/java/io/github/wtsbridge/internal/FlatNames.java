package io.github.wtsbridge.internal;

import java.nio.charset.StandardCharsets;

/**
 * The names a listing native returns in one array, one after another: {@code byte[]} when
 * every name is Latin-1 (a String is then a plain copy, Java's compact form), else
 * {@code char[]} of UTF-16 units. Cut by the lengths the native returned with them.
 */
public final class FlatNames {
    private FlatNames() {
    }

    /** The name at {@code units[offset..offset+length)}. */
    public static String cut(Object units, int offset, int length) {
        if (units instanceof byte[] latin1) {
            return new String(latin1, offset, length, StandardCharsets.ISO_8859_1);
        }
        return new String((char[]) units, offset, length);
    }
}
