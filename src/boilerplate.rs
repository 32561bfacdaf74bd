//! Per-outlet boilerplate learned from the input: lines that one outlet prints in many of its
//! articles (footers, "Lire aussi" blocks, newsletter pitches, a feed's format residue).
//!
//! Built on the segmentation stage: a line is boilerplate for an outlet when its folded form
//! recurs in at least [`MIN_ARTICLES`] distinct articles of that outlet and in at least
//! [`MIN_SHARE`] of them. The copy stage removes these lines from copy evidence; the garble
//! stage does not flag them as the article's own artefacts; the scoring stage does not hold them
//! against the outlet.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::normalize::fold_text;
use crate::segment::{Segments, Span};

/// A line must recur in at least this many articles of one outlet.
pub const MIN_ARTICLES: usize = 3;
/// … and in at least this share of the outlet's articles.
pub const MIN_SHARE: f64 = 0.02;
/// Lines longer than this (bytes) are story text, not furniture.
pub const MAX_LINE: usize = 600;

const SEED: u64 = 0x6372_6564_656e_6365;

/// Hash of a line's folded form; letters only, so punctuation and spacing variants agree.
pub fn line_key(line: &str) -> u64 {
    if line.is_ascii() {
        // The fold of ASCII letters and digits is their lowercase: no allocation of the fold.
        let letters: Vec<u8> = line
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| b.to_ascii_lowercase())
            .collect();
        return xxh3_64_with_seed(&letters, SEED);
    }
    let f = fold_text(line);
    let letters: String = f.chars().filter(|c| c.is_alphanumeric()).collect();
    xxh3_64_with_seed(letters.as_bytes(), SEED)
}

/// Boilerplate line keys per outlet.
#[derive(Debug, Clone, Default)]
pub struct Boilerplate {
    by_outlet: BTreeMap<String, FxHashSet<u64>>,
}

/// The keys of an article's lines short enough to be furniture, sorted and deduplicated: what
/// [`Learner::add`] counts.
pub fn line_keys(text: &str, segs: &Segments) -> Vec<u64> {
    let mut keys: Vec<u64> = segs
        .lines
        .iter()
        .filter(|l| l.end - l.start <= MAX_LINE)
        .map(|l| line_key(l.of(text)))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Counts line keys per outlet, one article at a time, so that texts need not stay in memory.
#[derive(Debug, Default)]
pub struct Learner {
    outlets: FxHashMap<String, (u32, usize)>,
    counts: rustc_hash::FxHashMap<(u32, u64), u32>,
}

impl Learner {
    /// Counts one article of `outlet` with the [`line_keys`] of its text.
    pub fn add(&mut self, outlet: &str, keys: &[u64]) {
        let next = self.outlets.len() as u32;
        let id = match self.outlets.get_mut(outlet) {
            Some(e) => {
                e.1 += 1;
                e.0
            }
            None => {
                self.outlets.insert(outlet.to_string(), (next, 1));
                next
            }
        };
        for &k in keys {
            *self.counts.entry((id, k)).or_default() += 1;
        }
    }

    /// The lines that recur often enough in each outlet.
    pub fn finish(self) -> Boilerplate {
        let mut names: Vec<(&str, usize)> = vec![("", 0); self.outlets.len()];
        for (name, &(id, n)) in &self.outlets {
            names[id as usize] = (name, n);
        }
        let mut by_outlet: BTreeMap<String, FxHashSet<u64>> = BTreeMap::new();
        for ((id, key), n) in self.counts {
            let (outlet, total) = names[id as usize];
            let n = n as usize;
            if n >= MIN_ARTICLES && n as f64 >= MIN_SHARE * total as f64 {
                by_outlet.entry(outlet.to_string()).or_default().insert(key);
            }
        }
        Boilerplate { by_outlet }
    }
}

impl Boilerplate {
    /// Learns boilerplate from `(outlet, text, segments)` of every article with a known outlet.
    pub fn learn<'a>(
        articles: impl IntoIterator<Item = (&'a str, &'a str, &'a Segments)>,
    ) -> Boilerplate {
        let mut learner = Learner::default();
        for (outlet, text, segs) in articles {
            learner.add(outlet, &line_keys(text, segs));
        }
        learner.finish()
    }

    /// The boilerplate lines of one article.
    pub fn lines_of(&self, outlet: &str, text: &str, segs: &Segments) -> Vec<Span> {
        let Some(keys) = self.by_outlet.get(outlet) else {
            return Vec::new();
        };
        segs.lines
            .iter()
            .filter(|l| l.end - l.start <= MAX_LINE && keys.contains(&line_key(l.of(text))))
            .copied()
            .collect()
    }

    /// Number of boilerplate lines learned for `outlet`.
    pub fn count(&self, outlet: &str) -> usize {
        self.by_outlet.get(outlet).map_or(0, |k| k.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_lines_repeated_across_one_outlets_articles() {
        let texts: Vec<String> = (0..4)
            .map(|i| format!("Story number {i} about something else entirely.\nLire aussi : notre dossier\nAbonnez-vous à la newsletter !"))
            .collect();
        let segs: Vec<Segments> = texts.iter().map(|t| Segments::new(t)).collect();
        let bp = Boilerplate::learn(
            texts
                .iter()
                .zip(&segs)
                .map(|(t, s)| ("site.fr", t.as_str(), s)),
        );
        let lines = bp.lines_of("site.fr", &texts[0], &segs[0]);
        let got: Vec<&str> = lines.iter().map(|l| l.of(&texts[0])).collect();
        assert_eq!(
            got,
            [
                "Lire aussi : notre dossier",
                "Abonnez-vous à la newsletter !"
            ]
        );
        assert!(bp.lines_of("other.fr", &texts[0], &segs[0]).is_empty());
    }

    #[test]
    fn ascii_lines_key_like_their_fold() {
        for line in [
            "Lire AUSSI - notre dossier!",
            "a-b  `c' 12,5 %",
            "Copyright 2024 Reuters",
        ] {
            let f = fold_text(line);
            let letters: String = f.chars().filter(|c| c.is_alphanumeric()).collect();
            assert_eq!(line_key(line), xxh3_64_with_seed(letters.as_bytes(), SEED));
        }
        assert_eq!(line_key("Lire aussi"), line_key("LIRE AUSSI !"));
    }

    #[test]
    fn two_identical_articles_are_not_boilerplate() {
        let t = "Same text.\nSame footer.".to_string();
        let s = Segments::new(&t);
        let bp = Boilerplate::learn([("a.fr", t.as_str(), &s), ("a.fr", t.as_str(), &s)]);
        assert_eq!(bp.count("a.fr"), 0);
    }
}
