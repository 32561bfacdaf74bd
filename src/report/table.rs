//! The terminal report: outlets, sources cited with counts, articles with their citations.

use std::fmt::Write as _;

use crate::analyze::Analysis;
use crate::citations::CitationKind;
use crate::registry::Registry;
use crate::report::notable;

const KINDS: [CitationKind; 4] = [
    CitationKind::Credit,
    CitationKind::Attribution,
    CitationKind::Relay,
    CitationKind::Mention,
];

/// Renders rows as left-aligned columns (numbers right-aligned), two spaces apart.
pub fn columns(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let numeric: Vec<bool> = (0..header.len())
        .map(|i| {
            !rows.is_empty()
                && rows
                    .iter()
                    .all(|r| r[i].parse::<f64>().is_ok() || r[i] == "-")
        })
        .collect();
    let mut out = String::new();
    let mut line = |cells: Vec<&str>| {
        let mut l = String::from("  ");
        for (i, c) in cells.iter().enumerate() {
            let pad = widths[i] - c.chars().count();
            if numeric[i] {
                l.push_str(&" ".repeat(pad));
                l.push_str(c);
            } else {
                l.push_str(c);
                if i + 1 < cells.len() {
                    l.push_str(&" ".repeat(pad));
                }
            }
            if i + 1 < cells.len() {
                l.push_str("  ");
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(header.to_vec());
    for r in rows {
        line(r.iter().map(String::as_str).collect());
    }
    out
}

pub use crate::normalize::one_line;

/// Renders the terminal report with every article, without colour.
pub fn render(analysis: &Analysis, registry: &Registry) -> String {
    render_with(analysis, registry, usize::MAX, false)
}

/// ANSI colour for a score: red below 0.4, yellow below 0.6, green above.
fn paint(text: &str, score: f64, color: bool) -> String {
    if !color {
        return text.to_string();
    }
    let code = if score < 0.4 {
        31
    } else if score < 0.6 {
        33
    } else {
        32
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// Renders the terminal report listing at most `top` articles, with ANSI colours when `color`.
pub fn render_with(analysis: &Analysis, registry: &Registry, top: usize, color: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "credence: {} articles scored ({} rows, {} rejected), {} outlets, {} sources cited\n",
        analysis.articles.len(),
        analysis.rows,
        analysis.rejected.len(),
        analysis.outlets.len(),
        analysis.sources.len()
    );
    if !analysis.outlets.is_empty() {
        out.push_str("Outlets\n");
        let mut outlets: Vec<&crate::analyze::OutletSummary> = analysis.outlets.iter().collect();
        let score = |o: &str| analysis.scores.outlets.get(o).map(|s| s.reliability);
        outlets.sort_by(|a, b| {
            let (x, y) = (
                score(&a.outlet).map_or(0.0, |r| r.mean),
                score(&b.outlet).map_or(0.0, |r| r.mean),
            );
            y.total_cmp(&x).then_with(|| a.outlet.cmp(&b.outlet))
        });
        let rows: Vec<Vec<String>> = outlets
            .iter()
            .map(|o| {
                let r = score(&o.outlet);
                vec![
                    o.outlet.clone(),
                    r.map_or("-".into(), |r| format!("{:.2}", r.mean)),
                    r.map_or("-".into(), |r| format!("{:.2}–{:.2}", r.low, r.high)),
                    o.articles.to_string(),
                    o.sourced.to_string(),
                ]
            })
            .collect();
        out.push_str(&columns(
            &["outlet", "score", "90% interval", "articles", "sourced"],
            &rows,
        ));
        out.push('\n');
    }
    if !analysis.sources.is_empty() {
        out.push_str("Sources cited\n");
        let rows: Vec<Vec<String>> = analysis
            .sources
            .iter()
            .map(|s| {
                let src = &registry.sources()[s.index];
                let rel = analysis
                    .scores
                    .sources
                    .get(&s.index)
                    .map_or("-".into(), |r| format!("{:.2}", r.mean));
                let mut r = vec![
                    src.id.clone(),
                    src.kind.as_str().to_string(),
                    rel,
                    s.cited_by.to_string(),
                ];
                r.extend(
                    KINDS
                        .iter()
                        .map(|k| s.by_kind.get(k).copied().unwrap_or(0).to_string()),
                );
                r
            })
            .collect();
        out.push_str(&columns(
            &[
                "source",
                "kind",
                "trust",
                "articles",
                "credit",
                "attribution",
                "relay",
                "mention",
            ],
            &rows,
        ));
        out.push('\n');
    }
    render_copies(&mut out, analysis, top);
    render_garbled(&mut out, analysis);
    out.push_str("Articles (lowest score first)\n");
    for &i in notable::articles(analysis).iter().take(top) {
        let a = &analysis.articles[i];
        let art = &a.article;
        let title = art
            .title
            .as_deref()
            .map(|t| format!("  {}", one_line(t, 70)))
            .unwrap_or_default();
        let rel = analysis.scores.articles.get(i).map_or(String::new(), |s| {
            let text = format!(
                "score {:.2} [{:.2}–{:.2}]",
                s.reliability.mean, s.reliability.low, s.reliability.high
            );
            format!("  {}", paint(&text, s.reliability.mean, color))
        });
        let _ = writeln!(out, "  {}  [{}]{}{}", art.id, art.outlet, rel, title);
        if analysis.scores.articles.get(i).is_some() {
            for c in analysis
                .contributions(i, registry)
                .iter()
                .filter(|c| c.delta.abs() >= 0.02)
                .take(3)
            {
                let _ = writeln!(
                    out,
                    "      {:+.2}  {}",
                    c.delta,
                    one_line(&c.text.to_string(), 100)
                );
            }
        }
        if a.citations.is_empty() {
            out.push_str("      (no source cited)\n");
        }
        for c in &a.citations {
            let via = c
                .via
                .as_deref()
                .map(|v| format!(" via {v}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "      {:<11}  {}{}  «{}»",
                c.kind.as_str(),
                c.source,
                via,
                one_line(&c.evidence, 90)
            );
        }
    }
    if let Some(m) = notable::more(analysis.articles.len(), top, "articles") {
        let _ = writeln!(out, "  {m}");
    }
    if !analysis.rejected.is_empty() {
        out.push_str("\nRejected rows\n");
        for r in analysis.rejected.iter().take(top) {
            let _ = writeln!(
                out,
                "  line {}  {}  {}",
                r.line,
                r.id.as_deref().unwrap_or("-"),
                r.reason
            );
        }
        if let Some(m) = notable::more(analysis.rejected.len(), top, "rejected rows") {
            let _ = writeln!(out, "  {m}");
        }
    }
    out
}

/// The most garbled articles, each with its strongest evidence.
fn render_garbled(out: &mut String, analysis: &Analysis) {
    let mut garbled: Vec<&crate::model::ArticleFacts> = analysis
        .articles
        .iter()
        .filter(|a| a.garble > 0.0)
        .collect();
    if garbled.is_empty() {
        return;
    }
    garbled.sort_by(|a, b| {
        b.garble
            .total_cmp(&a.garble)
            .then_with(|| a.article.id.cmp(&b.article.id))
    });
    let _ = writeln!(
        out,
        "Most garbled ({} of {} articles with counted artefacts)",
        garbled.len(),
        analysis.articles.len()
    );
    for a in garbled.iter().take(10) {
        let _ = writeln!(
            out,
            "  {}  garble {:.2}  [{}]",
            a.article.id, a.garble, a.article.outlet
        );
        let mut flags: Vec<&crate::garble::Flag> = a.flags.iter().filter(|f| f.counted).collect();
        flags.sort_by(|x, y| {
            y.kind
                .weight()
                .total_cmp(&x.kind.weight())
                .then(x.start.cmp(&y.start))
        });
        let mut seen = std::collections::BTreeSet::new();
        for f in flags.into_iter().filter(|f| seen.insert(f.kind)).take(4) {
            let _ = writeln!(
                out,
                "      {:<18}  «{}»",
                f.kind.as_str(),
                one_line(&f.evidence, 70)
            );
        }
    }
    out.push('\n');
}

fn render_copies(out: &mut String, analysis: &Analysis, top: usize) {
    let copies = &analysis.copies;
    if copies.pairs.is_empty() {
        return;
    }
    let art = |i: usize| &analysis.articles[i].article;
    let laundered = copies.pairs.iter().filter(|p| p.laundered).count();
    let _ = writeln!(
        out,
        "Copies: {} verified pairs, {} lineages, {} laundered (uncredited wholesale copies of wire dispatches)",
        copies.pairs.len(),
        copies.stories.len(),
        laundered
    );
    let order = notable::stories(analysis);
    for &k in order.iter().take(top) {
        let _ = writeln!(
            out,
            "  {}",
            notable::lineage_line(analysis, &copies.stories[k])
        );
    }
    if let Some(m) = notable::more(order.len(), top.min(order.len()), "lineages") {
        let _ = writeln!(out, "  {m}");
    }
    let order = notable::copies(analysis);
    let rows: Vec<Vec<String>> = order
        .iter()
        .take(top)
        .map(|&k| {
            let p = &copies.pairs[k];
            let (copy, orig) = match p.original {
                Some(o) if o == p.a => (p.b, Some(p.a)),
                Some(_) => (p.a, Some(p.b)),
                None => (p.a, None),
            };
            let credit = |c: Option<bool>| match c {
                Some(true) => "kept",
                Some(false) => "dropped",
                None => "-",
            };
            let kept = match orig {
                Some(o) => credit(if o == p.a { p.credited_b } else { p.credited_a }),
                None => "-",
            };
            let mut note = String::new();
            if p.laundered {
                note.push_str("LAUNDERED ");
            }
            if p.same_outlet {
                note.push_str("same outlet");
            }
            let other = orig.unwrap_or(p.b);
            vec![
                format!("{} [{}]", art(copy).id, art(copy).outlet),
                format!(
                    "{} {} [{}]",
                    if orig.is_some() { "←" } else { "~" },
                    art(other).id,
                    art(other).outlet
                ),
                format!("{:?}", p.relation).to_lowercase(),
                format!("{:.2}", p.containment_a),
                format!("{:.2}", p.containment_b),
                p.common_sources.join("|"),
                kept.to_string(),
                note.trim().to_string(),
            ]
        })
        .collect();
    out.push_str(&columns(
        &[
            "copy", "of", "relation", "cont_a", "cont_b", "wire", "credit", "note",
        ],
        &rows,
    ));
    if let Some(m) = notable::more(order.len(), rows.len(), "copy pairs") {
        let _ = writeln!(out, "  {m}");
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_text_left_numbers_right() {
        let t = columns(
            &["name", "n"],
            &[
                vec!["a".into(), "10".into()],
                vec!["bbb".into(), "2".into()],
            ],
        );
        assert_eq!(t, "  name   n\n  a     10\n  bbb    2\n");
    }

    #[test]
    fn one_line_flattens_and_truncates() {
        assert_eq!(one_line("a\n b   c", 10), "a b c");
        assert_eq!(one_line("abcdefghij", 5), "abcd…");
    }
}
