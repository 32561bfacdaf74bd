//! Registry parsing: any text is a registry or a typed error naming its line; a registry that
//! parses builds an extractor that runs on a short text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    match credence::Registry::parse(s, "fuzz.csv") {
        Ok(r) => {
            let ids: Vec<&str> = r.sources().iter().map(|s| s.id.as_str()).collect();
            assert!(
                ids.windows(2).all(|w| w[0] < w[1]),
                "registry not sorted by unique id"
            );
            for src in r.sources() {
                assert!(src.prior_mean.is_finite() && src.prior_strength.is_finite());
                assert!(r.get(&src.id).is_some());
            }
            if r.sources().len() <= 64 {
                let ex = credence::citations::Extractor::new(&r);
                let text = "PARIS (AFP) - Selon Reuters, l'agence Yonhap, citant le NIS, a dit.";
                let view = credence::text::TextView::new(text);
                for c in ex.extract(credence::citations::Field::Text, &view) {
                    credence_fuzz::check_span(text, c.start, c.end, "citation");
                    assert!(r.get(&c.source).is_some());
                }
            }
        }
        Err(e) => {
            let m = e.to_string();
            assert!(m.starts_with("fuzz.csv"), "{m}");
        }
    }
});
