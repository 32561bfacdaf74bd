//! Transparency and sensationalism read from the text itself.
//!
//! Transparency: how densely the article says where its facts come from — attribution phrases of the
//! cue lexicon ("a déclaré", "selon", "said", "according to", "informó", "sagte") and quotations —
//! per hundred words, whether or not the source is in the registry. Sensationalism: exclamation
//! marks per hundred words.

use crate::citations::cues::{words, Cues};

/// Text-level signals of one article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Attribution phrases and quotations per 100 words.
    pub attribution: f64,
    /// Exclamation marks per 100 words.
    pub exclamations: f64,
    /// Words.
    pub words: usize,
}

/// Reads the style signals of `text`.
pub fn read(text: &str, cues: &Cues) -> Style {
    let w = words(text);
    let n = w.len().max(1);
    let mut attr = 0usize;
    let phrases = cues.before.iter().chain(cues.after.iter());
    let firsts: std::collections::HashSet<&str> = cues.before.iter().chain(cues.after.iter()).map(|p| p[0].as_str()).collect();
    let mut by_first: std::collections::HashMap<&str, Vec<&Vec<String>>> = std::collections::HashMap::new();
    for p in phrases {
        by_first.entry(p[0].as_str()).or_default().push(p);
    }
    let mut i = 0;
    while i < w.len() {
        if firsts.contains(w[i].as_str()) {
            let hit = by_first[w[i].as_str()].iter().map(|p| p.len()).filter(|&len| i + len <= w.len()).find(|&len| {
                by_first[w[i].as_str()].iter().any(|p| p.len() == len && w[i..i + len] == p[..])
            });
            if let Some(len) = hit {
                attr += 1;
                i += len;
                continue;
            }
        }
        i += 1;
    }
    let quotes = text.matches(['«', '“', '„']).count() + text.matches('"').count() / 2;
    let excl = text.matches('!').count();
    Style { attribution: 100.0 * (attr as f64 + 0.5 * quotes as f64) / n as f64, exclamations: 100.0 * excl as f64 / n as f64, words: w.len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribution_and_exclamations() {
        let c = Cues::bundled();
        let s = read("« Nous partons », a déclaré le ministre. Selon la police, tout est calme.", &c);
        assert!(s.attribution > 10.0, "{s:?}");
        let t = read("Incroyable ! Vous ne croirez jamais ce qui suit ! Partagez !", &c);
        assert!(t.exclamations > 20.0 && t.attribution < 1.0, "{t:?}");
    }
}
