//! Final article scores: each article's base contributions plus its claims term (the mean
//! confidence of its figures' groups), as a Beta whose strength grows with the evidence.

use rayon::prelude::*;

use super::article::ArticleBase;
use super::claims::{Claim, Unreadable};
use super::{ArticleScore, ClaimGroup, ClaimsTerm, Reliability};

/// Scores every article from its base, its claims, the groups of its claim mentions
/// ([`super::groups::article_groups`]) and the final claim groups.
/// # Complexity: O(n + m) for m mentions.
pub(super) fn score(
    bases: Vec<ArticleBase>,
    per_article: Vec<(Vec<Claim>, Vec<Unreadable>)>,
    article_groups: Vec<Vec<usize>>,
    groups: &[ClaimGroup],
) -> Vec<ArticleScore> {
    bases
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
        .collect()
}
