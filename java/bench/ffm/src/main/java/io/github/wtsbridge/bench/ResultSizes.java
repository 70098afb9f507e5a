package io.github.wtsbridge.bench;

import io.github.wtsbridge.WtsProcess;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.bench.ffm.FfmWts;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The size of what a listing returns, to set beside the bytes JMH's GC profiler sees allocated
 * per call: each peer's 10,000-process list, walked object by object (each distinct object
 * once, so shared Strings count once; the WtsServer every record points to is left out). Sizes
 * are HotSpot's on x64 with compressed oops and class pointers (this JVM's defaults below
 * 32 GiB): a 12-byte header, fields packed, 8-byte alignment; arrays a 16-byte header; a String
 * 24 bytes + its byte[] (Latin-1: a byte a character).
 *
 * <p>Output, one line per peer and data set: {@code size <data> <peer> <bytes> <strings>}.
 */
public final class ResultSizes {
    private ResultSizes() {
    }

    static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }

    /** The retained size of a list made as the peers make it: ArrayList(n) in an unmodifiable view. */
    static long[] sizeOf(List<WtsProcess> processes) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        long bytes = 24 /* unmodifiable view */ + 24 /* ArrayList */ + align(16 + 4L * processes.size());
        long strings = 0;
        for (WtsProcess p : processes) {
            bytes += align(12 + 4 /* server */ + 4 /* sessionId */ + 8 /* pid */ + 4 + 4 /* two Strings */);
            for (String s : new String[] {p.imageName(), p.userSid()}) {
                if (seen.add(s)) {
                    boolean latin1 = s.chars().allMatch(c -> c < 256);
                    bytes += 24 + align(16 + (latin1 ? s.length() : 2L * s.length()));
                    strings++;
                }
            }
        }
        return new long[] {bytes, strings};
    }

    public static void main(String[] args) {
        int size = 10_000;
        for (String data : new String[] {"-1", "20", "0"}) { // as ListProcesses' sids: -1 the synthetic data
            if (data.equals("-1")) {
                Scenario.processes(false, size);
            } else {
                Scenario.processesWithSids(false, size, Integer.parseInt(data));
            }
            for (String peer : new String[] {"wtsBridge", "jna", "ffm"}) {
                List<WtsProcess> list = switch (peer) {
                    case "wtsBridge" -> WtsServer.local().processes();
                    case "jna" -> JnaWts.listProcesses();
                    default -> FfmWts.listProcesses();
                };
                long[] sized = sizeOf(list);
                System.out.printf("size %s %s %d %d%n", data, peer, sized[0], sized[1]);
            }
        }
        Scenario.checkReleased(false);
    }
}
