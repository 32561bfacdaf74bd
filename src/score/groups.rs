//! Claim groups: every claim mention keyed by its unit and rounded values, and, once the fixed
//! point is reached, each group's articles, attributed sources and independent origins.

use std::collections::BTreeMap;

use super::claims::{Claim, Unreadable};
use super::ClaimGroup;
use crate::model::ArticleFacts;

/// One claim mention: (group, article, origin source — the first source the claim is
/// attributed to, if any).
pub type Mention<'a> = (usize, usize, Option<&'a str>);

/// Claim mentions grouped across articles.
pub(super) struct Grouped<'a> {
    /// One group per distinct (unit, rounded low, rounded high).
    pub groups: Vec<ClaimGroup>,
    /// Every mention, in article id order (never row order: group and voter numbers, story and
    /// copy windows and sums follow it), then claim order.
    pub mentions: Vec<Mention<'a>>,
    /// The mentions of `order[r]`, the article of id rank `r`, are
    /// `mentions[first_mention[r]..first_mention[r + 1]]`.
    pub first_mention: Vec<usize>,
}

/// The group of each of article `i`'s mentions, in claim order, for every article by index (see
/// [`Grouped::first_mention`]; `order` is the article indices in id order).
/// # Complexity: O(n + m).
pub(super) fn article_groups(
    mentions: &[Mention],
    first_mention: &[usize],
    order: &[usize],
) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); order.len()];
    for (w, &ai) in first_mention.windows(2).zip(order) {
        out[ai] = mentions[w[0]..w[1]].iter().map(|m| m.0).collect();
    }
    out
}

/// Groups the claims of every article by (unit, values rounded to three significant digits),
/// reading the articles in `order` (their indices in id order): groups are numbered, and mentions
/// listed, in id order whatever the row order.
/// # Complexity: O(m) expected for m claims.
pub(super) fn group<'a>(
    per_article: &'a [(Vec<Claim>, Vec<Unreadable>)],
    order: &[usize],
) -> Grouped<'a> {
    let mut key_to_group: rustc_hash::FxHashMap<(&str, i64, i64), usize> =
        rustc_hash::FxHashMap::default();
    let total: usize = per_article.iter().map(|(cl, _)| cl.len()).sum();
    // At most one group per claim: reserved once, so the vector is never copied while growing.
    let mut groups: Vec<ClaimGroup> = Vec::with_capacity(total);
    let mut mentions: Vec<Mention> = Vec::with_capacity(total);
    let mut first_mention: Vec<usize> = Vec::with_capacity(per_article.len() + 1);
    for &ai in order {
        let cl = &per_article[ai].0;
        first_mention.push(mentions.len());
        for c in cl {
            let key = (c.unit.as_str(), round_sig(c.low), round_sig(c.high));
            let g = *key_to_group.entry(key).or_insert_with(|| {
                groups.push(ClaimGroup {
                    low: c.low,
                    high: c.high,
                    bound: c.bound,
                    unit: c.unit.clone(),
                    ..ClaimGroup::default()
                });
                groups.len() - 1
            });
            // The group states its most exact mention (exact before a range before a bound; then
            // the smallest values), whatever the order of the rows.
            let group = &mut groups[g];
            let better = (
                c.bound,
                c.low.total_cmp(&group.low),
                c.high.total_cmp(&group.high),
            ) < (
                group.bound,
                std::cmp::Ordering::Equal,
                std::cmp::Ordering::Equal,
            );
            if better {
                group.bound = c.bound;
                group.low = c.low;
                group.high = c.high;
            }
            mentions.push((g, ai, c.sources.first().map(String::as_str)));
        }
    }
    first_mention.push(mentions.len());
    Grouped {
        groups,
        mentions,
        first_mention,
    }
}

/// `x` rounded to three significant digits, as a key: the three digits and the decimal exponent
/// (0 for a value that is not positive and finite). 1.35 and 1.39 stay apart; 12 340 and 12 345
/// share a key.
fn round_sig(x: f64) -> i64 {
    if x <= 0.0 || !x.is_finite() {
        return 0;
    }
    let mut exp = x.log10().floor() as i64 - 2;
    let mut digits = (x / 10f64.powi(exp as i32)).round() as i64;
    if digits >= 1000 {
        // 999.6 rounds up to the next decade.
        digits /= 10;
        exp += 1;
    }
    (exp + 400) * 1000 + digits
}

/// Who speaks in each mention, as the voters see it.
pub(super) struct Speakers<'a> {
    /// Each article's independent voice ([`super::voters::voices`]).
    pub voice: &'a [usize],
    /// Each article's story representative.
    pub story: &'a [usize],
    /// Sorted (voice, group) pairs the voice attributes to another source
    /// ([`super::voters::relayed_claims`]).
    pub relayed: &'a [(usize, usize)],
    /// True when article `ai`'s outlet is the channel of source `s`.
    pub own_channel: &'a dyn Fn(usize, &str) -> bool,
    /// Article indices in id order.
    pub order: &'a [usize],
    /// Each article's place in `order`.
    pub rank: &'a [usize],
}

/// Fills each group's articles (sorted by id), attributed sources (sorted) and independent
/// support from the mentions; `copies` says whether two articles are a verified copy pair.
/// # Complexity: O(m log m) for m mentions, plus [`COPY_WINDOW`] pair lookups per mention.
pub(super) fn fill(
    groups: &mut [ClaimGroup],
    mentions: &[Mention],
    articles: &[ArticleFacts],
    who: &Speakers,
    copies: &dyn Fn(usize, usize) -> bool,
) {
    // Flat sorted (group, …) lists rather than a set per group: a million small sets cost more
    // than the groups themselves.
    let mut origins: Vec<GroupOrigin> = Vec::with_capacity(mentions.len());
    let mut group_sources: Vec<(usize, &str)> = Vec::new();
    let mut group_articles: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for &(g, ai, src) in mentions {
        group_articles[g].push(ai);
        if let Some(s) = src {
            group_sources.push((g, s));
        }
        match src.filter(|s| !(who.own_channel)(ai, s)) {
            Some(s) => origins.push((g, Ok(s))),
            None if who.relayed.binary_search(&(who.voice[ai], g)).is_ok() => {}
            // The lineage (story) key: runs of one dispatch in several outlets are one origin.
            // The article by its id rank, so that the copy window runs in id order.
            None => origins.push((g, Err((who.voice[ai], who.story[ai], who.rank[ai])))),
        }
    }
    origins.sort_unstable();
    origins.dedup();
    count_support(&origins, groups, &|x, y| copies(who.order[x], who.order[y]));
    drop(origins);
    group_sources.sort_unstable();
    group_sources.dedup();
    for &(g, s) in &group_sources {
        groups[g].sources.push(s.to_string());
    }
    drop(group_sources);
    for (g, mut arts) in group_articles.into_iter().enumerate() {
        arts.sort_by(|&x, &y| articles[x].article.id.cmp(&articles[y].article.id));
        arts.dedup();
        arts.shrink_to_fit();
        groups[g].articles = arts;
    }
}

/// One origin of a claim group: (group, an attributed source, or the (voice, lineage, article)
/// of an unattributed mention; all three keys of the input's content, not row positions, so that
/// their sort order does not depend on the row order).
pub(super) type GroupOrigin<'a> = (usize, Result<&'a str, (usize, usize, usize)>);

/// Independent origins of each group from its sorted, deduplicated `origins`: each attributed
/// source once, and the unattributed mentions' voices joined when they share an outlet (or story
/// voice) or a lineage, or when their articles are a verified copy pair (`copies`: a partial copy
/// of the sentence with the figure is no second origin), so that one outlet repeating itself and
/// one dispatch run by many outlets each count once.
/// # Complexity
/// O(m log m) for m origins, plus at most [`COPY_WINDOW`] pair lookups per mention.
pub(super) fn count_support(
    origins: &[GroupOrigin],
    groups: &mut [ClaimGroup],
    copies: &dyn Fn(usize, usize) -> bool,
) {
    let mut k = 0;
    while k < origins.len() {
        let g = origins[k].0;
        let end = k + origins[k..].iter().take_while(|o| o.0 == g).count();
        let attributed = origins[k..end].iter().filter(|o| o.1.is_ok()).count();
        let mentions: Vec<(usize, usize, usize)> =
            origins[k..end].iter().filter_map(|o| o.1.err()).collect();
        groups[g].support = attributed + components(&mentions, copies);
        k = end;
    }
}

/// Unattributed mentions of one group compared for copies with at most this many others, so a
/// group of a million mentions stays linear.
pub(super) const COPY_WINDOW: usize = 256;

/// Connected components of the mentions `(voice, lineage, article)`, two mentions joined when
/// they share a voice or a lineage or their articles are copies.
pub(super) fn components(
    mentions: &[(usize, usize, usize)],
    copies: &dyn Fn(usize, usize) -> bool,
) -> usize {
    let n = mentions.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut count = n;
    let mut join = |parent: &mut Vec<usize>, x: usize, y: usize| {
        let (a, b) = (find(parent, x), find(parent, y));
        if a != b {
            parent[a.max(b)] = a.min(b);
            count -= 1;
        }
    };
    // Shared voice, shared lineage: join each mention to the first with the same key.
    for key in [0usize, 1] {
        let mut first: BTreeMap<usize, usize> = BTreeMap::new();
        for (x, m) in mentions.iter().enumerate() {
            let kv = if key == 0 { m.0 } else { m.1 };
            match first.get(&kv) {
                Some(&y) => join(&mut parent, x, y),
                None => {
                    first.insert(kv, x);
                }
            }
        }
    }
    for x in 0..n {
        for y in x.saturating_sub(COPY_WINDOW)..x {
            if mentions[x].2 != mentions[y].2 && copies(mentions[x].2, mentions[y].2) {
                join(&mut parent, x, y);
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::claims::Bound;

    #[test]
    fn regression_runs_of_one_dispatch_in_many_outlets_are_one_origin() {
        let mut groups = vec![ClaimGroup::default(), ClaimGroup::default()];
        // Group 0: one AFP dispatch (lineage 7) run by four outlets (voices 1–4), plus outlet 1
        // repeating the figure in an unrelated article (lineage 20): one origin.
        // Group 1: two outlets reporting independently, and one attributed source: three.
        let origins: Vec<GroupOrigin> = vec![
            (0, Err((1, 7, 0))),
            (0, Err((1, 20, 1))),
            (0, Err((2, 7, 2))),
            (0, Err((3, 7, 3))),
            (0, Err((4, 7, 4))),
            (1, Ok("NIS")),
            (1, Err((1, 30, 5))),
            (1, Err((2, 31, 6))),
            // Group 2: two outlets whose articles 7 and 8 are a partial copy pair: one origin.
            (2, Err((5, 40, 7))),
            (2, Err((6, 41, 8))),
        ];
        groups.push(ClaimGroup::default());
        count_support(&origins, &mut groups, &|x, y| {
            (x.min(y), x.max(y)) == (7, 8)
        });
        assert_eq!(groups[2].support, 1);
        assert_eq!(groups[0].support, 1);
        assert_eq!(groups[1].support, 3);
    }

    /// Regression (robustness issue): every value from 1 to 2 had one key (and every value
    /// below 1 another), so 1.35 and 1.39 euro were one claim.
    #[test]
    fn regression_values_round_to_three_significant_digits_not_to_integers() {
        assert_eq!(round_sig(12000.0), round_sig(12040.0));
        assert_ne!(round_sig(12000.0), round_sig(12100.0));
        assert_ne!(round_sig(1500.0), round_sig(150.0));
        assert_ne!(round_sig(1.35), round_sig(1.39));
        assert_eq!(round_sig(1.351), round_sig(1.349));
        assert_ne!(round_sig(0.75), round_sig(0.7));
        assert_eq!(round_sig(999.6), round_sig(1000.0));
        assert_eq!(round_sig(0.0), 0);
        assert_eq!(round_sig(f64::NAN), 0);
    }

    /// Regression (robustness issue): a group took the value and bound of its first mention in
    /// input order, so "30 blessés" and "plus de 30 blessés" made an exact claim one way round
    /// and an "at least" claim the other.
    #[test]
    fn regression_a_group_states_the_same_value_whatever_the_row_order() {
        let claim = |low: f64, bound: Bound| Claim {
            low,
            high: low,
            bound,
            unit: "blesse".into(),
            start: 0,
            end: 1,
            sources: vec![],
        };
        let a = (vec![claim(30.0, Bound::AtLeast)], vec![]);
        let b = (vec![claim(30.04, Bound::Exact)], vec![]);
        let c = (vec![claim(30.01, Bound::Exact)], vec![]);
        let one = [a.clone(), b.clone(), c.clone()];
        let other = [c, b, a];
        let (x, y) = (group(&one, &[0, 1, 2]), group(&other, &[0, 1, 2]));
        assert_eq!(x.groups.len(), 1);
        let g = |v: &Grouped| (v.groups[0].low, v.groups[0].high, v.groups[0].bound);
        assert_eq!(g(&x), (30.01, 30.01, Bound::Exact));
        assert_eq!(g(&x), g(&y));
    }
}
