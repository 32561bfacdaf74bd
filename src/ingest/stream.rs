//! Chunked reading: rows are parsed and validated a chunk at a time, so that a caller can process
//! one chunk of texts and drop it before the next; only the byte range of each accepted record is
//! kept, for [`Texts`](super::Texts) to read a text again later.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

use super::{row_to_article, Article, Columns, IngestError, ReadOptions, Rejection, Warning};

/// Accepted rows of one chunk, in input order.
#[derive(Debug, Default)]
pub struct Chunk {
    /// The articles.
    pub articles: Vec<Article>,
    /// Their body texts, in the same order.
    pub texts: Vec<String>,
}

/// What a finished stream saw besides the articles.
#[derive(Debug, Default)]
pub struct End {
    /// Data rows seen (scored + rejected).
    pub rows: usize,
    /// Rejected rows, in input order.
    pub rejected: Vec<Rejection>,
    /// Warnings about kept rows.
    pub warnings: Vec<Warning>,
    /// Byte range `(start, length)` of each accepted record in the file, in input order.
    pub spans: Vec<(u64, u64)>,
    /// Index of the `text` column.
    pub text_column: usize,
    /// The field delimiter read from the header (`,`, `;` or tab).
    pub delimiter: u8,
}

/// Reads a CSV of articles chunk by chunk (see [`Stream::next_chunk`]).
pub struct Stream<R: io::Read> {
    rdr: csv::Reader<CrLf<R>>,
    cols: Columns,
    /// Bytes before the reader's offset 0 (a skipped byte-order mark).
    base: u64,
    path: String,
    seen: rustc_hash::FxHashMap<String, u64>,
    record: csv::ByteRecord,
    end: End,
    done: bool,
    /// Header names, for messages about a field.
    names: Vec<String>,
    max_field: usize,
}

impl<R: BufRead> Stream<R> {
    /// Reads the header with the default [`ReadOptions`]; fails when it is unreadable or lacks
    /// `id` or `text`.
    pub fn new(input: R, path: &str) -> Result<Stream<R>, IngestError> {
        Stream::with_options(input, path, &ReadOptions::default())
    }

    /// Reads the header of UTF-8 `input` with `options` (the delimiter, the largest field; the
    /// encoding is [`Input`](super::Input)'s business); fails when it is unreadable or lacks `id`
    /// or `text`.
    pub fn with_options(
        mut input: R,
        path: &str,
        options: &ReadOptions,
    ) -> Result<Stream<R>, IngestError> {
        let io_err = |source| IngestError::Io {
            path: path.into(),
            error: source,
        };
        let bom = input
            .fill_buf()
            .map_err(io_err)?
            .starts_with(b"\xEF\xBB\xBF");
        if bom {
            input.consume(3);
        }
        let head = input.fill_buf().map_err(io_err)?;
        let first = head.iter().copied().find(|b| !b.is_ascii_whitespace());
        if head.iter().all(u8::is_ascii_whitespace) {
            return Err(IngestError::BadHeader {
                path: path.into(),
                message:
                    "the file is empty: expected a CSV header row with at least `id` and `text`"
                        .into(),
            });
        }
        if matches!(first, Some(b'{') | Some(b'[')) {
            return Err(IngestError::BadHeader {
                path: path.into(),
                message:
                    "this looks like JSON or JSON lines, not CSV: credence reads CSV with a header \
                          row (id,text,…); convert it first"
                        .into(),
            });
        }
        let delimiter = options.delimiter.unwrap_or_else(|| sniff_delimiter(head));
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(true)
            .delimiter(delimiter)
            .from_reader(CrLf::new(input));
        let header = rdr
            .byte_headers()
            .map_err(|e| IngestError::BadHeader {
                path: path.into(),
                message: e.to_string(),
            })?
            .clone();
        if header.is_empty() || header.iter().all(|h| h.is_empty()) {
            return Err(IngestError::MissingColumn {
                path: path.into(),
                column: "id",
                hint: "; the header row is empty".into(),
            });
        }
        let cols = Columns::from_header(&header, path)?;
        let names = header
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_string())
            .collect();
        let end = End {
            text_column: cols.text,
            delimiter,
            ..End::default()
        };
        Ok(Stream {
            rdr,
            cols,
            base: if bom { 3 } else { 0 },
            path: path.into(),
            seen: rustc_hash::FxHashMap::default(),
            record: csv::ByteRecord::new(),
            end,
            done: false,
            names,
            max_field: options.max_field,
        })
    }

    /// The next at most `max` accepted rows (rejected rows are recorded, not returned); `None`
    /// once the input is exhausted.
    pub fn next_chunk(&mut self, max: usize) -> Result<Option<Chunk>, IngestError> {
        let mut chunk = Chunk::default();
        while !self.done && chunk.articles.len() < max {
            self.next_row(&mut chunk)?;
        }
        Ok((!chunk.articles.is_empty()).then_some(chunk))
    }

    /// Rows seen, rejections, warnings and record ranges, once every chunk has been read.
    pub fn finish(self) -> End {
        self.end
    }

    fn next_row(&mut self, chunk: &mut Chunk) -> Result<(), IngestError> {
        // The 1-based line of the record: the reader's line count where it starts, plus the line
        // ends it skips before the record (the `\n` of the `\r\n` it ended the last record at,
        // blank lines).
        let at = self.rdr.position().clone();
        self.rdr.get_mut().mark(at.byte());
        let read = self.rdr.read_byte_record(&mut self.record);
        let line = at.line() + self.rdr.get_mut().lines_after(at.byte());
        match read {
            Ok(false) => {
                self.done = true;
                return Ok(());
            }
            Ok(true) => {}
            Err(e) => {
                if e.is_io_error() {
                    let source = match e.into_kind() {
                        csv::ErrorKind::Io(source) => source,
                        other => io::Error::other(format!("{other:?}")),
                    };
                    return Err(IngestError::Io {
                        path: self.path.clone(),
                        error: source,
                    });
                }
                // The csv parser is lenient; an error here is one broken record.
                self.end.rows += 1;
                self.end.rejected.push(Rejection {
                    line,
                    id: None,
                    reason: format!("unparseable CSV record: {e}"),
                });
                return Ok(());
            }
        }
        let pos = self.record.position().cloned();
        self.end.rows += 1;
        if let Some(swallowed) = self.swallowed_rows() {
            self.end.rejected.push(Rejection {
                line,
                id: None,
                reason: format!(
                    "a quote opened in this record is never closed: it runs to the end of the file \
                     and swallows {swallowed} lines that look like rows of their own; close the quote"
                ),
            });
            return Ok(());
        }
        if let Some((i, f)) = self
            .record
            .iter()
            .enumerate()
            .find(|(_, f)| f.len() > self.max_field)
        {
            let mib = |b: usize| b as f64 / f64::from(1 << 20);
            let id = self
                .record
                .get(self.cols.id)
                .filter(|id| id.len() <= 200)
                .and_then(|id| std::str::from_utf8(id).ok())
                .map(|id| id.trim().to_string())
                .filter(|id| !id.is_empty());
            self.end.rejected.push(Rejection {
                line,
                id,
                reason: format!(
                    "field `{}` is {:.1} MiB, more than the largest field allowed ({:.1} MiB, \
                     --max-field-mb)",
                    self.names.get(i).map_or("?", String::as_str),
                    mib(f.len()),
                    mib(self.max_field)
                ),
            });
            return Ok(());
        }
        match row_to_article(&self.record, &self.cols, line, &mut self.end.warnings) {
            Ok((article, text)) => {
                if let Some(first) = self.seen.get(&article.id) {
                    self.end.rejected.push(Rejection {
                        line,
                        id: Some(article.id),
                        reason: format!("duplicate id (first seen on line {first})"),
                    });
                } else {
                    self.seen.insert(article.id.clone(), line);
                    let start = pos.map_or(0, |p| p.byte());
                    let stop = self.rdr.position().byte();
                    self.end
                        .spans
                        .push((self.base + start, stop.saturating_sub(start)));
                    chunk.articles.push(article);
                    chunk.texts.push(text);
                }
            }
            Err(r) => self.end.rejected.push(Rejection { line, ..r }),
        }
        Ok(())
    }
}

impl<R: BufRead> Stream<R> {
    /// For a record whose field runs on over lines that are rows of their own — each line after
    /// the first opens with a short token and a delimiter and carries as many delimiters as the
    /// header — the number of such lines: rows an unterminated quote swallowed (pandas stops on
    /// these with "EOF inside string"; the csv crate reads on to the end of the file).
    fn swallowed_rows(&self) -> Option<usize> {
        if self.cols.width < 2 {
            return None;
        }
        let delimiter = self.end.delimiter;
        let row_like = |l: &[u8]| {
            let head = l.iter().position(|&b| b == delimiter);
            head.is_some_and(|h| h > 0 && h <= 40 && !l[..h].contains(&b' '))
                && l.iter().filter(|&&b| b == delimiter).count() + 1 >= self.cols.width
        };
        self.record
            .iter()
            .filter_map(|field| {
                let lines: Vec<&[u8]> = field
                    .split(|&b| b == b'\n')
                    .skip(1)
                    .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
                    .collect();
                let rows = lines.iter().filter(|l| row_like(l)).count();
                (lines.len() >= 2 && rows * 10 >= lines.len() * 9).then_some(rows)
            })
            .max()
    }
}

/// The input as the csv reader reads it, noting the runs of line-end bytes (`\r`, `\n`) near the
/// reader's position: a record the reader places inside such a run (on the `\n` of a `\r\n`, or
/// before blank lines it skips) starts as many lines later as there are `\n`s left in the run.
/// Runs further back than [`CrLf::KEEP`] bytes are forgotten (the csv reader reads ahead less),
/// except the first one from the [`CrLf::mark`]ed record start.
struct CrLf<R> {
    inner: R,
    offset: u64,
    /// `(start, end, newlines, starts with \n)` of each run of line-end bytes, in order.
    runs: VecDeque<(u64, u64, u64, bool)>,
}

impl<R> CrLf<R> {
    /// Bytes behind the read offset a record start can be (the csv reader's buffer is 8 KiB).
    const KEEP: u64 = 1 << 16;

    fn new(inner: R) -> CrLf<R> {
        CrLf {
            inner,
            offset: 0,
            runs: VecDeque::new(),
        }
    }

    /// Forgets the runs before a record that starts at byte `at`: the first run left is kept
    /// until [`CrLf::lines_after`] reads it, however long the record.
    fn mark(&mut self, at: u64) {
        while self.runs.front().is_some_and(|r| r.1 <= at) {
            self.runs.pop_front();
        }
    }

    /// Lines a record the reader placed at byte `at` (marked) starts after the reader's count.
    fn lines_after(&mut self, at: u64) -> u64 {
        match self.runs.front() {
            // The reader consumed at most the run's first byte as a record terminator, and
            // counted it when it was a `\n`.
            Some(&(start, _, newlines, lf)) if start <= at => {
                newlines - u64::from(lf && at > start)
            }
            _ => 0,
        }
    }
}

impl<R: Read> Read for CrLf<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for (i, &b) in buf[..n].iter().enumerate() {
            if b != b'\n' && b != b'\r' {
                continue;
            }
            let at = self.offset + i as u64;
            let lf = u64::from(b == b'\n');
            match self.runs.back_mut() {
                Some(run) if run.1 == at => {
                    run.1 += 1;
                    run.2 += lf;
                }
                _ => self.runs.push_back((at, at + 1, lf, lf == 1)),
            }
        }
        self.offset += n as u64;
        let keep_from = self.offset.saturating_sub(Self::KEEP);
        while self.runs.get(1).is_some_and(|r| r.1 < keep_from) {
            self.runs.remove(1);
        }
        Ok(n)
    }
}

/// Reads every chunk of `stream` into memory.
pub(super) fn read_all<R: BufRead>(mut stream: Stream<R>) -> Result<super::Ingested, IngestError> {
    let mut out = super::Ingested::default();
    while let Some(chunk) = stream.next_chunk(usize::MAX)? {
        out.articles.extend(chunk.articles);
        out.texts.extend(chunk.texts);
    }
    let end = stream.finish();
    out.rows = end.rows;
    out.rejected = end.rejected;
    out.warnings = end.warnings;
    Ok(out)
}

/// The delimiter of the header line: the most frequent of `,`, `;` and tab outside quotes
/// (Excel in French locales writes `;`; TSV exports use tabs); `,` on a tie or when none is seen.
fn sniff_delimiter(head: &[u8]) -> u8 {
    let line_end = head.iter().position(|&b| b == b'\n').unwrap_or(head.len());
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in &head[..line_end] {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&k| (counts[k], std::cmp::Reverse(k)))
        .unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}
