//! The outer article ↔ claim loop: article means (without their claims term) give the priors of
//! voice voters, propagation gives source trust and claim confidence, and trust feeds the article
//! means of the next round, until neither moves or [`MAX_ROUNDS`] is reached.

use rayon::prelude::*;

use super::article::ArticleBase;
use super::propagate;
use super::voters::Voters;
use crate::model::ArticleFacts;
use crate::registry::Registry;

/// Cap of the outer article ↔ claim rounds.
pub const MAX_ROUNDS: usize = 50;

/// Propagated trust of each registry source that voted, indexed by its registry index (the
/// registry is sorted by id, so index order is id order); `None` for a source that did not vote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trust(Vec<Option<f64>>);

impl Trust {
    /// No source has voted yet.
    pub fn none(sources: usize) -> Trust {
        Trust(vec![None; sources])
    }

    /// Trust of the source at registry index `i`, if it voted.
    pub fn get(&self, i: usize) -> Option<f64> {
        self.0.get(i).copied().flatten()
    }
}

/// An article's base from the current trust.
pub(super) type BaseOf<'f> = dyn Fn((usize, &ArticleFacts), &Trust) -> ArticleBase + Sync + 'f;

/// What the loop settled on.
pub(super) struct FixedPoint<'a> {
    /// Source trust the last round's article bases were computed with.
    pub used_trust: Trust,
    /// The last round's article bases.
    pub bases: Vec<ArticleBase>,
    /// Propagated confidence of each claim group.
    pub claim_conf: Vec<f64>,
    /// (α, β) of each voting source, sorted by id.
    pub sources: Vec<(&'a str, (f64, f64))>,
    /// Outer rounds run.
    pub iterations: usize,
    /// Inner propagation iterations of the last round.
    pub inner: usize,
    /// Whether both loops settled.
    pub converged: bool,
}

/// Runs the loop; `base_of` computes an article's base from the current trust.
/// # Complexity: O(rounds · (n + propagation)), rounds ≤ [`MAX_ROUNDS`].
pub(super) fn solve<'a>(
    articles: &[ArticleFacts],
    voters: &mut Voters<'a>,
    registry: &Registry,
    base_of: &BaseOf,
    lap: &dyn Fn(&str),
) -> FixedPoint<'a> {
    let mut trust = Trust::none(registry.sources().len());
    let mut article_mu = vec![0.5; articles.len()];
    let mut iterations = 0;
    let mut ids: Vec<(&'a str, usize)> =
        voters.source_voter.iter().map(|(&k, &v)| (k, v)).collect();
    ids.sort_unstable();
    let index: Vec<Option<usize>> = ids.iter().map(|(k, _)| registry.index_of(k)).collect();
    loop {
        iterations += 1;
        let bases: Vec<ArticleBase> = articles
            .par_iter()
            .enumerate()
            .map(|x| base_of(x, &trust))
            .collect();
        voters.problem.priors = voters
            .base_priors
            .iter()
            .zip(&voters.voter_story)
            .map(|(&p, st)| match st {
                Some(ai) => {
                    let mu = (0.5 + bases[*ai].delta).clamp(0.03, 0.97);
                    (mu * 2.0, (1.0 - mu) * 2.0)
                }
                None => p,
            })
            .collect();
        lap("articles and priors of one iteration");
        let sol = propagate::solve(&voters.problem);
        lap("propagation");
        let sources: Vec<(&'a str, (f64, f64))> =
            ids.iter().map(|&(k, i)| (k, sol.sources[i])).collect();
        let mut new_trust = Trust::none(registry.sources().len());
        for (&(_, ab), i) in sources.iter().zip(&index) {
            if let Some(i) = *i {
                new_trust.0[i] = Some(ab.0 / (ab.0 + ab.1));
            }
        }
        let mut moved: f64 = 0.0;
        for (mu_i, b) in article_mu.iter_mut().zip(&bases) {
            let mu = (0.5 + b.delta).clamp(0.03, 0.97);
            moved = moved.max((mu - *mu_i).abs());
            *mu_i = mu;
        }
        let trust_moved = new_trust
            .0
            .iter()
            .zip(&trust.0)
            .any(|(new, old)| match (new, old) {
                (Some(v), Some(t)) => (t - v).abs() > 1e-9,
                (Some(_), None) => true,
                _ => false,
            });
        let used = std::mem::replace(&mut trust, new_trust);
        let settled = moved < 1e-9 && !trust_moved;
        if settled || iterations >= MAX_ROUNDS {
            return FixedPoint {
                used_trust: used,
                bases,
                claim_conf: sol.confidence,
                sources,
                iterations,
                inner: sol.iterations,
                converged: settled && sol.converged,
            };
        }
    }
}
