//! The garble stage on any text (title after `\x1f`): every flag's offsets lie inside its field on
//! character boundaries, the score is in [0, 1], and appending a flag never lowers it.
#![no_main]
use std::sync::OnceLock;

use credence::citations::{Extractor, Field};
use credence::garble::{self, Doc, Garbler};
use credence::text::TextView;
use credence::Registry;
use libfuzzer_sys::fuzz_target;

fn tools() -> &'static (Registry, Extractor, Garbler) {
    static T: OnceLock<(Registry, Extractor, Garbler)> = OnceLock::new();
    T.get_or_init(|| {
        let r = Registry::bundled();
        let e = Extractor::new(&r);
        (r, e, Garbler::bundled())
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((text, title)) = credence_fuzz::text_and_title(data) else {
        return;
    };
    let (reg, ex, g) = tools();
    let view = TextView::new(text);
    let citations = ex.extract(Field::Text, &view);
    let lang = match text.len() % 4 {
        0 => None,
        1 => Some("fr"),
        2 => Some("en"),
        _ => Some("de"),
    };
    // The first line as boilerplate when the text has several.
    let bp: Vec<_> = view
        .segs
        .lines
        .iter()
        .take(usize::from(view.segs.lines.len() > 2))
        .copied()
        .collect();
    let doc = Doc {
        view: &view,
        title,
        lang,
        boilerplate: &bp,
        citations: &citations,
        registry: reg,
        vocab: None,
    };
    let (flags, _lang) = g.flags(&doc);
    for f in &flags {
        let field = match f.field {
            Field::Text => text,
            Field::Title => title.expect("a title flag needs a title"),
        };
        credence_fuzz::check_span(field, f.start, f.end, "flag");
    }
    let s = garble::score(&flags);
    assert!((0.0..=1.0).contains(&s), "score {s}");
    if let Some(f) = flags.first() {
        let mut more = flags.clone();
        let mut extra = f.clone();
        extra.counted = true;
        more.push(extra);
        assert!(garble::score(&more) >= s, "an added flag lowered the score");
    }
});
