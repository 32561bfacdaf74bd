//! Copy verification of two texts (split at the first `\x1f`) and the translation verifier:
//! containments in [0, 1], every passage inside both texts on character boundaries, and the
//! verdict the same whichever text comes first.
#![no_main]
use std::sync::OnceLock;

use credence::copies::{anchors, candidates, tokens, translated, verify};
use credence::garble::Garbler;
use credence::text::TextView;
use libfuzzer_sys::fuzz_target;

fn garbler() -> &'static Garbler {
    static G: OnceLock<Garbler> = OnceLock::new();
    G.get_or_init(Garbler::bundled)
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let (a, b) = s.split_once('\u{1f}').unwrap_or((s, s));
    let (va, vb) = (TextView::new(a), TextView::new(b));
    let (ta, tb) = (tokens::tokenize(&va, &[]), tokens::tokenize(&vb, &[]));
    for t in &ta {
        credence_fuzz::check_span(a, t.start as usize, t.end as usize, "token");
    }
    let (sa, sb) = (candidates::shingles(&ta), candidates::shingles(&tb));
    let v = verify::verify(&ta, &sa, &tb, &sb);
    assert!(
        (0.0..=1.0).contains(&v.containment_a) && (0.0..=1.0).contains(&v.containment_b),
        "{v:?}"
    );
    for p in &v.passages {
        credence_fuzz::check_span(a, p.a_start, p.a_end, "passage in a");
        credence_fuzz::check_span(b, p.b_start, p.b_end, "passage in b");
    }
    let w = verify::verify(&tb, &sb, &ta, &sa);
    assert_eq!(
        v.relation, w.relation,
        "verdict depends on the order of the texts"
    );
    assert_eq!(v.containment_a, w.containment_b);

    let langid = garbler().langid();
    let (xa, xb) = (
        anchors::sentences(&va, langid),
        anchors::sentences(&vb, langid),
    );
    for x in &xa {
        credence_fuzz::check_span(a, x.span.start, x.span.end, "anchored sentence");
    }
    if let Some(t) = translated::verify(&xa, &xb) {
        assert!((0.0..=1.0).contains(&t.containment_a) && (0.0..=1.0).contains(&t.containment_b));
        assert!(t.strength.is_finite());
        for p in &t.passages {
            credence_fuzz::check_span(a, p.a_start, p.a_end, "translated passage in a");
            credence_fuzz::check_span(b, p.b_start, p.b_end, "translated passage in b");
        }
    }
});
