package io.github.wtsbridge.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The PE reader of the real-Windows tests, checked on every host against the three built DLLs
 * (DllBinaryTest checks the same facts with llvm-readobj), so that a reader bug cannot hide
 * behind a Windows runner.
 */
class PeReaderTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"windows_32, 014c", "windows_64, 8664", "windows_arm64, aa64"})
    void readsMachineExportsAndImports(String arch, String machine) throws Exception {
        Path dll = Path.of(System.getProperty("wts.natives.dir"), "natives", arch, "wtsbridge.dll");
        assertTrue(Files.isRegularFile(dll), dll + " was not built");

        WindowsSupport.PeImage pe = WindowsSupport.readPe(dll);

        assertEquals(Integer.parseInt(machine, 16), pe.machine());
        assertEquals(WindowsSupport.expectedExports(), pe.exports());
        assertEquals(Set.of("kernel32.dll"), pe.imports());
        assertFalse(pe.delayImports());
    }
}
