//! Page chrome from structure: a short line made of the words of share bars, comment forms,
//! counters, newsletter and cookie boxes, breadcrumbs and previous/next links
//! (`data/garble/chrome.tsv`), whatever their exact phrasing or layout.

use rustc_hash::{FxHashMap, FxHashSet};

use super::lang::Words;
use super::{Doc, Flag, FlagKind, LangId};
use crate::citations::Field;

/// The bundled chrome vocabulary.
pub const BUNDLED_CHROME: &str = include_str!("../../data/garble/chrome.tsv");

/// Longest line, in words, that can be page chrome.
const MAX_WORDS: usize = 12;

/// Chrome words by language (`*` for every language), folded like the text's words.
#[derive(Debug, Clone, Default)]
pub struct Chrome {
    words: FxHashMap<String, FxHashSet<String>>,
}

impl Chrome {
    /// Parses `lang<TAB>word` lines.
    pub fn parse(tsv: &str) -> Chrome {
        let mut words: FxHashMap<String, FxHashSet<String>> = FxHashMap::default();
        for line in tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            if let Some((lang, entry)) = line.split_once('\t') {
                // Two-letter pieces of an entry ("e" of "e-mail", "up" of "sign up") are too
                // common in running text to count.
                for w in crate::citations::cues::words(entry) {
                    if w.chars().count() >= 3 {
                        words.entry(lang.to_string()).or_default().insert(w);
                    }
                }
            }
        }
        Chrome { words }
    }

    fn is_chrome(&self, lang: &str, w: &str) -> bool {
        let has = |l: &str| self.words.get(l).is_some_and(|s| s.contains(w));
        has(lang) || has("*")
    }

    /// Flags lines of `doc` that are page chrome in language `lang`.
    /// # Complexity
    /// O(words of the text).
    pub fn lines(
        &self,
        doc: &Doc,
        lang: &str,
        words: &Words,
        langid: &LangId,
        out: &mut Vec<Flag>,
    ) {
        let text = doc.view.text;
        let mut prev_chrome = false;
        for (k, l) in doc.view.segs.lines.iter().enumerate() {
            let line = l.of(text).trim();
            // A line that continues the sentence above (hard-wrapped wire text) is not a block.
            let after_break = k == 0 || prev_chrome || {
                let prev = doc.view.segs.lines[k - 1].of(text).trim_end();
                prev.is_empty()
                    || prev.ends_with(['.', '!', '?', ':', ';', '»', '"', '”', ')', ']'])
                    || text[doc.view.segs.lines[k - 1].end..l.start]
                        .matches('\n')
                        .count()
                        > 1
            };
            prev_chrome = false;
            if !after_break {
                continue;
            }
            let ws = words.within(l.start, l.end);
            if ws.is_empty() || ws.len() > MAX_WORDS {
                continue;
            }
            // A sentence is not chrome: six words or more ending in a full stop.
            if ws.len() >= 6 && line.ends_with(['.', '!', '?', '»', '"', '”']) {
                continue;
            }
            let (mut chrome, mut digits, mut other) = (0usize, 0usize, 0usize);
            for w in ws {
                let t = words.text(w);
                if t.chars().all(|c| c.is_ascii_digit()) {
                    digits += 1;
                } else if self.is_chrome(lang, t) {
                    chrome += 1;
                } else if !langid.is_function_word(lang, t) {
                    other += 1;
                }
            }
            let symbols = line
                .chars()
                .filter(|c| {
                    matches!(
                        c,
                        '|' | '•' | '·' | '/' | '>' | '»' | '›' | '<' | '«' | '‹' | '+'
                    )
                })
                .count();
            let is_chrome = (chrome >= 2 && other <= 1 && ws.len() <= 8)
                || (chrome >= 1 && other == 0 && (digits >= 1 || symbols >= 1 || ws.len() <= 2))
                || (chrome >= 1 && symbols >= 2 && other <= 4);
            if is_chrome {
                prev_chrome = true;
                out.push(Flag {
                    kind: FlagKind::NavigationResidue,
                    field: Field::Text,
                    start: l.start,
                    end: l.end,
                    evidence: line.to_string(),
                    detail: format!("page chrome ({chrome} furniture words in a short line)"),
                    counted: true,
                });
            }
        }
    }
}
