#!/usr/bin/env python3
"""Citations that change between two builds of the engine on one corpus.

  python3 scripts/citation_diff.py OLD_BINARY NEW_BINARY FILE.csv [--all] [--limit N]

Runs both binaries (`score --format json`), keys each citation by (article, start, source) and
prints every citation whose kind appears, disappears or changes, with its evidence, then a count
per change. Agencies only (news_agency, state_media) unless --all. A review aid for rule changes:
read every change before landing a rule. Standard library only.
"""
import collections, json, subprocess, sys


def load(binary, path):
    out = subprocess.run([binary, "score", "-q", "--format", "json", path],
                         capture_output=True, text=True, check=True).stdout
    d = json.loads(out)
    kinds = {s["id"]: s.get("kind") for s in d.get("sources", [])}
    cits = {}
    for a in d["articles"]:
        for c in a["citations"]:
            cits[(a["id"], c["field"], c["start"], c["source"])] = (c["kind"], c["evidence"])
    return cits, kinds


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 10**9
    if "--limit" in sys.argv:
        args.remove(str(limit))
    old_bin, new_bin, path = args[:3]
    old, kinds = load(old_bin, path)
    new, kinds2 = load(new_bin, path)
    kinds.update(kinds2)
    agencies = {"news_agency", "state_media"}
    counts = collections.Counter()
    shown = 0
    for k in sorted(set(old) | set(new)):
        a, b = old.get(k, (None, ""))[0], new.get(k, (None, ""))[0]
        if a == b or ("--all" not in sys.argv and kinds.get(k[3]) not in agencies):
            continue
        counts[(a, b)] += 1
        if shown < limit:
            ev = (new.get(k) or old.get(k))[1].replace("\n", " ")[:220]
            print(f"{a} -> {b}  {k[0]} {k[3]} @{k[2]} | {ev}")
            shown += 1
    for (a, b), n in sorted(counts.items(), key=lambda x: -x[1]):
        print(f"# {a} -> {b}: {n}")


if __name__ == "__main__":
    main()
