#!/usr/bin/env python3
"""Garble flag rates on a corpus: share of articles with any counted flag, and per kind.

Usage (from the repo root, after `cargo build --release`):
    python3 scripts/garble_rates.py ../shared/data/corpora/reuters21578.csv [--show KIND]
"""
import collections
import json
import subprocess
import sys

BIN = "target/release/credence"


def main():
    path = sys.argv[1]
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    out = subprocess.run([BIN, "score", path, "--format", "json", "--quiet"], capture_output=True, check=True)
    rep = json.loads(out.stdout)
    arts = rep["articles"]
    any_flag = 0
    per = collections.Counter()
    for a in arts:
        kinds = {f["kind"] for f in a["flags"] if f.get("counted", True)}
        any_flag += bool(kinds)
        per.update(kinds)
        if show:
            for f in a["flags"]:
                if f["kind"] == show:
                    print(f"  {a['id']}: {f['evidence'][:100]!r} ({f['detail']})")
    n = len(arts)
    print(f"{path}: {n} articles, {any_flag / n:.2%} with any counted flag")
    for k, c in sorted(per.items()):
        print(f"  {k:20} {c:6d}  {c / n:.2%}")


if __name__ == "__main__":
    main()
