//! The `credence/1` JSON contract. Field names here are what other tools read: keep them.

use serde::Serialize;

use crate::analyze::Analysis;
use crate::citations::Citation;
use crate::copies::{Passage, Relation};
use crate::ingest::Rejection;
use crate::registry::Registry;

/// Schema name written in every report.
pub const SCHEMA: &str = "credence/1";

pub use crate::score::Reliability;

/// Input accounting.
#[derive(Debug, Serialize)]
pub struct InputJson<'a> {
    /// Data rows seen.
    pub rows: usize,
    /// Rows scored.
    pub scored: usize,
    /// Rows rejected, with line and reason.
    pub rejected: &'a [Rejection],
}

/// One article.
#[derive(Debug, Serialize)]
pub struct ArticleJson<'a> {
    /// Input id.
    pub id: &'a str,
    /// Outlet name (`(unknown:ID)` when unknown).
    pub outlet: &'a str,
    /// Title.
    pub title: Option<&'a str>,
    /// `YYYY-MM-DD`.
    pub published: Option<&'a str>,
    /// Language code.
    pub lang: Option<&'a str>,
    /// Citations in order.
    pub citations: &'a [Citation],
    /// Garble flags, sorted by position.
    pub flags: &'a [crate::garble::Flag],
    /// Garble score in [0, 1].
    pub garble: f64,
    /// Article reliability with its 90% interval.
    pub reliability: Option<Reliability>,
    /// The biggest contributions to the score, as sentences with their evidence.
    pub explanation: Vec<String>,
}

/// One outlet.
#[derive(Debug, Serialize)]
pub struct OutletJson<'a> {
    /// Outlet name.
    pub outlet: &'a str,
    /// Domain, when known.
    pub domain: Option<&'a str>,
    /// Article count.
    pub articles: usize,
    /// Outlet reliability: Beta posterior over its articles, 90% interval.
    pub reliability: Option<Reliability>,
    /// Reasons behind the score.
    pub explanation: Vec<String>,
}

/// One cited source.
#[derive(Debug, Serialize)]
pub struct SourceJson<'a> {
    /// Registry id.
    pub id: &'a str,
    /// Display name.
    pub name: &'a str,
    /// Registry kind.
    pub kind: &'static str,
    /// Distinct articles citing it.
    pub cited_by: usize,
    /// Its posterior (its registry prior when no claim informs it).
    pub reliability: Reliability,
}

/// A numeric claim across articles.
#[derive(Debug, Serialize)]
pub struct ClaimJson<'a> {
    /// Index in `claims`.
    pub id: usize,
    /// Lower value (the value of an exact claim).
    pub value: f64,
    /// Upper value.
    pub high: f64,
    /// exact | at_least | at_most | range.
    pub bound: crate::score::claims::Bound,
    /// Unit noun (folded, singular).
    pub unit: &'a str,
    /// Articles stating it.
    pub articles: Vec<&'a str>,
    /// Registry ids it is attributed to.
    pub sources: &'a [String],
    /// Independent origins (copies collapsed; one source relayed by many articles counts once).
    pub support: usize,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// Claims about the same quantity with incompatible values.
    pub contradicted_by: &'a [usize],
}

/// How the scores were computed.
#[derive(Debug, Serialize)]
pub struct ModelJson {
    /// Outer article ↔ claim iterations until article means stopped moving.
    pub iterations: usize,
    /// Source ↔ claim propagation iterations of the last round.
    pub propagation_iterations: usize,
    /// Whether outlet ratings entered the scores.
    pub outlet_priors: bool,
}

/// One verified copy pair (`a` < `b` in byte order of ids).
#[derive(Debug, Serialize)]
pub struct CopyJson<'a> {
    /// Id of one side.
    pub a: &'a str,
    /// Id of the other side.
    pub b: &'a str,
    /// `wholly` or `partially`.
    pub relation: Relation,
    /// Share of a's text found in b.
    pub containment_a: f64,
    /// Share of b's text found in a.
    pub containment_b: f64,
    /// Id of the likely original, or null.
    pub original: Option<&'a str>,
    /// Agencies either side credits.
    pub common_sources: &'a [String],
    /// Whether a kept the credit.
    pub credited_a: Option<bool>,
    /// Whether b kept the credit.
    pub credited_b: Option<bool>,
    /// Both from one outlet.
    pub same_outlet: bool,
    /// An uncredited wholesale copy of a credited wire dispatch.
    pub laundered: bool,
    /// Aligned passages (byte offsets into each text).
    pub passages: &'a [Passage],
}

/// A cluster of articles linked by verified copies.
#[derive(Debug, Serialize)]
pub struct StoryJson<'a> {
    /// Number of articles.
    pub size: usize,
    /// The original (or, when undecided, the best-connected member).
    pub representative: &'a str,
    /// Whether the representative is a decided original.
    pub original: bool,
    /// Member ids, sorted.
    pub members: Vec<&'a str>,
}

/// The whole report.
#[derive(Debug, Serialize)]
pub struct ReportJson<'a> {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// Input accounting.
    pub input: InputJson<'a>,
    /// Articles in input order.
    pub articles: Vec<ArticleJson<'a>>,
    /// Verified copy pairs, sorted by (a, b).
    pub copies: Vec<CopyJson<'a>>,
    /// Stories: clusters of verified copies.
    pub stories: Vec<StoryJson<'a>>,
    /// Outlets sorted by name.
    pub outlets: Vec<OutletJson<'a>>,
    /// Cited sources sorted by id.
    pub sources: Vec<SourceJson<'a>>,
    /// Numeric claims grouped across articles.
    pub claims: Vec<ClaimJson<'a>>,
    /// Convergence of the scoring pass.
    pub model: ModelJson,
}

/// Builds the contract view of an analysis.
pub fn build<'a>(
    analysis: &'a Analysis,
    registry: &'a Registry,
    outlet_priors: bool,
) -> ReportJson<'a> {
    let sc = &analysis.scores;
    let articles = analysis
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| ArticleJson {
            id: &a.article.id,
            outlet: &a.article.outlet,
            title: a.article.title.as_deref(),
            published: a.article.published.as_deref(),
            lang: a.lang.as_deref(),
            citations: &a.citations,
            flags: &a.flags,
            garble: a.garble,
            reliability: sc.articles.get(i).map(|s| s.reliability),
            explanation: analysis
                .contributions(i, registry)
                .iter()
                .filter(|c| c.delta.abs() >= 0.005)
                .map(|c| format!("{:+.2}: {}", c.delta, c.text))
                .collect(),
        })
        .collect();
    let outlets = analysis
        .outlets
        .iter()
        .map(|o| OutletJson {
            outlet: &o.outlet,
            domain: o.domain.as_deref(),
            articles: o.articles,
            reliability: sc.outlets.get(&o.outlet).map(|x| x.reliability),
            explanation: sc
                .outlets
                .get(&o.outlet)
                .map_or(Vec::new(), |x| x.explanation.clone()),
        })
        .collect();
    let sources =
        analysis
            .sources
            .iter()
            .map(|s| {
                let src = &registry.sources()[s.index];
                SourceJson {
                    id: &src.id,
                    name: &src.name,
                    kind: src.kind.as_str(),
                    cited_by: s.cited_by,
                    reliability: sc.sources.get(&s.index).copied().unwrap_or_else(|| {
                        Reliability::from_mean(src.prior_mean, src.prior_strength)
                    }),
                }
            })
            .collect();
    let id = |i: usize| analysis.articles[i].article.id.as_str();
    let copies = analysis
        .copies
        .pairs
        .iter()
        .map(|p| CopyJson {
            a: id(p.a),
            b: id(p.b),
            relation: p.relation,
            containment_a: p.containment_a,
            containment_b: p.containment_b,
            original: p.original.map(id),
            common_sources: &p.common_sources,
            credited_a: p.credited_a,
            credited_b: p.credited_b,
            same_outlet: p.same_outlet,
            laundered: p.laundered,
            passages: &p.passages,
        })
        .collect();
    let stories = analysis
        .copies
        .stories
        .iter()
        .map(|s| StoryJson {
            size: s.members.len(),
            representative: id(s.representative),
            original: s.original,
            members: s.members.iter().map(|&m| id(m)).collect(),
        })
        .collect();
    let claims = sc
        .claims
        .iter()
        .enumerate()
        .map(|(k, g)| ClaimJson {
            id: k,
            value: g.low,
            high: g.high,
            bound: g.bound,
            unit: &g.unit,
            articles: g.articles.iter().map(|&i| id(i)).collect(),
            sources: &g.sources,
            support: g.support,
            confidence: g.confidence,
            contradicted_by: &g.contradicted_by,
        })
        .collect();
    ReportJson {
        schema: SCHEMA,
        input: InputJson {
            rows: analysis.rows,
            scored: analysis.articles.len(),
            rejected: &analysis.rejected,
        },
        articles,
        copies,
        stories,
        outlets,
        sources,
        claims,
        model: ModelJson {
            iterations: sc.iterations,
            propagation_iterations: sc.propagation_iterations,
            outlet_priors,
        },
    }
}

/// Renders the report as pretty JSON with a trailing newline.
pub fn render(analysis: &Analysis, registry: &Registry, outlet_priors: bool) -> String {
    let mut s = serde_json::to_string_pretty(&build(analysis, registry, outlet_priors))
        .expect("report serializes");
    s.push('\n');
    s
}
