package io.github.wtsbridge.internal;

/** The process natives (native/src/jni_processes.c). */
public final class ProcessesNative {
    private ProcessesNative() {
    }

    /**
     * WTSEnumerateProcessesW: {int[] session/pid/sidLength triples, String[] image names,
     * byte[] the SIDs one after another}.
     */
    public static native Object[] enumerateProcesses(long server);

    /** ProcessIdToSessionId. */
    public static native int processIdToSessionId(int pid);
}
