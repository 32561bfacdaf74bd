//! An article's contributions that do not depend on claims: sources cited, transparency, tone,
//! credit line, garble, laundering.

use std::collections::{BTreeMap, BTreeSet};

use super::{ArticleScore, ClaimGroup, Contribution, Reason};
use crate::citations::CitationKind;
use crate::copies::Copies;
use crate::model::ArticleFacts;
use crate::registry::{Registry, SourceKind};

const KIND_WEIGHT: [(CitationKind, f64); 3] = [
    (CitationKind::Credit, 1.0),
    (CitationKind::Attribution, 0.8),
    (CitationKind::Relay, 0.6),
];
const SOURCE_GAIN: f64 = 0.5;
const NO_SOURCE: f64 = -0.04;
/// Attribution density (phrases and quotations per 100 words) that counts as fully transparent.
const TRANSPARENT_DENSITY: f64 = 2.5;
const TRANSPARENCY_GAIN: f64 = 0.12;
const EXCLAMATION_GAIN: f64 = 0.08;
const CREDIT_LINE: f64 = 0.04;
const GARBLE_GAIN: f64 = 0.3;
const LAUNDERED: f64 = -0.12;

/// With outlet ratings disabled, a registry source of the publishing outlet's own domain (Reuters
/// crediting itself on reuters.com) counts with its kind's default prior only.
fn own_domain_default(
    registry: &Registry,
    id: &str,
    article_domain: Option<&str>,
    ratings: bool,
) -> Option<f64> {
    if ratings {
        return None;
    }
    let s = registry.get(id)?;
    let d = article_domain?;
    s.domains
        .iter()
        .any(|sd| d == sd || d.ends_with(&format!(".{sd}")))
        .then(|| s.kind.default_prior().0)
}

/// An article's contributions that do not depend on claims, and the Beta strength they give.
pub(super) struct ArticleBase {
    /// Sum of the contributions.
    pub(super) delta: f64,
    /// Contributions (empty unless explained).
    pub(super) contributions: Vec<Contribution>,
    /// Strength of the article's Beta before claims.
    pub(super) strength: f64,
}

/// What explaining an article needs besides the article and its score, kept in [`Scores`] so that
/// explanations are written when a report asks for them instead of being held for every article.
///
/// [`Scores`]: super::Scores
#[derive(Debug, Clone, Default)]
pub struct Explainer {
    /// Source trust the final article means were computed with.
    pub(super) trust: BTreeMap<String, f64>,
    /// Uncredited wholesale copies of a wire dispatch, by article index.
    pub(super) laundered: BTreeMap<usize, String>,
    /// Whether outlet ratings were used.
    pub(super) ratings: bool,
}

impl Explainer {
    /// Contributions behind article `i`'s score (`a`, `s`) at the given detail, largest first;
    /// `groups` are the claim groups `s.claims_term` points into.
    pub(super) fn contributions(
        &self,
        i: usize,
        a: &ArticleFacts,
        s: &ArticleScore,
        groups: &[ClaimGroup],
        registry: &Registry,
        detail: Detail,
    ) -> Vec<Contribution> {
        let laundered = self.laundered.get(&i).map(String::as_str);
        let base = article_base(a, laundered, registry, &self.trust, self.ratings, detail);
        let mut contributions = base.contributions;
        if let Some(t) = &s.claims_term {
            contributions.push(t.contribution(groups, detail == Detail::Full));
        }
        contributions.sort_by(|x, y| {
            y.delta
                .abs()
                .total_cmp(&x.delta.abs())
                .then(x.key().cmp(y.key()))
        });
        contributions
    }
}

/// Wholesale copies of a credited wire dispatch that dropped the credit, described, keyed by the
/// copy's article index.
pub(super) fn laundered(articles: &[ArticleFacts], copies: &Copies) -> BTreeMap<usize, String> {
    let mut out = BTreeMap::new();
    for c in copies.pairs.iter().filter(|c| c.laundered) {
        let orig = c.original.unwrap_or(c.a);
        let copy = if orig == c.a { c.b } else { c.a };
        out.entry(copy).or_insert_with(|| {
            format!(
                "uncredited wholesale copy of a {} dispatch ({} ← {})",
                c.common_sources.join("/"),
                articles[copy].article.id,
                articles[orig].article.id
            )
        });
    }
    out
}

/// How much of an article's contributions to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Detail {
    /// Their sum only (the fixed-point loop).
    Sum,
    /// Each contribution, with its reason's facts but no evidence text (aggregating outlets).
    Keys,
    /// Each contribution with its full reason.
    Full,
}

/// Contributions summed in order; kept unless only the sum is asked for.
struct Contributions {
    keep: bool,
    delta: f64,
    list: Vec<Contribution>,
}

impl Contributions {
    fn push(&mut self, c: Contribution) {
        self.delta += c.delta;
        if self.keep {
            self.list.push(c);
        }
    }
}

/// Contributions that do not depend on claims, as much as `detail` asks: the fixed-point loop
/// needs their sum alone.
pub(super) fn article_base(
    a: &ArticleFacts,
    laundered: Option<&str>,
    registry: &Registry,
    trust: &BTreeMap<String, f64>,
    ratings: bool,
    detail: Detail,
) -> ArticleBase {
    let explain = detail == Detail::Full;
    let mut contributions = Contributions {
        keep: detail != Detail::Sum,
        delta: 0.0,
        list: Vec::new(),
    };
    let mut best: BTreeMap<&str, f64> = BTreeMap::new();
    for c in a
        .citations
        .iter()
        .filter(|c| c.kind != CitationKind::Mention)
    {
        let w = KIND_WEIGHT
            .iter()
            .find(|(k, _)| *k == c.kind)
            .map_or(0.5, |(_, w)| *w);
        let e = best.entry(c.source.as_str()).or_insert(0.0);
        *e = e.max(w);
    }
    let domain = a.article.domain.as_deref();
    let (mut wsum, mut rsum) = (0.0, 0.0);
    let mut named: Vec<(String, f64)> = Vec::new();
    for (&id, &w) in &best {
        let r = own_domain_default(registry, id, domain, ratings)
            .or_else(|| trust.get(id).copied())
            .or_else(|| registry.get(id).map(|s| s.prior_mean))
            .unwrap_or(0.5);
        wsum += w;
        rsum += w * r;
        if explain {
            named.push((id.to_string(), r));
        }
    }
    if wsum > 0.0 {
        let rbar = rsum / wsum;
        let coverage = wsum.min(1.0);
        let d = SOURCE_GAIN * (rbar - 0.5) * coverage;
        contributions.push(Contribution {
            delta: d,
            text: Reason::Sources(named),
        });
    } else {
        contributions.push(Contribution {
            delta: NO_SOURCE,
            text: Reason::NoSource,
        });
    }
    let st = a.style;
    if st.words >= 30 {
        let t = (st.attribution / TRANSPARENT_DENSITY).min(1.0);
        let d = TRANSPARENCY_GAIN * (t - 0.4);
        contributions.push(Contribution {
            delta: d,
            text: Reason::Transparency {
                attribution: st.attribution,
                transparent: t >= 0.4,
            },
        });
        if st.exclamations > 0.1 {
            let d = -EXCLAMATION_GAIN * (st.exclamations / 0.5).min(1.0);
            contributions.push(Contribution {
                delta: d,
                text: Reason::Sensational(st.exclamations),
            });
        }
    }
    if a.citations.iter().any(|c| {
        c.kind == CitationKind::Credit
            && registry
                .get(&c.source)
                .is_some_and(|s| s.kind != SourceKind::Government)
    }) {
        let ids = || {
            let ids: BTreeSet<&str> = a
                .citations
                .iter()
                .filter(|c| c.kind == CitationKind::Credit)
                .map(|c| c.source.as_str())
                .collect();
            ids.into_iter().collect::<Vec<_>>().join(", ")
        };
        contributions.push(Contribution {
            delta: CREDIT_LINE,
            text: Reason::CreditLine(if explain { ids() } else { String::new() }),
        });
    }
    if a.garble > 0.0 {
        let kinds = || {
            let mut kinds: Vec<String> = Vec::new();
            for f in a.flags.iter().filter(|f| f.counted) {
                let s = format!(
                    "{} «{}»",
                    f.kind.as_str(),
                    crate::normalize::one_line(&f.evidence, 30)
                );
                if kinds.len() < 3 && !kinds.iter().any(|k| k.starts_with(f.kind.as_str())) {
                    kinds.push(s);
                }
            }
            kinds.join(", ")
        };
        contributions.push(Contribution {
            delta: -GARBLE_GAIN * a.garble,
            text: Reason::Garbled(if explain {
                format!("{:.2}: {}", a.garble, kinds())
            } else {
                String::new()
            }),
        });
    }
    if let Some(text) = laundered {
        contributions.push(Contribution {
            delta: LAUNDERED,
            text: Reason::Laundered(if explain {
                text.to_string()
            } else {
                String::new()
            }),
        });
    }
    let sourced = best.len() as f64;
    ArticleBase {
        delta: contributions.delta,
        contributions: contributions.list,
        strength: 4.0 + sourced.min(6.0),
    }
}
