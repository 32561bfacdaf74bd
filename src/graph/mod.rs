//! The citation graph: outlets publish articles, articles cite sources, sources relay sources.
//!
//! Built with `petgraph` from an [`Analysis`]; [`dot`] renders it as Graphviz DOT.

pub mod dot;
pub mod svg;

use std::collections::BTreeMap;

use petgraph::graph::{DiGraph, NodeIndex};

use crate::analyze::Analysis;
use crate::citations::CitationKind;
use crate::registry::Registry;

/// A node of the citation graph.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Node {
    /// A publishing outlet (unknown outlets are left out).
    Outlet(String),
    /// An article, by id.
    Article(String),
    /// A registry source, by id.
    Source(String),
    /// A virtual dispatch (a lineage root not in the input), by its story id.
    Dispatch(String),
}

/// An edge of the citation graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Edge {
    /// Outlet → article.
    Publishes,
    /// Article → source (or, at outlet level, outlet → source), by citation kind.
    Cites(CitationKind),
    /// Source → source: the first relays the second ("Yonhap, citing the NIS").
    Relays,
    /// Article → article or virtual dispatch: the lineage edge (`copied_from`), with the share of
    /// the copy covered by its source in percent (0 towards a virtual dispatch).
    CopiedFrom(u8),
    /// Article → article: partial reuse between two articles (the copy towards its likely
    /// original, else the pair's second id), with the copied share of the copy in percent.
    /// Wholesale pairs are drawn through their lineage edges only.
    Copies(u8),
    /// Outlet → outlet (outlet level): this many articles of the first are copied from articles
    /// of the second.
    CopiesFrom,
    /// Article → article: a translation towards its likely original (else towards the pair's
    /// first id), with the aligned share of the translation's sentences in percent.
    Translated(u8),
}

/// How much detail the graph keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Outlets, articles and sources.
    Article,
    /// Articles collapsed into their outlets; edge weights count articles.
    Outlet,
}

/// The citation graph with edge weights (article counts at outlet level, 1 otherwise).
#[derive(Debug, Clone)]
pub struct CitationGraph {
    /// The petgraph graph; node and edge order follow sorted keys, so output is deterministic.
    pub graph: DiGraph<Node, (Edge, usize)>,
    /// Source nodes' display names and kinds, by source id.
    pub source_info: BTreeMap<String, (String, &'static str)>,
    /// Reliability mean of each scored node (outlets, articles, sources).
    pub score: BTreeMap<Node, f64>,
}

/// What to draw.
#[derive(Debug, Clone)]
pub struct GraphOptions {
    /// Articles, or articles collapsed into outlets.
    pub level: Level,
    /// Drop edges whose weight (article count at outlet level) is below this.
    pub min_weight: usize,
    /// Keep only this outlet, its articles, what they cite and what they copy.
    pub focus: Option<String>,
    /// Draw mentions (a source named without being a source of the content).
    pub mentions: bool,
}

impl Default for GraphOptions {
    fn default() -> Self {
        GraphOptions {
            level: Level::Article,
            min_weight: 1,
            focus: None,
            mentions: false,
        }
    }
}

/// Builds the graph at `level` with no filter.
pub fn build(analysis: &Analysis, registry: &Registry, level: Level) -> CitationGraph {
    build_with(
        analysis,
        registry,
        &GraphOptions {
            level,
            ..GraphOptions::default()
        },
    )
}

/// Lineage edges (`copied_from`) and partial-reuse edges at article level; copy flows between
/// outlets weighted by copied articles at outlet level.
fn copy_edges(analysis: &Analysis, level: Level, edges: &mut BTreeMap<(Node, Node, Edge), usize>) {
    let copies = &analysis.copies;
    let art = |i: usize| &analysis.articles[i].article;
    let pct = |x: f64| (x * 100.0).round().clamp(0.0, 100.0) as u8;
    let index = copies.index();
    let share_of = |copy: usize, orig: usize| {
        index.get(copy, orig).map_or(0.0, |p| {
            if p.a == copy {
                p.containment_a
            } else {
                p.containment_b
            }
        })
    };
    for (i, origin) in copies.copied_from.iter().enumerate() {
        let Some(origin) = origin else { continue };
        match (level, *origin) {
            (Level::Article, crate::copies::Origin::Article(o)) => {
                // A translated lineage edge keeps the translation's style.
                let translated = index
                    .get(i, o)
                    .is_some_and(|p| p.relation == crate::copies::Relation::Translated);
                let share = pct(share_of(i, o));
                let key = (
                    Node::Article(art(i).id.clone()),
                    Node::Article(art(o).id.clone()),
                    if translated {
                        Edge::Translated(share)
                    } else {
                        Edge::CopiedFrom(share)
                    },
                );
                *edges.entry(key).or_default() += 1;
            }
            (Level::Article, crate::copies::Origin::Dispatch(s)) => {
                let key = (
                    Node::Article(art(i).id.clone()),
                    Node::Dispatch(copies.stories[s].id.clone()),
                    Edge::CopiedFrom(0),
                );
                *edges.entry(key).or_default() += 1;
            }
            (Level::Outlet, crate::copies::Origin::Article(o))
                if art(i).outlet_known && art(o).outlet_known && art(i).outlet != art(o).outlet =>
            {
                let key = (
                    Node::Outlet(art(i).outlet.clone()),
                    Node::Outlet(art(o).outlet.clone()),
                    Edge::CopiesFrom,
                );
                *edges.entry(key).or_default() += 1;
            }
            _ => {}
        }
    }
    if level == Level::Article {
        use crate::copies::Relation;
        for p in copies
            .pairs
            .iter()
            .filter(|p| matches!(p.relation, Relation::Partially | Relation::Translated))
        {
            let (copy, share) = match (p.original, p.relation) {
                (Some(o), _) if o == p.a => (p.b, p.containment_b),
                // An undirected translation points at the first id.
                (None, Relation::Translated) => (p.b, p.containment_b),
                _ => (p.a, p.containment_a),
            };
            let orig = if copy == p.a { p.b } else { p.a };
            // A translation that is a lineage edge was drawn above.
            if copies.copied_from[copy] == Some(crate::copies::Origin::Article(orig)) {
                continue;
            }
            let edge = if p.relation == Relation::Translated {
                Edge::Translated(pct(share))
            } else {
                Edge::Copies(pct(share))
            };
            let key = (
                Node::Article(art(copy).id.clone()),
                Node::Article(art(orig).id.clone()),
                edge,
            );
            *edges.entry(key).or_default() += 1;
        }
    }
}

/// Builds the graph with `opts`.
pub fn build_with(analysis: &Analysis, registry: &Registry, opts: &GraphOptions) -> CitationGraph {
    let level = opts.level;
    let mut nodes: BTreeMap<Node, NodeIndex> = BTreeMap::new();
    let mut edges: BTreeMap<(Node, Node, Edge), usize> = BTreeMap::new();
    let mut source_info = BTreeMap::new();
    for a in &analysis.articles {
        let art = &a.article;
        let holder = match level {
            Level::Article => Node::Article(art.id.clone()),
            Level::Outlet if art.outlet_known => Node::Outlet(art.outlet.clone()),
            Level::Outlet => Node::Article(art.id.clone()),
        };
        nodes.entry(holder.clone()).or_default();
        if level == Level::Article && art.outlet_known {
            *edges
                .entry((
                    Node::Outlet(art.outlet.clone()),
                    holder.clone(),
                    Edge::Publishes,
                ))
                .or_default() += 1;
        }
        let mut seen = std::collections::BTreeSet::new();
        for c in a
            .citations
            .iter()
            .filter(|c| opts.mentions || c.kind != CitationKind::Mention)
        {
            let target = Node::Source(c.source.clone());
            if let Some(s) = registry.get(&c.source) {
                source_info.insert(s.id.clone(), (s.name.clone(), s.kind.as_str()));
            }
            if seen.insert((c.source.clone(), c.kind)) {
                *edges
                    .entry((holder.clone(), target.clone(), Edge::Cites(c.kind)))
                    .or_default() += 1;
            }
            if let Some(via) = &c.via {
                if seen.insert((format!("{via}>{}", c.source), CitationKind::Relay)) {
                    *edges
                        .entry((Node::Source(via.clone()), target, Edge::Relays))
                        .or_default() += 1;
                }
                if let Some(s) = registry.get(via) {
                    source_info.insert(s.id.clone(), (s.name.clone(), s.kind.as_str()));
                }
            }
        }
    }
    copy_edges(analysis, level, &mut edges);
    let filtering = opts.min_weight > 1 || opts.focus.is_some();
    edges.retain(|(_, _, e), w| *e == Edge::Publishes || *w >= opts.min_weight);
    if let Some(focus) = &opts.focus {
        let outlet = Node::Outlet(focus.clone());
        let own: std::collections::BTreeSet<Node> = analysis
            .articles
            .iter()
            .filter(|a| a.article.outlet == *focus)
            .map(|a| Node::Article(a.article.id.clone()))
            .chain(std::iter::once(outlet))
            .collect();
        edges.retain(|(f, t, _), _| own.contains(f) || own.contains(t));
    }
    if filtering {
        nodes.clear();
        // Publishing edges alone do not keep an article that lost every other edge.
        let linked: std::collections::BTreeSet<Node> = edges
            .keys()
            .filter(|(_, _, e)| *e != Edge::Publishes)
            .flat_map(|(f, t, _)| [f.clone(), t.clone()])
            .collect();
        edges.retain(|(f, t, e), _| {
            *e != Edge::Publishes || linked.contains(t) || linked.contains(f)
        });
    }
    for (from, to, _) in edges.keys() {
        nodes.entry(from.clone()).or_default();
        nodes.entry(to.clone()).or_default();
    }
    let mut graph = DiGraph::with_capacity(nodes.len(), edges.len());
    for (node, idx) in nodes.iter_mut() {
        *idx = graph.add_node(node.clone());
    }
    for ((from, to, edge), weight) in edges {
        graph.add_edge(nodes[&from], nodes[&to], (edge, weight));
    }
    let mut score = BTreeMap::new();
    for (i, a) in analysis.articles.iter().enumerate() {
        if let Some(sc) = analysis.scores.articles.get(i) {
            score.insert(Node::Article(a.article.id.clone()), sc.reliability.mean);
        }
    }
    for (o, sc) in &analysis.scores.outlets {
        score.insert(Node::Outlet(o.clone()), sc.reliability.mean);
    }
    for (&i, r) in &analysis.scores.sources {
        score.insert(Node::Source(registry.sources()[i].id.clone()), r.mean);
    }
    score.retain(|n, _| nodes.contains_key(n));
    CitationGraph {
        graph,
        source_info,
        score,
    }
}
