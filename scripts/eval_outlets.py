#!/usr/bin/env python3
"""Outlet scores against public ratings, with no rating entering the scores.

Usage (from the repo root, after `cargo build --release`):
    python3 scripts/eval_outlets.py [--show]

Concatenates the rated outlets of ../shared/data/corpora/ (gj_dev's dhnet.be and lalibre.be, every
FakeNewsCorpus domain, kcna_2011 and reuters21578) into one temporary CSV, scores it with
`--outlet-priors none`, and compares outlet means with Lin et al. 2023's PC1
(../shared/data/ratings/lin2023_domain_pc1.csv; kcna.co.jp is rated as kcna.kp): Spearman correlation and the
AUC separating high-rated (>= 0.6) from low-rated (< 0.4) outlets.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

csv.field_size_limit(10**9)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fit_weights  # noqa: E402  (the same corpora and rank statistics as the fit)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data")
BIN = os.environ.get("CREDENCE") or os.path.join(ROOT, "target", "release", "credence")
MIRROR = {"kcna.co.jp": "kcna.kp"}


def rows():
    """Every article of a rated outlet, from the same corpora as scripts/fit_weights.py."""
    seen = set()
    for _, r in fit_weights.rows(fit_weights.ratings()):
        if r["id"] not in seen:
            seen.add(r["id"])
            yield r


def main():
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "outlet", "url", "published", "title", "text", "lang"])
        w.writeheader()
        for r in rows():
            w.writerow(r)
        path = f.name
    out = subprocess.run([BIN, "score", path, "--format", "json", "--quiet", "--outlet-priors", "none"],
                         capture_output=True, check=True)
    os.unlink(path)
    rep = json.loads(out.stdout)
    pc1 = {r["domain"].lower().removeprefix("www."): float(r["pc1"])
           for r in csv.DictReader(open(os.path.join(DATA, "ratings", "lin2023_domain_pc1.csv"), encoding="utf-8"))}
    pairs = []
    for o in rep["outlets"]:
        d = MIRROR.get(o["outlet"], o["outlet"])
        if d in pc1 and o["reliability"]:
            pairs.append((o["outlet"], o["articles"], o["reliability"]["mean"], pc1[d]))
    if "--show" in sys.argv:
        for p in sorted(pairs, key=lambda p: -p[2]):
            print(f"  {p[0]:28} n={p[1]:6d} score {p[2]:.3f}  pc1 {p[3]:.3f}")
    for label, sel in (("rated outlets", pairs), ("rated outlets with >= 5 articles",
                                                   [p for p in pairs if p[1] >= 5])):
        rho = fit_weights.spearman([p[2] for p in sel], [p[3] for p in sel])
        hi = [p[2] for p in sel if p[3] >= 0.6]
        lo = [p[2] for p in sel if p[3] < 0.4]
        wins = sum((h > l) + 0.5 * (h == l) for h in hi for l in lo)
        auc = wins / (len(hi) * len(lo)) if hi and lo else float("nan")
        print(f"{label} {len(sel)}: Spearman {rho:.3f}; AUC {auc:.3f} (high-rated n={len(hi)}, "
              f"low-rated n={len(lo)}); model iterations {rep['model']['iterations']}")


if __name__ == "__main__":
    main()
