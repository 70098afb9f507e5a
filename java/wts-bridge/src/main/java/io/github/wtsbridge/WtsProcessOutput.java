package io.github.wtsbridge;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * What {@link WtsStartedProcess#readOutput()} collected: the exit code and everything the
 * program wrote to its stdout and stderr pipes (empty for a stream that was not a pipe).
 *
 * @param exitCode the exit code (a DWORD, unsigned)
 * @param stdout   the bytes written to stdout
 * @param stderr   the bytes written to stderr
 */
public record WtsProcessOutput(long exitCode, byte[] stdout, byte[] stderr) {
    /**
     * Checks and copies the byte arrays (changing them afterwards changes nothing here).
     *
     * @throws NullPointerException if {@code stdout} or {@code stderr} is null
     */
    public WtsProcessOutput {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        stdout = stdout.clone();
        stderr = stderr.clone();
    }

    /**
     * The bytes the program wrote to stdout.
     *
     * @return a fresh copy, as written (no decoding); empty when stdout was not a pipe
     */
    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    /**
     * The bytes the program wrote to stderr.
     *
     * @return a fresh copy, as written (no decoding); empty when stderr was not a pipe or was
     *         merged into stdout
     */
    @Override
    public byte[] stderr() {
        return stderr.clone();
    }

    /**
     * stdout decoded (Windows console programs write the OEM or ANSI code page, or UTF-8 when told to).
     *
     * @param charset the encoding the program wrote in, e.g. {@code Charset.forName("IBM850")}
     *                for a console program on a Western European Windows
     * @return the text; bytes not valid in {@code charset} become U+FFFD
     */
    public String stdoutText(Charset charset) {
        return new String(stdout, Objects.requireNonNull(charset, "charset"));
    }

    /**
     * stderr decoded, as {@link #stdoutText}.
     *
     * @param charset the encoding the program wrote in
     * @return the text; bytes not valid in {@code charset} become U+FFFD
     */
    public String stderrText(Charset charset) {
        return new String(stderr, Objects.requireNonNull(charset, "charset"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WtsProcessOutput o && o.exitCode == exitCode
                && java.util.Arrays.equals(o.stdout, stdout) && java.util.Arrays.equals(o.stderr, stderr);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(exitCode) * 31 + java.util.Arrays.hashCode(stdout) * 17 + java.util.Arrays.hashCode(stderr);
    }

    @Override
    public String toString() {
        return "WtsProcessOutput[exitCode=" + exitCode + ", stdout=" + stdout.length + " bytes, stderr="
                + stderr.length + " bytes]";
    }
}
