package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativePlatformTest {
    private static String folder(String osName, String osArch) {
        return new NativePlatform(osName, osArch).resourceDirectory();
    }

    @Test
    void windowsArchitecturesMapToTheJarLayout() {
        for (String arch : new String[] {"amd64", "x86_64", "AMD64"}) {
            assertEquals("natives/windows_64/", folder("Windows 11", arch), arch);
        }
        for (String arch : new String[] {"x86", "i386", "i486", "i586", "i686"}) {
            assertEquals("natives/windows_32/", folder("Windows 10", arch), arch);
        }
        for (String arch : new String[] {"aarch64", "arm64"}) {
            assertEquals("natives/windows_arm64/", folder("Windows 11", arch), arch);
        }
        assertEquals("natives/windows_64/", folder("Windows Server 2022", "amd64"));
    }

    @Test
    void readsOsNameAndArchFromTheProperties() {
        NativePlatform platform = NativePlatform.of(Map.of("os.name", "Windows 11", "os.arch", "aarch64")::get);
        assertEquals(new NativePlatform("Windows 11", "aarch64"), platform);
        assertEquals("natives/windows_arm64/", platform.resourceDirectory());
    }

    @Test
    void otherSystemsGetAClearMessageNamingOsAndArchitecture() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> folder("Linux", "amd64"));
        assertEquals("wts-bridge needs Windows: the Terminal Services API does not exist on Linux (amd64)", e.getMessage());
        e = assertThrows(UnsupportedOperationException.class, () -> folder(null, null));
        assertTrue(e.getMessage().contains("an unknown OS (null)"), e.getMessage());
    }

    @Test
    void unsupportedWindowsArchitecture() {
        for (String arch : new String[] {"ia64", "arm", "ppc64le", "", null}) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> folder("Windows 10", arch));
            assertEquals("wts-bridge has no DLL for Windows on " + arch + " (it ships x86, x64 and arm64)", e.getMessage());
        }
    }
}
