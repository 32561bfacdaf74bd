#!/usr/bin/env python3
"""Garble flag rates on a corpus: share of articles with any counted flag, and per kind.

Usage (from the repo root, after `cargo build --release`):
    python3 scripts/garble_rates.py ../shared/data/corpora/reuters21578.csv [--show KIND]
    python3 scripts/garble_rates.py ../shared/data/corpora/wmt21_frde_docs.csv --where role=source,reference
    (--bin BINARY to measure another build)

`--where COL=V1,V2` scores the whole file (corpus-level rules see every row) but counts only the rows whose
COL is one of the values; it also prints the share with a counted machine-translation kind
(mt_placeholder, foreign_fragment, translation_credit): on professional texts, each is a false alarm.
"""
import collections
import json
import subprocess
import sys

BIN = "target/release/credence"
MT_KINDS = {"mt_placeholder", "foreign_fragment", "translation_credit"}


def main():
    global BIN
    path = sys.argv[1]
    if "--bin" in sys.argv:
        BIN = sys.argv[sys.argv.index("--bin") + 1]
    keep = None
    if "--where" in sys.argv:
        col, vals = sys.argv[sys.argv.index("--where") + 1].split("=", 1)
        import csv
        csv.field_size_limit(1 << 30)
        with open(path, encoding="utf-8", newline="") as f:
            keep = {r["id"] for r in csv.DictReader(f) if r.get(col) in vals.split(",")}
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    out = subprocess.run([BIN, "score", path, "--format", "json", "--quiet"], capture_output=True, check=True)
    rep = json.loads(out.stdout)
    arts = [a for a in rep["articles"] if keep is None or a["id"] in keep]
    any_flag = 0
    mt = 0
    per = collections.Counter()
    for a in arts:
        kinds = {f["kind"] for f in a["flags"] if f.get("counted", True)}
        any_flag += bool(kinds)
        mt += bool(kinds & MT_KINDS)
        per.update(kinds)
        if show:
            for f in a["flags"]:
                if f["kind"] == show:
                    print(f"  {a['id']}: {f['evidence'][:100]!r} ({f['detail']})")
    n = len(arts)
    print(f"{path}: {n} articles, {any_flag / n:.2%} with any counted flag, {mt / n:.2%} with a counted MT kind")
    for k, c in sorted(per.items()):
        print(f"  {k:20} {c:6d}  {c / n:.2%}")


if __name__ == "__main__":
    main()
