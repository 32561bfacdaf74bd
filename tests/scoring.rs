//! The scoring outputs a fit and a reader rely on, through the binary: the features table and
//! the model block's convergence flag.

use std::process::Command;

use assert_cmd::prelude::*;

fn credence(args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("credence")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn the_features_table_gives_every_article_every_weighted_feature() {
    let out = credence(&[
        "score",
        "data/articles.csv",
        "--format",
        "csv",
        "--table",
        "features",
        "--quiet",
    ]);
    let mut r = csv::Reader::from_reader(out.as_slice());
    let head: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let weights = std::fs::read_to_string("data/scoring/weights.csv").unwrap();
    let names: Vec<&str> = weights
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    assert_eq!(
        &head[4..],
        names.as_slice(),
        "columns follow the weight table"
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    // The seed 002 is a machine translation: its garble feature is positive; mean = 0.5 + w·x.
    let w: Vec<f64> = weights
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap().parse().unwrap())
        .collect();
    for row in &rows {
        let x: Vec<f64> = row.iter().skip(4).map(|v| v.parse().unwrap()).collect();
        let mean: f64 = row[3].parse().unwrap();
        let linear = (0.5 + w.iter().zip(&x).map(|(a, b)| a * b).sum::<f64>()).clamp(0.03, 0.97);
        assert!(
            (mean - linear).abs() < 2e-3,
            "{}: {mean} vs {linear}",
            &row[0]
        );
    }
    let garble = head.iter().position(|h| h == "garble").unwrap();
    let seed2 = rows.iter().find(|r| &r[0] == "002").unwrap();
    assert!(seed2[garble].parse::<f64>().unwrap() > 0.5);
}

#[test]
fn the_model_block_says_whether_the_fixed_point_was_reached() {
    let out = credence(&["score", "data/articles.csv", "--format", "json", "--quiet"]);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["model"]["converged"], true);
    assert!(v["model"]["iterations"].as_u64().unwrap() < 50);
}

#[test]
fn regression_an_article_quoting_a_named_speaker_is_not_said_to_name_no_source() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.csv");
    std::fs::write(
        &path,
        "id,outlet,title,text\n\
         q1,example.be,Grève,\"La grève continuera lundi, a déclaré jeudi Jean Dupont, président du syndicat. \
         « Nous ne céderons pas », a-t-il ajouté devant les grévistes réunis à Liège. Selon lui, 2 000 \
         travailleurs ont débrayé dans la province depuis le début du mouvement la semaine dernière.\"\n\
         q2,example.be,Grève,\"La grève continuera lundi dans la province de Liège. Les travailleurs ont \
         débrayé depuis le début du mouvement la semaine dernière et les piquets resteront en place \
         devant les entreprises de la région pendant tout le week-end prochain.\"\n",
    )
    .unwrap();
    let out = credence(&[
        "score",
        path.to_str().unwrap(),
        "--format",
        "json",
        "--quiet",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let says_no_source = |id: &str| {
        v["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap()["explanation"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e.as_str().unwrap().contains("names no source"))
    };
    assert!(!says_no_source("q1"), "q1 quotes its speaker by name");
    assert!(says_no_source("q2"), "q2 attributes nothing");
}
