//! Outlet scores: a Beta posterior over an outlet's articles, with reasons aggregated from their
//! contributions.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::article::Detail;
use super::{ArticleScore, ClaimGroup, Explainer, OutletScore, Reliability, ScoreOptions};
use crate::copies::Copies;
use crate::model::ArticleFacts;
use crate::registry::Registry;

/// What outlet scoring reads besides the articles and their scores.
pub(super) struct Context<'a> {
    /// Claim groups, in the order the article scores point into.
    pub(super) groups: &'a [ClaimGroup],
    /// Writes article contributions.
    pub(super) explainer: &'a Explainer,
    /// The source registry.
    pub(super) registry: &'a Registry,
    /// Verified copies.
    pub(super) copies: &'a Copies,
    /// Scoring options.
    pub(super) opts: &'a ScoreOptions,
    /// Article indices in id order.
    pub(super) order: &'a [usize],
}

/// Strength of a rating-based outlet prior.
const OUTLET_PRIOR_STRENGTH: f64 = 10.0;
/// Correlation between two articles of one outlet (its editorial line, desk and feed), for the
/// design effect: `k` articles weigh `k / (1 + (k − 1)·ρ)` independent observations, at most
/// `1/ρ`, so twelve thousand articles of one feed do not give an interval of ±0.01.
pub const OUTLET_CORRELATION: f64 = 0.02;

/// Independent observations that `k` articles of one outlet weigh (Kish's design effect).
pub fn effective_observations(k: f64) -> f64 {
    if k <= 0.0 {
        return 0.0;
    }
    k / (1.0 + (k - 1.0).max(0.0) * OUTLET_CORRELATION)
}

/// Scores every known outlet.
pub(super) fn score_outlets(
    articles: &[ArticleFacts],
    scores: &[ArticleScore],
    cx: &Context,
) -> BTreeMap<String, OutletScore> {
    let (copies, opts) = (cx.copies, cx.opts);
    // Identical articles inside one outlet are one piece of evidence: the one of the smaller id
    // counts (a pair's `b` has the larger id; never the later row).
    let mut dup_weight = vec![1.0f64; articles.len()];
    // (Below, divided among an outlet's runs of one lineage.)
    for c in copies
        .pairs
        .iter()
        .filter(|c| c.same_outlet && c.containment_a >= 0.95 && c.containment_b >= 0.95)
    {
        dup_weight[c.b] = 0.0;
    }
    // An outlet's articles in one lineage (a dispatch it ran several times) are one observation.
    let mut in_story: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    let mut story_of: Vec<Option<usize>> = vec![None; articles.len()];
    for (k, st) in copies.stories.iter().enumerate() {
        for &m in &st.members {
            story_of[m] = Some(k);
            *in_story
                .entry((k, articles[m].article.outlet.as_str()))
                .or_default() += 1;
        }
    }
    for (i, s) in story_of.iter().enumerate() {
        if let Some(k) = s {
            dup_weight[i] /= in_story[&(*k, articles[i].article.outlet.as_str())] as f64;
        }
    }
    // Each outlet's articles in id order: its domain, sums and examples do not depend on the row
    // order.
    let mut by_outlet: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in cx.order {
        let a = &articles[i];
        if a.article.outlet_known {
            by_outlet
                .entry(a.article.outlet.as_str())
                .or_default()
                .push(i);
        }
    }
    // Outlets are independent: scored in parallel, collected in name order.
    let by_outlet: Vec<(&str, Vec<usize>)> = by_outlet.into_iter().collect();
    let scored: Vec<(String, OutletScore)> = by_outlet
        .into_par_iter()
        .map(|(outlet, idx)| {
            let domain = idx
                .iter()
                .find_map(|&i| articles[i].article.domain.as_deref());
            let prior = opts
                .outlet_priors
                .as_ref()
                .and_then(|p| domain.and_then(|d| p.get(d)));
            let (mut a, mut b, prior_text) = match prior {
                Some(p) => (
                    p.mean * OUTLET_PRIOR_STRENGTH,
                    (1.0 - p.mean) * OUTLET_PRIOR_STRENGTH,
                    format!(
                        "prior {:.2} from {} (strength {OUTLET_PRIOR_STRENGTH})",
                        p.mean, p.source
                    ),
                ),
                None => (
                    1.0,
                    1.0,
                    "uniform prior (no rating of the outlet's own domain used)".to_string(),
                ),
            };
            let (mut sa, mut sb) = (0.0, 0.0);
            for &i in &idx {
                let m = scores[i].reliability.mean;
                sa += dup_weight[i] * m;
                sb += dup_weight[i] * (1.0 - m);
            }
            let observations = effective_observations(sa + sb);
            let scale = if sa + sb > 0.0 {
                observations / (sa + sb)
            } else {
                0.0
            };
            a += scale * sa;
            b += scale * sb;
            let reliability = Reliability::from_alpha_beta(a, b);
            let mut explanation = outlet_reasons(articles, scores, &idx, cx);
            explanation.push(format!(
                "{}; {} article(s), {:.1} independent observation(s)",
                prior_text,
                idx.len(),
                observations
            ));
            (
                outlet.to_string(),
                OutletScore {
                    reliability,
                    explanation,
                },
            )
        })
        .collect();
    scored.into_iter().collect()
}

fn outlet_reasons(
    articles: &[ArticleFacts],
    scores: &[ArticleScore],
    idx: &[usize],
    cx: &Context,
) -> Vec<String> {
    let n = idx.len() as f64;
    // Per reason key: summed delta, count, first texts, first article ids.
    type Stats<'a> = (f64, usize, Vec<String>, Vec<&'a str>);
    let mut by_key: BTreeMap<&'static str, Stats> = BTreeMap::new();
    for &i in idx {
        // Keys and deltas for every article; the full text only for the first two examples of a
        // reason, written when needed.
        let ex = cx.explainer;
        let (a, s) = (&articles[i], &scores[i]);
        let contributions = ex.contributions(i, a, s, cx.groups, cx.registry, Detail::Keys);
        let mut full: Option<Vec<super::Contribution>> = None;
        for c in &contributions {
            let e = by_key
                .entry(c.key())
                .or_insert((0.0, 0, Vec::new(), Vec::new()));
            e.0 += c.delta;
            e.1 += 1;
            if e.2.len() < 2 {
                let full = full.get_or_insert_with(|| {
                    ex.contributions(i, a, s, cx.groups, cx.registry, Detail::Full)
                });
                let text = full
                    .iter()
                    .find(|f| f.key() == c.key())
                    .map(|f| f.text.to_string());
                e.2.push(text.unwrap_or_default());
            }
            if e.3.len() < 3 {
                e.3.push(articles[i].article.id.as_str());
            }
        }
    }
    let mut reasons: Vec<(f64, String)> = by_key
        .into_iter()
        .filter(|(_, (d, _, _, _))| d.abs() / n >= 0.005)
        .map(|(key, (d, count, texts, ids))| {
            let what = match key {
                "sources" => "cite sources",
                "no_source" => "name no source",
                "credit_line" => "carry a credit line",
                "garble" => "are garbled",
                "laundered" => "are uncredited copies of wire dispatches",
                "claims" => "report figures weighed against other articles",
                "transparency" => "attribute their facts",
                "sensational" => "use a sensational tone",
                "headline_bait" => "end their headline in ! or ?",
                _ => key,
            };
            let avg = d / n;
            (
                avg,
                format!(
                    "{avg:+.2}: {count} of {} articles {what} — e.g. {} ({})",
                    idx.len(),
                    texts[0],
                    ids.join(", ")
                ),
            )
        })
        .collect();
    reasons.sort_by(|x, y| y.0.abs().total_cmp(&x.0.abs()).then(x.1.cmp(&y.1)));
    reasons.into_iter().take(4).map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regression_an_outlets_interval_counts_independent_observations_not_articles() {
        // One article is one observation; a feed's twelve thousand are about fifty, not 12,000.
        assert!((effective_observations(1.0) - 1.0).abs() < 1e-12);
        let feed = effective_observations(12_000.0);
        assert!(feed > 45.0 && feed < 1.0 / OUTLET_CORRELATION, "{feed}");
        let r = Reliability::from_alpha_beta(1.0 + 0.48 * feed, 1.0 + 0.52 * feed);
        assert!(
            r.high - r.low > 0.15,
            "a 90% interval of {:.3}",
            r.high - r.low
        );
        // More articles never give fewer observations.
        let mut last = 0.0;
        for k in 1..2000 {
            let e = effective_observations(k as f64);
            assert!(e >= last);
            last = e;
        }
    }
}
