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

use xxhash_rust::xxh3::{xxh3_64_with_seed, Xxh3};

use crate::normalize::fold_text;
use crate::segment::Span;
use crate::text::TextView;

/// A line must recur in at least this many articles of one outlet.
pub const MIN_ARTICLES: usize = 3;
/// … and in at least this share of the outlet's articles.
pub const MIN_SHARE: f64 = 0.02;
/// Lines longer than this (bytes) are story text, not furniture.
pub const MAX_LINE: usize = 600;

const SEED: u64 = 0x6372_6564_656e_6365;

/// Hash of a line's folded form; letters only, so punctuation and spacing variants agree. A line
/// with no letter or digit is keyed by its other characters (see [`wordless_key`]).
pub fn line_key(line: &str) -> u64 {
    if !line.chars().any(char::is_alphanumeric) {
        return wordless_key(line);
    }
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

/// The [`line_key`] of a line with words, from its folded words (the letters of a line's fold are
/// its words): no fold, no allocation.
pub fn words_key<'a>(words: impl Iterator<Item = &'a str>) -> u64 {
    let mut h = Xxh3::with_seed(SEED);
    for w in words {
        h.update(w.as_bytes());
    }
    h.digest()
}

/// Key of a line without words: the distinct characters it is made of, so a feed's debris of
/// varying length (", , ," and ", ,") is one key. Lines of punctuation alone
/// all had the empty key before, so one stray "; ;" line became an outlet's "boilerplate" as soon
/// as three of its articles had any wordless line (a blank separator, a stray mark), and was never
/// flagged; an outlet's own repeated separator ("* * *") still recurs as one key.
fn wordless_key(line: &str) -> u64 {
    let mut marks: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.sort_unstable();
    marks.dedup();
    let marks: String = marks.into_iter().collect();
    xxh3_64_with_seed(marks.as_bytes(), SEED ^ 1)
}

/// Each line of `view` short enough to be furniture, with its [`line_key`], computed from the
/// view's words (the letters of a line's fold are the words inside it) instead of folding the
/// line again.
///
/// # Complexity
/// Linear in the words and lines of the view.
fn keyed_lines<'v>(view: &'v TextView) -> impl Iterator<Item = (Span, u64)> + 'v {
    let words = &view.words;
    let mut w = 0;
    view.segs.lines.iter().filter_map(move |&l| {
        while w < words.len() && view.original(words[w]).0 < l.start {
            w += 1;
        }
        let short = l.end - l.start <= MAX_LINE;
        let mut h = Xxh3::with_seed(SEED);
        let first = w;
        while w < words.len() && view.original(words[w]).1 <= l.end {
            if short {
                h.update(view.word(words[w]).as_bytes());
            }
            w += 1;
        }
        short.then(|| {
            let key = if w == first {
                wordless_key(l.of(view.text))
            } else {
                h.digest()
            };
            (l, key)
        })
    })
}

/// Boilerplate line keys per outlet.
#[derive(Debug, Clone, Default)]
pub struct Boilerplate {
    by_outlet: BTreeMap<String, FxHashSet<u64>>,
}

/// The keys of an article's lines short enough to be furniture, sorted and deduplicated: what
/// [`Learner::add`] counts.
pub fn line_keys(view: &TextView) -> Vec<u64> {
    let mut keys: Vec<u64> = keyed_lines(view).map(|(_, k)| k).collect();
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
    /// Learns boilerplate from `(outlet, text)` of every article with a known outlet.
    pub fn learn<'a>(articles: impl IntoIterator<Item = (&'a str, &'a str)>) -> Boilerplate {
        let mut learner = Learner::default();
        for (outlet, text) in articles {
            learner.add(outlet, &line_keys(&TextView::new(text)));
        }
        learner.finish()
    }

    /// The boilerplate lines of one article.
    pub fn lines_of(&self, outlet: &str, view: &TextView) -> Vec<Span> {
        let Some(keys) = self.by_outlet.get(outlet) else {
            return Vec::new();
        };
        keyed_lines(view)
            .filter(|(_, k)| keys.contains(k))
            .map(|(l, _)| l)
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
        let bp = Boilerplate::learn(texts.iter().map(|t| ("site.fr", t.as_str())));
        let view = TextView::new(&texts[0]);
        let lines = bp.lines_of("site.fr", &view);
        let got: Vec<&str> = lines.iter().map(|l| l.of(&texts[0])).collect();
        assert_eq!(
            got,
            [
                "Lire aussi : notre dossier",
                "Abonnez-vous à la newsletter !"
            ]
        );
        assert!(bp.lines_of("other.fr", &view).is_empty());
    }

    #[test]
    fn regression_a_stray_punctuation_line_is_not_boilerplate_because_other_lines_have_no_words() {
        // Three articles of one outlet, each with a different wordless line: none recurs.
        let texts = [
            "First story about the harbour strike in the north.\n; ;\nMore text follows here.",
            "Second story about the budget vote in parliament.\n* * *\nMore text follows here.",
            "Third story about the floods along the river.\n  :\nMore text follows here.",
            "Fourth story about the election results of the week.\n* * *\nMore text.",
            "Fifth story about the port and its new terminal.\n* * *\nMore text again.",
        ];
        let bp = Boilerplate::learn(texts.iter().map(|t| ("wire.com", *t)));
        let lines_of = |t: &str| -> Vec<String> {
            let view = TextView::new(t);
            bp.lines_of("wire.com", &view)
                .iter()
                .map(|l| l.of(t).to_string())
                .collect()
        };
        assert!(!lines_of(texts[0]).contains(&"; ;".to_string()));
        assert!(!lines_of(texts[2]).contains(&"  :".to_string()));
        // The outlet's own separator, printed in three articles, is still its furniture.
        assert!(lines_of(texts[1]).contains(&"* * *".to_string()));
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

    /// The keys read from a view's words must be the keys of the lines folded one by one.
    fn view_keys_match_line_keys(text: &str) {
        let view = TextView::new(text);
        let got: Vec<(Span, u64)> = keyed_lines(&view).collect();
        let want: Vec<(Span, u64)> = view
            .segs
            .lines
            .iter()
            .filter(|l| l.end - l.start <= MAX_LINE)
            .map(|&l| (l, line_key(l.of(text))))
            .collect();
        assert_eq!(got, want, "{text:?}");
    }

    #[test]
    fn line_keys_from_the_view_equal_keys_of_each_line() {
        for t in [
            "Lire aussi : notre dossier\n\nÀ LA UNE — Séoul\r\nStraße ﬁn\u{AD}al\n x",
            "",
            "\n\n  \n",
            "«Œuvre» l’AFP\n- 12 000 soldats\n",
        ] {
            view_keys_match_line_keys(t);
        }
        let long = "mot ".repeat(200) + "\nfin";
        view_keys_match_line_keys(&long);
        // Every text of a shared corpus, when it is there.
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/corpora/gj_dev.csv"
        );
        if let Ok(mut r) = csv::Reader::from_path(path) {
            let text = r
                .headers()
                .unwrap()
                .iter()
                .position(|h| h == "text")
                .unwrap();
            for rec in r.records().flatten().take(400) {
                view_keys_match_line_keys(&rec[text]);
            }
        }
    }

    #[test]
    fn two_identical_articles_are_not_boilerplate() {
        let t = "Same text.\nSame footer.".to_string();
        let bp = Boilerplate::learn([("a.fr", t.as_str()), ("a.fr", t.as_str())]);
        assert_eq!(bp.count("a.fr"), 0);
    }
}
