package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.wtsbridge.testing.JniExports;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks each shipped wtsbridge.dll with llvm-readobj: PE machine type, exports equal to the
 * natives the Java classes declare (undecorated on x86, where the JVM could not find
 * {@code name@N}), kernel32 as the only import, unwind tables on x64/arm64, and the 36 KiB
 * size limit.
 */
class DllBinaryTest {
    // 36 KiB: clearing the last error before each reported call (41 sites) and enabling
    // SE_SHUTDOWN_NAME for a local shutdown took x64/arm64 from 32,256 to 34,304 bytes.
    private static final long MAX_DLL_BYTES = 36 * 1024;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "windows_32, IMAGE_FILE_MACHINE_I386",
        "windows_64, IMAGE_FILE_MACHINE_AMD64",
        "windows_arm64, IMAGE_FILE_MACHINE_ARM64"})
    void shippedDll(String arch, String machine) throws Exception {
        Path dll = Path.of(System.getProperty("wts.natives.dir"), "natives", arch, "wtsbridge.dll");
        assertTrue(Files.isRegularFile(dll), dll + " was not built");
        String dump = readobj(dll);

        assertTrue(dump.contains("Machine: " + machine), "machine type of " + dll + ":\n" + header(dump));
        assertEquals(JniExports.expected(), exports(dump), "export table of " + dll);
        assertEquals(Set.of("kernel32.dll"), imports(dump), "imported DLLs of " + dll);
        if (!arch.equals("windows_32")) { // x64/arm64 unwind through .pdata; x86 has no such table
            Matcher table = Pattern.compile("ExceptionTableSize: 0x([0-9A-Fa-f]+)").matcher(dump);
            assertTrue(table.find() && Long.parseLong(table.group(1), 16) > 0, dll + " has no unwind table (.pdata)");
        }
        long size = Files.size(dll);
        assertTrue(size <= MAX_DLL_BYTES, dll + " is " + size + " bytes, over " + MAX_DLL_BYTES);
    }

    private static String readobj(Path dll) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("llvm-readobj", "--file-headers", "--coff-exports", "--coff-imports",
                dll.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "llvm-readobj failed: " + out);
        return out;
    }

    private static String header(String dump) {
        return dump.lines().filter(l -> l.contains("Machine")).findFirst().orElse(dump);
    }

    /** Names in the export table ("Export {" blocks). */
    static Set<String> exports(String dump) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("Export \\{\\s*Ordinal: \\d+\\s*Name: (\\S+)").matcher(dump);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** DLL names in the import table ("Import {" blocks). */
    static Set<String> imports(String dump) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("Import \\{\\s*Name: (\\S+)").matcher(dump);
        while (m.find()) {
            names.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return names;
    }
}
