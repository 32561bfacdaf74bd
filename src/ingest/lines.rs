//! The input as the csv reader reads it, with its own line count and the csv reader's quoting
//! followed byte by byte: line numbers for records, and quotes that never close or close in the
//! middle of a field.

use std::collections::VecDeque;
use std::io::{self, Read};

/// The input as the csv reader reads it, counting line ends itself — `\n`, `\r\n` and a lone
/// `\r` each end one line, where the csv reader counts `\n`s only (every line of an old-Mac file
/// would be line 1) — and following the reader's quoting, so that a quote still open at the end
/// of the file is seen ([`Lines::unclosed`]).
///
/// It keeps the runs of line-end bytes near the reader's position: a record starts after the run
/// that holds its predecessor's terminator (the `\n` of a `\r\n`, blank lines the reader skips).
/// Runs further back than [`Lines::KEEP`] bytes are forgotten (the csv reader reads ahead less),
/// except the one a [`Lines::mark`]ed record start needs.
pub(super) struct Lines<R> {
    inner: R,
    offset: u64,
    /// Line ends before `offset`.
    lines: u64,
    /// The last byte read was a `\r` (its line end is counted; a `\n` after it is not).
    after_cr: bool,
    /// The last byte read ended a line.
    ended_line: bool,
    /// `(start, end, line ends before end)` of each run of line-end bytes, in order.
    runs: VecDeque<(u64, u64, u64)>,
    delimiter: u8,
    quote: Quote,
    /// Offset and 1-based line of the quote that opened the field being read, if one is open.
    open: Option<(u64, u64)>,
    /// Quoted fields over several lines whose closing quote is followed by more of the field
    /// (`"…\n3,c.fr,"Quatre"`: the quote that closes is the next field's opening one), as the
    /// opening quote's offset and line and the closing quote's line, in order; those before the
    /// marked record are forgotten.
    misclosed: VecDeque<(u64, u64, u64)>,
    eof: bool,
}

/// Where the csv reader's quoting is, as `csv_core` reads it (double quotes, no escape byte).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Quote {
    /// At the start of a field.
    Start,
    /// In an unquoted field: a quote is an ordinary byte.
    Bare,
    /// In a quoted field.
    Open,
    /// A quote seen in a quoted field: it closes the field unless another quote follows.
    Closing,
}

impl<R> Lines<R> {
    /// Bytes behind the read offset a record start can be (the csv reader's buffer is 8 KiB).
    const KEEP: u64 = 1 << 16;

    pub(super) fn new(inner: R, delimiter: u8) -> Lines<R> {
        Lines {
            inner,
            offset: 0,
            lines: 0,
            after_cr: false,
            ended_line: false,
            runs: VecDeque::new(),
            delimiter,
            quote: Quote::Start,
            open: None,
            misclosed: VecDeque::new(),
            eof: false,
        }
    }

    /// Forgets the runs before a record that starts at byte `at`: the run it starts after is
    /// kept until [`Lines::line_of`] reads it, however long the record.
    pub(super) fn mark(&mut self, at: u64) {
        while self.runs.front().is_some_and(|r| r.1 < at) {
            self.runs.pop_front();
        }
        while self.misclosed.front().is_some_and(|m| m.0 < at) {
            self.misclosed.pop_front();
        }
    }

    /// The first quoted field over several lines closed in the middle of a field (see
    /// [`Lines::misclosed`]) whose opening quote is in `start..end`.
    pub(super) fn misclosed_in(&self, start: u64, end: u64) -> Option<(u64, u64)> {
        self.misclosed
            .iter()
            .find(|m| (start..end).contains(&m.0))
            .map(|m| (m.1, m.2))
    }

    /// The 1-based line of the first byte of a record the reader placed at byte `at` (marked):
    /// the line after the run of line ends that holds or ends at `at`; `None` when no run does
    /// (the header, at byte 0).
    pub(super) fn line_of(&self, at: u64) -> Option<u64> {
        match self.runs.front() {
            Some(&(start, end, lines)) if start <= at && at <= end => Some(lines + 1),
            _ => None,
        }
    }

    /// The offset and 1-based line of a quote still open at the end of the input, once the
    /// input has been read to its end.
    pub(super) fn unclosed(&self) -> Option<(u64, u64)> {
        self.open.filter(|_| self.eof)
    }

    /// The 1-based line of the last byte read.
    pub(super) fn last_line(&self) -> u64 {
        self.lines + u64::from(!self.ended_line)
    }

    fn scan(&mut self, bytes: &[u8]) {
        for (i, &b) in bytes.iter().enumerate() {
            let at = self.offset + i as u64;
            let line_end = b == b'\n' || b == b'\r';
            if line_end {
                if !(b == b'\n' && self.after_cr) {
                    self.lines += 1;
                }
                match self.runs.back_mut() {
                    Some(run) if run.1 == at => {
                        run.1 += 1;
                        run.2 = self.lines;
                    }
                    _ => self.runs.push_back((at, at + 1, self.lines)),
                }
            }
            self.after_cr = b == b'\r';
            self.ended_line = line_end;
            self.quote = match (self.quote, b) {
                (Quote::Start, b'"') => {
                    self.open = Some((at, self.lines + 1));
                    Quote::Open
                }
                (Quote::Open, b'"') => Quote::Closing,
                (Quote::Open, _) => Quote::Open,
                (Quote::Closing, b'"') => Quote::Open,
                (Quote::Start | Quote::Bare | Quote::Closing, _)
                    if line_end || b == self.delimiter =>
                {
                    Quote::Start
                }
                (Quote::Closing, _) => {
                    if let Some((open_at, open_line)) = self.open {
                        if open_line <= self.lines {
                            self.misclosed
                                .push_back((open_at, open_line, self.lines + 1));
                        }
                    }
                    Quote::Bare
                }
                _ => Quote::Bare,
            };
            if self.quote != Quote::Open && self.quote != Quote::Closing {
                self.open = None;
            }
        }
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() {
            self.eof = true;
            if self.quote == Quote::Closing {
                self.open = None;
            }
        }
        self.scan(&buf[..n]);
        self.offset += n as u64;
        let keep_from = self.offset.saturating_sub(Self::KEEP);
        while self.runs.get(1).is_some_and(|r| r.1 < keep_from) {
            self.runs.remove(1);
        }
        Ok(n)
    }
}
