//! The scoring pass: copy-aware confidence propagation with uncertainty, corroborated claims and
//! explanations. The model is documented in `docs/scoring.md`.
//!
//! 1. [`claims`]: numeric claims per article, grouped across articles by unit and value;
//! 2. [`propagate`]: sources ↔ claims to a fixed point, votes of copies discounted;
//! 3. articles: a mean built from additive, explained contributions (sources cited, transparency,
//!    garble, copy behaviour, corroboration) and a Beta whose strength grows with the evidence;
//! 4. outlets: a Beta posterior over their articles from a rating-based or uniform prior;
//! 5. the article ↔ claim loop repeats until article means stop moving.

mod article;
mod article_scores;
pub mod claims;
pub mod context;
mod contradictions;
mod fixed_point;
mod groups;
mod outlets;
pub mod priors;
pub mod propagate;
mod reason;
pub mod style;
mod voters;
pub mod weights;

use std::collections::BTreeMap;

use crate::copies::Copies;
use crate::model::ArticleFacts;
use crate::registry::Registry;
pub use article::Explainer;
use article::{article_base, Detail};
use claims::{Bound, Claim};
pub use fixed_point::{Trust, MAX_ROUNDS};
pub use priors::OutletPriors;
pub use reason::{ClaimsReason, Reason};

/// A mean with its 90% credible interval.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Reliability {
    /// Mean.
    pub mean: f64,
    /// 5% quantile.
    pub low: f64,
    /// 95% quantile.
    pub high: f64,
}

fn round4(x: f64) -> f64 {
    if x.is_finite() {
        (x * 10_000.0).round() / 10_000.0
    } else {
        0.5
    }
}

impl Reliability {
    /// Mean and 90% interval of Beta(α, β) (statrs quantiles).
    pub fn from_alpha_beta(a: f64, b: f64) -> Reliability {
        use statrs::distribution::{Beta, ContinuousCDF};
        let a = if a.is_finite() { a.max(1e-3) } else { 1.0 };
        let b = if b.is_finite() { b.max(1e-3) } else { 1.0 };
        // Quantiles of very concentrated Betas are slow to invert and no more informative: cap
        // the strength, keeping the mean.
        let cap = 1e5 / (a + b);
        let (a, b) = if cap < 1.0 {
            (a * cap, b * cap)
        } else {
            (a, b)
        };
        let mean = a / (a + b);
        match Beta::new(a, b) {
            Ok(beta) => Reliability {
                mean: round4(mean),
                low: round4(beta.inverse_cdf(0.05).min(mean)),
                high: round4(beta.inverse_cdf(0.95).max(mean)),
            },
            Err(_) => Reliability {
                mean: round4(mean),
                low: 0.0,
                high: 1.0,
            },
        }
    }

    /// Mean and 90% interval of a Beta with this mean and strength α + β.
    pub fn from_mean(mean: f64, strength: f64) -> Reliability {
        Reliability::from_alpha_beta(mean * strength, (1.0 - mean) * strength)
    }
}

/// One reason behind an article's score.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    /// Shift of the article mean.
    pub delta: f64,
    /// The reason, with its evidence (`Display` writes it as a sentence).
    pub text: Reason,
}

impl Contribution {
    /// Stable key, used to aggregate reasons over an outlet's articles.
    pub fn key(&self) -> &'static str {
        self.text.key()
    }
}

/// An article's score. Its contributions are written on demand ([`Scores::contributions`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleScore {
    /// Reliability with interval.
    pub reliability: Reliability,
    /// How its figures weighed, when it has any.
    pub claims_term: Option<ClaimsTerm>,
    /// Its numeric claims.
    pub claims: Vec<Claim>,
    /// Numbers it prints that translation made unreadable.
    pub unreadable: Vec<claims::Unreadable>,
}

/// How an article's figures weighed against the other articles'.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimsTerm {
    /// Figures in the article.
    pub figures: usize,
    /// Their mean confidence.
    pub confidence: f64,
    /// The claim group shown as an example (index into [`Scores::claims`]).
    pub example: usize,
}

impl ClaimsTerm {
    /// The claims feature: mean confidence above the neutral point.
    fn feature(&self) -> f64 {
        self.confidence - CLAIM_NEUTRAL
    }

    fn delta(&self) -> f64 {
        weights::Weights::bundled().of(weights::f::CLAIMS) * self.feature()
    }

    /// The contribution, its example written out when `explain` is set.
    fn contribution(&self, groups: &[ClaimGroup], explain: bool) -> Contribution {
        let example = match groups.get(self.example) {
            Some(g) if explain => (format!("{} {}", fmt_value(g), g.unit), g.support),
            Some(g) => (String::new(), g.support),
            None => (String::new(), 0),
        };
        Contribution {
            delta: self.delta(),
            text: Reason::Claims(Box::new(ClaimsReason {
                figures: self.figures,
                confidence: self.confidence,
                example: example.0,
                support: example.1,
            })),
        }
    }
}

/// An outlet's score.
#[derive(Debug, Clone, PartialEq)]
pub struct OutletScore {
    /// Reliability with interval.
    pub reliability: Reliability,
    /// The biggest reasons, as sentences with evidence.
    pub explanation: Vec<String>,
}

/// A group of claims about one quantity across articles.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimGroup {
    /// Lower value.
    pub low: f64,
    /// Upper value.
    pub high: f64,
    /// Bound kind.
    pub bound: Bound,
    /// Unit noun.
    pub unit: String,
    /// Articles stating it (indices), sorted by id.
    pub articles: Vec<usize>,
    /// Registry ids it is attributed to.
    pub sources: Vec<String>,
    /// Independent origins: attributed sources, else articles with copies collapsed.
    pub support: usize,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// Other groups about the same quantity with incompatible values.
    pub contradicted_by: Vec<usize>,
}

/// Everything the scoring pass produces.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Per article, in analysis order.
    pub articles: Vec<ArticleScore>,
    /// Per outlet name.
    pub outlets: BTreeMap<String, OutletScore>,
    /// Per registry index of every source cited or voting.
    pub sources: BTreeMap<usize, Reliability>,
    /// Claim groups sorted by unit and value.
    pub claims: Vec<ClaimGroup>,
    /// Outer article ↔ claim iterations.
    pub iterations: usize,
    /// Inner propagation iterations of the last round.
    pub propagation_iterations: usize,
    /// Whether the fixed point was reached: article means and source trust stopped moving
    /// within [`MAX_ROUNDS`] rounds and the last round's propagation within its cap.
    pub converged: bool,
    /// What writing an article's contributions needs.
    pub explainer: Explainer,
}

impl Scores {
    /// Contributions behind article `i`'s score (`a` is the analyzed article), largest first, each
    /// with its reason.
    pub fn contributions(
        &self,
        i: usize,
        a: &ArticleFacts,
        registry: &Registry,
    ) -> Vec<Contribution> {
        match self.articles.get(i) {
            Some(s) => self
                .explainer
                .contributions(i, a, s, &self.claims, registry, Detail::Full),
            None => Vec::new(),
        }
    }
}

impl Scores {
    /// Feature values behind article `i`'s score, indexed like [`weights::FEATURES`] (zeros for
    /// an article that was not scored).
    pub fn features(&self, i: usize, a: &ArticleFacts, registry: &Registry) -> weights::Features {
        match self.articles.get(i) {
            Some(s) => self.explainer.features(i, a, s, registry),
            None => [0.0; weights::N_FEATURES],
        }
    }
}

/// Scoring options.
#[derive(Debug, Clone, Default)]
pub struct ScoreOptions {
    /// Outlet priors from public ratings; `None` = no rating of a publishing outlet's own domain
    /// enters its score (and a registry source of the outlet's own domain counts with its kind's
    /// default prior only).
    pub outlet_priors: Option<OutletPriors>,
}

/// Confidence of a claim backed by one origin of trust 0.6 (`1 − 0.4^γ`): claims above it are
/// corroborated, below it thin.
const CLAIM_NEUTRAL: f64 = 0.24;

/// Scores analyzed articles, given the claims and unreadable numbers of each
/// ([`claims::extract`]). The phases, one module each: claim groups ([`groups`]), voters
/// ([`voters`]), the article ↔ claim fixed point ([`fixed_point`]), contradictions
/// ([`contradictions`]), article scores ([`article_scores`]) and outlets.
/// # Complexity
/// O(n log n + m log m) for n articles and m claim mentions, times the rounds of the fixed point
/// (at most [`MAX_ROUNDS`]) for the article bases and the propagation.
pub fn score(
    articles: &[ArticleFacts],
    per_article: Vec<(Vec<Claim>, Vec<claims::Unreadable>)>,
    copies: &Copies,
    registry: &Registry,
    opts: &ScoreOptions,
) -> Scores {
    let n = articles.len();
    let laps = crate::timing::Laps::new("score");
    let lap = |what: &str| laps.lap(what);
    let copy_p = voters::copy_probability(copies, n);
    let laundered = article::laundered(articles, copies);
    let ratings = opts.outlet_priors.is_some();
    let base_of = |(i, a): (usize, &ArticleFacts), trust: &Trust| {
        let l = laundered.get(&i).map(String::as_str);
        article_base(a, l, registry, trust, ratings, Detail::Sum)
    };
    // Articles in id order, and each article's place in it: every tie, window and sum below runs
    // over this order, never over the row order (the same input in any row order scores the same).
    let order = id_order(articles);
    let mut rank = vec![0usize; n];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let story = voters::story_of(copies, &rank);
    let voice = voters::voices(articles, &story);
    // "KCNA quoting KCNA": a source an outlet is the channel of speaks with the outlet's voice.
    let own_channel = |ai: usize, s: &str| {
        registry
            .get(s)
            .is_some_and(|src| voters::is_channel(&articles[ai], src))
    };
    lap("style and laundering facts");
    let mut grouped = groups::group(&per_article, &order);
    // A figure is compared only inside one story: copies, or articles sharing rare names.
    context::split_by_story(
        &mut grouped.groups,
        &mut grouped.mentions,
        articles,
        &story,
        &voice,
    );
    let groups::Grouped {
        mut groups,
        mentions,
        first_mention,
    } = grouped;
    lap("claims grouped");
    let relayed = voters::relayed_claims(&mentions, &voice, &own_channel);
    let mut voters = voters::build(
        &mentions,
        groups.len(),
        &voice,
        &relayed,
        &copy_p,
        registry,
        &own_channel,
    );
    lap("voters built");
    let fixed_point::FixedPoint {
        used_trust,
        bases,
        claim_conf,
        sources: voted,
        iterations,
        inner,
        converged,
    } = fixed_point::solve(articles, &mut voters, registry, &base_of, &lap);
    drop(voters);
    lap("loop done");
    let sources = source_reliability(articles, registry, &voted);
    drop(voted);
    let index = copies.index();
    let who = groups::Speakers {
        voice: &voice,
        story: &story,
        relayed: &relayed,
        own_channel: &own_channel,
        order: &order,
        rank: &rank,
    };
    groups::fill(&mut groups, &mentions, articles, &who, &|x, y| {
        index.get(x, y).is_some()
    });
    drop(index);
    // Computed once the loop is done, so it does not add to the loop's peak memory.
    let article_groups = groups::article_groups(&mentions, &first_mention, &order);
    drop(mentions);
    drop(relayed);
    contradictions::apply(&mut groups, &claim_conf);
    let out_articles = article_scores::score(bases, per_article, article_groups, &groups);
    lap("articles scored");
    let explainer = Explainer {
        trust: used_trust,
        laundered,
        ratings,
    };
    let outlets = outlets::score_outlets(
        articles,
        &out_articles,
        &outlets::Context {
            groups: &groups,
            explainer: &explainer,
            registry,
            copies,
            opts,
            order: &order,
        },
    );
    lap("outlets scored");
    let (claims, out_articles) = sort_groups(groups, out_articles, articles);
    Scores {
        articles: out_articles,
        outlets,
        sources,
        claims,
        iterations,
        propagation_iterations: inner,
        converged,
        explainer,
    }
}

/// Article indices sorted by id (ids are unique: ingest rejects a repeated one; should a caller
/// pass repeated ids, the sort is stable).
/// # Complexity: O(n log n).
fn id_order(articles: &[ArticleFacts]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&x, &y| articles[x].article.id.cmp(&articles[y].article.id));
    order
}

/// Reliability of every source cited or voting: its propagated posterior when it voted, else its
/// registry prior.
/// # Complexity: O(citations · log s).
fn source_reliability(
    articles: &[ArticleFacts],
    registry: &Registry,
    voted: &[(&str, (f64, f64))],
) -> BTreeMap<usize, Reliability> {
    let mut sources: BTreeMap<usize, Reliability> = BTreeMap::new();
    for a in articles {
        for c in &a.citations {
            if let Some(i) = registry.index_of(&c.source) {
                let s = &registry.sources()[i];
                sources
                    .entry(i)
                    .or_insert_with(|| Reliability::from_mean(s.prior_mean, s.prior_strength));
            }
        }
    }
    for &(id, (al, be)) in voted {
        if let Some(i) = registry.index_of(id) {
            sources.insert(i, Reliability::from_alpha_beta(al, be));
        }
    }
    sources
}

/// Claim groups sorted by unit, values and bound, then by their first article's id (groups of one
/// value split by story: their articles are disjoint), a stable order for the reports whatever the
/// row order, with the group indices inside the groups and the articles' claims terms renumbered.
/// # Complexity: O(g log g + n).
fn sort_groups(
    mut groups: Vec<ClaimGroup>,
    mut out_articles: Vec<ArticleScore>,
    articles: &[ArticleFacts],
) -> (Vec<ClaimGroup>, Vec<ArticleScore>) {
    let first_id = |g: &ClaimGroup| g.articles.first().map(|&a| articles[a].article.id.as_str());
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&x, &y| {
        groups[x]
            .unit
            .cmp(&groups[y].unit)
            .then(groups[x].low.total_cmp(&groups[y].low))
            .then(groups[x].high.total_cmp(&groups[y].high))
            .then(groups[x].bound.cmp(&groups[y].bound))
            .then_with(|| first_id(&groups[x]).cmp(&first_id(&groups[y])))
    });
    let mut remap: Vec<usize> = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        remap[old] = new;
    }
    let claims: Vec<ClaimGroup> = order
        .iter()
        .map(|&g| {
            let mut c = std::mem::take(&mut groups[g]);
            c.contradicted_by = c.contradicted_by.iter().map(|&h| remap[h]).collect();
            c.contradicted_by.sort_unstable();
            c
        })
        .collect();
    for t in out_articles
        .iter_mut()
        .filter_map(|a| a.claims_term.as_mut())
    {
        t.example = remap[t.example];
    }
    (claims, out_articles)
}

/// "12 000", "10 000–12 000", "≥ 600 000".
pub fn fmt_value(g: &ClaimGroup) -> String {
    let f = |x: f64| {
        if x.fract() == 0.0 {
            format!("{}", x as i64)
        } else {
            format!("{x}")
        }
    };
    match g.bound {
        Bound::Exact => f(g.low),
        Bound::Range => format!("{}–{}", f(g.low), f(g.high)),
        Bound::AtLeast => format!("≥{}", f(g.low)),
        Bound::AtMost => format!("≤{}", f(g.high)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_are_ordered_and_finite() {
        for (a, b) in [
            (1.0, 1.0),
            (0.0, 0.0),
            (1e9, 1.0),
            (f64::NAN, 2.0),
            (0.5, 1e-12),
        ] {
            let r = Reliability::from_alpha_beta(a, b);
            assert!(r.low <= r.mean && r.mean <= r.high, "{r:?}");
            assert!(r.mean.is_finite() && r.low.is_finite() && r.high.is_finite());
        }
        let wide = Reliability::from_mean(0.7, 2.0);
        let narrow = Reliability::from_mean(0.7, 200.0);
        assert!(wide.high - wide.low > narrow.high - narrow.low);
    }
}
