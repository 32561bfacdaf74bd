//! Ingest: a CSV of articles → [`Article`]s, with every bad row rejected with its line and reason.
//!
//! Required columns are `id` and `text`; `outlet`, `url`, `published`, `title` and `lang` are
//! optional; column order is free and unknown columns are ignored. A row is either scored or
//! reported in [`Ingested::rejected`]: nothing is silently lost.

mod date;
mod lines;
mod outlet;
mod stream;
mod texts;

pub use date::parse_date;
pub use outlet::{host_of_url, normalize_outlet};
pub use stream::{Chunk, End, Stream};
pub use texts::{FileTexts, Texts};

use std::fs::File;
use std::io;

use serde::Serialize;

/// One input article, cleaned; its body text travels beside it (see [`Chunk`] and [`Texts`]) so
/// that the analysis can keep articles without their texts.
#[derive(Debug, Clone)]
pub struct Article {
    /// The row's id, as written (ids are strings: "000" stays "000").
    pub id: String,
    /// 1-based physical line where the record starts.
    pub line: u64,
    /// Outlet name: the `outlet` column, else the host of `url`, else `(unknown:ID)`.
    pub outlet: String,
    /// False when the outlet is the `(unknown:ID)` placeholder (kept out of outlet statistics).
    pub outlet_known: bool,
    /// The outlet's web domain when known (from `outlet` when it is a domain, else from `url`).
    pub domain: Option<String>,
    /// Publication date as `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Title, if given and non-empty.
    pub title: Option<String>,
    /// Language code from the input, if given.
    pub lang: Option<String>,
}

/// A row that was not scored, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejection {
    /// 1-based physical line where the record starts (the header is line 1).
    pub line: u64,
    /// The row's id when it could be read.
    pub id: Option<String>,
    /// Why the row was rejected.
    pub reason: String,
}

/// A non-fatal problem with a value that was kept (e.g. an unparseable date set to null).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Line of the record.
    pub line: u64,
    /// Column name.
    pub field: &'static str,
    /// What went wrong.
    pub message: String,
}

/// The result of reading one input file.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Data rows seen (scored + rejected).
    pub rows: usize,
    /// Accepted articles, in input order.
    pub articles: Vec<Article>,
    /// Their body texts (never empty), in the same order.
    pub texts: Vec<String>,
    /// Rejected rows, in input order.
    pub rejected: Vec<Rejection>,
    /// Warnings about kept rows.
    pub warnings: Vec<Warning>,
}

/// Fatal input problems: the whole file cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file cannot be opened or read.
    #[error("{path}: {error}")]
    Io {
        /// The input path.
        path: String,
        /// The I/O error (shown in the message, not chained: printed once).
        error: io::Error,
    },
    /// A required column is missing from the header.
    #[error("{path}: line 1: missing required column `{column}`{hint}")]
    MissingColumn {
        /// The input path.
        path: String,
        /// The missing column.
        column: &'static str,
        /// What the header has instead, when it says something ("; found `body`, rename it
        /// `text`"), else empty.
        hint: String,
    },
    /// The header itself cannot be parsed.
    #[error("{path}: line 1: unreadable header: {message}")]
    BadHeader {
        /// The input path.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// Texts could not be read back: the file was truncated or rewritten during the run.
    #[error("{path}: {reads} reads of article texts failed: the file changed during the run")]
    Changed {
        /// The input path.
        path: String,
        /// Failed reads.
        reads: usize,
    },
}

/// The text encoding of an input file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, unless the bytes are mostly not UTF-8: then Windows-1252 (see [`Input::open_with`]).
    #[default]
    Auto,
    /// UTF-8 (rows with invalid bytes are rejected).
    Utf8,
    /// Windows-1252 (the superset of Latin-1 that Windows and Excel write).
    Windows1252,
    /// ISO-8859-1: every byte is the code point of the same value.
    Latin1,
}

impl Encoding {
    /// The name people know it by.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Auto => "auto",
            Encoding::Utf8 => "UTF-8",
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Latin1 => "Latin-1",
        }
    }
}

/// How to read an input file.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The field delimiter; `None` reads it from the header line (`,`, `;` or tab).
    pub delimiter: Option<u8>,
    /// The file's encoding.
    pub encoding: Encoding,
    /// A field longer than this many bytes rejects its row.
    pub max_field: usize,
}

/// The default largest field: 64 MiB.
pub const MAX_FIELD: usize = 64 << 20;

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            delimiter: None,
            encoding: Encoding::Auto,
            max_field: MAX_FIELD,
        }
    }
}

/// An input that was converted to UTF-8 before reading: from what, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transcoded {
    /// The encoding the bytes were read as.
    pub from: Encoding,
    /// Byte sequences that were not valid UTF-8 (0 when the encoding was given).
    pub invalid: usize,
}

/// An input file, open once: every pass and every text read back use the same file, so renaming
/// or replacing the path during a run changes nothing. Stdin (`-`) and anything that is not a
/// regular file (a pipe, `<(zcat …)`) are first spooled to a temporary file, since the input is read
/// more than once.
///
/// A file in another encoding is converted to UTF-8 in a temporary file first: byte offsets in
/// the output then refer to the UTF-8 text.
pub struct Input {
    file: File,
    display: String,
    _spool: Option<tempfile::NamedTempFile>,
    options: ReadOptions,
    transcoded: Option<Transcoded>,
}

impl Input {
    /// Opens `path`, or spools stdin when `path` is `-`, with the default [`ReadOptions`].
    pub fn open(path: &str) -> Result<Input, IngestError> {
        Input::open_with(path, &ReadOptions::default())
    }

    /// Opens `path` (`-` for stdin) to read it with `options`. With [`Encoding::Auto`], a file
    /// whose invalid UTF-8 sequences outnumber its valid non-ASCII characters is read as
    /// Windows-1252 (see [`Input::transcoded`]); a UTF-8 file with a few bad bytes stays UTF-8 and
    /// the rows holding them are rejected.
    pub fn open_with(path: &str, options: &ReadOptions) -> Result<Input, IngestError> {
        let io_err = |source| IngestError::Io {
            path: path.into(),
            error: source,
        };
        let mut input = if path == "-" {
            Input::spool(&mut io::stdin().lock(), "<stdin>")?
        } else {
            let mut file = File::open(path).map_err(io_err)?;
            if file.metadata().map_err(io_err)?.is_file() {
                Input {
                    file,
                    display: path.into(),
                    _spool: None,
                    options: ReadOptions::default(),
                    transcoded: None,
                }
            } else {
                Input::spool(&mut file, path)?
            }
        };
        input.options = options.clone();
        let from = match options.encoding {
            Encoding::Utf8 => return Ok(input),
            Encoding::Auto => {
                let (invalid, multibyte) = input.utf8_census()?;
                if invalid == 0 || invalid <= multibyte {
                    return Ok(input);
                }
                Transcoded {
                    from: Encoding::Windows1252,
                    invalid,
                }
            }
            e => Transcoded {
                from: e,
                invalid: 0,
            },
        };
        input.transcode(from)
    }

    fn spool(from: &mut dyn io::Read, display: &str) -> Result<Input, IngestError> {
        let io_err = |source| IngestError::Io {
            path: display.into(),
            error: source,
        };
        let mut spool = tempfile::NamedTempFile::new().map_err(io_err)?;
        io::copy(from, spool.as_file_mut()).map_err(io_err)?;
        let file = spool.reopen().map_err(io_err)?;
        Ok(Input {
            file,
            display: display.into(),
            _spool: Some(spool),
            options: ReadOptions::default(),
            transcoded: None,
        })
    }

    /// Invalid UTF-8 sequences and valid non-ASCII characters in the file, in one read.
    fn utf8_census(&self) -> Result<(usize, usize), IngestError> {
        let mut file = self.rewound()?;
        let mut buf = vec![0u8; 1 << 20];
        let (mut invalid, mut multibyte, mut carry) = (0usize, 0usize, 0usize);
        loop {
            let n = io::Read::read(&mut file, &mut buf[carry..]).map_err(|e| self.io(e))?;
            let len = carry + n;
            let mut rest = &buf[..len];
            carry = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        multibyte += s.bytes().filter(|&b| b >= 0xC0).count();
                        break;
                    }
                    Err(e) => {
                        let (good, bad) = rest.split_at(e.valid_up_to());
                        multibyte += good.iter().filter(|&&b| b >= 0xC0).count();
                        match e.error_len() {
                            Some(k) => {
                                invalid += 1;
                                rest = &bad[k..];
                            }
                            // A sequence cut by the end of the buffer: read on (or, at the end of
                            // the file, it is invalid).
                            None if n > 0 => {
                                carry = bad.len();
                                break;
                            }
                            None => {
                                invalid += 1;
                                break;
                            }
                        }
                    }
                }
            }
            if n == 0 {
                return Ok((invalid, multibyte));
            }
            buf.copy_within(len - carry..len, 0);
        }
    }

    /// Converts the file from a single-byte encoding to UTF-8 in a temporary file, read from then on.
    fn transcode(mut self, from: Transcoded) -> Result<Input, IngestError> {
        let mut src = io::BufReader::with_capacity(1 << 20, self.rewound()?);
        let spool = tempfile::NamedTempFile::new().map_err(|e| self.io(e))?;
        let mut out =
            io::BufWriter::with_capacity(1 << 20, spool.reopen().map_err(|e| self.io(e))?);
        let mut text = String::new();
        loop {
            let chunk = io::BufRead::fill_buf(&mut src).map_err(|e| self.io(e))?;
            if chunk.is_empty() {
                break;
            }
            text.clear();
            match from.from {
                Encoding::Latin1 => text.extend(chunk.iter().map(|&b| char::from(b))),
                // Single-byte: chunks decode independently.
                _ => text.push_str(
                    &encoding_rs::WINDOWS_1252
                        .decode_without_bom_handling(chunk)
                        .0,
                ),
            }
            let n = chunk.len();
            io::BufRead::consume(&mut src, n);
            io::Write::write_all(&mut out, text.as_bytes()).map_err(|e| self.io(e))?;
        }
        io::Write::flush(&mut out).map_err(|e| self.io(e))?;
        self.file = spool.reopen().map_err(|e| self.io(e))?;
        self._spool = Some(spool);
        self.transcoded = Some(from);
        Ok(self)
    }

    fn io(&self, error: io::Error) -> IngestError {
        IngestError::Io {
            path: self.display.clone(),
            error,
        }
    }

    fn rewound(&self) -> Result<File, IngestError> {
        let mut file = self.handle()?;
        io::Seek::seek(&mut file, io::SeekFrom::Start(0)).map_err(|e| self.io(e))?;
        Ok(file)
    }

    /// The encoding the input was converted from, when it was not read as UTF-8.
    pub fn transcoded(&self) -> Option<&Transcoded> {
        self.transcoded.as_ref()
    }

    /// The name to show in messages (`<stdin>` for stdin).
    pub fn display(&self) -> &str {
        &self.display
    }

    fn handle(&self) -> Result<File, IngestError> {
        self.file.try_clone().map_err(|source| IngestError::Io {
            path: self.display.clone(),
            error: source,
        })
    }

    /// Reads and validates every row into memory.
    pub fn read(&self) -> Result<Ingested, IngestError> {
        stream::read_all(self.stream()?)
    }

    /// Starts reading the rows in chunks, from the start of the file.
    pub fn stream(&self) -> Result<Stream<io::BufReader<File>>, IngestError> {
        let file = self.rewound()?;
        Stream::with_options(
            io::BufReader::with_capacity(1 << 20, file),
            &self.display,
            &self.options,
        )
    }

    /// Random access to the texts of the articles a finished [`Stream`] of this input accepted
    /// (`spans` and `column` come from its [`End`]).
    pub fn texts(
        &self,
        spans: Vec<(u64, u64)>,
        column: usize,
        delimiter: u8,
    ) -> Result<Texts, IngestError> {
        Ok(Texts::file(self.handle()?, spans, column, delimiter))
    }
}

/// Column positions of the known fields.
struct Columns {
    id: usize,
    text: usize,
    outlet: Option<usize>,
    url: Option<usize>,
    published: Option<usize>,
    title: Option<usize>,
    lang: Option<usize>,
    width: usize,
}

impl Columns {
    fn from_header(header: &csv::ByteRecord, path: &str) -> Result<Columns, IngestError> {
        let names: Vec<String> = header
            .iter()
            .map(|h| {
                String::from_utf8_lossy(h)
                    .trim()
                    .trim_start_matches('\u{feff}')
                    .to_ascii_lowercase()
            })
            .collect();
        let find = |name: &str| names.iter().position(|n| n == name);
        // A column named twice: which one is meant cannot be guessed.
        for (i, n) in names.iter().enumerate() {
            if let Some(j) = names[i + 1..].iter().position(|m| m == n) {
                if !n.is_empty() {
                    return Err(IngestError::BadHeader {
                        path: path.into(),
                        message: format!(
                            "column `{n}` appears twice (columns {} and {})",
                            i + 1,
                            i + j + 2
                        ),
                    });
                }
            }
        }
        let need = |column: &'static str| {
            find(column).ok_or_else(|| IngestError::MissingColumn {
                path: path.into(),
                column,
                hint: column_hint(column, &names),
            })
        };
        Ok(Columns {
            id: need("id")?,
            text: need("text")?,
            outlet: find("outlet"),
            url: find("url"),
            published: find("published"),
            title: find("title"),
            lang: find("lang"),
            width: names.len(),
        })
    }
}

/// What a header without `column` has instead: a likely candidate to rename, or the columns it has.
fn column_hint(column: &str, names: &[String]) -> String {
    let candidates: &[&str] = match column {
        "text" => &[
            "body",
            "content",
            "maintext",
            "article",
            "fulltext",
            "full_text",
            "texte",
            "text_body",
        ],
        "id" => &["article_id", "doc_id", "uid", "key", "identifier", "guid"],
        _ => &[],
    };
    if let Some(c) = names.iter().find(|n| candidates.contains(&n.as_str())) {
        return format!("; found `{c}`: rename it `{column}`");
    }
    let shown: Vec<&str> = names.iter().take(8).map(String::as_str).collect();
    format!(
        "; the header has {} column(s): {}",
        names.len(),
        shown.join(", ")
    )
}

/// Parses CSV bytes into articles. `path` is only used in messages.
pub fn read_csv(bytes: &[u8], path: &str) -> Result<Ingested, IngestError> {
    stream::read_all(Stream::new(bytes, path)?)
}

fn field<'r>(
    record: &'r csv::ByteRecord,
    i: Option<usize>,
    name: &'static str,
) -> Result<Option<&'r str>, String> {
    match i.and_then(|i| record.get(i)) {
        None => Ok(None),
        Some(b) => std::str::from_utf8(b).map(Some).map_err(|e| {
            format!(
                "invalid UTF-8 in field `{name}` at byte {}",
                e.valid_up_to()
            )
        }),
    }
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn row_to_article(
    record: &csv::ByteRecord,
    cols: &Columns,
    line: u64,
    warnings: &mut Vec<Warning>,
) -> Result<(Article, String), Rejection> {
    let reject = |id: Option<String>, reason: String| Rejection { line, id, reason };
    let raw_id = record
        .get(cols.id)
        .and_then(|b| std::str::from_utf8(b).ok())
        .map(|s| s.trim().to_string());
    if record.len() != cols.width {
        return Err(reject(
            raw_id,
            format!(
                "ragged row: {} fields where the header has {}",
                record.len(),
                cols.width
            ),
        ));
    }
    let id = field(record, Some(cols.id), "id")
        .map_err(|e| reject(None, e))?
        .unwrap_or("")
        .trim()
        .to_string();
    if id.is_empty() {
        return Err(reject(None, "empty `id`".into()));
    }
    let rid = || Some(id.clone());
    let get = |i, name| field(record, i, name).map_err(|e| reject(rid(), e));
    let text = get(Some(cols.text), "text")?.unwrap_or("");
    if text.trim().is_empty() {
        return Err(reject(rid(), "empty `text`".into()));
    }
    let url = non_empty(get(cols.url, "url")?);
    let outlet_raw = non_empty(get(cols.outlet, "outlet")?);
    let title = non_empty(get(cols.title, "title")?)
        .map(|_| get(cols.title, "title").unwrap().unwrap().to_string());
    let lang = non_empty(get(cols.lang, "lang")?).map(|l| l.to_ascii_lowercase());
    let published = match non_empty(get(cols.published, "published")?) {
        None => None,
        Some(p) => {
            let parsed = parse_date(&p);
            if parsed.is_none() {
                warnings.push(Warning {
                    line,
                    field: "published",
                    message: format!("unparseable date {p:?} for id {id:?}: set to null"),
                });
            }
            parsed
        }
    };
    let from_url = url.as_deref().and_then(host_of_url);
    let (outlet, outlet_known, domain) = match outlet_raw.as_deref().map(normalize_outlet) {
        Some((name, dom)) => {
            let domain = dom.or_else(|| from_url.clone());
            (name, true, domain)
        }
        None => match from_url {
            Some(host) => (host.clone(), true, Some(host)),
            None => (format!("(unknown:{id})"), false, None),
        },
    };
    let article = Article {
        id,
        line,
        outlet,
        outlet_known,
        domain,
        published,
        title,
        lang,
    };
    Ok((article, text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Ingested {
        read_csv(s.as_bytes(), "t.csv").unwrap()
    }

    #[test]
    fn reads_any_column_order_with_bom_and_crlf() {
        let r =
            read("\u{feff}text,extra,ID,outlet\r\n\"hello\r\nworld\",x,000,www.Example.com \r\n");
        assert_eq!(r.rows, 1);
        let a = &r.articles[0];
        assert_eq!(a.id, "000");
        assert_eq!(r.texts[0], "hello\r\nworld");
        assert_eq!(a.outlet, "example.com");
        assert_eq!(a.domain.as_deref(), Some("example.com"));
    }

    /// Found by `fuzz/fuzz_targets/ingest.rs` (minimized input below): with CRLF line ends every
    /// record was reported one line early (the first data row on the header's line 1), since the
    /// csv reader ends a record at `\r` and counts its `\n` with the next record.
    #[test]
    fn regression_crlf_records_are_on_their_own_line_not_the_one_before() {
        let r = read_csv(
            b"\xef\xbb\xbfid\ttext\r\n1\tPARIS (AFP) -\r\n1\tdup\r\n",
            "t.csv",
        )
        .unwrap();
        assert_eq!(r.articles[0].line, 2);
        assert_eq!(r.rejected[0].line, 3);
        assert_eq!(r.rejected[0].reason, "duplicate id (first seen on line 2)");
        // A quoted field holding CRLF line breaks counts them; mixed line ends too.
        let r = read("id,text\r\n1,\"a\r\nb\r\nc\"\r\n2,x\n3,y\r\n\r\n4,\r\n");
        assert_eq!(
            r.articles.iter().map(|a| a.line).collect::<Vec<_>>(),
            [2, 5, 6]
        );
        assert_eq!(r.rejected[0].line, 8);
        // Blank lines before a record are counted too (LF as well).
        assert_eq!(read("id,text\n1,a\n\n2,\n").rejected[0].line, 4);
    }

    #[test]
    fn outlet_falls_back_to_url_then_unknown() {
        let r = read("id,text,url\n1,t,https://www.lemonde.fr/a/b\n2,t,\n");
        assert_eq!(r.articles[0].outlet, "lemonde.fr");
        assert_eq!(r.articles[1].outlet, "(unknown:2)");
        assert!(!r.articles[1].outlet_known);
    }

    #[test]
    fn rejects_bad_rows_with_lines() {
        let r = read("id,text\n1,ok\n2\n1,dup\n3,\n,x\n4,\"multi\nline\"\n5,fine\n");
        assert_eq!(r.rows, 7);
        let got: Vec<(u64, &str)> = r
            .rejected
            .iter()
            .map(|x| (x.line, x.reason.as_str()))
            .collect();
        assert_eq!(got[0].0, 3);
        assert!(got[0].1.starts_with("ragged row"));
        assert_eq!(got[1], (4, "duplicate id (first seen on line 2)"));
        assert_eq!(got[2], (5, "empty `text`"));
        assert_eq!(got[3], (6, "empty `id`"));
        assert_eq!(
            r.articles.iter().map(|a| a.line).collect::<Vec<_>>(),
            [2, 7, 9]
        );
    }

    #[test]
    fn invalid_utf8_is_rejected_not_fatal() {
        let mut bytes = b"id,text\n1,ok\n2,bad \xff here\n".to_vec();
        bytes.extend_from_slice(b"3,fine\n");
        let r = read_csv(&bytes, "t.csv").unwrap();
        assert_eq!(r.articles.len(), 2);
        assert_eq!(r.rejected[0].line, 3);
        assert!(r.rejected[0]
            .reason
            .contains("invalid UTF-8 in field `text`"));
    }

    #[test]
    fn missing_column_is_fatal() {
        let e = read_csv(b"id,body\n1,x\n", "in.csv").unwrap_err();
        assert_eq!(
            e.to_string(),
            "in.csv: line 1: missing required column `text`; found `body`: rename it `text`"
        );
        assert!(read_csv(b"", "e.csv").is_err());
    }

    #[test]
    fn bad_dates_warn_and_become_null() {
        let r = read("id,text,published\n1,t,28/10/2024\n2,t,yesterday\n");
        assert_eq!(r.articles[0].published.as_deref(), Some("2024-10-28"));
        assert_eq!(r.articles[1].published, None);
        assert_eq!(r.warnings.len(), 1);
    }
}
