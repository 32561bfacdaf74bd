//! Language-independent anchors: what survives translation unchanged, so that an article and its
//! translation can be found and aligned without a dictionary.
//!
//! An anchor is one of
//! - a **number** of two digits or more, digit groups joined and decimal marks unified, so that
//!   "7.000", "7 000" and "7,000" are one anchor and "1,5" and "1.5" another;
//! - a **name**: a word written with a capital inside a sentence (not its first word), or an
//!   acronym anywhere, folded (lowercase, no accents: "Séoul" and "Seoul" agree), at least three
//!   letters, and not a function word of a known language ("Sie" is not a name);
//! - a **handle, hashtag or domain** ("@UN", "#MeToo", "lemonde.fr"), folded.
//!
//! Words capitalised by a language's grammar (German nouns) become anchors too; they find no
//! partner in another language, so they dilute but never fake the evidence.

use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::garble::LangId;
use crate::segment::Span;
use crate::text::TextView;

const SEED: u64 = 0x616e_6368_6f72;

/// What the translation check reads about one article: its sentences' anchors and the language
/// its own words read as.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Anchored {
    /// Sentences with their anchors, in order.
    pub sentences: Vec<SentenceAnchors>,
    /// The language the text's function words point to, if any (the input's label can be wrong).
    pub lang: Option<String>,
}

/// The anchors of one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceAnchors {
    /// The sentence in the original text.
    pub span: Span,
    /// Characters of the sentence (for the length ratio of an alignment).
    pub chars: u32,
    /// Anchor hashes in text order (repeats kept).
    pub anchors: Vec<u64>,
}

/// Anchors of every sentence of `view`, in order.
///
/// # Complexity
/// Linear in the length of the text.
pub fn sentences(view: &TextView, langid: &LangId) -> Vec<SentenceAnchors> {
    let text = view.text;
    let words = &view.words;
    let folded = view.folded.text.as_str();
    let mut out: Vec<SentenceAnchors> = view
        .segs
        .sentences
        .iter()
        .flat_map(|&s| split_flattened(text, s))
        .map(|s| SentenceAnchors {
            span: s,
            chars: s.of(text).chars().count() as u32,
            anchors: Vec::new(),
        })
        .collect();
    let mut k = 0; // sentence index
    let mut first_of_sentence = true;
    let mut number = String::new();
    let mut w = 0;
    while w < words.len() {
        let (os, oe) = view.original(words[w]);
        while k < out.len() && out[k].span.end <= os {
            k += 1;
            first_of_sentence = true;
        }
        if k >= out.len() {
            break;
        }
        let opens = std::mem::replace(&mut first_of_sentence, false);
        let word = view.word(words[w]);
        let mut fe = words[w].end as usize;
        w += 1;
        // (anchor, strong): numbers, acronyms and handles are strong anchors, which a language's
        // grammar never makes (German capitalises every noun, never every letter of one).
        let anchor: Option<(&str, bool)> = if word.bytes().all(|b| b.is_ascii_digit()) {
            // Digit groups of one number: "7 000", "7.000", "7,000", "7'000" (one buffer reused).
            let n = &mut number;
            n.clear();
            n.push('#');
            n.push_str(word);
            while w < words.len() {
                let (ns, ne) = (words[w].start as usize, words[w].end as usize);
                let next = &folded[ns..ne];
                let gap = &folded[fe..ns];
                if matches!(gap, " " | "." | "," | "'")
                    && next.len() == 3
                    && next.bytes().all(|b| b.is_ascii_digit())
                {
                    n.push_str(next);
                    fe = ne;
                    w += 1;
                } else {
                    break;
                }
            }
            // A decimal part: "1,5" and "1.5".
            if w < words.len() {
                let (ns, ne) = (words[w].start as usize, words[w].end as usize);
                let next = &folded[ns..ne];
                if matches!(&folded[fe..ns], "." | ",")
                    && (1..=2).contains(&next.len())
                    && next.bytes().all(|b| b.is_ascii_digit())
                {
                    n.push('.');
                    n.push_str(next);
                    w += 1;
                }
            }
            // At least two digits besides the '#'.
            (n.len() >= 3).then_some((n.as_str(), true))
        } else if word.len() < 3 {
            None
        } else {
            let orig = &text[os..oe];
            let first = orig.chars().next().unwrap_or(' ');
            let marked = text[..os].ends_with(['@', '#']);
            if !first.is_uppercase() && !marked {
                None
            } else {
                let acronym = orig.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && orig.chars().all(|c| !c.is_lowercase());
                let capital = first.is_uppercase() && (!opens || acronym);
                ((capital || marked) && !langid.is_folded_function_word(word))
                    .then_some((word, acronym || marked))
            }
        };
        if let Some((a, strong)) = anchor {
            let h = xxh3_64_with_seed(a.as_bytes(), SEED);
            out[k].anchors.push(if strong { h | 1 } else { h & !1 });
        }
    }
    out
}

/// Splits a sentence where a paragraph break was flattened into commas ("… the week., , This
/// visit …", as some feeds export paragraphs): a terminator, a comma, then more commas or spaces and
/// a capital. "U.S., drawing" goes on (no capital after the comma).
fn split_flattened(text: &str, s: Span) -> impl Iterator<Item = Span> {
    let bytes = text.as_bytes();
    let mut cuts = Vec::new();
    let mut i = s.start;
    while i + 1 < s.end {
        if matches!(bytes[i], b'.' | b'!' | b'?') && bytes[i + 1] == b',' {
            let mut j = i + 1;
            while j < s.end && matches!(bytes[j], b',' | b' ' | b'\t') {
                j += 1;
            }
            if j < s.end && text[j..].chars().next().is_some_and(char::is_uppercase) {
                cuts.push((i + 1, j));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let mut start = s.start;
    let mut out = Vec::with_capacity(cuts.len() + 1);
    for (end, next) in cuts {
        out.push(Span { start, end });
        start = next;
    }
    out.push(Span { start, end: s.end });
    out.into_iter()
}

/// Strong anchors (numbers, acronyms, handles: the lowest hash bit set) an article keeps for
/// candidate generation: the smallest distinct hashes, a bottom-k sample (two texts sharing most
/// anchors share most of their samples).
pub const SKETCH_STRONG: usize = 24;
/// Other anchors (capitalised words) kept the same way.
pub const SKETCH_WEAK: usize = 40;

/// The distinct anchors of an article, sorted.
pub fn distinct(sentences: &[SentenceAnchors]) -> Vec<u64> {
    let mut all: Vec<u64> = sentences
        .iter()
        .flat_map(|s| s.anchors.iter().copied())
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// The sampled anchors of an article, sorted: strong and other anchors sampled apart, so that a
/// language that capitalises every noun cannot crowd the numbers and acronyms out of the sample.
pub fn sketch(sentences: &[SentenceAnchors]) -> Vec<u64> {
    sample(&distinct(sentences))
}

/// [`sketch`] from an article's [`distinct`] anchors.
pub fn sample(all: &[u64]) -> Vec<u64> {
    let strong = all.iter().filter(|h| *h & 1 == 1).take(SKETCH_STRONG);
    let weak = all.iter().filter(|h| *h & 1 == 0).take(SKETCH_WEAK);
    let mut out: Vec<u64> = strong.chain(weak).copied().collect();
    out.sort_unstable();
    out
}

/// Slots of the [`Frequencies`] table (2^22 counters of two bytes: 8 MB).
const FREQ_BITS: u32 = 22;

/// How many articles hold each anchor, counted in one fixed table indexed by the anchor's hash:
/// bounded memory whatever the input, exact but for collisions, which can only raise a count.
/// Anchors in many articles (a feed's official titles, "Kim Jong Il", "DPRK") are the input's
/// boilerplate and are not evidence that two texts render each other.
#[derive(Debug, Clone)]
pub struct Frequencies {
    counts: Vec<u16>,
    articles: usize,
}

impl Default for Frequencies {
    fn default() -> Frequencies {
        Frequencies {
            counts: vec![0; 1 << FREQ_BITS],
            articles: 0,
        }
    }
}

/// An anchor held by more than this share of the articles (and more than [`COMMON_MIN`]) is the
/// input's boilerplate. A share, not a count: in a million articles, the names of one week's
/// big story are held by thousands without being anybody's boilerplate.
pub const COMMON_SHARE: f64 = 0.005;
/// The least count above which an anchor can be common (small inputs).
pub const COMMON_MIN: usize = 64;

impl Frequencies {
    /// Counts one article's [`distinct`] anchors.
    pub fn add(&mut self, distinct: &[u64]) {
        self.articles += 1;
        for &h in distinct {
            let c = &mut self.counts[(h >> (64 - FREQ_BITS)) as usize];
            *c = c.saturating_add(1);
        }
    }

    /// Articles holding anchor `h` (at least).
    pub fn get(&self, h: u64) -> u16 {
        self.counts[(h >> (64 - FREQ_BITS)) as usize]
    }

    /// Whether anchor `h` is common in the input: held by more than [`COMMON_SHARE`] of the
    /// articles counted and more than [`COMMON_MIN`].
    pub fn is_common(&self, h: u64) -> bool {
        let limit = COMMON_MIN.max((self.articles as f64 * COMMON_SHARE) as usize);
        usize::from(self.get(h)) > limit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_is_a_share_of_the_input_not_a_count() {
        let mut f = Frequencies::default();
        for _ in 0..100 {
            f.add(&[7 << 50]);
        }
        assert!(f.is_common(7 << 50), "100 of 100 articles");
        for _ in 0..100_000 {
            f.add(&[]);
        }
        assert!(
            !f.is_common(7 << 50),
            "100 of 100,100 articles is a story, not boilerplate"
        );
    }

    fn anchors_of(text: &str) -> Vec<Vec<u64>> {
        let v = TextView::new(text);
        sentences(&v, &LangId::bundled())
            .into_iter()
            .map(|s| s.anchors)
            .collect()
    }

    fn h(a: &str) -> u64 {
        let h = xxh3_64_with_seed(a.as_bytes(), SEED);
        let strong = a.starts_with('#') || a.chars().all(|c| !c.is_lowercase());
        if strong {
            h | 1
        } else {
            h & !1
        }
    }

    #[test]
    fn paragraph_breaks_flattened_into_commas_end_sentences() {
        let t = "They toured the U.S., drawing crowds in Boston for a week., , This was their \
                 second visit to Chicago.";
        let v = TextView::new(t);
        let s = sentences(&v, &LangId::bundled());
        let got: Vec<&str> = s.iter().map(|x| x.span.of(t)).collect();
        assert_eq!(
            got,
            [
                "They toured the U.S., drawing crowds in Boston for a week.",
                "This was their second visit to Chicago."
            ]
        );
    }

    #[test]
    fn numbers_agree_across_digit_group_conventions() {
        for t in [
            "Il y a 7 000 soldats.",
            "Es gibt 7.000 Soldaten.",
            "There are 7,000 troops.",
        ] {
            assert!(anchors_of(t)[0].contains(&h("#7000")), "{t}");
        }
        assert!(anchors_of("Le taux est de 1,5 pour cent.")[0].contains(&h("#1.5")));
        assert!(anchors_of("The rate is 1.5 percent.")[0].contains(&h("#1.5")));
        // One digit is not an anchor.
        assert!(anchors_of("Il a 3 enfants.")[0].is_empty());
    }

    #[test]
    fn names_agree_across_accents_and_skip_sentence_starts() {
        let fr = anchors_of("Le président est arrivé à Séoul lundi. Pyongyang a protesté.");
        let de = anchors_of("Der Präsident ist am Montag in Seoul angekommen.");
        assert!(fr[0].contains(&h("seoul")) && de[0].contains(&h("seoul")));
        // "Pyongyang" opens its sentence: not an anchor there.
        assert!(!fr[1].contains(&h("pyongyang")));
        // An acronym counts even at a sentence start; a function word never does.
        assert!(anchors_of("ÖVP und FPÖ protestieren.")[0].contains(&(h("ovp") | 1)));
        assert!(!anchors_of("Wir danken Ihnen, sagte Sie.")[0].contains(&h("sie")));
    }
}
