#!/usr/bin/env python3
"""Agency credits on the tune and measure halves of the shared labelled sets.

  python3 scripts/agency_halves.py [BINARY] [--show N]

Each labelled file (impresso_dev, hipe2020_train, gnad10k_de) is split by a hash of the article id
(sha1, first byte even = `tune`, odd = `measure`), fixed before any rule was written: rules are
tuned on the `tune` half only and the `measure` half is only measured. The halves are written to
target/halves/ and scored with ../shared/tools/agency_eval.py. Standard library only.
"""
import csv, hashlib, os, subprocess, sys

csv.field_size_limit(1 << 30)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
FILES = ["impresso_dev", "hipe2020_train", "gnad10k_de"]


def half(article_id):
    return "tune" if hashlib.sha1(article_id.encode()).digest()[0] % 2 == 0 else "measure"


def main():
    args = sys.argv[1:]
    binary = args[0] if args and not args[0].startswith("--") else os.path.join(ROOT, "target/release/credence")
    show = args[args.index("--show") + 1] if "--show" in args else "0"
    only = args[args.index("--half") + 1] if "--half" in args else None
    out_dir = os.path.join(ROOT, "target", "halves")
    os.makedirs(out_dir, exist_ok=True)
    for name in FILES:
        src = os.path.join(SHARED, "data", "corpora", name + ".csv")
        with open(src, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            rows = list(reader)
            fields = reader.fieldnames
        for h in ("tune", "measure"):
            if only and h != only:
                continue
            path = os.path.join(out_dir, f"{name}.{h}.csv")
            with open(path, "w", newline="", encoding="utf-8") as f:
                w = csv.DictWriter(f, fieldnames=fields)
                w.writeheader()
                w.writerows(r for r in rows if half(r["id"]) == h)
            res = subprocess.run(
                [sys.executable, os.path.join(SHARED, "tools", "agency_eval.py"), binary, path, "--show", show],
                capture_output=True, text=True)
            print(f"## {name} — {h} half")
            print(res.stdout.rstrip() or res.stderr.rstrip())


if __name__ == "__main__":
    main()
