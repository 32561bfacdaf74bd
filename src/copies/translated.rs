//! Translated republication: an article and its translation into another language, found from
//! [`anchors`](super::anchors) and verified by a monotone sentence alignment.
//!
//! 1. **Candidates**: articles in different languages sharing at least [`MIN_SHARED`] of their
//!    sampled anchors, through one sorted inverted index; anchors held by more than
//!    [`POSTING_CAP`] articles are skipped (they are in every story), and each article keeps its
//!    [`TOP`] best candidates.
//! 2. **Alignment**: a dynamic programme over the two sentence sequences (1–1, 2–1, 1–2 matches
//!    and skips, Gale–Church style) scores a match by the anchors the two sides share and by how
//!    far their length ratio is from one.
//! 3. **Decision**: a translation keeps the *order* of its original. Of the sentences holding an
//!    anchor both texts share, at least [`AGREE`] on each side must sit in a matched block that
//!    shares an anchor, over at least [`MIN_BLOCKS`] such blocks, and the smaller side must be
//!    mostly aligned ([`COVERED`]). Two reports of one event share names and numbers too, but in
//!    their own order and sentences: they fail the first test.

use rustc_hash::FxHashSet;

use super::anchors::SentenceAnchors;
use super::candidates::Sketches;
use super::verify::Passage;

/// Anchors two candidates must share in their samples (and in their texts).
pub const MIN_SHARED: usize = 2;
/// Anchors in more articles than this do not make candidates (dated articles: see
/// [`WINDOW_CAP`]).
pub const POSTING_CAP: usize = 64;
/// An anchor held by more than [`POSTING_CAP`] articles still pairs dated articles within
/// [`MAX_DAYS`] of each other when at most this many hold it in that window.
pub const WINDOW_CAP: usize = 8;
/// Anchors that are not common a translation and its original must share.
pub const MIN_RARE: usize = 1;
/// Candidates kept per article.
pub const TOP: usize = 20;
/// Articles whose dates are further apart than this (days) are not candidates: a translated
/// republication follows its original within a day, while a feed's later stories share its stock
/// names (the same visitor arriving, meeting and leaving; lists of officials).
pub const MAX_DAYS: i32 = 1;

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (the proleptic Gregorian calendar).
pub fn day_number(date: &str) -> Option<i32> {
    let y: i32 = date.get(0..4)?.parse().ok()?;
    let m: i32 = date.get(5..7)?.parse().ok()?;
    let d: i32 = date.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}
/// Matched blocks sharing an anchor needed for a translation.
pub const MIN_BLOCKS: usize = 3;
/// A short text may show only two such blocks: then each side must be this much aligned, with at
/// least [`SHORT_SHARED`] anchors shared inside the blocks.
pub const SHORT_COVERED: f64 = 0.8;
/// See [`SHORT_COVERED`].
pub const SHORT_SHARED: usize = 3;
/// Share of each side's shared-anchor sentences that must be matched with an anchor in common.
pub const AGREE: f64 = 0.6;
/// Share of each side's sentences that must be aligned: a translation renders the whole text.
pub const COVERED: f64 = 0.7;
/// A match whose length ratio is further than this (natural log) from one does not count as
/// aligned.
const MAX_LOG_RATIO: f64 = 0.6;
/// Sentences of the other side an alignment may drift from the diagonal.
const BAND: usize = 12;
/// Sentences of each side aligned at most (a translation is judged on its first ones): bounds the
/// work and memory of one pair whatever the length of the texts.
pub const MAX_ALIGN: usize = 400;

/// The postings are built and sorted in `2^SLICE_BITS` slices of the hash space.
const SLICE_BITS: u32 = 4;

/// Candidate pairs `(i, j)`, `i < j`, of articles in different known languages; `rank` is each
/// article's place in id order, which breaks every tie (never the row order).
///
/// # Complexity
/// O(A log A) for A sampled anchors, plus the pairs of postings of at most [`POSTING_CAP`]
/// articles: near-linear in the number of articles.
pub fn candidates(
    sketches: &Sketches,
    langs: &[Option<&str>],
    days: &[Option<i32>],
    rank: &[u32],
) -> Vec<(u32, u32)> {
    let near = |i: usize, j: usize| match (days[i], days[j]) {
        (Some(x), Some(y)) => (x - y).abs() <= MAX_DAYS,
        _ => true,
    };
    let mut hits: Vec<(u32, u32)> = Vec::new();
    // One slice of the hash space at a time, so the postings never hold every sampled anchor.
    for slice in 0..1u64 << SLICE_BITS {
        let mut postings: Vec<(u64, u32)> = sketches
            .iter()
            .enumerate()
            .filter(|(i, _)| langs[*i].is_some())
            .flat_map(|(i, s)| s.iter().map(move |&h| (h, i as u32)))
            .filter(|(h, _)| h >> (64 - SLICE_BITS) == slice)
            .collect();
        postings.sort_unstable_by_key(|&(h, i)| (h, rank[i as usize]));
        for group in postings.chunk_by(|x, y| x.0 == y.0) {
            let mut push = |i: u32, j: u32| {
                if langs[i as usize] != langs[j as usize] && near(i as usize, j as usize) {
                    hits.push((i.min(j), i.max(j)));
                }
            };
            if group.len() < 2 {
                continue;
            }
            if group.len() <= POSTING_CAP {
                for (k, &(_, i)) in group.iter().enumerate() {
                    for &(_, j) in &group[k + 1..] {
                        push(i, j);
                    }
                }
                continue;
            }
            // An anchor common in the input may still be rare among the articles of a few days:
            // dated holders are compared within [`MAX_DAYS`] of each other when at most
            // [`WINDOW_CAP`] hold it there. Holders of one day in id order: which windows are
            // small enough depends on the place of each in its day.
            let mut dated: Vec<(i32, u32)> = group
                .iter()
                .filter_map(|&(_, i)| days[i as usize].map(|d| (d, i)))
                .collect();
            dated.sort_unstable_by_key(|&(d, i)| (d, rank[i as usize]));
            let mut end = 0;
            for p in 0..dated.len() {
                end = end.max(p + 1);
                while end < dated.len() && dated[end].0 - dated[p].0 <= MAX_DAYS {
                    end += 1;
                }
                if end - p > WINDOW_CAP {
                    continue;
                }
                for q in p + 1..end {
                    push(dated[p].1, dated[q].1);
                }
            }
        }
    }
    hits.sort_unstable();
    // (count, pair) for pairs sharing enough anchors.
    let mut counted: Vec<(u32, (u32, u32))> = hits
        .chunk_by(|x, y| x == y)
        .filter(|g| g.len() >= MIN_SHARED)
        .map(|g| (g.len() as u32, g[0]))
        .collect();
    // Each article keeps its TOP best: strongest first, ties by the pair's ids.
    let by_id = |(i, j): (u32, u32)| {
        let (x, y) = (rank[i as usize], rank[j as usize]);
        (x.min(y), x.max(y))
    };
    counted.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(by_id(x.1).cmp(&by_id(y.1))));
    let mut kept = vec![0usize; sketches.len()];
    let mut out = Vec::new();
    for (_, (i, j)) in counted {
        let (ki, kj) = (kept[i as usize], kept[j as usize]);
        if ki < TOP || kj < TOP {
            kept[i as usize] += 1;
            kept[j as usize] += 1;
            out.push((i, j));
        }
    }
    out.sort_unstable();
    out
}

/// One matched block of an alignment: sentences `a.0..a.1` of one text with `b.0..b.1` of the
/// other.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Block {
    a: (usize, usize),
    b: (usize, usize),
    shared: usize,
    log_ratio: f64,
}

/// The verdict on a candidate translation.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// Share of a's sentences aligned.
    pub containment_a: f64,
    /// Share of b's sentences aligned.
    pub containment_b: f64,
    /// Aligned sentence runs, in a's order.
    pub passages: Vec<Passage>,
    /// Strength of the evidence: anchors shared inside matched blocks times the smaller aligned
    /// share (compares the partners of one article).
    pub strength: f64,
}

/// A partner in one language is kept when its evidence is at least this share of the strongest
/// partner's in that language, seen from either side: a translation has one original, and the
/// translations of one original are equally strong, while a feed's other story that shares a
/// list of officials is much weaker than the true version.
pub const RIVAL: f64 = 0.5;

/// Keeps, for each article and each language of its partners, the partners whose `strength` is at
/// least [`RIVAL`] of the best: `pairs` are `(a, b, strength)`, `lang` gives an article's language.
/// Returns the indices of the pairs kept.
///
/// # Complexity
/// O(P log P) for P pairs.
pub fn strongest<'l>(
    pairs: &[(usize, usize, f64)],
    lang: impl Fn(usize) -> Option<&'l str>,
) -> Vec<usize> {
    use std::collections::BTreeMap;
    let mut best: BTreeMap<(usize, Option<&str>), f64> = BTreeMap::new();
    for &(a, b, s) in pairs {
        for (x, y) in [(a, b), (b, a)] {
            let e = best.entry((x, lang(y))).or_insert(0.0);
            *e = e.max(s);
        }
    }
    (0..pairs.len())
        .filter(|&k| {
            let (a, b, s) = pairs[k];
            s >= RIVAL * best[&(a, lang(b))] && s >= RIVAL * best[&(b, lang(a))]
        })
        .collect()
}

/// Multiset intersection size of two runs of anchors: each anchor of `y` is matched at most once.
/// Runs are the anchors of one or two sentences, so a bit mask of `y`'s used anchors does (no
/// allocation on the alignment's inner loop); longer lists fall back to a copy.
fn shared(x: &[u64], y: &[u64]) -> usize {
    if y.len() <= 64 {
        let mut used = 0u64;
        let mut n = 0;
        for h in x {
            if let Some(k) = y
                .iter()
                .enumerate()
                .position(|(k, v)| used >> k & 1 == 0 && v == h)
            {
                used |= 1 << k;
                n += 1;
            }
        }
        return n;
    }
    let mut y: Vec<u64> = y.to_vec();
    let mut n = 0;
    for h in x {
        if let Some(k) = y.iter().position(|v| v == h) {
            y.swap_remove(k);
            n += 1;
        }
    }
    n
}

/// What [`align`] reads of one side, computed once per pair: prefix sums of the sentence lengths,
/// and the sentences' anchors that the other text holds too (no other anchor can be shared), flat
/// in text order with a 64-bit Bloom mask per sentence.
struct Side {
    /// `chars[i]` is the length of sentences `..i`.
    chars: Vec<u32>,
    /// Anchors of sentence `i` are `anchors[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
    anchors: Vec<u64>,
    masks: Vec<u64>,
}

impl Side {
    fn new(sentences: &[SentenceAnchors], common: &FxHashSet<u64>) -> Side {
        let n = sentences.len();
        let mut side = Side {
            chars: Vec::with_capacity(n + 1),
            starts: Vec::with_capacity(n + 1),
            anchors: Vec::new(),
            masks: Vec::with_capacity(n),
        };
        side.chars.push(0);
        side.starts.push(0);
        let mut sum = 0u32;
        for s in sentences {
            sum += s.chars;
            side.chars.push(sum);
            let mut mask = 0u64;
            for &h in s.anchors.iter().filter(|h| common.contains(h)) {
                side.anchors.push(h);
                mask |= 1 << (h & 63);
            }
            side.starts.push(side.anchors.len());
            side.masks.push(mask);
        }
        side
    }

    fn chars(&self, (from, to): (usize, usize)) -> u32 {
        self.chars[to] - self.chars[from]
    }

    fn mask(&self, (from, to): (usize, usize)) -> u64 {
        self.masks[from..to].iter().fold(0, |m, x| m | x)
    }

    fn anchors(&self, (from, to): (usize, usize)) -> &[u64] {
        &self.anchors[self.starts[from]..self.starts[to]]
    }
}

/// Anchors shared by sentences `a` of `x` and `b` of `y`, and the log of their length ratio.
fn block_of(x: &Side, a: (usize, usize), y: &Side, b: (usize, usize)) -> (usize, f64) {
    let (la, lb) = (x.chars(a), y.chars(b));
    let r = ((la as f64 + 10.0) / (lb as f64 + 10.0)).ln();
    let sh = if x.mask(a) & y.mask(b) == 0 {
        0
    } else {
        shared(x.anchors(a), y.anchors(b))
    };
    (sh, r)
}

fn match_score(shared: usize, log_ratio: f64, merged: bool) -> f64 {
    2.0 * shared as f64 + 0.6 - 2.0 * log_ratio.abs() - if merged { 0.3 } else { 0.0 }
}

const SKIP: f64 = -0.1;

/// The best monotone alignment of two sentence sequences, as matched blocks in order; `common`
/// holds the anchors both texts have (only they can be shared).
///
/// # Complexity
/// O(n · m) cell tests and memory for n and m sentences, at most [`MAX_ALIGN`] each; scores are
/// computed only inside the band ([`BAND`] plus the difference of the counts).
fn align(a: &[SentenceAnchors], b: &[SentenceAnchors], common: &FxHashSet<u64>) -> Vec<Block> {
    let (n, m) = (a.len(), b.len());
    let band = BAND + n.abs_diff(m);
    let inside =
        |i: usize, j: usize| (i * m.max(1)).abs_diff(j * n.max(1)) <= band * n.max(m).max(1);
    const NONE: f64 = f64::NEG_INFINITY;
    // Scores and back-pointers over (i, j); cells outside the band stay unreachable.
    let w = m + 1;
    let (sa, sb) = (Side::new(a, common), Side::new(b, common));
    let mut score = vec![NONE; (n + 1) * w];
    let mut back: Vec<(u8, u8)> = vec![(0, 0); (n + 1) * w];
    score[0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            if (i, j) == (0, 0) || !inside(i, j) {
                continue;
            }
            let mut best = NONE;
            let mut from = (0u8, 0u8);
            let mut consider = |di: usize, dj: usize, s: f64| {
                if i >= di && j >= dj {
                    let prev = score[(i - di) * w + (j - dj)];
                    if prev > NONE && prev + s > best {
                        best = prev + s;
                        from = (di as u8, dj as u8);
                    }
                }
            };
            consider(1, 0, SKIP);
            consider(0, 1, SKIP);
            for (di, dj) in [(1, 1), (2, 1), (1, 2)] {
                if i >= di && j >= dj {
                    let (sh, r) = block_of(&sa, (i - di, i), &sb, (j - dj, j));
                    consider(di, dj, match_score(sh, r, di + dj > 2));
                }
            }
            score[i * w + j] = best;
            back[i * w + j] = from;
        }
    }
    let mut blocks = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj) = back[i * w + j];
        let (di, dj) = (di as usize, dj as usize);
        if di == 0 && dj == 0 {
            break;
        }
        if di > 0 && dj > 0 {
            let (sh, r) = block_of(&sa, (i - di, i), &sb, (j - dj, j));
            blocks.push(Block {
                a: (i - di, i),
                b: (j - dj, j),
                shared: sh,
                log_ratio: r,
            });
        }
        i -= di;
        j -= dj;
    }
    blocks.reverse();
    blocks
}

/// What the decision reads about an aligned candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Matched blocks sharing an anchor.
    pub blocks: usize,
    /// Anchors shared inside matched blocks.
    pub shared: usize,
    /// Anchors the two texts share (distinct).
    pub common: usize,
    /// Share of a's shared-anchor sentences matched with an anchor in common.
    pub agree_a: f64,
    /// The same for b.
    pub agree_b: f64,
    /// Share of a's sentences aligned.
    pub covered_a: f64,
    /// Share of b's sentences aligned.
    pub covered_b: f64,
    /// The smaller side's `covered`.
    pub covered_smaller: f64,
}

impl Evidence {
    /// True when the evidence makes a translation.
    pub fn translated(&self) -> bool {
        let enough = self.blocks >= MIN_BLOCKS
            || (self.blocks == 2
                && self.shared >= SHORT_SHARED
                && self.covered_a.min(self.covered_b) >= SHORT_COVERED);
        enough
            && self.agree_a >= AGREE
            && self.agree_b >= AGREE
            && self.covered_a >= COVERED
            && self.covered_b >= COVERED
    }
}

/// Aligns the sentences of `a` and `b` and measures the evidence (`None` when they share fewer
/// than [`MIN_SHARED`] anchors).
fn evidence(a: &[SentenceAnchors], b: &[SentenceAnchors]) -> Option<(Evidence, Vec<Block>)> {
    // Long texts are judged on their first sentences, so one pair's alignment is bounded.
    let (a, b) = (&a[..a.len().min(MAX_ALIGN)], &b[..b.len().min(MAX_ALIGN)]);
    if a.is_empty() || b.is_empty() {
        return None;
    }
    // Blocks cover at most two sentences of a side: counts this far apart cannot align 70% of
    // both.
    let (lo, hi) = (a.len().min(b.len()), a.len().max(b.len()));
    if hi > 3 * lo + BAND {
        return None;
    }
    let set = |x: &[SentenceAnchors]| -> FxHashSet<u64> {
        x.iter().flat_map(|s| s.anchors.iter().copied()).collect()
    };
    let (sa, sb) = (set(a), set(b));
    let common: FxHashSet<u64> = sa.intersection(&sb).copied().collect();
    if common.len() < MIN_SHARED {
        return None;
    }
    let blocks = align(a, b, &common);
    let anchored =
        |x: &[SentenceAnchors], i: usize| x[i].anchors.iter().any(|h| common.contains(h));
    let mut in_a = vec![false; a.len()];
    let mut in_b = vec![false; b.len()];
    let mut aligned_a = vec![false; a.len()];
    let mut aligned_b = vec![false; b.len()];
    let mut n_blocks = 0;
    for blk in &blocks {
        let fits = blk.log_ratio.abs() <= MAX_LOG_RATIO;
        if blk.shared > 0 {
            n_blocks += 1;
        }
        for i in blk.a.0..blk.a.1 {
            in_a[i] |= blk.shared > 0;
            aligned_a[i] |= fits;
        }
        for j in blk.b.0..blk.b.1 {
            in_b[j] |= blk.shared > 0;
            aligned_b[j] |= fits;
        }
    }
    let agree = |x: &[SentenceAnchors], inside: &[bool]| {
        let held: Vec<usize> = (0..x.len()).filter(|&i| anchored(x, i)).collect();
        if held.is_empty() {
            return 0.0;
        }
        held.iter().filter(|&&i| inside[i]).count() as f64 / held.len() as f64
    };
    let share = |v: &[bool]| v.iter().filter(|&&x| x).count() as f64 / v.len() as f64;
    let (ca, cb) = (share(&aligned_a), share(&aligned_b));
    let ev = Evidence {
        blocks: n_blocks,
        shared: blocks.iter().map(|b| b.shared).sum(),
        common: common.len(),
        agree_a: agree(a, &in_a),
        agree_b: agree(b, &in_b),
        covered_a: ca,
        covered_b: cb,
        covered_smaller: if a.len() <= b.len() { ca } else { cb },
    };
    Some((ev, blocks))
}

/// The evidence of a candidate pair, whatever the verdict (for measurement and debugging).
pub fn measure(a: &[SentenceAnchors], b: &[SentenceAnchors]) -> Option<Evidence> {
    evidence(a, b).map(|(e, _)| e)
}

/// Verifies a candidate translation between the sentences of `a` and of `b`.
pub fn verify(a: &[SentenceAnchors], b: &[SentenceAnchors]) -> Option<Translation> {
    let (ev, blocks) = evidence(a, b)?;
    if !ev.translated() {
        return None;
    }
    let (ca, cb) = (ev.covered_a, ev.covered_b);
    // Runs of consecutive aligned blocks become passages.
    let mut passages: Vec<Passage> = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    for blk in blocks.iter().filter(|b| b.log_ratio.abs() <= MAX_LOG_RATIO) {
        let p = Passage {
            a_start: a[blk.a.0].span.start,
            a_end: a[blk.a.1 - 1].span.end,
            b_start: b[blk.b.0].span.start,
            b_end: b[blk.b.1 - 1].span.end,
        };
        match (passages.last_mut(), last) {
            (Some(q), Some((ea, eb))) if ea == blk.a.0 && eb == blk.b.0 => {
                q.a_end = p.a_end;
                q.b_end = p.b_end;
            }
            _ => passages.push(p),
        }
        last = Some((blk.a.1, blk.b.1));
    }
    Some(Translation {
        containment_a: ca,
        containment_b: cb,
        passages,
        strength: ev.shared as f64 * ca.min(cb),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::garble::LangId;
    use crate::text::TextView;

    fn sents(t: &str) -> Vec<SentenceAnchors> {
        super::super::anchors::sentences(&TextView::new(t), &LangId::bundled())
    }

    const FR: &str =
        "Le président Emmanuel Macron a reçu lundi à Paris le chancelier Olaf Scholz. \
        Les deux dirigeants ont évoqué l'aide de 7 000 millions d'euros à l'Ukraine. \
        Selon l'Élysée, la rencontre a duré 90 minutes. \
        Le ministre Bruno Le Maire était aussi présent. \
        La prochaine réunion aura lieu à Berlin en 2025.";
    const DE: &str =
        "Präsident Emmanuel Macron hat am Montag in Paris Bundeskanzler Olaf Scholz empfangen. \
        Die beiden Politiker sprachen über die Hilfe von 7.000 Millionen Euro für die Ukraine. \
        Nach Angaben des Élysée dauerte das Treffen 90 Minuten. \
        Auch Minister Bruno Le Maire war anwesend. \
        Das nächste Treffen findet 2025 in Berlin statt.";
    /// The same event reported independently: the same names and numbers, in other sentences,
    /// another order and another length.
    const OTHER: &str = "Die Gespräche in der französischen Hauptstadt verliefen nach Angaben von \
        Diplomaten in entspannter Atmosphäre. \
        Bis zuletzt war unklar, ob eine gemeinsame Erklärung veröffentlicht werden würde. \
        Kritik kam aus der Ukraine, die mehr als 7.000 Millionen Euro fordert und Olaf Scholz \
        Zögern vorwirft. \
        Beobachter erwarten keine schnelle Einigung. \
        Emmanuel Macron hatte schon im Frühjahr mehr Tempo verlangt. \
        Auch in Berlin wächst der Druck auf die Regierung. \
        Das Treffen dauerte nach Angaben des Élysée 90 Minuten, länger als geplant. \
        Ob Bruno Le Maire an der nächsten Runde teilnimmt, ist offen. \
        Die Opposition sprach von einem Treffen ohne Ergebnis.";

    #[test]
    fn a_translation_aligns_sentence_by_sentence() {
        let t = verify(&sents(FR), &sents(DE)).expect("translated");
        assert!(t.containment_a >= 0.8 && t.containment_b >= 0.8, "{t:?}");
        assert_eq!(t.passages.len(), 1);
    }

    #[test]
    fn a_huge_text_is_aligned_on_its_first_sentences_only() {
        let long = format!("{} ", DE).repeat(2_000);
        let t = verify(&sents(FR), &sents(&long));
        // 10,000 German sentences against 5: rejected at once, without a 5 x 10,000 table.
        assert_eq!(t, None);
        let both = verify(&sents(&format!("{FR} ").repeat(1_000)), &sents(&long));
        assert!(both.is_some());
    }

    #[test]
    fn same_event_in_another_order_is_not_a_translation() {
        let ev = measure(&sents(FR), &sents(OTHER));
        assert_eq!(verify(&sents(FR), &sents(OTHER)), None, "{ev:?}");
    }

    #[test]
    fn candidates_need_two_languages_and_shared_anchors() {
        let s = |t: &str| super::super::anchors::sketch(&sents(t));
        let sk: Sketches = [s(FR), s(DE), s(FR)].into_iter().collect();
        let rank = [0, 1, 2];
        let c = candidates(
            &sk,
            &[Some("fr"), Some("de"), Some("fr")],
            &[None; 3],
            &rank,
        );
        assert_eq!(c, vec![(0, 1), (1, 2)]);
        assert!(candidates(
            &sk,
            &[Some("fr"), Some("fr"), Some("fr")],
            &[None; 3],
            &rank
        )
        .is_empty());
        // Two weeks apart: not a candidate; the undated third article still is.
        let days = [day_number("2024-03-01"), day_number("2024-03-15"), None];
        assert_eq!(
            candidates(&sk, &[Some("fr"), Some("de"), Some("fr")], &days, &rank),
            vec![(1, 2)]
        );
    }

    #[test]
    fn a_common_anchor_still_pairs_articles_of_the_same_days() {
        // Two anchors held by 100 articles ten days apart each, and by a pair of the same day.
        let n = 102;
        let sk: Sketches = (0..n).map(|_| vec![2u64, 4]).collect();
        let langs: Vec<Option<&str>> = (0..n)
            .map(|i| Some(if i % 2 == 0 { "fr" } else { "de" }))
            .collect();
        let mut days: Vec<Option<i32>> = (0..100).map(|i| Some(i * 10)).collect();
        days.extend([Some(5_000), Some(5_000)]);
        let rank: Vec<u32> = (0..n as u32).collect();
        assert_eq!(candidates(&sk, &langs, &days, &rank), vec![(100, 101)]);
        // Undated, the anchors are too common to pair anyone.
        assert!(candidates(&sk, &langs, &vec![None; n], &rank).is_empty());
    }

    #[test]
    fn day_numbers_count_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(
            day_number("2024-03-01")
                .zip(day_number("2024-02-28"))
                .map(|(a, b)| a - b),
            Some(2)
        );
        assert_eq!(day_number("2024-13-01"), None);
        assert_eq!(day_number("20"), None);
    }
}
