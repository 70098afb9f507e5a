package io.github.wtsbridge.internal;

/** The process natives (native/src/jni_processes.c). */
public final class ProcessesNative {
    private ProcessesNative() {
    }

    /**
     * WTSEnumerateProcessesW: {int[] {@link FlatLayouts} PROCESS_LIST_* per process, the image
     * names one after another ({@link FlatNames}: byte[] Latin-1 or char[] UTF-16), byte[] the
     * SIDs one after another}. The caller cuts names and SIDs by the lengths.
     */
    public static native Object[] enumerateProcesses(long server);

    /** ProcessIdToSessionId. */
    public static native int processIdToSessionId(int pid);
}
