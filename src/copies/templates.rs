//! Templated notices: two texts written from one template with different slot fillers are not
//! copies of each other.
//!
//! A feed that writes its notices from templates ("X, president of …, received credentials from
//! Y, Z ambassador to the DPRK, at … on Tuesday"; "X Inc is raising N mln dlrs through an offering
//! of convertible subordinated debentures …") gives pairs that share most of their words without
//! one being a republication of the other. A real copy keeps the specific content of its event —
//! who, where, when, how many — and differs by rewordings, insertions and trims; a templated pair
//! shares the frame and differs exactly in the slots.
//!
//! The two texts are aligned on the word 5-grams each holds once (the longest chain increasing in
//! both texts), which cuts them into shared *segments* and the *gaps* between them (and before
//! the first and after the last). The *slot words* are names (a capital not opening a sentence),
//! numbers and dates ([`Slot`]); one is *lacking* when the other text never uses it, nor a
//! spelling of it ([`Token::variant`]). A gap both sides fill is a **slot substitution** when
//! each side has a lacking slot word near the shared segment (within the shorter side's length
//! plus [`WINDOW_EXTRA`] words) and the shorter side is a short filler ([`MAX_FILLER`] words,
//! [`SLOT_DENSITY`] of them lacking slot words). The pair is templated when it has a substitution
//! of names (or two substitutions) and its substitutions replace at least [`SLOT_SHARE`] of the
//! slot words of the text with fewer words: a re-run that updates a toll or its dateline day
//! keeps its names and most of its numbers, two notices from one template do not.

use rustc_hash::{FxHashMap, FxHashSet};

use super::candidates::SHINGLE;
use super::tokens::{Slot, Token};

/// A slot substitution's shorter side: at least this share of its words are lacking slot words
/// (a substitution swaps fillers; a side's own paragraph is mostly ordinary words).
pub const SLOT_DENSITY: f64 = 0.25;
/// A slot substitution's shorter side has at most this many words (a name with its title, a
/// date, an amount; a longer passage is a side's own text).
pub const MAX_FILLER: usize = 16;
/// A pair is templated when its substitutions replace at least this share of the slot words of
/// the text with fewer words.
pub const SLOT_SHARE: f64 = 0.1;
/// The longer side of a gap is read over the shorter side's length plus this many words next to
/// the shared segment: the filler in the same position; what follows is that side's own text.
pub const WINDOW_EXTRA: usize = 8;

/// What the differences between two aligned texts are made of (for the text with fewer words
/// where a count is one-sided).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Differences {
    /// Shared segments.
    pub segments: usize,
    /// Slot substitutions.
    pub substitutions: usize,
    /// Slot substitutions where each side's lacking slot words include a name (not only numbers:
    /// a re-run's new dateline day or toll is a substitution of numbers).
    pub name_substitutions: usize,
    /// Other differences: rewordings, a side's own text, insertions and deletions between
    /// segments.
    pub edits: usize,
    /// Heads or tails only one side has.
    pub trims: usize,
    /// Lacking slot words of the text with fewer words in its substitutions.
    pub substituted: usize,
    /// Slot words of the text with fewer words.
    pub slots: usize,
}

impl Differences {
    /// Two notices from one template: a substitution of names, or two substitutions (a lone
    /// substitution of numbers is a re-run's new dateline day or an updated toll), replacing at
    /// least [`SLOT_SHARE`] of the slot words of the text with fewer words.
    pub fn templated(&self) -> bool {
        (self.name_substitutions > 0 || self.substitutions > 1)
            && self.substituted as f64 >= SLOT_SHARE * self.slots as f64
    }
}

/// A shared segment: token ranges `a0..a1` in a and `b0..b1` in b.
#[derive(Debug, Clone, Copy)]
struct Segment {
    a0: usize,
    a1: usize,
    b0: usize,
    b1: usize,
}

/// Position of every shingle held once (`None` when held more than once).
fn once(shingles: &[u64]) -> FxHashMap<u64, Option<usize>> {
    let mut m: FxHashMap<u64, Option<usize>> = FxHashMap::default();
    for (i, &h) in shingles.iter().enumerate() {
        m.entry(h).and_modify(|p| *p = None).or_insert(Some(i));
    }
    m
}

/// The longest chain of shingles held once by each side, increasing in both (patience sorting),
/// as shared segments.
fn segments(sa: &[u64], sb: &[u64]) -> Vec<Segment> {
    let (ua, ub) = (once(sa), once(sb));
    let matches: Vec<(usize, usize)> = sa
        .iter()
        .enumerate()
        .filter(|(i, h)| ua.get(h) == Some(&Some(*i)))
        .filter_map(|(i, h)| ub.get(h).copied().flatten().map(|j| (i, j)))
        .collect();
    // tails[k]: the match ending the chain of length k + 1 with the smallest j.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; matches.len()];
    for (m, &(_, j)) in matches.iter().enumerate() {
        let k = tails.partition_point(|&t| matches[t].1 < j);
        prev[m] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(m);
        } else {
            tails[k] = m;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(m) = at {
        chain.push(matches[m]);
        at = prev[m];
    }
    chain.reverse();
    let mut out: Vec<Segment> = Vec::new();
    for (i, j) in chain {
        match out.last_mut() {
            // The same diagonal with no word between uncovered: one segment.
            Some(s) if i - s.a0 == j - s.b0 && i <= s.a1 => {
                s.a1 = i + SHINGLE;
                s.b1 = j + SHINGLE;
            }
            _ => out.push(Segment {
                a0: i,
                a1: i + SHINGLE,
                b0: j,
                b1: j + SHINGLE,
            }),
        }
    }
    out
}

/// The words and spelling variants of a text.
struct Vocabulary {
    words: FxHashSet<u64>,
    variants: FxHashSet<u16>,
}

impl Vocabulary {
    fn of(tokens: &[Token]) -> Vocabulary {
        Vocabulary {
            words: tokens.iter().map(|t| t.hash).collect(),
            variants: tokens
                .iter()
                .filter(|t| t.variant != 0)
                .map(|t| t.variant)
                .collect(),
        }
    }

    /// Slot words of `gap` this text never uses (nor a spelling of them), and how many of them
    /// are names.
    fn lacking(&self, gap: &[Token]) -> (usize, usize) {
        gap.iter()
            .filter(|t| {
                t.slot != Slot::No
                    && !self.words.contains(&t.hash)
                    && (t.variant == 0 || !self.variants.contains(&t.variant))
            })
            .fold((0, 0), |(n, names), t| {
                (n + 1, names + usize::from(t.slot == Slot::Name))
            })
    }
}

/// Where a gap sits: its words next to a shared segment are its end (head) or its start.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Head,
    Between,
    Tail,
}

/// What the differences between `ta` and `tb` (with their shingles) are made of. Does not depend
/// on which text comes first.
///
/// # Complexity
/// O(n log n) in the words of the two texts (the chain); every word is read a bounded number of
/// times.
pub fn differences(ta: &[Token], sa: &[u64], tb: &[Token], sb: &[u64]) -> Differences {
    let (va, vb) = (Vocabulary::of(ta), Vocabulary::of(tb));
    differences_with((ta, sa, &va), (tb, sb, &vb))
}

/// A text's tokens, shingles and vocabulary.
type Side<'a> = (&'a [Token], &'a [u64], &'a Vocabulary);

/// [`differences`] with the two vocabularies already built.
fn differences_with(a: Side, b: Side) -> Differences {
    let ((ta, sa, va), (tb, sb, vb)) = (a, b);
    // One canonical order, the text with fewer words first, so that the alignment (and its ties)
    // is the same both ways.
    let swap = match ta.len().cmp(&tb.len()) {
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => tb.iter().map(|t| t.hash).lt(ta.iter().map(|t| t.hash)),
    };
    if swap {
        return differences_with(b, a);
    }
    let segs = segments(sa, sb);
    let mut d = Differences {
        segments: segs.len(),
        slots: ta.iter().filter(|t| t.slot != Slot::No).count(),
        ..Differences::default()
    };
    let (Some(&first), Some(&last)) = (segs.first(), segs.last()) else {
        return d;
    };
    let mut gap = |ga: &[Token], gb: &[Token], place: Place| {
        if ga.is_empty() || gb.is_empty() {
            match (ga.is_empty() && gb.is_empty(), place) {
                (true, _) => {}
                (false, Place::Between) => d.edits += 1,
                (false, _) => d.trims += 1,
            }
            return;
        }
        let w = ga.len().min(gb.len()) + WINDOW_EXTRA;
        let near = |g: &'_ [Token]| -> std::ops::Range<usize> {
            match place {
                _ if g.len() <= w => 0..g.len(),
                Place::Head => g.len() - w..g.len(),
                _ => 0..w,
            }
        };
        let (wa, wb) = (&ga[near(ga)], &gb[near(gb)]);
        let ((xa, na), (xb, nb)) = (vb.lacking(wa), va.lacking(wb));
        let (x, n) = if ga.len() <= gb.len() {
            (xa, ga.len())
        } else {
            (xb, gb.len())
        };
        if xa > 0 && xb > 0 && n <= MAX_FILLER && x as f64 >= SLOT_DENSITY * n as f64 {
            d.substitutions += 1;
            d.name_substitutions += usize::from(na > 0 && nb > 0);
            d.substituted += xa;
        } else {
            d.edits += 1;
        }
    };
    gap(&ta[..first.a0], &tb[..first.b0], Place::Head);
    for w in segs.windows(2) {
        let (p, q) = (w[0], w[1]);
        gap(
            &ta[p.a1.min(q.a0)..q.a0],
            &tb[p.b1.min(q.b0)..q.b0],
            Place::Between,
        );
    }
    gap(&ta[last.a1..], &tb[last.b1..], Place::Tail);
    d
}

/// Whether two texts that verify as a copy are two notices written from one template
/// ([`Differences::templated`]).
pub fn templated(ta: &[Token], sa: &[u64], tb: &[Token], sb: &[u64]) -> bool {
    let (va, vb) = (Vocabulary::of(ta), Vocabulary::of(tb));
    // A substitution needs a slot word on each side that the other text never uses: most real
    // copies keep every name and number of the smaller text, and skip the alignment.
    if vb.lacking(ta).0 == 0 || va.lacking(tb).0 == 0 {
        return false;
    }
    differences_with((ta, sa, &va), (tb, sb, &vb)).templated()
}

#[cfg(test)]
mod tests {
    use super::super::candidates::shingles;
    use super::super::tokens::tokenize;
    use super::*;
    use crate::text::TextView;

    fn diff(a: &str, b: &str) -> Differences {
        let ta = tokenize(&TextView::new(a), &[]);
        let tb = tokenize(&TextView::new(b), &[]);
        let d = differences(&ta, &shingles(&ta), &tb, &shingles(&tb));
        assert_eq!(
            d,
            differences(&tb, &shingles(&tb), &ta, &shingles(&ta)),
            "the differences depend on the order of the texts"
        );
        d
    }

    const NOTICE: &str = "Anna Berg, chair of the Harbour Council of Eastport, received the \
        delegation of the Lindholm Shipping Company led by its director Paul Weber at the Old \
        Customs House on Monday. The two sides discussed the expansion of the container terminal \
        and the training of young dockers.";

    #[test]
    fn notices_from_one_template_substitute_their_slots() {
        let other = "Anna Berg, chair of the Harbour Council of Eastport, received the \
            delegation of the Norvik Ferry Lines led by its director Ines Moreau at the Old \
            Customs House on Friday. The two sides discussed the expansion of the container \
            terminal and the training of young dockers.";
        let d = diff(NOTICE, other);
        assert!(d.templated(), "{d:?}");
        assert_eq!(d.substitutions, 2, "{d:?}");
        assert_eq!(d.edits, 0, "{d:?}");
    }

    #[test]
    fn a_re_run_with_a_new_dateline_day_is_not_a_template() {
        let a = format!("EASTPORT, March 11 - {NOTICE}");
        let b = format!("EASTPORT, March 12 - {NOTICE}");
        let d = diff(&a, &b);
        assert_eq!((d.substitutions, d.name_substitutions), (1, 0), "{d:?}");
        assert!(!d.templated(), "{d:?}");
    }

    #[test]
    fn a_corrected_spelling_is_the_same_name() {
        let typo = NOTICE.replace("Lindholm Shipping", "Lindhlom Shiping");
        let d = diff(NOTICE, &typo);
        assert_eq!(d.substitutions, 0, "{d:?}");
        assert!(!d.templated());
    }

    #[test]
    fn a_rewording_that_keeps_the_names_is_an_edit() {
        let reworded = NOTICE.replace(
            "The two sides discussed the expansion",
            "Paul Weber and Anna Berg talked about plans for the expansion",
        );
        let d = diff(NOTICE, &reworded);
        assert_eq!(d.substitutions, 0, "{d:?}");
        assert!(d.edits > 0);
        assert!(!d.templated());
    }

    #[test]
    fn a_filler_at_the_end_of_a_short_notice_is_read_against_the_same_place_in_a_long_one() {
        let short = "Supreme Commander Lee Dong Ho, chairman of the Defence Council of Northland, \
            inspected Unit 4304.";
        let long = "Supreme Commander Lee Dong Ho, chairman of the Defence Council of Northland, \
            inspected the Combined Bakery under Unit 534. He went round the ovens and the \
            storehouses and praised the bakers for the quality of their bread, saying that the \
            soldiers deserve the best food the country can give them.";
        let d = diff(short, long);
        assert_eq!(d.substitutions, 1, "{d:?}");
    }
}
