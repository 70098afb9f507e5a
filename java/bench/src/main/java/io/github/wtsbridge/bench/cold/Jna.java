package io.github.wtsbridge.bench.cold;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.W32APIOptions;

/**
 * Cold start: the first JNA call — JNA extracts and loads its own libjnidispatch, maps the
 * interface, calls GetCurrentProcessId + ProcessIdToSessionId. Self-contained (needs only
 * the JNA jars on the class path), as a JNA user's program would be.
 */
public final class Jna {
    public interface Kernel32 extends Library {
        int GetCurrentProcessId();

        boolean ProcessIdToSessionId(int pid, IntByReference sessionId);
    }

    private Jna() {
    }

    public static void main(String[] args) {
        Kernel32 kernel32 = Native.load(System.getProperty("wtsbridge.library.path"), Kernel32.class,
                W32APIOptions.DEFAULT_OPTIONS);
        IntByReference session = new IntByReference();
        if (!kernel32.ProcessIdToSessionId(kernel32.GetCurrentProcessId(), session) || session.getValue() < 0) {
            System.exit(1);
        }
    }
}
