//! HTML and DOT escaping: HTML escaping leaves no raw `<`, `>`, `&` (outside an entity), `"` or `'`
//! and unescapes back to the input; a DOT string is one quoted string with no unescaped quote,
//! no raw line break and no control character, and unescapes back to the input with `\r` and
//! control characters replaced.
#![no_main]
use libfuzzer_sys::fuzz_target;

fn html_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let h = credence::report::html::escape(s);
    assert!(!h.contains(['<', '>', '"', '\'']), "{h:?}");
    for (i, _) in h.match_indices('&') {
        let rest = &h[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|e| rest.starts_with(e)),
            "raw & in {h:?}"
        );
    }
    assert_eq!(html_unescape(&h), s);

    let q = credence::graph::dot::quote(s);
    assert!(q.len() >= 2 && q.starts_with('"') && q.ends_with('"'));
    let inner = &q[1..q.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        assert!(c != '"', "unescaped quote in {q:?}");
        assert!(!c.is_control(), "control character in {q:?}");
        if c == '\\' {
            match chars.next() {
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some('n') => out.push('\n'),
                other => panic!("bad escape {other:?} in {q:?}"),
            }
        } else {
            out.push(c);
        }
    }
    let expected: String = s
        .chars()
        .filter(|&c| c != '\r')
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect();
    assert_eq!(out, expected);
});
