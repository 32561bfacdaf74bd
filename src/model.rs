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
