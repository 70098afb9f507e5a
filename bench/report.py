#!/usr/bin/env python3
"""Merges the benchmark results into one table (scripts/bench runs this).

JMH: each benchmark's figure is the median over forks of each fork's median iteration.
C floor: the median over runs of each run's median batch. Cold start: hyperfine's median.
"""
import argparse
import json
import os
import statistics

OPERATIONS = [  # (JMH class, size or None, c-floor name, label)
    ("ListProcesses", "10", "listProcesses", "list processes"),
    ("ListProcesses", "1000", "listProcesses", "list processes"),
    ("ListProcesses", "10000", "listProcesses", "list processes"),
    ("ListSessions", "10", "listSessions", "list sessions"),
    ("ListSessions", "1000", "listSessions", "list sessions"),
    ("SessionInfo", None, "sessionInfo", "session info (WTSSessionInfo)"),
    ("CurrentSession", None, "currentSession", "current process's session id"),
]


FORK_FIGURES = {}


def jmh_figures(path):
    """{(class, method, size): (median µs/op, forks)}"""
    figures = {}
    for entry in json.load(open(path)):
        cls, method = entry["benchmark"].split(".")[-2:]
        size = (entry.get("params") or {}).get("size")
        assert entry["primaryMetric"]["scoreUnit"] == "us/op"
        forks = [statistics.median(fork) for fork in entry["primaryMetric"]["rawData"]]
        figures[(cls, method, size)] = (statistics.median(forks), len(forks))
        FORK_FIGURES[(cls, method, size)] = forks
    return figures


def cfloor_figures(paths):
    """{(name, size): median µs/op over the runs}"""
    runs = {}
    for path in paths:
        for line in open(path):
            name, size, ns = line.split()
            runs.setdefault((name, None if size == "-" else size), []).append(float(ns) / 1000)
    return {key: statistics.median(values) for key, values in runs.items()}


def us(value):
    if value is None:
        return "n/a"
    if value < 10:
        return f"{value:.2f} µs"
    if value < 100:
        return f"{value:.1f} µs"
    return f"{value:,.0f} µs"


def ratio(a, b):
    return f"{a / b:.1f}×" if a and b else "n/a"


def kib(size):
    return f"{size:,} B ({size / 1024:.1f} KiB)"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mode", default="full")
    p.add_argument("--jmh", required=True)
    p.add_argument("--cfloor", nargs="+", required=True)
    p.add_argument("--cold", required=True)
    p.add_argument("--jar", required=True)
    p.add_argument("--fat-jar", required=True)
    p.add_argument("--jna-jars", required=True)
    p.add_argument("--dlls", nargs="+", required=True)
    a = p.parse_args()

    jmh = jmh_figures(a.jmh)
    floor = cfloor_figures(a.cfloor)
    forks = max(n for _, n in jmh.values())

    print(f"## Speed (host build against the fake; medians of {forks} JMH forks and "
          f"{len(a.cfloor)} C-floor runs; {a.mode} mode)\n")
    print("| operation | size | wts-bridge | JNA | C floor | JNA / wts-bridge | wts-bridge / C floor |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    rows = {}
    for cls, size, cname, label in OPERATIONS:
        bridge = jmh.get((cls, "wtsBridge", size), (None,))[0]
        jna = jmh.get((cls, "jna", size), (None,))[0]
        c = floor.get((cname, size))
        rows[(cls, size)] = (bridge, jna, c)
        print(f"| {label} | {size or '–'} | {us(bridge)} | {us(jna)} | {us(c)} | "
              f"{ratio(jna, bridge)} | {ratio(bridge, c)} |")

    fake = floor.get(("fake:listProcesses", "10000"))
    malloc = floor.get(("malloc:listProcesses", "10000"))
    print()
    print("All three call the same fake in the same host library (shim + fake, built with clang -O2,")
    print("the DLLs' compiler), with the same data; wts-bridge and JNA return equal records")
    print("(`scripts/bench --smoke` checks it). C floor = one allocation per result holding every")
    print("field (strings copied, SIDs as text). JMH: average time, -Xms1g -Xmx1g, a fork's figure")
    print("is its median iteration; the table gives the median over the forks.")
    for method, name in (("wtsBridge", "wts-bridge"), ("jna", "JNA")):
        forks = FORK_FIGURES.get(("ListProcesses", method, "10000"))
        if forks:
            print(f"Forks of the 10,000-process listing, {name}: " + ", ".join(us(f) for f in sorted(forks)) + ".")
    if fake and malloc:
        print(f"For 10,000 processes the fake's own enumerate + WTSFreeMemory takes {us(fake)}, "
              f"and C with a malloc per string (an object per string, as Java) {us(malloc)}.")

    cold = {r["command"]: r for r in json.load(open(a.cold))["results"]}
    bare = cold["bare JVM"]["median"] * 1000
    print(f"\n## Cold start: fresh JVM to the first completed call (hyperfine, "
          f"{cold['bare JVM']['times'].__len__()} runs each; medians)\n")
    print("| program | median | above a bare JVM |")
    print("|---|---:|---:|")
    for name in ["bare JVM", "wts-bridge", "wts-bridge + DLL extraction", "JNA"]:
        r = cold[name]
        ms = r["median"] * 1000
        above = "–" if name == "bare JVM" else f"+{ms - bare:.0f} ms"
        print(f"| {name} | {ms:.0f} ms (± {r['stddev'] * 1000:.0f}) | {above} |")

    jar, fat = os.path.getsize(a.jar), os.path.getsize(a.fat_jar)
    jna_jars = [j for j in a.jna_jars.split(":") if j]
    jna_total = sum(os.path.getsize(j) for j in jna_jars)
    print("\n## Size\n")
    print("| artifact | bytes |")
    print("|---|---:|")
    print(f"| {os.path.basename(a.jar)} | {kib(jar)} |")
    print(f"| {os.path.basename(a.fat_jar)} (with slf4j-api and the command-line tool) | {kib(fat)} |")
    for j in jna_jars:
        print(f"| {os.path.basename(j)} | {kib(os.path.getsize(j))} |")
    print(f"| JNA + jna-platform | {kib(jna_total)} |")
    dll_sizes = {}
    for dll in sorted(a.dlls):
        arch = os.path.basename(os.path.dirname(dll))
        dll_sizes[arch] = os.path.getsize(dll)
        print(f"| {arch}/wtsbridge.dll | {kib(dll_sizes[arch])} |")

    print("\n## Targets (measured, not asserted)\n")
    bridge, jna, c = rows[("ListProcesses", "10000")]

    def verdict(ok):
        return "met" if ok else "MISSED"

    print(f"- 10,000-process listing ≥ 10× faster than JNA: {ratio(jna, bridge)} — {verdict(jna / bridge >= 10)}")
    print(f"- 10,000-process listing within 2× of the C floor: {ratio(bridge, c)} — {verdict(bridge / c <= 2)}")
    wts_ms, jna_ms = cold["wts-bridge"]["median"] * 1000, cold["JNA"]["median"] * 1000
    print(f"- cold start no slower than JNA: {wts_ms:.0f} ms vs {jna_ms:.0f} ms — {verdict(wts_ms <= jna_ms)}")
    print(f"- cold start < 100 ms above a bare JVM: +{wts_ms - bare:.0f} ms — {verdict(wts_ms - bare < 100)}")
    print(f"- fat jar ≤ 1/15 of JNA + jna-platform: 1/{jna_total / fat:.1f} — {verdict(fat * 15 <= jna_total)}")
    print(f"- each DLL ≤ 32 KiB: largest {max(dll_sizes.values()):,} B — "
          f"{verdict(max(dll_sizes.values()) <= 32768)}")


if __name__ == "__main__":
    main()
