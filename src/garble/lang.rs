//! A small table-driven language identifier for French, English, Spanish and German: each word that
//! is a frequent function word of a language votes for it. Fast enough to run on every sentence
//! (one hash lookup per word) and good on short sentences, where character-n-gram detectors are weak.
//! The tables are `data/garble/function_words.tsv`.

use rustc_hash::FxHashMap;

use crate::normalize::fold_text;
use crate::text::TextView;

/// The bundled function-word table.
pub const BUNDLED_WORDS: &str = include_str!("../../data/garble/function_words.tsv");

/// A language guess with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Guess {
    /// ISO 639-1 code.
    pub lang: String,
    /// Words voting for it.
    pub hits: usize,
    /// Votes of the runner-up language.
    pub runner_up: usize,
    /// Words seen.
    pub words: usize,
}

/// Function-word tables, by folded word.
#[derive(Debug, Clone)]
pub struct LangId {
    langs: Vec<String>,
    words: FxHashMap<String, Vec<usize>>,
    masks: FxHashMap<String, u32>,
}

/// One word of a text, folded once: its offsets and the languages it is a function word of.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// Byte offset in the original text.
    pub start: usize,
    /// End in the original text.
    pub end: usize,
    /// Range in the folded text.
    pub fstart: usize,
    /// End in the folded text.
    pub fend: usize,
    /// Bit `i` set when the word is a function word of language `i`.
    pub mask: u32,
}

/// A text folded once, with its words: every per-sentence check reads slices of this.
#[derive(Debug, Clone)]
pub struct Words<'v> {
    /// The folded text.
    pub folded: &'v str,
    /// Words in order.
    pub items: Vec<Word>,
}

impl Words<'_> {
    /// Words whose original range lies inside `start..end`.
    pub fn within(&self, start: usize, end: usize) -> &[Word] {
        let a = self.items.partition_point(|w| w.start < start);
        let b = self.items.partition_point(|w| w.end <= end);
        &self.items[a..b.max(a)]
    }

    /// The folded form of `w`.
    pub fn text(&self, w: &Word) -> &str {
        &self.folded[w.fstart..w.fend]
    }
}

impl LangId {
    /// Parses `lang<TAB>word` lines (`#` comments).
    pub fn parse(text: &str) -> LangId {
        let mut langs: Vec<String> = Vec::new();
        let mut words: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let Some((lang, word)) = line.split_once('\t') else {
                continue;
            };
            let li = match langs.iter().position(|l| l == lang) {
                Some(i) => i,
                None => {
                    langs.push(lang.to_string());
                    langs.len() - 1
                }
            };
            let e = words.entry(fold_text(word.trim())).or_default();
            if !e.contains(&li) {
                e.push(li);
            }
        }
        let masks = words
            .iter()
            .map(|(w, ls)| (w.clone(), ls.iter().fold(0u32, |m, &i| m | (1 << i))))
            .collect();
        LangId {
            langs,
            words,
            masks,
        }
    }

    /// Looks every word of `view` up (the view's fold and words are shared with other stages).
    pub fn words<'v>(&self, view: &'v TextView) -> Words<'v> {
        let items = view
            .words
            .iter()
            .map(|&w| {
                let (s, i) = (w.start as usize, w.end as usize);
                let (start, end) = view.original(w);
                // One-letter words ("a", "y", "o") are too ambiguous to vote.
                let mask = if i - s > 1 {
                    self.masks.get(view.word(w)).copied().unwrap_or(0)
                } else {
                    0
                };
                Word {
                    start,
                    end,
                    fstart: s,
                    fend: i,
                    mask,
                }
            })
            .collect();
        Words {
            folded: &view.folded.text,
            items,
        }
    }

    /// The most likely language of a run of words (see [`LangId::guess`]).
    pub fn guess_words(&self, words: &[Word]) -> Option<Guess> {
        let mut votes = vec![0usize; self.langs.len()];
        for w in words {
            if w.mask.count_ones() == 1 {
                votes[w.mask.trailing_zeros() as usize] += 1;
            }
        }
        self.best(votes, words.len())
    }

    /// Votes for `lang` among `words`.
    pub fn votes_for(&self, lang: &str, words: &[Word]) -> usize {
        let Some(li) = self.langs.iter().position(|l| l == lang) else {
            return 0;
        };
        words.iter().filter(|w| w.mask == 1 << li).count()
    }

    fn best(&self, votes: Vec<usize>, n: usize) -> Option<Guess> {
        let mut order: Vec<usize> = (0..votes.len()).collect();
        order.sort_by(|&a, &b| votes[b].cmp(&votes[a]).then(a.cmp(&b)));
        let best = *order.first()?;
        if votes[best] == 0 {
            return None;
        }
        Some(Guess {
            lang: self.langs[best].clone(),
            hits: votes[best],
            runner_up: order.get(1).map_or(0, |&i| votes[i]),
            words: n,
        })
    }

    /// The bundled tables.
    pub fn bundled() -> LangId {
        LangId::parse(BUNDLED_WORDS)
    }

    /// Languages known, in table order.
    pub fn languages(&self) -> &[String] {
        &self.langs
    }

    /// True when `word` (any case) is a function word of `lang`.
    pub fn is_function_word(&self, lang: &str, word: &str) -> bool {
        let Some(li) = self.langs.iter().position(|l| l == lang) else {
            return false;
        };
        self.words
            .get(&fold_text(word))
            .is_some_and(|v| v.contains(&li))
    }

    /// True when `word` is a function word of any language.
    pub fn is_any_function_word(&self, word: &str) -> bool {
        self.is_folded_function_word(&fold_text(word))
    }

    /// [`LangId::is_any_function_word`] for a word already folded (no fold, no allocation).
    pub fn is_folded_function_word(&self, folded: &str) -> bool {
        self.words.contains_key(folded)
    }

    /// Languages of which `word` is a function word.
    pub fn languages_of(&self, word: &str) -> Vec<&str> {
        self.words.get(&fold_text(word)).map_or(Vec::new(), |v| {
            v.iter().map(|&i| self.langs[i].as_str()).collect()
        })
    }

    /// The most likely language of `text`, or `None` without any function word.
    pub fn guess(&self, text: &str) -> Option<Guess> {
        self.guess_words(&self.words(&TextView::new(text)).items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_sentences_in_four_languages() {
        let id = LangId::bundled();
        for (text, lang) in [
            (
                "Le président a annoncé une réforme des retraites pour les salariés.",
                "fr",
            ),
            (
                "The president announced a pension reform for the workers.",
                "en",
            ),
            (
                "El presidente anunció una reforma de las pensiones para los trabajadores.",
                "es",
            ),
            (
                "Der Präsident kündigte eine Rentenreform für die Arbeitnehmer an.",
                "de",
            ),
            ("For Latest Updates Follow us on Google News", "en"),
        ] {
            assert_eq!(
                id.guess(text).map(|g| g.lang).as_deref(),
                Some(lang),
                "{text}"
            );
        }
        assert!(id.guess("Xyzzy 12345").is_none());
    }
}
