//! Random access to article texts once they have been streamed through: kept in memory for inputs
//! read into memory, or read again from the input file by record byte range, so that a run over a
//! large file never holds every text at once.

use std::borrow::Cow;
use std::fs::File;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The texts of the accepted articles, by article index.
#[derive(Debug)]
pub enum Texts {
    /// Every text in memory.
    Memory(Vec<String>),
    /// Texts read again from the input file.
    File(FileTexts),
}

/// Texts read back from the input file by the byte range of their record.
#[derive(Debug)]
pub struct FileTexts {
    file: File,
    spans: Vec<(u64, u64)>,
    column: usize,
    delimiter: u8,
    failures: AtomicUsize,
}

impl Texts {
    /// Texts read from `file`, whose accepted records span `spans` (`(start, length)` in bytes),
    /// with the text in column `column`.
    pub fn file(file: File, spans: Vec<(u64, u64)>, column: usize, delimiter: u8) -> Texts {
        Texts::File(FileTexts {
            file,
            spans,
            column,
            delimiter,
            failures: AtomicUsize::new(0),
        })
    }

    /// Number of texts.
    pub fn len(&self) -> usize {
        match self {
            Texts::Memory(v) => v.len(),
            Texts::File(f) => f.spans.len(),
        }
    }

    /// True when there is no text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Text of article `i` (empty, and counted in [`Texts::failures`], if it cannot be read
    /// again: the file changed or vanished during the run).
    pub fn get(&self, i: usize) -> Cow<'_, str> {
        match self {
            Texts::Memory(v) => Cow::Borrowed(v.get(i).map_or("", String::as_str)),
            Texts::File(f) => Cow::Owned(f.range(i..i + 1).pop().unwrap_or_default()),
        }
    }

    /// Texts of articles `r`, read in one sequential pass for a file.
    pub fn range(&self, r: Range<usize>) -> Vec<Cow<'_, str>> {
        match self {
            Texts::Memory(v) => v[r.start.min(r.end).min(v.len())..r.end.min(v.len())]
                .iter()
                .map(|s| Cow::Borrowed(s.as_str()))
                .collect(),
            Texts::File(f) => f.range(r).into_iter().map(Cow::Owned).collect(),
        }
    }

    /// Reads of texts that failed (0 unless the input changed during the run; one text read
    /// several times counts several times).
    pub fn failures(&self) -> usize {
        match self {
            Texts::Memory(_) => 0,
            Texts::File(f) => f.failures.load(Ordering::Relaxed),
        }
    }
}

impl FileTexts {
    fn range(&self, r: Range<usize>) -> Vec<String> {
        let end = r.end.min(self.spans.len());
        let r = r.start.min(end)..end;
        let wanted = &self.spans[r];
        let (Some(first), Some(last)) = (wanted.first(), wanted.last()) else {
            return Vec::new();
        };
        let base = first.0;
        let mut buf = vec![0u8; (last.0 + last.1 - base) as usize];
        if read_at(&self.file, base, &mut buf).is_err() {
            self.failures.fetch_add(wanted.len(), Ordering::Relaxed);
            return vec![String::new(); wanted.len()];
        }
        let out = parse(buf, base, wanted, self.column, self.delimiter);
        let failed = out.iter().filter(|t| t.is_none()).count();
        if failed > 0 {
            self.failures.fetch_add(failed, Ordering::Relaxed);
        }
        out.into_iter().map(Option::unwrap_or_default).collect()
    }
}

thread_local! {
    /// One CSV reader per thread, reset for each read: building one costs more than parsing a
    /// record.
    static READER: std::cell::RefCell<(u8, csv::Reader<std::io::Cursor<Vec<u8>>>)> =
        std::cell::RefCell::new((b',', reader(b',')));
}

/// The text column of the records of `buf` (which starts at file offset `base`) that begin at the
/// offsets in `wanted`; rejected records in between are skipped.
fn reader(delimiter: u8) -> csv::Reader<std::io::Cursor<Vec<u8>>> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(std::io::Cursor::new(Vec::new()))
}

fn parse(
    buf: Vec<u8>,
    base: u64,
    wanted: &[(u64, u64)],
    column: usize,
    delimiter: u8,
) -> Vec<Option<String>> {
    READER.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.0 != delimiter {
            *cell = (delimiter, reader(delimiter));
        }
        let rdr = &mut cell.1;
        *rdr.get_mut() = std::io::Cursor::new(buf);
        // `seek_raw` always seeks (and so drops the previous buffer's bytes); `seek` skips a seek to
        // the position it believes it is at.
        if rdr
            .seek_raw(std::io::SeekFrom::Start(0), csv::Position::new())
            .is_err()
        {
            return vec![None; wanted.len()];
        }
        let mut out = vec![None; wanted.len()];
        let mut record = csv::ByteRecord::new();
        let mut k = 0;
        while k < wanted.len() {
            match rdr.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(_) => continue,
            }
            let at = base + record.position().map_or(0, csv::Position::byte);
            while k < wanted.len() && wanted[k].0 < at {
                k += 1;
            }
            if k < wanted.len() && wanted[k].0 == at {
                out[k] = record
                    .get(column)
                    .and_then(|b| std::str::from_utf8(b).ok())
                    .map(str::to_string);
                k += 1;
            }
        }
        out
    })
}

#[cfg(unix)]
fn read_at(file: &File, offset: u64, buf: &mut [u8]) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &File, mut offset: u64, mut buf: &mut [u8]) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    #[test]
    fn file_texts_match_the_streamed_texts() {
        let csv = "\u{feff}id,text\n1,\"first\nline\"\n2\n3,\"say \"\"hi\"\"\"\n1,dup\n4,last";
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(csv.as_bytes()).unwrap();
        let input = super::super::Input::open(f.path().to_str().unwrap()).unwrap();
        let mut stream = input.stream().unwrap();
        let mut streamed = Vec::new();
        while let Some(c) = stream.next_chunk(2).unwrap() {
            streamed.extend(c.texts);
        }
        let end = stream.finish();
        assert_eq!(end.rejected.len(), 2);
        let texts = input
            .texts(end.spans, end.text_column, end.delimiter)
            .unwrap();
        assert_eq!(streamed, ["first\nline", "say \"hi\"", "last"]);
        let all: Vec<String> = texts.range(0..3).into_iter().map(|c| c.into()).collect();
        assert_eq!(all, streamed);
        assert_eq!(texts.get(1), "say \"hi\"");
        assert_eq!(texts.get(2), "last");
        assert_eq!(texts.get(7), "");
        assert_eq!(texts.failures(), 0);
    }

    #[test]
    fn a_file_changed_under_the_run_is_counted_not_panicked_on() {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(b"id,text\n1,abc\n2,defg\n").unwrap();
        let texts = super::Texts::file(f.reopen().unwrap(), vec![(8, 6), (14, 7)], 1, b',');
        assert_eq!(texts.get(1), "defg");
        f.as_file().set_len(10).unwrap();
        assert_eq!(texts.get(1), "");
        assert_eq!(texts.range(0..2).len(), 2);
        assert!(texts.failures() >= 2);
    }
}
