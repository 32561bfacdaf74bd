//! The `credence/1` JSON contract. Field names here are what other tools read: keep them.

use serde::Serialize;

use crate::analyze::Analysis;
use crate::citations::Citation;
use crate::copies::{Passage, Relation};
use crate::ingest::Rejection;
use crate::registry::Registry;

/// Schema name written in every report.
pub const SCHEMA: &str = "credence/1";

/// A mean with a 90% credible interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Reliability {
    /// Posterior (or prior) mean.
    pub mean: f64,
    /// 5% quantile.
    pub low: f64,
    /// 95% quantile.
    pub high: f64,
}

impl Reliability {
    /// The mean and 90% interval of a Beta(mean·strength, (1−mean)·strength) distribution.
    pub fn from_beta(mean: f64, strength: f64) -> Reliability {
        use statrs::distribution::{Beta, ContinuousCDF};
        let a = (mean * strength).max(1e-6);
        let b = ((1.0 - mean) * strength).max(1e-6);
        match Beta::new(a, b) {
            Ok(beta) => Reliability { mean: round(mean), low: round(beta.inverse_cdf(0.05)), high: round(beta.inverse_cdf(0.95)) },
            Err(_) => Reliability { mean: round(mean), low: 0.0, high: 1.0 },
        }
    }
}

fn round(x: f64) -> f64 {
    if x.is_finite() {
        (x * 10_000.0).round() / 10_000.0
    } else {
        0.0
    }
}

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
    /// Article reliability (null until the scoring stage lands).
    pub reliability: Option<Reliability>,
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
    /// Outlet reliability (null until the scoring stage lands).
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
    /// Its registry prior.
    pub reliability: Reliability,
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
}

/// Builds the contract view of an analysis.
pub fn build<'a>(analysis: &'a Analysis, registry: &'a Registry) -> ReportJson<'a> {
    let articles = analysis
        .articles
        .iter()
        .map(|a| ArticleJson {
            id: &a.article.id,
            outlet: &a.article.outlet,
            title: a.article.title.as_deref(),
            published: a.article.published.as_deref(),
            lang: a.lang.as_deref(),
            citations: &a.citations,
            flags: &a.flags,
            garble: a.garble,
            reliability: None,
        })
        .collect();
    let outlets = analysis
        .outlets
        .iter()
        .map(|o| OutletJson {
            outlet: &o.outlet,
            domain: o.domain.as_deref(),
            articles: o.articles,
            reliability: None,
            explanation: Vec::new(),
        })
        .collect();
    let sources = analysis
        .sources
        .iter()
        .map(|s| {
            let src = &registry.sources()[s.index];
            SourceJson {
                id: &src.id,
                name: &src.name,
                kind: src.kind.as_str(),
                cited_by: s.cited_by,
                reliability: Reliability::from_beta(src.prior_mean, src.prior_strength),
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
    ReportJson {
        schema: SCHEMA,
        input: InputJson { rows: analysis.rows, scored: analysis.articles.len(), rejected: &analysis.rejected },
        articles,
        copies,
        stories,
        outlets,
        sources,
    }
}

/// Renders the report as pretty JSON with a trailing newline.
pub fn render(analysis: &Analysis, registry: &Registry) -> String {
    let mut s = serde_json::to_string_pretty(&build(analysis, registry)).expect("report serializes");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::Reliability;

    #[test]
    fn beta_interval_brackets_the_mean() {
        let r = Reliability::from_beta(0.8, 20.0);
        assert!(r.low < r.mean && r.mean < r.high, "{r:?}");
        let wide = Reliability::from_beta(0.8, 2.0);
        assert!(wide.high - wide.low > r.high - r.low);
    }
}
