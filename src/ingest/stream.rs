//! Chunked reading: rows are parsed and validated a chunk at a time, so that a caller can process
//! one chunk of texts and drop it before the next; only the byte range of each accepted record is
//! kept, for [`Texts`](super::Texts) to read a text again later.

use std::io::{self, BufRead};

use super::lines::Lines;
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
    rdr: csv::Reader<Lines<R>>,
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
            .from_reader(Lines::new(input, delimiter));
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
        let line = self.rdr.get_ref().line_of(at.byte()).unwrap_or(at.line());
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
        // The id of a record rejected before it is read as an article, when it has a short one.
        let id = || {
            self.record
                .get(self.cols.id)
                .filter(|id| id.len() <= 200 && !id.contains(&b'\n'))
                .and_then(|id| std::str::from_utf8(id).ok())
                .map(|id| id.trim().to_string())
                .filter(|id| !id.is_empty())
        };
        if let Some(reason) = self.unclosed_quote(at.byte()) {
            let id = id();
            self.end.rejected.push(Rejection { line, id, reason });
            return Ok(());
        }
        if let Some((i, f)) = self
            .record
            .iter()
            .enumerate()
            .find(|(_, f)| f.len() > self.max_field)
        {
            let mib = |b: usize| b as f64 / f64::from(1 << 20);
            let id = id();
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
    /// When the record just read (it started at byte `start`) holds a quote that is never
    /// closed, so that its field runs to the end of the file (pandas stops on these with "EOF
    /// inside string"; the csv crate reads on), why it is rejected: the quote's line, the lines
    /// it swallows and how many of them look like rows of their own (a short first token, then
    /// at least as many delimiters as the header has).
    fn unclosed_quote(&self, start: u64) -> Option<String> {
        let lines = self.rdr.get_ref();
        let end = self.rdr.position().byte();
        if let Some((open_line, close_line)) = lines.misclosed_in(start, end) {
            let rows = self.row_like_lines();
            return (rows > 0).then(|| {
                let joined = if close_line == open_line + 1 {
                    format!("line {close_line} would join its field")
                } else {
                    format!("lines {}-{close_line} would join its field", open_line + 1)
                };
                format!(
                    "a quote opened on line {open_line} closes only on line {close_line}, in the \
                     middle of a field: {joined}, {rows} of them looking like rows of their own; \
                     check the quotes on line {open_line}"
                )
            });
        }
        let (at, quote_line) = lines.unclosed()?;
        if at < start || at >= end {
            return None;
        }
        let rows = self.row_like_lines();
        let last = lines.last_line();
        Some(if last == quote_line {
            format!(
                "a quote opened on line {quote_line} is never closed before the end of the file; \
                 close the quote"
            )
        } else {
            format!(
                "a quote opened on line {quote_line} is never closed: its field runs to the end \
                 of the file (line {last}), swallowing {} ({rows} of them look like rows of their \
                 own); close the quote",
                plural(last - quote_line, "line")
            )
        })
    }

    /// Lines inside the fields of the record just read, after each field's first, that look like
    /// rows of their own: a short first token, then at least as many delimiters as the header.
    fn row_like_lines(&self) -> usize {
        let delimiter = self.end.delimiter;
        let width = self.cols.width.max(2);
        let row_like = |l: &[u8]| {
            let head = l.iter().position(|&b| b == delimiter);
            head.is_some_and(|h| h > 0 && h <= 40 && !l[..h].contains(&b' '))
                && l.iter().filter(|&&b| b == delimiter).count() + 1 >= width
        };
        self.record
            .iter()
            .map(|field| {
                field
                    .split(|&b| b == b'\n' || b == b'\r')
                    .skip(1)
                    .filter(|l| row_like(l))
                    .count()
            })
            .sum()
    }
}

/// "1 line", "2 lines".
fn plural(n: u64, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// Hands out its bytes `step` at a time, so that line-end runs and quotes straddle reads.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(self.1).min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn read_in_steps(bytes: &[u8], step: usize) -> super::super::Ingested {
        let input = io::BufReader::with_capacity(step.max(1), Trickle(bytes, step));
        read_all(Stream::new(input, "t.csv").unwrap()).unwrap()
    }

    fn lines_and_rejections(bytes: &[u8]) -> (Vec<u64>, Vec<(u64, String)>) {
        let mut seen = None;
        for step in [1, 2, 3, 7, 1 << 16] {
            let r = read_in_steps(bytes, step);
            let got = (
                r.articles.iter().map(|a| a.line).collect::<Vec<_>>(),
                r.rejected
                    .iter()
                    .map(|x| (x.line, x.reason.clone()))
                    .collect::<Vec<_>>(),
            );
            if let Some(first) = &seen {
                assert_eq!(first, &got, "read {step} bytes at a time");
            }
            seen = Some(got);
        }
        seen.unwrap()
    }

    /// Regression (robustness issue): with lone `\r` line ends (old Mac files) every record was
    /// on line 1, since the csv reader counts `\n`s only.
    #[test]
    fn regression_lone_cr_line_ends_count_as_lines() {
        let (lines, rejected) = lines_and_rejections(b"id,text\r1,a\r2,\r3,\"x\ry\"\r\r4,\r5,b");
        assert_eq!(lines, [2, 4, 8]);
        assert_eq!(
            rejected.iter().map(|r| r.0).collect::<Vec<_>>(),
            [3, 7],
            "{rejected:?}"
        );
    }

    /// Regression (robustness issue): a quote left open in the last rows swallowed them into
    /// one text with no message when they were too few to look like a run of rows.
    #[test]
    fn regression_a_quote_open_at_the_end_of_the_file_rejects_its_record() {
        let (lines, rejected) = lines_and_rejections(b"id,text\n1,ok\n2,\"abc\n3,def\n");
        assert_eq!(lines, [2]);
        assert_eq!(rejected.len(), 1);
        assert_eq!(rejected[0].0, 3);
        assert!(
            rejected[0].1.starts_with(
                "a quote opened on line 3 is never closed: its field runs to the end of the file \
                 (line 4), swallowing 1 line (1 of them look like rows"
            ),
            "{}",
            rejected[0].1
        );
        let (_, rejected) = lines_and_rejections(b"id,text\r\n1,\"truncated");
        assert_eq!(rejected[0].0, 2);
        assert!(rejected[0].1.contains("never closed before the end"));
    }

    /// Regression (robustness issue): a quote left open in one row and closed by the opening
    /// quote of a later row's field merged the rows between into one text, with no message.
    #[test]
    fn regression_a_quote_closed_rows_later_in_mid_field_rejects_its_record() {
        let (lines, rejected) = lines_and_rejections(
            b"id,outlet,text\n1,a.fr,ok\n2,b.fr,\"Deux\n3,c.fr,Trois (AFP)\n4,d.fr,\"Quatre\"\n5,e.fr,Cinq\n",
        );
        assert_eq!(lines, [2, 6]);
        assert_eq!(
            rejected,
            [(
                3,
                "a quote opened on line 3 closes only on line 5, in the middle of a field: lines \
                 4-5 would join its field, 2 of them looking like rows of their own; check the \
                 quotes on line 3"
                    .to_string()
            )]
        );
        // A field over several lines closed in mid-field with no row-shaped line is kept.
        let (lines, rejected) = lines_and_rejections(b"id,text\n1,\"a\nb\"c\n2,d\n");
        assert_eq!((lines, rejected.len()), (vec![2, 4], 0));
    }

    /// Closed quotes are not taken for open ones: a doubled quote inside a quoted field, a quote
    /// inside a bare field, a quoted field that holds lines shaped like rows, a quoted field
    /// closed by the last byte of the file.
    #[test]
    fn closed_quotes_and_bare_quotes_are_not_unclosed() {
        let (lines, rejected) = lines_and_rejections(
            b"id,text\n1,\"say \"\"hi\"\"\"\n2,5\" screen\n3,\"a\n4,b\n5,c\"\n6,\"end\"",
        );
        assert!(rejected.is_empty(), "{rejected:?}");
        assert_eq!(lines, [2, 3, 4, 7]);
    }
}
