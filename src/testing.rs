//! Test support shared by the unit tests of several stages.

/// `n` pseudo-random texts of up to `max_pieces` pieces each, drawn from `pieces` by a fixed
/// xorshift sequence starting at `seed`: the same texts on every run, for comparing a fast path
/// with its reference.
pub fn mixed_texts(pieces: &[&str], seed: u64, max_pieces: u64, n: usize) -> Vec<String> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            let mut t = String::new();
            for _ in 0..(x % max_pieces) as usize {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                t.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            t
        })
        .collect()
}
