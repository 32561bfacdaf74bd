//! Transparency and sensationalism read from the text itself.
//!
//! Transparency: how densely the article says where its facts come from — attribution phrases of the
//! cue lexicon ("a déclaré", "selon", "said", "according to", "informó", "sagte") and quotations —
//! per hundred words, whether or not the source is in the registry. Sensationalism: exclamation
//! marks per hundred words.

use rustc_hash::FxHashMap;

use crate::citations::cues::Cues;
use crate::text::TextView;

pub use crate::model::Style;

/// Attribution phrases indexed by their first word, built once.
pub struct Reader<'c> {
    by_first: FxHashMap<&'c str, Vec<&'c [String]>>,
}

impl<'c> Reader<'c> {
    /// Indexes the attribution phrases (`before` and `after` roles) of `cues`.
    pub fn new(cues: &'c Cues) -> Reader<'c> {
        let mut by_first: FxHashMap<&str, Vec<&[String]>> = FxHashMap::default();
        for p in cues.before.iter().chain(cues.after.iter()) {
            by_first
                .entry(p[0].as_str())
                .or_default()
                .push(p.as_slice());
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        Reader { by_first }
    }

    /// Reads the style signals of `text`.
    pub fn read(&self, view: &TextView) -> Style {
        let text = view.text;
        let w: Vec<&str> = view.words.iter().map(|&w| view.word(w)).collect();
        let n = w.len().max(1);
        let mut attr = 0usize;
        let mut i = 0;
        while i < w.len() {
            let hit = self.by_first.get(w[i]).and_then(|ps| {
                ps.iter().find(|p| {
                    i + p.len() <= w.len()
                        && w[i..i + p.len()].iter().zip(p.iter()).all(|(a, b)| a == b)
                })
            });
            match hit {
                Some(p) => {
                    attr += 1;
                    i += p.len();
                }
                None => i += 1,
            }
        }
        let quotes = text.matches(['«', '“', '„']).count() + text.matches('"').count() / 2;
        let excl = text.matches('!').count();
        Style {
            attribution: 100.0 * (attr as f64 + 0.5 * quotes as f64) / n as f64,
            exclamations: 100.0 * excl as f64 / n as f64,
            words: w.len(),
        }
    }
}

/// Reads the style signals of `text` (builds the phrase index; use [`Reader`] for many texts).
pub fn read(text: &str, cues: &Cues) -> Style {
    Reader::new(cues).read(&TextView::new(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribution_and_exclamations() {
        let c = Cues::bundled();
        let s = read(
            "« Nous partons », a déclaré le ministre. Selon la police, tout est calme.",
            &c,
        );
        assert!(s.attribution > 10.0, "{s:?}");
        let t = read(
            "Incroyable ! Vous ne croirez jamais ce qui suit ! Partagez !",
            &c,
        );
        assert!(t.exclamations > 20.0 && t.attribution < 1.0, "{t:?}");
    }
}
