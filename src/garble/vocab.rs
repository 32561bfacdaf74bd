//! The input's own vocabulary, for glued words: which words the input writes in lowercase, which
//! capitalised, and which camel-case tokens recur whole across articles (names and brands).
//! Filled in the first pass over every text, read in the second.

use rustc_hash::{FxHashMap, FxHashSet};
use xxhash_rust::xxh3::xxh3_64;

use super::rules::CONJUNCTIONS;

/// Words of one text, each list sorted and deduplicated.
#[derive(Debug, Clone, Default)]
pub struct TextWords {
    lower: Vec<u64>,
    title: Vec<u64>,
    camel: Vec<u64>,
    joined: Vec<u64>,
}

/// Words of the whole input.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    lower: FxHashSet<u64>,
    title: FxHashSet<u64>,
    camel: FxHashMap<u64, u32>,
    joined: FxHashMap<u64, u32>,
    /// Headlines of the input's articles (for teasers that repeat another article's headline).
    pub headlines: Headlines,
}

/// A headline needs this many words to identify another article's teaser.
pub const MIN_HEADLINE_WORDS: usize = 4;
/// Longer than this (bytes), a title is not a headline a teaser would repeat.
const MAX_HEADLINE: usize = 300;

/// Headlines of the input: the key of each article's title (or, without one, its first line) and
/// the smallest id of the articles that have it, so the answer does not depend on row order.
#[derive(Debug, Clone, Default)]
pub struct Headlines {
    ids: FxHashMap<u64, String>,
}

impl Headlines {
    /// Adds the headline of article `id`; headlines of fewer than four words are not kept.
    pub fn add(&mut self, id: &str, headline: &str) {
        if headline.split_whitespace().count() < MIN_HEADLINE_WORDS || headline.len() > MAX_HEADLINE
        {
            return;
        }
        let e = self
            .ids
            .entry(crate::boilerplate::line_key(headline))
            .or_insert_with(|| id.to_string());
        if id < e.as_str() {
            *e = id.to_string();
        }
    }

    /// No headline was kept.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The article whose headline has `key`.
    pub fn get(&self, key: u64) -> Option<&str> {
        self.ids.get(&key).map(String::as_str)
    }
}

/// The key of a "Name conj Name" phrase.
pub fn joined_key(prev: &str, conj: &str, next: &str) -> u64 {
    xxh3_64(format!("{} {conj} {}", prev.to_lowercase(), next.to_lowercase()).as_bytes())
}

/// Hash of the lowercased word; ASCII words (most of them) are lowered without an allocation.
fn key(w: &str) -> u64 {
    if w.is_ascii() && w.len() <= 64 {
        let mut buf = [0u8; 64];
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        xxh3_64(b)
    } else {
        xxh3_64(w.to_lowercase().as_bytes())
    }
}

/// What one pass over a word's characters learns about its case.
#[derive(Clone, Copy)]
struct WordCase {
    chars: usize,
    first_upper: bool,
    /// Every character after the first is lowercase.
    rest_lower: bool,
    first_lower: bool,
    /// A lowercase character followed by an uppercase one.
    camel: bool,
    prev_lower: bool,
}

impl WordCase {
    fn new() -> WordCase {
        WordCase {
            chars: 0,
            first_upper: false,
            rest_lower: true,
            first_lower: false,
            camel: false,
            prev_lower: false,
        }
    }

    #[inline]
    fn push(&mut self, lower: bool, upper: bool) {
        if self.chars == 0 {
            self.first_upper = upper;
            self.first_lower = lower;
        } else {
            self.rest_lower &= lower;
        }
        self.camel |= upper && self.prev_lower;
        self.prev_lower = lower;
        self.chars += 1;
    }
}

impl TextWords {
    /// The words of `text` (runs of letters).
    /// # Complexity
    /// O(len(text)).
    pub fn of(text: &str) -> TextWords {
        let mut out = TextWords {
            lower: Vec::with_capacity(text.len() / 8),
            ..TextWords::default()
        };
        // Words are runs of alphabetic characters, each classified in the same pass (ASCII bytes
        // without decoding): lowercase, capitalised, or camel-case.
        let bytes = text.as_bytes();
        let mut word: Option<(usize, WordCase)> = None;
        let mut i = 0;
        let put = |out: &mut TextWords, w: &str, case: WordCase| {
            if case.chars < 3 {
                return;
            }
            if case.first_lower && case.rest_lower {
                out.lower.push(key(w));
            } else if case.first_upper && case.rest_lower {
                out.title.push(key(w));
            } else if case.camel {
                out.camel.push(xxh3_64(w.as_bytes()));
            }
        };
        while i < bytes.len() {
            let b = bytes[i];
            let (len, alpha, lower, upper) = if b < 0x80 {
                (
                    1,
                    b.is_ascii_alphabetic(),
                    b.is_ascii_lowercase(),
                    b.is_ascii_uppercase(),
                )
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (
                    c.len_utf8(),
                    c.is_alphabetic(),
                    c.is_lowercase(),
                    c.is_uppercase(),
                )
            };
            if alpha {
                word.get_or_insert((i, WordCase::new()))
                    .1
                    .push(lower, upper);
            } else if let Some((start, case)) = word.take() {
                put(&mut out, &text[start..i], case);
            }
            i += len;
        }
        if let Some((start, case)) = word.take() {
            put(&mut out, &text[start..], case);
        }
        // "Name conj Name": only around a conjunction, so no token list is built.
        let cap = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
        let bare = |t: &'_ str| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        let mut prev2: Option<&str> = None;
        let mut prev1: Option<&str> = None;
        for t in text.split_whitespace() {
            if let (Some(a), Some(c)) = (prev2, prev1) {
                // Counted across the input: a phrase repeated in several articles is a name of its
                // own ("Fichtel und Sachs"), not a translation left-over.
                if c.len() <= 3 && CONJUNCTIONS.iter().any(|(w, _)| *w == c) && cap(a) && cap(t) {
                    out.joined.push(joined_key(&bare(a), c, &bare(t)));
                }
            }
            prev2 = prev1;
            prev1 = Some(t);
        }
        for v in [
            &mut out.lower,
            &mut out.title,
            &mut out.camel,
            &mut out.joined,
        ] {
            v.sort_unstable();
            v.dedup();
        }
        out
    }
}

impl Vocab {
    /// Adds one text's words.
    pub fn add(&mut self, t: TextWords) {
        self.lower.extend(t.lower);
        self.title.extend(t.title);
        for c in t.camel {
            *self.camel.entry(c).or_default() += 1;
        }
        for j in t.joined {
            *self.joined.entry(j).or_default() += 1;
        }
    }

    /// Articles in which the phrase "prev conj next" occurs.
    pub fn joined_articles(&self, prev: &str, conj: &str, next: &str) -> u32 {
        self.joined
            .get(&joined_key(prev, conj, next))
            .copied()
            .unwrap_or(0)
    }

    /// The input writes `w` in lowercase somewhere.
    pub fn seen_lower(&self, w: &str) -> bool {
        self.lower.contains(&key(w))
    }

    /// The input writes `w` capitalised (or in lowercase) somewhere as a word of its own.
    pub fn seen_word(&self, w: &str) -> bool {
        let k = key(w);
        self.title.contains(&k) || self.lower.contains(&k)
    }

    /// Articles in which the camel-case token `w` occurs whole.
    pub fn camel_articles(&self, w: &str) -> u32 {
        self.camel.get(&xxh3_64(w.as_bytes())).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A camel-case token: a lowercase letter followed by an uppercase one inside it.
    fn is_camel(w: &str) -> bool {
        let mut prev_lower = false;
        for c in w.chars() {
            if c.is_uppercase() && prev_lower {
                return true;
            }
            prev_lower = c.is_lowercase();
        }
        false
    }

    /// The word rule before its one-pass form: split on non-letters, then classify each word.
    fn reference(text: &str) -> TextWords {
        let mut out = TextWords::default();
        for w in text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
        {
            let mut cs = w.chars();
            let first = cs.next().unwrap_or(' ');
            if w.chars().all(char::is_lowercase) {
                out.lower.push(key(w));
            } else if first.is_uppercase() && cs.clone().all(char::is_lowercase) {
                out.title.push(key(w));
            } else if is_camel(w) {
                out.camel.push(xxh3_64(w.as_bytes()));
            }
        }
        for v in [&mut out.lower, &mut out.title, &mut out.camel] {
            v.sort_unstable();
            v.dedup();
        }
        out
    }

    #[test]
    fn one_pass_words_equal_the_reference() {
        let pieces = [
            "le",
            "Le",
            "LE",
            "lE",
            "jeLe",
            "BlaBlaCar",
            "McDonald",
            "été",
            "Été",
            "ÉTÉ",
            "straße",
            "Straße",
            "ǅemal",
            "ǅ",
            "東京",
            "Москва",
            "москва",
            "İstanbul",
            "ΣΊΣΥΦΟΣ",
            "x",
            "ab",
            "abc",
            " ",
            "-",
            "'",
            "’",
            "1",
            "2024",
            "\u{a0}",
            "\n",
            ".",
            "ª",
            "º",
            "ŉ",
            "ﬁ",
        ];
        for t in crate::testing::mixed_texts(&pieces, 0x2545_F491_4F6C_DD1D, 24, 20_000) {
            let (got, want) = (TextWords::of(&t), reference(&t));
            assert_eq!(got.lower, want.lower, "{t:?}");
            assert_eq!(got.title, want.title, "{t:?}");
            assert_eq!(got.camel, want.camel, "{t:?}");
        }
    }
}
