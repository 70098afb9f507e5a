package io.github.wtsbridge.internal;

/** The process natives (native/src/jni_processes.c). */
public final class ProcessesNative {
    private ProcessesNative() {
    }

    /**
     * WTSEnumerateProcessesW: {int[] session/pid/nameLength/sidLength per process, char[] the
     * image names one after another (UTF-16, no NULs), byte[] the SIDs one after another}.
     * The caller cuts names and SIDs by the lengths (no JNI call per process).
     */
    public static native Object[] enumerateProcesses(long server);

    /** ProcessIdToSessionId. */
    public static native int processIdToSessionId(int pid);
}
