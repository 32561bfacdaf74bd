//! Deterministic benchmark corpus generator with planted copies.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- N OUT.csv [SEED]
//! ```
//!
//! Builds N articles from real sentences of `../shared/data/corpora/` (Reuters-21578, gj_dev, KCNA,
//! AG News): each base article recombines sentences of different source articles, and every sentence
//! is perturbed (numbers redrawn, about one word in four replaced by a word of the same shape drawn
//! from the corpus vocabulary) so that two base articles do not share copy-length passages even at a
//! million articles. Then it plants, at known rates, wholly copies (trimmed, retitled, lightly
//! edited, credit kept or dropped), partial copies (two or three consecutive sentences pasted into
//! another article) and garbled copies (a wholly copy with machine-translation placeholders, glued
//! words, a repeated title and navigation residue). Outlets carry their own footer lines, so
//! boilerplate must be learned to avoid false copies. The planted pairs go to `OUT.truth.csv`
//! (`a,b,relation,kind,original`, `a` < `b`).

use std::error::Error;
use std::fs::File;
use std::io::{BufWriter, Write};

use credence::segment::Segments;

/// SplitMix64: tiny, fast and stable across versions (output must not change between releases).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

const CORPORA: [&str; 4] = [
    "reuters21578.csv",
    "gj_dev.csv",
    "kcna_2011.csv",
    "ag_news_test.csv",
];
const WHOLLY_RATE: f64 = 0.10;
const PARTIAL_RATE: f64 = 0.05;
const GARBLED_RATE: f64 = 0.03;
const OUTLETS: usize = 300;
const CREDITS: [&str; 6] = ["(AFP)", "(Reuters)", "(AP)", "(ats/nxp)", "Belga", "(dpa)"];

struct Pools {
    sentences: Vec<String>,
    lower: Vec<String>,
    upper: Vec<String>,
}

fn load_pools(dir: &str) -> Result<Pools, Box<dyn Error>> {
    let mut sentences = Vec::new();
    let mut lower = std::collections::BTreeSet::new();
    let mut upper = std::collections::BTreeSet::new();
    for name in CORPORA {
        let path = format!("{dir}/{name}");
        let Ok(mut rdr) = csv::Reader::from_path(&path) else {
            eprintln!("skipping {path}: not found");
            continue;
        };
        let headers = rdr.headers()?.clone();
        let text_col = headers
            .iter()
            .position(|h| h == "text")
            .ok_or("no text column")?;
        for rec in rdr.records() {
            let rec = rec?;
            let text = rec.get(text_col).unwrap_or("");
            let segs = Segments::new(text);
            for s in &segs.sentences {
                let s = s.of(text);
                let n = s.split_whitespace().count();
                if (8..=60).contains(&n) && !s.contains("http") {
                    sentences.push(s.to_string());
                    for w in s.split_whitespace() {
                        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                        if w.len() < 3 || !w.chars().all(char::is_alphabetic) {
                            continue;
                        }
                        if w.chars().next().is_some_and(char::is_uppercase) {
                            upper.insert(w.to_string());
                        } else {
                            lower.insert(w.to_string());
                        }
                    }
                }
            }
        }
    }
    if sentences.is_empty() {
        return Err("no sentences found under the corpora directory".into());
    }
    Ok(Pools {
        sentences,
        lower: lower.into_iter().collect(),
        upper: upper.into_iter().collect(),
    })
}

/// A sentence with numbers redrawn and about a quarter of its words replaced.
fn perturb(s: &str, p: &Pools, rng: &mut Rng) -> String {
    s.split_whitespace()
        .map(|w| {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            if core.is_empty() {
                return w.to_string();
            }
            let replacement = if core.chars().all(|c| c.is_ascii_digit()) {
                Some(rng.below(100_000).to_string())
            } else if rng.chance(0.25) {
                let pool = if core.chars().next().is_some_and(char::is_uppercase) {
                    &p.upper
                } else {
                    &p.lower
                };
                Some(pool[rng.below(pool.len())].clone())
            } else {
                None
            };
            match replacement {
                Some(r) => w.replacen(core, &r, 1),
                None => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
        .pipe(sentence_case)
}

/// Capitalised first letter and a final period, so segmentation sees one sentence per sentence.
fn sentence_case(s: String) -> String {
    let mut out = String::with_capacity(s.len() + 1);
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
    }
    out.extend(chars);
    let trimmed = out
        .trim_end_matches(|c: char| !c.is_alphanumeric() && !"\"»”)".contains(c))
        .to_string();
    format!("{trimmed}.")
}

trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}
impl Pipe for String {}

struct Article {
    id: String,
    outlet: usize,
    published: String,
    title: String,
    sentences: Vec<String>,
    credit: Option<&'static str>,
}

fn base(id: String, p: &Pools, rng: &mut Rng) -> Article {
    let k = 4 + rng.below(10);
    let sentences: Vec<String> = (0..k)
        .map(|_| perturb(&p.sentences[rng.below(p.sentences.len())], p, rng))
        .collect();
    let title = sentences[0]
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    let credit = rng.chance(0.5).then(|| CREDITS[rng.below(CREDITS.len())]);
    let published = if rng.chance(0.7) {
        format!("2024-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28))
    } else {
        String::new()
    };
    Article {
        id,
        outlet: rng.below(OUTLETS),
        published,
        title,
        sentences,
        credit,
    }
}

fn body(a: &Article, rng: &mut Rng) -> String {
    let mut t = a.sentences.join(" ");
    if let Some(c) = a.credit {
        t.push_str("\n\n");
        t.push_str(c);
    }
    if rng.chance(0.6) {
        t.push_str(&format!(
            "\n\nAbonnez-vous à la lettre quotidienne de outlet{}.example pour ne rien manquer.",
            a.outlet
        ));
    }
    t
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        return Err("usage: gen_corpus N OUT.csv [SEED]".into());
    }
    let n: usize = args[1].parse()?;
    let out = &args[2];
    let seed: u64 = args.get(3).map_or(Ok(20261121), |s| s.parse())?;
    let dir = std::env::var("CREDENCE_CORPORA").unwrap_or_else(|_| "../shared/data/corpora".into());
    let pools = load_pools(&dir)?;
    let mut rng = Rng(seed);
    let mut w = csv::Writer::from_writer(BufWriter::new(File::create(out)?));
    w.write_record(["id", "outlet", "url", "published", "title", "text"])?;
    let mut truth = BufWriter::new(File::create(out.replace(".csv", "") + ".truth.csv")?);
    writeln!(truth, "a,b,relation,kind,original")?;
    let mut recent: Vec<Article> = Vec::new();
    for i in 0..n {
        let id = format!("g{i:07}");
        let roll = rng.next() as f64 / u64::MAX as f64;
        let (article, planted) = if !recent.is_empty() && roll < WHOLLY_RATE + GARBLED_RATE {
            let src = &recent[rng.below(recent.len())];
            let keep = (src.sentences.len() * (70 + rng.below(31)) / 100)
                .max(2)
                .min(src.sentences.len());
            let mut sentences: Vec<String> = src.sentences[..keep].to_vec();
            for s in sentences.iter_mut() {
                if rng.chance(0.1) {
                    *s = s.replacen(" the ", " a ", 1).replacen(" le ", " un ", 1);
                }
            }
            let garbled = roll >= WHOLLY_RATE;
            if garbled {
                let j = rng.below(sentences.len());
                sentences[j] = format!("{} XNUMX", sentences[j]);
                sentences.insert(0, src.title.clone());
                sentences.push("PREV Next article NEXT Follow us on Google News".into());
            }
            let credit = if rng.chance(0.5) { src.credit } else { None };
            let title = if rng.chance(0.5) {
                format!("{} — update", src.title)
            } else {
                src.title.clone()
            };
            let a = Article {
                id: id.clone(),
                outlet: (src.outlet + 1 + rng.below(OUTLETS - 1)) % OUTLETS,
                published: String::new(),
                title,
                sentences,
                credit,
            };
            let kind = if garbled { "garbled" } else { "wholly" };
            (a, Some((src.id.clone(), "wholly", kind)))
        } else if !recent.is_empty() && roll < WHOLLY_RATE + GARBLED_RATE + PARTIAL_RATE {
            let src = &recent[rng.below(recent.len())];
            let mut a = base(id.clone(), &pools, &mut rng);
            let len = 2 + rng.below(2);
            let start = rng.below(src.sentences.len().saturating_sub(len).max(1));
            let pasted: Vec<String> = src
                .sentences
                .iter()
                .skip(start)
                .take(len)
                .cloned()
                .collect();
            let at = rng.below(a.sentences.len());
            for (k, s) in pasted.into_iter().enumerate() {
                a.sentences.insert(at + k, s);
            }
            (a, Some((src.id.clone(), "partially", "partial")))
        } else {
            (base(id.clone(), &pools, &mut rng), None)
        };
        let text = body(&article, &mut rng);
        let outlet = format!("outlet{}.example", article.outlet);
        w.write_record([
            &article.id,
            &outlet,
            "",
            &article.published,
            &article.title,
            &text,
        ])?;
        if let Some((src, relation, kind)) = planted {
            let (a, b) = if src < article.id {
                (src.clone(), article.id.clone())
            } else {
                (article.id.clone(), src.clone())
            };
            writeln!(truth, "{a},{b},{relation},{kind},{src}")?;
        }
        recent.push(article);
        if recent.len() > 2000 {
            recent.remove(rng.below(recent.len()));
        }
    }
    w.flush()?;
    truth.flush()?;
    Ok(())
}
