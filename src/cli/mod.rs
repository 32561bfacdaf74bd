//! Command-line interface: argument parsing and output only; the work is in the library.

mod progress;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use credence::copies::CopyOptions;
use credence::graph::{self, GraphOptions, Level};
use credence::ingest::{Encoding, Input, ReadOptions};
use credence::report::{self, csv::Table};
use credence::score::{OutletPriors, ScoreOptions};
use credence::{analyze_input, Analysis, Options, Registry};

/// Source-reliability scoring for news articles.
#[derive(Parser, Debug)]
#[command(name = "credence", version, about, long_about = None)]
struct Cli {
    /// Worker threads (default: one per core). Output is byte-identical whatever the count.
    #[arg(long, global = true)]
    threads: Option<usize>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Score a CSV of articles and print a report.
    Score {
        /// Input CSV (`-` for stdin).
        file: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
        /// Table for `--format csv`.
        #[arg(long, value_enum, default_value_t = TableArg::Articles)]
        table: TableArg,
        /// Articles and copy pairs listed in table, Markdown and HTML reports.
        #[arg(long, default_value_t = 50)]
        top: usize,
        #[command(flatten)]
        common: Common,
    },
    /// Draw the citation graph: Graphviz DOT (default) or SVG (pure-Rust layout).
    Graph {
        /// Input CSV (`-` for stdin).
        file: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
        /// Keep articles, or collapse them into their outlets.
        #[arg(long, value_enum, default_value_t = LevelArg::Article)]
        level: LevelArg,
        /// Drop edges carrying fewer articles than this.
        #[arg(long, default_value_t = 1)]
        min_weight: usize,
        /// Keep only this outlet, its articles and what they cite or copy.
        #[arg(long)]
        focus: Option<String>,
        /// Also draw mentions (sources named without being a source of the content).
        #[arg(long)]
        mentions: bool,
        #[command(flatten)]
        common: Common,
    },
    /// The full account of one article (by id) or one outlet, with evidence spans.
    Explain {
        /// Input CSV (`-` for stdin).
        file: String,
        /// An article id or an outlet name.
        key: String,
        #[command(flatten)]
        common: Common,
    },
    /// List the source registry.
    Sources {
        /// Registry CSV replacing the bundled `data/sources.csv`.
        #[arg(long)]
        registry: Option<PathBuf>,
    },
}

#[derive(clap::Args, Debug)]
struct Common {
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Registry CSV replacing the bundled `data/sources.csv`.
    #[arg(long)]
    registry: Option<PathBuf>,
    /// Outlet priors CSV (`domain,prior_mean,prior_source`), or `none` to keep every rating of a
    /// publishing outlet's own domain out of its score. Default: the bundled `data/outlet_priors.csv`.
    #[arg(long, value_name = "FILE|none")]
    outlet_priors: Option<String>,
    /// No progress bar, no summary of rejected rows and warnings on stderr.
    #[arg(short, long)]
    quiet: bool,
    /// Copy partners each article keeps (its strongest, by the share of the smaller text reused);
    /// a pair is listed when it is among the strongest of either side.
    #[arg(long, value_name = "N", default_value_t = credence::copies::MAX_PARTNERS as u32,
          value_parser = clap::value_parser!(u32).range(1..))]
    max_partners: u32,
    /// Field separator of the input (one ASCII character, or `tab`), instead of the one read from
    /// the header line.
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    delimiter: Option<u8>,
    /// Input encoding. `auto` reads UTF-8, or Windows-1252 (with a warning) when the bytes are
    /// mostly not UTF-8. Offsets in the output refer to the text converted to UTF-8.
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    encoding: EncodingArg,
    /// A field larger than this many MiB rejects its row (the other rows go on).
    #[arg(long, value_name = "MB", default_value_t = 64,
          value_parser = clap::value_parser!(u32).range(1..=4096))]
    max_field_mb: u32,
    /// Articles read and analyzed together (memory grows with it; the output never changes).
    #[arg(long, value_name = "N", hide_short_help = true,
          value_parser = clap::value_parser!(u64).range(1..=1 << 24))]
    chunk_rows: Option<u64>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum EncodingArg {
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "windows-1252", alias = "cp1252")]
    Windows1252,
    #[value(name = "latin-1", alias = "latin1", alias = "iso-8859-1")]
    Latin1,
}

/// `--delimiter`: one ASCII character other than a quote or a line end, or `tab`.
fn parse_delimiter(s: &str) -> std::result::Result<u8, String> {
    let b = match s {
        "tab" | "\\t" | "\t" => b'\t',
        _ if s.len() == 1 && s.is_ascii() => s.as_bytes()[0],
        _ => return Err(format!("expected one ASCII character or `tab`, got {s:?}")),
    };
    if matches!(b, b'"' | b'\n' | b'\r') {
        return Err(format!("{s:?} cannot separate fields"));
    }
    Ok(b)
}

impl Common {
    fn read_options(&self) -> ReadOptions {
        ReadOptions {
            delimiter: self.delimiter,
            encoding: match self.encoding {
                EncodingArg::Auto => Encoding::Auto,
                EncodingArg::Utf8 => Encoding::Utf8,
                EncodingArg::Windows1252 => Encoding::Windows1252,
                EncodingArg::Latin1 => Encoding::Latin1,
            },
            max_field: self.max_field_mb as usize * (1 << 20),
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum FormatArg {
    Table,
    Json,
    Markdown,
    Csv,
    Html,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum TableArg {
    Articles,
    Outlets,
    Sources,
    Copies,
    Claims,
    Features,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum GraphFormat {
    Dot,
    Svg,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum LevelArg {
    Article,
    Outlet,
}

/// Parses the command line and runs the command.
pub fn run() -> Result<()> {
    let cli = Cli::parse();
    if let Some(n) = cli.threads {
        // More threads than cores × 4 only starve the machine (100,000 threads once brought a
        // two-core machine to a load of 570 before the thread pool panicked): clamp and say so.
        let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
        let n = if n == 0 {
            eprintln!("credence: --threads 0 means one per core; using {cores}");
            cores
        } else if n > cores * 4 {
            eprintln!(
                "credence: --threads {n} is more than 4 × the {cores} cores; using {}",
                cores * 4
            );
            cores * 4
        } else {
            n
        };
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("cannot start the thread pool")?;
    }
    match cli.command {
        Command::Score {
            file,
            format,
            table,
            top,
            common,
        } => {
            let registry = load_registry(common.registry.as_ref())?;
            let opts = options(&common)?;
            let analysis = load(&file, &registry, &opts, &common)?;
            let exporter: Box<dyn report::Exporter> = match format {
                FormatArg::Table => Box::new(report::TableExporter {
                    top,
                    color: common.output.is_none()
                        && std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none(),
                }),
                FormatArg::Json => Box::new(report::JsonExporter),
                FormatArg::Markdown => Box::new(report::MarkdownExporter { top }),
                FormatArg::Csv => Box::new(report::CsvExporter {
                    table: table_of(table),
                }),
                FormatArg::Html => Box::new(report::HtmlExporter {
                    svg: report_svg(&analysis, &registry),
                    top,
                    about: about(&file, top, &common),
                }),
            };
            // A text that could not be read back makes the report incomplete: checked before the
            // output file replaces anything.
            let written = emit_with(
                common.output.as_ref(),
                |out| exporter.write(&analysis, &registry, out),
                || texts_read(&analysis, &file),
            );
            // Freeing a million articles' state one allocation at a time takes seconds; the
            // process is about to exit and the OS reclaims it at once.
            std::mem::forget(analysis);
            written
        }
        Command::Graph {
            file,
            format,
            level,
            min_weight,
            focus,
            mentions,
            common,
        } => {
            let registry = load_registry(common.registry.as_ref())?;
            let analysis = load(&file, &registry, &options(&common)?, &common)?;
            let level = match level {
                LevelArg::Article => Level::Article,
                LevelArg::Outlet => Level::Outlet,
            };
            if let Some(f) = &focus {
                if !analysis.outlets.iter().any(|o| &o.outlet == f) {
                    anyhow::bail!(
                        "{file}: no outlet named {f:?} (see the outlets table of `credence score`)"
                    );
                }
            }
            let g = graph::build_with(
                &analysis,
                &registry,
                &GraphOptions {
                    level,
                    min_weight,
                    focus,
                    mentions,
                },
            );
            let text = match format {
                GraphFormat::Dot => graph::dot::render(&g),
                GraphFormat::Svg => graph::svg::render(&g),
            };
            emit(&text, common.output.as_ref())
        }
        Command::Explain { file, key, common } => {
            let registry = load_registry(common.registry.as_ref())?;
            let analysis = load(&file, &registry, &options(&common)?, &common)?;
            let text = report::explain::render(&analysis, &registry, &key).ok_or_else(|| {
                anyhow::anyhow!("{file}: no article with id {key:?} and no outlet named {key:?}")
            })?;
            texts_read(&analysis, &file)?;
            emit(&text, common.output.as_ref())
        }
        Command::Sources { registry } => {
            let registry = load_registry(registry.as_ref())?;
            let rows: Vec<Vec<String>> = registry
                .sources()
                .iter()
                .map(|s| {
                    vec![
                        s.id.clone(),
                        s.kind.as_str().to_string(),
                        s.country.clone().unwrap_or_else(|| "-".into()),
                        format!("{:.2}", s.prior_mean),
                        format!("{:.0}", s.prior_strength),
                        s.prior_source.clone(),
                        s.name.clone(),
                    ]
                })
                .collect();
            let header = [
                "id",
                "kind",
                "country",
                "prior",
                "strength",
                "prior_source",
                "name",
            ];
            emit(&report::table::columns(&header, &rows), None)
        }
    }
}

/// The graph embedded in the HTML report: articles when small enough, else outlets.
fn report_svg(analysis: &Analysis, registry: &Registry) -> String {
    let article = graph::build_with(analysis, registry, &GraphOptions::default());
    let g = if article.graph.node_count() <= graph::svg::MAX_NODES {
        article
    } else {
        graph::build_with(
            analysis,
            registry,
            &GraphOptions {
                level: Level::Outlet,
                ..GraphOptions::default()
            },
        )
    };
    let svg = graph::svg::render(&g);
    // Inline SVG in HTML takes no XML declaration.
    match svg.find("<svg") {
        Some(i) => svg[i..].to_string(),
        None => svg,
    }
}

fn table_of(t: TableArg) -> Table {
    match t {
        TableArg::Articles => Table::Articles,
        TableArg::Outlets => Table::Outlets,
        TableArg::Sources => Table::Sources,
        TableArg::Copies => Table::Copies,
        TableArg::Claims => Table::Claims,
        TableArg::Features => Table::Features,
    }
}

fn load_registry(path: Option<&PathBuf>) -> Result<Registry> {
    match path {
        Some(p) => Ok(Registry::from_path(p)?),
        None => Ok(Registry::bundled()),
    }
}

/// The input's name and the options that shape a report, for the report to state.
fn about(file: &str, top: usize, common: &Common) -> report::About {
    let input = std::path::Path::new(file)
        .file_name()
        .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned());
    let priors = match common.outlet_priors.as_deref() {
        None => "bundled".to_string(),
        Some("none") => "none".to_string(),
        Some(p) => std::path::Path::new(p)
            .file_name()
            .map_or_else(|| p.to_string(), |n| n.to_string_lossy().into_owned()),
    };
    let registry = common
        .registry
        .as_ref()
        .and_then(|p| p.file_name())
        .map_or_else(
            || "bundled".to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
    report::About {
        input,
        options: format!(
            "--top {top} --max-partners {} --outlet-priors {priors} --registry {registry}",
            common.max_partners
        ),
    }
}

fn options(common: &Common) -> Result<Options> {
    Ok(Options {
        score: score_options(common)?,
        copies: CopyOptions {
            max_partners: common.max_partners as usize,
        },
        chunk_rows: common.chunk_rows.map(|n| n as usize),
    })
}

fn score_options(common: &Common) -> Result<ScoreOptions> {
    let outlet_priors = match common.outlet_priors.as_deref() {
        Some("none") => None,
        Some(path) => {
            Some(OutletPriors::from_path(std::path::Path::new(path)).map_err(anyhow::Error::msg)?)
        }
        None => Some(OutletPriors::bundled()),
    };
    Ok(ScoreOptions { outlet_priors })
}

fn load(file: &str, registry: &Registry, opts: &Options, common: &Common) -> Result<Analysis> {
    let quiet = common.quiet;
    let input = Input::open_with(file, &common.read_options())?;
    if let Some(t) = input.transcoded() {
        if t.invalid > 0 {
            eprintln!(
                "warning: {}: not UTF-8 ({} invalid byte sequences): read as {}; offsets refer to \
                 the text converted to UTF-8 (--encoding chooses)",
                input.display(),
                t.invalid,
                t.from.as_str()
            );
        }
    }
    let bar = progress::Bar::new(quiet);
    let analysis = analyze_input(&input, registry, opts, &bar)?;
    bar.finish();
    if !quiet {
        summarize_problems(input.display(), &analysis);
        if analysis.rows == 0 {
            eprintln!(
                "warning: {}: the header has no data rows after it: nothing to score",
                input.display()
            );
        }
    }
    texts_read(&analysis, file)?;
    every_row_rejected(&analysis, input.display())?;
    Ok(analysis)
}

/// Fails when rows were read but none was kept: a report of nothing is not a success. Rows
/// rejected for invalid UTF-8 mean the file is in another encoding: say how to convert it.
fn every_row_rejected(analysis: &Analysis, file: &str) -> Result<()> {
    if analysis.rows == 0 || !analysis.articles.is_empty() {
        return Ok(());
    }
    let utf8 = analysis
        .rejected
        .iter()
        .filter(|r| r.reason.contains("invalid UTF-8"))
        .count();
    let first = analysis.rejected.first().map_or(String::new(), |r| {
        format!(" (first: line {}: {})", r.line, r.reason)
    });
    if utf8 * 2 > analysis.rejected.len() {
        anyhow::bail!(
            "{file}: all {} rows were rejected, {utf8} of them for invalid UTF-8{first}: the file is \
             probably Latin-1 or Windows-1252: read it with `--encoding windows-1252`, or convert it \
             first, e.g. `iconv -f WINDOWS-1252 -t UTF-8 {file} > utf8.csv`",
            analysis.rows
        );
    }
    anyhow::bail!("{file}: all {} rows were rejected{first}", analysis.rows)
}

/// Fails when texts could not be read back from the input for a report (it changed during the run).
fn texts_read(analysis: &Analysis, file: &str) -> Result<()> {
    match analysis.texts.failures() {
        0 => Ok(()),
        n => anyhow::bail!(
            "{file}: {n} reads of article texts failed: the file changed during the run"
        ),
    }
}

fn summarize_problems(path: &str, ingested: &Analysis) {
    let mut err = std::io::stderr().lock();
    // At most 20 warnings per field, then a count: a mislabelled `lang` column warns on every row.
    let mut shown: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for w in &ingested.warnings {
        let n = shown.entry(w.field).or_insert(0);
        *n += 1;
        if *n <= 20 {
            let _ = writeln!(
                err,
                "warning: {path}: line {}: field `{}`: {}",
                w.line, w.field, w.message
            );
        }
    }
    for (field, n) in shown.into_iter().filter(|(_, n)| *n > 20) {
        let _ = writeln!(
            err,
            "warning: {path}: … and {} more warnings on field `{field}`",
            n - 20
        );
    }
    if !ingested.rejected.is_empty() {
        let _ = writeln!(
            err,
            "warning: {path}: {} of {} rows rejected:",
            ingested.rejected.len(),
            ingested.rows
        );
        for r in ingested.rejected.iter().take(20) {
            let _ = writeln!(err, "  line {}: {}", r.line, r.reason);
        }
        if ingested.rejected.len() > 20 {
            let _ = writeln!(
                err,
                "  … and {} more (see `input.rejected` in --format json)",
                ingested.rejected.len() - 20
            );
        }
    }
    if !ingested.scores.converged && !ingested.articles.is_empty() {
        let _ = writeln!(
            err,
            "warning: {path}: the scores did not reach their fixed point within {} rounds \
             (`model.converged` is false): they are those of the last round",
            credence::score::MAX_ROUNDS
        );
    }
}

/// Streams a report to `output` (a file, written to a temporary sibling and renamed into place
/// once complete; a device or pipe, written in place) or to stdout, through a buffer; a closed pipe on stdout is not an error.
fn emit_with(
    output: Option<&PathBuf>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    check: impl FnOnce() -> Result<()>,
) -> Result<()> {
    match output {
        // A device or a pipe ("-o /dev/null", "-o /dev/stdout") is written in place: renaming a
        // temporary file onto it would replace the device with a regular file.
        Some(p) if std::fs::metadata(p).is_ok_and(|m| !m.is_file() && !m.is_dir()) => {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(p)
                .with_context(|| format!("cannot write {}", p.display()))?;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
            write(&mut out)
                .and_then(|_| out.flush())
                .with_context(|| format!("cannot write {}", p.display()))?;
            check()
        }
        Some(p) => {
            let dir = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            let tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("cannot write {}", p.display()))?;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp);
            write(&mut out)
                .and_then(|_| out.flush())
                .with_context(|| format!("cannot write {}", p.display()))?;
            let tmp = out
                .into_inner()
                .map_err(|e| e.into_error())
                .with_context(|| format!("cannot write {}", p.display()))?;
            check()?;
            tmp.persist(p)
                .map_err(|e| e.error)
                .with_context(|| format!("cannot write {}", p.display()))?;
            Ok(())
        }
        None => {
            let stdout = std::io::stdout().lock();
            let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
            match write(&mut out).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.context("cannot write to stdout"),
            }?;
            check()
        }
    }
}

fn emit(text: &str, output: Option<&PathBuf>) -> Result<()> {
    match output {
        Some(p) => std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display())),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.context("cannot write to stdout"),
            }
        }
    }
}
