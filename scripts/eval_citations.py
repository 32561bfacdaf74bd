#!/usr/bin/env python3
"""Precision and recall of agency citations against hand labels.

Usage (from the repo root, after `cargo build --release`):
    python3 scripts/eval_citations.py [--show]

Two label sets, both in tests/fixtures/ (ids and labels only; texts stay in ../shared):
  * gj_dev_citations_labels.csv — 190 gj_dev articles (the development sample: rules were fixed on it);
  * heldout_citations_labels.csv — 120 articles of gj_dev (disjoint), FakeNewsCorpus and KCNA, labelled later and
    never used to tune rules: the honest figure.
For each article, the set of news agencies (and, on the held-out set, state media) it credits, attributes or
relays (kinds credit|attribution|relay; mentions do not count) is compared with the labelled set. Micro-averaged
over (article, source) pairs. --show prints every disagreement with its evidence.
"""
import csv
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = os.path.join(ROOT, "..", "shared", "data", "corpora")
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
BIN = os.path.join(ROOT, "target", "release", "credence")
FILES = {"gj_dev": "gj_dev.csv", "fakenews": "fakenewscorpus_sample.csv", "kcna": "kcna_2011.csv"}
_cache = {}


def report(corpus):
    if corpus not in _cache:
        path = os.path.join(CORPORA, FILES[corpus])
        out = subprocess.run([BIN, "score", path, "--format", "json", "--quiet"], capture_output=True, check=True)
        rep = json.loads(out.stdout)
        kinds = {s["id"]: s["kind"] for s in rep["sources"]}
        _cache[corpus] = ({a["id"]: a for a in rep["articles"]}, kinds)
    return _cache[corpus]


def evaluate(label_file, kinds_counted, show):
    counts = {}
    for row in csv.DictReader(open(os.path.join(FIXTURES, label_file), encoding="utf-8")):
        corpus = row.get("corpus") or "gj_dev"
        arts, kinds = report(corpus)
        gold = {x for x in row["agencies"].split("|") if x}
        cites = [c for c in arts.get(row["id"], {}).get("citations", [])
                 if c["kind"] != "mention" and kinds.get(c["source"]) in kinds_counted]
        got = {c["source"] for c in cites}
        for key in (corpus, "all"):
            t = counts.setdefault(key, [0, 0, 0])
            t[0] += len(gold & got)
            t[1] += len(got - gold)
            t[2] += len(gold - got)
        if show and gold != got:
            print(f"  {row['id']} gold={sorted(gold)} got={sorted(got)} note={row['notes']}")
            for c in cites:
                print(f"      {c['kind']} {c['source']}: {c['evidence'][:160]!r}")
    for key, (tp, fp, fn) in sorted(counts.items()):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        print(f"{label_file} [{key}]: tp {tp} fp {fp} fn {fn}  precision {p:.3f}  recall {r:.3f}")


def main():
    show = "--show" in sys.argv
    evaluate("gj_dev_citations_labels.csv", {"news_agency"}, show)
    evaluate("heldout_citations_labels.csv", {"news_agency", "state_media"}, show)


if __name__ == "__main__":
    main()
