//! Where the memory of an analysis goes: bytes per article held by each part of the per-article
//! state after a run (struct sizes plus heap capacities; allocator overhead not counted).
//!
//! ```sh
//! cargo run --release --example memory -- target/bench-corpora/gen100000.csv
//! ```

use std::mem::size_of;

use credence::analyze::{analyze_input, ArticleFacts, NoProgress};
use credence::ingest::Input;
use credence::score::{ArticleScore, ClaimGroup, Contribution};
use credence::Registry;

fn s(x: &String) -> usize {
    x.capacity()
}

fn o(x: &Option<String>) -> usize {
    x.as_ref().map_or(0, String::capacity)
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: memory FILE.csv");
    let registry = Registry::bundled();
    let input = Input::open(&path).expect("open input");
    let opts = credence::Options::default();
    let a = analyze_input(&input, &registry, &opts, &NoProgress).expect("analyze");
    let n = a.articles.len().max(1) as f64;
    let mut parts: Vec<(&str, usize)> = Vec::new();
    let arts = &a.articles;
    parts.push((
        "ArticleFacts structs",
        arts.capacity() * size_of::<ArticleFacts>(),
    ));
    parts.push((
        "article strings",
        arts.iter()
            .map(|x| {
                let r = &x.article;
                s(&r.id) + s(&r.outlet) + o(&r.domain) + o(&r.published) + o(&r.title) + o(&r.lang)
            })
            .sum(),
    ));
    parts.push((
        "citations",
        arts.iter()
            .map(|x| {
                x.citations.capacity() * size_of::<credence::citations::Citation>()
                    + x.citations
                        .iter()
                        .map(|c| s(&c.source) + s(&c.evidence) + o(&c.via))
                        .sum::<usize>()
            })
            .sum(),
    ));
    parts.push((
        "flags",
        arts.iter()
            .map(|x| {
                x.flags.capacity() * size_of::<credence::garble::Flag>()
                    + x.flags
                        .iter()
                        .map(|f| s(&f.evidence) + s(&f.detail))
                        .sum::<usize>()
                    + o(&x.lang)
            })
            .sum(),
    ));
    let sc = &a.scores.articles;
    parts.push((
        "ArticleScore structs",
        sc.capacity() * size_of::<ArticleScore>(),
    ));
    parts.push((
        "article claims",
        sc.iter()
            .map(|x| {
                x.claims.capacity() * size_of::<credence::score::claims::Claim>()
                    + x.claims
                        .iter()
                        .map(|c| s(&c.unit) + c.sources.iter().map(s).sum::<usize>())
                        .sum::<usize>()
                    + x.unreadable.capacity() * size_of::<credence::score::claims::Unreadable>()
            })
            .sum(),
    ));
    let g = &a.scores.claims;
    parts.push((
        "claim groups",
        g.capacity() * size_of::<ClaimGroup>()
            + g.iter()
                .map(|c| {
                    s(&c.unit)
                        + c.articles.capacity() * 8
                        + c.sources.iter().map(s).sum::<usize>()
                        + c.contradicted_by.capacity() * 8
                })
                .sum::<usize>(),
    ));
    parts.push((
        "copy pairs",
        a.copies.pairs.capacity() * size_of::<credence::copies::CopyPair>(),
    ));
    let (mut el, mut ec, mut dl, mut dc) = (0, 0, 0, 0);
    for f in arts.iter().flat_map(|x| &x.flags) {
        el += f.evidence.len();
        ec += f.evidence.capacity();
        dl += f.detail.len();
        dc += f.detail.capacity();
    }
    eprintln!("flag evidence len {el} cap {ec}; detail len {dl} cap {dc}");
    let total: usize = parts.iter().map(|p| p.1).sum();
    println!("{} articles; bytes per article by part:", a.articles.len());
    for (name, b) in &parts {
        println!("  {name:<22} {:>7.0}", *b as f64 / n);
    }
    println!("  {:<22} {:>7.0}", "total", total as f64 / n);
    println!(
        "sizes: ArticleFacts {} B, Citation {} B, Flag {} B, Contribution {} B, Claim {} B, ClaimGroup {} B",
        size_of::<ArticleFacts>(),
        size_of::<credence::citations::Citation>(),
        size_of::<credence::garble::Flag>(),
        size_of::<Contribution>(),
        size_of::<credence::score::claims::Claim>(),
        size_of::<ClaimGroup>()
    );
}
