//! Graphviz DOT output. Every identifier and label is a quoted, escaped string, so `dot` accepts
//! the output whatever names the input holds.

use std::fmt::Write as _;

use petgraph::visit::EdgeRef;

use super::{CitationGraph, Edge, Node};
use crate::citations::CitationKind;

/// Escapes `s` for a double-quoted DOT string.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn node_id(n: &Node) -> String {
    match n {
        Node::Outlet(s) => quote(&format!("outlet:{s}")),
        Node::Article(s) => quote(&format!("article:{s}")),
        Node::Source(s) => quote(&format!("source:{s}")),
        Node::Dispatch(s) => quote(s),
    }
}

/// Fill colour of a reliability score on an Okabe–Ito scale (vermillion → orange → yellow → sky
/// blue → blue), readable with the common forms of colour-blindness.
pub fn score_color(score: f64) -> &'static str {
    match score {
        s if s < 0.35 => "#D55E00",
        s if s < 0.45 => "#E69F00",
        s if s < 0.55 => "#F0E442",
        s if s < 0.65 => "#56B4E9",
        _ => "#0072B2",
    }
}

/// Shape and border colour of a source node by kind.
pub fn source_style(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "news_agency" => ("box", "#0072B2"),
        "state_media" => ("box", "#D55E00"),
        "intelligence" => ("hexagon", "#CC79A7"),
        "government" => ("house", "#000000"),
        "outlet" => ("box", "#009E73"),
        _ => ("box", "#999999"),
    }
}

/// Renders the graph as DOT.
pub fn render(g: &CitationGraph) -> String {
    let mut out = String::new();
    out.push_str("digraph credence {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for idx in g.graph.node_indices() {
        let n = &g.graph[idx];
        let attrs = match n {
            Node::Outlet(name) => {
                let (fill, label) = scored(g, n, name);
                format!(
                    "label={}, shape=ellipse, style=filled, fillcolor=\"{fill}\"",
                    quote(&label)
                )
            }
            Node::Article(id) => {
                let (fill, label) = scored(g, n, id);
                format!(
                    "label={}, shape=note, style=filled, fillcolor=\"{fill}\"",
                    quote(&label)
                )
            }
            Node::Dispatch(id) => format!(
                "label={}, shape=note, style=\"dashed\", color=\"#D55E00\"",
                quote(&format!("{id}\n(not in the input)"))
            ),
            Node::Source(id) => {
                let (name, kind) = g
                    .source_info
                    .get(id)
                    .map_or((id.as_str(), "other"), |(n, k)| (n.as_str(), *k));
                let (shape, border) = source_style(kind);
                let (fill, _) = scored(g, n, id);
                let label = if name == id {
                    id.clone()
                } else {
                    format!("{id}\n{name}")
                };
                format!("label={}, shape={shape}, style=\"filled,bold\", color=\"{border}\", fillcolor=\"{fill}\", tooltip={}", quote(&label), quote(kind))
            }
        };
        let _ = writeln!(out, "  {} [{attrs}];", node_id(n));
    }
    for e in g.graph.edge_references() {
        let (edge, weight) = *e.weight();
        let style = match edge {
            Edge::Publishes => "color=\"#999999\", arrowhead=none".to_string(),
            Edge::Cites(CitationKind::Credit) => "style=solid, color=\"#0072B2\"".to_string(),
            Edge::Cites(CitationKind::Attribution) => "style=dashed, color=\"#0072B2\"".to_string(),
            Edge::Cites(CitationKind::Relay) => "style=dashed, color=\"#CC79A7\"".to_string(),
            Edge::Cites(CitationKind::Mention) => "style=dotted, color=\"#999999\"".to_string(),
            Edge::Relays => "style=bold, color=\"#CC79A7\", label=\"relays\"".to_string(),
            Edge::CopiedFrom(0) => {
                "style=solid, color=\"#D55E00\", penwidth=2, label=\"runs\"".to_string()
            }
            Edge::CopiedFrom(pct) => {
                format!("style=solid, color=\"#D55E00\", penwidth=2, label=\"copied {pct}%\"")
            }
            Edge::Copies(pct) => {
                format!("style=dotted, color=\"#D55E00\", penwidth=2, label=\"reuses {pct}%\"")
            }
            Edge::Translated(pct) => {
                format!("style=dashed, color=\"#009E73\", penwidth=2, label=\"translates {pct}%\"")
            }
            Edge::CopiesFrom => format!(
                "style=dotted, color=\"#D55E00\", penwidth={:.1}, label=\"copies ×{weight}\"",
                1.0 + (weight as f64).ln()
            ),
        };
        let label = match edge {
            Edge::Cites(k) if weight > 1 => format!(
                ", label={}, penwidth={:.1}",
                quote(&format!("{} ×{weight}", k.as_str())),
                1.0 + (weight as f64).ln()
            ),
            Edge::Cites(k) => format!(", label={}", quote(k.as_str())),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "  {} -> {} [{style}{label}];",
            node_id(&g.graph[e.source()]),
            node_id(&g.graph[e.target()])
        );
    }
    out.push_str(LEGEND);
    out.push_str("}\n");
    out
}

/// Fill colour from the node's score and a label carrying the score.
fn scored(g: &CitationGraph, n: &Node, name: &str) -> (&'static str, String) {
    match g.score.get(n) {
        Some(&s) => (score_color(s), format!("{name}\n{s:.2}")),
        None => ("#FFFFFF", name.to_string()),
    }
}

const LEGEND: &str = r##"  subgraph cluster_legend {
    label="legend"; fontsize=9; color="#999999";
    "legend:agency" [label="news agency", shape=box, style="filled,bold", color="#0072B2", fillcolor="#FFFFFF"];
    "legend:intel" [label="intelligence", shape=hexagon, style="filled,bold", color="#CC79A7", fillcolor="#FFFFFF"];
    "legend:gov" [label="government", shape=house, style="filled,bold", color="#000000", fillcolor="#FFFFFF"];
    "legend:low" [label="score < 0.35", shape=note, style=filled, fillcolor="#D55E00"];
    "legend:high" [label="score ≥ 0.65", shape=note, style=filled, fillcolor="#0072B2"];
    "legend:low" -> "legend:agency" [style=solid, color="#0072B2", label="credit"];
    "legend:high" -> "legend:intel" [style=dashed, color="#0072B2", label="attribution"];
    "legend:low" -> "legend:high" [style=dotted, color="#D55E00", penwidth=2, label="copy 80%"];
    "legend:high" -> "legend:gov" [style=dashed, color="#009E73", penwidth=2, label="translates 90%"];
  }
"##;

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quoting_escapes_everything_dot_cares_about() {
        assert_eq!(quote("a\"b\\c\nd{e}<f>"), "\"a\\\"b\\\\c\\nd{e}<f>\"");
        assert_eq!(quote("x\r\u{7}y"), "\"x y\"");
    }
}
