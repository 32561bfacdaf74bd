#!/usr/bin/env python3
"""Translated copies against WMT21 fr<->de (../shared/data/corpora/wmt21_frde_docs.csv).

The documents are split by `source_id` into two halves fixed before any tuning (a hash of the id):
`tune` and `measure`. The chosen half is written with ids, outlets, urls and system names
neutralised (ids become opaque hashes in a shuffled order, outlets and urls are left empty), run
through the binary, and every cross-language pair of its documents is scored: a pair is a true
translation when one side is an original (`role=source`) and the other its reference or machine
translation. Human (reference) and machine translations are reported separately, with the share of
pairs whose `original` is decided and how many of those are right. The listed hard negatives
(`neg_hard`, `neg_hard_mt`, `neg_same_outlet`) of the half are reported too.

Usage: python3 scripts/eval_translations.py [--half tune|measure] [--bin target/release/credence]
       [--show N]  (print N false positives and N misses with their ids)
"""
import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, "..", "shared", "data", "corpora", "wmt21_frde_docs.csv")
PAIRS = os.path.join(ROOT, "..", "shared", "data", "corpora", "wmt21_frde_pairs.csv")


def half_of(source_id):
    return "tune" if hashlib.sha1(source_id.encode()).digest()[0] % 2 == 0 else "measure"


def sid(d):
    """The original a document belongs to (an original's own id)."""
    return d["source_id"] or d["id"]


def opaque(doc_id):
    return "d" + hashlib.sha1(("credence-eval:" + doc_id).encode()).hexdigest()[:12]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", default="tune", choices=["tune", "measure", "all"])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "credence"))
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--dump", help="write every candidate's evidence and label to this CSV")
    ap.add_argument("--debug", action="store_true",
                    help="print the alignment evidence of shown pairs (CREDENCE_DEBUG_TRANSLATED)")
    args = ap.parse_args()
    csv.field_size_limit(1 << 30)
    docs = [d for d in csv.DictReader(open(DOCS, newline="", encoding="utf-8"))
            if args.half == "all" or half_of(sid(d)) == args.half]
    by_opaque = {opaque(d["id"]): d for d in docs}
    tmp = tempfile.mkdtemp()
    inp = os.path.join(tmp, "in.csv")
    with open(inp, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "outlet", "url", "published", "title", "text", "lang"])
        for oid in sorted(by_opaque):
            d = by_opaque[oid]
            w.writerow([oid, "", "", "", d["title"], d["text"], d["lang"]])
    out = os.path.join(tmp, "out.json")
    env = dict(os.environ)
    if args.debug or args.dump:
        env["CREDENCE_DEBUG_TRANSLATED"] = "1"
    run = subprocess.run([args.bin, "score", inp, "--format", "json", "-o", out, "--quiet"],
                         check=True, env=env, stderr=subprocess.PIPE, text=True)
    evidence = {}
    for line in run.stderr.splitlines():
        if line.startswith("TR "):
            _, a, b, ev = line.split(" ", 3)  # ev: "rare=N Evidence {...}"
            evidence[tuple(sorted((a, b)))] = ev
    report = json.load(open(out, encoding="utf-8"))
    found = {}
    for c in report["copies"]:
        if c["relation"] == "translated":
            found[tuple(sorted((c["a"], c["b"])))] = c
    # Every cross-language pair of the half.
    ids = sorted(by_opaque)
    truth = {}
    for i, x in enumerate(ids):
        dx = by_opaque[x]
        for y in ids[i + 1:]:
            dy = by_opaque[y]
            if dx["lang"] == dy["lang"]:
                continue
            pos = sid(dx) == sid(dy) and "source" in (dx["role"], dy["role"])
            if pos:
                other = dy if dx["role"] == "source" else dx
                truth[(x, y)] = "human" if other["role"] == "reference" else "machine"
            else:
                truth[(x, y)] = None
    if args.dump:
        import re
        with open(args.dump, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["a", "b", "label", "evidence"])
            for pair, ev in sorted(evidence.items()):
                w.writerow([by_opaque[pair[0]]["id"], by_opaque[pair[1]]["id"],
                            truth.get(pair) or "no", ev])
    tp = {"human": 0, "machine": 0}
    npos = {"human": 0, "machine": 0}
    decided = {"human": 0, "machine": 0}
    right = {"human": 0, "machine": 0}
    fps, misses = [], []
    for pair, kind in truth.items():
        c = found.get(pair)
        if kind:
            npos[kind] += 1
            if c:
                tp[kind] += 1
                if c.get("original"):
                    decided[kind] += 1
                    if by_opaque[c["original"]]["role"] == "source":
                        right[kind] += 1
            else:
                misses.append(pair)
        elif c:
            fps.append(pair)
    n_found = sum(1 for p in found if p in truth)
    same_lang = len(found) - n_found
    tps = tp["human"] + tp["machine"]
    prec = tps / n_found if n_found else float("nan")
    rec = tps / max(1, npos["human"] + npos["machine"])
    print(f"half {args.half}: {len(docs)} documents, {len(truth)} cross-language pairs, "
          f"{npos['human'] + npos['machine']} translations")
    print(f"reported translated: {n_found} (plus {same_lang} between same-language documents)")
    print(f"precision {prec:.3f}  recall {rec:.3f}  false positives {len(fps)}")
    for k in ("human", "machine"):
        r = tp[k] / npos[k] if npos[k] else float("nan")
        dec = decided[k] / tp[k] if tp[k] else float("nan")
        acc = right[k] / decided[k] if decided[k] else float("nan")
        print(f"  {k:7}: recall {r:.3f} ({tp[k]}/{npos[k]}); original decided {dec:.3f}, "
              f"right {acc:.3f} ({right[k]}/{decided[k]})")
    # Listed hard negatives inside the half.
    listed = {}
    for p in csv.DictReader(open(PAIRS, newline="", encoding="utf-8")):
        if p["relation"] != "not_translated":
            continue
        a, b = opaque(p["a"]), opaque(p["b"])
        if a in by_opaque and b in by_opaque:
            k = p["kind"]
            n, hit = listed.get(k, (0, 0))
            listed[k] = (n + 1, hit + (tuple(sorted((a, b))) in found))
    for k, (n, hit) in sorted(listed.items()):
        print(f"  listed {k}: {hit} of {n} reported translated")
    # The lineage: stories never mix two originals; how many originals end whole in one story.
    members_of = {}
    for st in report["stories"]:
        members_of[st["id"]] = [by_opaque[m] for m in st["members"]]
    mixed = sum(1 for ms in members_of.values() if len({sid(d) for d in ms}) > 1)
    per_original = {}
    for d in docs:
        per_original.setdefault(sid(d), set()).add(opaque(d["id"]))
    whole = 0
    for ms in members_of.values():
        ids_in = {opaque(d["id"]) for d in ms}
        if len({sid(d) for d in ms}) == 1 and ids_in == per_original[sid(ms[0])]:
            whole += 1
    edges = [(a["id"], a["copied_from"]) for a in report["articles"]
             if a.get("copied_from") in by_opaque]
    cross = [(x, p) for x, p in edges if by_opaque[x]["lang"] != by_opaque[p]["lang"]]
    cross_right = sum(1 for x, p in cross if by_opaque[p]["role"] == "source")
    print(f"lineage: {len(members_of)} stories, {mixed} mixing two originals; "
          f"{whole} of {len(per_original)} originals with all their documents in one story; "
          f"{len(cross)} translated copied_from edges, {cross_right} pointing at the original")
    for name, items in (("false positive", fps), ("miss", misses)):
        for x, y in items[: args.show]:
            dx, dy = by_opaque[x], by_opaque[y]
            ev = evidence.get((x, y), "no candidate") if args.debug else ""
            print(f"{name}: {dx['id']} ({dx['lang']}) ~ {dy['id']} ({dy['lang']}) {ev}")


if __name__ == "__main__":
    sys.exit(main())
