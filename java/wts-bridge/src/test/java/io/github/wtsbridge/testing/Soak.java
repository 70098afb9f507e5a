package io.github.wtsbridge.testing;

import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsProcess;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.WtsSystemEventWaiter;
import io.github.wtsbridge.WtsUserToken;
import io.github.wtsbridge.WtsDynamicChannel;
import io.github.wtsbridge.WtsVirtualChannel;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak run of scripts/soak (not a unit test). Two modes:
 * <pre>
 *   Soak mixed   [calls] [threads]   mixed public calls against the fake (default 1,000,000 from
 *                                    8 threads): resident memory per 100,000 calls after a
 *                                    warm-up, then the fake's outstanding buffers/heap/handles
 *   Soak listing [processes]         one WtsServer.local().processes() of 100,000 processes (run by the
 *                                    script under -Xcheck:jni, which warns past the local
 *                                    reference capacity)
 * </pre>
 * Prints a table; exits 1 if anything was left outstanding or resident memory grew more than
 * the allowed slack after the warm-up.
 */
public final class Soak {
    private static final long SLACK_KIB = 8 * 1024;

    private Soak() {
    }

    /** One kind of call in the mix; returns normally or throws the expected WtsException. */
    private interface Call {
        void run(ThreadLocalRandom random);
    }

    private static final List<String> NAMES = new ArrayList<>();
    private static final List<Call> CALLS = new ArrayList<>();
    private static final AtomicLong EXPECTED_FAILURES = new AtomicLong();
    /** A server handle all threads share (opened by world(), closed at the end). */
    private static volatile WtsServer shared;
    /** Channels: each soak thread its own names (the fake's client ends are shared). */
    private static final int CHANNELS = 8;
    private static final AtomicInteger NEXT_CHANNEL = new AtomicInteger();
    private static final ThreadLocal<Integer> CHANNEL_INDEX = ThreadLocal.withInitial(NEXT_CHANNEL::getAndIncrement);

    private static void call(String name, Call call) {
        NAMES.add(name);
        CALLS.add(call);
    }

    private static void expectFailure(Runnable r, int code) {
        try {
            r.run();
            throw new IllegalStateException("expected WtsException " + code);
        } catch (WtsException e) {
            if (e.errorCode() != code) {
                throw e;
            }
            EXPECTED_FAILURES.incrementAndGet();
        }
    }

    /** The mix: successes and the failures users meet, over every public entry point that exists. */
    static {
        call("WtsServer.sessions", r -> check(WtsServer.local().sessions().size() == 5));
        call("WtsServer.processes (200)", r -> check(WtsServer.local().processes().size() == 200));
        call("userName", r -> check(WtsServer.local().session(1 + r.nextInt(4)).userName().startsWith("user")));
        call("domainName", r -> check(WtsServer.local().session(1).domainName().equals("CONTOSO")));
        call("clientAddress", r -> check(WtsServer.local().session(1).clientAddress().address().isPresent()));
        call("info", r -> check(WtsServer.local().session(2).info().userName().equals("user2")));
        call("connectState", r -> WtsServer.local().session(r.nextInt(5)).connectState());
        call("clientProtocol", r -> WtsServer.local().session(1).clientProtocol());
        call("currentSessionId", r -> check(WtsSession.current().id() == 1));
        call("activeConsoleSessionId", r -> WtsSession.activeConsole().map(WtsSession::id));
        call("sessionOf", r -> WtsSession.ofProcess(1000 + 4L * r.nextInt(200)).id());
        call("userName(vanished) -> 7022", r -> expectFailure(() -> WtsServer.local().session(999).userName(), 7022));
        call("sessionOf(gone) -> 87", r -> expectFailure(() -> WtsSession.ofProcess(3).id(), 87));
        call("info(no reply) -> 50", r -> expectFailure(() -> WtsServer.local().session(4).info(), 50));
        call("WtsServer.open + list + close", r -> {
            try (WtsServer s = WtsServer.open("soak")) {
                check(s.sessions().size() == 5);
            }
        });
        call("shared server: userName / processes", r -> check(r.nextBoolean()
                ? shared.session(1).userName().equals("user1") : shared.processes().size() == 200));
        call("WtsServer.open, dropped (Cleaner)", r -> WtsServer.open("soak"));
        call("queryUserToken + userSid + close", r -> {
            try (WtsUserToken token = WtsServer.local().session(1).userToken()) {
                check(token.userSid().startsWith("S-1-5-21-"));
            }
        });
        call("event waiter on shared server: open + flush + close", r -> {
            try (WtsSystemEventWaiter waiter = WtsSystemEventWaiter.open(shared)) {
                waiter.flush();
            }
        });
        call("unreachable server -> 1722", r -> {
            try (WtsServer s = WtsServer.open("nowhere")) {
                expectFailure(() -> s.sessions(), 1722);
            }
        });
        // Virtual channels: each thread its own channel names (the fake's client ends are shared).
        call("static channel: open + client write + read + write + close", r -> {
            int t = CHANNEL_INDEX.get();
            if (t < CHANNELS) {
                try (WtsVirtualChannel channel = WtsVirtualChannel.open("SOAK" + t)) {
                    FakeChannels.clientWrite(1, "SOAK" + t, false, new byte[1 + r.nextInt(3000)], false);
                    ByteBuffer buffer = ByteBuffer.allocate(4000);
                    check(channel.read(buffer, Duration.ofSeconds(5)) > 0);
                    channel.purgeInput();
                    channel.write(new byte[1 + r.nextInt(100)]);
                    check(FakeChannels.clientRead(1, "SOAK" + t, false) != null);
                }
            }
        });
        call("dynamic channel: open + receive (chunks) + send + close", r -> {
            int t = CHANNEL_INDEX.get();
            if (t < CHANNELS) {
                try (WtsDynamicChannel channel = WtsVirtualChannel.openDynamic("Soak::" + t)) {
                    int length = r.nextInt(5000);
                    FakeChannels.clientWrite(1, "Soak::" + t, true, new byte[length], false);
                    check(channel.receive(Duration.ofSeconds(5)).orElseThrow().length == length);
                    check(channel.receive(Duration.ZERO).isEmpty()); // leaves a read pending for close
                    channel.send(new byte[r.nextInt(2000)]);
                    check(FakeChannels.clientRead(1, "Soak::" + t, true) != null);
                }
            }
        });
        call("dynamic channel with a read pending, dropped (Cleaner)", r -> {
            int t = CHANNEL_INDEX.get();
            if (t < CHANNELS) {
                WtsVirtualChannel.openDynamic("Drop::" + t).receive(Duration.ZERO); // its own name: the read stays pending
            }
        });
    }



    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("unexpected result");
        }
    }

    private static void world() {
        FakeWts.reset();
        for (int id = 0; id < 5; id++) {
            FakeWts.addSession(id, id == 0 ? 4 : 0, id == 0 ? "Services" : "RDP-Tcp#" + id);
            FakeWts.setSessionInfo(id, 5, FakeWts.utf16z("user" + id));
            FakeWts.setSessionInfo(id, 7, FakeWts.utf16z("CONTOSO"));
            FakeWts.setSessionInfo(id, 16, FakeWts.ushort(2));
            FakeWts.setSessionInfo(id, 14, FakeWts.clientAddress(2, new byte[] {10, 0, 0, (byte) id}, 2));
            if (id != 4) {
                FakeWts.setSessionInfo(id, 24, FakeWts.sessionInfo(0, id, new long[6], "RDP-Tcp#" + id, "CONTOSO",
                        "user" + id, Instant.now(), null, Instant.now(), Instant.now(), Instant.now()));
            }
        }
        FakeWts.generateProcesses(200, 5);
        FakeServers.reachable("soak");
        for (int t = 0; t < CHANNELS; t++) {
            FakeChannels.offer(1, "SOAK" + t, false);
            FakeChannels.offer(1, "Soak::" + t, true);
            FakeChannels.offer(1, "Drop::" + t, true);
        }
        FakeTokens.setSessionUser(1, FakeWts.sid(5, 21, 11, 22, 33, 1001));
        shared = WtsServer.open("soak");
    }

    /** Resident set size of this process, KiB (Linux). */
    static long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "mixed";
        if (mode.equals("listing")) {
            listing(args.length > 1 ? Integer.parseInt(args[1]) : 100_000);
        } else {
            mixed(args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L, args.length > 2 ? Integer.parseInt(args[2]) : 8);
        }
    }

    private static void listing(int count) {
        FakeWts.reset();
        FakeWts.generateProcesses(count, 16);
        long rssBefore = rssKib();
        long t0 = System.nanoTime();
        List<WtsProcess> processes = WtsServer.local().processes();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        boolean ok = processes.size() == count
                && processes.get(count - 1).imageName().equals("proc-" + (count - 1) + ".exe")
                && FakeWts.outstandingBuffers() == 0 && FakeWts.outstandingHeap() == 0;
        System.out.printf(Locale.ROOT, "| listing of %,d processes | %,d ms | RSS %,d -> %,d KiB | buffers %d, heap %d | %s |%n",
                count, ms, rssBefore, rssKib(), FakeWts.outstandingBuffers(), FakeWts.outstandingHeap(), ok ? "ok" : "FAILED");
        System.exit(ok ? 0 : 1);
    }

    private static void mixed(long total, int threads) throws Exception {
        world();
        long step = 100_000;
        long[] perKind = new long[CALLS.size()];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        System.out.printf(Locale.ROOT, "%d mixed calls from %d threads over %d kinds of call%n", total, threads, CALLS.size());
        System.out.println("| calls done | RSS (KiB) | vs. after warm-up (KiB) | Java heap used (KiB) | outstanding buffers | ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        long warm = -1;
        long max = 0;
        long done = 0;
        long t0 = System.nanoTime();
        while (done < total) {
            long phase = Math.min(step, total - done);
            long phaseStart = System.nanoTime();
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long share = phase / threads + (t < phase % threads ? 1 : 0);
                futures.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    long[] counts = new long[CALLS.size()];
                    for (long i = 0; i < share; i++) {
                        int kind = random.nextInt(CALLS.size());
                        CALLS.get(kind).run(random);
                        counts[kind]++;
                    }
                    return counts;
                }));
            }
            for (Future<long[]> f : futures) {
                long[] counts = f.get();
                for (int k = 0; k < counts.length; k++) {
                    perKind[k] += counts[k];
                }
            }
            done += phase;
            System.gc();
            long rss = rssKib();
            if (warm < 0) {
                warm = rss;
            }
            max = Math.max(max, rss);
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "| %,d%s | %,d | %+,d | %,d | %d | %,d |%n", done, warm == rss && done == phase ? " (warm-up)" : "",
                    rss, rss - warm, (rt.totalMemory() - rt.freeMemory()) / 1024, FakeWts.outstandingBuffers(),
                    (System.nanoTime() - phaseStart) / 1_000_000);
        }
        pool.shutdown();
        shared.close();
        long cleanerDeadline = System.nanoTime() + 30_000_000_000L;
        while (FakeWts.openHandles() != 0 && System.nanoTime() < cleanerDeadline) {
            System.gc();
            Thread.sleep(20); /* the Cleaner closes the dropped servers */
        }
        long end = rssKib();
        long millis = Math.max(1, (System.nanoTime() - t0) / 1_000_000L);
        System.out.println();
        System.out.println("| call | count |");
        System.out.println("|---|---:|");
        for (int k = 0; k < CALLS.size(); k++) {
            System.out.printf(Locale.ROOT, "| %s | %,d |%n", NAMES.get(k), perKind[k]);
        }
        System.out.println();
        long buffers = FakeWts.outstandingBuffers();
        long misused = FakeWts.misusedFrees();
        long heap = FakeWts.outstandingHeap();
        long handles = FakeWts.openHandles();
        long badHandles = FakeServers.badHandleUses();
        long channelMisuse = FakeChannels.misuse();
        boolean flat = end - warm <= SLACK_KIB;
        System.out.printf(Locale.ROOT, "| measure | value |%n|---|---:|%n");
        System.out.printf(Locale.ROOT, "| calls | %,d (%,d expected WtsExceptions) |%n", done, EXPECTED_FAILURES.get());
        System.out.printf(Locale.ROOT, "| calls/s | %,d |%n", done * 1000 / millis);
        System.out.printf(Locale.ROOT, "| RSS after warm-up (first 100,000) | %,d KiB |%n", warm);
        System.out.printf(Locale.ROOT, "| RSS at the end | %,d KiB (%+,d; max %,d) |%n", end, end - warm, max);
        System.out.printf(Locale.ROOT, "| RSS flat (growth <= %,d KiB) | %s |%n", SLACK_KIB, flat ? "yes" : "NO");
        System.out.printf(Locale.ROOT, "| fake buffers outstanding / misused frees | %d / %d |%n", buffers, misused);
        System.out.printf(Locale.ROOT, "| shim heap blocks outstanding | %d |%n", heap);
        System.out.printf(Locale.ROOT, "| fake handles open (after the Cleaner) | %d |%n", handles);
        System.out.printf(Locale.ROOT, "| closed/foreign server handles used | %d |%n", badHandles);
        System.out.printf(Locale.ROOT, "| channel handles misused (closed, foreign, under pending I/O) | %d |%n", channelMisuse);
        boolean ok = flat && buffers == 0 && misused == 0 && heap == 0 && handles == 0 && badHandles == 0
                && channelMisuse == 0;
        System.out.println(ok ? "SOAK OK" : "SOAK FAILED");
        System.exit(ok ? 0 : 1);
    }
}
