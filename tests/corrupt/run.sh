#!/usr/bin/env bash
# Independent garble-detector check: corrupt 40 clean articles per language
# (fr, en, es, de; seed 7) and measure what the engine flags.  Builds nothing.
#
#   tests/corrupt/run.sh [BINARY]          # default BINARY: target/release/credence
#
# Environment: N (articles per language, default 40), SEED (default 7),
# MODES (engine-run layouts for measure.py, default "combined rotate"),
# CORPORA (default ../shared/data/corpora, relative to the repository root),
# KEEP=1 keeps the generated files (their directory is printed).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

if [[ $# -ge 1 ]]; then
    bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")     # resolve before changing directory
else
    bin=$root/target/release/credence
fi
cd "$root"
[[ -x $bin ]] || { echo "run.sh: no executable engine at $bin (build it first; this script builds nothing)" >&2; exit 1; }

n=${N:-40}
seed=${SEED:-7}
modes=${MODES:-combined rotate}
corpora=${CORPORA:-../shared/data/corpora}
for f in gj_dev.csv reuters21578.csv kcna_2011.csv wmt21_frde_docs.csv; do
    [[ -f $corpora/$f ]] || { echo "run.sh: missing corpus $corpora/$f" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/credence-corrupt.XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then echo "run.sh: files kept in $tmp" >&2; else trap 'rm -rf "$tmp"' EXIT; fi

gen() {  # gen LANG CORPUS [corrupt.py options...]
    local lang=$1 corpus=$2
    shift 2
    python3 "$here/corrupt.py" "$corpora/$corpus" --lang "$lang" --n "$n" --seed "$seed" \
        --out "$tmp/$lang.csv" --truth "$tmp/$lang.truth.csv" "$@"
}
gen fr gj_dev.csv                                            # French press (gilets jaunes)
gen en reuters21578.csv                                      # clean English wire
gen es kcna_2011.csv --tidy                                  # Spanish KCNA rows, paragraph debris undone
gen de wmt21_frde_docs.csv --where role=source,reference     # professional German (not MT output)

# Merge: each file has a one-line header and quoted multi-line fields, so dropping
# line 1 of the later files is safe.
for suffix in csv truth.csv; do
    first=1
    for lang in fr en es de; do
        if [[ $first == 1 ]]; then cat "$tmp/$lang.$suffix"; first=0; else tail -n +2 "$tmp/$lang.$suffix"; fi
    done > "$tmp/all.$suffix"
done

for mode in $modes; do
    echo "== measure.py --mode $mode  (n=$n per language, seed $seed, $("$bin" --version))"
    python3 "$here/measure.py" "$bin" "$tmp/all.csv" "$tmp/all.truth.csv" --mode "$mode" \
        --json "$tmp/result.$mode.json"
done
