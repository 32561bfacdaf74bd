//! The pipeline: ingested rows → segments → citations → (copies, garble, scores in later stages)
//! → an [`Analysis`] that the graph and the reports read.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::boilerplate::Boilerplate;
use crate::citations::{Citation, CitationKind, Extractor, Field};
use crate::copies::{self, Copies, CopyInput};
use crate::garble::{self, Doc, Flag, Garbler};
use crate::ingest::{Article, Ingested, Rejection, Warning};
use crate::registry::{Registry, SourceKind};
use crate::score::{self, ScoreOptions, Scores};
use crate::segment::{Segments, Span};

/// An article with everything the stages found about it.
#[derive(Debug, Clone)]
pub struct Analyzed {
    /// The cleaned input row.
    pub article: Article,
    /// Citations in the title, then the text, each in order of position.
    pub citations: Vec<Citation>,
    /// Segments of the text.
    pub segments: Segments,
    /// Lines of the text that are its outlet's boilerplate.
    pub boilerplate: Vec<Span>,
    /// Garble flags, sorted by position.
    pub flags: Vec<Flag>,
    /// Garble score in [0, 1].
    pub garble: f64,
    /// Language: the input's `lang`, else detected.
    pub lang: Option<String>,
}

/// Per-outlet aggregates (outlets with a known name only).
#[derive(Debug, Clone, PartialEq)]
pub struct OutletSummary {
    /// Outlet name.
    pub outlet: String,
    /// Its domain when known.
    pub domain: Option<String>,
    /// Number of articles.
    pub articles: usize,
    /// Articles with at least one credit or attribution.
    pub sourced: usize,
}

/// Per-source aggregates over the articles that cite it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceSummary {
    /// Registry index.
    pub index: usize,
    /// Distinct articles citing it (any kind).
    pub cited_by: usize,
    /// Citation counts by kind.
    pub by_kind: BTreeMap<CitationKind, usize>,
}

/// The result of running the pipeline over one input.
#[derive(Debug)]
pub struct Analysis {
    /// Data rows seen.
    pub rows: usize,
    /// Rejected rows.
    pub rejected: Vec<Rejection>,
    /// Warnings about kept rows.
    pub warnings: Vec<Warning>,
    /// Scored articles, in input order.
    pub articles: Vec<Analyzed>,
    /// Outlets sorted by name.
    pub outlets: Vec<OutletSummary>,
    /// Cited sources sorted by registry id.
    pub sources: Vec<SourceSummary>,
    /// Verified copy pairs and stories.
    pub copies: Copies,
    /// Reliability of articles, outlets and sources; claims.
    pub scores: Scores,
}

/// Receives progress from the pipeline (the CLI draws a progress bar with it).
pub trait Progress: Sync {
    /// A stage starts with `total` steps.
    fn stage(&self, _name: &'static str, _total: usize) {}
    /// `n` more steps are done.
    fn inc(&self, _n: usize) {}
}

/// Progress that goes nowhere.
pub struct NoProgress;

impl Progress for NoProgress {}

/// Runs every stage over `input` with the bundled outlet priors.
pub fn analyze(input: Ingested, registry: &Registry) -> Analysis {
    let opts = ScoreOptions {
        outlet_priors: Some(score::OutletPriors::bundled()),
    };
    analyze_with(input, registry, &opts)
}

/// Runs every stage over `input`.
pub fn analyze_with(input: Ingested, registry: &Registry, opts: &ScoreOptions) -> Analysis {
    analyze_progress(input, registry, opts, &NoProgress)
}

/// Runs every stage over `input`, reporting progress.
pub fn analyze_progress(
    input: Ingested,
    registry: &Registry,
    opts: &ScoreOptions,
    progress: &dyn Progress,
) -> Analysis {
    let extractor = Extractor::new(registry);
    progress.stage("citations", input.articles.len());
    let mut articles: Vec<Analyzed> = input
        .articles
        .into_par_iter()
        .map(|article| {
            let mut citations = Vec::new();
            if let Some(title) = &article.title {
                citations.extend(extractor.extract(Field::Title, title, &Segments::new(title)));
            }
            let segments = Segments::new(&article.text);
            citations.extend(extractor.extract(Field::Text, &article.text, &segments));
            progress.inc(1);
            Analyzed {
                article,
                citations,
                segments,
                boilerplate: Vec::new(),
                flags: Vec::new(),
                garble: 0.0,
                lang: None,
            }
        })
        .collect();
    progress.stage("boilerplate", 0);
    let bp = Boilerplate::learn(articles.iter().filter(|a| a.article.outlet_known).map(|a| {
        (
            a.article.outlet.as_str(),
            a.article.text.as_str(),
            &a.segments,
        )
    }));
    articles
        .par_iter_mut()
        .filter(|a| a.article.outlet_known)
        .for_each(|a| {
            a.boilerplate = bp.lines_of(&a.article.outlet, &a.article.text, &a.segments);
        });
    let garbler = Garbler::bundled();
    progress.stage("garble", articles.len());
    articles.par_iter_mut().for_each(|a| {
        progress.inc(1);
        let doc = Doc {
            text: &a.article.text,
            title: a.article.title.as_deref(),
            lang: a.article.lang.as_deref(),
            segs: &a.segments,
            boilerplate: &a.boilerplate,
            citations: &a.citations,
            registry,
        };
        let (flags, lang) = garbler.flags(&doc);
        a.flags = flags;
        a.lang = lang;
    });
    discount_feed_artefacts(&mut articles);
    for a in articles.iter_mut() {
        a.garble = garble::score(&a.flags);
    }
    progress.stage("copies", 0);
    let copies = copies::detect(&copy_inputs(&articles, registry));
    progress.stage("scores", 0);
    let scores = score::score(&articles, &copies, registry, opts);
    let outlets = summarize_outlets(&articles);
    let sources = summarize_sources(&articles, registry);
    Analysis {
        rows: input.rows,
        rejected: input.rejected,
        warnings: input.warnings,
        articles,
        outlets,
        sources,
        copies,
        scores,
    }
}

/// Outlets with at least this many articles can have feed-wide artefacts.
const FEED_MIN_ARTICLES: usize = 5;
/// Share of an outlet's articles carrying one artefact for it to be the feed's format.
const FEED_SHARE: f64 = 0.8;

/// Artefacts that one outlet prints in (nearly) every article — a feed's format or scraping residue
/// such as KCNA's ", ," — are that outlet's boilerplate: kept as flags, not counted in `garble`.
fn discount_feed_artefacts(articles: &mut [Analyzed]) {
    let key = |f: &Flag| {
        (
            f.kind,
            crate::normalize::fold(&f.evidence)
                .text
                .chars()
                .filter(|c| !c.is_ascii_digit())
                .collect::<String>(),
        )
    };
    let mut per_outlet: BTreeMap<&str, (usize, BTreeMap<(garble::FlagKind, String), usize>)> =
        BTreeMap::new();
    for a in articles.iter().filter(|a| a.article.outlet_known) {
        let e = per_outlet.entry(a.article.outlet.as_str()).or_default();
        e.0 += 1;
        let keys: std::collections::BTreeSet<_> = a.flags.iter().map(key).collect();
        for k in keys {
            *e.1.entry(k).or_default() += 1;
        }
    }
    let feed: std::collections::BTreeSet<(String, (garble::FlagKind, String))> = per_outlet
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
pub fn copy_inputs<'a>(articles: &'a [Analyzed], registry: &Registry) -> Vec<CopyInput<'a>> {
    articles
        .iter()
        .map(|a| {
            let art = &a.article;
            let mut credits: Vec<String> = a
                .citations
                .iter()
                .filter(|c| c.kind == CitationKind::Credit && is_wire(registry, &c.source))
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
            CopyInput {
                id: &art.id,
                outlet: art.outlet_known.then_some(art.outlet.as_str()),
                domain: art.domain.as_deref(),
                published: art.published.as_deref(),
                text: &art.text,
                segs: &a.segments,
                boilerplate: &a.boilerplate,
                credits,
                sourced,
                outlet_sources,
            }
        })
        .collect()
}

fn summarize_outlets(articles: &[Analyzed]) -> Vec<OutletSummary> {
    let mut map: BTreeMap<&str, OutletSummary> = BTreeMap::new();
    for a in articles.iter().filter(|a| a.article.outlet_known) {
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

fn summarize_sources(articles: &[Analyzed], registry: &Registry) -> Vec<SourceSummary> {
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
