"""The jar-size table of `scripts/bench --size`: each artifact's bytes, its target (issue 15),
MET/MISSED, and its size against what a JNA user ships for the same API (jna + jna-platform)."""
import argparse
import os

p = argparse.ArgumentParser()
p.add_argument("--lib-jar", required=True)
p.add_argument("--lib-fat-jar", required=True)
p.add_argument("--cli-jar", required=True)
p.add_argument("--cli-fat-jar", required=True)
p.add_argument("--jna-jars", nargs="+", required=True)
a = p.parse_args()

jna = sum(os.path.getsize(j) for j in a.jna_jars)
rows = [
    ("wts-bridge (library, DLLs inside)", a.lib_jar, None),
    ("wts-bridge -all (library, shrunk, recompressed)", a.lib_fat_jar, 260_000),
    ("wts-bridge-cli (the tool alone)", a.cli_jar, None),
    ("wts-bridge-cli -all (tool + library, shrunk, recompressed)", a.cli_fat_jar, 330_000),
]
print("| artifact | bytes | target | result | share of JNA's |")
print("|---|---:|---:|---|---:|")
for label, path, target in rows:
    size = os.path.getsize(path)
    verdict = "" if target is None else ("MET" if size <= target else "MISSED")
    shown = "" if target is None else f"≤ {target:,}"
    print(f"| {label} | {size:,} | {shown} | {verdict} | {size / jna:.1%} |")
names = " + ".join(os.path.basename(j) for j in a.jna_jars)
print(f"| JNA: {names} | {jna:,} | | | 100% |")
