#!/usr/bin/env bash
# One dispatch re-run by N outlets (each with its own lead, some trimmed, half crediting AFP): the
# copy stage must list at most N·K pairs and take time linear in N.
#   bash scripts/bench_story.sh [N...]          (default: 10000 20000 40000)
# Prints N, listed pairs, pairs/N, seconds and seconds per 1k articles, with K = --max-partners.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(10000 20000 40000)
credence=${CREDENCE:-target/release/credence}
k=${K:-50}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "| copies | K | listed pairs | pairs / copy | lineages | seconds | s per 1k |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  python3 - "$n" > "$tmp/story.csv" <<'PY'
import csv, random, sys
n = int(sys.argv[1])
rng = random.Random(20261201)
vocab = [f"w{i:x}" for i in range(40000)]
def sentence():
    words = [rng.choice(vocab) for _ in range(14)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."
dispatch = [sentence() for _ in range(14)]
w = csv.writer(sys.stdout)
w.writerow(["id", "outlet", "text"])
for k in range(n):
    keep = 14 - (k % 4)
    credit = " (AFP)" if k % 2 == 0 else ""
    w.writerow([f"s{k:07d}", f"outlet{k % 500:03d}.example", sentence() + " " + " ".join(dispatch[:keep]) + credit])
PY
  start=$(date +%s.%N)
  "$credence" score "$tmp/story.csv" --format json --max-partners "$k" --quiet -o "$tmp/out.json"
  end=$(date +%s.%N)
  python3 - "$tmp/out.json" "$n" "$k" "$start" "$end" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); n = int(sys.argv[2]); k = int(sys.argv[3])
s = float(sys.argv[5]) - float(sys.argv[4])
p = len(r["copies"])
assert p <= n * k, (p, n * k)
print(f"| {n:,} | {k} | {p:,} | {p / n:.1f} | {len(r['stories'])} | {s:.1f} | {1000 * s / n:.2f} |")
PY
done
