#!/usr/bin/env bash
# Regenerate the example reports of the bundled sample in every format.
# Usage: bash scripts/make_reports.sh [OUT_DIR]   (default: reports/)
# CI regenerates them into a temporary directory and fails when reports/ differs (stale).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-reports}"
mkdir -p "$out"
bin=target/release/credence
[ -x "$bin" ] || cargo build --release --locked --quiet
in=data/articles.csv
"$bin" score "$in" --quiet -o "$out/seeds.txt"
"$bin" score "$in" --quiet --format json -o "$out/seeds.json"
"$bin" score "$in" --quiet --format markdown -o "$out/seeds.md"
"$bin" score "$in" --quiet --format html -o "$out/seeds.html"
for t in articles outlets sources copies claims; do
  "$bin" score "$in" --quiet --format csv --table "$t" -o "$out/seeds.$t.csv"
done
"$bin" graph "$in" --quiet -o "$out/seeds.dot"
"$bin" graph "$in" --quiet --level outlet -o "$out/seeds.outlets.dot"
"$bin" graph "$in" --quiet --format svg -o "$out/seeds.svg"
"$bin" explain "$in" 002 --quiet -o "$out/seeds.explain-002.txt"
echo "reports written to $out/"
