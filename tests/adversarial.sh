#!/usr/bin/env bash
# Adversarial inputs: generates each corpus into a temporary directory (nothing is kept or
# committed), runs `credence score` on it and prints one Markdown table row per case: exit status,
# wall time, peak RSS (/usr/bin/time -v), rows seen, scored and rejected (every row accounted
# for: rows = scored + rejected), and the first line of stderr.
# Usage: bash tests/adversarial.sh [CASE...]   (after cargo build --release; CASEs: see below)
set -uo pipefail
cd "$(dirname "$0")/.."
bin="${CREDENCE:-target/release/credence}"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cases=("$@")
[ ${#cases[@]} -eq 0 ] && cases=(identical_100k one_word_1m no_whitespace_10mb columns_10k nul_zero_width_rtl homoglyphs quoting_tricks)

python3 - "$tmp" "${cases[@]}" <<'PY'
import os, random, sys
tmp, cases = sys.argv[1], sys.argv[2:]
random.seed(7)
TEXT = ("PARIS (AFP) - Le gouvernement a annoncé mardi une nouvelle série de mesures pour les ménages "
        "modestes, selon un communiqué. Le Premier ministre a précisé que la prime serait versée dès "
        "janvier à tous les salariés concernés. Les syndicats jugent ces annonces insuffisantes.")
def write(name, data):
    with open(os.path.join(tmp, name + ".csv"), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
for case in cases:
    if case == "identical_100k":
        rows = ["id,outlet,published,text"] + [f'{i},o{i % 50}.example,2024-01-{1 + i % 28:02d},"{TEXT}"' for i in range(100_000)]
        write(case, "\n".join(rows) + "\n")
    elif case == "one_word_1m":
        words = ["bonjour", "Reuters", "AFP", "monde", "12", "selon", "XNUMX", "«"]
        write(case, "id,text\n" + "".join(f"{i},{words[i % len(words)]}\n" for i in range(1_000_000)))
    elif case == "no_whitespace_10mb":
        blob = "".join(random.choice("abcdefghijklmnopqrstuvwxyzéàAFPReuters.,;:-'0123456789") for _ in range(10 << 20))
        write(case, "id,text\nbig,\"" + blob + "\"\nsmall,Un texte normal (AFP).\n")
    elif case == "columns_10k":
        wide = ",".join(f"v{k}" for k in range(10_000))
        header_wide = "id,text," + ",".join(f"c{k}" for k in range(9_998))
        write(case, "id,text\n1,Un texte (AFP).\n2," + wide + "\n3,Un autre texte.\n")
        write(case + "_header", header_wide + "\n" + "1,Un texte (Reuters)." + "," * 9_998 + "\n")
    elif case == "nul_zero_width_rtl":
        rows = ["id,outlet,title,text"]
        specials = ["\x00", "\u200b", "\u200c", "\u200d", "\ufeff", "\u200e", "\u200f", "\u202e", "\u2066", "\u061c"]
        for i in range(2000):
            s = specials[i % len(specials)]
            t = f"PARIS (A{s}FP) - Selon{s} Reuters, {s}le texte{s}{s} continue. " * 3 + f"\u202eevitcepsni{s}"
            rows.append(f'{s}r{i}{s},out{s}{i % 7}.example,"Ti{s}tle",' + '"' + t + '"')
        write(case, "\n".join(rows) + "\n")
    elif case == "homoglyphs":
        fakes = ["Reut\u0435rs", "\u0410FP", "Y\u043enhap", "R\u0435uters", "\u0391FP", "T\u0410SS", "Reuters"]
        rows = ["id,outlet,text"] + [f'h{i},o{i % 9}.example,"LONDON ({fakes[i % len(fakes)]}) - Markets fell, according to {fakes[(i + 1) % len(fakes)]}."' for i in range(5000)]
        write(case, "\n".join(rows) + "\n")
    elif case == "quoting_tricks":
        rows = [
            'id,outlet,text',
            '1,a.fr,"Un ""guillemet"" doublé (AFP)."',
            '2,a.fr,un "guillemet" au milieu d\'un champ non cité',
            '3,a.fr,"fermé"puis du texte',
            '4,a.fr,"champ, avec, des, virgules"',
            '5,a.fr,"saut\r\nde ligne CRLF et\rCR seul"',
            '6,a.fr,trailing,',
            '7,"a.fr",""',
            '"8","a.fr","tout cité"',
            '9,a.fr,\ufeffBOM au milieu',
            '10,a.fr,"""',
            '11,a.fr,"""""" que des guillemets',
            '12,a.fr,\\"antislash\\" guillemets',
            '13 ,  a.fr  ,  espaces autour  ',
            '14,a.fr,"une citation jamais fermée',
            '15,a.fr,ligne après la citation ouverte',
        ]
        write(case, "\r\n".join(rows) + "\r\n")
    else:
        sys.exit(f"unknown case {case}")
PY
[ $? -eq 0 ] || exit 1

echo "| case | input | exit | wall s | peak RSS MB | rows | scored | rejected | accounted | stderr (first line) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for f in "$tmp"/*.csv; do
  name="$(basename "$f" .csv)"
  size="$(du -h "$f" | cut -f1)"
  /usr/bin/time -v -o "$tmp/time.txt" timeout 900 "$bin" score "$f" --format json -o "$tmp/out.json" \
    2>"$tmp/err.txt" >/dev/null
  rc=$?
  wall="$(grep 'Elapsed (wall clock)' "$tmp/time.txt" | awk '{print $NF}')"
  rss="$(grep 'Maximum resident set size' "$tmp/time.txt" | awk '{print int($NF/1024)}')"
  counts="$(python3 - "$tmp/out.json" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1]))["input"]
    rows, scored, rej = r["rows"], r["scored"], len(r["rejected"])
    print(rows, scored, rej, "yes" if rows == scored + rej else "NO")
except Exception:
    print("- - - -")
PY
)"
  read -r rows scored rej ok <<<"$counts"
  first="$(grep -v '^  ' "$tmp/err.txt" | head -1 | cut -c1-120 | sed 's/|/\\|/g; s#'"$tmp"'/##')"
  rm -f "$tmp/out.json"
  # wall is m:ss.ss
  secs="$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')"
  echo "| $name | $size | $rc | $secs | $rss | $rows | $scored | $rej | $ok | ${first:-} |"
done
