#!/usr/bin/env bash
# Runs every fuzz target (or those named) for SECONDS each (default 300), one after the other on
# one core, from the seed corpora of fuzz/seed.sh; prints `target executions seconds crashes`.
# Usage: bash fuzz/run.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")"
secs="${1:-300}"; shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(ingest date registry citations garble claims copies escape)
[ -d corpus ] || bash seed.sh >/dev/null
cargo +nightly fuzz build -s none -a >/dev/null 2>&1 || { echo "fuzz build failed" >&2; exit 1; }
mkdir -p logs
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  start=$(date +%s)
  cargo +nightly fuzz run -s none -a "$t" "corpus/$t" -- -max_total_time="$secs" -rss_limit_mb=2048 \
    -max_len=16384 -timeout=10 -print_final_stats=1 >"logs/$t.log" 2>&1
  rc=$?
  took=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' | tail -1)
  crashes=$(ls "artifacts/$t" 2>/dev/null | grep -c -E '^(crash|timeout|oom|leak)-' || true)
  echo "$t ${execs:-?} ${took} rc=$rc artifacts=$crashes"
done
