#!/usr/bin/env python3
"""Fill the prior columns of data/sources.csv from public domain-quality ratings.

Usage (from the repository root):

    python3 scripts/registry_priors.py [--ratings DIR] [--registry FILE] [--check]

Reads the registry (default `data/sources.csv`) and rewrites only the three columns
`prior_mean`, `prior_strength` and `prior_source`; every other cell and the row order are
kept byte for byte. The prior of a source is a Beta(alpha, beta) with mean `prior_mean` and
`alpha + beta = prior_strength`, taken from the first rule that applies:

1. One of the source's `domains` is rated in `lin2023_domain_pc1.csv` (Lin et al. 2023,
   aggregate PC1 in 0..1): mean = clamp(pc1, 0.02, 0.98), strength 20,
   source `lin2023_pc1:<domain>`. The first listed domain that is rated is used.
2. Else one of the domains is in `idiap_mbfc.csv` (Media Bias/Fact Check records collected
   by idiap/News-Media-Reliability): `factual_reporting` is mapped
   very high 0.92, high 0.82, mostly factual 0.68, mixed 0.5, low 0.28, very low 0.12;
   strength 12; source `mbfc_factual:<value>:<domain>`.
3. Else a default for the kind, with a weak strength; source `default:<kind>`.

Domains are compared in lower case. When a rating file lists a domain more than once, the
first record in file order is used; a `www.` record is used only when the bare domain has
none (lin2023 rates both www.xinhuanet.com and xinhuanet.com: the bare one is used).

The ratings directory defaults to `../shared/data/ratings` relative to the repository root.
Standard library only; the output is deterministic (same inputs, same bytes).
With `--check` nothing is written: exit status 1 if the file would change.
"""
import argparse
import csv
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_REGISTRY = os.path.join(ROOT, "data", "sources.csv")
DEFAULT_RATINGS = os.path.join(ROOT, "..", "shared", "data", "ratings")

HEADER = ["id", "name", "kind", "country", "languages", "domains", "aliases",
          "prior_mean", "prior_strength", "prior_source"]

LIN_FILE = "lin2023_domain_pc1.csv"
LIN_STRENGTH = 20
LIN_CLAMP = (0.02, 0.98)

MBFC_FILE = "idiap_mbfc.csv"
MBFC_STRENGTH = 12
MBFC_FACTUAL = {
    "very high": 0.92,
    "high": 0.82,
    "mostly factual": 0.68,
    "mixed": 0.5,
    "low": 0.28,
    "very low": 0.12,
}

KIND_DEFAULTS = {  # kind -> (mean, strength)
    "news_agency": (0.75, 4),
    "state_media": (0.35, 4),
    "intelligence": (0.6, 3),
    "government": (0.6, 3),
    "outlet": (0.6, 3),
    "other": (0.5, 2),
}


def norm_domain(d):
    d = d.strip().lower()
    if d.startswith("www."):
        d = d[4:]
    return d


def index_by_domain(pairs):
    """Map domain -> value from (raw domain, value) pairs, first record winning.

    An exact domain always beats a `www.` spelling of it: `www.x.com` only stands in for
    `x.com` when the file has no record for `x.com` itself.
    """
    exact, www = {}, {}
    for raw, value in pairs:
        dom = raw.strip().lower()
        if not dom:
            continue
        if dom.startswith("www."):
            www.setdefault(dom[4:], value)
        exact.setdefault(dom, value)
    for dom, value in www.items():
        exact.setdefault(dom, value)
    return exact


def load_lin(path):
    with open(path, encoding="utf-8", newline="") as f:
        return index_by_domain((row["domain"], float(row["pc1"]))
                               for row in csv.DictReader(f) if row["pc1"].strip())


def load_mbfc(path):
    with open(path, encoding="utf-8", newline="") as f:
        return index_by_domain((row["source"], row["factual_reporting"].strip().lower())
                               for row in csv.DictReader(f)
                               if row["factual_reporting"].strip().lower() in MBFC_FACTUAL)


def fmt(x):
    """Fixed 4-decimal rendering, so the file does not depend on float repr."""
    return f"{x:.4f}"


def prior_for(row, lin, mbfc):
    domains = [norm_domain(d) for d in row["domains"].split("|") if d.strip()]
    for d in domains:
        if d in lin:
            lo, hi = LIN_CLAMP
            mean = min(max(lin[d], lo), hi)
            return "lin", fmt(mean), str(LIN_STRENGTH), f"lin2023_pc1:{d}"
    for d in domains:
        if d in mbfc:
            val = mbfc[d]
            return "mbfc", fmt(MBFC_FACTUAL[val]), str(MBFC_STRENGTH), f"mbfc_factual:{val}:{d}"
    kind = row["kind"]
    if kind not in KIND_DEFAULTS:
        sys.exit(f"{row['id']}: unknown kind {kind!r}")
    mean, strength = KIND_DEFAULTS[kind]
    return "default", fmt(mean), str(strength), f"default:{kind}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--registry", default=DEFAULT_REGISTRY)
    ap.add_argument("--ratings", default=DEFAULT_RATINGS)
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the file would change")
    args = ap.parse_args()

    lin = load_lin(os.path.join(args.ratings, LIN_FILE))
    mbfc = load_mbfc(os.path.join(args.ratings, MBFC_FILE))

    with open(args.registry, encoding="utf-8", newline="") as f:
        original = f.read()
    reader = csv.DictReader(io.StringIO(original, newline=""))
    if reader.fieldnames != HEADER:
        sys.exit(f"unexpected header {reader.fieldnames}; want {HEADER}")
    rows = list(reader)

    counts = {"lin": 0, "mbfc": 0, "default": 0}
    by_kind = {}
    for row in rows:
        rule, mean, strength, source = prior_for(row, lin, mbfc)
        row["prior_mean"], row["prior_strength"], row["prior_source"] = mean, strength, source
        counts[rule] += 1
        by_kind.setdefault(row["kind"], {"lin": 0, "mbfc": 0, "default": 0})[rule] += 1

    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=HEADER, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    new = buf.getvalue()

    print(f"{len(rows)} sources: {counts['lin']} from {LIN_FILE}, "
          f"{counts['mbfc']} from {MBFC_FILE}, {counts['default']} kind defaults")
    for kind in sorted(by_kind):
        c = by_kind[kind]
        print(f"  {kind:<13} lin {c['lin']:>3}  mbfc {c['mbfc']:>3}  default {c['default']:>3}")

    if args.check:
        if new != original:
            print("registry priors are out of date: run python3 scripts/registry_priors.py")
            sys.exit(1)
        print("registry priors are up to date")
        return
    if new != original:
        with open(args.registry, "w", encoding="utf-8", newline="") as f:
            f.write(new)
        print(f"wrote {os.path.relpath(args.registry)}")
    else:
        print("no change")


if __name__ == "__main__":
    main()
