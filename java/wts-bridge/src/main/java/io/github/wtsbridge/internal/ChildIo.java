package io.github.wtsbridge.internal;

/**
 * The standard handles of one launch: for each of stdin, stdout and stderr the child's end
 * (inheritable, passed to CreateProcessAsUserW, closed by {@link #closeChildEnds()} right after
 * it — the child has its own copies then) and, for a pipe, the caller's end (handed over to
 * the started process's streams, or closed by {@link #closeParentEnds()} when the launch
 * failed). A kind per stream: see {@link #PIPE} and the others.
 */
public final class ChildIo implements AutoCloseable {
    public static final int NONE = 0;
    public static final int PIPE = 1;
    public static final int DISCARD = 2;
    public static final int INHERIT = 3;
    public static final int READ_FILE = 4;
    public static final int WRITE_FILE = 5;
    public static final int APPEND_FILE = 6;
    private static final char[] NUL_DEVICE = "NUL".toCharArray();

    private final long[] child = new long[3];
    private final long[] parent = new long[3];
    private boolean merged;

    private ChildIo() {
    }

    /**
     * Opens the handles: kinds[i] and paths[i] (for the file kinds) per stream; stderrToStdout
     * gives stderr stdout's handle. On a failure everything opened so far is closed.
     */
    public static ChildIo open(int[] kinds, String[] paths, boolean stderrToStdout) {
        ChildIo io = new ChildIo();
        try {
            for (int i = 0; i < 3; i++) {
                if (i == 2 && stderrToStdout) {
                    io.child[2] = io.child[1];
                    io.merged = true;
                    continue;
                }
                io.openOne(i, kinds[i], paths[i]);
            }
            return io;
        } catch (RuntimeException | Error e) {
            io.closeChildEnds();
            io.closeParentEnds();
            throw e;
        }
    }

    private void openOne(int stream, int kind, String path) {
        boolean input = stream == 0;
        switch (kind) {
            case PIPE -> {
                long[] ends = ChildIoNative.createPipe(input);
                parent[stream] = ends[0];
                child[stream] = ends[1];
            }
            case NONE, DISCARD -> child[stream] = ChildIoNative.openFile(NUL_DEVICE, input ? ChildIoNative.READ
                    : ChildIoNative.WRITE);
            case INHERIT -> child[stream] = ChildIoNative.inheritableStdHandle(stream);
            case READ_FILE -> child[stream] = ChildIoNative.openFile(path.toCharArray(), ChildIoNative.READ);
            case WRITE_FILE -> child[stream] = ChildIoNative.openFile(path.toCharArray(), ChildIoNative.WRITE);
            case APPEND_FILE -> child[stream] = ChildIoNative.openFile(path.toCharArray(), ChildIoNative.APPEND);
            default -> throw new IllegalArgumentException("stream kind " + kind);
        }
    }

    /** {stdin, stdout, stderr} for CreateProcessAsUserW (0: none). */
    public long[] childHandles() {
        return child.clone();
    }

    /** The caller's end of a pipe (0 when that stream is no pipe); the caller owns it from now on. */
    public long takeParentEnd(int stream) {
        long value = parent[stream];
        parent[stream] = 0;
        return value;
    }

    /** Closes the child's ends (after CreateProcessAsUserW, whatever it did). Idempotent. */
    public void closeChildEnds() {
        for (int i = 0; i < 3; i++) {
            if (child[i] != 0 && !(i == 2 && merged)) {
                LaunchNative.closeHandle(child[i]);
            }
        }
        java.util.Arrays.fill(child, 0);
    }

    /** Closes the caller's ends not taken. Idempotent. */
    public void closeParentEnds() {
        for (int i = 0; i < 3; i++) {
            LaunchNative.closeHandle(parent[i]);
            parent[i] = 0;
        }
    }

    @Override
    public void close() {
        closeChildEnds();
        closeParentEnds();
    }
}
