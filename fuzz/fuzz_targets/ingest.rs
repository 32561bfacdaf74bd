//! CSV bytes → the library's reader: every data row is either an article or a rejection, both the
//! in-memory reader and the chunked stream agree, and every record range lies inside the input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(all) = credence::ingest::read_csv(data, "fuzz.csv") else {
        // A fatal header error must also be fatal for the stream.
        assert!(credence::ingest::Stream::new(data, "fuzz.csv").is_err());
        return;
    };
    assert_eq!(all.rows, all.articles.len() + all.rejected.len());
    assert_eq!(all.articles.len(), all.texts.len());
    for t in &all.texts {
        assert!(!t.trim().is_empty());
    }
    let mut ids: Vec<&str> = all.articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(n, ids.len(), "duplicate ids accepted");
    for a in &all.articles {
        assert!(!a.id.is_empty());
        assert!(a.line >= 2, "a data row on the header's line");
        if let Some(p) = &a.published {
            assert_eq!(p.len(), 10, "{p}");
        }
    }
    // `\n`, `\r\n` and a lone `\r` each end a line, so every record has a line of its own.
    assert!(
        all.articles.windows(2).all(|w| w[0].line < w[1].line),
        "lines out of order"
    );
    assert!(
        all.rejected.windows(2).all(|w| w[0].line < w[1].line),
        "rejection lines out of order"
    );
    for r in &all.rejected {
        assert!(r.line >= 2, "{r:?}");
    }
    // Only the last record can hold a quote left open to the end of the file.
    let unclosed = all.rejected.iter().filter(|r| r.reason.contains("never closed")).count();
    assert!(unclosed <= 1);
    if unclosed == 1 {
        let last = all.rejected.last().unwrap();
        assert!(last.reason.contains("never closed"));
        assert!(all.articles.last().is_none_or(|a| a.line < last.line));
    }
    // The stream in chunks of 3 sees the same rows.
    let mut s = credence::ingest::Stream::new(data, "fuzz.csv").expect("header read once");
    let mut got = 0;
    while let Some(c) = s
        .next_chunk(3)
        .expect("in-memory input cannot fail to read")
    {
        assert!(c.articles.len() <= 3 && !c.articles.is_empty());
        got += c.articles.len();
    }
    let end = s.finish();
    assert_eq!(got, all.articles.len());
    assert_eq!(end.rows, all.rows);
    assert_eq!(end.rejected, all.rejected);
    assert_eq!(end.spans.len(), got);
    for &(start, len) in &end.spans {
        assert!(
            start + len <= data.len() as u64,
            "record range outside the input"
        );
    }
});
