//! Reports rendered from an [`Analysis`]: the `credence/1` JSON contract ([`json`]), the terminal
//! report ([`table`]), Markdown, CSV and HTML. Each format renders from the same analysis, behind
//! one [`Exporter`] trait (the shape of hyperfine's exporters): the CLI picks one and hands it a
//! writer.

use std::io::{self, Write};

use crate::analyze::Analysis;
use crate::registry::Registry;

pub mod csv;
pub mod explain;
pub mod html;
pub mod json;
pub mod markdown;
pub mod notable;
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

/// Writes one report format of an analysis.
pub trait Exporter {
    /// Writes the report of `analysis` (scored with `registry`) to `out`.
    fn write(
        &self,
        analysis: &Analysis,
        registry: &Registry,
        out: &mut dyn Write,
    ) -> io::Result<()>;
}

/// The `credence/1` JSON contract, streamed element by element.
pub struct JsonExporter;

impl Exporter for JsonExporter {
    fn write(
        &self,
        analysis: &Analysis,
        registry: &Registry,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        json::write(analysis, registry, analysis.outlet_priors, out)
    }
}

/// The terminal report: `top` articles per list, ANSI colour when `color`.
pub struct TableExporter {
    /// Rows per list.
    pub top: usize,
    /// ANSI colours.
    pub color: bool,
}

impl Exporter for TableExporter {
    fn write(
        &self,
        analysis: &Analysis,
        registry: &Registry,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        out.write_all(table::render_with(analysis, registry, self.top, self.color).as_bytes())
    }
}

/// Markdown tables.
pub struct MarkdownExporter {
    /// Rows per list.
    pub top: usize,
}

impl Exporter for MarkdownExporter {
    fn write(
        &self,
        analysis: &Analysis,
        registry: &Registry,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        out.write_all(markdown::render(analysis, registry, self.top).as_bytes())
    }
}

/// One CSV table.
pub struct CsvExporter {
    /// Which table.
    pub table: csv::Table,
}

impl Exporter for CsvExporter {
    fn write(
        &self,
        analysis: &Analysis,
        registry: &Registry,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        out.write_all(csv::render(analysis, registry, self.table).as_bytes())
    }
}

/// What a shared report states about how it was made (no wall-clock date and no output path, so
/// the same input and options give the same bytes).
#[derive(Debug, Clone, Default)]
pub struct About {
    /// The input file's name (without its directory).
    pub input: String,
    /// The options that change the report, as typed on a command line.
    pub options: String,
}

/// A self-contained HTML report with its graph drawn as `svg`.
pub struct HtmlExporter {
    /// The graph, already rendered.
    pub svg: String,
    /// Rows per list.
    pub top: usize,
    /// Input and options, stated in the report.
    pub about: About,
}

impl Exporter for HtmlExporter {
    fn write(
        &self,
        analysis: &Analysis,
        registry: &Registry,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        out.write_all(html::render(analysis, registry, &self.svg, self.top, &self.about).as_bytes())
    }
}
