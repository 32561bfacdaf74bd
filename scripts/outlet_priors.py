#!/usr/bin/env python3
"""Build data/outlet_priors.csv from the public ratings in ../shared/data/ratings/.

Usage (from the repo root):  python3 scripts/outlet_priors.py [--check]

Every domain of Lin et al. 2023's aggregate quality score (lin2023_domain_pc1.csv, 0..1) becomes an outlet prior
with `prior_source` naming the rating. Mirrors that publish under another domain than the rated one are added
with the rated domain's value (MIRRORS below). Sorted by domain; deterministic. --check exits 1 when the committed
file differs.
"""
import csv
import io
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIN = os.path.join(ROOT, "..", "shared", "data", "ratings", "lin2023_domain_pc1.csv")
OUT = os.path.join(ROOT, "data", "outlet_priors.csv")
# Official mirrors rated under their main domain.
MIRRORS = {"kcna.co.jp": "kcna.kp"}


def main():
    rows = {}
    for r in csv.DictReader(open(LIN, encoding="utf-8")):
        d = r["domain"].strip().lower()
        if d.startswith("www."):
            d = d[4:]
        if d and d not in rows:
            rows[d] = (float(r["pc1"]), f"lin2023_pc1:{r['domain'].strip().lower()}")
    for mirror, rated in MIRRORS.items():
        if rated in rows and mirror not in rows:
            rows[mirror] = (rows[rated][0], f"lin2023_pc1:{rated} (mirror)")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["domain", "prior_mean", "prior_source"])
    for d in sorted(rows):
        w.writerow([d, f"{rows[d][0]:.4f}", rows[d][1]])
    text = buf.getvalue()
    if "--check" in sys.argv:
        same = os.path.exists(OUT) and open(OUT, encoding="utf-8").read() == text
        print("outlet priors are up to date" if same else "outlet priors are stale: run python3 scripts/outlet_priors.py")
        sys.exit(0 if same else 1)
    open(OUT, "w", encoding="utf-8").write(text)
    print(f"{len(rows)} outlet priors written to data/outlet_priors.csv")


if __name__ == "__main__":
    main()
