#!/usr/bin/env python3
"""Translated copies at scale: real translations planted into the frozen realistic corpus.

Every WMT21 fr<->de original (`../shared/data/corpora/wmt21_frde_docs.csv`) and its professional translation
are added to `target/bench-corpora/realN.csv` with opaque ids, outlets drawn from a neutral pool and one date
each (the translation the same day as its original or the next), so the planted pairs sit among N articles in
four languages. The script times the whole pipeline on the corpus with and without the planted documents
(JSON output, both cores), reads the copy stage's translation laps (`CREDENCE_TIMING=1`), and measures recall
of the planted source~translation pairs and the translated pairs reported outside them.

Usage: python3 scripts/bench_translations.py [N ...]   (default 20000 200000)
       [--bin target/release/credence]
"""
import argparse
import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, "..", "shared", "data", "corpora", "wmt21_frde_docs.csv")


def opaque(doc_id):
    return "t" + hashlib.sha1(("credence-bench:" + doc_id).encode()).hexdigest()[:12]


def run(binary, path, out):
    env = dict(os.environ, CREDENCE_TIMING="1")
    t0 = time.time()
    p = subprocess.run([binary, "score", path, "--format", "json", "-o", out, "--quiet"],
                       env=env, stderr=subprocess.PIPE, text=True, check=True)
    wall = time.time() - t0
    laps = [l for l in p.stderr.splitlines() if "translation candidates" in l]
    return wall, laps[-1].split("  ")[-1].strip() if laps else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int, default=[20000, 200000])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "credence"))
    args = ap.parse_args()
    csv.field_size_limit(1 << 30)
    docs = [d for d in csv.DictReader(open(DOCS, newline="", encoding="utf-8"))
            if d["role"] in ("source", "reference")]
    print("| articles | planted docs | s without | s with | translation candidates / found | "
          "recall | found outside the planted pairs |")
    print("|---:|---:|---:|---:|---|---:|---:|")
    for n in args.sizes:
        base = os.path.join(ROOT, "target", "bench-corpora", f"real{n}.csv")
        if not os.path.exists(base):
            print(f"missing {base}: run scripts/bench_realistic.sh {n} first", file=sys.stderr)
            return 1
        tmp = tempfile.mkdtemp()
        mixed = os.path.join(tmp, "mixed.csv")
        truth = set()
        by_source = {}
        with open(base, newline="", encoding="utf-8") as f, \
                open(mixed, "w", newline="", encoding="utf-8") as g:
            g.write(f.read())
            w = csv.writer(g, lineterminator="\n")
            for k, d in enumerate(sorted(docs, key=lambda d: opaque(d["id"]))):
                sid = d["source_id"] or d["id"]
                h = int(hashlib.sha1(sid.encode()).hexdigest(), 16)
                day = 1 + h % 28 + (1 if d["role"] == "reference" and h % 3 == 0 else 0)
                outlet = f"site{int(hashlib.sha1(d['id'].encode()).hexdigest(), 16) % 400}.example"
                w.writerow([opaque(d["id"]), outlet, "", f"2024-03-{day:02d}", d["title"], d["text"],
                            d["lang"]])
                by_source.setdefault(sid, []).append(opaque(d["id"]))
        for ids in by_source.values():
            if len(ids) == 2:
                truth.add(tuple(sorted(ids)))
        out = os.path.join(tmp, "out.json")
        t_without, _ = run(args.bin, base, out)
        t_with, lap = run(args.bin, mixed, out)
        rep = json.load(open(out, encoding="utf-8"))
        found = {tuple(sorted((c["a"], c["b"]))) for c in rep["copies"]
                 if c["relation"] == "translated"}
        rec = len(found & truth) / max(1, len(truth))
        print(f"| {n:,} | {2 * len(truth)} | {t_without:.1f} | {t_with:.1f} | {lap} | {rec:.3f} | "
              f"{len(found - truth)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
