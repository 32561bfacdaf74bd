//! `credence explain`: the full account of one article or one outlet, with evidence spans.

use std::fmt::Write as _;

use crate::analyze::Analysis;
use crate::registry::Registry;
use crate::report::table::one_line;
use crate::score::fmt_value;

/// The account of article `key` (by id) or outlet `key`; `None` when neither exists.
pub fn render(analysis: &Analysis, registry: &Registry, key: &str) -> Option<String> {
    if let Some(i) = analysis.articles.iter().position(|a| a.article.id == key) {
        return Some(article(analysis, registry, i));
    }
    analysis
        .scores
        .outlets
        .contains_key(key)
        .then(|| outlet(analysis, registry, key))
}

fn article(analysis: &Analysis, registry: &Registry, i: usize) -> String {
    let a = &analysis.articles[i];
    let s = &analysis.scores.articles[i];
    let art = &a.article;
    let text = analysis.text(i);
    let mut out = String::new();
    let r = s.reliability;
    let _ = writeln!(
        out,
        "article {}  [{}]  line {} of the input",
        art.id, art.outlet, art.line
    );
    if let Some(t) = &art.title {
        let _ = writeln!(out, "title: {}", one_line(t, 100));
    }
    let _ = writeln!(
        out,
        "reliability {:.2} (90% interval {:.2}–{:.2}), garble {:.2}, language {}\n",
        r.mean,
        r.low,
        r.high,
        a.garble,
        a.lang.as_deref().unwrap_or("?")
    );
    out.push_str("Why (contributions to the mean, from a neutral 0.50):\n");
    for c in &analysis.contributions(i, registry) {
        let _ = writeln!(out, "  {:+.3}  {}", c.delta, c.text);
    }
    out.push_str("\nCitations (field, byte span, kind, evidence):\n");
    if a.citations.is_empty() {
        out.push_str("  none\n");
    }
    for c in &a.citations {
        let via = c
            .via
            .as_deref()
            .map(|v| format!(" via {v}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:?} {}..{}  {} {}{}  «{}»",
            c.field,
            c.start,
            c.end,
            c.kind.as_str(),
            c.source,
            via,
            one_line(&c.evidence, 120)
        );
    }
    out.push_str("\nGarble flags:\n");
    if a.flags.is_empty() {
        out.push_str("  none\n");
    }
    for f in &a.flags {
        let counted = if f.counted { "" } else { " (not counted)" };
        let _ = writeln!(
            out,
            "  {:?} {}..{}  {}{}  «{}» — {}",
            f.field,
            f.start,
            f.end,
            f.kind.as_str(),
            counted,
            one_line(&f.evidence, 80),
            f.detail
        );
    }
    out.push_str("\nCopies:\n");
    let mut any = false;
    if let Some(from) = analysis.copied_from(i) {
        let _ = writeln!(out, "  copied from {from}");
    }
    if let Some(s) = analysis.copies.stories.iter().find(|s| {
        s.members
            .binary_search_by(|&m| {
                analysis.articles[m]
                    .article
                    .id
                    .cmp(&analysis.articles[i].article.id)
            })
            .is_ok()
    }) {
        let _ = writeln!(
            out,
            "  lineage {}: {}",
            s.id,
            crate::report::notable::lineage_line(analysis, s)
        );
    }
    if let Some(&n) = analysis.copies.unlisted.get(i).filter(|&&n| n > 0) {
        let _ = writeln!(
            out,
            "  ({n} more verified partners not listed: raise --max-partners)"
        );
    }
    for p in analysis
        .copies
        .pairs
        .iter()
        .filter(|p| p.a == i || p.b == i)
    {
        any = true;
        let other = if p.a == i { p.b } else { p.a };
        let role = match (p.original, p.original_by) {
            (Some(o), Some(crate::copies::direction::Basis::Credit)) if o == i => {
                "kept the wire credit that it dropped:"
            }
            (Some(_), Some(crate::copies::direction::Basis::Credit)) => {
                "dropped the wire credit that it kept:"
            }
            (Some(o), _) if o == i => "original of",
            (Some(_), _) => "copy of",
            (None, _) => "shares text with",
        };
        let share = if p.a == i {
            p.containment_a
        } else {
            p.containment_b
        };
        let laundered = if p.laundered { ", LAUNDERED" } else { "" };
        let _ = writeln!(
            out,
            "  {role} {} ({:?}, {:.0}% of this text{laundered})",
            analysis.articles[other].article.id,
            p.relation,
            share * 100.0
        );
        for ps in p.passages.iter().take(3) {
            let (s0, e0) = if p.a == i {
                (ps.a_start, ps.a_end)
            } else {
                (ps.b_start, ps.b_end)
            };
            let _ = writeln!(
                out,
                "      {s0}..{e0}  «{}»",
                one_line(text.get(s0..e0).unwrap_or(""), 100)
            );
        }
    }
    if !any {
        out.push_str("  none\n");
    }
    out.push_str("\nClaims:\n");
    if s.claims.is_empty() && s.unreadable.is_empty() {
        out.push_str("  none\n");
    }
    for c in &s.claims {
        let group = analysis.scores.claims.iter().find(|g| {
            g.unit == c.unit
                && g.articles.contains(&i)
                && (g.low - c.low).abs() <= 0.01 * c.low.max(1.0)
        });
        let (support, conf) = group.map_or((0, 0.0), |g| (g.support, g.confidence));
        let src = if c.sources.is_empty() {
            "unattributed".to_string()
        } else {
            format!("← {}", c.sources.join(", "))
        };
        let value = group.map_or(format!("{}", c.low), fmt_value);
        let _ = writeln!(
            out,
            "  {}..{}  {} {} {}  support {} origin(s), confidence {:.2}",
            c.start, c.end, value, c.unit, src, support, conf
        );
    }
    for u in &s.unreadable {
        let _ = writeln!(
            out,
            "  {}..{}  «{}» unreadable (mangled by translation)",
            u.start,
            u.end,
            text.get(u.start..u.end).unwrap_or("")
        );
    }
    out
}

fn outlet(analysis: &Analysis, registry: &Registry, name: &str) -> String {
    let o = &analysis.scores.outlets[name];
    let r = o.reliability;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "outlet {name}\nreliability {:.2} (90% interval {:.2}–{:.2})\n",
        r.mean, r.low, r.high
    );
    out.push_str("Why:\n");
    for e in &o.explanation {
        let _ = writeln!(out, "  {e}");
    }
    out.push_str("\nArticles (reliability, garble, strongest reason):\n");
    for (i, a) in analysis
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.article.outlet == name)
    {
        let s = &analysis.scores.articles[i];
        let top = analysis.contributions(i, registry);
        let top = top.first().map_or(String::new(), |c| {
            format!("{:+.2} {}", c.delta, one_line(&c.text.to_string(), 70))
        });
        let _ = writeln!(
            out,
            "  {}  {:.2} [{:.2}–{:.2}]  garble {:.2}  {}",
            a.article.id, s.reliability.mean, s.reliability.low, s.reliability.high, a.garble, top
        );
    }
    out
}
