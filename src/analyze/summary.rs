//! What the pipeline derives across articles once each article is analyzed: feed-wide artefacts,
//! the copy stage's view of each article, outlet and source summaries.

use std::collections::BTreeMap;

use super::{ArticleFacts, OutletSummary, SourceSummary};
use crate::citations::CitationKind;
use crate::copies::CopyInput;
use crate::garble::{self, Flag, FlagKind};
use crate::registry::{Registry, SourceKind};

/// Outlets with at least this many articles can have feed-wide artefacts.
const FEED_MIN_ARTICLES: usize = 5;
/// Share of an outlet's articles carrying one artefact for it to be the feed's format.
const FEED_SHARE: f64 = 0.8;

/// A flag's kind and its evidence folded without digits: what one outlet's feed repeats.
type FeedKey = (garble::FlagKind, String);

/// Artefacts that one outlet prints in (nearly) every article — a feed's format or scraping residue
/// such as KCNA's ", ," — are that outlet's boilerplate: kept as flags, not counted in `garble`.
pub(super) fn discount_feed_artefacts(articles: &mut [ArticleFacts]) {
    // Evidence made of punctuation only (", ,", ":, ,", ", , , ,"), and any broken punctuation, is
    // one family: a scraper that joins lines with commas leaves all of them, so they share one key.
    let key = |f: &Flag| {
        let folded: String = crate::normalize::fold_text(&f.evidence)
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .collect();
        // Broken punctuation is one family whatever word it follows ("said.,", "people.,").
        if f.kind != FlagKind::BrokenPunctuation && folded.chars().any(char::is_alphanumeric) {
            (f.kind, folded)
        } else {
            (f.kind, String::from("<punctuation>"))
        }
    };
    let mut per_outlet: BTreeMap<&str, (usize, BTreeMap<FeedKey, usize>)> = BTreeMap::new();
    for a in articles.iter().filter(|a| a.article.outlet_known) {
        let e = per_outlet.entry(a.article.outlet.as_str()).or_default();
        e.0 += 1;
        let keys: std::collections::BTreeSet<_> = a.flags.iter().map(key).collect();
        for k in keys {
            *e.1.entry(k).or_default() += 1;
        }
    }
    let feed: std::collections::BTreeSet<(String, FeedKey)> = per_outlet
        .into_iter()
        .filter(|(_, (n, _))| *n >= FEED_MIN_ARTICLES)
        .flat_map(|(o, (n, counts))| {
            counts
                .into_iter()
                .filter(move |(_, c)| *c as f64 >= FEED_SHARE * n as f64)
                .map(move |(k, _)| (o.to_string(), k))
        })
        .collect();
    if feed.is_empty() {
        return;
    }
    for a in articles.iter_mut().filter(|a| a.article.outlet_known) {
        for f in a.flags.iter_mut() {
            if feed.contains(&(a.article.outlet.clone(), key(f))) {
                f.counted = false;
                f.detail.push_str(
                    " (printed in nearly every article of this outlet: feed format, not counted)",
                );
                f.detail.shrink_to_fit();
            }
        }
    }
}

fn is_wire(registry: &Registry, id: &str) -> bool {
    registry
        .get(id)
        .is_some_and(|s| matches!(s.kind, SourceKind::NewsAgency | SourceKind::StateMedia))
}

/// What the copy stage reads about each analyzed article.
pub fn copy_inputs<'a>(articles: &'a [ArticleFacts], registry: &Registry) -> Vec<CopyInput<'a>> {
    articles
        .iter()
        .map(|a| {
            let art = &a.article;
            let mut credits: Vec<String> = a
                .citations
                .iter()
                // A wire named as a source in the text counts like a credit line: an outlet that
                // writes "a indiqué à l'AFP" ran AFP's copy and kept its attribution (Swiss relays of
                // AFP copy credit ATS and strip "de l'AFP"; the Belgian run is not laundering).
                .filter(|c| c.kind != CitationKind::Mention && is_wire(registry, &c.source))
                .map(|c| c.source.clone())
                .collect();
            credits.sort();
            credits.dedup();
            let mut sourced: Vec<String> = a
                .citations
                .iter()
                .filter(|c| c.kind != CitationKind::Mention)
                .map(|c| c.source.clone())
                .collect();
            sourced.sort();
            sourced.dedup();
            let outlet_sources = art
                .domain
                .as_deref()
                .and_then(|d| registry.by_domain(d))
                .map(|s| vec![s.id.clone()])
                .unwrap_or_default();
            let mut credit_langs: Vec<String> = credits
                .iter()
                .filter_map(|c| registry.get(c))
                // A wire's home language is the first it is listed with (AFP fr, dpa de, EFE es).
                .filter_map(|s| s.languages.first().cloned())
                .collect();
            credit_langs.sort();
            credit_langs.dedup();
            let translation_marks = a.flags.iter().any(|f| {
                f.counted
                    && matches!(
                        f.kind,
                        FlagKind::MtPlaceholder | FlagKind::TranslationCredit
                    )
            });
            CopyInput {
                id: &art.id,
                outlet: art.outlet_known.then_some(art.outlet.as_str()),
                domain: art.domain.as_deref(),
                published: art.published.as_deref(),
                credits,
                sourced,
                outlet_sources,
                lang: a.lang.as_deref(),
                credit_langs,
                translation_marks,
            }
        })
        .collect()
}

/// One summary per known outlet, by name; its domain is the one of its article with the smallest
/// id that has a domain (never the first row).
pub(super) fn summarize_outlets(articles: &[ArticleFacts]) -> Vec<OutletSummary> {
    let mut map: BTreeMap<&str, OutletSummary> = BTreeMap::new();
    let mut by_id: Vec<&ArticleFacts> =
        articles.iter().filter(|a| a.article.outlet_known).collect();
    by_id.sort_by(|x, y| x.article.id.cmp(&y.article.id));
    for a in by_id {
        let e = map
            .entry(&a.article.outlet)
            .or_insert_with(|| OutletSummary {
                outlet: a.article.outlet.clone(),
                domain: None,
                articles: 0,
                sourced: 0,
            });
        e.articles += 1;
        if e.domain.is_none() {
            e.domain = a.article.domain.clone();
        }
        if a.citations.iter().any(|c| c.kind != CitationKind::Mention) {
            e.sourced += 1;
        }
    }
    map.into_values().collect()
}

pub(super) fn summarize_sources(
    articles: &[ArticleFacts],
    registry: &Registry,
) -> Vec<SourceSummary> {
    let mut map: BTreeMap<usize, SourceSummary> = BTreeMap::new();
    for a in articles {
        let mut seen = std::collections::BTreeSet::new();
        for c in &a.citations {
            let Some(index) = registry.index_of(&c.source) else {
                continue;
            };
            let e = map.entry(index).or_insert_with(|| SourceSummary {
                index,
                cited_by: 0,
                by_kind: BTreeMap::new(),
            });
            *e.by_kind.entry(c.kind).or_default() += 1;
            if seen.insert(index) {
                e.cited_by += 1;
            }
        }
    }
    map.into_values().collect()
}
