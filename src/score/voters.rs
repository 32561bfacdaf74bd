//! Voters of the propagation: each attributed source, and each independent voice (an outlet, or
//! the story of an article of unknown outlet) for unattributed claims. Votes are fixed for the
//! whole fixed point; only the priors of voice voters move with the article means.

use std::collections::BTreeMap;

use super::groups::Mention;
use super::propagate::{Problem, Vote};
use crate::copies::{Copies, Relation};
use crate::model::ArticleFacts;
use crate::registry::Registry;

/// The propagation problem with what the fixed point needs to refresh its priors.
pub(super) struct Voters<'a> {
    /// Votes and objects; `priors` are filled by each round.
    pub problem: Problem,
    /// Voter of each attributed source id.
    pub source_voter: rustc_hash::FxHashMap<&'a str, usize>,
    /// Each voter's fixed prior (α, β).
    pub base_priors: Vec<(f64, f64)>,
    /// For a voice voter, the article whose mean gives its prior.
    pub voter_story: Vec<Option<usize>>,
}

/// Probability that an article's text is a copy of another article of the input.
/// # Complexity: O(n + pairs).
pub(super) fn copy_probability(copies: &Copies, n: usize) -> Vec<f64> {
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

/// Each article's story key: the id rank (`rank`, the place in id order) of its story's
/// representative, or its own when it is in no story. A key, not a row index, so that sorting or
/// windowing by it does not depend on the row order.
/// # Complexity: O(n + story members).
pub(super) fn story_of(copies: &Copies, rank: &[usize]) -> Vec<usize> {
    let mut s: Vec<usize> = rank.to_vec();
    for st in &copies.stories {
        for &m in &st.members {
            s[m] = rank[st.representative];
        }
    }
    s
}

/// The independent voice of each article for unattributed claims: its outlet when the outlet is
/// known (a feed's thousand articles are one voice, not a thousand origins), else its story (an
/// article and its copies, by its story key [`story_of`]). Voice ids of outlets start after the
/// story keys, numbered in outlet name order (not in order of appearance).
/// # Complexity: O(n log n).
pub(super) fn voices(articles: &[ArticleFacts], story: &[usize]) -> Vec<usize> {
    let n = articles.len();
    let mut outlets: BTreeMap<&str, usize> = articles
        .iter()
        .filter(|a| a.article.outlet_known)
        .map(|a| (a.article.outlet.as_str(), 0))
        .collect();
    for (k, v) in outlets.values_mut().enumerate() {
        *v = k;
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
/// # Complexity: O(m log m) for m mentions.
pub(super) fn relayed_claims(
    mentions: &[Mention],
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
pub(super) fn is_channel(article: &ArticleFacts, source: &crate::registry::Source) -> bool {
    let own = |d: &str| {
        source
            .domains
            .iter()
            .any(|s| d == s || d.strip_suffix(s.as_str()).is_some_and(|h| h.ends_with('.')))
    };
    article.article.domain.as_deref().is_some_and(own) || own(&article.article.outlet)
}

/// Builds one voter per attributed source and per independent voice, and one vote per (voter,
/// claim group), the strongest: an unattributed mention votes with weight 1 − its copy
/// probability, and not at all when its voice relays the figure from a source elsewhere. The
/// mentions come in article id order ([`super::groups::group`]), so voters are numbered in id
/// order and a voice voter's prior is the mean of the voice's article with the smallest id among
/// those that vote.
/// # Complexity: O(m log m) for m mentions.
pub(super) fn build<'a>(
    mentions: &[Mention<'a>],
    n_groups: usize,
    voice: &[usize],
    relayed: &[(usize, usize)],
    copy_p: &[f64],
    registry: &Registry,
    own_channel: &dyn Fn(usize, &str) -> bool,
) -> Voters<'a> {
    let mut source_voter: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    let mut story_voter: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
    let mut voter_story: Vec<Option<usize>> = Vec::new();
    let mut base_priors: Vec<(f64, f64)> = Vec::new();
    let mut votes: Vec<((usize, usize), f64)> = Vec::with_capacity(mentions.len());
    for &(g, ai, src) in mentions {
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
    let votes: Vec<Vote> = votes
        .into_iter()
        .map(|((source, claim), weight)| Vote {
            source,
            claim,
            weight,
        })
        .collect();
    Voters {
        problem: Problem {
            priors: Vec::new(),
            object: (0..n_groups).collect(),
            votes,
            implications: Vec::new(),
        },
        source_voter,
        base_priors,
        voter_story,
    }
}
