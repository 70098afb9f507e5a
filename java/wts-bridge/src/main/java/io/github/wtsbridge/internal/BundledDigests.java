package io.github.wtsbridge.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SHA-256 digests of the DLLs, recorded by the build in {@value #RESOURCE} (sha256sum
 * format: {@code <hex>  natives/windows_64/wtsbridge.dll}). No DLL is loaded unless its bytes
 * match one of them.
 */
public final class BundledDigests {
    /** The jar resource the build writes. */
    public static final String RESOURCE = "natives/wtsbridge.sha256";

    private BundledDigests() {
    }

    /** Resource path → lowercase hex digest; empty if the jar has no digest file. */
    public static Map<String, String> load() {
        return load(BundledResources.ofLibrary());
    }

    /** The digests {@code resources} holds (tests pass resources of their own). */
    static Map<String, String> load(BundledResources resources) {
        Map<String, String> digests = new LinkedHashMap<>();
        try (InputStream in = resources.open(RESOURCE)) {
            if (in == null) {
                return digests;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                parseLine(line, digests);
            }
        } catch (IOException e) {
            throw new IllegalStateException("wts-bridge: cannot read " + RESOURCE, e);
        }
        return digests;
    }

    static void parseLine(String line, Map<String, String> into) {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        if (trimmed.isEmpty() || space != 64) {
            return;
        }
        String name = trimmed.substring(space).strip();
        if (name.startsWith("*")) {
            name = name.substring(1);
        }
        into.put(name, trimmed.substring(0, 64).toLowerCase(java.util.Locale.ROOT));
    }

    /** The lowercase hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return sha256(channel);
        }
    }

    /** The lowercase hex SHA-256 of a channel's file, read from offset 0 (its position is left alone). */
    static String sha256(FileChannel channel) throws IOException {
        Sha256 digest = new Sha256();
        ByteBuffer buffer = ByteBuffer.allocate(16384);
        long position = 0;
        for (int n = channel.read(buffer, position); n >= 0; n = channel.read(buffer, position)) {
            position += n;
            buffer.flip();
            digest.update(buffer);
            buffer.clear();
        }
        return digest.hex();
    }

    /**
     * Throws unless the pinned file's digest (read through its handle) is one of the recorded
     * ones; returns that digest.
     */
    static String verify(PinnedFile file, Map<String, String> digests) {
        if (digests.isEmpty()) {
            throw new IllegalStateException("wts-bridge: this jar records no DLL digests (" + RESOURCE
                    + "), so " + file.path() + " cannot be verified; set -D" + NativeLibrary.VERIFY_PROPERTY
                    + "=false to load it unverified");
        }
        String actual;
        try {
            actual = file.sha256();
        } catch (IOException e) {
            throw new IllegalStateException("wts-bridge: cannot read " + file.path() + ": " + e, e);
        }
        if (!digests.containsValue(actual)) {
            throw new SecurityException("wts-bridge: " + file.path() + " is not a wtsbridge.dll of this build (SHA-256 "
                    + actual + " matches none recorded in " + RESOURCE + "); refusing to load it");
        }
        return actual;
    }
}
