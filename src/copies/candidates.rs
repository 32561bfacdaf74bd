//! Candidate pairs without all-pairs comparison.
//!
//! Each article keeps the word 5-gram shingles whose hash falls in a fixed 1-in-[`SAMPLE`] slice
//! (content-defined "0 mod p" sampling: two copies sample the same shingles wherever they sit, so a
//! short copy inside a long article is still found — unlike MinHash, which estimates Jaccard and
//! misses small-inside-large). Shingles are grouped by hash in one sort; every group yields pairs
//! (a group larger than [`MAX_GROUP`] links its members to its article of the smallest id only, so
//! a story of thousands of copies stays linear whatever the row order; `copies::partners` compares partners of partners), and pairs sharing at least [`MIN_SHARED`] sampled shingles
//! become candidates for exact verification.

use rayon::prelude::*;

use super::tokens::Token;
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// One shingle in `SAMPLE` is indexed.
pub const SAMPLE: u64 = 4;
/// Groups larger than this link to their first member only (stories are completed after
/// verification, see `copies::complete_stories`).
pub const MAX_GROUP: usize = 8;
/// Sampled shingles two articles must share to be compared. One: a two-sentence passage (about
/// 24 shingles, 6 samples expected) has no sample 0.1% of the time, but one sample or none 1.1% of
/// the time, and requiring two missed that share of the smallest partial copies. The candidate
/// list grows by about a fifth (10,454 → 12,786 on the 20k realistic corpus) at the same bound on
/// postings.
pub const MIN_SHARED: u32 = 1;

const SEED: u64 = 0x7368_696e_676c_6573;

/// Hashes of every word 5-gram of `tokens`, in order.
pub fn shingles(tokens: &[Token]) -> Vec<u64> {
    if tokens.len() < SHINGLE {
        return Vec::new();
    }
    let mut buf = [0u8; 8 * SHINGLE];
    tokens
        .windows(SHINGLE)
        .map(|w| {
            for (k, t) in w.iter().enumerate() {
                buf[k * 8..k * 8 + 8].copy_from_slice(&t.hash.to_le_bytes());
            }
            xxh3_64_with_seed(&buf, SEED)
        })
        .collect()
}

/// The sampled shingles of one article (sorted, deduplicated): its sketch.
pub fn sketch(shingles: &[u64]) -> Vec<u64> {
    let mut s: Vec<u64> = shingles
        .iter()
        .copied()
        .filter(|h| h % SAMPLE == 0)
        .collect();
    s.sort_unstable();
    s.dedup();
    s
}

/// The sketches of every article in one flat buffer: a million small vectors would scatter among
/// the long-lived per-article state and leave it fragmented once freed.
#[derive(Debug, Clone, Default)]
pub struct Sketches {
    hashes: Vec<u64>,
    ends: Vec<usize>,
}

impl Sketches {
    /// Appends the next article's sketch.
    pub fn push(&mut self, sketch: &[u64]) {
        self.hashes.extend_from_slice(sketch);
        self.ends.push(self.hashes.len());
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when no article was pushed.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Sketch of article `i`.
    pub fn get(&self, i: usize) -> &[u64] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.hashes[start..self.ends[i]]
    }

    /// Every sketch, in article order.
    pub fn iter(&self) -> impl Iterator<Item = &[u64]> {
        (0..self.len()).map(|i| self.get(i))
    }
}

impl<S: AsRef<[u64]>> FromIterator<S> for Sketches {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Sketches {
        let mut out = Sketches::default();
        for s in iter {
            out.push(s.as_ref());
        }
        out
    }
}

/// Postings are sorted one slice of the hash space at a time, to bound memory: `2^BUCKET_BITS`
/// slices.
const BUCKET_BITS: u32 = 4;

/// Candidate pairs `(i, j)` with `i < j` (article indices), sorted; `rank` is each article's
/// place in id order (the hub of a large group is its smallest id, never its first row).
pub fn candidates(sketches: &Sketches, rank: &[u32]) -> Vec<(u32, u32)> {
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut postings: Vec<(u64, u32)> = Vec::new();
    for bucket in 0..1u64 << BUCKET_BITS {
        postings.clear();
        postings.extend(sketches.iter().enumerate().flat_map(|(d, s)| {
            s.iter()
                .filter(move |&&h| h >> (64 - BUCKET_BITS) == bucket)
                .map(move |&h| (h, d as u32))
        }));
        postings.par_sort_unstable_by_key(|&(h, d)| (h, rank[d as usize]));
        group_pairs(&postings, &mut pairs);
    }
    drop(postings);
    pairs.par_sort_unstable();
    let mut out = Vec::new();
    let mut k = 0;
    while k < pairs.len() {
        let mut n = k + 1;
        while n < pairs.len() && pairs[n] == pairs[k] {
            n += 1;
        }
        if (n - k) as u32 >= MIN_SHARED {
            out.push(pairs[k]);
        }
        k = n;
    }
    out
}

/// Pairs `(i, j)`, `i < j`, of articles sharing a hash in `postings` (sorted by hash, then id);
/// groups larger than [`MAX_GROUP`] become stars around their first article.
fn group_pairs(postings: &[(u64, u32)], pairs: &mut Vec<(u32, u32)>) {
    let mut i = 0;
    while i < postings.len() {
        let mut j = i + 1;
        while j < postings.len() && postings[j].0 == postings[i].0 {
            j += 1;
        }
        let group = &postings[i..j];
        if group.len() <= MAX_GROUP {
            for x in 0..group.len() {
                for y in x + 1..group.len() {
                    let (i, j) = (group[x].1, group[y].1);
                    pairs.push((i.min(j), i.max(j)));
                }
            }
        } else {
            let hub = group[0].1;
            pairs.extend(group[1..].iter().map(|p| (hub.min(p.1), hub.max(p.1))));
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_need_a_shared_sample_and_come_sorted() {
        let s: Sketches = [vec![4, 8, 12], vec![8, 12, 16], vec![12, 20], vec![40]]
            .into_iter()
            .collect();
        assert_eq!(s.get(2), [12, 20]);
        assert_eq!(candidates(&s, &[0, 1, 2, 3]), vec![(0, 1), (0, 2), (1, 2)]);
    }

    #[test]
    fn large_groups_become_stars() {
        let n = MAX_GROUP + 10;
        let s: Sketches = (0..n).map(|_| vec![4, 8]).collect();
        let identity: Vec<u32> = (0..n as u32).collect();
        let c = candidates(&s, &identity);
        assert_eq!(c.len(), MAX_GROUP + 9);
        assert!(c.iter().all(|&(a, _)| a == 0));
    }

    /// Regression (order issue): the hub of a large group was its first row, so the candidates,
    /// and the copies found, depended on the row order. It is the article of the smallest id.
    #[test]
    fn regression_a_large_groups_hub_is_its_smallest_id_not_its_first_row() {
        let n = MAX_GROUP + 10;
        let s: Sketches = (0..n).map(|_| vec![4, 8]).collect();
        // Article 5 has the smallest id.
        let rank: Vec<u32> = (0..n as u32)
            .map(|i| match i {
                5 => 0,
                i if i < 5 => i + 1,
                i => i,
            })
            .collect();
        let c = candidates(&s, &rank);
        assert_eq!(c.len(), n - 1);
        assert!(c.iter().all(|&(a, b)| a == 5 || b == 5), "{c:?}");
    }
}
