//! Translated copies through the binary, on real translations: WMT21 French↔German originals with
//! their professional and machine translations (`../shared`), ids and outlets neutralised so that
//! nothing but the texts can tell which documents belong together.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use assert_cmd::prelude::*;
use serde_json::Value;

const WMT: &str = "../shared/data/corpora/wmt21_frde_docs.csv";

struct Doc {
    original: String,
    role: String,
    lang: String,
    title: String,
    text: String,
}

/// The documents of the first `n` originals of each direction, in file order.
fn wmt_docs(n: usize) -> Vec<Doc> {
    let mut r = csv::Reader::from_path(WMT).expect("../shared/data/corpora/wmt21_frde_docs.csv");
    let h = r.headers().unwrap().clone();
    let col = |name: &str| h.iter().position(|x| x == name).unwrap();
    let (id, sid, role, lang, title, text, pair) = (
        col("id"),
        col("source_id"),
        col("role"),
        col("lang"),
        col("title"),
        col("text"),
        col("langpair"),
    );
    let mut per_pair: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        let original = if rec[sid].is_empty() {
            rec[id].to_string()
        } else {
            rec[sid].to_string()
        };
        let set = per_pair.entry(rec[pair].to_string()).or_default();
        if !set.contains(&original) && set.len() >= n {
            continue;
        }
        set.insert(original.clone());
        out.push(Doc {
            original,
            role: rec[role].to_string(),
            lang: rec[lang].to_string(),
            title: rec[title].to_string(),
            text: rec[text].to_string(),
        });
    }
    out
}

fn run(docs: &[Doc]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.csv");
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record(["id", "title", "text", "lang"]).unwrap();
    for (k, d) in docs.iter().enumerate() {
        // Opaque ids in an order unrelated to the originals.
        let id = format!("d{:04}", (k * 7919) % 10007);
        w.write_record([id.as_str(), &d.title, &d.text, &d.lang])
            .unwrap();
    }
    w.flush().unwrap();
    let out = Command::cargo_bin("credence")
        .unwrap()
        .args([
            "score",
            path.to_str().unwrap(),
            "--format",
            "json",
            "--quiet",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn wmt21_translations_were_never_reported_across_languages_nor_in_the_lineage() {
    let docs = wmt_docs(6);
    let report = run(&docs);
    let index: BTreeMap<String, &Doc> = docs
        .iter()
        .enumerate()
        .map(|(k, d)| (format!("d{:04}", (k * 7919) % 10007), d))
        .collect();
    let mut found = BTreeSet::new();
    for c in report["copies"].as_array().unwrap() {
        if c["relation"] != "translated" {
            continue;
        }
        let (a, b) = (
            &index[c["a"].as_str().unwrap()],
            &index[c["b"].as_str().unwrap()],
        );
        assert_ne!(a.lang, b.lang, "a translation joins two languages");
        assert_eq!(
            a.original, b.original,
            "a translation of another original: {c}"
        );
        assert!(
            a.role == "source" || b.role == "source",
            "two translations of one original are not translated from each other: {c}"
        );
        let ca = c["containment_a"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&ca));
        found.insert((c["a"].as_str().unwrap(), c["b"].as_str().unwrap()));
    }
    let truth = docs.iter().filter(|d| d.role != "source").count();
    assert!(
        found.len() * 10 >= truth * 8,
        "{} of {truth} translations found",
        found.len()
    );
    // Translations join the lineage: a story never mixes two originals' documents, and most
    // originals' documents end in one story that says it crosses languages.
    let mut crossing = 0;
    for s in report["stories"].as_array().unwrap() {
        let members: Vec<&Doc> = s["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| index[m.as_str().unwrap()])
            .collect();
        assert!(
            members.iter().all(|d| d.original == members[0].original),
            "a story of two originals: {s}"
        );
        if members.iter().any(|d| d.lang != members[0].lang) {
            crossing += 1;
            assert!(s["languages"].as_array().unwrap().len() == 2, "{s}");
        }
    }
    let originals: BTreeSet<&str> = docs.iter().map(|d| d.original.as_str()).collect();
    assert!(
        crossing * 10 >= originals.len() * 8,
        "{crossing} of {} originals in a story across languages",
        originals.len()
    );
}

#[test]
fn one_language_gives_no_translations() {
    let docs: Vec<Doc> = wmt_docs(6).into_iter().filter(|d| d.lang == "fr").collect();
    let report = run(&docs);
    assert!(report["copies"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["relation"] != "translated"));
}
