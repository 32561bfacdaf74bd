#!/usr/bin/env python3
"""Share of hipe2020 articles with no agency mention at all that the engine still credits to an
agency (a credit, attribution or relay to a news_agency or state_media source), per half.

  python3 scripts/hipe_noagency.py [BINARY] [--show]

The issue's target is <= 3%. Halves as in scripts/agency_halves.py (run it first: it writes
target/halves/). Standard library only.
"""
import csv, json, os, subprocess, sys

csv.field_size_limit(1 << 30)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    binary = args[0] if args else os.path.join(ROOT, "target/release/credence")
    for half in ("tune", "measure"):
        path = os.path.join(ROOT, "target", "halves", f"hipe2020_train.{half}.csv")
        rows = {r["id"]: r for r in csv.DictReader(open(path, newline="", encoding="utf-8"))}
        out = json.loads(subprocess.run([binary, "score", "-q", "--format", "json", path],
                                        capture_output=True, text=True, check=True).stdout)
        kinds = {s["id"]: s["kind"] for s in out["sources"]}
        empty = flagged = 0
        for a in out["articles"]:
            r = rows[a["id"]]
            if (r.get("gold_mentions") or "").strip():
                continue
            empty += 1
            hits = [c for c in a["citations"] if c["kind"] != "mention"
                    and kinds.get(c["source"]) in ("news_agency", "state_media")]
            if hits:
                flagged += 1
                if "--show" in sys.argv:
                    for c in hits:
                        print(f"  {a['id']} {c['source']} {c['kind']} | {c['evidence'][:160]}")
        print(f"{half}: {flagged}/{empty} articles without any agency mention get an agency citation "
              f"({100 * flagged / max(empty, 1):.1f}%)")


if __name__ == "__main__":
    main()
