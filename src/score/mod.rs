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
pub mod claims;
pub mod context;
mod outlets;
pub mod priors;
pub mod propagate;
mod reason;
pub mod style;
pub mod weights;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::copies::{Copies, Relation};
use crate::model::ArticleFacts;
use crate::registry::Registry;
pub use article::Explainer;
use article::{article_base, ArticleBase, Detail};
use claims::{Bound, Claim};
pub use priors::OutletPriors;
use propagate::{Problem, Vote};
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
/// Cap of the outer article ↔ claim rounds.
pub const MAX_ROUNDS: usize = 50;

/// Probability that an article's text is a copy of another article of the input.
fn copy_probability(copies: &Copies, n: usize) -> Vec<f64> {
    let mut p = vec![0.0f64; n];
    for c in &copies.pairs {
        let (copy_side, prob) = match (c.original, c.relation) {
            // A translation is a copy in another language: not independent confirmation.
            (Some(o), Relation::Wholly | Relation::Translated) => {
                (if o == c.a { c.b } else { c.a }, 0.9)
            }
            // Undirected: the side with the larger id (never the row position) is discounted.
            (None, Relation::Wholly | Relation::Translated) => (c.b, 0.5),
            (Some(o), Relation::Partially) => (
                if o == c.a { c.b } else { c.a },
                0.5 * c.containment_a.max(c.containment_b),
            ),
            (None, Relation::Partially) => (c.b, 0.25),
        };
        p[copy_side] = p[copy_side].max(prob);
    }
    p
}

fn story_of(copies: &Copies, n: usize) -> Vec<usize> {
    let mut s: Vec<usize> = (0..n).collect();
    for st in &copies.stories {
        for &m in &st.members {
            s[m] = st.representative;
        }
    }
    s
}

/// The independent voice of each article for unattributed claims: its outlet when the outlet is
/// known (a feed's thousand articles are one voice, not a thousand origins), else its story (an
/// article and its copies). Voice ids of outlets start after the article indices.
/// # Complexity: O(n log n).
fn voices(articles: &[ArticleFacts], story: &[usize]) -> Vec<usize> {
    let n = articles.len();
    let mut outlets: BTreeMap<&str, usize> = BTreeMap::new();
    for a in articles.iter().filter(|a| a.article.outlet_known) {
        let k = outlets.len();
        outlets.entry(a.article.outlet.as_str()).or_insert(k);
    }
    articles
        .iter()
        .enumerate()
        .map(|(i, a)| match outlets.get(a.article.outlet.as_str()) {
            Some(&k) if a.article.outlet_known => n + k,
            _ => story[i],
        })
        .collect()
}

/// Sorted (voice, claim group) pairs where the voice attributes the group to a source other than
/// itself in at least one article.
fn relayed_claims(
    mentions: &[(usize, usize, Option<&str>)],
    voice: &[usize],
    own_channel: &dyn Fn(usize, &str) -> bool,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|(_, ai, src)| src.is_some_and(|s| !own_channel(*ai, s)))
        .map(|&(g, ai, _)| (voice[ai], g))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// True when `article`'s outlet is `source` itself (its domain is one of the source's domains):
/// its articles citing the source are the source speaking, not a confirmation of it.
fn is_channel(article: &ArticleFacts, source: &crate::registry::Source) -> bool {
    let own = |d: &str| {
        source
            .domains
            .iter()
            .any(|s| d == s || d.strip_suffix(s.as_str()).is_some_and(|h| h.ends_with('.')))
    };
    article.article.domain.as_deref().is_some_and(own) || own(&article.article.outlet)
}

/// True when two sorted lists share no element.
fn disjoint(a: &[String], b: &[String]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return false,
        }
    }
    true
}

fn compatible(a: &ClaimGroup, b: &ClaimGroup) -> bool {
    let overlap = a.low <= b.high * 1.05 && b.low <= a.high * 1.05;
    match (a.bound, b.bound) {
        (Bound::AtLeast, _) => b.high >= a.low * 0.95,
        (_, Bound::AtLeast) => a.high >= b.low * 0.95,
        (Bound::AtMost, _) => b.low <= a.high * 1.05,
        (_, Bound::AtMost) => a.low <= b.high * 1.05,
        _ => overlap,
    }
}

fn round_sig(x: f64) -> i64 {
    if x <= 0.0 || !x.is_finite() {
        return 0;
    }
    let mag = 10f64.powf(x.log10().floor() - 2.0);
    ((x / mag).round() * mag) as i64
}

/// Scores analyzed articles, given the claims and unreadable numbers of each
/// ([`claims::extract`]).
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
    let copy_p = copy_probability(copies, n);
    let laundered = article::laundered(articles, copies);
    let ratings = opts.outlet_priors.is_some();
    let base_of = |(i, a): (usize, &ArticleFacts), trust: &BTreeMap<String, f64>| {
        let l = laundered.get(&i).map(String::as_str);
        article_base(a, l, registry, trust, ratings, Detail::Sum)
    };
    let story = story_of(copies, n);
    let voice = voices(articles, &story);
    // "KCNA quoting KCNA": a source an outlet is the channel of speaks with the outlet's voice.
    let own_channel = |ai: usize, s: &str| {
        registry
            .get(s)
            .is_some_and(|src| is_channel(&articles[ai], src))
    };
    lap("style and laundering facts");
    // Claims per article, grouped by (unit, bound, rounded values).
    let mut key_to_group: rustc_hash::FxHashMap<(&str, i64, i64), usize> =
        rustc_hash::FxHashMap::default();
    let total: usize = per_article.iter().map(|(cl, _)| cl.len()).sum();
    // At most one group per claim: reserved once, so the vector is never copied while growing.
    let mut groups: Vec<ClaimGroup> = Vec::with_capacity(total);
    // (group, article, origin source) for every claim mention, in article then claim order;
    // article `i`'s mentions are `mentions[first_mention[i]..first_mention[i + 1]]`.
    let mut mentions: Vec<(usize, usize, Option<&str>)> = Vec::with_capacity(total);
    let mut first_mention: Vec<usize> = Vec::with_capacity(n + 1);
    for (ai, (cl, _)) in per_article.iter().enumerate() {
        first_mention.push(mentions.len());
        for c in cl {
            let key = (c.unit.as_str(), round_sig(c.low), round_sig(c.high));
            let g = *key_to_group.entry(key).or_insert_with(|| {
                groups.push(ClaimGroup {
                    low: c.low,
                    high: c.high,
                    bound: c.bound,
                    unit: c.unit.clone(),
                    articles: Vec::new(),
                    sources: Vec::new(),
                    support: 0,
                    confidence: 0.0,
                    contradicted_by: Vec::new(),
                });
                groups.len() - 1
            });
            mentions.push((g, ai, c.sources.first().map(String::as_str)));
        }
    }
    first_mention.push(mentions.len());
    drop(key_to_group);
    // A figure is compared only inside one story: copies, or articles sharing rare names.
    context::split_by_story(&mut groups, &mut mentions, articles, &story, &voice);
    lap("claims grouped");
    let mut trust: BTreeMap<String, f64> = BTreeMap::new();
    let mut article_mu = vec![0.5; n];
    let mut claim_conf = vec![0.5; groups.len()];
    let mut iterations = 0;
    let mut inner;
    let mut inner_converged;
    let converged;
    let mut solution_sources: Vec<(String, (f64, f64))>;
    // Voters are fixed: each attributed source, and each story (an article and its copies) for
    // unattributed claims. Only the priors of story voters move with the article means.
    let mut source_voter: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    let mut story_voter: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
    let mut voter_story: Vec<Option<usize>> = Vec::new(); // article whose mean gives a story voter's prior
    let mut base_priors: Vec<(f64, f64)> = Vec::new();
    let mut votes: Vec<((usize, usize), f64)> = Vec::with_capacity(mentions.len());
    let relayed = relayed_claims(&mentions, &voice, &own_channel);
    for &(g, ai, src) in &mentions {
        let src = src.filter(|s| !own_channel(ai, s));
        // An outlet that attributes a figure to a source relays it: its other mentions of the
        // figure are the source's voice again, not a confirmation.
        if src.is_none() && relayed.binary_search(&(voice[ai], g)).is_ok() {
            continue;
        }
        let mut add = |prior: (f64, f64), story_article: Option<usize>| {
            base_priors.push(prior);
            voter_story.push(story_article);
            base_priors.len() - 1
        };
        let (v, w) = match src {
            Some(s) => {
                let v = match source_voter.get(s) {
                    Some(&v) => v,
                    None => {
                        let pm = registry
                            .get(s)
                            .map_or((0.5, 2.0), |x| (x.prior_mean, x.prior_strength));
                        let v = add((pm.0 * pm.1, (1.0 - pm.0) * pm.1), None);
                        source_voter.insert(s, v);
                        v
                    }
                };
                (v, 1.0)
            }
            None => {
                let v = *story_voter
                    .entry(voice[ai])
                    .or_insert_with(|| add((1.0, 1.0), Some(ai)));
                (v, 1.0 - copy_p[ai])
            }
        };
        votes.push(((v, g), w));
    }
    // One vote per (voter, claim): the strongest.
    votes.sort_by_key(|v| v.0);
    votes.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 = kept.1.max(later.1);
        }
        same
    });
    lap("voters built");
    let fixed_votes: Vec<Vote> = votes
        .into_iter()
        .map(|((source, claim), weight)| Vote {
            source,
            claim,
            weight,
        })
        .collect();
    // Votes and objects are fixed; only the priors of story voters move between rounds.
    let mut problem = Problem {
        priors: Vec::new(),
        object: (0..groups.len()).collect(),
        votes: fixed_votes,
        implications: Vec::new(),
    };
    // The last round's article deltas, and the trust they were computed with.
    let (used_trust, bases): (BTreeMap<String, f64>, Vec<ArticleBase>) = loop {
        iterations += 1;
        let bases: Vec<ArticleBase> = articles
            .par_iter()
            .enumerate()
            .map(|x| base_of(x, &trust))
            .collect();
        let priors: Vec<(f64, f64)> = base_priors
            .iter()
            .zip(&voter_story)
            .map(|(&p, st)| match st {
                Some(ai) => {
                    let mu = (0.5 + bases[*ai].delta).clamp(0.03, 0.97);
                    (mu * 2.0, (1.0 - mu) * 2.0)
                }
                None => p,
            })
            .collect();
        problem.priors = priors;
        lap("articles and priors of one iteration");
        let sol = propagate::solve(&problem);
        lap("propagation");
        inner = sol.iterations;
        inner_converged = sol.converged;
        claim_conf = sol.confidence.clone();
        let mut by_id: Vec<(String, (f64, f64))> = source_voter
            .iter()
            .map(|(k, &i)| (format!("source:{k}"), sol.sources[i]))
            .collect();
        by_id.sort_by(|a, b| a.0.cmp(&b.0));
        solution_sources = by_id;
        let mut new_trust = BTreeMap::new();
        for (k, ab) in &solution_sources {
            if let Some(id) = k.strip_prefix("source:") {
                new_trust.insert(id.to_string(), ab.0 / (ab.0 + ab.1));
            }
        }
        let mut moved: f64 = 0.0;
        for (i, b) in bases.iter().enumerate() {
            let mu = (0.5 + b.delta).clamp(0.03, 0.97);
            moved = moved.max((mu - article_mu[i]).abs());
            article_mu[i] = mu;
        }
        let trust_moved = new_trust
            .iter()
            .any(|(k, v)| trust.get(k).is_none_or(|t| (t - v).abs() > 1e-9));
        let used = std::mem::replace(&mut trust, new_trust);
        let settled = moved < 1e-9 && !trust_moved;
        if settled || iterations >= MAX_ROUNDS {
            converged = settled && inner_converged;
            break (used, bases);
        }
    };
    lap("loop done");
    // Articles, sources and independent origins of each group, in one pass over the mentions.
    // Flat sorted (group, …) lists rather than a set per group: a million small sets cost more
    // than the groups themselves.
    let mut origins: Vec<GroupOrigin> = Vec::with_capacity(mentions.len());
    let mut group_sources: Vec<(usize, &str)> = Vec::new();
    let mut group_articles: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for &(g, ai, src) in &mentions {
        group_articles[g].push(ai);
        if let Some(s) = src {
            group_sources.push((g, s));
        }
        match src.filter(|s| !own_channel(ai, s)) {
            Some(s) => origins.push((g, Ok(s))),
            None if relayed.binary_search(&(voice[ai], g)).is_ok() => {}
            // The lineage (story) key: runs of one dispatch in several outlets are one origin.
            None => origins.push((g, Err((voice[ai], story[ai], ai)))),
        }
    }
    origins.sort_unstable();
    origins.dedup();
    let index = copies.index();
    count_support(&origins, &mut groups, &|x, y| index.get(x, y).is_some());
    drop(index);
    drop(origins);
    group_sources.sort_unstable();
    group_sources.dedup();
    for &(g, s) in &group_sources {
        groups[g].sources.push(s.to_string());
    }
    drop(group_sources);
    for (g, mut arts) in group_articles.into_iter().enumerate() {
        arts.sort_by(|&x, &y| articles[x].article.id.cmp(&articles[y].article.id));
        arts.dedup();
        arts.shrink_to_fit();
        groups[g].articles = arts;
    }
    // Contradictions: same unit and a common origin, values within a factor two but incompatible.
    // Groups are compared inside their unit only, against values at most twice as large.
    let mut by_unit: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (g, grp) in groups.iter().enumerate() {
        by_unit.entry(grp.unit.as_str()).or_default().push(g);
    }
    let mut contradicted: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for members in by_unit.values() {
        let mut m = members.clone();
        m.sort_by(|&x, &y| groups[x].low.total_cmp(&groups[y].low).then(x.cmp(&y)));
        for (k, &g) in m.iter().enumerate() {
            for &h in &m[k + 1..] {
                if groups[h].low > 2.0 * groups[g].high.max(1e-9) {
                    break;
                }
                let close = groups[h].high.max(groups[g].high)
                    <= 2.0 * groups[h].low.min(groups[g].low).max(1e-9);
                if close
                    && !disjoint(&groups[g].sources, &groups[h].sources)
                    && !compatible(&groups[g], &groups[h])
                {
                    contradicted[g].push(h);
                    contradicted[h].push(g);
                }
            }
        }
    }
    for g in 0..groups.len() {
        let mut against_ids = std::mem::take(&mut contradicted[g]);
        against_ids.sort_unstable();
        let against: usize = against_ids.iter().map(|&h| groups[h].support).sum();
        let own = groups[g].support.max(1);
        let penalty = 0.5 * against as f64 / (own + against) as f64;
        groups[g].confidence = round4(claim_conf[g] * (1.0 - penalty));
        groups[g].contradicted_by = against_ids;
    }
    // Articles: claims term, then Beta.
    let article_groups: Vec<Vec<usize>> = first_mention
        .windows(2)
        .map(|w| mentions[w[0]..w[1]].iter().map(|m| m.0).collect())
        .collect();
    drop(mentions);
    let out_articles: Vec<ArticleScore> = bases
        .into_par_iter()
        .zip(per_article.into_par_iter())
        .zip(article_groups.into_par_iter())
        .map(|((b, (cl, unreadable)), gs)| {
            let claims_term = (!gs.is_empty()).then(|| ClaimsTerm {
                figures: gs.len(),
                confidence: gs.iter().map(|&g| groups[g].confidence).sum::<f64>() / gs.len() as f64,
                example: gs
                    .iter()
                    .copied()
                    .max_by(|&x, &y| groups[x].support.cmp(&groups[y].support).then(y.cmp(&x)))
                    .unwrap_or(gs[0]),
            });
            let delta = b.delta + claims_term.as_ref().map_or(0.0, ClaimsTerm::delta);
            let mu = (0.5 + delta).clamp(0.03, 0.97);
            let strength = b.strength + (gs.len() as f64).min(4.0);
            ArticleScore {
                reliability: Reliability::from_mean(mu, strength),
                claims_term,
                claims: cl,
                unreadable,
            }
        })
        .collect();
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
        },
    );
    lap("outlets scored");
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
    for (k, (al, be)) in &solution_sources {
        if let Some(i) = k
            .strip_prefix("source:")
            .and_then(|id| registry.index_of(id))
        {
            sources.insert(i, Reliability::from_alpha_beta(*al, *be));
        }
    }
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&x, &y| {
        groups[x]
            .unit
            .cmp(&groups[y].unit)
            .then(groups[x].low.total_cmp(&groups[y].low))
            .then(groups[x].high.total_cmp(&groups[y].high))
            .then(groups[x].bound.cmp(&groups[y].bound))
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
    let mut out_articles = out_articles;
    for t in out_articles
        .iter_mut()
        .filter_map(|a| a.claims_term.as_mut())
    {
        t.example = remap[t.example];
    }
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

/// One origin of a claim group: (group, an attributed source, or the (voice, lineage, article)
/// of an unattributed mention).
type GroupOrigin<'a> = (usize, Result<&'a str, (usize, usize, usize)>);

/// Independent origins of each group from its sorted, deduplicated `origins`: each attributed
/// source once, and the unattributed mentions' voices joined when they share an outlet (or story
/// voice) or a lineage, or when their articles are a verified copy pair (`copies`: a partial copy
/// of the sentence with the figure is no second origin), so that one outlet repeating itself and
/// one dispatch run by many outlets each count once.
/// # Complexity
/// O(m log m) for m origins, plus at most [`COPY_WINDOW`] pair lookups per mention.
fn count_support(
    origins: &[GroupOrigin],
    groups: &mut [ClaimGroup],
    copies: &dyn Fn(usize, usize) -> bool,
) {
    let mut k = 0;
    while k < origins.len() {
        let g = origins[k].0;
        let end = k + origins[k..].iter().take_while(|o| o.0 == g).count();
        let attributed = origins[k..end].iter().filter(|o| o.1.is_ok()).count();
        let mentions: Vec<(usize, usize, usize)> =
            origins[k..end].iter().filter_map(|o| o.1.err()).collect();
        groups[g].support = attributed + components(&mentions, copies);
        k = end;
    }
}

/// Unattributed mentions of one group compared for copies with at most this many others, so a
/// group of a million mentions stays linear.
const COPY_WINDOW: usize = 256;

/// Connected components of the mentions `(voice, lineage, article)`, two mentions joined when
/// they share a voice or a lineage or their articles are copies.
fn components(mentions: &[(usize, usize, usize)], copies: &dyn Fn(usize, usize) -> bool) -> usize {
    let n = mentions.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut count = n;
    let mut join = |parent: &mut Vec<usize>, x: usize, y: usize| {
        let (a, b) = (find(parent, x), find(parent, y));
        if a != b {
            parent[a.max(b)] = a.min(b);
            count -= 1;
        }
    };
    // Shared voice, shared lineage: join each mention to the first with the same key.
    for key in [0usize, 1] {
        let mut first: BTreeMap<usize, usize> = BTreeMap::new();
        for (x, m) in mentions.iter().enumerate() {
            let kv = if key == 0 { m.0 } else { m.1 };
            match first.get(&kv) {
                Some(&y) => join(&mut parent, x, y),
                None => {
                    first.insert(kv, x);
                }
            }
        }
    }
    for x in 0..n {
        for y in x.saturating_sub(COPY_WINDOW)..x {
            if mentions[x].2 != mentions[y].2 && copies(mentions[x].2, mentions[y].2) {
                join(&mut parent, x, y);
            }
        }
    }
    count
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
    fn regression_runs_of_one_dispatch_in_many_outlets_are_one_origin() {
        let mut groups = vec![ClaimGroup::default(), ClaimGroup::default()];
        // Group 0: one AFP dispatch (lineage 7) run by four outlets (voices 1–4), plus outlet 1
        // repeating the figure in an unrelated article (lineage 20): one origin.
        // Group 1: two outlets reporting independently, and one attributed source: three.
        let origins: Vec<GroupOrigin> = vec![
            (0, Err((1, 7, 0))),
            (0, Err((1, 20, 1))),
            (0, Err((2, 7, 2))),
            (0, Err((3, 7, 3))),
            (0, Err((4, 7, 4))),
            (1, Ok("NIS")),
            (1, Err((1, 30, 5))),
            (1, Err((2, 31, 6))),
            // Group 2: two outlets whose articles 7 and 8 are a partial copy pair: one origin.
            (2, Err((5, 40, 7))),
            (2, Err((6, 41, 8))),
        ];
        groups.push(ClaimGroup::default());
        count_support(&origins, &mut groups, &|x, y| {
            (x.min(y), x.max(y)) == (7, 8)
        });
        assert_eq!(groups[2].support, 1);
        assert_eq!(groups[0].support, 1);
        assert_eq!(groups[1].support, 3);
    }

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

    #[test]
    fn values_round_to_three_significant_digits() {
        assert_eq!(round_sig(12000.0), 12000);
        assert_eq!(round_sig(12040.0), 12000);
        assert_eq!(round_sig(1500.0), 1500);
    }
}
