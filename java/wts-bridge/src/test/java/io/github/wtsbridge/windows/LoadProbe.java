package io.github.wtsbridge.windows;

import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.internal.SessionsNative;
import java.util.List;

/**
 * Run in a separate JVM (by {@link WindowsLoadTest} and {@link WindowsLoaderTest}, and by CI on
 * the shipped fat jar): loads the library the normal way, calls it, and prints
 * {@code session=<id>}. Needs nothing but the library (no JUnit). Flags, in any order:
 * <ul>
 *   <li>{@code --where}: also {@code dll=<path of the DLL this JVM extracted>};</li>
 *   <li>{@code --on-failure}: if loading fails, print {@code failure=<exception>} and whether a
 *       native method of the library is bound ({@code native=unbound} when calling one throws
 *       UnsatisfiedLinkError, i.e. no wtsbridge.dll was loaded), then fail as without it;</li>
 *   <li>{@code --hold}: print {@code ready}, then wait until stdin ends (the test decides when
 *       this JVM ends, so that it can look at the JVM's files while it runs);</li>
 *   <li>{@code --halt}: end with {@code Runtime.halt(0)}: no shutdown hooks, no deleteOnExit,
 *       as a JVM that is killed or crashes.</li>
 * </ul>
 * Without {@code --on-failure} a load failure is an uncaught exception (exit code 1).
 */
public final class LoadProbe {
    private LoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = List.of(args);
        RuntimeException failure = null;
        try {
            System.out.println("session=" + WtsSession.current().id());
            if (flags.contains("--where")) {
                System.out.println("dll=" + WindowsSupport.extractedDll());
            }
        } catch (RuntimeException e) {
            if (!flags.contains("--on-failure")) {
                throw e;
            }
            failure = e;
            System.out.println("failure=" + e);
            System.out.println("native=" + nativeState());
        }
        System.out.flush();
        if (flags.contains("--hold")) {
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the end of stdin
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (flags.contains("--halt")) {
            Runtime.getRuntime().halt(0);
        }
    }

    /** "unbound" if the library's natives are not linked (no wtsbridge.dll loaded), else "bound". */
    private static String nativeState() {
        try {
            SessionsNative.currentSessionId(); /* straight to the native, past NativeLibrary */
            return "bound";
        } catch (UnsatisfiedLinkError e) {
            return "unbound";
        }
    }
}
