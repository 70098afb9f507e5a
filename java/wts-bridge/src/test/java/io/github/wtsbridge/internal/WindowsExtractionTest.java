package io.github.wtsbridge.internal;

import io.github.wtsbridge.windows.WindowsSupport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windows runners (and the Windows JVM under Wine) only: the extraction directory, the DLL and
 * the lock file in it admit their owner and nobody else (see
 * {@link WindowsSupport#assertOwnerOnly} for what that reads back as on each host).
 */
@Tag("windows")
class WindowsExtractionTest {
    @TempDir
    Path temp;

    @Test
    void extractionDirectoryAndItsFilesAreOwnerOnly() throws Exception {
        byte[] bytes = "not a DLL, only bytes to extract".getBytes(StandardCharsets.US_ASCII);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Path file = new SecureExtractor(temp).extract(new ByteArrayInputStream(bytes), "wtsbridge.dll", digest);
        try {
            WindowsSupport.assertOwnerOnly(file.getParent());
            WindowsSupport.assertOwnerOnly(file);
            WindowsSupport.assertOwnerOnly(file.getParent().resolve(SecureExtractor.LOCK_FILE));
        } finally {
            SecureExtractor.discard(file.getParent());
        }
    }
}
