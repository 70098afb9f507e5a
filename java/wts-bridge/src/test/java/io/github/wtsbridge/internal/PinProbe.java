package io.github.wtsbridge.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A child JVM for WindowsLoaderTest (no JUnit): loads the library the production way, but
 * between the digest check and {@code System.load} tries to swap the checked file the ways an
 * attacker with write access to its directory would: open it for writing, rename it away,
 * copy another file over it, delete it. Prints {@code file=}, one {@code <attempt>=done|denied
 * (<exception>)} line each, then {@code session=<id>} from the loaded DLL.
 * <pre>  PinProbe &lt;impostor file&gt;</pre>
 */
public final class PinProbe {
    private PinProbe() {
    }

    private interface Attempt {
        void run() throws IOException;
    }

    public static void main(String[] args) {
        Path impostor = Path.of(args[0]);
        NativeLibrary.load(System::getProperty, System::getenv, BundledResources.ofLibrary(),
                NativePlatform.of(System::getProperty), file -> {
                    System.out.println("file=" + file);
                    report("write", () -> FileChannel.open(file, StandardOpenOption.WRITE).close());
                    report("rename", () -> Files.move(file, file.resolveSibling("moved-away.dll")));
                    report("replace", () -> Files.copy(impostor, file, StandardCopyOption.REPLACE_EXISTING));
                    report("delete", () -> Files.delete(file));
                });
        System.out.println("session=" + SessionsNative.currentSessionId());
        System.out.flush();
    }

    private static void report(String name, Attempt attempt) {
        String outcome;
        try {
            attempt.run();
            outcome = "done";
        } catch (IOException | RuntimeException e) {
            outcome = "denied (" + e.getClass().getSimpleName() + ")";
        }
        System.out.println(name + "=" + outcome);
        System.out.flush();
    }
}
