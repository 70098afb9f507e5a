package io.github.wtsbridge.internal;

import java.util.Objects;

/** Argument checks made before any native call. */
public final class Checks {
    /** The largest DWORD. */
    public static final long MAX_DWORD = 0xFFFF_FFFFL;

    private Checks() {
    }

    /** A session id: 0 or more (Windows' special values have their own methods). */
    public static int sessionId(int sessionId) {
        if (sessionId < 0) {
            throw new IllegalArgumentException("session id must be 0 or more, not " + sessionId);
        }
        return sessionId;
    }

    /** A process id: a DWORD, 0 to 4294967295; returned as the int JNI passes. */
    public static int processId(long pid) {
        if (pid < 0 || pid > MAX_DWORD) {
            throw new IllegalArgumentException("process id must be between 0 and " + MAX_DWORD + ", not " + pid);
        }
        return (int) pid;
    }

    /** A non-null string with no NUL inside, at most maxChars UTF-16 units. */
    public static String text(String value, String name, int maxChars) {
        Objects.requireNonNull(value, name);
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(name + " must not contain a NUL character");
        }
        if (value.length() > maxChars) {
            throw new IllegalArgumentException(name + " must be at most " + maxChars + " characters, not " + value.length());
        }
        return value;
    }

    /** The text as the natives take it: its UTF-16 units followed by a NUL. */
    public static char[] nulTerminated(String value) {
        char[] chars = new char[value.length() + 1];
        value.getChars(0, value.length(), chars, 0);
        return chars;
    }
}
