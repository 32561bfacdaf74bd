//! Exact verification of a candidate pair: which words of each side are covered by shingles the
//! other side also has, the aligned passages, and the relation this evidence supports.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::candidates::SHINGLE;
use super::tokens::Token;

/// How one article reuses another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The smaller side is essentially the other's text (trimmed, retitled, lightly edited).
    Wholly,
    /// A substantial passage (two sentences or more) reused while each side has its own text.
    Partially,
    /// One side is a translation of the other into another language (sentences aligned in
    /// order; containments count sentences, not words).
    Translated,
}

/// Aligned reused text: byte ranges in both texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Passage {
    /// Start in a's text.
    pub a_start: usize,
    /// End in a's text.
    pub a_end: usize,
    /// Start in b's text.
    pub b_start: usize,
    /// End in b's text.
    pub b_end: usize,
}

/// The verified evidence of one pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Verified {
    /// Share of a's words found in b.
    pub containment_a: f64,
    /// Share of b's words found in a.
    pub containment_b: f64,
    /// The relation, or `None` when the evidence is below a copy.
    pub relation: Option<Relation>,
    /// Reused passages, in a's order.
    pub passages: Vec<Passage>,
    /// The evidence reached a copy, but the two texts are notices written from one template
    /// (see [`super::templates`]): `relation` is `None`.
    pub templated: bool,
}

/// Share of the smaller side's unquoted words that must be reused for `wholly`.
pub const WHOLLY: f64 = 0.6;
/// A sentence counts as reused when this share of its unquoted words is covered.
pub const SENTENCE_COVERED: f64 = 0.6;
/// Reused sentences needed for `partially`.
pub const PARTIAL_SENTENCES: usize = 2;
/// Unquoted reused words needed for any copy.
pub const MIN_WORDS: usize = 20;
/// A run of this many consecutive reused unquoted words is a substantial passage on its own (two
/// sentences' worth), even when it starts or ends inside a sentence the other side goes on to
/// rewrite.
pub const PASSAGE_WORDS: usize = 40;
/// Gaps of at most this many words inside a passage are bridged.
const BRIDGE: usize = 3;

/// Words of `tokens` covered by a shingle present in `other`.
fn coverage(tokens: &[Token], shingles: &[u64], other: &FxHashSet<u64>) -> Vec<bool> {
    let mut covered = vec![false; tokens.len()];
    for (i, h) in shingles.iter().enumerate() {
        if other.contains(h) {
            covered[i..i + SHINGLE].iter_mut().for_each(|c| *c = true);
        }
    }
    covered
}

fn share(covered: &[bool], tokens: &[Token], unquoted_only: bool) -> (usize, usize) {
    let mut n = 0;
    let mut c = 0;
    for (t, &cv) in tokens.iter().zip(covered) {
        if unquoted_only && t.quoted {
            continue;
        }
        n += 1;
        c += usize::from(cv);
    }
    (c, n)
}

/// Sentences whose unquoted words are mostly covered (at least 5 such words).
fn reused_sentences(covered: &[bool], tokens: &[Token]) -> usize {
    let mut per: FxHashMap<u32, (usize, usize)> = FxHashMap::default();
    for (t, &cv) in tokens.iter().zip(covered) {
        if t.quoted {
            continue;
        }
        let e = per.entry(t.sentence).or_default();
        e.0 += usize::from(cv);
        e.1 += 1;
    }
    per.values()
        .filter(|(c, n)| *n >= 5 && *c as f64 >= SENTENCE_COVERED * *n as f64)
        .count()
}

/// The longest run of covered words, quoted words skipped (they neither extend nor break a run).
fn longest_run(covered: &[bool], tokens: &[Token]) -> usize {
    let (mut best, mut run) = (0, 0);
    for (t, &cv) in tokens.iter().zip(covered) {
        if t.quoted {
            continue;
        }
        run = if cv { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// Verifies a pair from its tokens and shingles.
pub fn verify(ta: &[Token], sa: &[u64], tb: &[Token], sb: &[u64]) -> Verified {
    let set_a: FxHashSet<u64> = sa.iter().copied().collect();
    let set_b: FxHashSet<u64> = sb.iter().copied().collect();
    let cov_a = coverage(ta, sa, &set_b);
    let cov_b = coverage(tb, sb, &set_a);
    let ratio = |(c, n): (usize, usize)| if n == 0 { 0.0 } else { c as f64 / n as f64 };
    // Each side's share counts its unquoted words; a mostly quoted text falls back to every word,
    // so a quoted dispatch can still be a copy. The relation reads the same shares it reports.
    let reused_share = |cov: &[bool], t: &[Token]| {
        let (c, n) = share(cov, t, true);
        if n >= MIN_WORDS {
            (c, n)
        } else {
            share(cov, t, false)
        }
    };
    let (ra, rb) = (reused_share(&cov_a, ta), reused_share(&cov_b, tb));
    let (containment_a, containment_b) = (ratio(ra), ratio(rb));
    // The smaller side decides; of two sides of one length, the more reused (the verdict must
    // not depend on which text comes first).
    let (reused, base) = match ta.len().cmp(&tb.len()) {
        std::cmp::Ordering::Less => ra,
        std::cmp::Ordering::Greater => rb,
        std::cmp::Ordering::Equal if ratio(rb) > ratio(ra) => rb,
        std::cmp::Ordering::Equal => ra,
    };
    let relation = if reused < MIN_WORDS {
        None
    } else if ratio((reused, base)) >= WHOLLY {
        Some(Relation::Wholly)
    } else if (reused_sentences(&cov_a, ta) >= PARTIAL_SENTENCES
        && reused_sentences(&cov_b, tb) >= PARTIAL_SENTENCES)
        || (longest_run(&cov_a, ta) >= PASSAGE_WORDS && longest_run(&cov_b, tb) >= PASSAGE_WORDS)
    {
        Some(Relation::Partially)
    } else {
        None
    };
    // Two notices written from one template share their frame, not a text.
    let templated = relation.is_some() && super::templates::templated(ta, sa, tb, sb);
    let relation = relation.filter(|_| !templated);
    let passages = if relation.is_some() {
        passages(ta, sa, &cov_a, tb, sb)
    } else {
        Vec::new()
    };
    Verified {
        containment_a: round(containment_a),
        containment_b: round(containment_b),
        relation,
        passages,
        templated,
    }
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Runs of covered words in a, each aligned to the span of b holding the same shingles.
fn passages(ta: &[Token], sa: &[u64], cov_a: &[bool], tb: &[Token], sb: &[u64]) -> Vec<Passage> {
    let mut first_in_b: FxHashMap<u64, usize> = FxHashMap::default();
    for (j, h) in sb.iter().enumerate() {
        first_in_b.entry(*h).or_insert(j);
    }
    // Runs of covered words in a, bridging small gaps.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < cov_a.len() {
        if !cov_a[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < cov_a.len() && cov_a[i] {
            i += 1;
        }
        match runs.last_mut() {
            Some(last) if start - last.1 <= BRIDGE => last.1 = i,
            _ => runs.push((start, i)),
        }
    }
    let mut out = Vec::new();
    for (s, e) in runs {
        let positions: Vec<usize> = (s..e.saturating_sub(SHINGLE - 1).max(s + 1))
            .filter_map(|k| sa.get(k).and_then(|h| first_in_b.get(h)).copied())
            .collect();
        let (Some(&first), Some(&last)) = (positions.first(), positions.last()) else {
            continue;
        };
        let (lo, hi) = if last >= first {
            (first, last)
        } else {
            (
                *positions.iter().min().unwrap(),
                *positions.iter().max().unwrap(),
            )
        };
        let hi_tok = (hi + SHINGLE - 1).min(tb.len() - 1);
        out.push(Passage {
            a_start: ta[s].start as usize,
            a_end: ta[e - 1].end as usize,
            b_start: tb[lo].start as usize,
            b_end: tb[hi_tok].end as usize,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::candidates::shingles;
    use super::super::tokens::tokenize;
    use super::*;

    fn run(a: &str, b: &str) -> Verified {
        let ta = tokenize(&crate::text::TextView::new(a), &[]);
        let tb = tokenize(&crate::text::TextView::new(b), &[]);
        verify(&ta, &shingles(&ta), &tb, &shingles(&tb))
    }

    const DISPATCH: &str = "Le gouvernement a annoncé mardi une nouvelle série de mesures pour les ménages modestes. \
        Le Premier ministre a précisé que la prime serait versée dès le mois de janvier à tous les salariés concernés. \
        Les syndicats ont jugé ces annonces insuffisantes et appellent à une nouvelle journée de mobilisation samedi. \
        Selon les chiffres du ministère, près de cinq millions de foyers devraient bénéficier de la mesure.";

    #[test]
    fn trimmed_copy_is_wholly_with_passages_in_both_texts() {
        let copy = "Le gouvernement a annoncé mardi une nouvelle série de mesures pour les ménages modestes. \
            Le Premier ministre a précisé que la prime serait versée dès le mois de janvier à tous les salariés concernés.";
        let v = run(DISPATCH, copy);
        assert_eq!(v.relation, Some(Relation::Wholly));
        assert!(v.containment_b > 0.95 && v.containment_a < 0.6, "{v:?}");
        let p = v.passages[0];
        assert_eq!(&copy[p.b_start..p.b_end], &DISPATCH[p.a_start..p.a_end]);
    }

    #[test]
    fn two_pasted_sentences_make_a_partial_copy() {
        let own_a = "Notre correspondant a rencontré des manifestants devant la préfecture ce matin, sous la pluie. \
            Ils racontent leurs fins de mois difficiles et la colère qui ne retombe pas depuis des semaines. ";
        let own_b = "Dans les campagnes, les maires dressent un constat sévère des fermetures de services publics. \
            Beaucoup évoquent la disparition des commerces et des médecins dans leurs villages isolés. ";
        let pasted = "Le Premier ministre a précisé que la prime serait versée dès le mois de janvier à tous les salariés concernés. \
            Les syndicats ont jugé ces annonces insuffisantes et appellent à une nouvelle journée de mobilisation samedi.";
        let v = run(&format!("{own_a}{pasted}"), &format!("{pasted} {own_b}"));
        assert_eq!(v.relation, Some(Relation::Partially), "{v:?}");
    }

    #[test]
    fn shared_quotations_alone_are_not_a_copy() {
        let quote = "« Nous ne reculerons pas, la prime sera versée dès janvier à tous les salariés concernés et sans conditions », a déclaré le ministre.";
        let a = format!("Devant la presse réunie à Matignon mardi soir, le ton était ferme. {quote} Les syndicats restent sceptiques face à ces promesses répétées.");
        let b = format!("Interrogé sur France Inter, le chef du gouvernement a répété sa position. {quote} L'opposition dénonce une opération de communication.");
        assert_eq!(run(&a, &b).relation, None);
    }

    /// Found by `fuzz/fuzz_targets/copies.rs` (a 3 KB pair of WMT translations of one story, both
    /// 520 words; hand-minimized to the pair below): with two texts of the same length the first
    /// one's share decided, so `verify(a, b)` said `partially` and `verify(b, a)` `wholly`.
    #[test]
    fn regression_copy_verdict_of_two_equally_long_texts_does_not_depend_on_their_order() {
        let p = "Les députés ont voté la loi hier soir. La séance a duré toute la nuit au palais. \
            Le ministre a salué un texte très attendu. Les opposants dénoncent une réforme injuste. \
            Un recours sera déposé devant le conseil.";
        let own = "Dans la rue des milliers de gens ont marché sous la pluie battante. Les cortèges \
            se sont dispersés dans le calme vers minuit. Des commerçants avaient baissé leurs rideaux \
            par précaution. Les transports ont circulé toute la journée.";
        let a = format!("{p} {own}");
        let b = format!("{p} {p}");
        let (ta, tb) = (
            tokenize(&crate::text::TextView::new(&a), &[]),
            tokenize(&crate::text::TextView::new(&b), &[]),
        );
        assert_eq!(
            ta.len(),
            tb.len(),
            "the defect needs two texts of one length"
        );
        let (ab, ba) = (run(&a, &b), run(&b, &a));
        assert_eq!(ab.relation, ba.relation, "{ab:?} / {ba:?}");
        assert_eq!(ab.relation, Some(Relation::Wholly));
    }

    #[test]
    fn unrelated_texts_are_not_copies() {
        assert_eq!(run(DISPATCH, "Un texte sans rapport, qui parle de football et de la météo du week-end prochain en montagne.").relation, None);
    }
}
