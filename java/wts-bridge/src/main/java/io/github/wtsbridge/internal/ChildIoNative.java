package io.github.wtsbridge.internal;

/**
 * The natives of a started program's standard handles (native/src/jni_child_io.c). Handles are
 * raw jlong values that stay inside this package and {@link ChildIo}; callers check arguments
 * and load the library first.
 */
public final class ChildIoNative {
    /** openFile: read an existing file. */
    public static final int READ = 0;
    /** openFile: create or truncate, then write. */
    public static final int WRITE = 1;
    /** openFile: create if missing, then append. */
    public static final int APPEND = 2;

    private ChildIoNative() {
    }

    /** CreatePipe; {parent's end, child's end}, only the child's end inheritable. */
    public static native long[] createPipe(boolean childReads);

    /** CreateFileW (path as UTF-16 without NUL) as an inheritable handle; mode READ/WRITE/APPEND. */
    public static native long openFile(char[] path, int mode);

    /** An inheritable duplicate of this process's stdin (0), stdout (1) or stderr (2); 0 if none. */
    public static native long inheritableStdHandle(int which);

    /** ReadFile, synchronous: the count (0 possible), or -1 at the end of the pipe. */
    public static native int read(long handle, byte[] buffer, int offset, int length);

    /** WriteFile, synchronous: the count written (at most 64 KiB per call). */
    public static native int write(long handle, byte[] buffer, int offset, int length);
}
