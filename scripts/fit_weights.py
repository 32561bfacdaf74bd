#!/usr/bin/env python3
"""Fit the article-score weights to public outlet ratings, each outlet left out of its own fit.

Usage (from the repo root, after `cargo build --release`):
    python3 scripts/fit_weights.py            # leave-one-outlet-out figures, hand gains vs fit
    python3 scripts/fit_weights.py --write    # also write the full fit to data/scoring/weights.csv

What it does:
1. Builds one input of every article of the shared corpora whose outlet has a Lin et al. 2023 PC1
   rating (../shared/data/ratings/lin2023_domain_pc1.csv): gj_dev (dhnet.be, lalibre.be),
   FakeNewsCorpus, KCNA 2011 (rated as kcna.kp), Reuters-21578, gnad10k_de (derstandard.at) and the
   original (`source`) rows of WMT21 (never the translations, whose outlet names an MT system).
2. Scores it with `--outlet-priors none` (no outlet's rating enters its own articles) and reads the
   named features of every article (`--format csv --table features`).
3. Fits `mean = 0.5 + sum_k w_k x_k` by ridge regression towards the hand-set gains: each outlet's
   articles together weigh one example whose target is its PC1, so Reuters' 20k articles do not
   outvote a blog's five; `lambda` pulls every weight towards its hand gain.
4. Leave-one-outlet-out: for each outlet, the weights are fitted without it, its articles are
   scored with them (clipped to [0.03, 0.97]) and their mean is its score. Spearman against PC1
   and the AUC between high (PC1 >= 0.6) and low (< 0.4) outlets are reported over outlets with
   at least 5 articles, for the hand gains and for the fit, and within each corpus for every
   feature (its mean per outlet), so a feature that only tells corpora apart shows.

The features' values depend on the weights only through the claims and trust loop, which the fit
ignores (one pass); the engine is then re-run with the written weights by scripts/eval_outlets.py.
"""
import argparse
import csv
import io
import math
import os
import subprocess
import sys
import tempfile

csv.field_size_limit(1 << 30)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data")
BIN = os.environ.get("CREDENCE") or os.path.join(ROOT, "target", "release", "credence")
WEIGHTS = os.path.join(ROOT, "data", "scoring", "weights.csv")
MIRROR = {"kcna.co.jp": "kcna.kp"}
MIN_ARTICLES = 5
LAMBDAS = [0.1, 0.3, 1.0, 3.0, 10.0]


def norm(domain):
    d = domain.lower().removeprefix("www.")
    return MIRROR.get(d, d)


def ratings():
    path = os.path.join(DATA, "ratings", "lin2023_domain_pc1.csv")
    return {norm(r["domain"]): float(r["pc1"]) for r in csv.DictReader(open(path, encoding="utf-8"))}


def rows(pc1):
    """(corpus, row) for every article of a rated outlet."""
    sets = [("gj_dev.csv", None), ("fakenewscorpus_sample.csv", None), ("kcna_2011.csv", None),
            ("reuters21578.csv", None), ("gnad10k_de.csv", None), ("wmt21_frde_docs.csv", "source")]
    for name, role in sets:
        for r in csv.DictReader(open(os.path.join(DATA, "corpora", name), encoding="utf-8")):
            if role and r.get("role") != role:
                continue
            if norm(r.get("outlet", "")) in pc1:
                yield name.removesuffix(".csv"), {k: r.get(k, "") for k in
                                                  ("id", "outlet", "url", "published", "title",
                                                   "text", "lang")}


def features(pc1):
    """Feature names and per-article (corpus, outlet, x) of the rated outlets."""
    corpus_of = {}
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8",
                                     newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "outlet", "url", "published", "title", "text", "lang"])
        w.writeheader()
        seen = set()
        for corpus, r in rows(pc1):
            if r["id"] in seen:
                continue
            seen.add(r["id"])
            corpus_of[r["id"]] = corpus
            w.writerow(r)
        path = f.name
    out = subprocess.run([BIN, "score", path, "--outlet-priors", "none", "--format", "csv",
                          "--table", "features", "--quiet"], capture_output=True, check=True)
    os.unlink(path)
    rd = csv.DictReader(io.StringIO(out.stdout.decode("utf-8")))
    names = rd.fieldnames[4:]
    arts = []
    for r in rd:
        if r["reliability"] == "":
            continue
        arts.append((corpus_of[r["id"]], r["outlet"], [float(r[k]) for k in names],
                     float(r["reliability"])))
    return names, arts


def solve(a, b):
    """Solves a x = b (Gaussian elimination with partial pivoting)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c] != 0:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def stats(by_outlet, pc1):
    """Per outlet: the mean of x x^T, of x (y - 0.5) and of x over its articles (one example each)."""
    out = {}
    for o, xs in by_outlet.items():
        k = len(xs[0])
        y = pc1[norm(o)] - 0.5
        xx = [[0.0] * k for _ in range(k)]
        xy = [0.0] * k
        wt = 1.0 / len(xs)
        for x in xs:
            nz = [i for i in range(k) if x[i] != 0.0]
            for i in nz:
                xy[i] += wt * x[i] * y
                for j in nz:
                    xx[i][j] += wt * x[i] * x[j]
        mean = [sum(x[i] for x in xs) / len(xs) for i in range(k)]
        out[o] = (xx, xy, mean)
    return out


def fit(st, outlets, gains, lam):
    """Ridge towards `gains` over `outlets` (their [`stats`]), each weight keeping its gain's sign:
    a feature's meaning says whether it raises or lowers trust, so a weight the data would flip is
    held at 0 and the others refitted."""
    fixed = {k: gains[k] for k in HELD}
    while True:
        w = fit_free(st, outlets, gains, lam, fixed)
        wrong = [k for k, (x, g) in enumerate(zip(w, gains)) if k not in fixed and x * g < 0]
        if not wrong:
            return w
        fixed[max(wrong, key=lambda k: abs(w[k]))] = 0.0


# Features held at their hand gain, not fitted: those whose association with the ratings inside
# every corpus with at least 3 judged outlets has the sign opposite to their meaning, so that
# what the fit would learn from them is which corpus an outlet comes from (filled in by main).
HELD = set()


def fit_free(st, outlets, gains, lam, fixed):
    """Minimises sum_o mean_a (0.5 + w.x_a - y_o)^2 + lam |w - gains|^2, the weights in `fixed`
    (index -> value) held at their values."""
    k = len(gains)
    a = [[lam if i == j else 0.0 for j in range(k)] for i in range(k)]
    b = [lam * g for g in gains]
    for o in outlets:
        xx, xy, _ = st[o]
        for i in range(k):
            b[i] += xy[i]
            for j in range(k):
                a[i][j] += xx[i][j]
    for i, v in fixed.items():
        for r in range(k):
            if r != i:
                b[r] -= a[r][i] * v
                a[r][i] = 0.0
        a[i] = [1.0 if j == i else 0.0 for j in range(k)]
        b[i] = v
    return solve(a, b)


def choose_lambda(st, outlets, gains, pc1):
    """The lambda of LAMBDAS whose leave-one-outlet-out squared error over `outlets` is least."""
    best = None
    for lam in LAMBDAS:
        err = 0.0
        for o in outlets:
            w = fit(st, [p for p in outlets if p != o], gains, lam)
            err += (st_score(st, o, w) - (pc1[norm(o)] - 0.5)) ** 2
        if best is None or err < best[0]:
            best = (err, lam)
    return best[1]


def st_score(st, o, w):
    """An outlet's mean linear score minus 0.5 (unclipped), for choosing lambda."""
    return sum(wi * mi for wi, mi in zip(w, st[o][2]))


def outlet_score(xs, w):
    return sum(min(0.97, max(0.03, 0.5 + sum(wi * xi for wi, xi in zip(w, x)))) for x in xs) / len(xs)


def ranks(xs):
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for t in range(i, j + 1):
            r[order[t]] = (i + j) / 2 + 1
        i = j + 1
    return r


def spearman(a, b):
    if len(a) < 3:
        return float("nan")
    ra, rb = ranks(a), ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = math.sqrt(sum((x - ma) ** 2 for x in ra))
    vb = math.sqrt(sum((y - mb) ** 2 for y in rb))
    return cov / (va * vb) if va and vb else float("nan")


def auc(scores, truth):
    hi = [s for s, t in zip(scores, truth) if t >= 0.6]
    lo = [s for s, t in zip(scores, truth) if t < 0.4]
    if not hi or not lo:
        return float("nan")
    return sum((h > l) + 0.5 * (h == l) for h in hi for l in lo) / (len(hi) * len(lo))


def within_corpus(names, by_outlet, corpus, judged, pc1):
    """Per feature: (corpus, Spearman of the outlets' mean feature with PC1, outlets) inside each
    corpus with at least 3 judged outlets."""
    out = []
    for k in range(len(names)):
        rows_ = []
        for c in sorted(set(corpus.values())):
            os_ = [o for o in judged if corpus[o] == c]
            if len(os_) >= 3:
                m = [sum(x[k] for x in by_outlet[o]) / len(by_outlet[o]) for o in os_]
                rows_.append((c, spearman(m, [pc1[norm(o)] for o in os_]), len(os_)))
        out.append(rows_)
    return out


def read_gains():
    rows_ = list(csv.DictReader(open(WEIGHTS, encoding="utf-8")))
    return rows_, {r["feature"]: float(r["hand_gain"]) for r in rows_}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true", help="write the full fit to data/scoring/weights.csv")
    ap.add_argument("--lambda", dest="lam", type=float, default=None,
                    help="fix lambda instead of choosing it by an inner leave-one-outlet-out")
    args = ap.parse_args()
    pc1 = ratings()
    names, arts = features(pc1)
    table, gains_by = read_gains()
    gains = [gains_by[n] for n in names]
    by_outlet, corpus = {}, {}
    for c, o, x, _ in arts:
        by_outlet.setdefault(o, []).append(x)
        corpus.setdefault(o, c)
    judged = sorted(o for o, xs in by_outlet.items() if len(xs) >= MIN_ARTICLES)
    st = stats(by_outlet, pc1)
    within = within_corpus(names, by_outlet, corpus, judged, pc1)
    for k, g in enumerate(gains):
        signs = [r for _, r, _ in within[k] if not math.isnan(r)]
        if g != 0 and signs and all(r * g < 0 for r in signs):
            HELD.add(k)
    truth = [pc1[norm(o)] for o in judged]
    hand = [outlet_score(by_outlet[o], gains) for o in judged]
    loo, lams = [], []
    for o in judged:
        rest = [p for p in sorted(by_outlet) if p != o]
        # Lambda chosen without the outlet too (nested): it never sees its own rating.
        lam = args.lam if args.lam is not None else choose_lambda(st, rest, gains, pc1)
        lams.append(lam)
        loo.append(outlet_score(by_outlet[o], fit(st, rest, gains, lam)))
    lam_all = args.lam if args.lam is not None else choose_lambda(st, sorted(by_outlet), gains, pc1)
    full = fit(st, sorted(by_outlet), gains, lam_all)
    print(f"{len(arts)} articles of {len(by_outlet)} rated outlets; judged: {len(judged)} outlets "
          f"with >= {MIN_ARTICLES} articles (high-rated {sum(t >= 0.6 for t in truth)}, "
          f"low-rated {sum(t < 0.4 for t in truth)}); lambda of the full fit {lam_all}, "
          f"of the folds {sorted(set(lams))}")
    print()
    print("| outlet | corpus | articles | PC1 | hand gains | fit, outlet left out |")
    print("|---|---|---:|---:|---:|---:|")
    for o, t, h, l in sorted(zip(judged, truth, hand, loo), key=lambda z: -z[1]):
        print(f"| {o} | {corpus[o]} | {len(by_outlet[o])} | {t:.3f} | {h:.3f} | {l:.3f} |")
    print()
    print(f"hand gains:               Spearman {spearman(hand, truth):.3f}  AUC {auc(hand, truth):.3f}")
    print(f"fit, each outlet left out: Spearman {spearman(loo, truth):.3f}  AUC {auc(loo, truth):.3f}")
    print()
    print("| feature | hand gain | weight (all outlets) | Spearman of the outlet mean with PC1, "
          "within each corpus with 3 or more judged outlets |")
    print("|---|---:|---:|---|")
    for k, n in enumerate(names):
        w = "; ".join(f"{c} {r:+.2f} (n={m})" for c, r, m in within[k]) or "-"
        held = " (held: the sign inside corpora is the opposite)" if k in HELD else ""
        print(f"| {n} | {gains[k]:+.3f} | {full[k]:+.3f}{held} | {w} |")
    if args.write:
        fitted = dict(zip(names, full))
        with open(WEIGHTS, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["feature", "weight", "hand_gain", "meaning"])
            for r in table:
                w.writerow([r["feature"], f"{fitted[r['feature']]:.4f}", r["hand_gain"], r["meaning"]])
        print(f"\nwrote {os.path.relpath(WEIGHTS, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
