//! Verifying candidate pairs: exact evidence, relation, direction and credit for each pair.

use rayon::prelude::*;

use super::anchors::{Anchored, Frequencies};
use super::direction::{self, Side};
use super::{translated, verify, CopyInput, CopyPair, Relation, Words, WordsOf};

/// Gives the sentence anchors of article `i` (for candidate translations).
pub type AnchorsOf<'w> = dyn Fn(usize) -> Anchored + Sync + 'w;

/// What verification reads: the inputs and their words.
pub(super) struct Cx<'a, 'w> {
    pub(super) inputs: &'a [CopyInput<'a>],
    pub(super) words: &'a WordsOf<'w>,
}

/// Candidate pairs verified per block: each article's words are computed once per block.
const BLOCK: usize = 1 << 13;

/// Checks `pairs` (sorted) a block at a time: what `load` gives for each article of a block is
/// computed once, in parallel, and shared by every pair of the block it is in.
fn in_blocks<T: Send + Sync, R: Send>(
    pairs: &[(u32, u32)],
    load: impl Fn(usize) -> T + Sync,
    check: impl Fn(usize, &T, usize, &T) -> Option<R> + Sync,
) -> Vec<R> {
    let mut out = Vec::new();
    for block in pairs.chunks(BLOCK) {
        let mut ids: Vec<u32> = block.iter().flat_map(|&(i, j)| [i, j]).collect();
        ids.sort_unstable();
        ids.dedup();
        let loaded: Vec<T> = ids.par_iter().map(|&i| load(i as usize)).collect();
        let of = |i: u32| ids.binary_search(&i).ok().map(|k| &loaded[k]);
        out.par_extend(block.par_iter().filter_map(|&(i, j)| {
            let (ti, tj) = (of(i)?, of(j)?);
            check(i as usize, ti, j as usize, tj)
        }));
    }
    out
}

/// Verifies `pairs` (sorted), a block at a time.
pub(super) fn check_all(cx: &Cx, pairs: &[(u32, u32)]) -> Vec<CopyPair> {
    in_blocks(
        pairs,
        |i| (cx.words)(i),
        |i, wi, j, wj| check_words(cx, i, wi, j, wj),
    )
}

/// Whose credit survived in a pair, once its original is known.
struct Credit {
    common: Vec<String>,
    credited_a: Option<bool>,
    credited_b: Option<bool>,
    same_outlet: bool,
    /// The copy side credits none of the sources the pair credits.
    copy_uncredited: bool,
}

fn credit(sa: &Side, sb: &Side, xa: &CopyInput, xb: &CopyInput, orig: Option<usize>) -> Credit {
    let common = direction::common_sources(sa, sb);
    let credited_a = direction::credited(sa, &common, orig == Some(1));
    let credited_b = direction::credited(sb, &common, orig == Some(0));
    let copy_uncredited = match orig {
        Some(0) => credited_b == Some(false),
        Some(_) => credited_a == Some(false),
        None => false,
    };
    Credit {
        common,
        credited_a,
        credited_b,
        same_outlet: matches!((xa.outlet, xb.outlet), (Some(p), Some(q)) if p == q),
        copy_uncredited,
    }
}

fn check_words(cx: &Cx, i: usize, wi: &Words, j: usize, wj: &Words) -> Option<CopyPair> {
    let inputs = cx.inputs;
    let (a, b, pa, pb) = if inputs[i].id.as_bytes() <= inputs[j].id.as_bytes() {
        (i, j, wi, wj)
    } else {
        (j, i, wj, wi)
    };
    let v = verify::verify(&pa.tokens, &pa.shingles, &pb.tokens, &pb.shingles);
    static DEBUG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if (v.relation.is_some() || v.templated)
        && *DEBUG.get_or_init(|| std::env::var_os("CREDENCE_DEBUG_TEMPLATES").is_some())
    {
        let d = super::templates::differences(&pa.tokens, &pa.shingles, &pb.tokens, &pb.shingles);
        eprintln!(
            "TPL {} {} {:?} {}",
            inputs[a].id,
            inputs[b].id,
            d,
            d.templated()
        );
    }
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
    let decided = direction::original(&sa, &sb, relation == Relation::Wholly, small);
    let orig = decided.map(|d| d.0);
    let c = credit(&sa, &sb, xa, xb, orig);
    let laundered =
        relation == Relation::Wholly && !c.common.is_empty() && c.copy_uncredited && !c.same_outlet;
    Some(CopyPair {
        a,
        b,
        relation,
        containment_a: v.containment_a,
        containment_b: v.containment_b,
        original: orig.map(|o| if o == 0 { a } else { b }),
        original_by: decided.map(|d| d.1),
        common_sources: c.common,
        credited_a: c.credited_a,
        credited_b: c.credited_b,
        same_outlet: c.same_outlet,
        laundered,
        passages: v.passages,
    })
}

/// Verifies candidate translations (sorted pairs), a block at a time.
pub(super) fn check_translations(
    inputs: &[CopyInput],
    anchors: &AnchorsOf,
    frequencies: &Frequencies,
    pairs: &[(u32, u32)],
) -> Vec<CopyPair> {
    let out: Vec<(CopyPair, f64)> = in_blocks(pairs, anchors, |i, si, j, sj| {
        check_translation(inputs, frequencies, i, si, j, sj)
    });
    let strengths: Vec<(usize, usize, f64)> = out.iter().map(|(p, s)| (p.a, p.b, *s)).collect();
    let mut keep = translated::strongest(&strengths, |i| inputs[i].lang)
        .into_iter()
        .peekable();
    out.into_iter()
        .enumerate()
        .filter_map(|(k, (p, _))| keep.next_if_eq(&k).map(|_| p))
        .collect()
}

fn check_translation(
    inputs: &[CopyInput],
    frequencies: &Frequencies,
    i: usize,
    si: &Anchored,
    j: usize,
    sj: &Anchored,
) -> Option<(CopyPair, f64)> {
    // Both texts read as one language: not a translation, whatever the input's labels say.
    if si.lang.is_some() && si.lang == sj.lang {
        return None;
    }
    let (a, b, pa, pb) = if inputs[i].id.as_bytes() <= inputs[j].id.as_bytes() {
        (i, j, si, sj)
    } else {
        (j, i, sj, si)
    };
    // Anchors held by many articles are the input's boilerplate (a feed's official titles): the
    // two texts must also share anchors that are rare in the input.
    let rare = |x: &Anchored| -> rustc_hash::FxHashSet<u64> {
        x.sentences
            .iter()
            .flat_map(|s| s.anchors.iter().copied())
            .filter(|&h| !frequencies.is_common(h))
            .collect()
    };
    let shared_rare = rare(pa).intersection(&rare(pb)).count();
    static DEBUG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *DEBUG.get_or_init(|| std::env::var_os("CREDENCE_DEBUG_TRANSLATED").is_some()) {
        eprintln!(
            "TR {} {} rare={shared_rare} {:?}",
            inputs[a].id,
            inputs[b].id,
            translated::measure(&pa.sentences, &pb.sentences)
        );
    }
    if shared_rare < translated::MIN_RARE {
        return None;
    }
    let t = translated::verify(&pa.sentences, &pb.sentences)?;
    let (xa, xb) = (&inputs[a], &inputs[b]);
    fn side<'x>(x: &CopyInput<'x>, other: &CopyInput<'_>) -> Side<'x> {
        Side {
            published: x.published,
            credits: x.credits.clone(),
            sourced: x.sourced.clone(),
            words: 0,
            names_other_outlet: other.outlet_sources.iter().any(|s| x.sourced.contains(s)),
        }
    }
    let (sa, sb) = (side(xa, xb), side(xb, xa));
    let decided = direction::translation_original(
        (&sa, xa.lang, xa.translation_marks, &xa.credit_langs),
        (&sb, xb.lang, xb.translation_marks, &xb.credit_langs),
    );
    let orig = decided.map(|d| d.0);
    let c = credit(&sa, &sb, xa, xb, orig);
    let strength = t.strength;
    let pair = CopyPair {
        a,
        b,
        relation: Relation::Translated,
        containment_a: t.containment_a,
        containment_b: t.containment_b,
        original: orig.map(|o| if o == 0 { a } else { b }),
        original_by: decided.map(|d| d.1),
        laundered: !c.common.is_empty() && c.copy_uncredited && !c.same_outlet,
        common_sources: c.common,
        credited_a: c.credited_a,
        credited_b: c.credited_b,
        same_outlet: c.same_outlet,
        passages: t.passages,
    };
    Some((pair, strength))
}

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
    let n = crate::normalize::fold_text(name);
    f.match_indices(&n)
        .any(|(i, m)| crate::normalize::at_word_boundary(f, i, i + m.len()))
}
