#!/usr/bin/env bash
# Linear-time benchmark (text-view issue, item 3): one field of MB megabytes made of a repeated
# sourced sentence against the same bytes split into 2 KB articles. The whole pipeline, JSON output,
# 2 threads; the ratio of the two wall times should stay near 1 (target ≤ 3).
# Usage: bash scripts/bench_linear.sh [MB ...]   (default: 1 4 20)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet --bin credence
dir=target/bench-corpora; mkdir -p "$dir"
sizes=("$@"); [ $# -eq 0 ] && sizes=(1 4 20)
echo "| MB | one field s | 2 KB articles s | ratio | one field peak RSS MB |"
echo "|---:|---:|---:|---:|---:|"
for mb in "${sizes[@]}"; do
  python3 - "$mb" "$dir" <<'PY'
import csv, sys
mb, d = int(sys.argv[1]), sys.argv[2]
s = "Selon l'AFP, les manifestants étaient 300 à Marseille samedi, a indiqué la préfecture. "
t = s * (mb * 1024 * 1024 // len(s.encode()))
with open(f"{d}/linear_one_{mb}.csv", "w", newline="") as f:
    w = csv.writer(f); w.writerow(["id", "outlet", "text"]); w.writerow(["one", "x.fr", t])
per = max(1, 2048 // len(s.encode()))
with open(f"{d}/linear_split_{mb}.csv", "w", newline="") as f:
    w = csv.writer(f); w.writerow(["id", "outlet", "text"])
    for i in range(len(t) // (per * len(s))):
        w.writerow([f"s{i:07d}", f"o{i % 50}.fr", s * per])
PY
  run() { /usr/bin/time -f "%e %M" target/release/credence score "$1" --threads 2 --quiet --format json -o "$dir/linear.json" 2>&1 | tail -1; }
  read -r one rss < <(run "$dir/linear_one_$mb.csv")
  read -r split _ < <(run "$dir/linear_split_$mb.csv")
  python3 -c "print(f'| $mb | $one | $split | {$one/max($split,0.01):.2f} | {$rss/1024:.0f} |')"
done
