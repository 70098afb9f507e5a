package io.github.wtsbridge.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.WtsSession;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The loaded DLL against the JVM that loaded it: right machine type, every Java native
 * exported under the undecorated name the JVM looks up first, kernel32 the only import; and
 * a native without an export is an UnsatisfiedLinkError, never a crash.
 */
@Tag("windows")
class WindowsExportsTest {
    @Test
    void extractedDllMatchesThisJvmAndTheJavaNatives() throws Exception {
        Path dll = WindowsSupport.extractedDll();
        WindowsSupport.PeImage pe = WindowsSupport.readPe(dll);

        assertEquals(Integer.toHexString(WindowsSupport.expectedMachine()), Integer.toHexString(pe.machine()),
                "machine type of " + dll + " for os.arch=" + System.getProperty("os.arch"));
        assertEquals(WindowsSupport.expectedExports(), pe.exports(), "export table of " + dll);
        assertEquals(Set.of("kernel32.dll"), pe.imports(), "imported DLLs of " + dll);
        assertFalse(pe.delayImports(), dll + " has delay-load imports");
    }

    @Test
    void nativeWithoutExportIsAnErrorNotACrash() {
        WtsSession.current().id(); // the library is loaded; it has no export for absent()
        UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class, Unexported::absent);
        assertTrue(e.getMessage().contains("absent"), e.getMessage());
        // The library keeps working after the failed lookup.
        assertTrue(WtsSession.current().id() >= 0);
    }

    /** A native the DLL does not implement. */
    static final class Unexported {
        private Unexported() {
        }

        static native int absent();
    }
}
