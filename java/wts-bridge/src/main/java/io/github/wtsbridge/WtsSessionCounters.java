package io.github.wtsbridge;

/**
 * A session's traffic counters from WTSSessionInfo (WTSINFOW). Each is a DWORD that Windows
 * keeps unsigned; here widened to long. (WTSIncomingBytes and friends as separate info
 * classes fail with ERROR_NOT_SUPPORTED: these are the counters that work.)
 */
public record WtsSessionCounters(long incomingBytes, long outgoingBytes, long incomingFrames,
                                 long outgoingFrames, long incomingCompressedBytes,
                                 long outgoingCompressedBytes) {
}
