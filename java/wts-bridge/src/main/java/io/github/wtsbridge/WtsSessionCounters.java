package io.github.wtsbridge;

/**
 * A session's traffic counters from WTSSessionInfo (WTSINFOW). Each is a DWORD that Windows
 * keeps unsigned; here widened to long. (WTSIncomingBytes and friends as separate info
 * classes fail with ERROR_NOT_SUPPORTED: these are the counters that work.)
 *
 * @param incomingBytes           WTSINFOW.IncomingBytes: bytes received from the client
 * @param outgoingBytes           WTSINFOW.OutgoingBytes: bytes sent to the client
 * @param incomingFrames          WTSINFOW.IncomingFrames: protocol frames received from the client
 * @param outgoingFrames          WTSINFOW.OutgoingFrames: protocol frames sent to the client
 * @param incomingCompressedBytes WTSINFOW.IncomingCompressedBytes: received bytes, after compression
 * @param outgoingCompressedBytes WTSINFOW.OutgoingCompressedBytes: sent bytes, after compression
 */
public record WtsSessionCounters(long incomingBytes, long outgoingBytes, long incomingFrames,
                                 long outgoingFrames, long incomingCompressedBytes,
                                 long outgoingCompressedBytes) {
}
