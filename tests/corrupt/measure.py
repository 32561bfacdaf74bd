#!/usr/bin/env python3
"""Score corrupt.py output with the engine and report garble-detector recall.

    python3 tests/corrupt/measure.py BINARY CSV TRUTH [--json OUT.json] [--misses N] [--mode combined|rotate|split]

Runs `BINARY score CSV --format json -o TMP.json --quiet`, then for every
corrupted row of TRUTH (id,orig_id,kind,lang,start,end[,form]; byte offsets):

  recall   the row has a NEW flag (any kind, field `text`) overlapping the
           inserted span [start,end).  A flag is new unless the original row has
           a flag of the same kind at the same place, original offsets after the
           insertion point being shifted by the inserted length;
  kind     the same, but the new overlapping flag has the corruption's own kind;
  garble   the row's `garble` is higher than its original's.

Prints one table per measure (kind x language, with row/column totals) and,
with --json, writes every number plus the per-row outcome.

--mode rotate / split score the versions in several engine runs so that no run
holds two versions of the same article (the engine uses cross-article evidence:
text shared by many articles of one outlet is treated differently, and the
combined file holds every article nine times).  rotate keeps kinds mixed in
every run, like a real corpus; split puts the originals and each kind apart.
Standard library only.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

csv.field_size_limit(1 << 30)
LANG_ORDER = ["fr", "en", "es", "de"]
FIELDS = ["id", "outlet", "url", "published", "title", "text", "lang"]


def run_engine(binary, csv_path, workdir, tag):
    """Score one CSV; returns {id: article} from the JSON report."""
    out = os.path.join(workdir, f"{tag}.json")
    cmd = [binary, "score", csv_path, "--format", "json", "-o", out, "--quiet"]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"measure.py: {' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    with open(out, encoding="utf-8") as f:
        report = json.load(f)
    return {a["id"]: a for a in report["articles"]}


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def score_all(binary, csv_path, rows, mode, workdir):
    """Engine reports for every row, {id: article}, scored according to `mode`.

    combined  one run over the whole CSV (every article present in all its versions);
    rotate    as many runs as an article has versions; run j holds version (i + j) mod V
              of article i, so each run has every article exactly once, kinds mixed;
    split     one run for the originals and one per kind.
    """
    if mode == "combined":
        return run_engine(binary, csv_path, workdir, "all")
    versions = defaultdict(list)                 # orig id -> [original, copy, copy, ...]
    for r in rows:
        versions[r["id"].split("~", 1)[0]].append(r)
    groups = defaultdict(list)
    if mode == "split":
        for r in rows:
            groups[r["id"].split("~", 1)[1] if "~" in r["id"] else "_orig"].append(r)
    else:
        width = max(len(v) for v in versions.values())
        for i, vs in enumerate(versions.values()):
            for j in range(width):
                if j < len(vs):
                    groups[f"rot{(j - i) % width:02d}"].append(vs[j])
    arts = {}
    for tag, grp in sorted(groups.items()):
        p = os.path.join(workdir, f"{tag}.csv")
        write_csv(p, grp)
        arts.update(run_engine(binary, p, workdir, tag))
    return arts


def text_flags(article):
    return [f for f in article.get("flags") or [] if f.get("field") == "text"]


def insertion_point(orig, new, span_start):
    """A valid insertion point (bytes) of new = orig[:x] + inserted + orig[x:], closest to the span."""
    n = min(len(orig), len(new))
    cp = 0
    while cp < n and orig[cp] == new[cp]:
        cp += 1
    return min(cp, span_start)


def judge(truth, orig_art, corr_art, orig_text, new_text):
    s, e = int(truth["start"]), int(truth["end"])
    ob, nb = orig_text.encode("utf-8"), new_text.encode("utf-8")
    shift = len(nb) - len(ob)
    ins = insertion_point(ob, nb, s)

    def moved(x, is_end):
        return x + shift if (x > ins if is_end else x >= ins) else x

    old = {(f["kind"], moved(f["start"], False), moved(f["end"], True)) for f in text_flags(orig_art)}
    new = [f for f in text_flags(corr_art) if (f["kind"], f["start"], f["end"]) not in old]
    over = [f for f in new if f["start"] < e and f["end"] > s]
    g0, g1 = orig_art.get("garble") or 0.0, corr_art.get("garble") or 0.0
    return {
        "id": truth["id"], "kind": truth["kind"], "lang": truth["lang"], "form": truth.get("form", ""),
        "hit": bool(over), "kind_hit": any(f["kind"] == truth["kind"] for f in over),
        "garble_up": g1 > g0, "garble_orig": g0, "garble_corr": g1,
        "new_elsewhere": len(new) - len(over),
        "flagged_as": sorted({f["kind"] for f in over}),
        "span": nb[s:e].decode("utf-8", "replace"),
    }


def pct(xs):
    return 100.0 * sum(xs) / len(xs) if xs else None


def table(results, key, kinds, langs):
    """{(kind|'all', lang|'all'): (percent, n)}"""
    cells = {}
    for k in kinds + ["all"]:
        for lg in langs + ["all"]:
            xs = [r[key] for r in results if (k == "all" or r["kind"] == k) and (lg == "all" or r["lang"] == lg)]
            cells[(k, lg)] = (pct(xs), len(xs))
    return cells


def print_table(title, cells, kinds, langs):
    print(title)
    head = f"{'kind':<20}" + "".join(f"{lg:>8}" for lg in langs) + f"{'all':>8}"
    print(head)
    print("-" * len(head))
    for k in kinds + ["all"]:
        if k == "all":
            print("-" * len(head))
        row = f"{k:<20}"
        for lg in langs + ["all"]:
            p, n = cells[(k, lg)]
            row += f"{'-' if p is None else f'{p:.1f}':>8}"
        print(row)
    print()


def main(argv=None):
    ap = argparse.ArgumentParser(description="Garble-detector recall on corrupt.py output.")
    ap.add_argument("binary", help="credence binary, e.g. target/release/credence")
    ap.add_argument("csv", help="CSV written by corrupt.py --out")
    ap.add_argument("truth", help="truth CSV written by corrupt.py --truth")
    ap.add_argument("--json", help="write all numbers and per-row outcomes here")
    ap.add_argument("--forms", action="store_true", help="also print recall per corruption form")
    ap.add_argument("--misses", type=int, default=0, metavar="N", help="print up to N missed spans per kind")
    ap.add_argument("--mode", choices=["combined", "rotate", "split"], default="combined",
                    help="combined: one engine run over CSV (default); rotate: each run holds every article "
                         "once, versions rotated; split: originals and each kind in separate runs")
    ap.add_argument("--workdir", help="keep the engine's JSON here (default: a temporary directory)")
    args = ap.parse_args(argv)

    rows = read_csv(args.csv)
    texts = {r["id"]: r["text"] for r in rows}
    truth = read_csv(args.truth)
    with tempfile.TemporaryDirectory(prefix="credence-corrupt-") as tmp:
        workdir = args.workdir or tmp
        os.makedirs(workdir, exist_ok=True)
        arts = score_all(args.binary, args.csv, rows, args.mode, workdir)

    results, missing = [], []
    for t in truth:
        if t["id"] not in arts or t["orig_id"] not in arts:
            missing.append(t["id"])
            continue
        results.append(judge(t, arts[t["orig_id"]], arts[t["id"]], texts[t["orig_id"]], texts[t["id"]]))
    if missing:
        print(f"measure.py: {len(missing)} truth rows missing from the engine's report "
              f"(e.g. {missing[0]})", file=sys.stderr)
    if not results:
        sys.exit("measure.py: nothing to measure")

    kinds = list(dict.fromkeys(t["kind"] for t in truth))
    present = {r["lang"] for r in results}
    langs = [lg for lg in LANG_ORDER if lg in present] + sorted(present - set(LANG_ORDER))

    origs = sorted({t["orig_id"] for t in truth if t["orig_id"] in arts})
    n_per = defaultdict(int)
    for r in results:
        n_per[r["lang"]] += 1
    print(f"corrupted rows: {len(results)} ("
          + ", ".join(f"{lg} {n_per[lg]}" for lg in langs) + f"); originals: {len(origs)}"
          + f"; engine runs: {args.mode}")
    flagged = [bool(text_flags(arts[o])) for o in origs]
    print(f"originals with any text flag: {pct(flagged):.1f}%; mean original garble: "
          f"{sum((arts[o].get('garble') or 0.0) for o in origs) / len(origs):.3f}")
    cell_n = min(n for (k, lg), (p, n) in table(results, "hit", kinds, langs).items() if k != "all" and lg != "all")
    print(f"each kind x language cell holds >= {cell_n} rows: sampling error there is up to "
          f"+/-{196 * (0.25 / cell_n) ** 0.5:.0f} points (95%); read the all row/column first")
    print()

    measures = [("hit", "recall: % of corrupted rows with a new text flag overlapping the inserted span"),
                ("kind_hit", "kind recall: % with a new overlapping flag of the corruption's own kind"),
                ("garble_up", "garble up: % of corrupted rows whose garble exceeds their original's")]
    out = {"binary": args.binary, "csv": args.csv, "truth": args.truth, "mode": args.mode,
           "rows": len(results), "missing": missing, "tables": {}}
    for key, title in measures:
        cells = table(results, key, kinds, langs)
        print_table(title, cells, kinds, langs)
        out["tables"][key] = {f"{k}/{lg}": {"pct": p, "n": n} for (k, lg), (p, n) in cells.items()}

    if args.forms:
        print("recall by form (all languages): hits / rows")
        by = defaultdict(lambda: [0, 0])
        for r in results:
            by[(r["kind"], r["form"])][0] += r["hit"]
            by[(r["kind"], r["form"])][1] += 1
        for (k, form), (h, n) in sorted(by.items(), key=lambda kv: (kinds.index(kv[0][0]), kv[0][1])):
            print(f"  {k:<20}{form:<20}{h:>4} / {n:<4} {100.0 * h / n:5.1f}%")
        print()

    if args.misses:
        print(f"missed spans (up to {args.misses} per kind):")
        for k in kinds:
            shown = [r for r in results if r["kind"] == k and not r["hit"]][:args.misses]
            for r in shown:
                span = r["span"].replace("\n", "\\n")
                print(f"  {k:<19} {r['lang']} {r['form']:<18} {span[:110]}")
        print()

    if args.json:
        out["results"] = results
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
