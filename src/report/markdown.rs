//! Markdown report: tables a journalist can paste into a story or a wiki.

use std::fmt::Write as _;

use crate::analyze::Analysis;
use crate::registry::Registry;
use crate::report::notable;
use crate::report::table::one_line;

/// Escapes a table cell: pipes, line breaks, and Markdown that would change the layout.
pub fn cell(s: &str) -> String {
    one_line(s, 160)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Renders the Markdown report; `top` limits the article and copy lists.
pub fn render(analysis: &Analysis, registry: &Registry, top: usize) -> String {
    let sc = &analysis.scores;
    let mut out = String::new();
    let _ = writeln!(out, "# credence report\n");
    let _ = writeln!(
        out,
        "{} articles scored ({} rows, {} rejected), {} outlets, {} sources cited, {} copy pairs, {} claims.\n",
        analysis.articles.len(),
        analysis.rows,
        analysis.rejected.len(),
        analysis.outlets.len(),
        analysis.sources.len(),
        analysis.copies.pairs.len(),
        sc.claims.len()
    );
    if !analysis.outlets.is_empty() {
        out.push_str("## Outlets\n\n| outlet | score | 90% interval | articles | why |\n|---|---:|---|---:|---|\n");
        for &k in &notable::outlets(analysis) {
            let o = &analysis.outlets[k];
            let s = sc.outlets.get(&o.outlet);
            let (m, iv) = s.map_or(("-".into(), "-".into()), |s| {
                (
                    format!("{:.2}", s.reliability.mean),
                    format!("{:.2}–{:.2}", s.reliability.low, s.reliability.high),
                )
            });
            let why = s
                .and_then(|s| s.explanation.first())
                .map_or(String::new(), |e| cell(e));
            let _ = writeln!(
                out,
                "| {} | {m} | {iv} | {} | {why} |",
                cell(&o.outlet),
                o.articles
            );
        }
        out.push('\n');
    }
    if !analysis.sources.is_empty() {
        out.push_str(
            "## Sources cited\n\n| source | kind | trust | articles |\n|---|---|---:|---:|\n",
        );
        for s in &analysis.sources {
            let src = &registry.sources()[s.index];
            let t = sc
                .sources
                .get(&s.index)
                .map_or("-".into(), |r| format!("{:.2}", r.mean));
            let _ = writeln!(
                out,
                "| {} | {} | {t} | {} |",
                cell(&src.id),
                src.kind,
                s.cited_by
            );
        }
        out.push('\n');
    }
    if !analysis.copies.stories.is_empty() {
        out.push_str("## Lineages\n\n");
        let order = notable::stories(analysis);
        for &k in order.iter().take(top) {
            let s = &analysis.copies.stories[k];
            let _ = writeln!(out, "- {}", cell(&notable::lineage_line(analysis, s)));
        }
        if let Some(m) = notable::more(order.len(), top.min(order.len()), "lineages") {
            let _ = writeln!(out, "\n{m}");
        }
        out.push('\n');
    }
    if !analysis.copies.pairs.is_empty() {
        let art = |i: usize| &analysis.articles[i].article;
        out.push_str("## Copies\n\n| copy | original | relation | copied | wire | credit | note |\n|---|---|---|---:|---|---|---|\n");
        let order = notable::copies(analysis);
        for &k in order.iter().take(top) {
            let p = &analysis.copies.pairs[k];
            let (copy, orig, share, credited) = match p.original {
                Some(o) if o == p.a => (p.b, Some(p.a), p.containment_b, p.credited_b),
                Some(o) => (p.a, Some(o), p.containment_a, p.credited_a),
                None => (p.a, None, p.containment_a, None),
            };
            let credit = match credited {
                Some(true) => "kept",
                Some(false) => "dropped",
                None => "-",
            };
            let note = if p.laundered {
                "**laundered**"
            } else if p.same_outlet {
                "same outlet"
            } else {
                ""
            };
            let named = |i: usize| cell(&format!("{} ({})", art(i).id, art(i).outlet));
            let _ = writeln!(
                out,
                "| {} | {} | {:?} | {:.0}% | {} | {credit} | {note} |",
                named(copy),
                orig.map_or_else(|| format!("? ~ {}", named(p.b)), named),
                p.relation,
                share * 100.0,
                p.common_sources.join(", ")
            );
        }
        if let Some(m) = notable::more(order.len(), top.min(order.len()), "copy pairs") {
            let _ = writeln!(out, "\n{m}");
        }
        out.push('\n');
    }
    out.push_str("## Articles (lowest score first)\n\n| id | outlet | score | garble | sources | why |\n|---|---|---:|---:|---|---|\n");
    let order = notable::articles(analysis);
    for &i in order.iter().take(top) {
        let a = &analysis.articles[i];
        let s = sc.articles.get(i);
        let mut srcs: Vec<&str> = a
            .citations
            .iter()
            .filter(|c| c.kind != crate::citations::CitationKind::Mention)
            .map(|c| c.source.as_str())
            .collect();
        srcs.sort_unstable();
        srcs.dedup();
        let why = analysis
            .contributions(i, registry)
            .first()
            .map_or(String::new(), |c| {
                cell(&format!("{:+.2}: {}", c.delta, c.text))
            });
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.2} | {} | {why} |",
            cell(&a.article.id),
            cell(&a.article.outlet),
            s.map_or("-".into(), |s| format!("{:.2}", s.reliability.mean)),
            a.garble,
            cell(&srcs.join(", "))
        );
    }
    if let Some(m) = notable::more(analysis.articles.len(), top, "articles") {
        let _ = writeln!(out, "\n{m}");
    }
    if !analysis.rejected.is_empty() {
        out.push_str("\n## Rejected rows\n\n| line | id | reason |\n|---:|---|---|\n");
        for r in analysis.rejected.iter().take(top) {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                r.line,
                cell(r.id.as_deref().unwrap_or("-")),
                cell(&r.reason.to_string())
            );
        }
        if let Some(m) = notable::more(analysis.rejected.len(), top, "rejected rows") {
            let _ = writeln!(out, "\n{m}");
        }
    }
    out
}
