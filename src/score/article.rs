//! An article's contributions that do not depend on claims: sources cited, transparency, tone,
//! credit line, garble, laundering.

use std::collections::{BTreeMap, BTreeSet};

use super::weights::{f, Features, Weights, N_FEATURES};
use super::{ArticleScore, ClaimGroup, Contribution, Reason, Trust};
use crate::citations::CitationKind;
use crate::copies::Copies;
use crate::model::ArticleFacts;
use crate::registry::{Registry, SourceKind};

const KIND_WEIGHT: [(CitationKind, f64); 3] = [
    (CitationKind::Credit, 1.0),
    (CitationKind::Attribution, 0.8),
    (CitationKind::Relay, 0.6),
];
/// Attribution density (phrases and quotations per 100 words) that counts as fully transparent.
const TRANSPARENT_DENSITY: f64 = 2.5;

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
    /// The feature values (the claims feature is filled in later, from the claim groups).
    pub(super) x: Features,
}

/// What explaining an article needs besides the article and its score, kept in [`Scores`] so that
/// explanations are written when a report asks for them instead of being held for every article.
///
/// [`Scores`]: super::Scores
#[derive(Debug, Clone, Default)]
pub struct Explainer {
    /// Source trust the final article means were computed with.
    pub(super) trust: Trust,
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

impl Explainer {
    /// Feature values behind article `i`'s score (`a`, `s`), indexed like
    /// [`super::weights::FEATURES`]: what the weight fit reads.
    pub(super) fn features(
        &self,
        i: usize,
        a: &ArticleFacts,
        s: &ArticleScore,
        registry: &Registry,
    ) -> Features {
        let laundered = self.laundered.get(&i).map(String::as_str);
        let mut x = article_base(
            a,
            laundered,
            registry,
            &self.trust,
            self.ratings,
            Detail::Sum,
        )
        .x;
        if let Some(t) = &s.claims_term {
            x[f::CLAIMS] = t.feature();
        }
        x
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
struct Contributions<'w> {
    keep: bool,
    delta: f64,
    list: Vec<Contribution>,
    weights: &'w Weights,
    x: Features,
}

impl Contributions<'_> {
    /// Records feature `k` at `value`, whose contribution is its weight times the value.
    fn push(&mut self, k: usize, value: f64, text: impl FnOnce() -> Reason) {
        self.x[k] = value;
        let delta = self.weights.of(k) * value;
        self.delta += delta;
        // A feature the fit gave no weight explains nothing.
        if self.keep && self.weights.of(k) != 0.0 {
            self.list.push(Contribution {
                delta,
                text: text(),
            });
        }
    }
}

/// Contributions that do not depend on claims, as much as `detail` asks: the fixed-point loop
/// needs their sum alone.
pub(super) fn article_base(
    a: &ArticleFacts,
    laundered: Option<&str>,
    registry: &Registry,
    trust: &Trust,
    ratings: bool,
    detail: Detail,
) -> ArticleBase {
    let explain = detail == Detail::Full;
    let mut contributions = Contributions {
        keep: detail != Detail::Sum,
        delta: 0.0,
        list: Vec::new(),
        weights: Weights::bundled(),
        x: [0.0; N_FEATURES],
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
            .or_else(|| registry.index_of(id).and_then(|i| trust.get(i)))
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
        contributions.push(f::SOURCES, (rbar - 0.5) * coverage, || {
            Reason::Sources(named)
        });
    } else if a.style.attribution == 0.0 {
        // Sourcing is also a named person or body the text attributes its facts to ("a déclaré
        // le président de la FGTB", "selon une enquête de l'UCM"), in the registry or not: only a
        // text with neither names no source.
        contributions.push(f::NO_SOURCE, 1.0, || Reason::NoSource);
    }
    let st = a.style;
    if st.words >= 30 {
        let t = (st.attribution / TRANSPARENT_DENSITY).min(1.0);
        contributions.push(f::TRANSPARENCY, t - 0.4, || Reason::Transparency {
            attribution: st.attribution,
            transparent: t >= 0.4,
        });
        if st.exclamations > 0.1 {
            contributions.push(f::SENSATIONAL, (st.exclamations / 0.5).min(1.0), || {
                Reason::Sensational(st.exclamations)
            });
        }
    }
    if let Some(mark) = headline_bait(a.article.title.as_deref()) {
        contributions.push(f::HEADLINE_BAIT, 1.0, || Reason::HeadlineBait(mark));
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
        contributions.push(f::CREDIT_LINE, 1.0, || {
            Reason::CreditLine(if explain { ids() } else { String::new() })
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
        contributions.push(f::GARBLE, a.garble, || {
            Reason::Garbled(if explain {
                format!("{:.2}: {}", a.garble, kinds())
            } else {
                String::new()
            })
        });
    }
    if let Some(text) = laundered {
        contributions.push(f::LAUNDERED, 1.0, || {
            Reason::Laundered(if explain {
                text.to_string()
            } else {
                String::new()
            })
        });
    }
    let sourced = best.len() as f64;
    ArticleBase {
        delta: contributions.delta,
        contributions: contributions.list,
        strength: 4.0 + sourced.min(6.0),
        x: contributions.x,
    }
}

/// The headline's closing `!` or `?`, when it ends in one: a shape of bait ("You won't believe
/// what…?", "SHOCKING!"), independent of language and of a feed's capitalisation.
fn headline_bait(title: Option<&str>) -> Option<char> {
    let last = title?
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\'' | '»' | '”' | '’' | ')')
        })
        .chars()
        .last()?;
    matches!(last, '!' | '?').then_some(last)
}

#[cfg(test)]
mod tests {
    use super::headline_bait;

    #[test]
    fn a_headline_ending_in_a_mark_is_bait_whatever_its_language_or_case() {
        assert_eq!(
            headline_bait(Some("You won't believe what happened next!")),
            Some('!')
        );
        assert_eq!(
            headline_bait(Some("¿Quién gana con la crisis? ")),
            Some('?')
        );
        assert_eq!(headline_bait(Some("«Macron démission ?»")), Some('?'));
        assert_eq!(headline_bait(Some("U.S. CROP OUTPUT SEEN LOWER")), None);
        assert_eq!(
            headline_bait(Some("Is it over? Talks resume in Geneva")),
            None
        );
        assert_eq!(headline_bait(None), None);
    }
}
