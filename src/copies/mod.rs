//! Republished copy: who copied whom, how much, which passages, and whether the credit survived.
//!
//! 1. [`tokens`]: folded words (numbers unified) outside the outlet's boilerplate lines;
//! 2. [`candidates`]: sampled 5-gram shingles in one sorted inverted index → candidate pairs,
//!    near-linear in the number of articles, never all pairs;
//! 3. [`verify`]: exact containment both ways for every candidate, passages, relation;
//! 4. [`direction`]: the likely original and whether each side kept the credit;
//! 5. stories: connected components of verified pairs; a story larger than [`MAX_STORY`] lists
//!    each member paired with its representative only, so output stays near-linear.

pub mod candidates;
pub mod direction;
pub mod tokens;
pub mod verify;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::segment::{Segments, Span};
pub use candidates::Sketches;
use direction::Side;
pub use verify::{Passage, Relation};

/// Stories larger than this are reported as a star around their representative.
pub const MAX_STORY: usize = 50;

/// What the copy stage reads about one article.
#[derive(Debug, Clone)]
pub struct CopyInput<'a> {
    /// Article id.
    pub id: &'a str,
    /// Outlet, when known.
    pub outlet: Option<&'a str>,
    /// Outlet domain, when known.
    pub domain: Option<&'a str>,
    /// Publication date.
    pub published: Option<&'a str>,
    /// Agencies it credits in credit lines.
    pub credits: Vec<String>,
    /// Sources it credits, attributes or relays.
    pub sourced: Vec<String>,
    /// Registry ids whose domains are this article's outlet (for "names the other outlet").
    pub outlet_sources: Vec<String>,
}

/// A verified copy pair; `a` and `b` index the input, with `id(a) < id(b)` in byte order.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyPair {
    /// Index of the side with the smaller id.
    pub a: usize,
    /// Index of the other side.
    pub b: usize,
    /// Wholly or partially.
    pub relation: Relation,
    /// Share of a's words found in b.
    pub containment_a: f64,
    /// Share of b's words found in a.
    pub containment_b: f64,
    /// Index of the likely original, if decided.
    pub original: Option<usize>,
    /// Agencies either side credits.
    pub common_sources: Vec<String>,
    /// Whether a kept the credit.
    pub credited_a: Option<bool>,
    /// Whether b kept the credit.
    pub credited_b: Option<bool>,
    /// Both sides come from one outlet.
    pub same_outlet: bool,
    /// A wholesale copy of a credited wire dispatch that dropped the credit.
    pub laundered: bool,
    /// Aligned passages.
    pub passages: Vec<Passage>,
}

/// A cluster of articles linked by verified copies.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// Member indices, sorted by id.
    pub members: Vec<usize>,
    /// The story's original when one member is the original of all its pairs, else the member with
    /// the most pairs (ties: smallest id).
    pub representative: usize,
    /// Whether the representative is a decided original.
    pub original: bool,
}

/// Copy-stage output.
#[derive(Debug, Clone, Default)]
pub struct Copies {
    /// Verified pairs sorted by (id a, id b).
    pub pairs: Vec<CopyPair>,
    /// Stories sorted by their smallest member id.
    pub stories: Vec<Story>,
    /// Candidate pairs that were verified (for measurement).
    pub candidates: usize,
}

/// An article's words as the copy stage compares them. Only [`sketch`]es stay in memory; words
/// are computed again from the text when a candidate pair is verified (candidates are far fewer
/// than articles × words).
pub struct Words {
    text: String,
    tokens: Vec<tokens::Token>,
    shingles: Vec<u64>,
    /// The folded text, computed on first use and shared by every pair the article is in.
    folded: std::sync::OnceLock<String>,
}

impl Words {
    /// The words of `text` (kept, not copied) outside its `boilerplate` lines.
    pub fn new(text: String, segs: &Segments, boilerplate: &[Span]) -> Words {
        let tokens = tokens::tokenize(&text, segs, boilerplate);
        let shingles = candidates::shingles(&tokens);
        Words {
            text,
            tokens,
            shingles,
            folded: std::sync::OnceLock::new(),
        }
    }

    /// The folded text (case, accents and punctuation folded), computed once per article.
    fn folded(&self) -> &str {
        self.folded
            .get_or_init(|| crate::normalize::fold(&self.text).text)
    }
}

/// The sketch of an article (its sampled shingles): what candidate generation reads.
pub fn sketch(text: &str, segs: &Segments, boilerplate: &[Span]) -> Vec<u64> {
    candidates::sketch(&candidates::shingles(&tokens::tokenize(
        text,
        segs,
        boilerplate,
    )))
}

/// Gives the [`Words`] of article `i`.
pub type WordsOf<'w> = dyn Fn(usize) -> Words + Sync + 'w;

fn names_outlet(words: &Words, sourced: &[String], other: &CopyInput) -> bool {
    if other.outlet_sources.iter().any(|s| sourced.contains(s)) {
        return true;
    }
    let Some(outlet) = other.outlet else {
        return false;
    };
    let name = outlet.split('.').next().unwrap_or(outlet);
    if name.chars().count() < 4 {
        return false;
    }
    let f = words.folded();
    let n = crate::normalize::fold(name).text;
    f.match_indices(&n)
        .any(|(i, m)| crate::normalize::at_word_boundary(f, i, i + m.len()))
}

/// Finds every copy pair among `inputs`, given their [`sketch`]es (dropped once candidates are
/// found) and a way to get their [`Words`] back.
pub fn detect(inputs: &[CopyInput], sketches: Sketches, words: &WordsOf) -> Copies {
    let laps = crate::timing::Laps::new("copies");
    let cands = candidates::candidates(&sketches);
    drop(sketches);
    laps.lap(&format!("{} candidates", cands.len()));
    let cx = Cx { inputs, words };
    let mut pairs = check_all(&cx, &cands);
    laps.lap(&format!("{} verified", pairs.len()));
    let first = stories(inputs, &pairs);
    complete_stories(&cx, &first, &cands, &mut pairs);
    laps.lap("stories completed");
    pairs.sort_by(|p, q| (inputs[p.a].id, inputs[p.b].id).cmp(&(inputs[q.a].id, inputs[q.b].id)));
    let stories = stories(inputs, &pairs);
    let pairs = limit_large_stories(&cx, pairs, &stories);
    Copies {
        pairs,
        stories,
        candidates: cands.len(),
    }
}

/// What verification reads: the inputs and their words.
struct Cx<'a, 'w> {
    inputs: &'a [CopyInput<'a>],
    words: &'a WordsOf<'w>,
}

/// Candidate pairs verified per block: each article's words are computed once per block.
const BLOCK: usize = 1 << 13;

/// Verifies `pairs` (sorted), a block at a time.
fn check_all(cx: &Cx, pairs: &[(u32, u32)]) -> Vec<CopyPair> {
    let mut out = Vec::new();
    for block in pairs.chunks(BLOCK) {
        let mut ids: Vec<u32> = block.iter().flat_map(|&(i, j)| [i, j]).collect();
        ids.sort_unstable();
        ids.dedup();
        let words: Vec<Words> = ids.par_iter().map(|&i| (cx.words)(i as usize)).collect();
        let of = |i: u32| ids.binary_search(&i).ok().map(|k| &words[k]);
        out.par_extend(block.par_iter().filter_map(|&(i, j)| {
            let (wi, wj) = (of(i)?, of(j)?);
            check_words(cx, i as usize, wi, j as usize, wj)
        }));
    }
    out
}

fn check_words(cx: &Cx, i: usize, wi: &Words, j: usize, wj: &Words) -> Option<CopyPair> {
    let inputs = cx.inputs;
    let (a, b, pa, pb) = if inputs[i].id.as_bytes() <= inputs[j].id.as_bytes() {
        (i, j, wi, wj)
    } else {
        (j, i, wj, wi)
    };
    let v = verify::verify(&pa.tokens, &pa.shingles, &pb.tokens, &pb.shingles);
    let relation = v.relation?;
    let (xa, xb) = (&inputs[a], &inputs[b]);
    fn side<'x>(x: &CopyInput<'x>, p: &Words, other: &CopyInput<'_>) -> Side<'x> {
        Side {
            published: x.published,
            credits: x.credits.clone(),
            sourced: x.sourced.clone(),
            words: p.tokens.len(),
            names_other_outlet: names_outlet(p, &x.sourced, other),
        }
    }
    let (sa, sb) = (side(xa, pa, xb), side(xb, pb, xa));
    let small = if pa.tokens.len() <= pb.tokens.len() {
        v.containment_a
    } else {
        v.containment_b
    };
    let orig = direction::original(&sa, &sb, relation == Relation::Wholly, small);
    let common = direction::common_sources(&sa, &sb);
    let credited_a = direction::credited(&sa, &common, orig == Some(1));
    let credited_b = direction::credited(&sb, &common, orig == Some(0));
    let same_outlet = matches!((xa.outlet, xb.outlet), (Some(p), Some(q)) if p == q);
    let copy_uncredited = match orig {
        Some(0) => credited_b == Some(false),
        Some(_) => credited_a == Some(false),
        None => false,
    };
    let laundered =
        relation == Relation::Wholly && !common.is_empty() && copy_uncredited && !same_outlet;
    Some(CopyPair {
        a,
        b,
        relation,
        containment_a: v.containment_a,
        containment_b: v.containment_b,
        original: orig.map(|o| if o == 0 { a } else { b }),
        common_sources: common,
        credited_a,
        credited_b,
        same_outlet,
        laundered,
        passages: v.passages,
    })
}

/// Candidate generation links large groups as stars; inside each story of at most [`MAX_STORY`]
/// articles, every pair not yet compared is verified, so `copies` holds every verified pair of the
/// story. Cost is bounded by the story sizes, not by the corpus.
fn complete_stories(cx: &Cx, stories: &[Story], cands: &[(u32, u32)], pairs: &mut Vec<CopyPair>) {
    let done: std::collections::BTreeSet<(usize, usize)> = cands
        .iter()
        .map(|&(i, j)| (i as usize, j as usize))
        .collect();
    let mut missing: Vec<(u32, u32)> = Vec::new();
    for s in stories
        .iter()
        .filter(|s| s.members.len() > 2 && s.members.len() <= MAX_STORY)
    {
        let mut idx = s.members.clone();
        idx.sort_unstable();
        for x in 0..idx.len() {
            for y in x + 1..idx.len() {
                if !done.contains(&(idx[x], idx[y])) {
                    missing.push((idx[x] as u32, idx[y] as u32));
                }
            }
        }
    }
    missing.sort_unstable();
    pairs.extend(check_all(cx, &missing));
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

fn stories(inputs: &[CopyInput], pairs: &[CopyPair]) -> Vec<Story> {
    let mut parent: Vec<usize> = (0..inputs.len()).collect();
    for p in pairs {
        let (ra, rb) = (find(&mut parent, p.a), find(&mut parent, p.b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    // One pass over the pairs: members, and per member (pairs, times original), by story root.
    let mut groups: BTreeMap<usize, BTreeMap<usize, (usize, usize)>> = BTreeMap::new();
    for p in pairs {
        let root = find(&mut parent, p.a);
        let g = groups.entry(root).or_default();
        g.entry(p.a).or_default().0 += 1;
        g.entry(p.b).or_default().0 += 1;
        if let Some(o) = p.original {
            g.entry(o).or_default().1 += 1;
        }
    }
    let mut out: Vec<Story> = groups
        .into_values()
        .map(|degree| {
            let mut members: Vec<usize> = degree.keys().copied().collect();
            members.sort_by(|&x, &y| inputs[x].id.cmp(inputs[y].id));
            let (representative, original) = representative(inputs, &degree, &members);
            Story {
                members,
                representative,
                original,
            }
        })
        .collect();
    out.sort_by(|s, t| inputs[s.members[0]].id.cmp(inputs[t.members[0]].id));
    out
}

/// The member that is the original of all its pairs, else the member with the most pairs (ties:
/// smallest id).
fn representative(
    inputs: &[CopyInput],
    degree: &BTreeMap<usize, (usize, usize)>,
    members: &[usize],
) -> (usize, bool) {
    if let Some(&m) = members
        .iter()
        .find(|m| degree.get(m).is_some_and(|(n, o)| *o == *n && *n > 0))
    {
        return (m, true);
    }
    let best = members
        .iter()
        .copied()
        .max_by(|&x, &y| {
            let dx = degree.get(&x).map_or(0, |d| d.0);
            let dy = degree.get(&y).map_or(0, |d| d.0);
            dx.cmp(&dy).then_with(|| inputs[y].id.cmp(inputs[x].id))
        })
        .unwrap_or(members[0]);
    (best, false)
}

fn limit_large_stories(cx: &Cx, pairs: Vec<CopyPair>, stories: &[Story]) -> Vec<CopyPair> {
    let inputs = cx.inputs;
    let large: Vec<&Story> = stories
        .iter()
        .filter(|s| s.members.len() > MAX_STORY)
        .collect();
    if large.is_empty() {
        return pairs;
    }
    let mut story_of: BTreeMap<usize, usize> = BTreeMap::new();
    for s in &large {
        for &m in &s.members {
            story_of.insert(m, s.representative);
        }
    }
    let mut kept: Vec<CopyPair> = Vec::new();
    let mut linked: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
    for p in pairs {
        match story_of.get(&p.a) {
            Some(&rep) if p.a == rep || p.b == rep => {
                linked.insert(if p.a == rep { p.b } else { p.a });
                kept.push(p);
            }
            Some(_) => {}
            None => kept.push(p),
        }
    }
    let mut missing: Vec<(u32, u32)> = large
        .iter()
        .flat_map(|s| {
            s.members
                .iter()
                .filter(|&&m| m != s.representative && !linked.contains(&m))
                .map(|&m| (m as u32, s.representative as u32))
        })
        .collect();
    missing.sort_unstable();
    kept.extend(check_all(cx, &missing));
    kept.sort_by(|p, q| (inputs[p.a].id, inputs[p.b].id).cmp(&(inputs[q.a].id, inputs[q.b].id)));
    kept
}
