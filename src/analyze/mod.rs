//! The pipeline: articles are read and analyzed a chunk at a time (citations, claims, style,
//! boilerplate line counts; then garble flags and copy sketches), so that texts never all sit in
//! memory; then copies, scores and summaries run over compact per-article state, reading a text
//! again only when a copy pair is verified or a report shows it.

mod passes;
mod summary;

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::citations::CitationKind;
use crate::copies::{self, Copies, CopyOptions};
use crate::garble;
use crate::ingest::{Chunk, IngestError, Ingested, Input, Rejection, Texts, Warning};
pub use crate::model::ArticleFacts;
use crate::registry::Registry;
use crate::score::{self, ScoreOptions, Scores};
pub use summary::copy_inputs;

/// Articles analyzed together: one chunk's texts are in memory at a time.
pub const CHUNK: usize = 1 << 14;

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
    pub articles: Vec<ArticleFacts>,
    /// Outlets sorted by name.
    pub outlets: Vec<OutletSummary>,
    /// Cited sources sorted by registry id.
    pub sources: Vec<SourceSummary>,
    /// Verified copy pairs and stories.
    pub copies: Copies,
    /// Reliability of articles, outlets and sources; claims.
    pub scores: Scores,
    /// The articles' texts.
    pub texts: Texts,
    /// Whether outlet ratings entered the scores (what was computed, stated by every report).
    pub outlet_priors: bool,
}

impl Analysis {
    /// Body text of article `i`.
    pub fn text(&self, i: usize) -> Cow<'_, str> {
        self.texts.get(i)
    }

    /// Where article `i`'s text comes from: the id of the article it copies or of its virtual
    /// dispatch; `None` for an original or an article with no wholesale copy relation.
    pub fn copied_from(&self, i: usize) -> Option<&str> {
        match self.copies.copied_from.get(i).copied().flatten()? {
            copies::Origin::Article(j) => Some(self.articles[j].article.id.as_str()),
            copies::Origin::Dispatch(s) => Some(self.copies.stories[s].id.as_str()),
        }
    }

    /// Contributions behind article `i`'s score, largest first, each with its reason.
    pub fn contributions(&self, i: usize, registry: &Registry) -> Vec<score::Contribution> {
        match self.articles.get(i) {
            Some(a) => self.scores.contributions(i, a, registry),
            None => Vec::new(),
        }
    }
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

/// Options of every stage that takes any.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Scoring options.
    pub score: ScoreOptions,
    /// Copy-detection options.
    pub copies: CopyOptions,
    /// Articles read and analyzed together when streaming a file (`None`: [`CHUNK`]); only
    /// memory and speed depend on it, never the output.
    pub chunk_rows: Option<usize>,
}

/// Runs every stage over `input` with the bundled outlet priors.
pub fn analyze(input: Ingested, registry: &Registry) -> Analysis {
    let opts = Options {
        score: ScoreOptions {
            outlet_priors: Some(score::OutletPriors::bundled()),
        },
        copies: CopyOptions::default(),
        chunk_rows: None,
    };
    analyze_with(input, registry, &opts)
}

/// Runs every stage over `input`.
pub fn analyze_with(input: Ingested, registry: &Registry, opts: &Options) -> Analysis {
    analyze_progress(input, registry, opts, &NoProgress)
}

/// Runs every stage over rows already in memory, reporting progress.
pub fn analyze_progress(
    input: Ingested,
    registry: &Registry,
    opts: &Options,
    progress: &dyn Progress,
) -> Analysis {
    let Ingested {
        rows,
        articles,
        texts,
        rejected,
        warnings,
    } = input;
    let tools = passes::Tools::new(registry);
    progress.stage("read", articles.len());
    let mut first = passes::First::default();
    first.add(&tools, articles, &texts, progress);
    let head = Head {
        rows,
        rejected,
        warnings,
    };
    let texts = Texts::Memory(texts);
    let chunk = opts.chunk_rows.unwrap_or(CHUNK).max(1);
    finish(head, first, texts, chunk, &tools, registry, opts, progress)
}

/// Runs every stage over a CSV file, streaming it: one chunk of texts in memory at a time.
pub fn analyze_input(
    input: &Input,
    registry: &Registry,
    opts: &Options,
    progress: &dyn Progress,
) -> Result<Analysis, IngestError> {
    let chunk = opts.chunk_rows.unwrap_or(CHUNK).max(1);
    analyze_chunked(input, chunk, registry, opts, progress)
}

fn analyze_chunked(
    input: &Input,
    chunk: usize,
    registry: &Registry,
    opts: &Options,
    progress: &dyn Progress,
) -> Result<Analysis, IngestError> {
    let tools = passes::Tools::new(registry);
    let mut stream = input.stream()?;
    let mut first = passes::First::default();
    progress.stage("read", 0);
    let mut next = stream.next_chunk(chunk)?;
    while let Some(Chunk { articles, texts }) = next {
        // Parse the next chunk while this one is analyzed.
        let (read, ()) = rayon::join(
            || stream.next_chunk(chunk),
            || first.add(&tools, articles, &texts, progress),
        );
        next = read?;
    }
    let end = stream.finish();
    let texts = input.texts(end.spans, end.text_column, end.delimiter)?;
    let head = Head {
        rows: end.rows,
        rejected: end.rejected,
        warnings: end.warnings,
    };
    let analysis = finish(head, first, texts, chunk, &tools, registry, opts, progress);
    match analysis.texts.failures() {
        0 => Ok(analysis),
        reads => Err(IngestError::Changed {
            path: input.display().to_string(),
            reads,
        }),
    }
}

/// What ingest reports besides the articles.
struct Head {
    rows: usize,
    rejected: Vec<Rejection>,
    warnings: Vec<Warning>,
}

/// The stages after the first pass: garble and sketches (a second pass over the texts, now that
/// boilerplate is known), copies, scores, summaries.
#[allow(clippy::too_many_arguments)]
fn finish(
    head: Head,
    first: passes::First,
    texts: Texts,
    chunk: usize,
    tools: &passes::Tools,
    registry: &Registry,
    opts: &Options,
    progress: &dyn Progress,
) -> Analysis {
    let passes::First {
        articles: mut analyzed,
        mut claims,
        learner,
        vocab,
        warnings: lookalikes,
    } = first;
    // Chunks were appended as they came: drop the growth slack.
    analyzed.shrink_to_fit();
    claims.shrink_to_fit();
    let bp = learner.finish();
    progress.stage("garble", analyzed.len());
    let second = passes::second(&mut analyzed, &texts, chunk, &bp, &vocab, tools, progress);
    summary::discount_feed_artefacts(&mut analyzed);
    let mut warnings = head.warnings;
    warnings.extend(lookalikes);
    for a in &analyzed {
        if let (Some(given), Some(used)) = (a.article.lang.as_deref(), a.lang.as_deref()) {
            if given != used {
                warnings.push(Warning {
                    line: a.article.line,
                    field: "lang",
                    message: format!(
                        "the input says `{given}` but the text reads as `{used}`: `{used}` is used"
                    ),
                });
            }
        }
    }
    for a in analyzed.iter_mut() {
        a.garble = garble::score(&a.flags);
    }
    progress.stage("copies", 0);
    let words = |i: usize| passes::words(&analyzed[i], texts.get(i), &bp);
    let anchors = |i: usize| passes::anchors(&analyzed[i], texts.get(i), &bp, tools);
    let copies = copies::detect(
        &copy_inputs(&analyzed, registry),
        second.sketches,
        &words,
        Some((second.anchors, &anchors, second.frequencies)),
        &opts.copies,
    );
    progress.stage("scores", 0);
    warnings.sort_by_key(|w| w.line);
    let scores = score::score(&analyzed, claims, &copies, registry, &opts.score);
    let outlets = summary::summarize_outlets(&analyzed);
    let sources = summary::summarize_sources(&analyzed, registry);
    Analysis {
        rows: head.rows,
        rejected: head.rejected,
        warnings,
        articles: analyzed,
        outlets,
        sources,
        copies,
        scores,
        texts,
        outlet_priors: opts.score.outlet_priors.is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::json;

    #[test]
    fn streaming_in_any_chunk_size_gives_the_in_memory_result() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/copies.csv");
        let registry = Registry::bundled();
        let opts = Options::default();
        let input = Input::open(path).unwrap();
        let memory = analyze_with(input.read().unwrap(), &registry, &opts);
        let want = json::render(&memory, &registry, false);
        assert!(!memory.copies.pairs.is_empty());
        for chunk in [1, 2, 3, 1000] {
            let streamed = analyze_chunked(&input, chunk, &registry, &opts, &NoProgress).unwrap();
            assert!(matches!(streamed.texts, Texts::File(_)));
            assert_eq!(
                json::render(&streamed, &registry, false),
                want,
                "chunk {chunk}"
            );
        }
    }
}
