#!/usr/bin/env python3
"""Make garbled copies of clean news articles, with the exact span of each corruption.

Reads one or more credence-format CSVs (id,outlet,url,published,title,text,lang;
extra columns are ignored except by --where), picks clean articles per language
with a fixed seed, and writes

  --out    the chosen original rows, each followed by one corrupted copy per kind
           (id = ORIGID~kind; every other column as in the original);
  --truth  id,orig_id,kind,lang,start,end,form: UTF-8 *byte* offsets [start,end)
           of the inserted corruption in the new text, plus the form used.

Every corruption is a pure insertion at a sentence or paragraph boundary (or,
for broken_punctuation, right after a punctuation mark): the text before and
after the inserted bytes is byte-identical to the original.

Standard library only (Python 3.11).  Deterministic: the same inputs and seed
give the same output bytes.  Usage: see README.md in this directory.
"""

import argparse
import csv
import os
import random
import re
import sys
from dataclasses import dataclass

sys.dont_write_bytecode = True          # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import forms  # noqa: E402  (sibling module)

KINDS = ["mt_placeholder", "foreign_fragment", "glued_words", "repeated_line",
         "broken_punctuation", "navigation_residue", "inserted_teaser", "seo_boilerplate"]
FIELDS = ["id", "outlet", "url", "published", "title", "text", "lang"]

csv.field_size_limit(1 << 30)

# ---------------------------------------------------------------------------
# Language check: function-word counts (the corpora's lang column is trusted
# only when the text agrees with it).
# ---------------------------------------------------------------------------

STOPWORDS = {
    "fr": set("le les des du et est une un dans pour qui sur pas au aux avec ce cette sont ont il elle "
              "ne se a été mais ou leur nous vous".split()),
    "en": set("the of and to in is that for on with was as by at from it be are has have which "
              "were said will not this".split()),
    "es": set("el los las del y que por con para una un es se al lo como su más pero sus fue "
              "ha han este esta".split()),
    "de": set("der die das und ist nicht mit den dem des ein eine zu auf für von sich im auch "
              "wird wurde sind hat bei".split()),
}
WORD_RE = re.compile(r"[^\W\d_]+")


def detect_lang(text):
    """The language (fr/en/es/de) whose function words are most frequent, or None."""
    words = WORD_RE.findall(text[:5000].lower())
    if len(words) < 30:
        return None
    scores = {lang: sum(w in sw for w in words) for lang, sw in STOPWORDS.items()}
    best = max(sorted(scores), key=lambda k: scores[k])
    return best if scores[best] >= 0.08 * len(words) else None


# ---------------------------------------------------------------------------
# Cleanliness: only corrupt articles that do not already look garbled.
# ---------------------------------------------------------------------------

CAMEL_RE = re.compile(r"[^\W\d_A-ZÀ-ÞĀ-Ž]{2,}[A-ZÀ-Þ][^\W\d_A-ZÀ-Þ]")   # "wordThe" inside a token
TEASER_LINE_RE = re.compile(
    r"(?im)^[ \t»►>\[]*(?:" + "|".join(re.escape(h) for lang in forms.LANGS for h in forms.TEASER_HEADS[lang]
                                     if len(h) > 8) + r")\b")


def looks_clean(text, lang):
    """Cheap checks that the article is prose, not tables or scraped debris.

    These only decide which articles are used as bases; they are deliberately
    strict (a clean article wrongly skipped costs nothing).
    """
    if "\ufffd" in text or re.search(r"&(#\d+|#x[0-9a-f]+|[a-z]{2,6});", text, re.I):
        return False
    if re.search(r",[ \t\u3000]*,", text):                 # empty-field comma runs
        return False
    chars = [c for c in text if not c.isspace()]
    letters = [c for c in chars if c.isalpha()]
    if not letters:
        return False
    if sum(c.isdigit() for c in chars) > 0.08 * len(chars):  # statistics tables
        return False
    if sum(c.isupper() for c in letters) > 0.30 * len(letters):  # ALL-CAPS wires
        return False
    if CAMEL_RE.search(text) or TEASER_LINE_RE.search(text):     # already glued / teasers
        return False
    # a sentence or line that already occurs twice
    pieces = [p.strip() for p in re.split(r"(?<=[.!?])\s+|\n", text) if len(p.strip()) >= 40]
    if len(pieces) != len(set(pieces)):
        return False
    # every sizeable paragraph in the article's language
    for para in re.split(r"\n\s*\n|\n(?=\S)", text):
        if len(WORD_RE.findall(para)) >= 30 and detect_lang(para) not in (lang, None):
            return False
    return True


def tidy_kcna(text):
    """Undo the KCNA scrape's paragraph encoding (', , ' runs and U+3000 indents).

    The Spanish KCNA rows keep paragraph breaks as runs of empty comma-separated
    fields; turning them back into blank lines gives a clean base text.  Used only
    with --tidy; the tidied text is then written as the original row.
    """
    t = text.replace("\u3000", "")
    t = re.sub(r"(?:[ \t]*,)+[ \t,]*$", "", t.rstrip())          # trailing comma debris
    t = re.sub(r"(?<=[.:;!?])[ \t]*,(?:[ \t]*,)*[ \t]*(?=\S)", "\n\n", t)   # ". , , Next"
    t = re.sub(r"[ \t]*,(?:[ \t]*,)+[ \t]*(?=\S)", "\n\n", t)            # "word , , Next"
    t = re.sub(r"[ \t]+\n", "\n", t)
    t = re.sub(r"  +", " ", t)
    return t.strip()


# ---------------------------------------------------------------------------
# Boundaries
# ---------------------------------------------------------------------------

SENT_END = ".!?…"
CLOSERS = "»”\"'’“)"
SPACES = " \t\r\n\u00a0\u202f\u2009"
OPENERS = "«\"“„(¿¡'"
# Words after which a period does not end a sentence.
ABBREV = {w.lower() for w in (
    "Mr Mrs Ms Dr St Jr Sr Co Inc Corp Ltd No Nos Gen Lt Col Sgt Capt Rep Sen Gov Rev Prof Mt Ft "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec vs etc approx est dept "
    "M MM Mme Mmes Mlle Mlles Me Mgr av apr env cf ex p pp vol "
    "Sra Sr Srta Dña Ud Uds Vd Vds pág núm art "
    "Nr bzw ca Hr Fr Dipl Ing evtl ggf usw vgl Str z B d h u a o ä S".split())}


@dataclass
class Boundary:
    p: int          # insertion point: just after the final punctuation (and closing quotes)
    q: int          # first character of the next sentence
    para: bool      # the whitespace between p and q holds a line break
    ws: str         # that whitespace


def find_boundaries(text):
    """Sentence boundaries '<.!?…>[closers]<whitespace><Capital|opener|digit>'."""
    out = []
    n = len(text)
    for m in re.finditer(r"[.!?…]", text):
        i = m.start()
        if i + 1 < n and text[i + 1] in SENT_END:          # inside "..." / "?!": wait for the last
            continue
        j = i + 1
        while j < n and text[j] in CLOSERS:
            j += 1
        k = j
        while k < n and text[k] in SPACES:
            k += 1
        if k == j or n - k < 20:           # need whitespace, and a real sentence after it
            continue
        nxt = text[k]
        if not (nxt.isupper() or nxt.isdigit() or nxt in OPENERS):
            continue
        if text[i] == ".":
            w = re.search(r"([^\W\d_]+)$", text[max(0, i - 20):i])
            if w and (w.group(1).lower() in ABBREV or (len(w.group(1)) == 1 and w.group(1).isupper())):
                continue
            if i >= 2 and text[i - 2] == "." and text[i - 1].isalpha():   # U.S. / z.B.
                continue
        ws = text[j:k]
        out.append(Boundary(j, k, "\n" in ws, ws))
    return out


def quote_state_ok(text, i):
    """True when position i is outside every quotation (all quote pairs balanced before it)."""
    pre = text[:i]
    if pre.count("«") != pre.count("»"):
        return False
    if "„" in text:
        if pre.count("„") != pre.count("“"):
            return False
    elif pre.count("“") != pre.count("”"):
        return False
    return pre.count('"') % 2 == 0


def quotes_balanced(s):
    """True when every quotation opened in s is closed in s."""
    return quote_state_ok(s, len(s))


def para_sep(ws):
    """Normalised paragraph separator from a boundary's whitespace ('\\n', '\\n\\n', '\\n    ')."""
    nl = min(ws.count("\n"), 2)
    indent = ws[ws.rfind("\n") + 1:]
    indent = indent if indent.strip(" \t") == "" else ""
    return "\n" * nl + indent


# ---------------------------------------------------------------------------
# Corruptions.  Each returns (pos, inserted, span_start, span_end, form) with the
# span given relative to `inserted`, or None when the article offers no place.
# ---------------------------------------------------------------------------

def _ok_bounds(text, bnds):
    return [b for b in bnds if quote_state_ok(text, b.p)]


def _block(rng, text, bnds, lines, form):
    """Insert lines as their own paragraph(s); flat texts get them inline or on new lines."""
    ok = _ok_bounds(text, bnds)
    paras = [b for b in ok if b.para]
    if paras:
        b = rng.choice(paras)
        sep = para_sep(b.ws)
    elif ok:
        b = rng.choice(ok)
        sep = rng.choice([" ", "\n"])
    else:
        return None
    block = sep.join(lines)
    # on a flat text given its own lines, close the last line too ("...end.\nBLOCK\n Next")
    inserted = sep + block + ("\n" if sep == "\n" and not b.para else "")
    return b.p, inserted, len(sep), len(sep) + len(block), form


def _sentence(rng, text, bnds, sentence, form):
    """Insert one sentence after a sentence end (as its own paragraph half the time at paragraph ends)."""
    ok = _ok_bounds(text, bnds)
    if not ok:
        return None
    b = rng.choice(ok)
    sep = para_sep(b.ws) if b.para and rng.random() < 0.5 else " "
    return b.p, sep + sentence, len(sep), len(sep) + len(sentence), form


def c_mt_placeholder(rng, text, lang, bnds):
    return _sentence(rng, text, bnds, forms.make_mt_placeholder(rng, lang), "mt_sentence")


def c_foreign_fragment(rng, text, lang, bnds):
    s = forms.make_foreign_fragment(rng, lang)
    return _sentence(rng, text, bnds, s, "foreign_sentence")


def c_glued_words(rng, text, lang, bnds):
    cands = [b for b in bnds if b.q + 1 < len(text) and text[b.q].isupper() and text[b.q + 1].islower()
             and quote_state_ok(text, b.q)]
    if not cands:
        return None
    b = rng.choice(cands)
    glue = forms.make_glued(rng, lang)
    form = "glued_residue" if " " not in glue else "glued_phrase"
    return b.q, glue, 0, len(glue), form


def _units(text, bnds, para_only):
    """(start, end, boundary_index) of each sentence / paragraph that ends at a boundary."""
    lead = len(text) - len(text.lstrip(SPACES))
    chosen = [(i, b) for i, b in enumerate(bnds) if b.para or not para_only]
    units, start = [], lead
    for i, b in chosen:
        units.append((start, b.p, i))
        start = b.q
    return units


def hard_wrapped(text):
    """True for fixed-width wire text (Reuters), where a single newline is only a line wrap."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    return len(lines) >= 5 and sum(len(ln) <= 80 for ln in lines) >= 0.9 * len(lines)


def c_repeated_line(rng, text, lang, bnds):
    wrapped = hard_wrapped(text)

    def usable(u, lo, hi):
        unit = text[u[0]:u[1]]
        # a unit must be one line (one paragraph) unless the text is hard-wrapped
        return lo <= len(unit) <= hi and quotes_balanced(unit) and (wrapped or "\n" not in unit)

    paras = [u for u in _units(text, bnds, True) if usable(u, 40, 900)]
    sents = [u for u in _units(text, bnds, False) if usable(u, 40, 400)]
    variants = []
    if paras:
        variants += ["para_next", "para_later"]
    if sents:
        variants += ["sent_next", "sent_later", "sent_line", "lead_later"]
    rng.shuffle(variants)
    for v in variants:
        if v.startswith("para"):
            s, e, bi = rng.choice(paras)
            unit = text[s:e]
            later = [b for b in bnds[bi:] if b.para and quote_state_ok(text, b.p)]
            if v == "para_later":
                later = later[1:]
            if not later:
                continue
            b = later[0] if v == "para_next" else rng.choice(later)
            sep = para_sep(b.ws)
            return b.p, sep + unit, len(sep), len(sep) + len(unit), v
        if v == "lead_later":
            s, e, bi = sents[0]
            if s != _units(text, bnds, False)[0][0]:
                continue
        else:
            s, e, bi = rng.choice(sents)
        unit = text[s:e]
        later = [b for b in bnds[bi:] if quote_state_ok(text, b.p)]
        if v in ("sent_later", "lead_later"):
            later = later[1:]
        if v == "sent_line":
            later = [b for b in later if b.para]
        if not later:
            continue
        b = later[0] if v == "sent_next" else rng.choice(later)
        sep = para_sep(b.ws) if v == "sent_line" else " "
        return b.p, sep + unit, len(sep), len(sep) + len(unit), v
    return None


def c_broken_punctuation(rng, text, lang, bnds):
    ok = _ok_bounds(text, bnds)
    anchors = {
        "after_period": [b.p for b in ok if text[b.p - 1] == "."],
        "after_close": [b.p for b in ok if text[b.p - 1] in CLOSERS and text[b.p - 2] in SENT_END + CLOSERS],
        "after_mark": [b.p for b in ok if text[b.p - 1] in "!?"],
        "after_comma": [m.end() for m in re.finditer(r"(?<=[^\W\d_]),(?= [^\W\d_])", text)],
        "before_start": [b.q for b in ok],
        "line": [b for b in ok if b.para],
    }
    names = [a for a in sorted(anchors) if anchors[a]]
    if not names:
        return None
    a = rng.choice(names)
    junk = rng.choice(forms.broken_strings(lang, a))
    if a == "line":
        b = rng.choice(anchors[a])
        sep = para_sep(b.ws)
        return b.p, sep + junk, len(sep), len(sep) + len(junk), "punct_line"
    pos = rng.choice(anchors[a])
    return pos, junk, 0, len(junk), "punct_" + a


def c_navigation_residue(rng, text, lang, bnds):
    return _block(rng, text, bnds, forms.make_navigation(rng, lang), "navigation")


def c_inserted_teaser(rng, text, lang, bnds):
    return _block(rng, text, bnds, forms.make_teaser(rng, lang), "teaser")


def c_seo_boilerplate(rng, text, lang, bnds):
    return _block(rng, text, bnds, [forms.make_seo(rng, lang)], "seo")


CORRUPTERS = {k: globals()["c_" + k] for k in KINDS}


def corrupt(text, lang, kind, rng):
    """Apply one corruption; returns (new_text, start_byte, end_byte, form) or None."""
    bnds = find_boundaries(text)
    res = CORRUPTERS[kind](rng, text, lang, bnds)
    if res is None:
        return None
    pos, inserted, s_rel, e_rel, form = res
    assert 0 < pos < len(text) and 0 <= s_rel < e_rel <= len(inserted)
    new = text[:pos] + inserted + text[pos:]
    assert new[:pos] + new[pos + len(inserted):] == text          # rest byte-identical
    start_b = len(new[:pos + s_rel].encode("utf-8"))
    end_b = start_b + len(inserted[s_rel:e_rel].encode("utf-8"))
    assert new.encode("utf-8")[start_b:end_b].decode("utf-8") == inserted[s_rel:e_rel]
    return new, start_b, end_b, form


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------

def parse_where(items):
    """['role=source,reference'] -> {'role': {'source', 'reference'}}."""
    out = {}
    for it in items or []:
        col, _, vals = it.partition("=")
        if not col or not vals:
            sys.exit(f"--where expects COL=VALUE[,VALUE...], got {it!r}")
        out.setdefault(col.strip(), set()).update(v.strip() for v in vals.split(","))
    return out


def read_rows(paths, where):
    for path in paths:
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if all((row.get(c) or "").strip() in vals for c, vals in where.items()):
                    yield row


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="credence-format CSV file(s)")
    ap.add_argument("--lang", default="fr,en,es,de", help="comma-separated languages (fr,en,es,de)")
    ap.add_argument("--n", type=int, default=20, help="articles per language (default 20)")
    ap.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    ap.add_argument("--out", required=True, help="output CSV (originals + corrupted copies)")
    ap.add_argument("--truth", required=True, help="output truth CSV")
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated subset of kinds")
    ap.add_argument("--where", action="append", metavar="COL=V[,V]",
                    help="keep only rows whose column COL is one of the values (repeatable; rows without COL fail)")
    ap.add_argument("--lang-from", choices=["column", "detect", "both"], default="both",
                    help="article language from the lang column, from function words, or require both to agree")
    ap.add_argument("--tidy", action="store_true",
                    help="turn KCNA-style ', , ' paragraph debris into blank lines before use")
    ap.add_argument("--min-bytes", type=int, default=600, help="minimum UTF-8 length of the text (default 600)")
    args = ap.parse_args(argv)

    langs = [x.strip() for x in args.lang.split(",") if x.strip()]
    for lang in langs:
        if lang not in forms.LANGS:
            sys.exit(f"unsupported language {lang!r} (use fr, en, es, de)")
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    for k in kinds:
        if k not in KINDS:
            sys.exit(f"unknown kind {k!r}")

    # Candidate pool per language, in input order.
    pools = {lang: [] for lang in langs}
    seen = set()
    for row in read_rows(args.inputs, parse_where(args.where)):
        text = row.get("text") or ""
        if args.tidy:
            text = tidy_kcna(text)
        col = (row.get("lang") or "").strip().lower()
        det = detect_lang(text)
        lang = {"column": col, "detect": det, "both": col if col == det else None}[args.lang_from]
        if lang not in pools or row.get("id") in seen or "~" in (row.get("id") or ""):
            continue
        if len(text.encode("utf-8")) < args.min_bytes or not looks_clean(text, lang):
            continue
        if len(find_boundaries(text)) < 6:
            continue
        seen.add(row["id"])
        base = {f: (row.get(f) or "") for f in FIELDS}
        base["text"], base["lang"] = text, lang
        pools[lang].append(base)

    out_rows, truth_rows = [], []
    for lang in langs:
        pool = list(pools[lang])
        random.Random(f"pick:{args.seed}:{lang}").shuffle(pool)
        taken = 0
        for base in pool:
            if taken >= args.n:
                break
            copies = []
            for kind in kinds:
                rng = random.Random(f"{args.seed}:{base['id']}:{kind}")
                res = corrupt(base["text"], lang, kind, rng)
                if res is None:
                    break
                copies.append((kind, res))
            else:
                taken += 1
                out_rows.append(base)
                for kind, (new, s, e, form) in copies:
                    cid = f"{base['id']}~{kind}"
                    out_rows.append(dict(base, id=cid, text=new))
                    truth_rows.append({"id": cid, "orig_id": base["id"], "kind": kind, "lang": lang,
                                       "start": s, "end": e, "form": form})
        if taken < args.n:
            print(f"corrupt.py: {lang}: only {taken} usable articles (asked for {args.n})", file=sys.stderr)
        else:
            print(f"corrupt.py: {lang}: {taken} articles x {len(kinds)} kinds (from {len(pool)} clean candidates)",
                  file=sys.stderr)

    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(out_rows)
    with open(args.truth, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "orig_id", "kind", "lang", "start", "end", "form"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(truth_rows)


if __name__ == "__main__":
    main()
