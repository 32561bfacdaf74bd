#!/usr/bin/env bash
# Compares the JSON report of every shared corpus between two binaries (default: a saved baseline
# and the current release build): the check that a refactor or speed change altered no verdict.
# Usage: bash scripts/same_output.sh BASELINE_BINARY [NEW_BINARY]
set -uo pipefail
cd "$(dirname "$0")/.."
base="$1"; new="${2:-target/release/credence}"
dir="$(mktemp -d)"; status=0
for f in ../shared/data/corpora/*.csv; do
  name="$(basename "$f" .csv)"
  case "$name" in *_pairs) continue;; esac
  "$base" score "$f" --format json -o "$dir/$name.base.json" --quiet 2>/dev/null
  "$new" score "$f" --format json -o "$dir/$name.new.json" --quiet 2>/dev/null
  if cmp -s "$dir/$name.base.json" "$dir/$name.new.json"; then echo "same     $name"
  else echo "DIFFERS  $name ($dir)"; status=1; fi
done
exit $status
