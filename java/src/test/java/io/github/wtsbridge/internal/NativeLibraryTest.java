package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scijava.nativelib.NativeLibraryUtil.Architecture;

class NativeLibraryTest {
    @Test
    void windowsArchitecturesMapToTheJarLayout() {
        assertEquals("natives/windows_32/", NativeLibrary.resourceDirectory(Architecture.WINDOWS_32, "Windows 11", "x86"));
        assertEquals("natives/windows_64/", NativeLibrary.resourceDirectory(Architecture.WINDOWS_64, "Windows 11", "amd64"));
        assertEquals("natives/windows_arm64/", NativeLibrary.resourceDirectory(Architecture.WINDOWS_ARM64, "Windows 11", "aarch64"));
    }

    @Test
    void otherSystemsGetAClearMessageNamingOsAndArchitecture() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> NativeLibrary.resourceDirectory(Architecture.LINUX_64, "Linux", "amd64"));
        assertTrue(e.getMessage().contains("needs Windows"), e.getMessage());
        assertTrue(e.getMessage().contains("Linux (amd64)"), e.getMessage());
    }

    @Test
    void unsupportedWindowsArchitecture() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> NativeLibrary.resourceDirectory(Architecture.UNKNOWN, "Windows 10", "ia64"));
        assertTrue(e.getMessage().contains("no DLL for Windows on ia64"), e.getMessage());
    }
}
