//! The model layer: what the per-article stages found about one article, as one plain record.
//!
//! Stages below it (ingest, citations, garble) define the pieces; [`crate::analyze`] fills one
//! [`ArticleFacts`] per article; the scorer and the reports read them. This module imports no stage
//! above it, so `score` never needs `analyze` or `report`.

use crate::citations::Citation;
use crate::garble::Flag;
use crate::ingest::Article;

/// An article with everything the per-article stages found about it (its text is read back from
/// the input when a report needs it).
#[derive(Debug, Clone)]
pub struct ArticleFacts {
    /// The cleaned input row.
    pub article: Article,
    /// Citations in the title, then the text, each in order of position.
    pub citations: Vec<Citation>,
    /// Garble flags, sorted by position.
    pub flags: Vec<Flag>,
    /// Garble score in [0, 1].
    pub garble: f64,
    /// Language: the input's `lang`, else detected.
    pub lang: Option<String>,
    /// Attribution density and tone, read by the scoring pass.
    pub style: Style,
    /// Hashes of the proper names the text uses (capitalised words not opening a sentence), sorted,
    /// at most [`MAX_NAMES`]: figures of two articles are compared only when they share rare names.
    pub names: Vec<u32>,
}

/// Names kept per article.
pub const MAX_NAMES: usize = 48;

/// The proper-name hashes of `text`: words written with a capital that do not open a sentence
/// ("Marseille", "KCNA", "Castaner"), folded and hashed with a fixed seed, deduplicated and sorted.
/// # Complexity: O(text length).
pub fn names(text: &str) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    let mut sentence_start = true;
    let mut word_start: Option<usize> = None;
    let flush = |out: &mut Vec<u32>, w: &str, opens: bool| {
        let mut cs = w.chars();
        let Some(first) = cs.next() else { return };
        if opens || !first.is_uppercase() || w.chars().count() < 3 {
            return;
        }
        let folded = crate::normalize::fold_text(w);
        let h = xxhash_rust::xxh3::xxh3_64_with_seed(folded.as_bytes(), 0x6e61_6d65);
        out.push(h as u32);
    };
    let mut opens_here = true;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if word_start.is_none() {
                word_start = Some(i);
                opens_here = sentence_start;
                sentence_start = false;
            }
            continue;
        }
        if let Some(st) = word_start.take() {
            flush(&mut out, &text[st..i], opens_here);
            if out.len() >= MAX_NAMES * 4 {
                break;
            }
        }
        if matches!(c, '.' | '!' | '?' | '\n' | '«' | '"' | '“' | ':') {
            sentence_start = true;
        }
    }
    if let Some(st) = word_start {
        flush(&mut out, &text[st..], opens_here);
    }
    out.sort_unstable();
    out.dedup();
    out.truncate(MAX_NAMES);
    out
}

/// Text-level signals of one article (computed by [`crate::score::style`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Attribution phrases and quotations per 100 words.
    pub attribution: f64,
    /// Exclamation marks per 100 words.
    pub exclamations: f64,
    /// Words.
    pub words: usize,
}
