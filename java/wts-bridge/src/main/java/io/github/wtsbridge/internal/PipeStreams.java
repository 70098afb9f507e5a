package io.github.wtsbridge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The caller's ends of a started program's pipes as streams, each owning its handle
 * ({@link NativeHandle}: closed once, on close() or by the Cleaner, never under a call that
 * uses it — a close during a blocked read takes effect when the read returns). Windows
 * failures become IOException with the WtsException as the cause.
 */
public final class PipeStreams {
    private PipeStreams() {
    }

    /** The read end of the child's stdout or stderr. */
    public static InputStream input(long handle, String name) {
        return new In(handle, name);
    }

    /** The write end of the child's stdin. */
    public static OutputStream output(long handle, String name) {
        return new Out(handle, name);
    }

    private static final class In extends InputStream {
        private final NativeHandle handle;
        private final String name;
        private boolean ended;

        In(long value, String name) {
            this.handle = new NativeHandle(this, value, LaunchNative::closeHandle, name);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            synchronized (this) {
                if (ended) {
                    return -1;
                }
            }
            while (true) {
                int n;
                try {
                    n = handle.use(value -> ChildIoNative.read(value, b, off, len));
                } catch (IllegalStateException closed) {
                    throw new IOException(name + " is closed", closed);
                } catch (RuntimeException e) {
                    throw new IOException("reading " + name + ": " + e.getMessage(), e);
                }
                if (n != 0) {
                    if (n < 0) {
                        synchronized (this) {
                            ended = true;
                        }
                    }
                    return n;
                }
                // a zero-byte write by the child: read on
            }
        }

        @Override
        public void close() {
            handle.close();
        }
    }

    private static final class Out extends OutputStream {
        private final NativeHandle handle;
        private final String name;

        Out(long value, String name) {
            this.handle = new NativeHandle(this, value, LaunchNative::closeHandle, name);
            this.name = name;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            int at = off;
            int left = len;
            while (left > 0) {
                int from = at;
                int count = left;
                int n;
                try {
                    n = handle.use(value -> ChildIoNative.write(value, b, from, count));
                } catch (IllegalStateException closed) {
                    throw new IOException(name + " is closed", closed);
                } catch (RuntimeException e) {
                    throw new IOException("writing " + name + " (has the program ended or closed its input?): "
                            + e.getMessage(), e);
                }
                at += n;
                left -= n;
            }
        }

        /** Closes the pipe: the program reads the end of its input. */
        @Override
        public void close() {
            handle.close();
        }
    }
}
