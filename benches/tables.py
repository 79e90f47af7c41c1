"""Markdown tables for BENCHMARKS.md from criterion's results of
benches/analysis.rs (target/criterion/<group>/<input>/new/*.json).

Times are medians (robust on a shared machine); throughput is input bytes
over the median; the scaling table divides each time by the 545 KB one."""

import json
import sys
from pathlib import Path

COMPILATION = 544698


def results(root):
    for bench in Path(root).glob("*/*/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        estimates = json.loads((bench.parent / "estimates.json").read_text())
        yield {
            "group": meta["group_id"],
            "name": meta["value_str"] or meta["function_id"],
            "bytes": (meta.get("throughput") or {}).get("Bytes"),
            "median": estimates["median"]["point_estimate"] / 1e9,
            "low": estimates["mean"]["confidence_interval"]["lower_bound"] / 1e9,
            "high": estimates["mean"]["confidence_interval"]["upper_bound"] / 1e9,
        }


def duration(seconds):
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.3f} s"


def main(root):
    rows = list(results(root))
    by_group = {}
    for row in rows:
        by_group.setdefault(row["group"], []).append(row)

    print("| input | bytes | median | mean 95% CI | throughput |")
    print("|---|---:|---:|---:|---:|")
    labels = {
        "full": "{}",
        "one-thread": "{}, one thread",
        "edit": "edit of {}",
        "stage": "{} only (545 KB)",
    }
    for group, label in labels.items():
        for r in sorted(by_group.get(group, []), key=lambda r: (r["bytes"] or 0, r["name"])):
            label = labels[group].format(r["name"])
            print(
                f"| {label} | {r['bytes']:,} | {duration(r['median'])} "
                f"| {duration(r['low'])} – {duration(r['high'])} "
                f"| {r['bytes'] / r['median'] / 1e6:.1f} MB/s |"
            )

    scaling = sorted(by_group.get("scaling", []), key=lambda r: r["bytes"])
    base = next((r for r in scaling if r["bytes"] == COMPILATION), None)
    if scaling and base:
        print()
        print("| bytes | × size | median | × time | throughput |")
        print("|---:|---:|---:|---:|---:|")
        for r in scaling:
            print(
                f"| {r['bytes']:,} | {r['bytes'] / base['bytes']:.2f} "
                f"| {duration(r['median'])} | {r['median'] / base['median']:.2f} "
                f"| {r['bytes'] / r['median'] / 1e6:.1f} MB/s |"
            )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
