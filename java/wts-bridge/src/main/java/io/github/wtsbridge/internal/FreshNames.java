package io.github.wtsbridge.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Creates the extractor's directory (and Windows' owner probe file) under a random name, as
 * {@code Files.createTempDirectory} and {@code createTempFile} do, but without their
 * {@code SecureRandom}: its first use loads the JDK's security providers, 40–50 ms of a cold
 * start. The name need not be secret: what keeps the extraction safe is that it is created
 * exclusively (it fails if anything has that name) with its owner-only mode or ACL, and checked
 * afterwards. A name someone took only costs another try; after {@value #ATTEMPTS} taken names
 * in a row (someone guessing them?) the JDK's SecureRandom-named creation takes over. No
 * lambdas here: each would be a class spun at the first load.
 */
final class FreshNames {
    static final int ATTEMPTS = 8;

    /** ThreadLocalRandom's numbers, seeded from the clocks (tests pass their own supplier). */
    static final LongSupplier RANDOM = new LongSupplier() {
        @Override
        public long getAsLong() {
            return ThreadLocalRandom.current().nextLong();
        }
    };

    private FreshNames() {
    }

    /** A new directory {@code root/prefix<unsigned long>} with {@code attribute}, created exclusively. */
    static Path createDirectory(Path root, String prefix, LongSupplier random, FileAttribute<?> attribute) throws IOException {
        return create(root, prefix, "", random, attribute);
    }

    /** A new empty file {@code root/prefix<unsigned long>suffix}, created exclusively. */
    static Path createFile(Path root, String prefix, String suffix, LongSupplier random) throws IOException {
        return create(root, prefix, suffix, random, null);
    }

    /** A directory when {@code directoryAttribute} is given, else an empty file. */
    private static Path create(Path root, String prefix, String suffix, LongSupplier random, FileAttribute<?> directoryAttribute)
            throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Path candidate = root.resolve(prefix + Long.toUnsignedString(random.getAsLong()) + suffix);
            try {
                return directoryAttribute != null ? Files.createDirectory(candidate, directoryAttribute) : Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // someone has this name: draw another
            }
        }
        return directoryAttribute != null ? Files.createTempDirectory(root, prefix, directoryAttribute)
                : Files.createTempFile(root, prefix, suffix);
    }
}
