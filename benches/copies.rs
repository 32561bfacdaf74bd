//! Copy-detection benchmark: throughput, growth and accuracy on real and generated corpora.
//!
//! ```sh
//! cargo bench --bench copies                 # gj_dev + generated 10k and 100k articles
//! cargo bench --bench copies -- 10000 100000 # generated sizes to measure
//! ```
//!
//! Generated corpora come from `examples/gen_corpus.rs` (built and run by this bench into
//! `target/bench-corpora/`), with planted copies in a `.truth.csv` beside each CSV. Recall counts
//! planted pairs found; precision counts found pairs whose two sides belong to one planted family
//! (copies of one original are copies of each other too). Figures are reported with the `wc -w` time
//! of the same file measured in the same run, as a ratio: these machines are noisy.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use rayon::prelude::*;

use credence::analyze::{analyze, copy_inputs};
use credence::boilerplate::Boilerplate;
use credence::copies;
use credence::ingest::Input;
use credence::text::TextView;
use credence::{Analysis, Registry};

fn wc_seconds(path: &Path) -> f64 {
    let t = Instant::now();
    let ok = Command::new("wc")
        .arg("-w")
        .arg(path)
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        t.elapsed().as_secs_f64()
    } else {
        f64::NAN
    }
}

fn generate(n: usize) -> PathBuf {
    let dir = PathBuf::from("target/bench-corpora");
    std::fs::create_dir_all(&dir).expect("create target/bench-corpora");
    let out = dir.join(format!("gen{n}.csv"));
    if !out.exists() {
        let status = Command::new("cargo")
            .args([
                "run",
                "--release",
                "--quiet",
                "--example",
                "gen_corpus",
                "--",
            ])
            .arg(n.to_string())
            .arg(&out)
            .status()
            .expect("run gen_corpus");
        assert!(status.success(), "gen_corpus failed");
    }
    out
}

fn families(truth: &Path) -> (Vec<(String, String)>, BTreeMap<String, String>) {
    let mut planted = Vec::new();
    let mut parent: BTreeMap<String, String> = BTreeMap::new();
    fn root(p: &BTreeMap<String, String>, x: &str) -> String {
        let mut r = x.to_string();
        while let Some(n) = p.get(&r) {
            if *n == r {
                break;
            }
            r = n.clone();
        }
        r
    }
    let mut rdr = csv::Reader::from_path(truth).expect("truth file");
    for rec in rdr.records() {
        let rec = rec.expect("truth row");
        let (a, b) = (rec[0].to_string(), rec[1].to_string());
        let (ra, rb) = (root(&parent, &a), root(&parent, &b));
        parent.entry(ra.clone()).or_insert(ra.clone());
        parent.entry(rb.clone()).or_insert(rb.clone());
        if ra != rb {
            parent.insert(ra.max(rb.clone()), rb.min(root(&parent, &a)));
        }
        planted.push((a, b));
    }
    let fam: BTreeMap<String, String> = parent
        .keys()
        .map(|k| (k.clone(), root(&parent, k)))
        .collect();
    (planted, fam)
}

/// The copy stage alone over an analysis held in memory: boilerplate, sketches, candidates,
/// verification.
fn copy_stage(analysis: &Analysis, inputs: &[copies::CopyInput]) -> copies::Copies {
    let texts: Vec<String> = (0..analysis.articles.len())
        .map(|i| analysis.text(i).into_owned())
        .collect();
    let known = |i: usize| analysis.articles[i].article.outlet_known;
    let bp = Boilerplate::learn((0..texts.len()).filter(|&i| known(i)).map(|i| {
        (
            analysis.articles[i].article.outlet.as_str(),
            texts[i].as_str(),
        )
    }));
    let lines = |i: usize, view: &TextView| {
        if known(i) {
            bp.lines_of(&analysis.articles[i].article.outlet, view)
        } else {
            Vec::new()
        }
    };
    let sketches: copies::Sketches = (0..texts.len())
        .into_par_iter()
        .map(|i| {
            let view = TextView::new(&texts[i]);
            copies::sketch(&view, &lines(i, &view))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    let words = |i: usize| copies::Words::new(&texts[i], |view| lines(i, view));
    copies::detect(
        inputs,
        sketches,
        &words,
        None,
        &copies::CopyOptions::default(),
    )
}

fn run(path: &Path, registry: &Registry) {
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) as f64;
    let wc = wc_seconds(path);
    let t0 = Instant::now();
    let ingested = Input::open(path.to_str().unwrap())
        .and_then(|i| i.read())
        .expect("read corpus");
    let t_ingest = t0.elapsed().as_secs_f64();
    let n = ingested.articles.len();
    let t1 = Instant::now();
    let analysis = analyze(ingested, registry);
    let t_all = t1.elapsed().as_secs_f64();
    let inputs = copy_inputs(&analysis.articles, registry);
    let t2 = Instant::now();
    let found = copy_stage(&analysis, &inputs);
    let t_copies = t2.elapsed().as_secs_f64();
    let total = t_ingest + t_all;
    println!(
        "{}: {n} articles, {:.1} MB | wc -w {:.3}s | ingest {:.3}s, full analysis {:.3}s ({:.0} articles/s, {:.1} MB/s, {:.1}x wc) | copy stage alone {:.3}s ({:.0} articles/s), {} candidates, {} pairs",
        path.display(),
        bytes / 1e6,
        wc,
        t_ingest,
        t_all,
        n as f64 / total,
        bytes / 1e6 / total,
        total / wc,
        t_copies,
        n as f64 / t_copies,
        found.candidates,
        found.pairs.len()
    );
    let truth = PathBuf::from(path.to_str().unwrap().replace(".csv", ".truth.csv"));
    if truth.exists() {
        let (planted, fam) = families(&truth);
        let id = |i: usize| analysis.articles[i].article.id.clone();
        let got: BTreeSet<(String, String)> =
            found.pairs.iter().map(|p| (id(p.a), id(p.b))).collect();
        let hit = planted.iter().filter(|p| got.contains(p)).count();
        let same_family = got
            .iter()
            .filter(|(a, b)| fam.contains_key(a) && fam.get(a) == fam.get(b))
            .count();
        println!(
            "    planted {}: recall {:.3}; found {}: precision {:.3} (pairs within one planted family)",
            planted.len(),
            hit as f64 / planted.len().max(1) as f64,
            got.len(),
            same_family as f64 / got.len().max(1) as f64
        );
    }
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if args.is_empty() {
        vec![10_000, 100_000]
    } else {
        args
    };
    let registry = Registry::bundled();
    let gj = Path::new("../shared/data/corpora/gj_dev.csv");
    if gj.exists() {
        run(gj, &registry);
    }
    for n in sizes {
        run(&generate(n), &registry);
    }
}
