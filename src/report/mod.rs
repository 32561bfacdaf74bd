//! Reports rendered from an [`Analysis`]: the `credence/1` JSON contract ([`json`]) and the
//! terminal report ([`table`]). Each format renders from the same analysis.

pub mod csv;
pub mod explain;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;

/// Output formats of `credence score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Human-readable terminal report.
    Table,
    /// The `credence/1` JSON contract.
    Json,
    /// Markdown tables.
    Markdown,
    /// One CSV table.
    Csv,
    /// A self-contained HTML report.
    Html,
}
