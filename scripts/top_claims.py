#!/usr/bin/env python3
"""The most supported claim groups of a corpus, and the trust of chosen sources.

  python3 scripts/top_claims.py FILE [BINARY ...] [--top N] [--sources ID,ID] [--no-priors]

For each binary (default target/release/credence), runs `score FILE --format json` and prints the
number of claim groups, the top N groups by support (independent voices) as "value unit (support)",
and the reliability of the listed sources. Standard library only.
"""
import json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    args = sys.argv[1:]
    opt = {}
    for flag in ("--top", "--sources"):
        if flag in args:
            k = args.index(flag)
            opt[flag] = args[k + 1]
            del args[k:k + 2]
    no_priors = "--no-priors" in args
    args = [a for a in args if a != "--no-priors"]
    path, binaries = args[0], args[1:] or [os.path.join(ROOT, "target/release/credence")]
    top = int(opt.get("--top", 20))
    wanted = [s for s in opt.get("--sources", "").split(",") if s]
    for b in binaries:
        cmd = [b, "score", path, "--format", "json", "--quiet"] + (["--outlet-priors", "none"] if no_priors else [])
        d = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
        groups = sorted(d["claims"], key=lambda c: (-c["support"], -len(c["articles"]), c["unit"], c["value"]))
        print(f"{b}: {len(groups)} groups")
        print("  " + " | ".join(f"{c['value']:g} {c['unit']} ({c['support']})" for c in groups[:top]))
        for s in d["sources"]:
            if s["id"] in wanted:
                r = s["reliability"]
                print(f"  source {s['id']}: {r['mean']:.4f} [{r['low']:.3f}–{r['high']:.3f}], cited by {s['cited_by']}")


if __name__ == "__main__":
    main()
