#!/usr/bin/env python3
"""Translated copies at scale: real translations planted into the frozen realistic corpus.

Every WMT21 fr<->de original (`../shared/data/corpora/wmt21_frde_docs.csv`) and its professional translation
are added to `target/bench-corpora/realN.csv` with opaque ids, outlets drawn from a neutral pool and one date
each (the translation the same day as its original or the next), so the planted pairs sit among N articles in
four languages. The script times the whole pipeline on the corpus with and without the planted documents
(JSON output, both cores), reads the copy stage's translation laps (`CREDENCE_TIMING=1`), and measures recall
of the planted source~translation pairs and the translated pairs reported outside them.

Usage: python3 scripts/bench_translations.py [N ...]   (default 20000 200000; 100000 and 1000000 are generated
       by scripts/bench_realistic.sh N)
       [--bin target/release/credence] [--only-with]
"""
import argparse
import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, "..", "shared", "data", "corpora", "wmt21_frde_docs.csv")


def opaque(doc_id):
    return "t" + hashlib.sha1(("credence-bench:" + doc_id).encode()).hexdigest()[:12]


LAP = re.compile(r"timing:\s+copies\s+([0-9.]+)s\s+rss\s+\S+ MB peak\s+(\S+) MB\s+(.*)$")


def run(binary, path, out, why=None):
    """Wall seconds, the translation laps' message, seconds finding translation candidates,
    seconds verifying them, and the run's peak RSS in MB. With `why`, the verifier's evidence
    lines (CREDENCE_DEBUG_TRANSLATED) are appended to that list."""
    env = dict(os.environ, CREDENCE_TIMING="1")
    if why is not None:
        env["CREDENCE_DEBUG_TRANSLATED"] = "1"
    t0 = time.time()
    p = subprocess.run([binary, "score", path, "--format", "json", "-o", out, "--quiet"],
                       env=env, stderr=subprocess.PIPE, text=True, check=True)
    wall = time.time() - t0
    laps = []
    peak = 0
    for line in p.stderr.splitlines():
        if why is not None and line.startswith("TR "):
            why.append(line)
        m = LAP.search(line)
        if m:
            laps.append((float(m.group(1)), m.group(3).strip()))
        for tok in re.findall(r"peak\s+(\d+) MB", line):
            peak = max(peak, int(tok))
    msg, t_cand, t_verify = "", float("nan"), float("nan")
    for k, (t, what) in enumerate(laps):
        if what.endswith("translation candidates found") and k > 0:
            t_cand = t - laps[k - 1][0]
        if "translated" in what and k > 0:
            t_verify = t - laps[k - 1][0]
            msg = what
    return wall, msg, t_cand, t_verify, peak


def translated_pairs(path):
    """The translated pairs of a JSON report, read line by line: the report of a million articles
    is several GB, too large to load whole."""
    found, inside, a, b = set(), False, None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not inside:
                inside = line.startswith('  "copies": [')
                continue
            if line.startswith("  ]"):
                break
            t = line.strip()
            if t.startswith('"a": '):
                a = json.loads(t[5:].rstrip(","))
            elif t.startswith('"b": '):
                b = json.loads(t[5:].rstrip(","))
            elif t.startswith('"relation": '):
                if json.loads(t[12:].rstrip(",")) == "translated":
                    found.add(tuple(sorted((a, b))))
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int, default=[20000, 200000])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "credence"))
    ap.add_argument("--only-with", action="store_true",
                    help="skip the run without the planted documents (saves half the time at 1M)")
    ap.add_argument("--why", action="store_true",
                    help="print why planted pairs were missed: no candidate, no rare anchor, alignment")
    args = ap.parse_args()
    csv.field_size_limit(1 << 30)
    docs = [d for d in csv.DictReader(open(DOCS, newline="", encoding="utf-8"))
            if d["role"] in ("source", "reference")]
    print("| articles | planted docs | s without | s with | translation candidates / found | "
          "s finding candidates | s verifying | peak MB | recall | found outside the planted pairs |")
    print("|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|")
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
            shutil.copyfileobj(f, g, 1 << 24)
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
        t_without = float("nan") if args.only_with else run(args.bin, base, out)[0]
        why = [] if args.why else None
        t_with, lap, t_cand, t_verify, peak = run(args.bin, mixed, out, why)
        found = translated_pairs(out)
        rec = len(found & truth) / max(1, len(truth))
        print(f"| {n:,} | {2 * len(truth)} | {t_without:.1f} | {t_with:.1f} | {lap} | "
              f"{t_cand:.1f} | {t_verify:.1f} | {peak} | {rec:.3f} | {len(found - truth)} |",
              flush=True)
        if why is not None:
            seen = {}
            for line in why:
                _, a, b, rest = line.split(" ", 3)
                seen[tuple(sorted((a, b)))] = rest
            causes = {}
            for pair in sorted(truth - found):
                rest = seen.get(pair)
                cause = ("no candidate" if rest is None else
                         "no rare anchor" if rest.startswith("rare=0 ") else "alignment")
                causes[cause] = causes.get(cause, 0) + 1
            print(f"  misses at {n:,}: {causes}", flush=True)
        os.remove(mixed)
        os.remove(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
