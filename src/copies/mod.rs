//! Republished copy: who copied whom, how much, which passages, and whether the credit survived.
//!
//! 1. [`tokens`]: folded words (numbers unified) outside the outlet's boilerplate lines;
//! 2. [`candidates`]: sampled 5-gram shingles in one sorted inverted index → candidate pairs,
//!    near-linear in the number of articles, never all pairs;
//! 3. [`verify`]: exact containment both ways for every candidate, passages, relation; two
//!    notices written from one template, which differ exactly in their slots, are no copy
//!    ([`templates`]);
//! 4. [`direction`]: the likely original and whether each side kept the credit;
//! 5. [`partners`]: partners of partners compared too, then each article keeps its K strongest
//!    partners (a pair stays when it is among the K strongest of either side);
//! 6. [`lineage`]: `copied_from` per article and the lineage trees (stories), rooted at
//!    originals or at virtual dispatches that are not in the input.

pub mod anchors;
pub mod candidates;
mod check;
pub mod direction;
pub mod lineage;
mod partners;
pub mod templates;
pub mod tokens;
pub mod translated;
pub mod verify;

use rustc_hash::FxHashSet;

use crate::segment::Span;
use crate::text::TextView;
pub use candidates::Sketches;
pub use check::AnchorsOf;
pub use lineage::{Origin, Story};
pub use verify::{Passage, Relation};

/// Partners each article keeps by default (`--max-partners`).
pub const MAX_PARTNERS: usize = 50;

/// What the copy stage can be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyOptions {
    /// Each article keeps its this many strongest partners; a pair is listed when it is among the
    /// strongest of either side. At least 1.
    pub max_partners: usize,
}

impl Default for CopyOptions {
    fn default() -> CopyOptions {
        CopyOptions {
            max_partners: MAX_PARTNERS,
        }
    }
}

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
    /// Wire agencies it credits or attributes content to (credit lines and in-text sourcing, not
    /// mentions).
    pub credits: Vec<String>,
    /// Sources it credits, attributes or relays.
    pub sourced: Vec<String>,
    /// Registry ids whose domains are this article's outlet (for "names the other outlet").
    pub outlet_sources: Vec<String>,
    /// The language the text was read in (only articles in different languages can be
    /// translations of each other).
    pub lang: Option<&'a str>,
    /// Home languages of the wires of `credits` (the first the registry lists: AFP fr, dpa de); the
    /// original of a translated dispatch is the side written in its wire's home language.
    pub credit_langs: Vec<String>,
    /// The text carries machine-translation artefacts or a credit to a foreign-language original.
    pub translation_marks: bool,
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
    /// What decided it.
    pub original_by: Option<direction::Basis>,
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

/// Copy-stage output.
#[derive(Debug, Clone, Default)]
pub struct Copies {
    /// Listed pairs (each among the K strongest of one of its sides), sorted by (id a, id b).
    pub pairs: Vec<CopyPair>,
    /// Lineage trees of at least two articles, sorted by their id.
    pub stories: Vec<Story>,
    /// Per article: where its text comes from (`None` for originals and unrelated articles).
    pub copied_from: Vec<Option<Origin>>,
    /// Per article: verified partners.
    pub partners: Vec<u32>,
    /// Per article: verified partners whose pair is not listed (beyond K on both sides).
    pub unlisted: Vec<u32>,
    /// Candidate pairs that were verified (for measurement).
    pub candidates: usize,
}

impl Copies {
    /// Looks pairs up by their two article indices (in either order).
    /// # Complexity
    /// O(P) to build, O(1) per lookup.
    pub fn index(&self) -> PairIndex<'_> {
        PairIndex {
            pairs: &self.pairs,
            by: self
                .pairs
                .iter()
                .enumerate()
                .map(|(k, p)| ((p.a.min(p.b), p.a.max(p.b)), k))
                .collect(),
        }
    }
}

/// Listed pairs by their article indices.
pub struct PairIndex<'a> {
    pairs: &'a [CopyPair],
    by: rustc_hash::FxHashMap<(usize, usize), usize>,
}

impl PairIndex<'_> {
    /// The listed pair of articles `x` and `y`, if any.
    pub fn get(&self, x: usize, y: usize) -> Option<&CopyPair> {
        self.by.get(&(x.min(y), x.max(y))).map(|&k| &self.pairs[k])
    }
}

/// An article's words as the copy stage compares them. Only [`sketch`]es stay in memory; words
/// are computed again from the text when a candidate pair is verified (candidates are far fewer
/// than articles × words).
pub struct Words {
    tokens: Vec<tokens::Token>,
    shingles: Vec<u64>,
    /// The folded text (case, accents and punctuation folded), shared by every pair the article
    /// is in.
    folded: String,
}

impl Words {
    /// The words of `text` outside the lines `boilerplate` finds in its view; the view's fold is
    /// kept.
    pub fn new(text: &str, boilerplate: impl FnOnce(&TextView) -> Vec<Span>) -> Words {
        let view = TextView::new(text);
        let skip = boilerplate(&view);
        let tokens = tokens::tokenize(&view, &skip);
        let folded = view.folded.text;
        let shingles = candidates::shingles(&tokens);
        Words {
            tokens,
            shingles,
            folded,
        }
    }

    /// The folded text.
    fn folded(&self) -> &str {
        &self.folded
    }
}

/// The sketch of an article (its sampled shingles): what candidate generation reads.
pub fn sketch(view: &TextView, boilerplate: &[Span]) -> Vec<u64> {
    candidates::sketch(&candidates::shingles(&tokens::tokenize(view, boilerplate)))
}

/// Gives the [`Words`] of article `i`.
pub type WordsOf<'w> = dyn Fn(usize) -> Words + Sync + 'w;

/// Finds every copy pair among `inputs`, given their [`sketch`]es (dropped once candidates are
/// found) and a way to get their [`Words`] back.
/// # Complexity
/// Near-linear in the articles: candidates from one sorted index, at most K more comparisons per
/// article, at most n · K listed pairs.
pub fn detect(
    inputs: &[CopyInput],
    sketches: Sketches,
    words: &WordsOf,
    translations: Option<(Sketches, &AnchorsOf, anchors::Frequencies)>,
    opts: &CopyOptions,
) -> Copies {
    let k = opts.max_partners.max(1);
    let laps = crate::timing::Laps::new("copies");
    // Each article's place in id order: ties are broken by it, never by the row order.
    let mut order: Vec<usize> = (0..inputs.len()).collect();
    order.sort_by(|&x, &y| inputs[x].id.cmp(inputs[y].id));
    let mut rank = vec![0u32; inputs.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r as u32;
    }
    drop(order);
    let cands = candidates::candidates(&sketches, &rank);
    drop(sketches);
    laps.lap(&format!("{} candidates", cands.len()));
    // Translation candidates too, so that the anchor samples are freed before any verification.
    let translation = translations.map(|(anchors, sentences, frequencies)| {
        let langs: Vec<Option<&str>> = inputs.iter().map(|x| x.lang).collect();
        let days: Vec<Option<i32>> = inputs
            .iter()
            .map(|x| x.published.and_then(translated::day_number))
            .collect();
        let cands = translated::candidates(&anchors, &langs, &days, &rank);
        laps.lap(&format!("{} translation candidates found", cands.len()));
        (cands, sentences, frequencies)
    });
    let cx = check::Cx { inputs, words };
    let mut pairs = check::check_all(&cx, &cands);
    laps.lap(&format!("{} verified", pairs.len()));
    let compared: FxHashSet<(u32, u32)> = cands.iter().copied().collect();
    let more = partners::second_hop(&partners::adjacency(inputs, &pairs), &compared, k);
    drop(compared);
    let mut candidates = cands.len() + more.len();
    drop(cands);
    pairs.extend(check::check_all(&cx, &more));
    laps.lap(&format!("{} partners of partners compared", more.len()));
    if let Some((cands, sentences, frequencies)) = translation {
        candidates += cands.len();
        let found = check::check_translations(inputs, sentences, &frequencies, &cands);
        laps.lap(&format!(
            "{} translation candidates, {} translated",
            cands.len(),
            found.len()
        ));
        pairs.extend(found);
    }
    pairs.sort_by(|p, q| (inputs[p.a].id, inputs[p.b].id).cmp(&(inputs[q.a].id, inputs[q.b].id)));
    // The lineage reads every verified pair, so it does not depend on how many are listed; its
    // edges are always listed.
    let (copied_from, stories) = lineage::lineage(inputs, &pairs);
    laps.lap("lineage");
    let edges: Vec<(usize, usize)> = copied_from
        .iter()
        .enumerate()
        .filter_map(|(x, o)| match o {
            Some(Origin::Article(p)) => Some((x.min(*p), x.max(*p))),
            _ => None,
        })
        .collect();
    let partners::Bounded {
        pairs,
        partners,
        unlisted,
    } = partners::bound(inputs, pairs, k, &edges);
    Copies {
        pairs,
        stories,
        copied_from,
        partners,
        unlisted,
        candidates,
    }
}
