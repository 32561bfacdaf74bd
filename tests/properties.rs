//! Properties of the whole pipeline, over generated permutations and texts (proptest): the report
//! does not depend on the order of the rows or on the thread count, the garble score never drops
//! when an artefact is appended, and a copy pair is found whichever of its articles comes first.
//! Few cases each, so the file runs in seconds in release.

use assert_cmd::Command;
use proptest::prelude::*;
use serde_json::Value;

use credence::citations::Field;
use credence::garble::{self, Doc, Garbler};
use credence::text::TextView;
use credence::Registry;

/// Rows of the fixture corpora as `(id, outlet, published, title, text)`.
fn rows() -> Vec<[String; 5]> {
    let mut out = Vec::new();
    for path in ["tests/fixtures/copies.csv", "data/articles.csv"] {
        let mut rdr = csv::Reader::from_path(path).unwrap();
        let h = rdr.headers().unwrap().clone();
        let col = |r: &csv::StringRecord, name: &str| {
            h.iter()
                .position(|c| c == name)
                .and_then(|i| r.get(i))
                .unwrap_or("")
                .to_string()
        };
        for r in rdr.records() {
            let r = r.unwrap();
            out.push(["id", "outlet", "published", "title", "text"].map(|c| col(&r, c)));
        }
    }
    out
}

fn csv_of(rows: &[[String; 5]], order: &[usize]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["id", "outlet", "published", "title", "text"])
        .unwrap();
    for &i in order {
        w.write_record(&rows[i]).unwrap();
    }
    w.into_inner().unwrap()
}

fn report(csv: &[u8]) -> Value {
    let input = credence::ingest::read_csv(csv, "p.csv").unwrap();
    let registry = Registry::bundled();
    let analysis = credence::analyze(input, &registry);
    serde_json::from_str(&credence::report::json::render(&analysis, &registry, true)).unwrap()
}

fn sorted_by(v: &Value, list: &str, key: &str) -> Vec<Value> {
    let mut items = v[list].as_array().unwrap().clone();
    items.sort_by_key(|x| x[key].to_string());
    items
}

/// Copy pairs as `(smaller id, larger id, relation)`, sorted.
fn pairs(v: &Value) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = v["copies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let (a, b) = (c["a"].as_str().unwrap(), c["b"].as_str().unwrap());
            (
                a.min(b).to_string(),
                a.max(b).to_string(),
                c["relation"].to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The first place two JSON values differ, as a path with both values (for readable failures).
fn difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| difference(p, q, &format!("{path}[{i}]"))),
        (Value::Object(x), Value::Object(y)) if x.len() == y.len() => {
            x.iter().find_map(|(k, v)| {
                difference(v, y.get(k).unwrap_or(&Value::Null), &format!("{path}.{k}"))
            })
        }
        _ if a == b => None,
        _ => Some(format!("{path}: {a} vs {b}")),
    }
}

/// `list` of both reports sorted by `key`, compared without the fields in `skip`.
fn same(list: &str, key: &str, skip: &[&str], a: &Value, b: &Value) -> Result<(), TestCaseError> {
    let strip = |v: &Value| {
        let mut items = sorted_by(v, list, key);
        for item in &mut items {
            if let Value::Object(m) = item {
                m.retain(|k, _| !skip.contains(&k.as_str()));
            }
        }
        Value::Array(items)
    };
    let (x, y) = (strip(a), strip(b));
    match difference(&x, &y, list) {
        None => Ok(()),
        Some(d) => Err(TestCaseError::fail(d)),
    }
}

fn permutation(n: usize) -> impl Strategy<Value = Vec<usize>> {
    Just((0..n).collect::<Vec<usize>>()).prop_shuffle()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, failure_persistence: None, ..ProptestConfig::default() })]

    /// The JSON lists articles in input order; once sorted by id they are the same objects
    /// (citations, flags, scores and explanations, origins) whatever the order of the rows; so are
    /// outlets with their explanations (examples in id order), sources, claim groups, stories and
    /// copy pairs.
    #[test]
    fn output_is_invariant_under_row_permutation(order in permutation(rows().len())) {
        let rows = rows();
        let base = report(&csv_of(&rows, &(0..rows.len()).collect::<Vec<_>>()));
        let shuffled = report(&csv_of(&rows, &order));
        let ids: Vec<&str> = shuffled["articles"].as_array().unwrap().iter()
            .map(|a| a["id"].as_str().unwrap()).collect();
        let expected: Vec<&str> = order.iter().map(|&i| rows[i][0].as_str()).collect();
        prop_assert_eq!(ids, expected, "articles are listed in input order");
        same("articles", "id", &[], &base, &shuffled)?;
        same("outlets", "outlet", &[], &base, &shuffled)?;
        same("sources", "id", &[], &base, &shuffled)?;
        prop_assert_eq!(pairs(&base), pairs(&shuffled));
        // Lists the report sorts itself: identical as they stand.
        for list in ["claims", "stories", "copies"] {
            if let Some(d) = difference(&base[list], &shuffled[list], list) {
                return Err(TestCaseError::fail(d));
            }
        }
    }

    /// A copy pair is found whichever of its two articles comes first, among other rows.
    #[test]
    fn a_copy_pair_is_found_whatever_the_order_of_its_articles(order in permutation(rows().len())) {
        let rows = rows();
        let found = pairs(&report(&csv_of(&rows, &order)));
        prop_assert!(
            found.iter().any(|(a, b, _)| a == "c1" && b == "w1"),
            "the copy w1 → c1 is missing: {:?}", found
        );
    }

    /// Appending a garble artefact to a text never lowers its garble score.
    #[test]
    fn garble_score_never_drops_when_an_artefact_is_appended(
        text in 0..rows().len(),
        artefact in 0..ARTEFACTS.len(),
        lang in prop_oneof![Just(None), Just(Some("fr")), Just(Some("en"))],
    ) {
        let text = &rows()[text][4];
        let before = garble_of(text, lang);
        let longer = format!("{text}{}", ARTEFACTS[artefact]);
        let after = garble_of(&longer, lang);
        prop_assert!(after >= before, "{before} → {after} after appending {:?}", ARTEFACTS[artefact]);
        prop_assert!(after > 0.0, "the artefact {:?} was not flagged", ARTEFACTS[artefact]);
    }

    /// The binary writes the same bytes whatever its thread count and the number of rows it
    /// reads and analyzes at a time, in every format.
    #[test]
    fn output_is_byte_identical_whatever_the_thread_count_and_chunk_size(
        order in permutation(rows().len()),
        format in prop_oneof![Just("json"), Just("html"), Just("csv"), Just("markdown")],
        threads in 2usize..=4,
        chunk in prop_oneof![Just(1usize), Just(2), Just(3), Just(7), Just(1000)],
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.csv");
        std::fs::write(&path, csv_of(&rows(), &order)).unwrap();
        let run = |threads: usize, chunk: Option<usize>| {
            let mut cmd = Command::cargo_bin("credence").unwrap();
            cmd.args(["--threads", &threads.to_string(), "score", path.to_str().unwrap()])
                .args(["--format", format, "--quiet"]);
            if let Some(chunk) = chunk {
                cmd.args(["--chunk-rows", &chunk.to_string()]);
            }
            cmd.output().unwrap()
        };
        let (one, other) = (run(1, None), run(threads, Some(chunk)));
        prop_assert!(one.status.success(), "{}", String::from_utf8_lossy(&one.stderr));
        prop_assert!(
            one.stdout == other.stdout,
            "--threads 1 and --threads {} --chunk-rows {} differ in {}", threads, chunk, format
        );
    }
}

/// Artefacts the garble stage flags in any language.
const ARTEFACTS: &[&str] = &[
    " Le bilan est de 7.000 XNUMX morts.",
    "\n\nPlus de XNUMX personnes.",
    " Il a dit , ; : que non.",
    " « « Non », a-t-il dit.",
    "\n{{ num }} soldats.",
];

fn garble_of(text: &str, lang: Option<&str>) -> f64 {
    let registry = Registry::bundled();
    let garbler = Garbler::bundled();
    let view = TextView::new(text);
    let citations = credence::citations::Extractor::new(&registry).extract(Field::Text, &view);
    let doc = Doc {
        view: &view,
        title: None,
        lang,
        boilerplate: &[],
        citations: &citations,
        registry: &registry,
        vocab: None,
    };
    garble::score(&garbler.flags(&doc).0)
}
