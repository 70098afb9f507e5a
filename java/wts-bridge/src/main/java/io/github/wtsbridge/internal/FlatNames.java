package io.github.wtsbridge.internal;

import java.nio.charset.StandardCharsets;

/**
 * The names a listing native returns in one array, one after another: {@code byte[]} when
 * every name is Latin-1 (a String is then a plain copy, Java's compact form), else
 * {@code char[]} of UTF-16 units. Cut by the lengths the native returned with them. The record
 * natives ({@code querySessionInfo} and the like) do the same with a caller's {@code char[]}
 * ({@link #texts}): the shim makes no Java object, Java makes the Strings.
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

    /**
     * The texts of a record native: their lengths are {@code lengths[from..from+count)} (after
     * the record's numbers), the texts one after another in {@code units}.
     */
    public static String[] texts(long[] lengths, int from, int count, char[] units) {
        String[] texts = new String[count];
        int at = 0;
        for (int i = 0; i < count; i++) {
            int length = (int) lengths[from + i];
            texts[i] = new String(units, at, length);
            at += length;
        }
        return texts;
    }
}
