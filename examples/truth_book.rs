//! Validation of the propagation core on the truth-discovery benchmark of TruthFinder.
//!
//! ```sh
//! cargo run --release --example truth_book
//! ```
//!
//! `../shared/data/truth_book/book.txt` holds (bookstore, ISBN, title, authors) claims from 895 online
//! bookstores; `book_golden.txt` the true author lists of about 100 books. Each book is an object,
//! each distinct normalised author list a claim, each bookstore a source voting for its list. The
//! example runs credence's `score::propagate::solve` (the same core the scoring pass uses) and
//! majority vote, and reports the share of gold books whose chosen author list is right.

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;

use credence::normalize::fold_text;
use credence::score::propagate::{solve, Problem, Vote};

/// Last names of an author list, folded and sorted: "Knuth, Donald E." and "Donald E. Knuth" agree.
fn authors(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() || raw.eq_ignore_ascii_case("not available") {
        return None;
    }
    let parts: Vec<&str> = if raw.contains(';') {
        raw.split(';').collect()
    } else {
        raw.split([',', '&'])
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
    };
    let mut names = BTreeSet::new();
    if raw.contains(';') {
        for p in parts {
            let last = p.split(',').next().unwrap_or("");
            let f = fold_text(last);
            let w: String = f
                .split_whitespace()
                .last()
                .unwrap_or("")
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            if !w.is_empty() {
                names.insert(w);
            }
        }
    } else {
        // "Knuth, Donald E." (one author, last name first) or "Donald Knuth, Ronald Graham".
        let f = fold_text(raw);
        let comma_last_first = raw.matches(',').count() == 1
            && !raw.contains(" and ")
            && parts.len() == 2
            && parts[1].split_whitespace().count() <= 3
            && parts[0].split_whitespace().count() == 1;
        if comma_last_first {
            let w: String = fold_text(parts[0])
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            names.insert(w);
        } else {
            for p in f.split([',', '&']).flat_map(|p| p.split(" and ")) {
                let w: String = p
                    .split_whitespace()
                    .last()
                    .unwrap_or("")
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect();
                if w.len() > 1 {
                    names.insert(w);
                }
            }
        }
    }
    (!names.is_empty()).then(|| names.into_iter().collect::<Vec<_>>().join("|"))
}

fn main() -> Result<(), Box<dyn Error>> {
    let dir = "../shared/data/truth_book";
    let text = std::fs::read(format!("{dir}/book.txt"))?;
    let text = String::from_utf8_lossy(&text);
    let mut stores: BTreeMap<String, usize> = BTreeMap::new();
    let mut books: BTreeMap<String, BTreeMap<String, BTreeSet<usize>>> = BTreeMap::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
        if cols.len() < 4 {
            continue;
        }
        let Some(value) = authors(cols[3]) else {
            continue;
        };
        let n = stores.len();
        let s = *stores.entry(cols[0].trim().to_string()).or_insert(n);
        books
            .entry(cols[1].trim().to_string())
            .or_default()
            .entry(value)
            .or_default()
            .insert(s);
    }
    let gold_text = std::fs::read(format!("{dir}/book_golden.txt"))?;
    let gold: BTreeMap<String, String> = String::from_utf8_lossy(&gold_text)
        .lines()
        .filter_map(|l| {
            let (isbn, a) = l.trim_end_matches('\r').split_once('\t')?;
            Some((isbn.trim().to_string(), authors(a)?))
        })
        .collect();
    // The problem: one object per book, one claim per distinct author list.
    let mut object = Vec::new();
    let mut votes = Vec::new();
    let mut claim_of: Vec<(String, String)> = Vec::new();
    for (o, (isbn, values)) in books.iter().enumerate() {
        for (value, srcs) in values {
            let c = object.len();
            object.push(o);
            claim_of.push((isbn.clone(), value.clone()));
            votes.extend(srcs.iter().map(|&s| Vote {
                source: s,
                claim: c,
                weight: 1.0,
            }));
        }
    }
    // Implications: an incomplete author list backs the complete list that contains it.
    let mut implications = Vec::new();
    let mut start = 0;
    for values in books.values() {
        let sets: Vec<BTreeSet<&str>> = values.keys().map(|v| v.split('|').collect()).collect();
        for i in 0..sets.len() {
            for j in 0..sets.len() {
                // A shorter list contained in a longer one does not contradict it: it lends the
                // longer list the share of its names it confirms.
                if i != j && sets[j].len() < sets[i].len() && sets[j].is_subset(&sets[i]) {
                    implications.push((
                        start + i,
                        start + j,
                        sets[j].len() as f64 / sets[i].len() as f64,
                    ));
                }
            }
        }
        start += values.len();
    }
    let plain = Problem {
        priors: vec![(1.6, 0.4); stores.len()],
        object: object.clone(),
        votes: votes.clone(),
        implications: Vec::new(),
    };
    let plain_sol = solve(&plain);
    let problem = Problem {
        priors: vec![(1.6, 0.4); stores.len()],
        object,
        votes,
        implications,
    };
    let sol = solve(&problem);
    let mut vote_count = vec![0usize; claim_of.len()];
    for v in &problem.votes {
        vote_count[v.claim] += 1;
    }
    let (mut n, mut right_tf, mut right_mv, mut right_plain) = (0, 0, 0, 0);
    let mut first = 0;
    for (isbn, values) in &books {
        let claims: Vec<usize> = (first..first + values.len()).collect();
        first += values.len();
        let Some(truth) = gold.get(isbn) else {
            continue;
        };
        n += 1;
        let best = |score: &dyn Fn(usize) -> f64| {
            claims.iter().copied().max_by(|&x, &y| {
                score(x)
                    .total_cmp(&score(y))
                    .then(claim_of[y].1.cmp(&claim_of[x].1))
            })
        };
        if let Some(c) = best(&|c| sol.confidence[c]) {
            right_tf += usize::from(&claim_of[c].1 == truth);
        }
        if let Some(c) = best(&|c| plain_sol.confidence[c]) {
            right_plain += usize::from(&claim_of[c].1 == truth);
        }
        if let Some(c) = best(&|c| vote_count[c] as f64) {
            right_mv += usize::from(&claim_of[c].1 == truth);
            if std::env::var_os("DEBUG").is_some() && &claim_of[c].1 != truth {
                eprintln!(
                    "{isbn}: gold {truth} | voted {} | options {:?}",
                    claim_of[c].1,
                    claims
                        .iter()
                        .map(|&k| (&claim_of[k].1, vote_count[k]))
                        .collect::<Vec<_>>()
                );
            }
        }
    }
    println!(
        "{} bookstores, {} books, {} claims; {} gold books found in the claims",
        stores.len(),
        books.len(),
        claim_of.len(),
        n
    );
    println!(
        "majority vote: accuracy {:.3} ({right_mv}/{n})",
        right_mv as f64 / n.max(1) as f64
    );
    println!(
        "credence propagation without implications: accuracy {:.3} ({right_plain}/{n})",
        right_plain as f64 / n.max(1) as f64
    );
    println!(
        "credence propagation with implications: accuracy {:.3} ({right_tf}/{n}), {} iterations, converged {}",
        right_tf as f64 / n.max(1) as f64,
        sol.iterations,
        sol.converged
    );
    Ok(())
}
