#!/usr/bin/env python3
"""The 14 same-event German/French pairs of 20 Minuten / 20 minutes (../shared/data/corpora/
20min_xd_val.tsv), pair by pair: what the engine says about each (translated or not, with the
alignment shares). Markup is stripped to paragraphs; ids and outlets are neutralised.

Usage: python3 scripts/eval_20min.py [--bin target/release/credence]
"""
import argparse
import csv
import json
import os
import re
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TSV = os.path.join(ROOT, "..", "shared", "data", "corpora", "20min_xd_val.tsv")


def plain(markup):
    text = re.sub(r"</p>|<br\s*/?>", "\n\n", markup)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "credence"))
    args = ap.parse_args()
    csv.field_size_limit(1 << 30)
    rows = list(csv.DictReader(open(TSV, newline="", encoding="utf-8"), delimiter="\t"))
    tmp = tempfile.mkdtemp()
    inp = os.path.join(tmp, "in.csv")
    with open(inp, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "title", "text", "lang", "published"])
        for k, r in enumerate(rows):
            for side in ("de", "fr"):
                w.writerow([f"p{k:02d}{side}", r[f"head_{side}"], plain(r[f"content_{side}"]),
                            side, r[f"pubtime_{side}"][:10]])
    out = os.path.join(tmp, "out.json")
    subprocess.run([args.bin, "score", inp, "--format", "json", "-o", out, "--quiet"], check=True)
    rep = json.load(open(out, encoding="utf-8"))
    pairs = {(c["a"], c["b"]): c for c in rep["copies"]}
    n = 0
    for k, r in enumerate(rows):
        c = pairs.get((f"p{k:02d}de", f"p{k:02d}fr"))
        verdict = "not a copy" if c is None else (
            f"{c['relation']} (aligned {c['containment_a']:.2f} / {c['containment_b']:.2f})")
        n += c is not None and c["relation"] == "translated"
        print(f"pair {k:2d}: {r['head_de'][:50]!r} / {r['head_fr'][:50]!r}: {verdict}")
    other = [c for c in rep["copies"] if c["relation"] == "translated"
             and c["a"][:3] != c["b"][:3]]
    print(f"{n} of {len(rows)} pairs reported translated; {len(other)} translations across pairs")


if __name__ == "__main__":
    main()
