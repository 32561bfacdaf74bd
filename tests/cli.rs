//! Integration tests driving the real `credence` binary.

use std::process::Command;

use assert_cmd::prelude::*;
use predicates::prelude::*;
use serde_json::Value;

const SAMPLE: &str = "data/articles.csv";

fn credence() -> Command {
    Command::cargo_bin("credence").unwrap()
}

fn json_of(args: &[&str]) -> Value {
    let out = credence().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn write_temp(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(&mut f, bytes).unwrap();
    f
}

/// (source, kind) pairs of one article.
fn citations(report: &Value, id: &str) -> Vec<(String, String)> {
    let art = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap();
    art["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["source"].as_str().unwrap().to_string(),
                c["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn has(report: &Value, id: &str, source: &str, kinds: &[&str]) -> bool {
    citations(report, id)
        .iter()
        .any(|(s, k)| s == source && kinds.contains(&k.as_str()))
}

#[test]
fn seeds_citations_match_what_the_articles_say() {
    let r = json_of(&["score", SAMPLE, "--format", "json"]);
    let sourced = ["attribution", "relay"];
    assert!(has(&r, "000", "Yonhap", &sourced) && has(&r, "000", "NIS", &sourced));
    assert!(has(&r, "001", "NIS", &sourced));
    for s in ["Reuters", "EFE", "Infobae"] {
        assert!(has(&r, "002", s, &["credit"]), "002 {s}");
    }
    assert!(has(&r, "002", "KCNA", &sourced) && has(&r, "002", "GUR", &sourced));
    assert!(has(&r, "003", "Reuters", &["credit"]));
    assert!(has(&r, "004", "AFP", &["credit"]) && has(&r, "004", "NIS", &sourced));
    // No agency that is not there.
    let agencies = [
        "AFP", "Reuters", "AP", "Yonhap", "EFE", "DPA", "Xinhua", "TASS",
    ];
    let absent: &[(&str, &[&str])] = &[
        ("000", &["AFP", "Reuters", "AP", "EFE"]),
        ("001", &["Reuters", "AFP", "Yonhap"]),
        ("003", &["AFP", "Yonhap"]),
        ("004", &["Reuters", "Yonhap"]),
    ];
    for (id, srcs) in absent {
        for s in *srcs {
            assert!(agencies.contains(s));
            assert!(
                !citations(&r, id).iter().any(|(x, _)| x == s),
                "{id} cites {s}"
            );
        }
    }
}

#[test]
fn json_contract_shape_and_accounting() {
    let r = json_of(&["score", SAMPLE, "--format", "json"]);
    assert_eq!(r["schema"], "credence/1");
    assert_eq!(r["input"]["rows"], 5);
    assert_eq!(r["input"]["scored"], 5);
    assert!(r["copies"].is_array() && r["outlets"].is_array());
    let a = &r["articles"][0];
    assert_eq!(a["id"], "000");
    assert_eq!(a["outlet"], "(unknown:000)");
    let rel = &a["reliability"];
    assert!(
        rel["low"].as_f64() <= rel["mean"].as_f64() && rel["mean"].as_f64() <= rel["high"].as_f64(),
        "{rel}"
    );
    assert_eq!(a["lang"], "fr", "language detected when the input has none");
    for s in r["sources"].as_array().unwrap() {
        let rel = &s["reliability"];
        assert!(
            rel["low"].as_f64() <= rel["mean"].as_f64()
                && rel["mean"].as_f64() <= rel["high"].as_f64()
        );
    }
}

#[test]
fn output_is_deterministic() {
    let one = credence()
        .args(["score", SAMPLE, "--format", "json"])
        .output()
        .unwrap()
        .stdout;
    let two = credence()
        .args(["score", SAMPLE, "--format", "json"])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(one, two);
    let g1 = credence().args(["graph", SAMPLE]).output().unwrap().stdout;
    let g2 = credence().args(["graph", SAMPLE]).output().unwrap().stdout;
    assert_eq!(g1, g2);
}

#[test]
fn table_report_lists_outlets_sources_and_articles() {
    credence()
        .args(["score", SAMPLE])
        .assert()
        .success()
        .stdout(predicate::str::contains("Sources cited"))
        .stdout(predicate::str::contains("Yonhap"))
        .stdout(predicate::str::contains("credit       Reuters"));
}

#[test]
fn stdin_is_read_with_dash() {
    let csv = std::fs::read(SAMPLE).unwrap();
    let out = assert_cmd::Command::cargo_bin("credence")
        .unwrap()
        .args(["score", "-", "--format", "json"])
        .write_stdin(csv)
        .output()
        .unwrap();
    assert!(out.status.success());
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["input"]["scored"], 5);
}

#[test]
fn crlf_bom_and_url_less_outlets() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read("tests/fixtures/crlf.csv").unwrap());
    let f = write_temp(&bytes);
    let r = json_of(&["score", f.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(r["articles"][0]["outlet"], "example.org");
    assert_eq!(r["articles"][1]["outlet"], "(unknown:2)");
    assert_eq!(r["outlets"].as_array().unwrap().len(), 1);
    assert_eq!(
        citations(&r, "1"),
        [("AFP".to_string(), "credit".to_string())]
    );
}

#[test]
fn bad_rows_are_rejected_with_line_and_reason() {
    let mut bytes = b"id,title,text\n1,t,ok (AFP)\n2,t\n1,t,dup\n3,t,\n4,t,\"multi\nline\"\n5,t,bad \xff\n6,t,fine\n".to_vec();
    bytes.extend(b"7,t,\"unterminated");
    let f = write_temp(&bytes);
    // UTF-8 forced: left to `auto`, a file whose only non-ASCII byte is invalid is read as
    // Windows-1252 (`\xff` is "ÿ") and row 8 is kept.
    let out = credence()
        .args([
            "score",
            f.path().to_str().unwrap(),
            "--format",
            "json",
            "--encoding",
            "utf-8",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("rows rejected"), "{stderr}");
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rej = r["input"]["rejected"].as_array().unwrap();
    let lines: Vec<u64> = rej.iter().map(|x| x["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [3, 4, 5, 8, 10]);
    assert!(rej[0]["reason"].as_str().unwrap().starts_with("ragged row"));
    assert!(rej[1]["reason"]
        .as_str()
        .unwrap()
        .starts_with("duplicate id"));
    assert_eq!(rej[2]["reason"], "empty `text`");
    assert!(rej[3]["reason"]
        .as_str()
        .unwrap()
        .contains("invalid UTF-8 in field `text`"));
    // The last row's quote is never closed: rejected, not kept with a truncated text.
    assert_eq!(
        rej[4]["reason"],
        "a quote opened on line 10 is never closed before the end of the file; close the quote"
    );
    assert_eq!(rej[4]["id"], "7");
    let rows = r["input"]["rows"].as_u64().unwrap();
    assert_eq!(
        rows,
        r["input"]["scored"].as_u64().unwrap() + rej.len() as u64
    );
    assert_eq!(rows, 8);
}

#[test]
fn fatal_input_errors_name_file_and_column() {
    let f = write_temp(b"id,body\n1,x\n");
    let path = f.path().to_str().unwrap().to_string();
    credence()
        .args(["score", &path])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{path}: line 1: missing required column `text`"
        )));
    credence()
        .args(["score", "no/such/file.csv"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such/file.csv"));
    let empty = write_temp(b"");
    credence()
        .args(["score", empty.path().to_str().unwrap()])
        .assert()
        .code(1);
}

#[test]
fn bad_registry_names_line_and_field() {
    let f = write_temp(b"id,name,kind,country,languages,domains,aliases,prior_mean,prior_strength,prior_source\nX,X,wire,,,,X,0.5,2,\n");
    credence()
        .args(["sources", "--registry", f.path().to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 2: field `kind`"));
}

#[test]
fn sources_lists_the_registry() {
    let out = credence().arg("sources").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() > 60);
    assert!(text.contains("Yonhap") && text.contains("news_agency"));
}

fn dot_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn dot_accepts(dot: &[u8]) {
    if !dot_available() {
        // CI installs graphviz; on a bare developer machine the syntax check is skipped, loudly.
        assert!(
            std::env::var_os("CI").is_none(),
            "graphviz `dot` is required in CI"
        );
        eprintln!("skipping dot check: graphviz not installed");
        return;
    }
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), dot).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "dot rejected: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

#[test]
fn graph_dot_is_accepted_by_graphviz() {
    for args in [
        vec!["graph", SAMPLE],
        vec!["graph", SAMPLE, "--level", "outlet"],
        vec!["graph", "tests/fixtures/hostile.csv"],
        vec!["graph", "tests/fixtures/hostile.csv", "--level", "outlet"],
    ] {
        let out = credence().args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let dot = String::from_utf8(out.stdout.clone()).unwrap();
        assert!(dot.starts_with("digraph credence {"));
        dot_accepts(&out.stdout);
    }
}

#[test]
fn graph_has_publishes_and_cites_edges() {
    let out = credence().args(["graph", SAMPLE]).output().unwrap();
    let dot = String::from_utf8(out.stdout).unwrap();
    assert!(dot.contains("\"article:002\" -> \"source:Reuters\""));
    assert!(dot.contains("\"outlet:charente-expo.com\" -> \"article:001\""));
    assert!(
        dot.contains("\"source:Yonhap\" -> \"source:NIS\""),
        "relay edge"
    );
    let out = credence()
        .args(["graph", SAMPLE, "--level", "outlet", "-o", "/dev/stdout"])
        .output()
        .unwrap();
    let dot = String::from_utf8(out.stdout).unwrap();
    assert!(dot.contains("\"outlet:charente-expo.com\" -> \"source:NIS\""));
}

#[test]
fn output_file_option_writes_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.json");
    credence()
        .args([
            "score",
            SAMPLE,
            "--format",
            "json",
            "-o",
            path.to_str().unwrap(),
        ])
        .assert()
        .success();
    let r: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(r["schema"], "credence/1");
}

#[test]
fn copies_are_found_with_direction_credit_and_passages() {
    let r = json_of(&["score", "tests/fixtures/copies.csv", "--format", "json"]);
    let copies = r["copies"].as_array().unwrap();
    let pair = |a: &str, b: &str| copies.iter().find(|c| c["a"] == a && c["b"] == b).cloned();
    // The verbatim uncredited copy of the AFP dispatch is a laundered wholesale copy.
    let c = pair("c1", "w1").expect("c1/w1 copy");
    assert_eq!(c["relation"], "wholly");
    assert_eq!(c["original"], "w1");
    assert_eq!(c["common_sources"], serde_json::json!(["AFP"]));
    assert_eq!(
        (c["credited_a"].as_bool(), c["credited_b"].as_bool()),
        (Some(false), Some(true))
    );
    assert_eq!(c["laundered"], true);
    // Its passage points at the same words in both texts.
    let text = |id: &str| {
        let rows = std::fs::read_to_string("tests/fixtures/copies.csv").unwrap();
        let mut rdr = csv::Reader::from_reader(rows.as_bytes());
        rdr.records()
            .map(|r| r.unwrap())
            .find(|r| &r[0] == id)
            .unwrap()[4]
            .to_string()
    };
    let p = &c["passages"][0];
    let (a, b) = (text("c1"), text("w1"));
    let span = |t: &str, s: &Value, e: &Value| {
        t[s.as_u64().unwrap() as usize..e.as_u64().unwrap() as usize].to_string()
    };
    assert_eq!(
        span(&a, &p["a_start"], &p["a_end"]),
        span(&b, &p["b_start"], &p["b_end"])
    );
    // Two pasted sentences inside an article of its own are a partial copy.
    assert_eq!(pair("p1", "w1").expect("p1/w1")["relation"], "partially");
    // Independent reports sharing one quotation are not copies; a shared footer is boilerplate.
    assert!(pair("q1", "q2").is_none());
    assert!(pair("w1", "w2").is_none() && pair("w2", "w3").is_none());
    // Pairs are listed once, a < b in byte order, sorted.
    let keys: Vec<(String, String)> = copies
        .iter()
        .map(|c| {
            (
                c["a"].as_str().unwrap().into(),
                c["b"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(keys.iter().all(|(a, b)| a.as_bytes() < b.as_bytes()));
    assert!(keys.windows(2).all(|w| w[0] < w[1]));
    // The lineage: w1 is the original, c1 its laundered copy; p1's partial reuse stays a pairwise
    // edge and does not join the tree.
    assert_eq!(r["stories"][0]["id"], "w1");
    assert_eq!(r["stories"][0]["members"], serde_json::json!(["c1", "w1"]));
    assert_eq!(r["stories"][0]["laundered"], 1);
    let art = |id: &str| {
        r["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(art("c1")["copied_from"], "w1");
    assert_eq!(art("w1")["copied_from"], Value::Null);
    assert_eq!(art("p1")["copied_from"], Value::Null);
    assert_eq!(art("w1")["partners"], 2);
}

#[test]
fn seeds_tell_one_story_in_different_words() {
    let r = json_of(&["score", SAMPLE, "--format", "json"]);
    assert_eq!(r["copies"].as_array().unwrap().len(), 0, "{}", r["copies"]);
}

#[test]
fn laundered_copies_are_reported_in_the_terminal() {
    credence()
        .args(["score", "tests/fixtures/copies.csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 laundered"))
        .stdout(predicate::str::contains("LAUNDERED"));
}

#[test]
fn seeds_garble_flags_with_evidence() {
    let r = json_of(&["score", SAMPLE, "--format", "json"]);
    let art = |id: &str| {
        r["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap()
            .clone()
    };
    let flagged = |id: &str, kind: &str, ev: &str| {
        art(id)["flags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == kind && f["evidence"].as_str().unwrap().contains(ev))
    };
    assert!(flagged("000", "repeated_line", "que savons-nous"));
    assert!(flagged("000", "glued_words", "jeLe"));
    assert!(flagged("000", "broken_punctuation", "”. .»"));
    assert!(
        flagged("000", "navigation_residue", "PREV")
            && flagged("000", "navigation_residue", "NEXT")
    );
    assert!(flagged("000", "navigation_residue", "Follow us on Google"));
    assert!(
        flagged("001", "seo_boilerplate", "charente-expo.com")
            || flagged("001", "seo_boilerplate", "Cet écrit")
    );
    assert!(flagged("001", "inserted_teaser", "Sur le même sujet"));
    assert!(flagged("002", "mt_placeholder", "XNUMX"));
    assert!(flagged("002", "foreign_fragment", "Russie"));
    assert!(flagged("002", "glued_words", "ZelenskyDe"));
    assert!(flagged(
        "002",
        "navigation_residue",
        "Laisser un commentaire"
    ));
    assert!(
        flagged("003", "navigation_residue", "Lu: 97")
            && flagged("003", "navigation_residue", "Tags:")
    );
    assert!(
        flagged("004", "inserted_teaser", "Nous recommandons")
            && flagged("004", "glued_words", "RussieLa")
    );
    let g = |id: &str| art(id)["garble"].as_f64().unwrap();
    assert!(
        g("000") > g("003") && g("002") > g("003"),
        "garble 000 {} 002 {} 003 {}",
        g("000"),
        g("002"),
        g("003")
    );
}

#[test]
fn scores_rank_clean_credited_copy_above_garbled_and_spun_copy() {
    let r = json_of(&["score", SAMPLE, "--format", "json"]);
    let mean = |id: &str| {
        r["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap()["reliability"]["mean"]
            .as_f64()
            .unwrap()
    };
    assert!(
        mean("003") > mean("001") && mean("003") > mean("002"),
        "003 {} 001 {} 002 {}",
        mean("003"),
        mean("001"),
        mean("002")
    );
    // Explanations name the reasons.
    let expl = |id: &str| {
        r["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap()["explanation"]
            .to_string()
    };
    assert!(
        expl("002").contains("garbled") && expl("002").contains("XNUMX"),
        "{}",
        expl("002")
    );
    assert!(expl("003").contains("Reuters"), "{}", expl("003"));
    // "12 000 soldats" is stated by several seeds relaying the NIS: one independent origin.
    let claim = r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["unit"] == "soldat" && c["value"] == 12000.0 && c["high"] == 12000.0)
        .unwrap();
    assert!(claim["articles"].as_array().unwrap().len() >= 2, "{claim}");
    assert_eq!(claim["sources"], serde_json::json!(["NIS"]));
    assert_eq!(claim["support"], 1);
    // The garbled "7.000 XNUMX" is not read as 7 or 7000.
    assert!(
        !r["claims"].as_array().unwrap().iter().any(|c| c["articles"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("002"))
            && (c["value"] == 7000.0 || c["value"] == 7.0))
    );
    assert!(r["model"]["iterations"].as_u64().unwrap() >= 1);
}

#[test]
fn scores_are_finite_on_degenerate_inputs() {
    let cases: [&[u8]; 4] = [
        b"id,text\n1,Un texte sans source ni chiffre.\n",
        b"id,outlet,text\n1,a.example,Texte.\n2,a.example,Texte.\n3,a.example,Texte.\n",
        b"id,outlet,text\n1,,\"(AFP)\"\n",
        b"id,text\n",
    ];
    for bytes in cases {
        let f = write_temp(bytes);
        for priors in ["none", "data/outlet_priors.csv"] {
            let out = credence()
                .args([
                    "score",
                    f.path().to_str().unwrap(),
                    "--format",
                    "json",
                    "--outlet-priors",
                    priors,
                ])
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
            let r: Value = serde_json::from_str(&text).unwrap();
            for o in r["outlets"].as_array().unwrap() {
                let rel = &o["reliability"];
                assert!(rel["low"].as_f64().unwrap() <= rel["high"].as_f64().unwrap());
            }
        }
    }
    let r = json_of(&[
        "score",
        "tests/fixtures/copies.csv",
        "--format",
        "json",
        "--outlet-priors",
        "none",
    ]);
    assert_eq!(r["model"]["outlet_priors"], false);
    let c1 = r["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "c1")
        .unwrap();
    assert!(
        c1["explanation"]
            .to_string()
            .contains("uncredited wholesale copy"),
        "{}",
        c1["explanation"]
    );
}

#[test]
fn explain_gives_the_full_account() {
    credence()
        .args(["explain", SAMPLE, "002"])
        .assert()
        .success()
        .stdout(predicate::str::contains("reliability"))
        .stdout(predicate::str::contains("mt_placeholder"))
        .stdout(predicate::str::contains("unreadable"))
        .stdout(predicate::str::contains("credit Infobae"));
    credence()
        .args(["explain", "tests/fixtures/copies.csv", "copycat.example"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "uncredited copies of wire dispatches",
        ));
    credence()
        .args(["explain", SAMPLE, "nope"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no article with id"));
    credence()
        .args(["score", SAMPLE, "--outlet-priors", "no/such.csv"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such.csv"));
}

#[test]
fn html_report_is_self_contained_and_escaped() {
    let out = credence()
        .args(["score", "tests/fixtures/hostile.csv", "--format", "html"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.contains("<svg") && html.contains("<table")
    );
    assert!(
        !html.contains("<script>alert"),
        "input text must be escaped"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    for external in ["http://", "https://", "src=\"//", "@import"] {
        let outside_svg_ns = html.replace("http://www.w3.org/2000/svg", "");
        assert!(
            !outside_svg_ns.contains(external),
            "external reference {external}"
        );
    }
    let seeds = credence()
        .args(["score", SAMPLE, "--format", "html"])
        .output()
        .unwrap();
    let seeds = String::from_utf8(seeds.stdout).unwrap();
    assert!(seeds.contains("XNUMX") && seeds.contains("<mark class=\"flag\""));
}

#[test]
fn csv_tables_keep_every_row_of_the_json_and_defuse_formulas() {
    let r = json_of(&["score", "tests/fixtures/copies.csv", "--format", "json"]);
    for (table, key) in [
        ("articles", "articles"),
        ("outlets", "outlets"),
        ("sources", "sources"),
        ("copies", "copies"),
        ("claims", "claims"),
    ] {
        let out = credence()
            .args([
                "score",
                "tests/fixtures/copies.csv",
                "--format",
                "csv",
                "--table",
                table,
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
        let n = rdr
            .records()
            .inspect(|r| assert!(r.is_ok(), "{r:?}"))
            .count();
        assert_eq!(n, r[key].as_array().unwrap().len(), "table {table}");
    }
    let f = write_temp(b"id,outlet,title,text\n=1+1,@evil,-cmd,\"+SUM(A1) (AFP)\"\n");
    let out = credence()
        .args([
            "score",
            f.path().to_str().unwrap(),
            "--format",
            "csv",
            "--table",
            "articles",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("'=1+1") && text.contains("'@evil") && text.contains("'-cmd"),
        "{text}"
    );
}

#[test]
fn markdown_report_has_tables() {
    credence()
        .args(["score", SAMPLE, "--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::contains("## Articles"))
        .stdout(predicate::str::contains("| 003 |"));
}

#[test]
fn svg_graph_without_graphviz_and_graph_filters() {
    let out = credence()
        .args(["graph", SAMPLE, "--format", "svg"])
        .output()
        .unwrap();
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(
        svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>") && svg.contains("Yonhap")
    );
    let empty = write_temp(b"id,text\n");
    let out = credence()
        .args(["graph", empty.path().to_str().unwrap(), "--format", "svg"])
        .output()
        .unwrap();
    assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("empty graph"));
    let focus = credence()
        .args([
            "graph",
            "tests/fixtures/copies.csv",
            "--focus",
            "copycat.example",
        ])
        .output()
        .unwrap();
    let dot = String::from_utf8(focus.stdout).unwrap();
    assert!(
        dot.contains("article:c1") && !dot.contains("article:q2"),
        "{dot}"
    );
    let heavy = credence()
        .args([
            "graph",
            "tests/fixtures/copies.csv",
            "--level",
            "outlet",
            "--min-weight",
            "2",
        ])
        .output()
        .unwrap();
    assert!(!String::from_utf8(heavy.stdout)
        .unwrap()
        .contains("-> \"source:AFP\""));
    credence()
        .args(["graph", SAMPLE, "--focus", "nope.example"])
        .assert()
        .code(1);
    dot_accepts(
        &credence()
            .args([
                "graph",
                "tests/fixtures/copies.csv",
                "--focus",
                "copycat.example",
            ])
            .output()
            .unwrap()
            .stdout,
    );
}

#[test]
fn terminal_report_respects_top() {
    let out = credence()
        .args(["score", SAMPLE, "--top", "2"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("… and 3 more articles"), "{text}");
    assert!(
        !text.contains("\u{1b}["),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let run = |t: &str| {
        credence()
            .args([
                "--threads",
                t,
                "score",
                "tests/fixtures/copies.csv",
                "--format",
                "json",
            ])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("1"), run("3"));
}

#[test]
fn texts_read_back_from_stdin_and_bom_crlf_files_match() {
    // Reports that print texts read them back from the input by record range: from the spooled
    // stdin, and from a file whose offsets are shifted by a byte-order mark and CRLF line ends.
    let plain = std::fs::read("tests/fixtures/copies.csv").unwrap();
    let mut shifted = b"\xEF\xBB\xBF".to_vec();
    // The fixture may have CRLF line ends already: `\r\r\n` would be two line ends.
    shifted.extend(
        String::from_utf8(plain.clone())
            .unwrap()
            .replace("\r\n", "\n")
            .replace('\n', "\r\n")
            .bytes(),
    );
    let f = write_temp(&shifted);
    let html_of = |args: &[&str], stdin: Option<&[u8]>| {
        let mut cmd = assert_cmd::Command::cargo_bin("credence").unwrap();
        cmd.args(args);
        if let Some(s) = stdin {
            cmd.write_stdin(s.to_vec());
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let from_file = html_of(
        &["score", "tests/fixtures/copies.csv", "--format", "html"],
        None,
    );
    let from_stdin = html_of(&["score", "-", "--format", "html"], Some(&plain));
    // The report states its input's name: `-` for stdin.
    assert!(from_file.contains("Input <code>copies.csv</code>"));
    assert_eq!(
        from_file,
        from_stdin.replace("Input <code>-</code>", "Input <code>copies.csv</code>")
    );
    if cfg!(target_os = "linux") {
        // A path that is a pipe is spooled like `-`: it cannot be read twice.
        let from_pipe = html_of(&["score", "/dev/stdin", "--format", "html"], Some(&plain));
        assert_eq!(
            from_file,
            from_pipe
                .replace("/dev/stdin", "tests/fixtures/copies.csv")
                .replace("Input <code>stdin</code>", "Input <code>copies.csv</code>")
        );
    }
    assert!(from_file.contains("Wholly"), "copy passages shown");
    let explain = |path: &str, stdin: Option<&[u8]>| html_of(&["explain", path, "c1"], stdin);
    let e = explain("tests/fixtures/copies.csv", None);
    assert!(e.contains('«'), "passages quoted from the text: {e}");
    assert_eq!(e, explain("-", Some(&plain)));
    let crlf = explain(f.path().to_str().unwrap(), None);
    assert_eq!(crlf.replace('\r', ""), e);
}

/// Regression (citations issue): Spanish KCNA rows labelled `lang=en` cited "la APS" (Asamblea
/// Popular Suprema) as Algérie Presse Service; the text's own language decides, and a bare
/// acronym of an agency that does not publish in it needs a credit line or an agency descriptor.
#[test]
fn regression_la_aps_in_a_spanish_text_is_not_algerie_presse_service() {
    let csv = "id,outlet,lang,text\n\
        es1,kcna.co.jp,en,\"La APS aprobó la ley de presupuesto el martes en Pyongyang, según el informe del gobierno.\"\n\
        fr1,x.fr,fr,\"Le gouvernement a démissionné, selon l'APS, qui cite des sources officielles à Alger.\"\n\
        fr2,x.fr,fr,\"Le deuil a été décrété, signale l'agence de presse néerlandaise ANP dans un communiqué.\"\n";
    let f = write_temp(csv.as_bytes());
    let report = json_of(&["score", f.path().to_str().unwrap(), "--format", "json"]);
    assert!(!has(
        &report,
        "es1",
        "APS",
        &["credit", "attribution", "relay", "mention"]
    ));
    assert!(has(&report, "fr1", "APS", &["attribution", "relay"]));
    assert!(has(&report, "fr2", "ANP", &["attribution"]));
}

/// Regression (citations issue): a dated article credits no agency that did not exist then, and
/// the historical agencies of the labelled sets are in the registry.
#[test]
fn regression_historical_credits_follow_the_article_date() {
    let csv = "id,outlet,published,text\n\
        h1,GDL,1925-08-15,\"PARIS, 14. (Havas.) — Avant de quitter Paris, le ministre a parlé.\"\n\
        h2,lesoir.be,2019-03-01,\"PARIS, 14. (Havas.) — Le groupe publicitaire a publié ses comptes.\"\n";
    let f = write_temp(csv.as_bytes());
    let report = json_of(&["score", f.path().to_str().unwrap(), "--format", "json"]);
    assert!(has(&report, "h1", "Havas", &["credit"]));
    assert!(!has(
        &report,
        "h2",
        "Havas",
        &["credit", "attribution", "relay", "mention"]
    ));
}

/// Regression (robustness issue): `--threads 100000` started threads until the machine stalled;
/// it is clamped to four times the cores, said on stderr, and the report is the same.
#[test]
fn regression_threads_far_above_the_cores_are_clamped() {
    let out = credence()
        .args(["score", SAMPLE, "--format", "json", "--threads", "100000"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cores; using"));
    let plain = credence()
        .args(["score", SAMPLE, "--format", "json", "--threads", "1"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, plain.stdout);
    // `--threads 0` is one per core, and says so.
    let zero = credence()
        .args(["score", SAMPLE, "--format", "json", "--threads", "0"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&zero.stderr).contains("--threads 0 means one per core"));
    assert_eq!(zero.stdout, plain.stdout);
}

/// A header with no rows after it is a valid, empty report, with a warning on stderr.
#[test]
fn a_header_without_rows_warns_and_reports_nothing() {
    let f = write_temp(b"id,text\n");
    let out = credence()
        .args(["score", f.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no data rows"));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["input"]["rows"], 0);
}

/// The JSON report of `csv` scored with `--outlet-priors none`.
fn without_priors(csv: &str) -> Value {
    let f = write_temp(csv.as_bytes());
    json_of(&[
        "score",
        f.path().to_str().unwrap(),
        "--format",
        "json",
        "--outlet-priors",
        "none",
    ])
}

fn source_means(report: &Value) -> Vec<(String, f64)> {
    report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_string(),
                s["reliability"]["mean"].as_f64().unwrap(),
            )
        })
        .collect()
}

/// Independence (claims issue): an outlet's articles are one voice. Duplicating an outlet's
/// articles under new ids changes no source's trust; a feed citing itself does not raise its own
/// trust; a figure confirmed by independent outlets does raise its source.
#[test]
fn regression_a_feed_cannot_corroborate_itself() {
    let row = |id: &str, outlet: &str, text: &str| format!("{id},{outlet},\"{text}\"\n");
    // Fifteen figures, each attributed to KCNA once and repeated in two other KCNA articles.
    let units = [
        "soldiers",
        "tractors",
        "workers",
        "farmers",
        "miners",
        "students",
        "tanks",
        "trucks",
        "engineers",
        "doctors",
        "teachers",
        "ships",
        "planes",
        "buses",
        "trains",
    ];
    let mut base = String::from("id,outlet,text\n");
    for (k, unit) in units.iter().enumerate() {
        let n = 1000 + 137 * k;
        base += &row(
            &format!("k{k:02}a"),
            "kcna.co.jp",
            &format!("Some {n} {unit} took part in the drive, KCNA said on Monday."),
        );
        base += &row(
            &format!("k{k:02}b"),
            "kcna.co.jp",
            &format!("The {n} {unit} were praised at a rally in the city of Wonsan on day {k}."),
        );
        base += &row(
            &format!("k{k:02}c"),
            "kcna.co.jp",
            &format!("Another report number {k} hailed the {n} {unit} for their heroic efforts."),
        );
    }
    let alone = without_priors(&base);
    let kcna = source_means(&alone)
        .into_iter()
        .find(|(s, _)| s == "KCNA")
        .unwrap()
        .1;
    assert!((kcna - 0.2218).abs() < 0.1, "KCNA scored alone: {kcna}");

    let mut wider = base.clone();
    wider += &row(
        "r1",
        "reuters.com",
        "Some 12,000 soldiers crossed the border near Kaesong into Paju, according to Yonhap, which cited officials.",
    );
    wider += &row("a1", "apnews.com", "Some 12,000 soldiers crossed the border near Kaesong into Paju, the National Intelligence Service said.");
    wider += &row("b1", "bbc.co.uk", "Some 12,000 soldiers crossed the border on Monday near Kaesong and Paju, witnesses told reporters.");
    let one = without_priors(&wider);
    let mut dup = wider.clone();
    for k in 0..3 {
        dup += &row(
            &format!("r1dup{k}"),
            "reuters.com",
            "Some 12,000 soldiers crossed the border near Kaesong into Paju, according to Yonhap, which cited officials.",
        );
    }
    let three = without_priors(&dup);
    assert_eq!(source_means(&one), source_means(&three));
    // Independent outlets that confirm a figure of the same event (they share its rare names:
    // Kaesong, Paju) raise its source above a lone citation.
    let mut lone = String::from("id,outlet,text\n");
    lone += &row(
        "r1",
        "reuters.com",
        "Some 12,000 soldiers crossed the border near Kaesong into Paju, according to Yonhap, which cited officials.",
    );
    let lone = without_priors(&lone);
    let yonhap = |r: &Value| {
        source_means(r)
            .into_iter()
            .find(|(s, _)| s == "Yonhap")
            .unwrap()
            .1
    };
    assert!(
        yonhap(&one) > yonhap(&lone),
        "{} vs {}",
        yonhap(&one),
        yonhap(&lone)
    );
}

/// Regression (robustness issue): inputs people really have. A French-locale Excel export (`;`,
/// BOM, CRLF) and a TSV are read; an empty file, JSON lines, a duplicate column, a `body` column
/// and a Latin-1 file each get one clear message naming the file, and exit non-zero.
#[test]
fn regression_real_world_inputs_get_read_or_one_clear_message() {
    let excel = write_temp(b"\xEF\xBB\xBFid;outlet;text\r\n1;x.fr;\"Selon l'AFP, 300 manifestants; puis 400.\"\r\n2;y.fr;Deux\r\n");
    let r = json_of(&["score", excel.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(r["input"]["scored"], 2);
    assert!(has(&r, "1", "AFP", &["attribution"]));
    let tsv = write_temp(b"id\ttext\n1\tBonjour (AFP)\n");
    let r = json_of(&["score", tsv.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(r["input"]["scored"], 1);
    for (bytes, message) in [
        (&b""[..], "the file is empty"),
        (&b"{\"id\":1,\"text\":\"x\"}\n"[..], "looks like JSON"),
        (&b"id,text,text\n1,a,b\n"[..], "column `text` appears twice"),
        (&b"id,body\n1,hello\n"[..], "found `body`: rename it `text`"),
        // Read as UTF-8 on request, a Latin-1 file fails with the hint to convert it.
        (&b"id,text\n1,caf\xe9 cr\xe8me\n"[..], "Windows-1252"),
    ] {
        let f = write_temp(bytes);
        let out = credence()
            .args(["score", f.path().to_str().unwrap(), "--encoding", "utf-8"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{message}: exit 0");
        assert!(err.contains(message), "{message}: {err}");
        assert!(err.contains(f.path().to_str().unwrap()), "{err}");
    }
    // A missing file: the OS error once.
    let out = credence()
        .args(["score", "no/such/file.csv"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("No such file").count(), 1, "{err}");
}

/// Regression (robustness issue): an unterminated quote silently swallowed every following row
/// into one article's text; the record is rejected with its line and what it swallowed.
#[test]
fn regression_an_unterminated_quote_is_reported_not_swallowed() {
    let f = write_temp(
        b"id,outlet,text\n1,x.fr,\"Bon texte ici.\"\n2,y.fr,\"Une citation jamais fermee\n3,z.fr,Un autre article\n4,z.fr,Encore un\n5,w.fr,Et un dernier\n",
    );
    let r = json_of(&["score", f.path().to_str().unwrap(), "--format", "json"]);
    let rejected = r["input"]["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0]["line"], 3);
    assert!(rejected[0]["reason"]
        .as_str()
        .unwrap()
        .contains("never closed"));
    assert_eq!(r["input"]["scored"], 1);
}

/// Regression (claims issue): "4 morts" of unrelated events pooled into one corroborated claim.
/// A figure groups only across copies or articles that share rare names of the event.
#[test]
fn regression_the_same_figure_of_unrelated_events_is_not_corroboration() {
    let csv = "id,outlet,text\n\
        a,lesoir.be,\"Une fusillade a fait 4 morts mardi soir près du marché de Noël de Strasbourg, rue des Orfèvres.\"\n\
        b,lemonde.fr,\"À Strasbourg, l'attaque de la rue des Orfèvres a fait 4 morts, selon la préfecture.\"\n\
        c,elpais.com,\"La explosión de gas en Valladolid dejó 4 muertos en el barrio de Delicias.\"\n\
        d,derstandard.at,\"Bei dem Anschlag im Jüdischen Museum in Brüssel gab es 4 Tote, sagte die Polizei.\"\n\
        e,lefigaro.fr,\"L'attentat de la rue Copernic avait fait 4 morts en 1980 à Paris, devant la synagogue.\"\n";
    let f = write_temp(csv.as_bytes());
    let r = json_of(&["score", f.path().to_str().unwrap(), "--format", "json"]);
    let groups: Vec<(String, Vec<String>)> = r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["value"] == 4.0)
        .map(|c| {
            let arts = c["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect();
            (c["unit"].as_str().unwrap().to_string(), arts)
        })
        .collect();
    // The two Strasbourg reports share the event's names and confirm each other; the others stand alone.
    let strasbourg = groups
        .iter()
        .find(|(_, a)| a.contains(&"a".to_string()))
        .unwrap();
    assert_eq!(strasbourg.1, ["a", "b"], "{groups:?}");
    let e = groups
        .iter()
        .find(|(_, a)| a.contains(&"e".to_string()))
        .unwrap();
    assert_eq!(e.1, ["e"], "{groups:?}");
}

/// Regression (garble issue): KCNA's scrape joins lines with commas (", ,", ":, ,", ", , , ,");
/// only the exact ", ," was recognised as the feed's format, so 4,155 KCNA articles counted as
/// garbled. Punctuation-only artefacts of one kind that an outlet prints in nearly every article
/// are one family.
#[test]
fn regression_a_feeds_punctuation_artefacts_are_one_family() {
    let mut csv = String::from("id,outlet,text\n");
    for k in 0..8 {
        let residue = if k % 2 == 0 { ":, ," } else { ", , , ," };
        csv += &format!(
            "k{k},feed.example,\"The delegation arrived in the capital on day {k}{residue} It was greeted warmly, , by officials.\"\n"
        );
    }
    let f = write_temp(csv.as_bytes());
    let r = json_of(&["score", f.path().to_str().unwrap(), "--format", "json"]);
    for a in r["articles"].as_array().unwrap() {
        for fl in a["flags"].as_array().unwrap() {
            if fl["kind"] == "broken_punctuation" {
                assert_eq!(fl["counted"], false, "{fl}");
            }
        }
    }
}

/// Regression (garble issue): Spanish rows labelled `lang=en` were flagged as foreign fragments
/// throughout; the text's own language is used, with a warning naming the row.
#[test]
fn regression_a_wrong_lang_column_is_reported_and_the_texts_language_used() {
    let csv = "id,outlet,lang,text\n\
        s1,x.example,en,\"El dirigente recibio a la delegacion en el palacio y le dio las gracias por su visita a la capital, segun informo la agencia. Los miembros de la delegacion expresaron su alegria por el viaje y por la amistad entre los dos paises.\"\n";
    let f = write_temp(csv.as_bytes());
    let out = credence()
        .args(["score", f.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("the input says `en` but the text reads as `es`"));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = &r["articles"][0];
    assert_eq!(a["lang"], "es");
    assert!(
        a["flags"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["kind"] != "foreign_fragment"),
        "{a}"
    );
}

/// Regression (robustness issue): a Windows-1252 export (é, è and the curly apostrophe `\x92` of
/// "l’AFP") was rejected row by row; it is detected, read as Windows-1252 with one warning, and
/// offsets point into the UTF-8 text. `--encoding` forces either reading.
#[test]
fn regression_a_windows_1252_file_is_detected_and_read_with_one_warning() {
    let f = write_temp(
        b"id,text\n1,\"Caf\xe9 cr\xe8me, selon l\x92AFP.\"\n2,Sans source \xe0 Paris.\n",
    );
    let path = f.path().to_str().unwrap();
    let out = credence()
        .args(["score", path, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("read as Windows-1252").count(), 1, "{err}");
    assert!(err.contains(path), "{err}");
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["input"]["scored"], 2);
    let c = &r["articles"][0]["citations"][0];
    assert_eq!(c["source"], "AFP");
    // "Café crème, selon l’" is 24 bytes in UTF-8 (20 in Windows-1252).
    assert_eq!(
        (c["start"].as_u64(), c["end"].as_u64()),
        (Some(24), Some(27))
    );
    // Latin-1 proper reads \x92 as a C1 control, not an apostrophe; still no row is lost.
    let r = json_of(&["score", path, "--format", "json", "--encoding", "latin-1"]);
    assert_eq!(r["input"]["scored"], 2);
    // A UTF-8 file with one stray byte stays UTF-8: the bad row alone is rejected.
    let mut mostly_utf8 = "id,text\n1,Café crème à Paris\n2,caf\u{e9}\n3,bad "
        .as_bytes()
        .to_vec();
    mostly_utf8.extend_from_slice(b"\xe9\n");
    let f = write_temp(&mostly_utf8);
    let r = json_of(&["score", f.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(r["input"]["scored"], 2);
    assert!(r["input"]["rejected"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("invalid UTF-8"));
}

/// Regression (robustness issue): `--delimiter` forces the separator the header sniffing would
/// not pick (`|`), and rejects what cannot be one.
#[test]
fn regression_delimiter_can_be_forced() {
    let f = write_temp(b"id|outlet|text\n1|x.fr|Selon l'AFP, 3, 4 et 5.\n2|y.fr|Deux, trois\n");
    let path = f.path().to_str().unwrap();
    let r = json_of(&["score", path, "--format", "json", "--delimiter", "|"]);
    assert_eq!(r["input"]["scored"], 2);
    assert_eq!(r["articles"][0]["outlet"], "x.fr");
    assert!(has(&r, "1", "AFP", &["attribution"]));
    // Sniffed, the header has no `,`, `;` or tab: one column, no `id`: a clear message.
    let out = credence().args(["score", path]).output().unwrap();
    assert!(!out.status.success());
    let out = credence()
        .args(["score", path, "--delimiter", "ab"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("one ASCII character"));
    let tsv = write_temp(b"id\ttext\n1\tBonjour, (AFP)\n");
    let r = json_of(&[
        "score",
        tsv.path().to_str().unwrap(),
        "--format",
        "json",
        "--delimiter",
        "tab",
    ]);
    assert_eq!(r["input"]["scored"], 1);
}

/// Regression (robustness issue): a field larger than `--max-field-mb` rejects its row with the
/// field's name and size; the other rows go on.
#[test]
fn regression_a_field_over_max_field_mb_rejects_its_row_only() {
    let mut csv = b"id,outlet,text\n1,x.fr,Un texte court (AFP).\n2,y.fr,".to_vec();
    csv.extend(std::iter::repeat_n(b'x', (1 << 20) + 10));
    csv.extend_from_slice(b"\n3,z.fr,Un autre texte.\n");
    let f = write_temp(&csv);
    let r = json_of(&[
        "score",
        f.path().to_str().unwrap(),
        "--format",
        "json",
        "--max-field-mb",
        "1",
    ]);
    assert_eq!(r["input"]["rows"], 3);
    assert_eq!(r["input"]["scored"], 2);
    let rej = &r["input"]["rejected"][0];
    assert_eq!(rej["line"], 3);
    assert_eq!(rej["id"], "2");
    assert!(
        rej["reason"]
            .as_str()
            .unwrap()
            .contains("field `text` is 1.0 MiB"),
        "{rej}"
    );
    // Under the default (64 MiB) the row is read.
    let r = json_of(&["score", f.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(r["input"]["scored"], 3);
}

/// Regression (robustness issue): "Reutеrs" with a Cyrillic `е` (and "АFP" with a Cyrillic `А`)
/// is not a Reuters citation; `input.warnings` names the article, the field and the source.
#[test]
fn regression_a_source_name_in_look_alike_letters_is_no_citation_but_a_warning() {
    let f = write_temp(
        "id,outlet,text\nh1,x.fr,\"LONDON (Reut\u{435}rs) - Markets fell.\"\nok,y.fr,\"LONDON (Reuters) - Markets fell.\"\nh2,z.fr,\"Selon l'\u{410}FP, rien.\"\n"
            .as_bytes(),
    );
    let r = json_of(&["score", f.path().to_str().unwrap(), "--format", "json"]);
    assert!(!has(
        &r,
        "h1",
        "Reuters",
        &["credit", "attribution", "mention", "relay"]
    ));
    assert!(has(&r, "ok", "Reuters", &["credit"]));
    assert!(citations(&r, "h2").is_empty());
    let warnings: Vec<(u64, String)> = r["input"]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["line"].as_u64().unwrap(),
                w["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert_eq!(warnings[0].0, 2);
    assert!(
        warnings[0].1.contains("article \"h1\"") && warnings[0].1.contains("Reuters"),
        "{warnings:?}"
    );
    assert_eq!(warnings[1].0, 4);
    assert!(
        warnings[1].1.contains("article \"h2\"") && warnings[1].1.contains("AFP"),
        "{warnings:?}"
    );
}

/// The JSON report of `rows` (CSV lines after the header) in the given order, with articles
/// sorted by id and their `line` dropped: what must not depend on the row order.
fn report_in_order(header: &str, rows: &[String], order: &[usize]) -> Value {
    let mut csv = format!("{header}\n");
    for &i in order {
        csv += &rows[i];
        csv.push('\n');
    }
    let f = write_temp(csv.as_bytes());
    let mut r = json_of(&["score", f.path().to_str().unwrap(), "--format", "json"]);
    let arts = r["articles"].as_array_mut().unwrap();
    for a in arts.iter_mut() {
        a.as_object_mut().unwrap().remove("line");
    }
    arts.sort_by(|x, y| x["id"].as_str().cmp(&y["id"].as_str()));
    r
}

/// Regression (order issue): the output depended on the order of the rows. A voice voter's prior
/// came from whichever article of the outlet came first, outlet voices were numbered in order of
/// appearance, claim groups and voters in row order (so story windows, copy windows and float
/// sums ran in row order), an outlet's duplicate was the later row and its sums and examples ran
/// in row order, and claim groups of one value split by story were listed in row order. Every
/// score, claim and outlet is the same, byte for byte, whatever the order of the rows.
#[test]
fn regression_scores_do_not_depend_on_row_order() {
    let wire = "Plus de 1200 manifestants ont défilé samedi à Grenoble et à Chambéry contre la réforme des retraites, selon la préfecture de l'Isère. Les cortèges sont partis de la place Grenette vers la gare, encadrés par 300 policiers. Les syndicats de la CGT et de FO annoncent une nouvelle journée de grève jeudi prochain dans toute la région Rhône-Alpes.";
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let rows: Vec<String> = vec![
        // One AFP dispatch: credited by two outlets, run without credit by a third, twice by one.
        format!("r01,ledauphine.com,2024-03-02,Grenoble manifeste,{}", q(&format!("{wire} (AFP)"))),
        format!("r02,lemonde.fr,2024-03-02,Retraites : Grenoble défile,{}", q(&format!("{wire} (AFP)"))),
        format!("r03,copieur.example,2024-03-03,Grenoble en colère !,{}", q(wire)),
        format!("r04,copieur.example,2024-03-03,Grenoble en colère,{}", q(wire)),
        // The same event in other words, with the same figures and rare names.
        format!("r05,lefigaro.fr,2024-03-02,À Grenoble,{}", q("À Grenoble et à Chambéry, 1200 manifestants ont marché de la place Grenette à la gare, a indiqué la préfecture de l'Isère, qui comptait 300 policiers.")),
        format!("r06,liberation.fr,2024-03-02,Chambéry,{}", q("La CGT revendique 5000 manifestants à Grenoble et Chambéry, partis de la place Grenette ; la préfecture en a compté 1200.")),
        // Outlets repeating themselves, with articles of different kinds (sourced, sensational).
        format!("r07,lemonde.fr,2024-03-04,Budget,{}", q("Le gouvernement prévoit 12 milliards d'euros d'économies, a déclaré le ministre de l'Économie Bruno Le Maire devant la commission des finances, selon Reuters.")),
        format!("r08,lemonde.fr,2024-03-05,Scandale !,{}", q("Incroyable ! 45 députés absents ! La honte ! Personne ne dit rien !")),
        format!("r09,lefigaro.fr,2024-03-04,Économies,{}", q("Bruno Le Maire annonce 12 milliards d'euros d'économies devant la commission des finances, d'après l'AFP.")),
        format!("r10,lefigaro.fr,2024-03-06,Incendie,{}", q("Un incendie a détruit 40 hectares de forêt près de Sisteron et de Volonne, ont indiqué les pompiers des Alpes-de-Haute-Provence.")),
        format!("r11,liberation.fr,2024-03-06,Sisteron,{}", q("Près de Sisteron et de Volonne, 40 hectares de forêt sont partis en fumée mardi, selon les pompiers.")),
        format!("r12,copieur.example,2024-03-07,Choc !,{}", q("Choc ! 40 hectares ! 45 députés ! Tout va mal !")),
        format!("r13,ledauphine.com,2024-03-07,Isère,{}", q("Dans l'Isère, 300 policiers et 1200 manifestants selon la préfecture ; 5000 selon la CGT, place Grenette.")),
        format!("r14,lemonde.fr,2024-03-08,Vote,{}", q("Le texte a été adopté par 312 voix contre 250, a annoncé la présidente de l'Assemblée nationale Yaël Braun-Pivet.")),
    ];
    let header = "id,outlet,published,title,text";
    let n = rows.len();
    let identity: Vec<usize> = (0..n).collect();
    let base = report_in_order(header, &rows, &identity);
    assert!(
        base["claims"].as_array().unwrap().len() > 5,
        "{}",
        base["claims"]
    );
    assert!(!base["copies"].as_array().unwrap().is_empty());
    let mut orders: Vec<Vec<usize>> = vec![identity.iter().rev().copied().collect()];
    for k in [3, 7, 11] {
        orders.push((0..n).map(|i| (i + k) % n).collect());
    }
    // Interleaved: odd rows first.
    orders.push(
        (0..n)
            .filter(|i| i % 2 == 1)
            .chain((0..n).filter(|i| i % 2 == 0))
            .collect(),
    );
    for order in &orders {
        let other = report_in_order(header, &rows, order);
        for part in [
            "articles", "claims", "outlets", "sources", "copies", "stories", "model",
        ] {
            let (x, y) = (
                serde_json::to_string_pretty(&base[part]).unwrap(),
                serde_json::to_string_pretty(&other[part]).unwrap(),
            );
            // The first differing line, with the lines before it (readable failures).
            let (xl, yl): (Vec<&str>, Vec<&str>) = (x.lines().collect(), y.lines().collect());
            if let Some(k) = (0..xl.len().max(yl.len())).find(|&k| xl.get(k) != yl.get(k)) {
                panic!(
                    "{part} differ for row order {order:?} at line {k}:\n{}\n- {}\n+ {}",
                    xl[k.saturating_sub(12)..k.min(xl.len())].join("\n"),
                    xl.get(k).unwrap_or(&""),
                    yl.get(k).unwrap_or(&"")
                );
            }
        }
    }
}

/// Regression (claims issue): in a feed scored alone every name has one voice, so names printed
/// in most of its items ("DPRK", "Pyongyang") counted as rare and pooled unrelated figures into
/// one claim ("11.9 percent" of one company's profit and of another's).
#[test]
fn regression_a_feeds_everyday_names_do_not_join_its_figures_into_one_story() {
    let mut csv = String::from("id,outlet,text\n");
    let places = [
        "Wonsan", "Kaesong", "Hamhung", "Chongjin", "Sinuiju", "Nampho",
    ];
    for k in 0..40 {
        csv += &format!(
            "k{k:02},kcna.kp,\"The DPRK delegation left Pyongyang for {} on day {k}, where {} workers of the Haeju plant number {} met them.\"\n",
            places[k % places.len()],
            300 + 7 * k,
            k
        );
    }
    csv += "p1,kcna.kp,\"The DPRK media in Pyongyang reported that the net profit of Fast Retailing dropped 11.9 percent in the fiscal year.\"\n";
    csv += "p2,kcna.kp,\"The DPRK media in Pyongyang reported that United Continental saw its profit fall 11.9 percent in the second quarter.\"\n";
    let f = write_temp(csv.as_bytes());
    let r = json_of(&["score", f.path().to_str().unwrap(), "--format", "json"]);
    let groups: Vec<Vec<String>> = r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["unit"] == "percent")
        .map(|c| {
            c["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    assert_eq!(groups, [vec!["p1".to_string()], vec!["p2".to_string()]]);
}

#[cfg(unix)]
#[test]
fn regression_output_to_a_device_writes_into_it_and_never_replaces_it() {
    use std::os::unix::fs::FileTypeExt;
    // Writing through a temporary file renamed into place turned /dev/null into a regular file.
    credence()
        .args([
            "score",
            "data/articles.csv",
            "--quiet",
            "--format",
            "json",
            "-o",
            "/dev/null",
        ])
        .assert()
        .success();
    let kind = std::fs::metadata("/dev/null").unwrap().file_type();
    assert!(kind.is_char_device(), "/dev/null is no longer a device");
}
