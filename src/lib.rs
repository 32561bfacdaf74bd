//! credence: source-reliability scoring for news articles.
//!
//! credence reads a CSV of articles and finds which agencies and primary sources each one credits
//! or cites, builds a citation graph of outlets → articles → sources, and reports it with
//! evidence. The stages run one way, each a plain function of the previous one's output:
//!
//! 1. [`ingest`]: CSV rows → [`ingest::Article`]s, bad rows rejected with line and reason;
//! 2. [`segment`] and [`normalize`]: lines, paragraphs and sentences; folded text with offsets;
//! 3. [`registry`]: the known sources, their aliases and priors;
//! 4. [`citations`]: every source occurrence as credit, attribution, relay or mention;
//! 5. [`boilerplate`] and [`copies`]: per-outlet furniture; republished copy, its direction and credit;
//!    [`garble`]: machine-translation artefacts, spun filler, navigation residue, language;
//!    [`model`]: the per-article record ([`model::ArticleFacts`]) those stages fill and the scorer reads;
//! 6. [`score`]: copy-aware propagation source ↔ claim ↔ article ↔ outlet with Beta intervals;
//! 7. [`analyze`]: runs the stages and aggregates outlets and sources;
//! 8. [`graph`]: the petgraph citation graph and its Graphviz DOT;
//! 9. [`report`]: the `credence/1` JSON contract and the terminal report.
#![deny(missing_docs)]

pub mod analyze;
pub mod boilerplate;
pub mod citations;
pub mod copies;
pub mod garble;
pub mod graph;
pub mod ingest;
pub mod model;
pub mod normalize;
pub mod registry;
pub mod report;
pub mod score;
pub mod segment;
#[cfg(test)]
mod testing;
pub mod text;
pub mod timing;

pub use analyze::{
    analyze, analyze_input, analyze_progress, analyze_with, Analysis, Options, Progress,
};
pub use registry::Registry;
