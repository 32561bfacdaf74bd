//! Citation extraction: every occurrence of a registry source in an article's title and text,
//! classified as a credit, an attribution, a relay or a mention, with its evidence.
//!
//! Aliases are found by one Aho-Corasick automaton over folded text ([`matcher`]); what each
//! occurrence is follows from its context ([`context`]), driven by the cue lexicon in
//! `data/citations/cues.csv` ([`cues`]).

pub(crate) mod attribution;
pub mod context;
pub mod cues;
pub(crate) mod datelines;
pub(crate) use datelines::MONTH_WORDS;
pub mod disambiguate;
pub mod frames;
pub mod homoglyph;
pub mod matcher;
pub mod ocr;
pub(crate) mod wrap;

use serde::Serialize;

use crate::registry::Registry;
use crate::text::TextView;
use context::{Decided, FieldContext};
use cues::Cues;
use matcher::{Matcher, RawMatch};

/// How an article cites a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CitationKind {
    /// Byline, dateline, sign-off or credit line: "(AFP)", "PARIS (Reuters) -", "Source : INFOBAE".
    Credit,
    /// In-text sourcing: "selon l'agence Yonhap", "told Reuters".
    Attribution,
    /// Cited through another source: "X, citing Y" gives Y with `via` X.
    Relay,
    /// Named, but not a source of the content.
    Mention,
}

impl CitationKind {
    /// The contract spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            CitationKind::Credit => "credit",
            CitationKind::Attribution => "attribution",
            CitationKind::Relay => "relay",
            CitationKind::Mention => "mention",
        }
    }
}

/// Which field of the article an offset points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The `title` column.
    Title,
    /// The `text` column.
    Text,
}

/// One occurrence of a registry source in an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    /// Registry id of the source.
    pub source: String,
    /// What the occurrence is.
    pub kind: CitationKind,
    /// Field the offsets point into.
    pub field: Field,
    /// UTF-8 byte offset of the name as written.
    pub start: usize,
    /// End of the name.
    pub end: usize,
    /// The credit line or clause around the name.
    pub evidence: String,
    /// For a relay, the registry id of the source that relays it.
    pub via: Option<String>,
}

/// A ready-to-use extractor: the alias automaton and the cue lexicon.
#[derive(Debug, Clone)]
pub struct Extractor {
    matcher: Matcher,
    ocr: ocr::OcrIndex,
    cues: Cues,
    ids: Vec<String>,
    /// The registry's sources, for the years each operated ([`crate::registry::Source::active_in`]).
    sources: Vec<crate::registry::Source>,
}

impl Extractor {
    /// Builds an extractor over `registry` with the bundled cues and blockers.
    pub fn new(registry: &Registry) -> Extractor {
        let blockers = cues::parse_blockers(cues::BUNDLED_BLOCKERS);
        Extractor {
            matcher: Matcher::new(registry, &blockers),
            ocr: ocr::OcrIndex::new(registry),
            cues: Cues::bundled(),
            ids: registry.sources().iter().map(|s| s.id.clone()).collect(),
            sources: registry.sources().to_vec(),
        }
    }

    /// [`Extractor::extract`] for an article published in `year`: a source that did not exist
    /// then is not cited ("Havas" after 1940 is the advertising group; no AFP before 1944).
    pub fn extract_dated(&self, field: Field, view: &TextView, year: Option<i32>) -> Vec<Citation> {
        let mut out = self.extract(field, view);
        if year.is_some() {
            out.retain(|c| {
                self.ids
                    .binary_search(&c.source)
                    .map_or(true, |i| self.sources[i].active_in(year))
            });
        }
        out
    }

    /// Every citation in one field of text, in order of position.
    pub fn extract(&self, field: Field, view: &TextView) -> Vec<Citation> {
        let (text, segs) = (view.text, &view.segs);
        let mut matches = merge_appositions(text, self.matcher.find(text, &view.folded));
        // Occurrences that name something else are dropped before their kind is decided.
        let defined = disambiguate::defined_elsewhere(text, &matches, &self.sources);
        matches.retain(|m| {
            let line = segs
                .line_at(m.start, m.end)
                .unwrap_or(crate::segment::Span {
                    start: m.start,
                    end: m.end,
                });
            !disambiguate::inside_longer_name(text, m, line)
                && !defined
                    .iter()
                    .any(|(s, a)| *s == m.source && &text[m.start..m.end] == a)
        });
        let damaged = self.ocr.find(
            view,
            &FieldContext {
                text,
                segs,
                matches: &matches,
                cues: &self.cues,
            },
        );
        if !damaged.is_empty() {
            matches.extend(damaged);
            matches.sort_by_key(|m| (m.start, m.end));
        }
        let ctx = FieldContext {
            text,
            segs,
            matches: &matches,
            cues: &self.cues,
        };
        let mut out = Vec::with_capacity(matches.len());
        for (i, m) in matches.iter().enumerate() {
            let (decided, ev) = ctx.decide(i);
            let credit_only_fails =
                m.credit_only && (decided != Decided::Credit || hyphen_compound(text, m, &matches));
            if credit_only_fails && (m.rescued || !ctx.named_as_agency(m)) {
                continue;
            }
            let placed = ctx.in_parenthesis(m)
                || joined_to_source(text, m, &matches)
                || (decided == Decided::Credit && ctx.closing_signoff(m).is_some());
            if m.rescued && !placed {
                continue;
            }
            let mut kind = match decided {
                Decided::Credit => CitationKind::Credit,
                Decided::Attribution => CitationKind::Attribution,
                Decided::Mention => CitationKind::Mention,
            };
            let mut via = None;
            let mut ev = ev;
            if kind != CitationKind::Credit {
                if let Some(x) = ctx.relayed_by(i) {
                    kind = CitationKind::Relay;
                    via = Some(self.ids[matches[x].source].clone());
                    if let Some(s) = segs.sentence_at(m.start, m.end) {
                        ev = if s.end - s.start <= 400 { s } else { ev };
                    }
                }
            }
            out.push(Citation {
                source: self.ids[m.source].clone(),
                kind,
                field,
                start: m.start,
                end: m.end,
                evidence: ev.of(text).to_string(),
                via,
            });
        }
        out
    }
}

/// A short acronym glued by a hyphen to another word is part of a compound name ("BEA-TT"),
/// unless that word is itself a source: "(Afp-Ap)", "ats-afp-ap" are compound credits.
fn hyphen_compound(text: &str, m: &RawMatch, matches: &[RawMatch]) -> bool {
    let before = text[..m.start].chars().rev().take(2).collect::<Vec<_>>();
    let after = text[m.end..].chars().take(2).collect::<Vec<_>>();
    let glued = |v: &[char]| v.len() == 2 && v[0] == '-' && v[1].is_alphanumeric();
    // Matches are sorted by start: the neighbours are found by binary search.
    let i = matches.partition_point(|x| x.start < m.start);
    let ends_before = i > 0 && matches[i - 1].end + 1 == m.start;
    let starts_after = matches[i..].iter().take(2).any(|x| x.start == m.end + 1);
    (glued(&before) && !ends_before) || (glued(&after) && !starts_after)
}

/// True when `m` is joined by a hyphen or slash (spaces allowed) to another source occurrence:
/// a compound credit such as "ats-afp-ap" or "AFP/ap".
fn joined_to_source(text: &str, m: &RawMatch, matches: &[RawMatch]) -> bool {
    let i = matches.partition_point(|x| x.start < m.start);
    let joiner = |s: &str| {
        let t = s.trim();
        t == "-" || t == "/"
    };
    let before = i > 0 && {
        let p = &matches[i - 1];
        p.end <= m.start && m.start - p.end <= 3 && joiner(&text[p.end..m.start])
    };
    let after = matches[i..]
        .iter()
        .find(|x| x.start >= m.end)
        .is_some_and(|n| n.start - m.end <= 3 && joiner(&text[m.end..n.start]));
    before || after
}

/// Joins a name and its acronym in parentheses ("Service national de renseignement (NIS)") into
/// one occurrence: the acronym explains the name, it is not a second citation nor a credit.
fn merge_appositions(text: &str, matches: Vec<RawMatch>) -> Vec<RawMatch> {
    let mut out: Vec<RawMatch> = Vec::with_capacity(matches.len());
    for m in matches {
        if let Some(prev) = out.last_mut() {
            let between = &text[prev.end..m.start];
            let closes = text[m.end..].starts_with(')');
            if prev.source == m.source && closes && between.trim() == "(" {
                prev.end = m.end + 1;
                prev.fend = m.fend;
                prev.credit_only &= m.credit_only;
                continue;
            }
        }
        out.push(m);
    }
    out
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_forms;
