#!/usr/bin/env bash
# Scale benchmark: for each size, the whole credence pipeline against `wc -w` (the read floor) and against
# Python datasketch MinHashLSH doing copy detection alone, on the same generated file, in the same run.
# Usage: bash scripts/bench_scale.sh [N ...]   (default: 10000 100000)
# Writes target/bench-scale.md (a Markdown table) and prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000}")
[ $# -eq 0 ] && sizes=(10000 100000)
cargo build --release --locked --quiet --bin credence --example gen_corpus
python3 -c "import datasketch" 2>/dev/null || pip install --quiet datasketch
mkdir -p target/bench-corpora
out=target/bench-scale.md
echo "| articles | MB | wc -w s | credence s | ×wc | articles/s | MB/s | peak RSS MB | KB/article | recall | datasketch s | datasketch recall | ×faster |" > "$out"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" >> "$out"
for n in "${sizes[@]}"; do
  f="target/bench-corpora/gen$n.csv"
  [ -f "$f" ] || ./target/release/examples/gen_corpus "$n" "$f"
  mb=$(python3 -c "import os;print(f'{os.path.getsize(\"$f\")/1e6:.1f}')")
  t0=$(date +%s.%N); wc -w "$f" >/dev/null; t1=$(date +%s.%N)
  wc_s=$(python3 -c "print(f'{$t1-$t0:.3f}')")
  /usr/bin/time -v ./target/release/credence score "$f" --quiet --format csv --table copies -o target/bench-corpora/copies$n.csv 2> target/bench-corpora/time$n.txt
  wall=$(python3 - "$n" <<'PY'
import re,sys
t=open(f"target/bench-corpora/time{sys.argv[1]}.txt").read()
m=re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)",t)
h,mn,s=m.groups(); print(f"{(int(h or 0)*3600+int(mn)*60+float(s)):.2f}")
PY
)
  rss=$(awk '/Maximum resident/ {printf "%.0f", $6/1024}' target/bench-corpora/time$n.txt)
  recall=$(python3 - "$n" <<'PY'
import csv,sys
n=sys.argv[1]
got={(r["a"],r["b"]) for r in csv.DictReader(open(f"target/bench-corpora/copies{n}.csv"))}
truth=[(r["a"],r["b"]) for r in csv.DictReader(open(f"target/bench-corpora/gen{n}.truth.csv"))]
print(f"{sum(p in got for p in truth)/max(1,len(truth)):.3f}")
PY
)
  if [ "${SKIP_DATASKETCH:-}" = "" ]; then
    ds=$(python3 scripts/datasketch_copies.py "$f")
    ds_s=$(sed -E 's/.* in ([0-9.]+)s.*/\1/' <<<"$ds"); ds_r=$(sed -E 's/.*recall ([0-9.]+).*/\1/' <<<"$ds")
    faster=$(python3 -c "print(f'{$ds_s/$wall:.1f}')")
  else
    ds_s="-"; ds_r="-"; faster="-"
  fi
  python3 - "$n" "$mb" "$wc_s" "$wall" "$rss" "$recall" "$ds_s" "$ds_r" "$faster" >> "$out" <<'PY'
import sys
n,mb,wc,wall,rss,rec,ds,dsr,fast=sys.argv[1:]
n=int(n); wall=float(wall); mb=float(mb); wc=float(wc); rss=float(rss)
print(f"| {n:,} | {mb:.0f} | {wc:.2f} | {wall:.2f} | {wall/wc:.1f} | {n/wall:,.0f} | {mb/wall:.1f} | {rss:.0f} | {rss*1024/n:.2f} | {rec} | {ds} | {dsr} | {fast} |")
PY
done
cat "$out"
