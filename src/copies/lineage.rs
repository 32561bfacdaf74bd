//! Who copied whom, as a forest rather than a union-find blob.
//!
//! Each article's `copied_from` is its most likely source among its wholly related partners: a
//! partner the pair's direction rules name as the original (earlier `published`, else the side
//! crediting the wire the other lacks, else the clearly more complete text), the one covering
//! most of the article's words (ties: earlier `published`, then smaller id). An edge that would
//! close a cycle is dropped. When two articles with no source in the input are wholly related
//! with no direction (both credit the wire, or nothing decides), neither copied the other: they
//! hang under a virtual origin, the dispatch of the agency their pairs credit most, which is not
//! in the input. The wholly relations then form trees rooted at originals and virtual
//! dispatches; those trees are the stories. Partial reuse stays a pairwise edge and never
//! merges two trees.
//!
//! A translation is a copy in another language and joins the lineage like a wholesale copy: a
//! translated article hangs under the side its pair names the original; an undirected
//! translation joins both trees under a virtual origin. A same-language source is preferred
//! over a translated one (a French run of a French translation copied the French text).

use std::collections::BTreeMap;

use super::direction::Basis;
use super::{CopyInput, CopyPair, Relation};

/// Where an article's text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Another article of the input (its index).
    Article(usize),
    /// A virtual dispatch: the story at this index of [`super::Copies::stories`].
    Dispatch(usize),
}

/// One lineage tree: an original (or a virtual dispatch) and everything copied from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// The root's id: the original article's id, or the virtual dispatch's
    /// (`dispatch:AFP:<smallest member id>`, `origin:<smallest member id>` with no agency).
    pub id: String,
    /// For a virtual root: the agency whose dispatch it is, when the members credit one.
    pub agency: Option<String>,
    /// Whether the root is a virtual dispatch (not an article of the input).
    pub virtual_root: bool,
    /// Member indices, sorted by id (the root article included).
    pub members: Vec<usize>,
    /// The root article, or for a virtual root the member with most wholly partners (ties:
    /// smallest id).
    pub representative: usize,
    /// Whether the representative is a decided original (an article root).
    pub original: bool,
    /// Republications: members other than the root article.
    pub republications: usize,
    /// Republications that credit the wire the root carries (or name the root's outlet).
    pub credited: usize,
    /// Republications that are laundered copies: the copy side of a laundered pair, or, when the
    /// root's wire is known, a republication that credits or attributes none of it.
    pub laundered: usize,
    /// Outlets of the republications with their counts, most first (ties: name).
    pub outlets: Vec<(String, usize)>,
    /// Languages of the members with their counts, most first (ties: code); empty when the
    /// members have no language.
    pub languages: Vec<(String, usize)>,
}

/// Whether a pair is a lineage relation: a wholesale copy or a translation.
fn in_lineage(p: &CopyPair) -> bool {
    matches!(p.relation, Relation::Wholly | Relation::Translated)
}

fn find(parent: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while parent[r] != r {
        r = parent[r];
    }
    let mut y = x;
    while parent[y] != r {
        let next = parent[y];
        parent[y] = r;
        y = next;
    }
    r
}

fn union(parent: &mut [usize], x: usize, y: usize) -> bool {
    let (rx, ry) = (find(parent, x), find(parent, y));
    if rx == ry {
        return false;
    }
    parent[rx.max(ry)] = rx.min(ry);
    true
}

/// The copied-from edge of each article (before virtual roots), cycle-free.
/// # Complexity
/// O(P log P + n α(n)).
fn parents(inputs: &[CopyInput], pairs: &[CopyPair]) -> Vec<Option<usize>> {
    // Per copy side: (original, share of the copy covered by it, whether it is a translation).
    let mut offers: Vec<(usize, usize, f64, bool)> = Vec::new();
    for p in pairs.iter().filter(|p| in_lineage(p)) {
        if let Some(o) = directed(p) {
            let (copy, share) = if o == p.a {
                (p.b, p.containment_b)
            } else {
                (p.a, p.containment_a)
            };
            offers.push((copy, o, share, p.relation == Relation::Translated));
        }
    }
    let better = |x: &(usize, usize, f64, bool), y: &(usize, usize, f64, bool)| {
        x.3.cmp(&y.3)
            .then_with(|| y.2.total_cmp(&x.2))
            .then_with(|| inputs[x.1].published.cmp(&inputs[y.1].published))
            .then_with(|| inputs[x.1].id.cmp(inputs[y.1].id))
    };
    offers.sort_by(|x, y| {
        inputs[x.0]
            .id
            .cmp(inputs[y.0].id)
            .then_with(|| better(x, y))
    });
    let mut parent: Vec<Option<usize>> = vec![None; inputs.len()];
    let mut forest: Vec<usize> = (0..inputs.len()).collect();
    for &(copy, orig, _, _) in &offers {
        // A functional graph is acyclic exactly when its undirected edges form a forest.
        if parent[copy].is_none() && union(&mut forest, copy, orig) {
            parent[copy] = Some(orig);
        }
    }
    parent
}

/// The original of a pair as a lineage edge. A direction decided by the credit alone is not one:
/// the uncredited side may have taken the dispatch from the wire, so both hang under it.
fn directed(p: &CopyPair) -> Option<usize> {
    match p.original_by {
        Some(Basis::Credit) => None,
        _ => p.original,
    }
}

fn root_of(parent: &[Option<usize>], mut x: usize) -> usize {
    while let Some(p) = parent[x] {
        x = p;
    }
    x
}

/// Copied-from origins and the lineage trees of `pairs`.
/// # Complexity
/// O(P log P + n · depth) for P pairs and n articles.
pub fn lineage(inputs: &[CopyInput], pairs: &[CopyPair]) -> (Vec<Option<Origin>>, Vec<Story>) {
    let n = inputs.len();
    let parent = parents(inputs, pairs);
    let root: Vec<usize> = (0..n).map(|x| root_of(&parent, x)).collect();
    // Trees joined by an undirected wholesale pair share a virtual dispatch.
    let mut group: Vec<usize> = (0..n).collect();
    let mut agencies: BTreeMap<usize, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut wholly_degree = vec![0usize; n];
    let mut in_tree = vec![false; n];
    for p in pairs.iter().filter(|p| in_lineage(p)) {
        wholly_degree[p.a] += 1;
        wholly_degree[p.b] += 1;
        in_tree[p.a] = true;
        in_tree[p.b] = true;
        if directed(p).is_none() {
            union(&mut group, root[p.a], root[p.b]);
        }
    }
    for p in pairs
        .iter()
        .filter(|p| in_lineage(p) && directed(p).is_none())
    {
        let g = find(&mut group, root[p.a]);
        for s in &p.common_sources {
            *agencies
                .entry(g)
                .or_default()
                .entry(s.as_str())
                .or_default() += 1;
        }
    }
    // Members per group, and the article roots in each.
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for x in (0..n).filter(|&x| in_tree[x]) {
        let g = find(&mut group, root[x]);
        members.entry(g).or_default().push(x);
    }
    let laundered_copy = laundered_copies(pairs, n);
    let mut stories: Vec<Story> = Vec::new();
    let mut origin: Vec<Option<Origin>> = parent.iter().map(|p| p.map(Origin::Article)).collect();
    for (g, mut m) in members {
        if m.len() < 2 {
            continue;
        }
        m.sort_by(|&x, &y| inputs[x].id.cmp(inputs[y].id));
        let roots: Vec<usize> = m.iter().copied().filter(|&x| parent[x].is_none()).collect();
        let virtual_root = roots.len() > 1;
        let agency = if virtual_root {
            agencies.get(&g).and_then(|a| {
                a.iter()
                    .max_by(|x, y| x.1.cmp(y.1).then_with(|| y.0.cmp(x.0)))
                    .map(|(s, _)| s.to_string())
            })
        } else {
            None
        };
        let representative = if virtual_root {
            *roots
                .iter()
                .max_by(|&&x, &&y| {
                    wholly_degree[x]
                        .cmp(&wholly_degree[y])
                        .then_with(|| inputs[y].id.cmp(inputs[x].id))
                })
                .unwrap_or(&m[0])
        } else {
            roots[0]
        };
        let first = inputs[m[0]].id;
        let id = match (&agency, virtual_root) {
            (Some(a), true) => format!("dispatch:{a}:{first}"),
            (None, true) => format!("origin:{first}"),
            (_, false) => inputs[representative].id.to_string(),
        };
        if virtual_root {
            for &r in &roots {
                origin[r] = Some(Origin::Dispatch(stories.len()));
            }
        }
        let wire: Vec<&str> = match &agency {
            Some(a) => vec![a.as_str()],
            None if !virtual_root => inputs[representative]
                .credits
                .iter()
                .map(String::as_str)
                .collect(),
            None => Vec::new(),
        };
        let copies: Vec<usize> = m
            .iter()
            .copied()
            .filter(|&x| virtual_root || x != representative)
            .collect();
        let laundered = copies
            .iter()
            .filter(|&&x| {
                laundered_copy[x]
                    || (!wire.is_empty()
                        && !inputs[x].sourced.iter().any(|s| wire.contains(&s.as_str())))
            })
            .count();
        let credited = copies
            .iter()
            .filter(|&&x| inputs[x].sourced.iter().any(|s| wire.contains(&s.as_str())))
            .count();
        let mut outlets: BTreeMap<&str, usize> = BTreeMap::new();
        for &x in &copies {
            *outlets
                .entry(inputs[x].outlet.unwrap_or("unknown outlet"))
                .or_default() += 1;
        }
        let mut outlets: Vec<(String, usize)> = outlets
            .into_iter()
            .map(|(o, c)| (o.to_string(), c))
            .collect();
        outlets.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        let mut languages: BTreeMap<&str, usize> = BTreeMap::new();
        for &x in &m {
            if let Some(l) = inputs[x].lang {
                *languages.entry(l).or_default() += 1;
            }
        }
        let mut languages: Vec<(String, usize)> = languages
            .into_iter()
            .map(|(l, c)| (l.to_string(), c))
            .collect();
        languages.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        stories.push(Story {
            id,
            agency,
            virtual_root,
            representative,
            original: !virtual_root,
            republications: copies.len(),
            credited,
            // A republication of a known wire's dispatch that credits none of it is laundered,
            // whether or not its own pair to a crediting member is wholesale.
            laundered,
            outlets,
            languages,
            members: m,
        });
    }
    // Stories in order of their root's id (a virtual root by its smallest member).
    let mut order: Vec<usize> = (0..stories.len()).collect();
    order.sort_by(|&x, &y| stories[x].id.cmp(&stories[y].id));
    let mut rank = vec![0; stories.len()];
    for (new, &old) in order.iter().enumerate() {
        rank[old] = new;
    }
    for o in origin.iter_mut() {
        if let Some(Origin::Dispatch(s)) = o {
            *s = rank[*s];
        }
    }
    let mut sorted: Vec<Option<Story>> = stories.into_iter().map(Some).collect();
    let stories = order.iter().filter_map(|&i| sorted[i].take()).collect();
    (origin, stories)
}

/// Articles that are the copy side of a laundered pair.
fn laundered_copies(pairs: &[CopyPair], n: usize) -> Vec<bool> {
    let mut out = vec![false; n];
    for p in pairs.iter().filter(|p| p.laundered) {
        if let Some(o) = p.original {
            out[if o == p.a { p.b } else { p.a }] = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(id: &'static str, outlet: &'static str, credits: &[&str]) -> CopyInput<'static> {
        let c: Vec<String> = credits.iter().map(|s| s.to_string()).collect();
        CopyInput {
            id,
            outlet: Some(outlet),
            domain: None,
            published: None,
            credits: c.clone(),
            sourced: c,
            outlet_sources: Vec::new(),
            lang: None,
            credit_langs: Vec::new(),
            translation_marks: false,
        }
    }

    fn pair(a: usize, b: usize, original: Option<usize>, common: &[&str]) -> CopyPair {
        CopyPair {
            a,
            b,
            relation: Relation::Wholly,
            containment_a: 0.9,
            containment_b: 0.9,
            original,
            original_by: original.map(|_| Basis::Published),
            common_sources: common.iter().map(|s| s.to_string()).collect(),
            credited_a: None,
            credited_b: None,
            same_outlet: false,
            laundered: false,
            passages: Vec::new(),
        }
    }

    #[test]
    fn two_credited_runs_of_one_dispatch_hang_under_a_virtual_dispatch() {
        let inputs = [
            input("a1", "tdg.ch", &["AFP"]),
            input("a2", "dhnet.be", &["AFP"]),
            input("a3", "lalibre.be", &[]),
        ];
        // a1 ~ a2: both credit AFP, no direction; a3 copies a2 without credit.
        let mut p23 = pair(1, 2, Some(1), &["AFP"]);
        p23.laundered = true;
        let (origin, stories) = lineage(&inputs, &[pair(0, 1, None, &["AFP"]), p23]);
        assert_eq!(stories.len(), 1);
        let s = &stories[0];
        assert_eq!(s.id, "dispatch:AFP:a1");
        assert!(s.virtual_root && !s.original);
        assert_eq!(s.members, [0, 1, 2]);
        assert_eq!((s.republications, s.credited, s.laundered), (3, 2, 1));
        assert_eq!(
            origin,
            [
                Some(Origin::Dispatch(0)),
                Some(Origin::Dispatch(0)),
                Some(Origin::Article(1))
            ]
        );
    }

    #[test]
    fn partial_reuse_does_not_merge_trees_and_chains_stay_trees() {
        let inputs = [
            input("x", "o1", &[]),
            input("y", "o2", &[]),
            input("z", "o3", &[]),
            input("w", "o4", &[]),
        ];
        let mut partial = pair(1, 2, None, &[]);
        partial.relation = Relation::Partially;
        // x → y (y copies x), z → w; y and z share a passage only.
        let (origin, stories) = lineage(
            &inputs,
            &[pair(0, 1, Some(0), &[]), partial, pair(2, 3, Some(2), &[])],
        );
        assert_eq!(stories.len(), 2);
        assert_eq!(stories[0].id, "x");
        assert_eq!(stories[1].id, "z");
        assert_eq!(origin[1], Some(Origin::Article(0)));
        assert_eq!(origin[3], Some(Origin::Article(2)));
        assert_eq!(origin[0], None);
    }

    fn translated(a: usize, b: usize, original: Option<usize>) -> CopyPair {
        let mut p = pair(a, b, original, &[]);
        p.relation = Relation::Translated;
        p.original_by = original.map(|_| Basis::Artefacts);
        p
    }

    #[test]
    fn a_translation_joins_the_lineage_and_a_same_language_source_comes_first() {
        let mut inputs = [
            input("de1", "o1", &[]),
            input("fr1", "o2", &[]),
            input("fr2", "o3", &[]),
        ];
        inputs[0].lang = Some("de");
        inputs[1].lang = Some("fr");
        inputs[2].lang = Some("fr");
        // fr1 translates de1; fr2 runs fr1 (same language) and also aligns with de1.
        let mut same = pair(1, 2, Some(1), &[]);
        same.containment_b = 0.7;
        let pairs = [translated(0, 1, Some(0)), translated(0, 2, Some(0)), same];
        let (origin, stories) = lineage(&inputs, &pairs);
        assert_eq!(origin[1], Some(Origin::Article(0)));
        assert_eq!(
            origin[2],
            Some(Origin::Article(1)),
            "the French text, not the German"
        );
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].id, "de1");
        assert_eq!(
            stories[0].languages,
            [("fr".to_string(), 2), ("de".to_string(), 1)]
        );
    }

    #[test]
    fn an_undirected_translation_hangs_both_texts_under_a_common_origin() {
        let mut inputs = [input("a", "o1", &[]), input("b", "o2", &[])];
        inputs[0].lang = Some("fr");
        inputs[1].lang = Some("de");
        let (origin, stories) = lineage(&inputs, &[translated(0, 1, None)]);
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].id, "origin:a");
        assert!(stories[0].virtual_root);
        assert_eq!(
            origin,
            [Some(Origin::Dispatch(0)), Some(Origin::Dispatch(0))]
        );
    }

    #[test]
    fn a_cycle_of_directions_is_broken() {
        let inputs = [
            input("a", "o1", &[]),
            input("b", "o2", &[]),
            input("c", "o3", &[]),
        ];
        let pairs = [
            pair(0, 1, Some(1), &[]),
            pair(1, 2, Some(2), &[]),
            pair(0, 2, Some(0), &[]),
        ];
        let (origin, stories) = lineage(&inputs, &pairs);
        assert_eq!(stories.len(), 1);
        let roots = origin.iter().filter(|o| o.is_none()).count();
        assert_eq!(roots, 1, "{origin:?}");
    }
}
