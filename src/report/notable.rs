//! What `--top N` keeps, in one documented order shared by the terminal, Markdown and HTML
//! reports (JSON and CSV stay complete):
//!
//! - **outlets** (never cut): best score first, then name;
//! - **articles**: lowest reliability first (what to check first), then highest garble, then id;
//! - **copies**: laundered first, then wholesale before partial, then pairs across outlets before
//!   pairs within one, then the larger containment, then ids;
//! - **stories**: most articles first, then most laundered republications, then id;
//! - **claims**: most independent support first, then highest confidence, then claim index;
//! - **rejected rows**: input order.

use std::fmt::Write as _;

use crate::analyze::Analysis;
use crate::copies::Story;

/// Article indices in the order `--top` keeps them.
pub fn articles(analysis: &Analysis) -> Vec<usize> {
    let sc = &analysis.scores;
    let mut order: Vec<usize> = (0..analysis.articles.len()).collect();
    let score = |i: usize| {
        sc.articles
            .get(i)
            .map_or(f64::INFINITY, |s| s.reliability.mean)
    };
    order.sort_by(|&x, &y| {
        score(x)
            .total_cmp(&score(y))
            .then_with(|| {
                analysis.articles[y]
                    .garble
                    .total_cmp(&analysis.articles[x].garble)
            })
            .then_with(|| {
                analysis.articles[x]
                    .article
                    .id
                    .cmp(&analysis.articles[y].article.id)
            })
    });
    order
}

/// Outlet indices, best score first (ties: name): the order every report lists outlets in.
pub fn outlets(analysis: &Analysis) -> Vec<usize> {
    let score = |k: usize| {
        analysis
            .scores
            .outlets
            .get(&analysis.outlets[k].outlet)
            .map_or(f64::NEG_INFINITY, |s| s.reliability.mean)
    };
    let mut order: Vec<usize> = (0..analysis.outlets.len()).collect();
    order.sort_by(|&x, &y| {
        score(y)
            .total_cmp(&score(x))
            .then_with(|| analysis.outlets[x].outlet.cmp(&analysis.outlets[y].outlet))
    });
    order
}

/// Copy pair indices in the order `--top` keeps them.
pub fn copies(analysis: &Analysis) -> Vec<usize> {
    let pairs = &analysis.copies.pairs;
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by(|&x, &y| {
        let (p, q) = (&pairs[x], &pairs[y]);
        let share = |c: &crate::copies::CopyPair| c.containment_a.max(c.containment_b);
        q.laundered
            .cmp(&p.laundered)
            .then_with(|| p.relation.cmp(&q.relation))
            .then_with(|| p.same_outlet.cmp(&q.same_outlet))
            .then_with(|| share(q).total_cmp(&share(p)))
            .then_with(|| x.cmp(&y))
    });
    order
}

/// Story indices in the order `--top` keeps them.
pub fn stories(analysis: &Analysis) -> Vec<usize> {
    let st = &analysis.copies.stories;
    let mut order: Vec<usize> = (0..st.len()).collect();
    order.sort_by(|&x, &y| {
        st[y]
            .members
            .len()
            .cmp(&st[x].members.len())
            .then_with(|| st[y].laundered.cmp(&st[x].laundered))
            .then_with(|| st[x].id.cmp(&st[y].id))
    });
    order
}

/// Claim group indices in the order `--top` keeps them.
pub fn claims(analysis: &Analysis) -> Vec<usize> {
    let c = &analysis.scores.claims;
    let mut order: Vec<usize> = (0..c.len()).collect();
    order.sort_by(|&x, &y| {
        c[y].support
            .cmp(&c[x].support)
            .then_with(|| c[y].confidence.total_cmp(&c[x].confidence))
            .then_with(|| x.cmp(&y))
    });
    order
}

/// "… and N more WHAT (raise --top)" when `total` exceeds `shown`, else nothing.
pub fn more(total: usize, shown: usize, what: &str) -> Option<String> {
    (total > shown).then(|| format!("… and {} more {what} (raise --top)", total - shown))
}

/// A lineage in one line: "AFP dispatch (not in the input) → 14 republications: 9 credited,
/// 5 laundered (dhnet.be 6, lalibre.be 4, …)" or "gj00123 [tdg.ch] → 2 republications: …".
pub fn lineage_line(analysis: &Analysis, s: &Story) -> String {
    let mut out = if s.virtual_root {
        match &s.agency {
            Some(a) => format!("{a} dispatch (not in the input)"),
            None => "common origin (not in the input)".to_string(),
        }
    } else {
        let a = &analysis.articles[s.representative].article;
        format!("{} [{}]", a.id, a.outlet)
    };
    let plural = if s.republications == 1 { "" } else { "s" };
    let _ = write!(
        out,
        " → {} republication{plural}: {} credited, {} laundered (",
        s.republications, s.credited, s.laundered
    );
    for (k, (o, n)) in s.outlets.iter().enumerate() {
        if k == 4 {
            out.push_str(", …");
            break;
        }
        if k > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{o} {n}");
    }
    out.push(')');
    // A lineage that crosses languages says so: "; in fr 3, de 2".
    if s.languages.len() > 1 {
        out.push_str("; in ");
        for (k, (l, n)) in s.languages.iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "{l} {n}");
        }
    }
    out
}
