//! The citation extractor on any text (and title): every citation's offsets lie inside its field
//! on character boundaries, name a registry source, and come in order of position.
#![no_main]
use std::sync::OnceLock;

use credence::citations::{Extractor, Field};
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
    let Some((text, title)) = credence_fuzz::text_and_title(data) else {
        return;
    };
    let (reg, ex) = tools();
    for (field, t) in [(Field::Text, Some(text)), (Field::Title, title)] {
        let Some(t) = t else { continue };
        let view = TextView::new(t);
        for s in view
            .segs
            .lines
            .iter()
            .chain(&view.segs.sentences)
            .chain(&view.segs.paragraphs)
        {
            credence_fuzz::check_span(t, s.start, s.end, "segment");
        }
        for w in &view.words {
            let (s, e) = view.original(*w);
            credence_fuzz::check_span(t, s, e, "word");
        }
        let cites = ex.extract_dated(field, &view, Some(2020));
        for c in &cites {
            assert_eq!(c.field, field);
            credence_fuzz::check_span(t, c.start, c.end, "citation");
            assert!(reg.get(&c.source).is_some(), "unknown source {}", c.source);
            if let Some(v) = &c.via {
                assert!(reg.get(v).is_some(), "unknown relay {v}");
            }
        }
        assert!(
            cites.windows(2).all(|w| w[0].start <= w[1].start),
            "citations out of order"
        );
    }
});
