package io.github.wtsbridge.internal;

import java.io.InputStream;

/**
 * Where the bundled DLLs and their digests ({@code natives/...}) are read from: this library's
 * own jar or module in production, a test's directory in tests.
 */
@FunctionalInterface
interface BundledResources {
    /** The resource {@code name} (such as {@code natives/wtsbridge.sha256}), or null if absent. */
    InputStream open(String name);

    /**
     * This library's own resources, looked up through its own class: on the module path (and in
     * a jlink image) {@code natives/windows_64} and the like are packages of the module that it
     * does not open, so a {@link ClassLoader} lookup finds nothing there, while the module itself
     * may read them. On the class path this is the class loader's lookup.
     */
    static BundledResources ofLibrary() {
        return name -> BundledResources.class.getResourceAsStream("/" + name);
    }

    /** The resources a class loader sees (tests: a directory laid out like the jar). */
    static BundledResources of(ClassLoader loader) {
        return loader::getResourceAsStream;
    }
}
