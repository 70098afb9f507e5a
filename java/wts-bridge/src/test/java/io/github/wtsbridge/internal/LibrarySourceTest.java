package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The two sources of the library, each on its own, and their order. */
class LibrarySourceTest {
    private static final BundledResources NOTHING = name -> null;
    private static final NativePlatform LINUX = new NativePlatform("Linux", "amd64");

    private static Path hostLibrary() {
        return Path.of(System.getProperty(NativeLibrary.PATH_PROPERTY));
    }

    @Test
    void theInstalledSourceIsNotConfiguredWithoutThePropertyOrWithABlankOne() {
        assertEquals(Optional.empty(), new InstalledLibrary(Map.<String, String>of()::get, NOTHING).locate());
        assertEquals(Optional.empty(), new InstalledLibrary(Map.of(NativeLibrary.PATH_PROPERTY, "  ")::get, NOTHING).locate());
    }

    @Test
    void theInstalledSourceDeliversThePinnedFileInPlace() {
        Function<String, String> p = Map.of(NativeLibrary.PATH_PROPERTY, hostLibrary().toString(),
                NativeLibrary.VERIFY_PROPERTY, "false")::get;
        try (NativeLibrary.Located located = new InstalledLibrary(p, NOTHING).locate().orElseThrow()) {
            assertEquals(hostLibrary(), located.file());
            assertFalse(located.extracted());
        }
    }

    @Test
    void theBundledSourceNeedsASupportedPlatform() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> new BundledLibrary(Map.<String, String>of()::get, name -> null, NOTHING, LINUX).locate());
        assertTrue(e.getMessage().contains("needs Windows"), e.getMessage());
    }

    @Test
    void theInstalledDllComesFirstAndThePlatformIsThenNeverAsked() {
        Function<String, String> p = Map.of(NativeLibrary.PATH_PROPERTY, hostLibrary().toString(),
                NativeLibrary.VERIFY_PROPERTY, "false")::get;
        List<LibrarySource> sources = NativeLibrary.sources(p, name -> null, NOTHING, LINUX);
        assertInstanceOf(InstalledLibrary.class, sources.get(0));
        assertInstanceOf(BundledLibrary.class, sources.get(1));
        try (NativeLibrary.Located located = NativeLibrary.locate(p, name -> null, NOTHING, LINUX)) {
            assertEquals(hostLibrary(), located.file());
        }
    }

    @Test
    void aConfiguredInstalledDllThatFailsItsCheckIsAnErrorNotAFallBack() {
        Function<String, String> p = Map.of(NativeLibrary.PATH_PROPERTY, hostLibrary().toString())::get;
        /* no digests recorded: refused, and the bundled copy (here: none for Linux) is not tried */
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibrary.locate(p, name -> null, NOTHING, LINUX));
        assertTrue(e.getMessage().contains("records no DLL digests"), e.getMessage());
    }
}
