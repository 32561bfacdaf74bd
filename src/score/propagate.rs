//! The propagation core: sources ↔ claims, with Beta priors and a copy discount.
//!
//! Each claim belongs to one object (a quantity, a book's author list); the claims of one object
//! compete. A claim's evidence is `σ = Σ w·(−ln(1 − t_s))` over the sources voting for it
//! (TruthFinder's score), where `w = 1 − P(copy)` shrinks the vote of a source that probably copied
//! it (Dong, Berti-Equille & Srivastava 2009); implied claims lend part of their evidence; the
//! confidence `1 − e^(−γσ)` is then shared with the competing claims of its object. A source's trust
//! is the mean of a Beta posterior: its prior pseudo-counts plus, for each corroborated or contested
//! claim it voted for, the share of belief that claim wins against its competitors (successes) and
//! the rest (failures), so thin evidence stays near the prior. Updates are damped and iterate to a
//! fixed point.

/// One source's vote for one claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Vote {
    /// Source index.
    pub source: usize,
    /// Claim index.
    pub claim: usize,
    /// Weight in [0, 1]: 1 − the probability that the vote is a copy.
    pub weight: f64,
}

/// A truth-discovery problem.
#[derive(Debug, Clone, Default)]
pub struct Problem {
    /// Beta prior (α, β) of each source.
    pub priors: Vec<(f64, f64)>,
    /// Object of each claim.
    pub object: Vec<usize>,
    /// Votes.
    pub votes: Vec<Vote>,
    /// Implications between claims of one object: `(c, c', sim)` — support for `c'` lends
    /// `IMPLICATION · sim` of itself to `c` (TruthFinder's similar facts: "Knuth" and "Knuth,
    /// Graham").
    pub implications: Vec<(usize, usize, f64)>,
}

/// Share of a similar claim's evidence lent through an implication.
pub const IMPLICATION: f64 = 1.0;
/// Dampening of evidence into confidence (TruthFinder's γ).
pub const GAMMA: f64 = 0.3;

/// The fixed point.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// Posterior (α, β) of each source.
    pub sources: Vec<(f64, f64)>,
    /// Confidence of each claim.
    pub confidence: Vec<f64>,
    /// Iterations until the largest change fell below the tolerance.
    pub iterations: usize,
    /// Whether it converged within the iteration cap.
    pub converged: bool,
}

/// Damping of each update (share of the new value).
const DAMPING: f64 = 0.5;
/// Largest change tolerated at the fixed point.
const TOLERANCE: f64 = 1e-9;
/// Iteration cap.
const MAX_ITERATIONS: usize = 500;

fn mean((a, b): (f64, f64)) -> f64 {
    let s = a + b;
    if s > 0.0 && s.is_finite() {
        a / s
    } else {
        0.5
    }
}

/// Runs the propagation to its fixed point. Never produces NaN: empty inputs give empty outputs.
pub fn solve(p: &Problem) -> Solution {
    let n_claims = p.object.len();
    let mut trust: Vec<f64> = p.priors.iter().map(|&ab| mean(ab)).collect();
    let mut confidence = vec![0.5; n_claims];
    let mut posts = p.priors.clone();
    let n_objects = p.object.iter().max().map_or(0, |m| m + 1);
    // Claims of each object, in claim order, as one flat list (a vector per object costs more than
    // the claims when most objects have one).
    let mut starts = vec![0usize; n_objects + 1];
    for &o in &p.object {
        starts[o + 1] += 1;
    }
    for k in 0..n_objects {
        starts[k + 1] += starts[k];
    }
    let mut members = vec![0usize; n_claims];
    let mut fill = starts.clone();
    for (c, &o) in p.object.iter().enumerate() {
        members[fill[o]] = c;
        fill[o] += 1;
    }
    drop(fill);
    let by_object = |o: usize| &members[starts[o]..starts[o + 1]];
    // A claim only one voter makes, with no competing claim, says nothing about that voter's
    // reliability: only corroborated or contested claims update trust.
    let mut voters = vec![0usize; n_claims];
    for v in &p.votes {
        voters[v.claim] += 1;
    }
    let informative: Vec<bool> = (0..n_claims)
        .map(|c| voters[c] >= 2 || by_object(p.object[c]).len() >= 2)
        .collect();
    let mut iterations = 0;
    let mut converged = false;
    while iterations < MAX_ITERATIONS {
        iterations += 1;
        // Claims from sources: each vote adds −ln(1 − trust) of evidence (TruthFinder's score),
        // implications lend part of a similar claim's evidence, and 1 − e^(−γ·σ) turns evidence
        // into a confidence that grows with independent support without saturating at once.
        let mut sigma = vec![0.0f64; n_claims];
        for v in &p.votes {
            let t = trust[v.source].clamp(0.0, 0.999);
            sigma[v.claim] += v.weight.clamp(0.0, 1.0) * -(1.0 - t).ln();
        }
        let mut adj = sigma.clone();
        for &(c, d, sim) in &p.implications {
            if c < n_claims && d < n_claims {
                adj[c] += IMPLICATION * sim.clamp(0.0, 1.0) * sigma[d];
            }
        }
        let raw: Vec<f64> = adj.iter().map(|s| 1.0 - (-GAMMA * s).exp()).collect();
        let mut next = vec![0.0; n_claims];
        for claims in (0..n_objects).map(by_object).filter(|c| !c.is_empty()) {
            let total: f64 = claims.iter().map(|&c| raw[c]).sum();
            for &c in claims {
                // Competing claims share belief: a claim alone keeps its raw support.
                next[c] = if claims.len() == 1 || total <= 0.0 {
                    raw[c]
                } else {
                    raw[c] * raw[c] / total.max(raw[c])
                };
            }
        }
        // Sources from claims.
        let mut new_posts = p.priors.clone();
        // A source's record: the share of belief its claims win against their competitors (an
        // uncontested, corroborated claim wins outright).
        for v in p.votes.iter().filter(|v| informative[v.claim]) {
            let w = v.weight.clamp(0.0, 1.0);
            let rivals = by_object(p.object[v.claim]);
            let won = if rivals.len() == 1 {
                1.0
            } else {
                let total: f64 = rivals.iter().map(|&c| next[c]).sum();
                if total > 0.0 {
                    next[v.claim] / total
                } else {
                    1.0 / rivals.len() as f64
                }
            };
            new_posts[v.source].0 += w * won;
            new_posts[v.source].1 += w * (1.0 - won);
        }
        let mut delta: f64 = 0.0;
        for (c, x) in confidence.iter_mut().enumerate() {
            let upd = DAMPING * next[c] + (1.0 - DAMPING) * *x;
            delta = delta.max((upd - *x).abs());
            *x = upd;
        }
        for (s, t) in trust.iter_mut().enumerate() {
            let upd = DAMPING * mean(new_posts[s]) + (1.0 - DAMPING) * *t;
            delta = delta.max((upd - *t).abs());
            *t = upd;
        }
        posts = new_posts;
        if delta < TOLERANCE {
            converged = true;
            break;
        }
    }
    Solution {
        sources: posts,
        confidence,
        iterations,
        converged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reliable_sources_win_conflicts_and_copies_count_once() {
        // Object 0: claim 0 by sources 0 and 1 (independent), claim 1 by sources 2, 3, 4 (copies of 2).
        let mut votes = vec![
            Vote {
                source: 0,
                claim: 0,
                weight: 1.0,
            },
            Vote {
                source: 1,
                claim: 0,
                weight: 1.0,
            },
            Vote {
                source: 2,
                claim: 1,
                weight: 1.0,
            },
        ];
        for s in 3..5 {
            votes.push(Vote {
                source: s,
                claim: 1,
                weight: 0.05,
            });
        }
        let p = Problem {
            priors: vec![(3.0, 2.0); 5],
            object: vec![0, 0],
            votes,
            implications: Vec::new(),
        };
        let sol = solve(&p);
        assert!(sol.converged);
        assert!(sol.confidence[0] > sol.confidence[1], "{sol:?}");
    }

    #[test]
    fn empty_and_degenerate_inputs_are_finite() {
        let sol = solve(&Problem::default());
        assert!(sol.converged && sol.confidence.is_empty());
        let p = Problem {
            priors: vec![(1e-9, 1e-9)],
            object: vec![0],
            votes: vec![Vote {
                source: 0,
                claim: 0,
                weight: 1.0,
            }],
            implications: Vec::new(),
        };
        let sol = solve(&p);
        assert!(
            sol.confidence.iter().all(|c| c.is_finite())
                && sol
                    .sources
                    .iter()
                    .all(|(a, b)| a.is_finite() && b.is_finite())
        );
    }
}
