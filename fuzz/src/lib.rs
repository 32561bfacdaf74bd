//! Shared checks of the fuzz targets: spans inside their field and on UTF-8 character boundaries.

/// Panics unless `start..end` is a valid byte range of `text` on character boundaries.
pub fn check_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} outside a field of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} not on a char boundary"
    );
}

/// Splits fuzz bytes into a UTF-8 text and an optional title at the first `\x1f` (unit separator).
pub fn text_and_title(data: &[u8]) -> Option<(&str, Option<&str>)> {
    let s = std::str::from_utf8(data).ok()?;
    Some(match s.split_once('\u{1f}') {
        Some((t, title)) => (t, Some(title)),
        None => (s, None),
    })
}
