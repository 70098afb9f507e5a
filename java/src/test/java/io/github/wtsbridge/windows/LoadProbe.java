package io.github.wtsbridge.windows;

import io.github.wtsbridge.WtsSessions;

/**
 * Run in a separate JVM (by {@link WindowsLoadTest}, and by CI on the shipped fat jar): loads
 * the library the normal way, calls it, and prints {@code session=<id>}; with
 * {@code --where} also {@code dll=<path of the DLL this JVM extracted>}.
 */
public final class LoadProbe {
    private LoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("session=" + WtsSessions.currentSessionId());
        if (args.length > 0 && args[0].equals("--where")) {
            System.out.println("dll=" + WindowsSupport.extractedDll());
        }
    }
}
