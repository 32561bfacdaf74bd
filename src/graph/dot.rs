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
    }
}

fn source_style(kind: &str) -> (&'static str, &'static str) {
    // Okabe–Ito colours: distinguishable with colour-blindness.
    match kind {
        "news_agency" => ("box", "#56B4E9"),
        "state_media" => ("box", "#E69F00"),
        "intelligence" => ("hexagon", "#CC79A7"),
        "government" => ("house", "#F0E442"),
        "outlet" => ("box", "#009E73"),
        _ => ("box", "#BBBBBB"),
    }
}

/// Renders the graph as DOT.
pub fn render(g: &CitationGraph) -> String {
    let mut out = String::new();
    out.push_str("digraph credence {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for idx in g.graph.node_indices() {
        let n = &g.graph[idx];
        let attrs = match n {
            Node::Outlet(name) => format!("label={}, shape=ellipse, style=filled, fillcolor=\"#FFFFFF\"", quote(name)),
            Node::Article(id) => format!("label={}, shape=note", quote(id)),
            Node::Source(id) => {
                let (name, kind) = g.source_info.get(id).map_or((id.as_str(), "other"), |(n, k)| (n.as_str(), *k));
                let (shape, color) = source_style(kind);
                let label = if name == id { id.clone() } else { format!("{id}\n{name}") };
                format!("label={}, shape={shape}, style=filled, fillcolor=\"{color}\", tooltip={}", quote(&label), quote(kind))
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
            Edge::Copies(pct) => format!("style=dotted, color=\"#D55E00\", penwidth=2, label=\"copy {pct}%\""),
            Edge::CopiesFrom => format!("style=dotted, color=\"#D55E00\", penwidth={:.1}, label=\"copies ×{weight}\"", 1.0 + (weight as f64).ln()),
        };
        let label = match edge {
            Edge::Cites(k) if weight > 1 => format!(", label={}, penwidth={:.1}", quote(&format!("{} ×{weight}", k.as_str())), 1.0 + (weight as f64).ln()),
            Edge::Cites(k) => format!(", label={}", quote(k.as_str())),
            _ => String::new(),
        };
        let _ = writeln!(out, "  {} -> {} [{style}{label}];", node_id(&g.graph[e.source()]), node_id(&g.graph[e.target()]));
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quoting_escapes_everything_dot_cares_about() {
        assert_eq!(quote("a\"b\\c\nd{e}<f>"), "\"a\\\"b\\\\c\\nd{e}<f>\"");
        assert_eq!(quote("x\r\u{7}y"), "\"x y\"");
    }
}
