//! Reports rendered from an [`Analysis`]: the `credence/1` JSON contract ([`json`]) and the
//! terminal report ([`table`]). Each format renders from the same analysis.

pub mod explain;
pub mod json;
pub mod table;

/// Output formats of `credence score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Human-readable terminal report.
    Table,
    /// The `credence/1` JSON contract.
    Json,
}
