#!/usr/bin/env python3
"""Precision and recall of news-agency citations against hand labels.

Usage (from the repo root, after `cargo build --release`):
    python3 scripts/eval_citations.py [--show]

Runs `credence score ../shared/data/corpora/gj_dev.csv --format json` and compares, for every article of
tests/fixtures/gj_dev_citations_labels.csv, the set of news agencies it credits, attributes or relays
(kinds credit|attribution|relay; mentions do not count) with the labelled set. Micro-averaged over
(article, agency) pairs. --show prints every disagreement with its evidence.
"""
import csv
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "data", "corpora", "gj_dev.csv")
LABELS = os.path.join(ROOT, "tests", "fixtures", "gj_dev_citations_labels.csv")
BIN = os.path.join(ROOT, "target", "release", "credence")


def main():
    out = subprocess.run([BIN, "score", CORPUS, "--format", "json", "--quiet"], capture_output=True, check=True)
    rep = json.loads(out.stdout)
    kinds = {s["id"]: s["kind"] for s in rep["sources"]}
    arts = {a["id"]: a for a in rep["articles"]}
    tp = fp = fn = 0
    for row in csv.DictReader(open(LABELS, encoding="utf-8")):
        gold = {x for x in row["agencies"].split("|") if x}
        cites = [c for c in arts.get(row["id"], {}).get("citations", [])
                 if c["kind"] != "mention" and kinds.get(c["source"]) == "news_agency"]
        got = {c["source"] for c in cites}
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
        if "--show" in sys.argv and gold != got:
            print(f"{row['id']} gold={sorted(gold)} got={sorted(got)} note={row['notes']}")
            for c in cites:
                print(f"    {c['kind']} {c['source']}: {c['evidence'][:160]!r}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print(f"gj_dev sample: tp {tp} fp {fp} fn {fn}  precision {p:.3f}  recall {r:.3f}")


if __name__ == "__main__":
    main()
