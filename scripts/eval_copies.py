#!/usr/bin/env python3
"""Copy detection against hand-labelled gj_dev pairs.

Usage (from the repo root, after `cargo build --release`):
    python3 scripts/eval_copies.py [--show] [--labels FILE] [--bin BINARY]

Runs `credence score ../shared/data/corpora/gj_dev.csv --format json` and compares its `copies` with
tests/fixtures/gj_dev_pairs_labels.csv (wholly / partially / none). Prints binary precision/recall/F1
(copy vs none), 3-class accuracy and macro-F1, and the confusion matrix.
"""
import csv
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "data", "corpora", "gj_dev.csv")
LABELS = os.path.join(ROOT, "tests", "fixtures", "gj_dev_pairs_labels.csv")
BIN = os.path.join(ROOT, "target", "release", "credence")
CLASSES = ["wholly", "partially", "none"]


def main():
    global LABELS, BIN
    if "--labels" in sys.argv:
        LABELS = sys.argv[sys.argv.index("--labels") + 1]
    if "--bin" in sys.argv:
        BIN = sys.argv[sys.argv.index("--bin") + 1]
    out = subprocess.run([BIN, "score", CORPUS, "--format", "json", "--quiet"], capture_output=True, check=True)
    rep = json.loads(out.stdout)
    got = {(c["a"], c["b"]): c for c in rep["copies"]}
    conf = {(g, p): 0 for g in CLASSES for p in CLASSES}
    for row in csv.DictReader(open(LABELS, encoding="utf-8")):
        a, b = sorted([row["a"], row["b"]], key=lambda s: s.encode())
        c = got.get((a, b))
        pred = c["relation"] if c else "none"
        gold = row["label"]
        conf[(gold, pred)] += 1
        if "--show" in sys.argv and pred != gold:
            extra = f" cont_a={c['containment_a']} cont_b={c['containment_b']}" if c else ""
            print(f"  {a} {b} gold={gold} got={pred}{extra}  [{row['stratum']}] {row['notes']}")
    tp = sum(conf[(g, p)] for g in CLASSES[:2] for p in CLASSES[:2])
    fp = sum(conf[("none", p)] for p in CLASSES[:2])
    fn = sum(conf[(g, "none")] for g in CLASSES[:2])
    bp = tp / (tp + fp) if tp + fp else 1.0
    br = tp / (tp + fn) if tp + fn else 1.0
    bf = 2 * bp * br / (bp + br) if bp + br else 0.0
    total = sum(conf.values())
    acc = sum(conf[(c, c)] for c in CLASSES) / total
    f1s = []
    for c in CLASSES:
        t = conf[(c, c)]
        p = sum(conf[(g, c)] for g in CLASSES)
        r = sum(conf[(c, q)] for q in CLASSES)
        pr = t / p if p else 0.0
        rc = t / r if r else 0.0
        f1s.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    print(f"pairs {total}: binary precision {bp:.3f} recall {br:.3f} F1 {bf:.3f}; "
          f"3-class accuracy {acc:.3f} macro-F1 {sum(f1s) / 3:.3f} "
          f"(F1 wholly {f1s[0]:.3f}, partially {f1s[1]:.3f}, none {f1s[2]:.3f})")
    print("confusion (rows gold, columns predicted: wholly partially none)")
    for g in CLASSES:
        print(f"  {g:9} " + " ".join(f"{conf[(g, p)]:4d}" for p in CLASSES))
    print(f"all verified pairs in gj_dev: {len(rep['copies'])}, stories: {len(rep.get('stories', []))}")


if __name__ == "__main__":
    main()
