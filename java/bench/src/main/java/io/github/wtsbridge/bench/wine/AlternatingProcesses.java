package io.github.wtsbridge.bench.wine;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import io.github.wtsbridge.WtsProcess;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.bench.JnaWts;
import io.github.wtsbridge.internal.Sids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * WtsServer.local().processes() against its JNA equivalent on a real wtsapi32 (scripts/bench --wine: a
 * Windows JVM under Wine; it runs as well on Windows). One JVM, so both sides share JIT, heap
 * and the Windows underneath; no JMH (its forking and control threads under Wine are one more
 * thing to trust): each side is warmed up, then rounds of {@code calls} calls alternate
 * A, B, C, D, A, B, C, D ... so that a slow phase of the machine hits every side alike. Prints a
 * Markdown table of per-call medians and 90th percentiles over the rounds. Reports, asserts
 * nothing about time; it does fail if the sides do not return the same records.
 *
 * <ul>
 *   <li>A: wts-bridge, {@code WtsServer.local().processes()} (the real jar, its bundled DLL).</li>
 *   <li>B: JNA as its users write it: WTSEnumerateProcessesW, Structure.toArray,
 *       getWideString, jna-platform's Advapi32Util.convertSidToStringSid (ConvertSidToStringSidW
 *       + LocalFree per process), WTSFreeMemory.</li>
 *   <li>C: JNA, but with the SID bytes formatted in Java by the library's own Sids: JNA's
 *       cost without the two extra native calls per process.</li>
 *   <li>D: the floor: WTSEnumerateProcessesW + WTSFreeMemory through JNA, nothing decoded.
 *       What the call itself costs on this Windows; the others minus D is the cost of the
 *       binding.</li>
 * </ul>
 *
 * <p>Arguments: {@code [rounds] [calls per round] [warm-up calls per side] [children]}: with
 * children > 0, that many extra processes ({@code cmd.exe /k} waiting on its stdin) run during
 * the measurement, for a longer listing (an idle Wine prefix has about ten processes).
 */
public final class AlternatingProcesses {
    /** The wtsapi32 function jna-platform 5.17 does not map. */
    public interface Wtsapi32 extends StdCallLibrary {
        Wtsapi32 INSTANCE = Native.load("wtsapi32", Wtsapi32.class, W32APIOptions.DEFAULT_OPTIONS);

        boolean WTSEnumerateProcessesW(WinNT.HANDLE server, int reserved, int version, PointerByReference info,
                IntByReference count);

        void WTSFreeMemory(Pointer memory);
    }

    private static final class Side {
        final String name;
        final Supplier<List<WtsProcess>> call;
        final double[] microsPerCall;

        Side(String name, Supplier<List<WtsProcess>> call, int rounds) {
            this.name = name;
            this.call = call;
            this.microsPerCall = new double[rounds];
        }
    }

    /** Keeps the JIT from dropping the results. */
    private static long sink;

    private AlternatingProcesses() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        int children = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        List<Process> started = new ArrayList<>();
        try {
            for (int i = 0; i < children; i++) {
                started.add(new ProcessBuilder(Path.of(System.getenv("SystemRoot"), "System32", "cmd.exe").toString(),
                        "/d", "/q", "/k").redirectErrorStream(true).start());
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (children > 0 && WtsServer.local().processes().size() < children && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            run(rounds, calls, warmUp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Process child : started) {
                child.destroyForcibly();
            }
        }
    }

    private static void run(int rounds, int calls, int warmUp) {
        if (System.getProperty("wtsbridge.library.path") != null) {
            throw new IllegalStateException("wtsbridge.library.path is set: this measures the jar's bundled DLL");
        }

        List<Side> sides = List.of(
                new Side("wts-bridge `WtsServer.local().processes()`", () -> WtsServer.local().processes(), rounds),
                new Side("JNA + `Advapi32Util.convertSidToStringSid`", () -> jna(true), rounds),
                new Side("JNA + SID formatted in Java (`Sids`)", () -> jna(false), rounds),
                new Side("floor: JNA call + `WTSFreeMemory`, no decoding", AlternatingProcesses::floor, rounds));

        int listed = checkSame(sides.get(0).call.get(), sides.get(1).call.get(), sides.get(2).call.get());
        for (int i = 0; i < warmUp; i++) {
            for (Side side : sides) {
                sink += side.call.get().size();
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (Side side : sides) {
                long start = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    sink += side.call.get().size();
                }
                side.microsPerCall[round] = (System.nanoTime() - start) / 1000.0 / calls;
            }
        }
        int again = checkSame(sides.get(0).call.get(), sides.get(1).call.get(), sides.get(2).call.get());

        double base = median(sides.get(0).microsPerCall);
        double floor = median(sides.get(3).microsPerCall);
        System.out.printf(Locale.ROOT, "processes listed: %d (at the start), %d (at the end); %d rounds of %d calls"
                + " per side, alternating, after %d warm-up calls per side; %s %s on %s%n", listed, again,
                rounds, calls, warmUp, System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("os.name"));
        System.out.printf("wts-bridge: %s (its bundled DLL, extracted); JNA %s%n%n",
                WtsServer.class.getProtectionDomain().getCodeSource().getLocation(), Native.VERSION);
        System.out.println("| per call (us) | median | p90 | median / wts-bridge | median - floor |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Side side : sides) {
            double median = median(side.microsPerCall);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %s |%n", side.name, median,
                    percentile(side.microsPerCall, 0.9), median / base,
                    side == sides.get(3) ? "-" : String.format(Locale.ROOT, "%.1f", median - floor));
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    /** WTSEnumerateProcessesW through JNA into the records wts-bridge returns. */
    static List<WtsProcess> jna(boolean convertSidToStringSid) {
        PointerByReference buffer = new PointerByReference();
        IntByReference count = new IntByReference();
        if (!Wtsapi32.INSTANCE.WTSEnumerateProcessesW(null, 0, 1, buffer, count)) {
            throw new IllegalStateException("WTSEnumerateProcessesW failed: " + Native.getLastError());
        }
        Pointer memory = buffer.getValue();
        try {
            int n = count.getValue();
            List<WtsProcess> processes = new ArrayList<>(n);
            if (n > 0) {
                for (Structure s : new JnaWts.WTS_PROCESS_INFO(memory).toArray(n)) {
                    JnaWts.WTS_PROCESS_INFO p = (JnaWts.WTS_PROCESS_INFO) s;
                    String name = p.pProcessName == null ? "" : p.pProcessName.getWideString(0);
                    String sid = p.pUserSid == null ? ""
                            : convertSidToStringSid ? Advapi32Util.convertSidToStringSid(new WinNT.PSID(p.pUserSid))
                            : sidInJava(p.pUserSid);
                    processes.add(new WtsProcess(WtsServer.local(), p.SessionId, Integer.toUnsignedLong(p.ProcessId), name, sid));
                }
            }
            return Collections.unmodifiableList(processes);
        } finally {
            Wtsapi32.INSTANCE.WTSFreeMemory(memory);
        }
    }

    private static String sidInJava(Pointer sid) {
        byte[] bytes = sid.getByteArray(0, 8 + 4 * (sid.getByte(1) & 0xFF));
        return Sids.format(bytes, 0, bytes.length);
    }

    /** The call and the free, nothing read. */
    static List<WtsProcess> floor() {
        PointerByReference buffer = new PointerByReference();
        IntByReference count = new IntByReference();
        if (!Wtsapi32.INSTANCE.WTSEnumerateProcessesW(null, 0, 1, buffer, count)) {
            throw new IllegalStateException("WTSEnumerateProcessesW failed: " + Native.getLastError());
        }
        Wtsapi32.INSTANCE.WTSFreeMemory(buffer.getValue());
        return Collections.nCopies(count.getValue(), null);
    }

    /**
     * Fails unless the three listings agree on every process all three hold (processes come and
     * go between calls); returns the size of the first.
     */
    private static int checkSame(List<WtsProcess> bridge, List<WtsProcess> idiomatic, List<WtsProcess> javaSids) {
        Map<Long, WtsProcess> a = byPid(bridge);
        Map<Long, WtsProcess> b = byPid(idiomatic);
        Map<Long, WtsProcess> c = byPid(javaSids);
        int common = 0;
        for (Map.Entry<Long, WtsProcess> e : a.entrySet()) {
            WtsProcess other = b.get(e.getKey());
            WtsProcess third = c.get(e.getKey());
            if (other == null || third == null) {
                continue;
            }
            if (!e.getValue().equals(other) || !e.getValue().equals(third)) {
                throw new IllegalStateException("wts-bridge " + e.getValue() + ", JNA " + other + ", JNA/Sids " + third);
            }
            common++;
        }
        if (common < 0.9 * bridge.size()) {
            throw new IllegalStateException("only " + common + " of " + bridge.size() + " processes in all listings");
        }
        return bridge.size();
    }

    private static Map<Long, WtsProcess> byPid(List<WtsProcess> processes) {
        Map<Long, WtsProcess> map = new HashMap<>();
        for (WtsProcess p : processes) {
            map.put(p.pid(), p);
        }
        return map;
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
