//! The HTML report: one self-contained file (inline CSS, a few lines of inline script for sorting, the
//! graph as inline SVG; nothing fetched from the network). Every text from the input is escaped.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::analyze::Analysis;
use crate::citations::Field;
use crate::registry::Registry;
use crate::report::notable;
use crate::score::fmt_value;

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root{--fg:#1b1b1b;--muted:#666;--line:#ddd;--bg:#fff;--card:#fafafa}
*{box-sizing:border-box}body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0;padding:0 1rem 3rem;max-width:1100px;margin:auto}
h1{font-size:1.5rem;margin:1.2rem 0 .2rem}h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line)}
.summary{color:var(--muted)}table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{cursor:pointer;user-select:none;background:#f3f3f3}th:after{content:" ⇅";color:#aaa;font-size:.8em}
.num{text-align:right;font-variant-numeric:tabular-nums}
.bar{position:relative;width:120px;height:12px;background:#eee;border-radius:3px;display:inline-block;vertical-align:middle}
.bar .iv{position:absolute;top:3px;height:6px;background:#9ecae1;border-radius:3px}.bar .m{position:absolute;top:0;width:3px;height:12px;background:#08519c}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;margin:.8rem 0}
.card header{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center}.card header b{font-size:1rem}
.why{margin:.4rem 0;padding-left:1.2rem;font-size:.9rem}.text{white-space:pre-wrap;font-size:.88rem;max-height:18rem;overflow:auto;border-top:1px dashed var(--line);padding-top:.5rem}
mark{padding:0 .1em;border-radius:2px}mark.credit{background:#c6dbef}mark.attribution{background:#deebf7}mark.relay{background:#e5d8ea}mark.mention{background:#eee}
mark.flag{background:#fdd0a2;outline:1px solid #e6550d}
.tree,.tree ul{list-style:none;padding-left:1.1rem}.tree ul{border-left:2px solid var(--line)}.tree li{margin:.3rem 0}
.pair{display:flex;flex-wrap:wrap;gap:.8rem}.pair>div{flex:1 1 300px;background:#fff;border:1px solid var(--line);border-radius:4px;padding:.5rem;font-size:.85rem;white-space:pre-wrap}
.tag{font-size:.75rem;padding:.05rem .4rem;border-radius:8px;background:#eee}.tag.bad{background:#fdd0a2}.graph{overflow:auto;border:1px solid var(--line);border-radius:6px;padding:.5rem;background:#fff}
.graph svg{max-width:100%;height:auto}details summary{cursor:pointer;color:#08519c}
@media (max-width:600px){.bar{width:80px}td,th{padding:.25rem}}
"#;

const SCRIPT: &str = r#"
document.querySelectorAll('table.sortable').forEach(function(t){
  t.querySelectorAll('th').forEach(function(th,i){
    th.addEventListener('click',function(){
      var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows),asc=th.dataset.asc!=='1';
      rows.sort(function(a,b){var x=a.cells[i].dataset.v||a.cells[i].textContent,y=b.cells[i].dataset.v||b.cells[i].textContent;
        var nx=parseFloat(x),ny=parseFloat(y);var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?c:-c;});
      rows.forEach(function(r){body.appendChild(r);});th.dataset.asc=asc?'1':'0';
    });
  });
});
"#;

fn bar(mean: f64, low: f64, high: f64) -> String {
    format!(
        "<span class=\"bar\" title=\"{mean:.2} (90% interval {low:.2}–{high:.2})\"><span class=\"iv\" style=\"left:{:.1}%;width:{:.1}%\"></span><span class=\"m\" style=\"left:{:.1}%\"></span></span> {mean:.2}",
        low * 100.0,
        ((high - low) * 100.0).max(1.0),
        (mean * 100.0 - 1.0).max(0.0)
    )
}

/// Text with citations and flags highlighted; overlapping marks keep the first.
fn highlighted(text: &str, marks: &mut [(usize, usize, String, String)]) -> String {
    marks.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out = String::new();
    let mut at = 0;
    for (s, e, class, title) in marks.iter() {
        if *s < at
            || *e > text.len()
            || s >= e
            || !text.is_char_boundary(*s)
            || !text.is_char_boundary(*e)
        {
            continue;
        }
        out.push_str(&escape(&text[at..*s]));
        let _ = write!(
            out,
            "<mark class=\"{class}\" title=\"{}\">{}</mark>",
            escape(title),
            escape(&text[*s..*e])
        );
        at = *e;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// Renders the HTML report with `svg` (the citation graph) embedded; `top` limits articles and
/// copy pairs shown.
pub fn render(
    analysis: &Analysis,
    registry: &Registry,
    svg: &str,
    top: usize,
    about: &super::About,
) -> String {
    let sc = &analysis.scores;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>credence report</title><style>{STYLE}</style></head><body>\n"
    );
    let laundered = analysis.copies.pairs.iter().filter(|p| p.laundered).count();
    let _ = writeln!(
        h,
        "<h1>credence report</h1><p class=\"summary\">{} articles scored ({} rows, {} rejected) · {} outlets · {} sources cited · {} copy pairs ({} laundered) · {} claims</p>",
        analysis.articles.len(),
        analysis.rows,
        analysis.rejected.len(),
        analysis.outlets.len(),
        analysis.sources.len(),
        analysis.copies.pairs.len(),
        laundered,
        sc.claims.len()
    );
    let (first, last) = date_span(analysis);
    let _ = writeln!(
        h,
        "<p class=\"summary\">Input <code>{}</code> · published {} · credence {} · options <code>{}</code></p>",
        escape(&about.input),
        match (first, last) {
            (Some(f), Some(l)) if f == l => escape(f),
            (Some(f), Some(l)) => format!("{} to {}", escape(f), escape(l)),
            _ => "dates not given".to_string(),
        },
        env!("CARGO_PKG_VERSION"),
        escape(&about.options)
    );
    h.push_str(HOW_TO_READ);
    // Outlets, best score first.
    h.push_str("<h2>Outlets</h2><table class=\"sortable\"><thead><tr><th>outlet</th><th>score</th><th class=\"num\">articles</th><th>why</th></tr></thead><tbody>\n");
    for &k in &notable::outlets(analysis) {
        let o = &analysis.outlets[k];
        let s = sc.outlets.get(&o.outlet);
        let (mean, cellv) = s.map_or((0.0, "–".to_string()), |s| {
            (
                s.reliability.mean,
                bar(s.reliability.mean, s.reliability.low, s.reliability.high),
            )
        });
        let why = s.map_or(String::new(), |s| match s.explanation.split_first() {
            Some((first, rest)) if !rest.is_empty() => format!(
                "<details><summary>{}</summary>{}</details>",
                escape(first),
                rest.iter()
                    .map(|e| escape(e))
                    .collect::<Vec<_>>()
                    .join("<br>")
            ),
            Some((first, _)) => escape(first),
            None => String::new(),
        });
        let _ = writeln!(h, "<tr><td>{}</td><td data-v=\"{mean:.4}\">{cellv}</td><td class=\"num\">{}</td><td>{why}</td></tr>", escape(&o.outlet), o.articles);
    }
    if analysis.outlets.is_empty() {
        h.push_str("<tr><td colspan=\"4\">No outlet named in the input.</td></tr>\n");
    }
    h.push_str("</tbody></table>\n");
    // Graph.
    h.push_str("<h2>Citation graph</h2><div class=\"graph\">");
    h.push_str(svg);
    h.push_str("</div>\n");
    // Sources.
    h.push_str("<h2>Sources cited</h2><table class=\"sortable\"><thead><tr><th>source</th><th>kind</th><th>trust</th><th class=\"num\">articles</th></tr></thead><tbody>\n");
    for s in &analysis.sources {
        let src = &registry.sources()[s.index];
        let r = sc.sources.get(&s.index).copied().unwrap_or_else(|| {
            crate::score::Reliability::from_mean(src.prior_mean, src.prior_strength)
        });
        let _ = writeln!(h, "<tr><td title=\"{}\">{}</td><td>{}</td><td data-v=\"{:.4}\">{}</td><td class=\"num\">{}</td></tr>", escape(&src.name), escape(&src.id), src.kind, r.mean, bar(r.mean, r.low, r.high), s.cited_by);
    }
    h.push_str("</tbody></table>\n");
    lineages(&mut h, analysis, top);
    copies(&mut h, analysis, top);
    articles(&mut h, analysis, registry, top);
    claims(&mut h, analysis, top);
    let _ = writeln!(h, "<script>{SCRIPT}</script></body></html>");
    h
}

fn copies(h: &mut String, analysis: &Analysis, top: usize) {
    if analysis.copies.pairs.is_empty() {
        return;
    }
    h.push_str("<h2>Copies: passages side by side</h2>\n");
    let id = |i: usize| analysis.articles[i].article.id.as_str();
    let order = notable::copies(analysis);
    for &k in order.iter().take(top) {
        let p = &analysis.copies.pairs[k];
        let (left, right) = match p.original {
            Some(o) if o == p.a => (p.a, p.b),
            Some(_) => (p.b, p.a),
            None => (p.a, p.b),
        };
        let dir = if p.original.is_some() {
            format!(
                "{} copies {}",
                id(if left == p.a { p.b } else { p.a }),
                id(left)
            )
        } else {
            format!("{} ~ {} (direction undecided)", id(p.a), id(p.b))
        };
        let tag = if p.laundered {
            " <span class=\"tag bad\">laundered: credit dropped</span>"
        } else {
            ""
        };
        let _ = write!(
            h,
            "<div class=\"card\"><header><b>{}</b><span class=\"tag\">{:?}</span><span>{:.0}% / {:.0}% shared</span>{tag}</header>",
            escape(&dir),
            p.relation,
            p.containment_a * 100.0,
            p.containment_b * 100.0
        );
        let (tl, tr) = (&analysis.text(left), &analysis.text(right));
        for ps in p.passages.iter().take(3) {
            let (la, lb) = if left == p.a {
                ((ps.a_start, ps.a_end), (ps.b_start, ps.b_end))
            } else {
                ((ps.b_start, ps.b_end), (ps.a_start, ps.a_end))
            };
            let clip = |t: &str, (s, e): (usize, usize)| {
                escape(&clip_words(t.get(s..e).unwrap_or(""), 600))
            };
            let _ = write!(
                h,
                "<div class=\"pair\"><div><b>{}</b> [{}–{}]<br>{}</div><div><b>{}</b> [{}–{}]<br>{}</div></div>",
                escape(id(left)),
                la.0,
                la.1,
                clip(tl, la),
                escape(id(right)),
                lb.0,
                lb.1,
                clip(tr, lb)
            );
        }
        h.push_str("</div>\n");
    }
    if let Some(m) = notable::more(order.len(), top.min(order.len()), "copy pairs") {
        let _ = writeln!(h, "<p class=\"summary\">{}</p>", escape(&m));
    }
}

fn articles(h: &mut String, analysis: &Analysis, registry: &Registry, top: usize) {
    let sc = &analysis.scores;
    h.push_str("<h2>Articles</h2>\n");
    let mut order: Vec<usize> = (0..analysis.articles.len()).collect();
    order.sort_by(|&x, &y| {
        analysis.articles[y]
            .garble
            .total_cmp(&analysis.articles[x].garble)
            .then(
                analysis.articles[x]
                    .article
                    .id
                    .cmp(&analysis.articles[y].article.id),
            )
    });
    for &i in order.iter().take(top) {
        let a = &analysis.articles[i];
        let art = &a.article;
        let s = sc.articles.get(i);
        let score = s.map_or(String::new(), |s| {
            bar(s.reliability.mean, s.reliability.low, s.reliability.high)
        });
        let _ = write!(
            h,
            "<div class=\"card\" id=\"a-{}\"><header><b>{}</b><span>{}</span>{score}<span class=\"tag{}\">garble {:.2}</span></header>",
            escape(&art.id),
            escape(&art.id),
            escape(&art.outlet),
            if a.garble >= 0.3 { " bad" } else { "" },
            a.garble
        );
        if let Some(t) = &art.title {
            let _ = write!(h, "<div><i>{}</i></div>", escape(t));
        }
        if s.is_some() {
            h.push_str("<ul class=\"why\">");
            let contributions = analysis.contributions(i, registry);
            for c in contributions.iter().filter(|c| c.delta.abs() >= 0.005) {
                let _ = write!(
                    h,
                    "<li>{:+.2}: {}</li>",
                    c.delta,
                    escape(&c.text.to_string())
                );
            }
            h.push_str("</ul>");
        }
        let mut marks: Vec<(usize, usize, String, String)> = a
            .citations
            .iter()
            .filter(|c| c.field == Field::Text)
            .map(|c| {
                (
                    c.start,
                    c.end,
                    c.kind.as_str().to_string(),
                    format!("{} {}", c.kind.as_str(), c.source),
                )
            })
            .collect();
        marks.extend(
            a.flags
                .iter()
                .filter(|f| f.field == Field::Text && f.start < f.end)
                .map(|f| {
                    (
                        f.start,
                        f.end,
                        "flag".to_string(),
                        format!("{}: {}", f.kind.as_str(), f.detail),
                    )
                }),
        );
        let _ = writeln!(h, "<details><summary>text with evidence highlighted</summary><div class=\"text\">{}</div></details></div>", highlighted(&analysis.text(i), &mut marks));
    }
    if analysis.articles.len() > top {
        let _ = writeln!(
            h,
            "<p class=\"summary\">… and {} more articles (raise <code>--top</code>).</p>",
            analysis.articles.len() - top
        );
    }
}

fn claims(h: &mut String, analysis: &Analysis, top: usize) {
    let sc = &analysis.scores;
    if sc.claims.is_empty() {
        return;
    }
    h.push_str("<h2>Claims</h2><table class=\"sortable\"><thead><tr><th>value</th><th>unit</th><th>sources</th><th class=\"num\">support</th><th class=\"num\">confidence</th><th>articles</th></tr></thead><tbody>\n");
    let order = notable::claims(analysis);
    for &k in order.iter().take(top) {
        let g = &sc.claims[k];
        let arts: Vec<&str> = g
            .articles
            .iter()
            .map(|&i| analysis.articles[i].article.id.as_str())
            .collect();
        let _ = writeln!(
            h,
            "<tr><td data-v=\"{}\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{:.2}</td><td>{}</td></tr>",
            g.low,
            escape(&fmt_value(g)),
            escape(&g.unit),
            escape(&g.sources.join(", ")),
            g.support,
            g.confidence,
            escape(&arts.join(", "))
        );
    }
    h.push_str("</tbody></table>\n");
    if let Some(m) = notable::more(order.len(), top.min(order.len()), "claim groups") {
        let _ = writeln!(h, "<p class=\"summary\">{}</p>", escape(&m));
    }
}

/// What a reader needs before the tables.
const HOW_TO_READ: &str = "<details class=\"card\"><summary><b>How to read this report</b></summary><p>A <b>score</b> is an estimate in [0, 1] of how far an article (or an outlet, over its articles) can be trusted: it starts at 0.5 and moves with explained contributions (who is credited and how trustworthy they are, whether the text is a laundered or garbled copy, whether its figures are corroborated by independent voices). The <b>90% interval</b> says how sure the estimate is: an outlet with one article has a wide one. Copies are not independent confirmation: thirty republications of one dispatch count as one voice. A <b>lineage</b> is an original (or a wire dispatch that is not in the input) and the articles copied from it; <b>laundered</b> means a wholesale copy of a credited dispatch that dropped the credit. <b>wholly</b>: the smaller text is essentially the other's; <b>partially</b>: at least two sentences reused while each keeps its own text; <b>translated</b>: one renders the other in another language, sentence by sentence (its shares count sentences). Lists are cut to the most notable items (<code>--top</code>); the JSON and CSV outputs are complete.</p></details>\n";

/// The earliest and latest `published` dates of the input.
fn date_span(analysis: &Analysis) -> (Option<&str>, Option<&str>) {
    let dates = analysis
        .articles
        .iter()
        .filter_map(|a| a.article.published.as_deref());
    (dates.clone().min(), dates.max())
}

/// `text` cut to at most `max` characters at a word boundary, with "…" when cut.
fn clip_words(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((end, _)) => {
            let head = &text[..end];
            let cut = head.rfind(char::is_whitespace).unwrap_or(end);
            format!("{}…", head[..cut].trim_end())
        }
    }
}

/// One tree per story (most notable first): the root, then what was copied from each member, with
/// the first passage each copy shares with its source.
fn lineages(h: &mut String, analysis: &Analysis, top: usize) {
    let copies = &analysis.copies;
    if copies.stories.is_empty() {
        return;
    }
    h.push_str("<h2>Lineages: who copied whom</h2>\n");
    let index = copies.index();
    let order = notable::stories(analysis);
    for &k in order.iter().take(top) {
        let s = &copies.stories[k];
        let _ = write!(
            h,
            "<div class=\"card\"><header><b>{}</b></header><ul class=\"tree\">",
            escape(&notable::lineage_line(analysis, s))
        );
        let mut children: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut roots: Vec<usize> = Vec::new();
        for &m in &s.members {
            match copies.copied_from.get(m).copied().flatten() {
                Some(crate::copies::Origin::Article(p)) => children.entry(p).or_default().push(m),
                _ => roots.push(m),
            }
        }
        let mut budget = top.max(1);
        for r in roots {
            tree_node(h, analysis, &index, &children, r, None, &mut budget);
        }
        if let Some(m) = notable::more(
            s.members.len(),
            s.members.len().min(top.max(1)),
            "articles in this lineage",
        ) {
            let _ = write!(h, "<li class=\"summary\">{}</li>", escape(&m));
        }
        h.push_str("</ul></div>\n");
    }
    if let Some(m) = notable::more(order.len(), top.min(order.len()), "lineages") {
        let _ = writeln!(h, "<p class=\"summary\">{}</p>", escape(&m));
    }
}

/// One member and, below it, what was copied from it; at most `budget` members in all.
fn tree_node(
    h: &mut String,
    analysis: &Analysis,
    index: &crate::copies::PairIndex,
    children: &BTreeMap<usize, Vec<usize>>,
    node: usize,
    from: Option<usize>,
    budget: &mut usize,
) {
    if *budget == 0 {
        return;
    }
    *budget -= 1;
    let a = &analysis.articles[node].article;
    let _ = write!(h, "<li><b>{}</b> [{}]", escape(&a.id), escape(&a.outlet));
    if let Some(p) = from.and_then(|src| index.get(src, node).map(|p| (src, p))) {
        let (src, p) = p;
        if p.laundered {
            h.push_str(" <span class=\"tag bad\">laundered</span>");
        }
        if p.relation == crate::copies::Relation::Translated {
            h.push_str(" <span class=\"tag\">translated</span>");
        }
        if let Some(ps) = p.passages.first() {
            let (mine, theirs) = if p.a == node {
                ((ps.a_start, ps.a_end), (ps.b_start, ps.b_end))
            } else {
                ((ps.b_start, ps.b_end), (ps.a_start, ps.a_end))
            };
            let (tm, ts) = (analysis.text(node), analysis.text(src));
            let _ = write!(
                h,
                "<div class=\"pair\"><div>{}</div><div>{}</div></div>",
                escape(&clip_words(ts.get(theirs.0..theirs.1).unwrap_or(""), 240)),
                escape(&clip_words(tm.get(mine.0..mine.1).unwrap_or(""), 240))
            );
        }
    }
    if let Some(kids) = children.get(&node) {
        h.push_str("<ul>");
        for &c in kids {
            tree_node(h, analysis, index, children, c, Some(node), budget);
        }
        h.push_str("</ul>");
    }
    h.push_str("</li>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_highlighting() {
        assert_eq!(
            escape("<script>\"x\" & 'y'"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;"
        );
        let mut marks = vec![
            (0, 3, "credit".to_string(), "credit AFP".to_string()),
            (1, 2, "flag".to_string(), "x".to_string()),
        ];
        assert_eq!(
            highlighted("AFP <b>", &mut marks),
            "<mark class=\"credit\" title=\"credit AFP\">AFP</mark> &lt;b&gt;"
        );
    }
}
