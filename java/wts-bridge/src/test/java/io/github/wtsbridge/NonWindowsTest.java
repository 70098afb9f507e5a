package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Outside Windows (and without the test build's library property) the first call says why it cannot work. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "on Windows the bundled DLL loads")
class NonWindowsTest {
    /** Run in a child JVM that has the library's class path but no wtsbridge.library.path. */
    public static void main(String[] args) {
        for (int attempt = 0; attempt < 2; attempt++) { // the second call must report the same
            try {
                WtsServer.local().sessions();
                System.out.println("NO EXCEPTION");
            } catch (UnsupportedOperationException e) {
                System.out.println("UOE: " + e.getMessage());
            }
        }
    }

    @Test
    void firstCallNamesTheOsAndArchitecture() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                NonWindowsTest.class.getName())).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        String expected = "UOE: wts-bridge needs Windows: the Terminal Services API does not exist on "
                + System.getProperty("os.name") + " (" + System.getProperty("os.arch") + ")";
        assertEquals(2, out.lines().filter(expected::equals).count(), out);
    }
}
