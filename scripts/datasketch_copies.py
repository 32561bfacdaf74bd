#!/usr/bin/env python3
"""Baseline: copy detection alone with datasketch MinHashLSH (128 permutations, threshold 0.5, word 5-grams).

Usage: python3 scripts/datasketch_copies.py CORPUS.csv
Prints wall time and the recall of the planted pairs in CORPUS.truth.csv. Installed by scripts/bench_scale.sh.
"""
import csv
import re
import sys
import time

from datasketch import MinHash, MinHashLSH

csv.field_size_limit(10**9)
WORD = re.compile(r"\w+")


def main():
    path = sys.argv[1]
    t0 = time.time()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    sigs = {}
    for r in csv.DictReader(open(path, encoding="utf-8")):
        w = WORD.findall(r["text"].lower())
        m = MinHash(num_perm=128)
        m.update_batch([" ".join(w[i:i + 5]).encode() for i in range(max(0, len(w) - 4))])
        sigs[r["id"]] = m
        lsh.insert(r["id"], m)
    found = set()
    for k, m in sigs.items():
        for o in lsh.query(m):
            if o != k:
                found.add((min(k, o), max(k, o)))
    elapsed = time.time() - t0
    truth = [(r["a"], r["b"]) for r in csv.DictReader(open(path.replace(".csv", ".truth.csv"), encoding="utf-8"))]
    hit = sum(1 for p in truth if p in found)
    print(f"datasketch: {len(sigs)} articles in {elapsed:.2f}s, {len(found)} pairs, recall {hit / max(1, len(truth)):.3f}")


if __name__ == "__main__":
    main()
