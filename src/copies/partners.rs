//! Every verified pair, bounded per article rather than per story.
//!
//! Candidate generation links the members of a shingle shared by many articles to one hub only
//! (`candidates::MAX_GROUP`), so two republications of one dispatch may never be compared directly.
//! [`second_hop`] proposes, for each article, the partners of its strongest partners (at most `k`
//! new pairs per article); [`bound`] then keeps a pair when it is among the `k` strongest of
//! either side. No pair is dropped because of the size of the story it sits in.

use std::cmp::Ordering;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::{CopyInput, CopyPair, Relation};

/// How strongly a pair ties its two articles: wholesale copies first, then the larger of the two
/// containments (the smaller side's share, almost always), then the partner's id.
fn stronger(
    inputs: &[CopyInput],
    p: &CopyPair,
    q: &CopyPair,
    partner_p: usize,
    partner_q: usize,
) -> Ordering {
    let rank = |r: Relation| u8::from(r != Relation::Wholly);
    let share = |c: &CopyPair| c.containment_a.max(c.containment_b);
    rank(p.relation)
        .cmp(&rank(q.relation))
        .then_with(|| share(q).total_cmp(&share(p)))
        .then_with(|| inputs[partner_p].id.cmp(inputs[partner_q].id))
}

/// Per article, `(partner, pair index)` from strongest to weakest.
/// # Complexity
/// O(P log P) for P pairs.
pub(super) fn adjacency(inputs: &[CopyInput], pairs: &[CopyPair]) -> Vec<Vec<(usize, usize)>> {
    let mut adj: Vec<Vec<(usize, usize)>> = vec![Vec::new(); inputs.len()];
    for (k, p) in pairs.iter().enumerate() {
        adj[p.a].push((p.b, k));
        adj[p.b].push((p.a, k));
    }
    adj.par_iter_mut().for_each(|list| {
        list.sort_by(|&(x, i), &(y, j)| stronger(inputs, &pairs[i], &pairs[j], x, y));
    });
    adj
}

/// Pairs `(i, j)`, `i < j` by index, not yet compared: for each article, partners of its `k`
/// strongest partners, strongest first, at most `k` per article; sorted and deduplicated.
/// # Complexity
/// O(n · k²) set lookups at worst, for n articles.
pub(super) fn second_hop(
    adj: &[Vec<(usize, usize)>],
    compared: &FxHashSet<(u32, u32)>,
    k: usize,
) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = (0..adj.len())
        .into_par_iter()
        .flat_map_iter(|x| {
            let mut found: Vec<(u32, u32)> = Vec::new();
            'partners: for &(y, _) in adj[x].iter().take(k) {
                for &(z, _) in adj[y].iter().take(k) {
                    if z == x {
                        continue;
                    }
                    let key = (x.min(z) as u32, x.max(z) as u32);
                    if !compared.contains(&key) && !found.contains(&key) {
                        found.push(key);
                        if found.len() >= k {
                            break 'partners;
                        }
                    }
                }
            }
            found
        })
        .collect();
    out.par_sort_unstable();
    out.dedup();
    out
}

/// What bounding kept: the listed pairs, and per article its verified partners and how many of
/// them are not listed.
pub(super) struct Bounded {
    pub(super) pairs: Vec<CopyPair>,
    pub(super) partners: Vec<u32>,
    pub(super) unlisted: Vec<u32>,
}

/// Keeps a pair when it is among the `k` strongest of either side, or when it is one of the
/// lineage `edges` (article index pairs, smaller first).
/// # Complexity
/// O(P log P).
pub(super) fn bound(
    inputs: &[CopyInput],
    pairs: Vec<CopyPair>,
    k: usize,
    edges: &[(usize, usize)],
) -> Bounded {
    let adj = adjacency(inputs, &pairs);
    let edges: FxHashSet<(usize, usize)> = edges.iter().copied().collect();
    let mut keep: Vec<bool> = pairs
        .iter()
        .map(|p| edges.contains(&(p.a.min(p.b), p.a.max(p.b))))
        .collect();
    for list in &adj {
        for &(_, i) in list.iter().take(k) {
            keep[i] = true;
        }
    }
    let partners: Vec<u32> = adj.iter().map(|l| l.len() as u32).collect();
    let unlisted: Vec<u32> = adj
        .iter()
        .map(|l| l.iter().filter(|&&(_, i)| !keep[i]).count() as u32)
        .collect();
    let pairs = pairs
        .into_iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(p))
        .collect();
    Bounded {
        pairs,
        partners,
        unlisted,
    }
}
