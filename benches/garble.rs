//! Garble-stage throughput on clean wire copy (Reuters-21578), single thread.
//!
//! ```sh
//! cargo bench --bench garble
//! ```
//!
//! Times the garble stage alone — surface patterns, language identification of the article and of
//! every sentence, glued words, repeated lines, foreign fragments, self-promotion — over texts whose
//! segments and citations are computed beforehand (they belong to shared stages). Reports MB/s and
//! the same run's `wc -w` time on the file as a baseline ratio.

use std::time::Instant;

use credence::citations::{Extractor, Field};
use credence::garble::{self, Doc, Garbler};
use credence::text::TextView;
use credence::Registry;

fn main() {
    let path = "../shared/data/corpora/reuters21578.csv";
    let Ok(mut rdr) = csv::Reader::from_path(path) else {
        eprintln!("{path} not found: skipping");
        return;
    };
    let h = rdr.headers().unwrap().clone();
    let t = h.iter().position(|c| c == "text").unwrap();
    let texts: Vec<String> = rdr
        .records()
        .map(|r| r.unwrap()[t].to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let registry = Registry::bundled();
    let ex = Extractor::new(&registry);
    let views: Vec<TextView> = texts.iter().map(|s| TextView::new(s)).collect();
    let cites: Vec<_> = views.iter().map(|v| ex.extract(Field::Text, v)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let garbler = Garbler::bundled();
    let wc = {
        let t0 = Instant::now();
        let _ = std::process::Command::new("wc")
            .arg("-w")
            .arg(path)
            .output();
        t0.elapsed().as_secs_f64()
    };
    for lang in [Some("en"), None] {
        let mut best = f64::INFINITY;
        let mut flagged = 0;
        for _ in 0..3 {
            let t0 = Instant::now();
            flagged = 0;
            for (view, c) in views.iter().zip(&cites) {
                let doc = Doc {
                    view,
                    title: None,
                    lang,
                    boilerplate: &[],
                    citations: c,
                    registry: &registry,
                    vocab: None,
                };
                let (flags, _) = garbler.flags(&doc);
                if garble::score(&flags) > 0.0 {
                    flagged += 1;
                }
            }
            best = best.min(t0.elapsed().as_secs_f64());
        }
        println!(
            "garble stage, lang {}: {} texts, {:.1} MB in {:.3}s = {:.1} MB/s single thread ({:.1}x the wc -w time of the whole file, {:.3}s); {} texts with a counted flag",
            lang.unwrap_or("detected"),
            texts.len(),
            bytes as f64 / 1e6,
            best,
            bytes as f64 / 1e6 / best,
            best / wc,
            wc,
            flagged
        );
    }
}
