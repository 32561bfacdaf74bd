//! SVG rendering without Graphviz, with the pure-Rust `layout-rs` layout.
//!
//! layout-rs grows about cubically with the graph and panics on an empty graph
//! (`../shared/notes/engineering.md`): the SVG shows at most [`MAX_NODES`] nodes (strongest edges
//! first) and an empty graph renders as a placeholder; the DOT output always keeps the whole graph.

use std::collections::BTreeSet;

use petgraph::visit::EdgeRef;

use super::dot::{quote, score_color, source_style};
use super::{CitationGraph, Edge, Node};
use crate::citations::CitationKind;

/// Most nodes drawn in an SVG.
pub const MAX_NODES: usize = 120;

fn id(n: &Node) -> String {
    match n {
        Node::Outlet(s) => format!("o{}", hex(s)),
        Node::Article(s) => format!("a{}", hex(s)),
        Node::Source(s) => format!("s{}", hex(s)),
        Node::Dispatch(s) => format!("d{}", hex(s)),
    }
}

/// Identifiers layout-rs accepts whatever the name holds.
fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

/// Labels without characters layout-rs's parser trips on.
fn plain(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| {
            if c.is_control() || c == '"' || c == '\\' {
                ' '
            } else {
                c
            }
        })
        .collect();
    if t.chars().count() > 28 {
        format!("{}…", t.chars().take(27).collect::<String>())
    } else {
        t
    }
}

/// A DOT dialect layout-rs understands: integer widths, no clusters, hex identifiers.
fn simple_dot(g: &CitationGraph) -> (String, usize, usize) {
    let mut edges: Vec<_> = g.graph.edge_references().collect();
    edges.sort_by(|a, b| b.weight().1.cmp(&a.weight().1).then(a.id().cmp(&b.id())));
    let mut keep: BTreeSet<petgraph::graph::NodeIndex> = BTreeSet::new();
    let mut kept_edges = Vec::new();
    for e in edges {
        let new = [e.source(), e.target()]
            .iter()
            .filter(|n| !keep.contains(n))
            .count();
        if keep.len() + new > MAX_NODES {
            continue;
        }
        keep.insert(e.source());
        keep.insert(e.target());
        kept_edges.push(e);
    }
    let mut out = String::from("digraph G {\n  rankdir=LR;\n");
    for &n in &keep {
        let node = &g.graph[n];
        let fill = g.score.get(node).map_or("#FFFFFF", |&s| score_color(s));
        let (label, shape, border) = match node {
            Node::Outlet(s) => (plain(s), "ellipse", "#000000"),
            Node::Article(s) => (plain(s), "box", "#666666"),
            Node::Dispatch(s) => (plain(s), "box", "#D55E00"),
            Node::Source(s) => {
                let kind = g.source_info.get(s).map_or("other", |(_, k)| *k);
                let (shape, border) = source_style(kind);
                (
                    plain(s),
                    if shape == "box" { "box" } else { "ellipse" },
                    border,
                )
            }
        };
        out.push_str(&format!("  {} [label={}, shape={shape}, color=\"{border}\", fillcolor=\"{fill}\", style=filled];\n", id(node), quote(&label)));
    }
    for e in &kept_edges {
        let (edge, w) = *e.weight();
        let (style, color, label) = match edge {
            Edge::Publishes => ("solid", "#999999", String::new()),
            Edge::Cites(CitationKind::Credit) => (
                "solid",
                "#0072B2",
                if w > 1 {
                    format!("credit x{w}")
                } else {
                    "credit".into()
                },
            ),
            Edge::Cites(CitationKind::Attribution) => (
                "dashed",
                "#0072B2",
                if w > 1 {
                    format!("attribution x{w}")
                } else {
                    "attribution".into()
                },
            ),
            Edge::Cites(CitationKind::Relay) => ("dashed", "#CC79A7", "relay".into()),
            Edge::Cites(CitationKind::Mention) => ("dashed", "#BBBBBB", String::new()),
            Edge::Relays => ("solid", "#CC79A7", "relays".into()),
            Edge::CopiedFrom(0) => ("solid", "#D55E00", "runs".into()),
            Edge::CopiedFrom(p) => ("solid", "#D55E00", format!("copied {p}%")),
            Edge::Copies(p) => ("dashed", "#D55E00", format!("reuses {p}%")),
            Edge::CopiesFrom => ("dashed", "#D55E00", format!("copies x{w}")),
            Edge::Translated(p) => ("dashed", "#009E73", format!("translates {p}%")),
        };
        let width = 1 + (w as f64).ln().round() as usize;
        let label = if label.is_empty() {
            String::new()
        } else {
            format!(", label={}", quote(&label))
        };
        out.push_str(&format!(
            "  {} -> {} [style={style}, color=\"{color}\", penwidth={width}{label}];\n",
            id(&g.graph[e.source()]),
            id(&g.graph[e.target()])
        ));
    }
    out.push_str("}\n");
    (out, keep.len(), g.graph.node_count())
}

fn placeholder(text: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"360\" height=\"60\" viewBox=\"0 0 360 60\"><text x=\"10\" y=\"35\" font-family=\"sans-serif\" font-size=\"14\">{}</text></svg>\n",
        crate::report::html::escape(text)
    )
}

/// Renders the graph as SVG; a note in the SVG says when nodes were left out.
pub fn render(g: &CitationGraph) -> String {
    let (dot, shown, total) = simple_dot(g);
    if shown == 0 {
        return placeholder("empty graph: nothing cited, nothing copied");
    }
    let rendered = std::panic::catch_unwind(|| {
        let mut parser = layout::gv::DotParser::new(&dot);
        let ast = parser.process().ok()?;
        let mut builder = layout::gv::GraphBuilder::new();
        builder.visit_graph(&ast);
        let mut vg = builder.get();
        let mut svg = layout::backends::svg::SVGWriter::new();
        vg.do_it(false, false, false, &mut svg);
        Some(svg.finalize())
    });
    match rendered {
        Ok(Some(svg)) => with_legend(&sorted_style(&svg), shown, total),
        _ => placeholder("graph layout failed: use the DOT output with Graphviz"),
    }
}

/// layout-rs writes its font classes in hash-map order; sort the lines of the `<style>` block so
/// that the same graph always gives the same bytes.
fn sorted_style(svg: &str) -> String {
    let (Some(open), Some(close)) = (svg.find("<style>\n"), svg.find("</style>")) else {
        return svg.to_string();
    };
    let body = open + "<style>\n".len();
    if close < body {
        return svg.to_string();
    }
    let mut lines: Vec<&str> = svg[body..close].lines().collect();
    lines.sort_unstable();
    let mut out = String::with_capacity(svg.len());
    out.push_str(&svg[..body]);
    for l in lines {
        out.push_str(l);
        out.push('\n');
    }
    out.push_str(&svg[close..]);
    out
}

fn attr(tag: &str, name: &str) -> Option<f64> {
    let i = tag.find(&format!("{name}=\""))? + name.len() + 2;
    tag[i..].split('"').next()?.parse().ok()
}

/// The drawing with a legend strip under it (layout-rs draws no clusters).
fn with_legend(svg: &str, shown: usize, total: usize) -> String {
    let Some(start) = svg.find("<svg") else {
        return svg.to_string();
    };
    let inner = &svg[start..];
    let tag_end = inner.find('>').unwrap_or(0);
    let tag = &inner[..tag_end];
    let (Some(w), Some(h)) = (attr(tag, "width"), attr(tag, "height")) else {
        return svg.to_string();
    };
    let w = w.max(640.0);
    let legend_h = 64.0;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{}\" viewBox=\"0 0 {w} {}\">\n",
        h + legend_h,
        h + legend_h
    );
    out.push_str(inner.trim_end());
    out.push('\n');
    let y = h + 8.0;
    let _ = std::fmt::Write::write_fmt(
        &mut out,
        format_args!(
            "<g font-family=\"sans-serif\" font-size=\"11\" transform=\"translate(8,{y})\">"
        ),
    );
    let items = [
        ("#D55E00", "score &lt; 0.35"),
        ("#E69F00", "0.35–0.45"),
        ("#F0E442", "0.45–0.55"),
        ("#56B4E9", "0.55–0.65"),
        ("#0072B2", "≥ 0.65"),
    ];
    for (k, (c, t)) in items.iter().enumerate() {
        let x = k as f64 * 100.0;
        let _ = std::fmt::Write::write_fmt(&mut out, format_args!("<rect x=\"{x}\" y=\"0\" width=\"14\" height=\"12\" fill=\"{c}\" stroke=\"#333\"/><text x=\"{}\" y=\"10\">{t}</text>", x + 18.0));
    }
    let lines = [
        ("#0072B2", "", "credit"),
        ("#0072B2", "5,3", "attribution"),
        ("#CC79A7", "5,3", "relay"),
        ("#D55E00", "2,2", "copy (share copied)"),
    ];
    for (k, (c, dash, t)) in lines.iter().enumerate() {
        let x = k as f64 * 130.0;
        let _ = std::fmt::Write::write_fmt(&mut out, format_args!(
            "<line x1=\"{x}\" y1=\"32\" x2=\"{}\" y2=\"32\" stroke=\"{c}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\"/><text x=\"{}\" y=\"36\">{t}</text>",
            x + 30.0,
            x + 36.0
        ));
    }
    if shown < total {
        let _ = std::fmt::Write::write_fmt(&mut out, format_args!("<text x=\"0\" y=\"54\">{shown} of {total} nodes drawn (strongest edges first); the DOT output has them all</text>"));
    }
    out.push_str("</g></svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_lines_are_sorted() {
        let svg = "<svg><style>\n.a15 { x }\n.a14 { y }\n</style><g/></svg>";
        assert_eq!(
            sorted_style(svg),
            "<svg><style>\n.a14 { y }\n.a15 { x }\n</style><g/></svg>"
        );
    }
}
