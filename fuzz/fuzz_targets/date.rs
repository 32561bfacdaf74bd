//! Date parsing: any string gives `None` or a valid `YYYY-MM-DD` date, and parsing it again
//! gives it back.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(d) = credence::ingest::parse_date(s) {
        let b = d.as_bytes();
        assert!(
            d.len() == 10 && b[4] == b'-' && b[7] == b'-',
            "{s:?} -> {d:?}"
        );
        let (y, m, day): (u32, u32, u32) = (
            d[..4].parse().unwrap(),
            d[5..7].parse().unwrap(),
            d[8..].parse().unwrap(),
        );
        assert!(
            (1..=12).contains(&m) && (1..=31).contains(&day) && y > 0,
            "{s:?} -> {d:?}"
        );
        assert_eq!(
            credence::ingest::parse_date(&d).as_deref(),
            Some(d.as_str())
        );
        let _ = credence::copies::translated::day_number(&d);
    }
    let _ = credence::copies::translated::day_number(s);
});
