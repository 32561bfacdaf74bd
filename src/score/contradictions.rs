//! Contradictions between claim groups: the same unit and a common attributed source, values
//! within a factor two of each other but incompatible ("12 000" against "≥ 30 000"). A group's
//! final confidence is its propagated confidence less a penalty for the support against it.

use std::collections::BTreeMap;

use super::claims::Bound;
use super::{round4, ClaimGroup};

/// Finds each group's contradicting groups and sets its final confidence from `claim_conf`.
/// # Complexity: O(g log g) to sort each unit's groups, plus the pairs whose values lie within a
/// factor two of each other.
pub(super) fn apply(groups: &mut [ClaimGroup], claim_conf: &[f64]) {
    // Groups are compared inside their unit only, against values at most twice as large.
    let mut by_unit: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (g, grp) in groups.iter().enumerate() {
        by_unit.entry(grp.unit.as_str()).or_default().push(g);
    }
    let mut contradicted: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for members in by_unit.values() {
        let mut m = members.clone();
        m.sort_by(|&x, &y| groups[x].low.total_cmp(&groups[y].low).then(x.cmp(&y)));
        for (k, &g) in m.iter().enumerate() {
            for &h in &m[k + 1..] {
                if groups[h].low > 2.0 * groups[g].high.max(1e-9) {
                    break;
                }
                let close = groups[h].high.max(groups[g].high)
                    <= 2.0 * groups[h].low.min(groups[g].low).max(1e-9);
                if close
                    && !disjoint(&groups[g].sources, &groups[h].sources)
                    && !compatible(&groups[g], &groups[h])
                {
                    contradicted[g].push(h);
                    contradicted[h].push(g);
                }
            }
        }
    }
    drop(by_unit);
    for g in 0..groups.len() {
        let mut against_ids = std::mem::take(&mut contradicted[g]);
        against_ids.sort_unstable();
        let against: usize = against_ids.iter().map(|&h| groups[h].support).sum();
        let own = groups[g].support.max(1);
        let penalty = 0.5 * against as f64 / (own + against) as f64;
        groups[g].confidence = round4(claim_conf[g] * (1.0 - penalty));
        groups[g].contradicted_by = against_ids;
    }
}

/// True when two sorted lists share no element.
fn disjoint(a: &[String], b: &[String]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return false,
        }
    }
    true
}

/// True when two groups' values can both be right ("≥ 600" and "750"), within 5%.
fn compatible(a: &ClaimGroup, b: &ClaimGroup) -> bool {
    let overlap = a.low <= b.high * 1.05 && b.low <= a.high * 1.05;
    match (a.bound, b.bound) {
        (Bound::AtLeast, _) => b.high >= a.low * 0.95,
        (_, Bound::AtLeast) => a.high >= b.low * 0.95,
        (Bound::AtMost, _) => b.low <= a.high * 1.05,
        (_, Bound::AtMost) => a.low <= b.high * 1.05,
        _ => overlap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(low: f64, high: f64, bound: Bound, sources: &[&str]) -> ClaimGroup {
        ClaimGroup {
            low,
            high,
            bound,
            unit: "soldat".into(),
            sources: sources.iter().map(|s| s.to_string()).collect(),
            support: 1,
            ..ClaimGroup::default()
        }
    }

    #[test]
    fn incompatible_values_of_one_source_contradict_and_lose_confidence() {
        let mut g = vec![
            group(12_000.0, 12_000.0, Bound::Exact, &["kcna"]),
            group(20_000.0, 20_000.0, Bound::Exact, &["kcna"]),
            group(13_000.0, 13_000.0, Bound::Exact, &["yonhap"]),
        ];
        apply(&mut g, &[0.8, 0.8, 0.8]);
        assert_eq!(g[0].contradicted_by, vec![1]);
        assert_eq!(g[1].contradicted_by, vec![0]);
        // No common source: not a contradiction.
        assert!(g[2].contradicted_by.is_empty());
        assert_eq!(g[0].confidence, 0.6);
        assert_eq!(g[2].confidence, 0.8);
    }

    #[test]
    fn a_lower_bound_is_compatible_with_a_larger_value() {
        let mut g = vec![
            group(600.0, 600.0, Bound::AtLeast, &["afp"]),
            group(750.0, 750.0, Bound::Exact, &["afp"]),
        ];
        apply(&mut g, &[0.7, 0.7]);
        assert!(g[0].contradicted_by.is_empty() && g[1].contradicted_by.is_empty());
    }
}
