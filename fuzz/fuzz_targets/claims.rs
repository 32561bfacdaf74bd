//! Claim extraction on any text: every claim and unreadable number lies inside the text on
//! character boundaries, with finite values, low ≤ high and a non-empty unit.
#![no_main]
use std::sync::OnceLock;

use credence::citations::{Extractor, Field};
use credence::score::claims;
use credence::text::TextView;
use credence::Registry;
use libfuzzer_sys::fuzz_target;

fn tools() -> &'static (Registry, Extractor) {
    static T: OnceLock<(Registry, Extractor)> = OnceLock::new();
    T.get_or_init(|| {
        let r = Registry::bundled();
        let e = Extractor::new(&r);
        (r, e)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (reg, ex) = tools();
    let view = TextView::new(text);
    let citations = ex.extract(Field::Text, &view);
    // Both noun conventions (German capitalises every noun), chosen by the input's length.
    let nouns_capitalised = text.len() % 2 == 1;
    let (found, unreadable) = claims::extract(text, &view.segs, &citations, &|| nouns_capitalised);
    for c in &found {
        credence_fuzz::check_span(text, c.start, c.end, "claim");
        assert!(c.low.is_finite() && c.high.is_finite(), "{c:?}");
        assert!(c.low <= c.high, "{c:?}");
        assert!(!c.unit.is_empty(), "{c:?}");
        for s in &c.sources {
            assert!(reg.get(s).is_some());
        }
    }
    for u in &unreadable {
        credence_fuzz::check_span(text, u.start, u.end, "unreadable number");
    }
});
