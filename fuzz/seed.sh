#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets in fuzz/corpus/<target>/ (never committed) from
# tests/fixtures/, data/ and small slices of ../shared/data/corpora/*.csv read at run time.
# Usage: bash fuzz/seed.sh   (from the repository root or from fuzz/)
set -euo pipefail
cd "$(dirname "$0")"
root=..
shared=../../shared/data/corpora
out=corpus
mkdir -p "$out"
python3 - "$root" "$shared" "$out" <<'PY'
import csv, hashlib, os, sys, glob
csv.field_size_limit(1 << 30)
root, shared, out = sys.argv[1:4]

def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)

def rows(path, n):
    delim = "\t" if path.endswith(".tsv") else ","
    try:
        with open(path, newline="", encoding="utf-8", errors="replace") as f:
            for i, r in enumerate(csv.DictReader(f, delimiter=delim)):
                if i >= n:
                    break
                yield r
    except csv.Error:
        return

fixtures = sorted(glob.glob(os.path.join(root, "tests/fixtures/*.csv"))) + [os.path.join(root, "data/articles.csv")]
corpora = sorted(glob.glob(os.path.join(shared, "*.csv"))) + sorted(glob.glob(os.path.join(shared, "*.tsv")))

# ingest: whole small fixtures (first 8 KB), the first lines of each corpus.
for p in fixtures + corpora:
    with open(p, "rb") as f:
        head = f.read(8192)
    put("ingest", head)
    put("ingest", b"\n".join(head.split(b"\n")[:4]) + b"\n")
put("ingest", b"id;text;published\n1;\"a;b\";28/10/2024\n2;\"never closed\n3;x;y\n")
put("ingest", b"\xef\xbb\xbfid\ttext\r\n1\tPARIS (AFP) -\r\n1\tdup\r\n")

# texts: article texts (first 3 KB) and text\x1ftitle for the citation and garble targets.
texts = []
for p in corpora + fixtures:
    for r in rows(p, 6):
        t = (r.get("text") or r.get("content_de") or r.get("content_fr") or "")[:3000]
        title = (r.get("title") or "")[:200]
        if t.strip():
            texts.append((t, title, r.get("published") or ""))
for t, title, pub in texts:
    for target in ("citations", "garble", "claims"):
        put(target, t + ("\x1f" + title if title and target != "claims" else ""))
    put("escape", (title or t[:200]))
    if pub:
        put("date", pub)
for a, b in zip(texts, texts[1:]):
    put("copies", a[0] + "\x1f" + b[0])
    put("copies", a[0] + "\x1f" + a[0][: len(a[0]) // 2] + " Ajout. " + a[0][len(a[0]) // 2 :])
for d in ["28/10/2024", "28 octobre 2024", "Oct 28, 2024", "Mon, 28 Oct 2024 10:00:00 +0000",
          "2024-10-28T10:00:00Z", "1er mars 1987", "29 Feb 2023", "20241028", "March 3rd, 2001"]:
    put("date", d)
for s in ['<script>alert("x")</script>', "a & b &amp; c", "l'AFP\r\n\\n \u0000 \u202e", "\"\\\""]:
    put("escape", s)

# registry: the bundled registry and slices of it.
with open(os.path.join(root, "data/sources.csv"), encoding="utf-8") as f:
    reg = f.read().splitlines()
put("registry", "\n".join(reg[:12]) + "\n")
put("registry", "\n".join(reg[:1] + reg[20:30]) + "\n")
put("registry", "\n".join(reg[:1] + reg[-8:]) + "\n")
put("registry", reg[0] + "\nX,Ex,news_agency,FR,fr,ex.com,=!EX|Ex Agency,0.5,10,manual,1990-2000\n")
PY
for d in "$out"/*; do echo "$(basename "$d"): $(ls "$d" | wc -l) seeds"; done
