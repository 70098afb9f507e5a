package io.github.wtsbridge.bench.cold;

import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.internal.SecureExtractor;
import java.io.File;
import java.nio.file.Path;

/**
 * Cold start with the work Windows adds: extracts the bundled x64 wtsbridge.dll from the fat
 * jar exactly as the loader does on Windows (fresh private directory, lock file, SHA-256 of
 * what was written and re-read, checked against the jar's digests), then makes the first call
 * through the host library (a Linux JVM cannot load the DLL itself).
 */
public final class BridgeExtracting {
    private BridgeExtracting() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("java.io.tmpdir"));
        File dll = new SecureExtractor(root).extractJni("natives/windows_64/", "wtsbridge");
        if (dll == null || WtsSession.current().id() < 0) {
            System.exit(1);
        }
    }
}
