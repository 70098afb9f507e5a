package io.github.wtsbridge.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A child JVM for {@link LoaderTest}: loads the library as a real program would and reports on
 * stdout what it loaded (the wtsbridge files mapped into the process, from /proc/self/maps).
 * <pre>
 *   LoaderProbe bundled &lt;resources dir&gt;   extract natives/windows_64/wtsbridge.dll from that
 *                                         directory (the host build renamed), load it, call it
 *   LoaderProbe system                    NativeLibrary.ensureLoaded() exactly as users call it
 * </pre>
 * Then prints READY and waits for a line (or EOF) on stdin before exiting, so that a test can
 * hold it alive.
 */
public final class LoaderProbe {
    private LoaderProbe() {
    }

    public static void main(String[] args) throws Exception {
        try {
            if (args[0].equals("bundled")) {
                URLClassLoader resources = new URLClassLoader(new URL[] {Path.of(args[1]).toUri().toURL()}, null);
                NativeLibrary.load(System::getProperty, BundledResources.of(resources), new NativePlatform("Windows 11", "amd64"));
            } else {
                NativeLibrary.ensureLoaded();
            }
            System.out.println("LOADED console=" + SessionsNative.activeConsoleSessionId());
        } catch (RuntimeException | LinkageError e) {
            System.out.println("FAILED " + e.getClass().getName() + ": " + e.getMessage().replace('\n', ' '));
        }
        for (String mapped : mappedWtsbridgeFiles()) {
            System.out.println("MAPPED " + mapped);
        }
        System.out.println("READY");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    /** Files whose name contains "wtsbridge" mapped executable into this process. */
    static List<String> mappedWtsbridgeFiles() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps"), StandardCharsets.UTF_8).stream()
                .map(line -> line.split("\\s+", 6))
                .filter(f -> f.length == 6 && f[5].contains("wtsbridge") && f[1].contains("x"))
                .map(f -> f[5].strip())
                .distinct()
                .collect(Collectors.toList());
    }
}
