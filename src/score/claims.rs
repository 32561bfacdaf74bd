//! Numeric claims: a quantity, its unit noun and the source it is attributed to ("12 000 soldats" ←
//! NIS via Yonhap), in French, English, Spanish and German number formats, spelled numbers, ranges
//! ("entre 10 000 et 12 000") and bounds ("plus de 600.000"). A number mangled by translation
//! ("7.000 XNUMX") is unreadable, not 7.

use crate::citations::{Citation, CitationKind, Field};
use crate::normalize::fold_text;
use crate::segment::Segments;

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

/// Spelled numbers. Words that are also common words in another of the four languages ("un",
/// "one", "très"/"tres", "dos", "neuf", "sept", "cent", "mil") are left out.
const SPELLED: &[(&str, f64)] = &[
    ("deux", 2.0),
    ("trois", 3.0),
    ("quatre", 4.0),
    ("cinq", 5.0),
    ("six", 6.0),
    ("huit", 8.0),
    ("dix", 10.0),
    ("douze", 12.0),
    ("vingt", 20.0),
    ("mille", 1000.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("twelve", 12.0),
    ("twenty", 20.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("dozen", 12.0),
    ("cuatro", 4.0),
    ("cinco", 5.0),
    ("seis", 6.0),
    ("siete", 7.0),
    ("ocho", 8.0),
    ("nueve", 9.0),
    ("diez", 10.0),
    ("doce", 12.0),
    ("veinte", 20.0),
    ("cien", 100.0),
    ("zwei", 2.0),
    ("drei", 3.0),
    ("vier", 4.0),
    ("funf", 5.0),
    ("sechs", 6.0),
    ("sieben", 7.0),
    ("acht", 8.0),
    ("neun", 9.0),
    ("zehn", 10.0),
    ("zwolf", 12.0),
    ("zwanzig", 20.0),
    ("hundert", 100.0),
    ("tausend", 1000.0),
];

/// [`SPELLED`] as a map (the first value of a word wins): every token of every text is looked up.
fn spelled() -> &'static rustc_hash::FxHashMap<&'static str, f64> {
    static MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, f64>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for &(w, v) in SPELLED {
            m.entry(w).or_insert(v);
        }
        m
    })
}

const MULTIPLIERS: &[(&str, f64)] = &[
    ("mille", 1e3),
    ("thousand", 1e3),
    ("mil", 1e3),
    ("tausend", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("millones", 1e6),
    ("millon", 1e6),
    ("millionen", 1e6),
    ("mio", 1e6),
    ("mln", 1e6),
    ("milliard", 1e9),
    ("milliards", 1e9),
    ("billion", 1e9),
    ("billions", 1e9),
    ("milliarden", 1e9),
    ("mrd", 1e9),
    ("bn", 1e9),
];

const AT_LEAST: &[&str] = &[
    "plus de",
    "au moins",
    "more than",
    "at least",
    "over",
    "mas de",
    "al menos",
    "mehr als",
    "uber",
    "mindestens",
];
const AT_MOST: &[&str] = &[
    "moins de",
    "jusqu a",
    "less than",
    "up to",
    "fewer than",
    "menos de",
    "hasta",
    "weniger als",
    "bis zu",
];
const RANGE_OPEN: &[&str] = &["entre", "between", "zwischen"];
const RANGE_JOIN: &[&str] = &["et", "and", "y", "und", "a", "to"];

/// Words that never make the unit of a claim (`data/claims/not_units.txt`).
const NOT_UNITS_DATA: &str = include_str!("../../data/claims/not_units.txt");
/// Generic nouns whose small counts are not claims (`data/claims/generic_units.txt`).
const GENERIC_UNITS_DATA: &str = include_str!("../../data/claims/generic_units.txt");
/// Words after which a number names something (`data/claims/identifier_words.txt`).
const IDENTIFIER_WORDS_DATA: &str = include_str!("../../data/claims/identifier_words.txt");

/// Below this value a count of a generic noun ("2 hommes") is not a claim.
const GENERIC_MIN: f64 = 10.0;

/// A word list bundled from `data/claims/`, sorted once on first use.
struct Lexicon {
    data: &'static str,
    words: std::sync::OnceLock<Vec<&'static str>>,
}

impl Lexicon {
    const fn new(data: &'static str) -> Lexicon {
        Lexicon {
            data,
            words: std::sync::OnceLock::new(),
        }
    }

    /// True when `word` is in the list.
    fn contains(&self, word: &str) -> bool {
        self.words
            .get_or_init(|| lexicon(self.data))
            .binary_search(&word)
            .is_ok()
    }
}

/// Words that never make the unit of a claim.
static NOT_UNITS: Lexicon = Lexicon::new(NOT_UNITS_DATA);
/// Generic nouns whose small counts are not claims.
static GENERIC_UNITS: Lexicon = Lexicon::new(GENERIC_UNITS_DATA);
/// Words after which a number names something ("Chapter 11", "article 49.3").
static IDENTIFIER_WORDS: Lexicon = Lexicon::new(IDENTIFIER_WORDS_DATA);

/// The words of one lexicon file: one per line, `#` comments.
fn lexicon(data: &'static str) -> Vec<&'static str> {
    let mut v: Vec<&str> = data
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

struct Tok<'a> {
    /// The folded word (borrowed when the raw word is already lowercase ASCII).
    word: std::borrow::Cow<'a, str>,
    raw: &'a str,
    start: usize,
    end: usize,
}

fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let bounds = text
        .char_indices()
        .map(|(i, c)| (i, c.is_alphanumeric()))
        .chain(std::iter::once((text.len(), false)));
    for (i, alnum) in bounds {
        if alnum {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            let raw = &text[s..i];
            // An ASCII word folds to its lowercase: skip the general fold's allocations.
            let word = if !raw.is_ascii() {
                std::borrow::Cow::Owned(fold_text(raw))
            } else if raw.bytes().any(|b| b.is_ascii_uppercase()) {
                std::borrow::Cow::Owned(raw.to_ascii_lowercase())
            } else {
                std::borrow::Cow::Borrowed(raw)
            };
            out.push(Tok {
                word,
                raw,
                start: s,
                end: i,
            });
        }
    }
    out
}

fn singular(w: &str) -> String {
    let w = w.trim_end_matches('\'');
    if w.len() > 4 && w.ends_with("ies") {
        // "countries" → "country", not "countrie".
        format!("{}y", &w[..w.len() - 3])
    } else if w.len() > 4 && (w.ends_with("ais") || w.ends_with("ois") || w.ends_with("ss")) {
        // "français", "chinois", "press": the s is not a plural.
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
    let t = &toks[i];
    let mut j = i + 1;
    let mut value = if t.raw.bytes().all(|b| b.is_ascii_digit()) {
        let mut digits = t.raw.to_string();
        let mut decimal: Option<String> = None;
        while j < toks.len() && toks[j].raw.bytes().all(|b| b.is_ascii_digit()) {
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

fn phrase_before(toks: &[Tok], i: usize, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| {
        let n = p.split(' ').count();
        i >= n
            && toks[i - n..i]
                .iter()
                .zip(p.split(' '))
                .all(|(t, w)| t.word.as_ref() == w)
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
        let sources = sentence_sources(&sourcing, s.start, s.end);
        let mut i = 0;
        while i < toks.len() {
            let Some((v, mut j)) = number_at(sentence, &toks, i) else {
                i += 1;
                continue;
            };
            let mut low = v;
            let mut high = v;
            let mut bound = Bound::Exact;
            if phrase_before(&toks, i, RANGE_OPEN)
                && j < toks.len()
                && RANGE_JOIN.contains(&toks[j].word.as_ref())
                && j + 1 < toks.len()
            {
                if let Some((v2, j2)) = number_at(sentence, &toks, j + 1) {
                    high = v2.max(v);
                    low = v2.min(v);
                    bound = Bound::Range;
                    j = j2;
                }
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
            // "2 French journalists", "3 Egyptian soldiers", "les 2 Français arrêtés" aside: a
            // capitalised word right after the number and followed by a lowercase word is a modifier
            // (a nationality, a name) in a language whose common nouns are lowercase; the noun is the
            // next word. Not in German, where every noun is capitalised.
            if k < toks.len()
                && k + 1 < toks.len()
                && toks[k].raw.chars().next().is_some_and(char::is_uppercase)
                && toks[k].raw.chars().skip(1).any(char::is_lowercase)
                // A plural ("2 Americans were", "2 Français arrêtés") is the noun itself.
                && !toks[k].raw.ends_with(['s', 'x'])
                && toks[k + 1].raw.chars().all(char::is_lowercase)
                && toks[k + 1].raw.chars().count() >= 3
                && !NOT_UNITS.contains(toks[k + 1].word.as_ref())
                && sentence[toks[k].end..toks[k + 1].start].trim().is_empty()
                && !nouns_capitalised()
            {
                k += 1;
            }
            // "74 % des personnes", "3.1% growth": the unit is the percent sign, not the next word.
            let percent = sentence[toks[j - 1].end..].trim_start().starts_with('%');
            let unit = if percent {
                "percent".to_string()
            } else {
                toks.get(k).map(|t| t.word.to_string()).unwrap_or_default()
            };
            let gap_ok = percent
                || toks.get(k).is_some_and(|t| {
                    let gap = &sentence[toks[j - 1].end..t.start];
                    // "six-party talks", "a five-point plan", "three-day": a number hyphenated to the
                    // next word makes a compound adjective or a name, not a count of that word.
                    let compound = k == j && (gap == "-" || gap == "‑");
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
                i = if percent { j } else { k + 1 };
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
mod tests {
    use super::*;

    fn claims(text: &str) -> Vec<(f64, f64, Bound, String)> {
        // The text's language, as the first pass guesses it.
        let german = || {
            let langid = crate::garble::lang::LangId::bundled();
            let view = crate::text::TextView::new(text);
            langid
                .guess_words(&langid.words(&view).items)
                .map(|g| g.lang)
                == Some("de".into())
        };
        extract(text, &Segments::new(text), &[], &german)
            .0
            .into_iter()
            .map(|c| (c.low, c.high, c.bound, c.unit))
            .collect()
    }

    /// Regression (claims issue): "3 mois", "2 jour", "2 homme" and "2 countries" were the most
    /// supported claim groups of gj_dev and KCNA, pooling unrelated stories.
    #[test]
    fn regression_a_nationality_before_the_noun_is_not_the_unit() {
        let units = |t: &str| claims(t).into_iter().map(|c| c.3).collect::<Vec<_>>();
        assert_eq!(
            units("Rebels held 12 French journalists for a week."),
            ["journalist"]
        );
        assert_eq!(
            units("Les rebelles ont libéré 15 Maliens blessés hier."),
            ["malien"]
        );
        assert_eq!(
            units("Police arrested 30 Egyptian fishermen near the coast."),
            ["fishermen"]
        );
        assert_eq!(
            units("Unos 40 Colombianos fueron detenidos."),
            ["colombiano"]
        );
        // German capitalises every noun: the capitalised word is the noun.
        let de = extract(
            "Die Polizei nahm 40 Demonstranten fest.",
            &Segments::new("Die Polizei nahm 40 Demonstranten fest."),
            &[],
            &|| true,
        )
        .0;
        assert_eq!(
            de.iter().map(|c| c.unit.as_str()).collect::<Vec<_>>(),
            ["demonstranten"]
        );
    }

    #[test]
    fn regression_durations_dates_and_small_generic_counts_are_not_claims() {
        for text in [
            "Il a été condamné à 3 mois de prison et 2 jours plus tard libéré.",
            "Deux hommes ont été interpellés samedi.",
            "The two countries signed the June 15 joint declaration.",
            "Durante 6 meses y 3 semanas, el lunes 2 de marzo.",
            "Er wurde nach 3 Monaten und 2 Tagen entlassen; 2 Menschen warteten.",
            "Profit rose in the 9 mths to 20 shr cts.",
        ] {
            assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
        }
        // After "Chapter", "article", "Acte", "page", a number names something.
        for text in [
            "The firm filed for Chapter 11 bankruptcy protection.",
            "Le gouvernement a utilisé l'article 49 alinéa 3 de la Constitution.",
            "L'acte 18 des manifestants a réuni des milliers de personnes.",
        ] {
            assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
        }
        // A percent sign is the unit.
        assert_eq!(
            claims("Selon le sondage, 74 % des personnes approuvent.")[0].3,
            "percent"
        );
        assert_eq!(claims("Growth was 3.1% last year.")[0].3, "percent");
        // A number hyphenated to the next word is a compound, not a count.
        for text in [
            "The six-party talks resumed.",
            "A 5-point plan was adopted.",
        ] {
            assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
        }
        // Counts of named things, and large counts of generic ones, stay claims.
        assert_eq!(
            claims("Quelque 300 manifestants à Marseille.")[0].3,
            "manifestant"
        );
        assert_eq!(claims("Some 12,000 people marched.")[0].3, "people");
        assert_eq!(claims("Unos 1.500 soldados cruzaron.")[0].3, "soldado");
        assert_eq!(
            claims("Rund 800 Polizisten waren im Einsatz.")[0].3,
            "polizisten"
        );
        // Units are not stemmed into non-words.
        assert_eq!(singular("countries"), "country");
        assert_eq!(singular("francais"), "francais");
    }

    #[test]
    fn number_formats_of_four_languages() {
        assert_eq!(
            claims("Pyongyang prévoit 12 000 soldats."),
            [(12000.0, 12000.0, Bound::Exact, "soldat".into())]
        );
        assert_eq!(
            claims("Déjà 1 500 soldats des forces spéciales."),
            [(1500.0, 1500.0, Bound::Exact, "soldat".into())]
        );
        assert_eq!(
            claims("Some 12,000 troops were sent."),
            [(12000.0, 12000.0, Bound::Exact, "troop".into())]
        );
        assert_eq!(
            claims("Unos 1.500 soldados llegaron."),
            [(1500.0, 1500.0, Bound::Exact, "soldado".into())]
        );
        assert_eq!(
            claims("Rund 1,5 Millionen Menschen."),
            [(1_500_000.0, 1_500_000.0, Bound::Exact, "menschen".into())]
        );
        assert_eq!(
            claims("Il a envoyé quatre brigades."),
            [(4.0, 4.0, Bound::Exact, "brigade".into())]
        );
    }

    #[test]
    fn ranges_and_bounds() {
        assert_eq!(
            claims("Entre 10 000 et 12 000 soldats ont été déployés."),
            [(10000.0, 12000.0, Bound::Range, "soldat".into())]
        );
        assert_eq!(
            claims("Plus de 600.000 soldats russes ont été tués."),
            [(600000.0, 600000.0, Bound::AtLeast, "soldat".into())]
        );
    }

    #[test]
    fn garbled_numbers_are_unreadable_not_small() {
        let t = "La Russie a déplacé plus de 7.000 XNUMX soldats nord-coréens.";
        let (c, u) = extract(t, &Segments::new(t), &[], &|| false);
        assert!(c.is_empty(), "{c:?}");
        assert_eq!(&t[u[0].start..u[0].end], "7.000 XNUMX");
    }

    #[test]
    fn dates_and_years_are_not_claims() {
        assert!(claims("Le 18 octobre 2024, rien.").is_empty());
        assert!(claims("En 2024 la guerre continue.").is_empty());
    }
}
