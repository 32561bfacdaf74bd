#!/usr/bin/env bash
# Realistic-corpus benchmark: the whole credence pipeline (`score --format json`) against `wc -w` (the read
# floor) on corpora from examples/gen_realistic.rs (frozen: default seed, checksums in BENCHMARKS.md), measured in
# the same run on the same file, plus the recall of the planted copies from a second run writing the copies table.
# Usage: bash scripts/bench_realistic.sh [N ...]   (default: 20000 200000)
# Corpora are generated into target/bench-corpora/realN.csv when absent (and checked against the frozen checksums
# for 20000 and 200000). Writes target/bench-realistic.md (a Markdown table) and prints it.
# Environment: CREDENCE=path/to/binary (default target/release/credence); BENCH_NO_BUILD=1 uses the binaries as
# they are instead of `cargo build`.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(20000 200000)
credence=${CREDENCE:-target/release/credence}
if [ "${BENCH_NO_BUILD:-}" = "" ]; then
  cargo build --release --locked --quiet --bin credence --example gen_realistic
fi
[ -x "$credence" ] || { echo "bench_realistic: no credence binary at $credence" >&2; exit 1; }
[ -x target/release/examples/gen_realistic ] || cargo build --release --locked --quiet --example gen_realistic
declare -A frozen_csv=(
  [20000]=78eae98a35516de0c26ce5acf9f385ac66ac99e341307bfa447dfbcf2064b140
  [200000]=972a027a69f6abb086a66665ceb5941c2f8e61a616aadc1d004d8a59cfa43c93
)
declare -A frozen_truth=(
  [20000]=b47cb54739a29a98337ebe05c3fb0606a6637066518e613e930ed173a5dedfe8
  [200000]=44348851bf484d89682765906dc58c80cdad123f473c5c84ddd480052bf9d9b2
)
mkdir -p target/bench-corpora
out=target/bench-realistic.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "| articles | MB | wc -w s | credence s | ×wc | MB/s | peak RSS MB | KB/article | recall | recall partial |" > "$out"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" >> "$out"
for n in "${sizes[@]}"; do
  f="target/bench-corpora/real$n.csv"
  t="target/bench-corpora/real$n.truth.csv"
  [ -f "$f" ] && [ -f "$t" ] || ./target/release/examples/gen_realistic "$n" "$f"
  if [ -n "${frozen_csv[$n]:-}" ]; then
    got_csv=$(sha256sum "$f" | cut -d' ' -f1); got_truth=$(sha256sum "$t" | cut -d' ' -f1)
    if [ "$got_csv" != "${frozen_csv[$n]}" ] || [ "$got_truth" != "${frozen_truth[$n]}" ]; then
      echo "bench_realistic: warning: $f or its truth differs from the frozen corpus (corpora or generator changed)" >&2
    fi
  fi
  mb=$(python3 -c "import os;print(f'{os.path.getsize(\"$f\")/1e6:.1f}')")
  cat "$f" > /dev/null  # warm the page cache for both timings
  t0=$(date +%s.%N); wc -w "$f" >/dev/null; t1=$(date +%s.%N)
  wc_s=$(python3 -c "print(f'{$t1-$t0:.3f}')")
  /usr/bin/time -v "$credence" score "$f" --format json -o "$tmp/report.json" --quiet 2> "$tmp/time.txt"
  wall=$(python3 - "$tmp/time.txt" <<'PY'
import re,sys
t=open(sys.argv[1]).read()
m=re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)",t)
h,mn,s=m.groups(); print(f"{(int(h or 0)*3600+int(mn)*60+float(s)):.2f}")
PY
)
  rss=$(awk '/Maximum resident/ {printf "%.0f", $6/1024}' "$tmp/time.txt")
  "$credence" score "$f" --quiet --format csv --table copies -o "$tmp/copies.csv"
  recall=$(python3 - "$tmp/copies.csv" "$t" <<'PY'
import csv,sys
got={(r["a"],r["b"]) for r in csv.DictReader(open(sys.argv[1]))}
truth=[(r["a"],r["b"],r["kind"]) for r in csv.DictReader(open(sys.argv[2]))]
part=[p for p in truth if p[2]=="partial"]
rec=lambda ps: sum((a,b) in got for a,b,_ in ps)/max(1,len(ps))
print(f"{rec(truth):.3f} {rec(part):.3f}")
PY
)
  python3 - "$n" "$mb" "$wc_s" "$wall" "$rss" $recall >> "$out" <<'PY'
import sys
n,mb,wc,wall,rss,rec,recp=sys.argv[1:]
n=int(n); wall=float(wall); mb=float(mb); wc=float(wc); rss=float(rss)
print(f"| {n:,} | {mb:.0f} | {wc:.2f} | {wall:.2f} | {wall/wc:.1f} | {mb/wall:.1f} | {rss:.0f} | {rss*1024/n:.2f} | {rec} | {recp} |")
PY
done
cat "$out"
