package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extraction directory's random name without SecureRandom (FreshNames): a name someone
 * took costs another draw, and names taken again and again hand over to the JDK's
 * SecureRandom-named creation; the directory is created exclusively and owner-only either way.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "POSIX modes for the directories; WindowsExtractionTest extracts with ACLs")
class FreshNamesTest {
    /* as the extractor asks on POSIX */
    private static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    @TempDir
    Path root;

    @Test
    void aTakenNameIsSkippedForTheNextDraw() throws Exception {
        Files.createDirectory(root.resolve("wtsbridge-5"));
        long[] draws = {5, 6};
        AtomicInteger next = new AtomicInteger();
        Path created = FreshNames.createDirectory(root, "wtsbridge-", () -> draws[next.getAndIncrement()], OWNER_ONLY);
        assertEquals(root.resolve("wtsbridge-6"), created);
        assertTrue(Files.isDirectory(created));
        assertEquals(2, next.get());

        Files.createFile(root.resolve(".probe-9.tmp"));
        long[] fileDraws = {9, 10};
        AtomicInteger nextFile = new AtomicInteger();
        assertEquals(root.resolve(".probe-10.tmp"),
                FreshNames.createFile(root, ".probe-", ".tmp", () -> fileDraws[nextFile.getAndIncrement()]));
    }

    @Test
    void namesTakenEveryTimeHandOverToSecureRandomNames() throws Exception {
        Files.createDirectory(root.resolve("wtsbridge-5"));
        AtomicInteger draws = new AtomicInteger();
        Path created = FreshNames.createDirectory(root, "wtsbridge-", () -> {
            draws.incrementAndGet();
            return 5;
        }, OWNER_ONLY);
        assertEquals(FreshNames.ATTEMPTS, draws.get());
        assertNotEquals(root.resolve("wtsbridge-5"), created);
        assertTrue(created.getFileName().toString().matches("wtsbridge-\\d+"), created.toString());
        assertTrue(Files.isDirectory(created));
    }

    @Test
    void unsignedNumbersFitTheLongestNameTheLoaderPlansFor() throws Exception {
        Path created = FreshNames.createDirectory(root, SecureExtractor.DIRECTORY_PREFIX, () -> -1L, OWNER_ONLY);
        assertEquals(SecureExtractor.DIRECTORY_PREFIX + "18446744073709551615", created.getFileName().toString());
        assertEquals(ExtractionRoots.longestDllPath(root).length(), created.resolve("wtsbridge.dll").toString().length(),
                "the path-length checks plan for the longest name drawn");
    }

    @Test
    void drawsDiffer() {
        List<Long> drawn = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            drawn.add(FreshNames.RANDOM.getAsLong());
        }
        assertEquals(100, drawn.stream().distinct().count(), drawn.toString());
    }

    @Test
    void theExtractorSkipsASquattedNameAndItsDirectoryIsOwnerOnly() throws Exception {
        Path squatted = Files.createDirectory(root.resolve(SecureExtractor.DIRECTORY_PREFIX + "7"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        long[] draws = {7, 8};
        AtomicInteger next = new AtomicInteger();
        byte[] bytes = "not a DLL, only bytes to extract".getBytes(StandardCharsets.US_ASCII);
        Sha256 digest = new Sha256();
        digest.update(bytes, 0, bytes.length);
        SecureExtractor extractor = new SecureExtractor(root, BundledResources.ofLibrary(), () -> draws[next.getAndIncrement()]);
        Path file = extractor.extract(new ByteArrayInputStream(bytes), "wtsbridge.dll", digest.hex());
        try {
            assertNotEquals(squatted, file.getParent(), "never into a directory someone else made");
            assertEquals(root.resolve(SecureExtractor.DIRECTORY_PREFIX + "8"), file.getParent());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        } finally {
            SecureExtractor.discard(file.getParent());
        }
    }
}
