//! Numeric claims: a quantity, its unit noun and the source it is attributed to ("12 000 soldats" ←
//! NIS via Yonhap), in French, English, Spanish and German number formats, spelled numbers, ranges
//! ("entre 10 000 et 12 000") and bounds ("plus de 600.000"). A number mangled by translation
//! ("7.000 XNUMX") is unreadable, not 7.

use crate::citations::{Citation, CitationKind, Field};
use crate::normalize::fold_text;
use crate::segment::Segments;

mod context;
mod lexicon;

use context::{
    currency_of, markup_spans, names_with, noun_after_modifiers, opens_proportion, proportion_from,
};

use lexicon::{
    spelled, AT_LEAST, AT_MOST, GENERIC_MIN, GENERIC_UNITS, IDENTIFIER_WORDS, MULTIPLIERS,
    NOT_UNITS, PRE_NOUN_ADJECTIVES, RANGE_JOIN, RANGE_OPEN, RANGE_TO,
};

/// How a claimed quantity is bounded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// "12 000 soldats".
    #[default]
    Exact,
    /// "plus de 600.000", "more than", "über".
    AtLeast,
    /// "moins de", "less than", "up to", "jusqu'à".
    AtMost,
    /// "entre 10 000 et 12 000".
    Range,
}

impl Bound {
    /// The contract spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::AtLeast => "at_least",
            Bound::AtMost => "at_most",
            Bound::Range => "range",
        }
    }
}

/// One numeric claim in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Lower value (the value for exact claims).
    pub low: f64,
    /// Upper value.
    pub high: f64,
    /// How it is bounded.
    pub bound: Bound,
    /// The unit noun, folded and singular ("soldat").
    pub unit: String,
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// Registry ids of the sources the sentence attributes it to (the origin first for relays).
    pub sources: Vec<String>,
}

/// A number that translation mangled ("7.000 XNUMX"): no value can be read from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
}

struct Tok<'a> {
    /// The folded word (borrowed when the raw word is already lowercase ASCII).
    word: std::borrow::Cow<'a, str>,
    raw: &'a str,
    start: usize,
    end: usize,
}

impl Tok<'_> {
    /// True when the word is made of ASCII digits only ("12", "000").
    fn digits(&self) -> bool {
        self.raw.bytes().all(|b| b.is_ascii_digit())
    }
}

/// The words of a sentence: maximal runs of alphanumeric characters, ASCII bytes classified
/// without decoding.
///
/// # Complexity
/// Linear in the length of `text`.
fn tokens(text: &str) -> Vec<Tok<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i <= bytes.len() {
        let (len, alnum) = match bytes.get(i) {
            None => (1, false),
            Some(&b) if b < 0x80 => (1, b.is_ascii_alphanumeric()),
            Some(_) => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.len_utf8(), c.is_alphanumeric())
            }
        };
        if alnum {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(tok(text, s, i));
        }
        i += len;
    }
    out
}

/// The token of `text[s..e]`.
fn tok(text: &str, s: usize, e: usize) -> Tok<'_> {
    let raw = &text[s..e];
    // An ASCII word folds to its lowercase: skip the general fold's allocations.
    let word = if !raw.is_ascii() {
        std::borrow::Cow::Owned(fold_text(raw))
    } else if raw.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(raw.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(raw)
    };
    Tok {
        word,
        raw,
        start: s,
        end: e,
    }
}

fn singular(w: &str) -> String {
    let w = w.trim_end_matches('\'');
    if w.len() > 4 && w.ends_with("ies") {
        // "countries" → "country", not "countrie".
        format!("{}y", &w[..w.len() - 3])
    } else if w.len() > 4
        && ["ais", "ois", "ss", "sis", "xis", "us"]
            .iter()
            .any(|e| w.ends_with(e))
    {
        // "français", "chinois", "press", "basis", "crisis", "census": the s is not a plural.
        w.to_string()
    } else if w.len() > 4 && (w.ends_with('s') || w.ends_with('x')) {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

/// Reads a number starting at token `i`: digit groups joined by thin separators ("12 000",
/// "600.000", "1,500", "1,5"), a spelled number, and an optional multiplier ("1,5 million").
/// Returns the value and the index of the first token after it.
fn number_at(text: &str, toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    let t = toks.get(i)?;
    let mut j = i + 1;
    let mut value = if t.digits() {
        let mut digits = t.raw.to_string();
        let mut decimal: Option<String> = None;
        while j < toks.len() && toks[j].digits() {
            let gap = &text[toks[j - 1].end..toks[j].start];
            let g = toks[j].raw.len();
            let thin = matches!(gap, " " | "\u{a0}" | "\u{202f}" | "." | "," | "'");
            if thin && g == 3 && decimal.is_none() {
                digits.push_str(toks[j].raw);
                j += 1;
            } else if (gap == "," || gap == ".") && decimal.is_none() && g <= 2 {
                decimal = Some(toks[j].raw.to_string());
                j += 1;
                break;
            } else {
                break;
            }
        }
        let mut v: f64 = digits.parse().ok()?;
        if let Some(d) = decimal {
            v += format!("0.{d}").parse::<f64>().ok()?;
        }
        v
    } else {
        *spelled().get(&*t.word)?
    };
    if j < toks.len() {
        if let Some((_, m)) = MULTIPLIERS
            .iter()
            .find(|(w, _)| *w == toks[j].word.as_ref())
        {
            value *= m;
            j += 1;
        }
    }
    Some((value, j))
}

/// Whether the tokens just before `i` spell one of `phrases` (words separated by single
/// spaces), compared from the last word back so most phrases fail on their first comparison.
fn phrase_before(toks: &[Tok], i: usize, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| {
        let mut k = i;
        p.rsplit(' ').all(|w| {
            if k == 0 {
                return false;
            }
            k -= 1;
            toks[k].word.as_ref() == w
        })
    })
}

fn is_year(v: f64, raw: &str) -> bool {
    raw.len() == 4 && (1800.0..=2100.0).contains(&v)
}

/// Claims and unreadable numbers of one article text.
pub fn extract(
    text: &str,
    segs: &Segments,
    citations: &[Citation],
    nouns_capitalised: &dyn Fn() -> bool,
) -> (Vec<Claim>, Vec<Unreadable>) {
    let mut claims = Vec::new();
    let mut unreadable = Vec::new();
    // The text's sourcing citations in order of position, so that each sentence finds its own
    // by binary search: linear in the text however many citations it has.
    let mut sourcing: Vec<&Citation> = citations
        .iter()
        .filter(|c| c.field == Field::Text && c.kind != CitationKind::Mention)
        .collect();
    sourcing.sort_by_key(|c| c.start);
    for s in &segs.sentences {
        let sentence = s.of(text);
        let toks = tokens(sentence);
        // "1 Comment", "340 vues": a fragment of two words is page furniture, not a statement.
        if toks.len() < 3 {
            continue;
        }
        // A headline in title case ("Typhoon Tokage Claims 25 Lives") capitalises every word, so
        // a capitalised word before a number says nothing of a name.
        let title_case = {
            let words = toks
                .iter()
                .filter(|t| t.raw.chars().all(char::is_alphabetic));
            let (n, upper) = words.fold((0, 0), |(n, u), t| {
                (
                    n + 1,
                    u + usize::from(t.raw.starts_with(char::is_uppercase)),
                )
            });
            n >= 3 && upper * 10 >= n * 7
        };
        let sources = sentence_sources(&sourcing, s.start, s.end);
        // Markup is looked for only once a sentence has a number.
        let mut markup: Option<Vec<std::ops::Range<usize>>> = None;
        let mut i = 0;
        while i < toks.len() {
            let Some((v, mut j)) = number_at(sentence, &toks, i) else {
                i += 1;
                continue;
            };
            // `size="-2"`: a number inside an HTML tag left in the text is markup, not a count.
            if markup
                .get_or_insert_with(|| markup_spans(sentence))
                .iter()
                .any(|m| m.contains(&toks[i].start))
            {
                i = j;
                continue;
            }
            // "sept Français sur dix", "3 out of 10 voters": neither number of a proportion counts.
            if let Some(end) = proportion_from(sentence, &toks, j, v) {
                i = end;
                continue;
            }
            // "2-1 World Cup qualifying", "U-16 Football", "16-13 Green Bay win": a number
            // hyphenated to the word or number before it is a score or a code; "11:52 PDT" is a
            // time; "entre -3 et +4 degrés" a signed change or temperature.
            let gap_before = &sentence[i.checked_sub(1).map_or(0, |p| toks[p].end)..toks[i].start];
            let time = (i > 0 && gap_before == ":" && toks[i - 1].digits())
                || toks
                    .get(j)
                    .is_some_and(|n| n.digits() && sentence[toks[j - 1].end..n.start] == *":");
            let signed = gap_before
                .strip_suffix(['-', '−', '+'])
                .is_some_and(|rest| rest.chars().all(|c| c.is_whitespace() || c == '('));
            let hyphenated = (i > 0 && matches!(gap_before, "-" | "‑")) || time || signed;
            let named = j == i + 1 && names_with(sentence, &toks, i, title_case, nouns_capitalised);
            if hyphenated || opens_proportion(&toks, i) || named {
                i = j;
                continue;
            }
            let mut low = v;
            let mut high = v;
            let mut bound = Bound::Exact;
            // "entre 10 000 et 12 000", and without an opener "30.000 à 40.000 dessins", "de 500
            // à 600", "from 30 to 40", "20 bis 30" (the second number larger, not a year).
            let opened = phrase_before(&toks, i, RANGE_OPEN)
                && toks
                    .get(j)
                    .is_some_and(|t| RANGE_JOIN.contains(&t.word.as_ref()));
            let bare = toks
                .get(j)
                .is_some_and(|t| RANGE_TO.contains(&t.word.as_ref()));
            let second = (opened || bare)
                .then(|| number_at(sentence, &toks, j + 1).filter(|&(_, j2)| j2 > j + 1))
                .flatten()
                .filter(|&(v2, _)| opened || (v2 > v && !is_year(v2, toks[j + 1].raw)));
            if let Some((v2, j2)) = second {
                // "entre 3 et 4 millions": the multiplier of the second number is the first's.
                let scale = if j == i + 1 {
                    MULTIPLIERS
                        .iter()
                        .find(|(w, _)| *w == toks[j2 - 1].word.as_ref())
                        .map_or(1.0, |&(_, m)| m)
                } else {
                    1.0
                };
                let first = if v * scale <= v2 { v * scale } else { v };
                high = v2.max(first);
                low = v2.min(first);
                bound = Bound::Range;
                j = j2;
            } else if phrase_before(&toks, i, AT_LEAST) {
                bound = Bound::AtLeast;
            } else if phrase_before(&toks, i, AT_MOST) {
                bound = Bound::AtMost;
            }
            // "7.000 XNUMX": a number followed by a translation placeholder cannot be read.
            if j < toks.len() && toks[j].raw.starts_with("XNUM")
                || j < toks.len() && toks[j].raw.starts_with("XXNUM")
            {
                unreadable.push(Unreadable {
                    start: s.start + toks[i].start,
                    end: s.start + toks[j].end,
                });
                i = j + 1;
                continue;
            }
            // The unit: the next content word, skipping "de"/"of" ("1 500 soldats", "12,000 of the troops").
            let mut k = j;
            while k < toks.len()
                && matches!(toks[k].word.as_ref(), "de" | "d" | "of" | "des" | "the")
            {
                k += 1;
            }
            // "3 foreign workers", "6 major nations", "otros 5 heridos": the noun follows the
            // adjectives that come before nouns (`data/claims/adjectives.txt`).
            while k + 1 < toks.len()
                && k < j + 3
                && PRE_NOUN_ADJECTIVES.contains(toks[k].word.as_ref())
                && sentence[toks[k].end..toks[k + 1].start].trim().is_empty()
            {
                k += 1;
            }
            let Some(noun) = noun_after_modifiers(sentence, &toks, k, nouns_capitalised) else {
                i = j;
                continue;
            };
            k = noun;
            // "74 % des personnes", "3.1% growth": the unit is the percent sign, not the next word.
            let percent = sentence[toks[j - 1].end..].trim_start().starts_with('%');
            let currency = currency_of(sentence, toks[i].start, toks[j - 1].end);
            let unit = if percent {
                "percent".to_string()
            } else if let Some(c) = currency {
                c.to_string()
            } else {
                toks.get(k).map(|t| t.word.to_string()).unwrap_or_default()
            };
            let gap_ok = percent
                || currency.is_some()
                || toks.get(k).is_some_and(|t| {
                    let gap = &sentence[toks[j - 1].end..t.start];
                    // "six-party talks", "a five-point plan", "three-day": a number hyphenated to the
                    // next word makes a compound adjective or a name, not a count of that word.
                    let hyphen = |g: &str| g == "-" || g == "‑";
                    let compound = hyphen(gap)
                        || toks
                            .get(j)
                            .is_some_and(|n| hyphen(&sentence[toks[j - 1].end..n.start]));
                    (!gap.contains(['.', ',', ';', ':', '(', ')']) || gap.trim() == "%")
                        && !compound
                });
            let usable = !unit.is_empty()
                && gap_ok
                && unit.chars().all(char::is_alphabetic)
                && unit.chars().count() >= 3
                && !NOT_UNITS.contains(&unit)
                // "June 15 joint declaration", "le 3 mars": a number after a month is a date.
                && !(i > 0 && crate::citations::MONTH_WORDS.contains(&toks[i - 1].word.as_ref()))
                // "Chapter 11 bankruptcy", "l'article 49.3", "Acte 18": the number names, not counts.
                && !(i > 0 && IDENTIFIER_WORDS.contains(toks[i - 1].word.as_ref()))
                && !(GENERIC_UNITS.contains(&unit) && high < GENERIC_MIN)
                && !is_year(v, toks[i].raw)
                && v > 0.0;
            if usable {
                let end = if percent {
                    let after = toks[j - 1].end;
                    after + sentence[after..].find('%').map_or(0, |p| p + 1)
                } else if currency.is_some() {
                    let after = toks[j - 1].end;
                    let rest = &sentence[after..];
                    let symbol = rest
                        .trim_start()
                        .chars()
                        .next()
                        .filter(|c| "€$£¥".contains(*c));
                    after
                        + symbol.map_or(0, |c| rest.len() - rest.trim_start().len() + c.len_utf8())
                } else {
                    toks[k].end
                };
                claims.push(Claim {
                    low,
                    high,
                    bound,
                    unit: singular(&unit),
                    start: s.start + toks[i].start,
                    end: s.start + end,
                    sources: sources.clone(),
                });
                i = if percent || currency.is_some() {
                    j
                } else {
                    k + 1
                };
            } else {
                i = j.max(i + 1);
            }
        }
    }
    (claims, unreadable)
}

/// Sources a sentence attributes its content to: the attributions and credits found inside it, in
/// order of position. `sourcing` holds the text's non-mention citations sorted by start.
/// # Complexity: O(log n + k) for k citations in the sentence.
fn sentence_sources(sourcing: &[&Citation], start: usize, end: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let first = sourcing.partition_point(|c| c.start < start);
    let inside = sourcing[first..]
        .iter()
        .take_while(|c| c.start < end)
        .filter(|c| c.end <= end);
    for c in inside {
        if !out.contains(&c.source) {
            out.push(c.source.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests;
