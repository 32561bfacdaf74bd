//! The `credence/1` JSON contract. Field names here are what other tools read: keep them.

use std::io::Write;

use serde::{Serialize, Serializer};

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
    /// Problems with rows that were kept (an unparseable date, a `lang` the text contradicts, a
    /// source name in look-alike letters), in line order.
    pub warnings: Vec<WarningJson<'a>>,
}

/// One warning about a kept row.
#[derive(Debug, Serialize)]
pub struct WarningJson<'a> {
    /// Line of the record.
    pub line: u64,
    /// Column name.
    pub field: &'a str,
    /// What was found, naming the article.
    pub message: &'a str,
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
    /// Where its text comes from: the id of the article it copies, the id of a virtual dispatch
    /// (a story root not in the input), or null for an original or unrelated article.
    pub copied_from: Option<&'a str>,
    /// Verified copy partners.
    pub partners: u32,
    /// Verified partners whose pair is not listed in `copies` (beyond `--max-partners` on both
    /// sides).
    pub partners_unlisted: u32,
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
    /// Whether the fixed point was reached within the iteration caps (false: the scores are
    /// those of the last round, and stderr says so).
    pub converged: bool,
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
    /// `wholly`, `partially` or `translated`.
    pub relation: Relation,
    /// Share of a's text found in b.
    pub containment_a: f64,
    /// Share of b's text found in a.
    pub containment_b: f64,
    /// Id of the likely original, or null.
    pub original: Option<&'a str>,
    /// What decided the original: `published`, `credit` or `completeness`.
    pub original_by: Option<crate::copies::direction::Basis>,
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

/// An outlet and a number of its articles.
#[derive(Debug, Serialize)]
pub struct OutletCount<'a> {
    /// Outlet name.
    pub outlet: &'a str,
    /// Articles.
    pub articles: usize,
}

/// A language and how many articles of a lineage are in it.
#[derive(Debug, Serialize)]
pub struct LanguageCount<'a> {
    /// Language code.
    pub lang: &'a str,
    /// Articles.
    pub articles: usize,
}

/// A lineage tree: an original article or a virtual dispatch, and what was copied from it.
#[derive(Debug, Serialize)]
pub struct StoryJson<'a> {
    /// The root's id: an article id, or `dispatch:AGENCY:ID` / `origin:ID` for a virtual root.
    pub id: &'a str,
    /// `article` (the root is in the input) or `dispatch` (a virtual root, not in the input).
    pub root: &'static str,
    /// The agency of a virtual dispatch, when its members credit one.
    pub agency: Option<&'a str>,
    /// Number of articles.
    pub size: usize,
    /// The root article (for a virtual root, its best-connected member).
    pub representative: &'a str,
    /// Whether the representative is a decided original.
    pub original: bool,
    /// Articles copied from the root (every member but the root article).
    pub republications: usize,
    /// Republications that credit the root's wire (or name its outlet).
    pub credited: usize,
    /// Republications that are laundered copies.
    pub laundered: usize,
    /// Outlets of the republications and their article counts, most first.
    pub outlets: Vec<OutletCount<'a>>,
    /// Languages of the members, most first: more than one when translations joined the lineage.
    pub languages: Vec<LanguageCount<'a>>,
    /// Member ids, sorted.
    pub members: Vec<&'a str>,
}

/// A JSON array produced element by element while it is written: a report of a million articles
/// is never held in memory whole.
pub struct Seq<'a, T>(Box<dyn Fn() -> Box<dyn Iterator<Item = T> + 'a> + 'a>);

impl<'a, T> Seq<'a, T> {
    /// The array of what `make` iterates (called once per serialization).
    pub fn new<I, F>(make: F) -> Seq<'a, T>
    where
        I: Iterator<Item = T> + 'a,
        F: Fn() -> I + 'a,
    {
        Seq(Box::new(move || Box::new(make())))
    }

    /// The elements, in order (for tests and callers that want them in memory).
    pub fn collect(&self) -> Vec<T> {
        (self.0)().collect()
    }
}

impl<T: Serialize> Serialize for Seq<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

impl<T> std::fmt::Debug for Seq<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Seq(..)")
    }
}

/// The whole report.
#[derive(Debug, Serialize)]
pub struct ReportJson<'a> {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// Input accounting.
    pub input: InputJson<'a>,
    /// Articles in input order.
    pub articles: Seq<'a, ArticleJson<'a>>,
    /// Verified copy pairs, sorted by (a, b).
    pub copies: Seq<'a, CopyJson<'a>>,
    /// Stories: lineage trees of wholesale copies, sorted by id.
    pub stories: Seq<'a, StoryJson<'a>>,
    /// Outlets sorted by name.
    pub outlets: Seq<'a, OutletJson<'a>>,
    /// Cited sources sorted by id.
    pub sources: Seq<'a, SourceJson<'a>>,
    /// Numeric claims grouped across articles.
    pub claims: Seq<'a, ClaimJson<'a>>,
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
    let articles = Seq::new(move || {
        analysis
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
                copied_from: analysis.copied_from(i),
                partners: analysis.copies.partners.get(i).copied().unwrap_or(0),
                partners_unlisted: analysis.copies.unlisted.get(i).copied().unwrap_or(0),
            })
    });
    let outlets = Seq::new(move || {
        analysis.outlets.iter().map(|o| OutletJson {
            outlet: &o.outlet,
            domain: o.domain.as_deref(),
            articles: o.articles,
            reliability: sc.outlets.get(&o.outlet).map(|x| x.reliability),
            explanation: sc
                .outlets
                .get(&o.outlet)
                .map_or(Vec::new(), |x| x.explanation.clone()),
        })
    });
    let sources =
        Seq::new(move || {
            analysis.sources.iter().map(|s| {
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
        });
    let id = |i: usize| analysis.articles[i].article.id.as_str();
    let copies = Seq::new(move || {
        analysis.copies.pairs.iter().map(move |p| CopyJson {
            a: id(p.a),
            b: id(p.b),
            relation: p.relation,
            containment_a: p.containment_a,
            containment_b: p.containment_b,
            original: p.original.map(id),
            original_by: p.original_by,
            common_sources: &p.common_sources,
            credited_a: p.credited_a,
            credited_b: p.credited_b,
            same_outlet: p.same_outlet,
            laundered: p.laundered,
            passages: &p.passages,
        })
    });
    let stories = Seq::new(move || {
        analysis.copies.stories.iter().map(move |s| StoryJson {
            id: &s.id,
            root: if s.virtual_root {
                "dispatch"
            } else {
                "article"
            },
            agency: s.agency.as_deref(),
            size: s.members.len(),
            representative: id(s.representative),
            original: s.original,
            republications: s.republications,
            credited: s.credited,
            laundered: s.laundered,
            outlets: s
                .outlets
                .iter()
                .map(|(o, n)| OutletCount {
                    outlet: o,
                    articles: *n,
                })
                .collect(),
            languages: s
                .languages
                .iter()
                .map(|(l, n)| LanguageCount {
                    lang: l,
                    articles: *n,
                })
                .collect(),
            members: s.members.iter().map(|&m| id(m)).collect(),
        })
    });
    let claims = Seq::new(move || {
        sc.claims.iter().enumerate().map(move |(k, g)| ClaimJson {
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
    });
    ReportJson {
        schema: SCHEMA,
        input: InputJson {
            rows: analysis.rows,
            scored: analysis.articles.len(),
            rejected: &analysis.rejected,
            warnings: analysis
                .warnings
                .iter()
                .map(|w| WarningJson {
                    line: w.line,
                    field: w.field,
                    message: &w.message,
                })
                .collect(),
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
            converged: sc.converged,
            outlet_priors,
        },
    }
}

/// Writes the report as pretty JSON with a trailing newline, element by element: memory does not
/// grow with the size of the report.
pub fn write(
    analysis: &Analysis,
    registry: &Registry,
    outlet_priors: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &build(analysis, registry, outlet_priors))?;
    out.write_all(b"\n")
}

/// Renders the report as pretty JSON with a trailing newline, in memory ([`write`] streams it).
pub fn render(analysis: &Analysis, registry: &Registry, outlet_priors: bool) -> String {
    let mut out = Vec::new();
    write(analysis, registry, outlet_priors, &mut out).expect("report serializes");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}
