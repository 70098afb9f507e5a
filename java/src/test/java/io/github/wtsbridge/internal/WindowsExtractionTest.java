package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows runners only: the extraction directory's ACL admits its owner and nobody else. */
@Tag("windows")
class WindowsExtractionTest {
    @TempDir
    Path temp;

    @Test
    void extractionDirectoryIsOwnerOnly() throws Exception {
        byte[] bytes = "not a DLL, only bytes to extract".getBytes(StandardCharsets.US_ASCII);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Path file = new SecureExtractor(temp).extract(new ByteArrayInputStream(bytes), "wtsbridge.dll", digest);
        try {
            AclFileAttributeView view = Files.getFileAttributeView(file.getParent(), AclFileAttributeView.class);
            List<AclEntry> acl = view.getAcl();
            assertEquals(1, acl.size(), acl.toString());
            assertEquals(AclEntryType.ALLOW, acl.get(0).type());
            assertEquals(view.getOwner(), acl.get(0).principal());
        } finally {
            SecureExtractor.discard(file.getParent());
        }
    }
}
