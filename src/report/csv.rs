//! CSV exports, one table at a time, safe against spreadsheet formula injection: a text cell that
//! starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`.

use crate::analyze::Analysis;
use crate::registry::Registry;

/// Which table to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// One row per article.
    Articles,
    /// One row per outlet.
    Outlets,
    /// One row per cited source.
    Sources,
    /// One row per verified copy pair.
    Copies,
    /// One row per claim group.
    Claims,
    /// One row per article: the named features its score is built from (what
    /// `scripts/fit_weights.py` fits the weights on).
    Features,
}

/// A text cell made safe for spreadsheets.
pub fn safe(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn num(x: f64) -> String {
    format!("{x:.4}")
}

/// Renders `table` as CSV.
pub fn render(analysis: &Analysis, registry: &Registry, table: Table) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let sc = &analysis.scores;
    let id = |i: usize| analysis.articles[i].article.id.as_str();
    let opt = |o: Option<&str>| o.map(safe).unwrap_or_default();
    match table {
        Table::Articles => {
            let _ = w.write_record([
                "id",
                "outlet",
                "title",
                "published",
                "lang",
                "reliability",
                "low",
                "high",
                "garble",
                "credits",
                "sources",
                "flags",
                "explanation",
            ]);
            for (i, a) in analysis.articles.iter().enumerate() {
                let r = sc.articles.get(i).map(|s| s.reliability);
                let mut credits: Vec<&str> = a
                    .citations
                    .iter()
                    .filter(|c| c.kind == crate::citations::CitationKind::Credit)
                    .map(|c| c.source.as_str())
                    .collect();
                credits.dedup();
                let mut sources: Vec<&str> = a
                    .citations
                    .iter()
                    .filter(|c| c.kind != crate::citations::CitationKind::Mention)
                    .map(|c| c.source.as_str())
                    .collect();
                sources.sort_unstable();
                sources.dedup();
                let flags: Vec<&str> = a
                    .flags
                    .iter()
                    .filter(|f| f.counted)
                    .map(|f| f.kind.as_str())
                    .collect();
                let expl: Vec<String> = analysis
                    .contributions(i, registry)
                    .iter()
                    .map(|c| format!("{:+.2}: {}", c.delta, c.text))
                    .collect();
                let _ = w.write_record([
                    safe(&a.article.id),
                    safe(&a.article.outlet),
                    opt(a.article.title.as_deref()),
                    opt(a.article.published.as_deref()),
                    opt(a.lang.as_deref()),
                    r.map_or(String::new(), |r| num(r.mean)),
                    r.map_or(String::new(), |r| num(r.low)),
                    r.map_or(String::new(), |r| num(r.high)),
                    num(a.garble),
                    safe(&credits.join("|")),
                    safe(&sources.join("|")),
                    safe(&flags.join("|")),
                    safe(&expl.join(" | ")),
                ]);
            }
        }
        Table::Features => {
            let mut head = vec!["id", "outlet", "domain", "reliability"];
            head.extend(crate::score::weights::FEATURES);
            let _ = w.write_record(&head);
            for (i, a) in analysis.articles.iter().enumerate() {
                let r = sc.articles.get(i).map(|s| s.reliability);
                let mut row = vec![
                    safe(&a.article.id),
                    safe(&a.article.outlet),
                    opt(a.article.domain.as_deref()),
                    r.map_or(String::new(), |r| num(r.mean)),
                ];
                row.extend(sc.features(i, a, registry).iter().map(|&x| num(x)));
                let _ = w.write_record(&row);
            }
        }
        Table::Outlets => {
            let _ = w.write_record([
                "outlet",
                "domain",
                "articles",
                "reliability",
                "low",
                "high",
                "explanation",
            ]);
            for o in &analysis.outlets {
                let s = sc.outlets.get(&o.outlet);
                let r = s.map(|s| s.reliability);
                let _ = w.write_record([
                    safe(&o.outlet),
                    opt(o.domain.as_deref()),
                    o.articles.to_string(),
                    r.map_or(String::new(), |r| num(r.mean)),
                    r.map_or(String::new(), |r| num(r.low)),
                    r.map_or(String::new(), |r| num(r.high)),
                    safe(&s.map_or(String::new(), |s| s.explanation.join(" | "))),
                ]);
            }
        }
        Table::Sources => {
            let _ = w.write_record([
                "id",
                "name",
                "kind",
                "cited_by",
                "reliability",
                "low",
                "high",
                "prior_source",
            ]);
            for s in &analysis.sources {
                let src = &registry.sources()[s.index];
                let r = sc.sources.get(&s.index).copied().unwrap_or_else(|| {
                    crate::score::Reliability::from_mean(src.prior_mean, src.prior_strength)
                });
                let _ = w.write_record([
                    safe(&src.id),
                    safe(&src.name),
                    src.kind.as_str().to_string(),
                    s.cited_by.to_string(),
                    num(r.mean),
                    num(r.low),
                    num(r.high),
                    safe(&src.prior_source),
                ]);
            }
        }
        Table::Copies => {
            let _ = w.write_record([
                "a",
                "b",
                "relation",
                "containment_a",
                "containment_b",
                "original",
                "common_sources",
                "credited_a",
                "credited_b",
                "same_outlet",
                "laundered",
                "passages",
            ]);
            let b = |x: Option<bool>| x.map_or(String::new(), |v| v.to_string());
            for p in &analysis.copies.pairs {
                let _ = w.write_record([
                    safe(id(p.a)),
                    safe(id(p.b)),
                    format!("{:?}", p.relation).to_lowercase(),
                    num(p.containment_a),
                    num(p.containment_b),
                    p.original.map_or(String::new(), |o| safe(id(o))),
                    safe(&p.common_sources.join("|")),
                    b(p.credited_a),
                    b(p.credited_b),
                    p.same_outlet.to_string(),
                    p.laundered.to_string(),
                    p.passages.len().to_string(),
                ]);
            }
        }
        Table::Claims => {
            let _ = w.write_record([
                "id",
                "value",
                "high",
                "bound",
                "unit",
                "articles",
                "sources",
                "support",
                "confidence",
                "contradicted_by",
            ]);
            for (k, g) in sc.claims.iter().enumerate() {
                let arts: Vec<&str> = g.articles.iter().map(|&i| id(i)).collect();
                let contra: Vec<String> = g.contradicted_by.iter().map(|x| x.to_string()).collect();
                let _ = w.write_record([
                    k.to_string(),
                    format!("{}", g.low),
                    format!("{}", g.high),
                    g.bound.as_str().to_string(),
                    safe(&g.unit),
                    safe(&arts.join("|")),
                    safe(&g.sources.join("|")),
                    g.support.to_string(),
                    num(g.confidence),
                    contra.join("|"),
                ]);
            }
        }
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe("+1"), "'+1");
        assert_eq!(safe("@SUM"), "'@SUM");
        assert_eq!(safe("plain"), "plain");
    }
}
