//! The import graph of `src/`: data flows one way. Each top-level module's non-test code is read for
//! `crate::MODULE` paths; the test fails on an import circle or on a stage that imports the
//! orchestrator or a report (the scorer must not import `analyze` or `report`).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Top-level module → the top-level modules its non-test code names.
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                continue;
            }
            let rel = path.strip_prefix(&src).unwrap();
            let top = rel
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy();
            let top = top.trim_end_matches(".rs").to_string();
            if top == "main" || top == "lib" || rel.ends_with("tests.rs") {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            // Unit tests may use anything: stop at the test module.
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            let deps = graph.entry(top.clone()).or_default();
            for line in code.lines() {
                let line = line.split("//").next().unwrap_or("");
                for (at, _) in line.match_indices("crate::") {
                    let name: String = line[at + 7..]
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    if !name.is_empty() && name != top {
                        deps.insert(name);
                    }
                }
            }
        }
    }
    graph
}

#[test]
fn the_import_graph_of_src_has_no_circle() {
    let graph = import_graph();
    // Depth-first search with colours: grey = on the current path.
    fn visit<'a>(
        n: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match state.get(n) {
            Some(1) => {
                let from = path.iter().position(|p| *p == n).unwrap();
                let mut circle: Vec<String> = path[from..].iter().map(|s| s.to_string()).collect();
                circle.push(n.to_string());
                return Some(circle);
            }
            Some(2) => return None,
            _ => {}
        }
        state.insert(n, 1);
        path.push(n);
        for d in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(d, graph, state, path) {
                return Some(c);
            }
        }
        path.pop();
        state.insert(n, 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        let circle = visit(n, &graph, &mut state, &mut Vec::new());
        assert!(
            circle.is_none(),
            "import circle: {}",
            circle.unwrap().join(" → ")
        );
    }
}

#[test]
fn stages_and_the_scorer_import_neither_the_orchestrator_nor_reports() {
    let graph = import_graph();
    let above = ["analyze", "report", "graph", "cli"];
    for stage in [
        "model",
        "score",
        "citations",
        "copies",
        "garble",
        "ingest",
        "boilerplate",
        "registry",
        "segment",
        "normalize",
    ] {
        let deps = graph.get(stage).cloned().unwrap_or_default();
        for a in above {
            assert!(!deps.contains(a), "`{stage}` imports `{a}`");
        }
    }
    let model = graph.get("model").cloned().unwrap_or_default();
    assert!(!model.contains("score"), "`model` imports `score`");
}
