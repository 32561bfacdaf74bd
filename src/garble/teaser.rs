//! Inserted teasers from layout: a short line inside the body made of a head announcing another
//! story ("À lire aussi", "Related", "Lesen Sie auch") and that story's headline, however the page
//! lays the two out — a separator (`:`, `→`, `|`, `–`, `>>`, `…`), the head in brackets, the head
//! glued to a capitalised headline, or the head on a line of its own above the headline. Heads are
//! recognised word by word (`data/garble/teaser_words.tsv`), not as listed phrases.
//!
//! A line that is the headline of another article of the input is a teaser too (the input's own
//! evidence, with that article's id in the detail), unless it opens the body, where a
//! republication prints its original's headline.

use rustc_hash::FxHashSet;

use super::lang::Words;
use super::vocab::{Vocab, MIN_HEADLINE_WORDS};
use super::{Doc, Flag, FlagKind, LangId};
use crate::boilerplate::line_key;
use crate::citations::Field;
use crate::segment::Span;

/// The bundled teaser-head words.
pub const BUNDLED_TEASER: &str = include_str!("../../data/garble/teaser_words.tsv");

/// Most words a head has ("Das könnte Sie auch interessieren" has five).
const MAX_HEAD: usize = 6;
/// A headline has this many words at least and at most.
const REST_WORDS: std::ops::RangeInclusive<usize> = 2..=25;
/// Lines longer than this (bytes) are paragraphs, not teasers.
const MAX_LINE: usize = 300;

/// Separators between a head and its headline, tried in order of their position in the line.
const SEPARATORS: [&str; 14] = [
    ":", "→", "⇒", ">>", "»", "|", " – ", " — ", " - ", "•", "►", "▶", "…", "...",
];

/// Marks that may open a teaser line before its head ("► Lire aussi", "[Related]", "» Voir").
fn is_decoration(c: char) -> bool {
    matches!(
        c,
        '►' | '▶'
            | '▸'
            | '•'
            | '·'
            | '»'
            | '>'
            | '›'
            | '-'
            | '–'
            | '—'
            | '*'
            | '|'
            | '['
            | '('
    )
}

/// Teaser-head words by role.
#[derive(Debug, Clone, Default)]
pub struct Teasers {
    /// Words that name the act or the kind of link: one is needed.
    head: FxHashSet<String>,
    /// Words that may join them.
    aux: FxHashSet<String>,
}

/// A line split into its head and headline (original byte offsets).
struct Split {
    head: Span,
    rest_start: usize,
}

impl Teasers {
    /// Parses `lang<TAB>role<TAB>word` lines; every language's words are kept in one set, since a
    /// page template's head is often in another language than the story ("Read more" on a
    /// French site).
    pub fn parse(tsv: &str) -> Teasers {
        let mut t = Teasers::default();
        for line in tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            if let [_, role, word] = cols[..] {
                let set = if role == "head" {
                    &mut t.head
                } else {
                    &mut t.aux
                };
                set.insert(word.trim().to_string());
            }
        }
        t
    }

    /// The words in `start..end` form a head: one to six words, all head, aux or function words,
    /// one of them a head word.
    fn is_head(&self, words: &Words, langid: &LangId, start: usize, end: usize) -> bool {
        let ws = words.within(start, end);
        if ws.is_empty() || ws.len() > MAX_HEAD {
            return false;
        }
        ws.iter().all(|w| self.is_head_word(words, langid, w))
            && ws.iter().any(|w| self.head.contains(words.text(w)))
    }

    fn is_head_word(&self, words: &Words, langid: &LangId, w: &super::lang::Word) -> bool {
        let t = words.text(w);
        self.head.contains(t) || self.aux.contains(t) || w.mask != 0 || {
            langid.is_folded_function_word(t)
        }
    }

    /// Splits a line at the end of a head: a closing bracket, a separator, or the last head word
    /// before a capitalised word.
    fn split(&self, text: &str, line: Span, words: &Words, langid: &LangId) -> Option<Split> {
        let s = line.of(text);
        let mut body = line.start + (s.len() - s.trim_start().len());
        let mut bracket = None;
        for (i, c) in text[body..line.end].char_indices() {
            if c.is_whitespace() {
                continue;
            }
            if !is_decoration(c) || i > 8 {
                body += i;
                break;
            }
            if matches!(c, '[' | '(') {
                bracket = Some(if c == '[' { ']' } else { ')' });
            }
        }
        let near = crate::normalize::floor_char_boundary(text, (body + 80).min(line.end));
        if let Some(close) = bracket {
            let end = body + text[body..near].find(close)?;
            return Some(Split {
                head: sp(body, end),
                rest_start: end + close.len_utf8(),
            });
        }
        let window = &text[body..near];
        let sep = SEPARATORS
            .iter()
            .filter_map(|p| window.find(p).map(|i| (i, p.len())))
            .chain(window.find(". ").map(|i| (i, 2)))
            .min();
        if let Some((i, n)) = sep {
            return Some(Split {
                head: sp(body, body + i),
                rest_start: body + i + n,
            });
        }
        // No separator: head words run straight into a capitalised headline. Without a separator
        // the head must say more than one word of its own ("Read more", "À lire aussi", not
        // "Video Shopping Network" or "She recommended that the United…") and end on one of them.
        let ws = words.within(body, line.end);
        let own = |w: &super::lang::Word| {
            let t = words.text(w);
            self.head.contains(t) || self.aux.contains(t)
        };
        let capital = |w: &super::lang::Word| {
            text[w.start..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        };
        let mut said = 0;
        for k in 1..ws.len().min(MAX_HEAD + 1) {
            let last = &ws[k - 1];
            if !self.is_head_word(words, langid, last) {
                return None;
            }
            said += usize::from(own(last));
            if capital(&ws[k]) && said >= 2 && own(last) {
                return Some(Split {
                    head: sp(body, last.end),
                    rest_start: ws[k].start,
                });
            }
        }
        None
    }

    /// Flags teaser lines of `doc`.
    /// # Complexity
    /// O(words of the text): each line is split once and its words looked up once.
    pub fn lines(&self, doc: &Doc, words: &Words, langid: &LangId, out: &mut Vec<Flag>) {
        let text = doc.view.text;
        let lines = &doc.view.segs.lines;
        let own: Vec<u64> = doc
            .title
            .into_iter()
            .chain(lines.first().map(|l| l.of(text)))
            .map(line_key)
            .collect();
        // Running text seen above this line: a teaser sits inside the body, not at its top.
        let mut body_above = false;
        for (k, &l) in lines.iter().enumerate() {
            let line = l.of(text).trim();
            let ws = words.within(l.start, l.end);
            let short = l.end - l.start <= MAX_LINE && !ws.is_empty();
            if k > 0 && short && starts_block(text, lines, k) && opens_like_a_head(line) {
                if let Some(f) = self.teaser_at(doc, words, langid, k, &own, body_above) {
                    out.push(f);
                }
            }
            body_above |= ws.len() >= 8 && line.ends_with(['.', '!', '?', '»', '"', '”']);
        }
    }

    fn teaser_at(
        &self,
        doc: &Doc,
        words: &Words,
        langid: &LangId,
        k: usize,
        own: &[u64],
        body_above: bool,
    ) -> Option<Flag> {
        let text = doc.view.text;
        let lines = &doc.view.segs.lines;
        let l = lines[k];
        // Cheap gates first: a head word among the first words, or another article's headline
        // possible here.
        let first = words.within(l.start, l.end);
        let head_here = first
            .iter()
            .take(MAX_HEAD + 1)
            .any(|w| self.head.contains(words.text(w)));
        let headline_here = body_above
            && first.len() >= MIN_HEADLINE_WORDS
            && doc.vocab.is_some_and(|v| !v.headlines.is_empty());
        if !head_here && !headline_here {
            return None;
        }
        let split = self.split(text, l, words, langid);
        if headline_here {
            if let Some(f) = headline_of_another(doc.vocab, text, l, split.as_ref(), own, words) {
                return Some(f);
            }
        }
        let headed = split
            .as_ref()
            .filter(|s| self.is_head(words, langid, s.head.start, s.head.end));
        let (span, rest) = match headed {
            Some(s) => (l, sp(s.rest_start, l.end)),
            None => {
                // A head on a line of its own, above the headline it announces; a head is not a
                // sentence ("Lee said." is one).
                let line = l.of(text).trim_end();
                if line.ends_with(['.', '!', '?']) && !line.ends_with("...")
                    || !self.is_head(words, langid, l.start, l.end)
                {
                    return None;
                }
                let next = lines[k + 1..]
                    .iter()
                    .find(|n| !n.of(text).trim().is_empty());
                match next {
                    Some(&n) if n.end - n.start <= MAX_LINE => (sp(l.start, n.end), n),
                    // The last line: a head with nothing after it is page residue too.
                    None => (l, sp(l.end, l.end)),
                    Some(_) => return None,
                }
            }
        };
        if rest.start < rest.end && !headline_shaped(text, rest, words) {
            return None;
        }
        Some(flag(
            text,
            span,
            "teaser head and the headline of another story".into(),
        ))
    }
}

/// Line `k` starts a block: the line above ends a sentence or a blank line separates them (a
/// hard-wrapped wire line continues the sentence above and is not a teaser).
fn starts_block(text: &str, lines: &[Span], k: usize) -> bool {
    let prev = lines[k - 1].of(text).trim_end();
    prev.is_empty()
        || prev.ends_with(['.', '!', '?', ':', ';', '»', '"', '”', ')', ']'])
        || text[lines[k - 1].end..lines[k].start].matches('\n').count() > 1
}

/// A head opens with a capital letter or a mark ("► Lire aussi", "[Related]"), never with a
/// lowercase word.
fn opens_like_a_head(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || is_decoration(c) || !c.is_alphanumeric())
}

/// Two to 25 words starting with a capital, a digit or a quotation mark.
fn headline_shaped(text: &str, rest: Span, words: &Words) -> bool {
    let n = words.within(rest.start, rest.end).len();
    let first = rest
        .of(text)
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—'))
        .chars()
        .next();
    REST_WORDS.contains(&n)
        && first.is_some_and(|c| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '«' | '“' | '„' | '\'')
        })
}

/// The line (or its part after a head) is the headline of another article of the input.
fn headline_of_another(
    vocab: Option<&Vocab>,
    text: &str,
    l: Span,
    split: Option<&Split>,
    own: &[u64],
    words: &Words,
) -> Option<Flag> {
    let vocab = vocab?;
    let candidates = [Some(l.start), split.map(|s| s.rest_start)];
    for from in candidates.into_iter().flatten() {
        let ws = words.within(from, l.end);
        if ws.len() < MIN_HEADLINE_WORDS {
            continue;
        }
        let key = crate::boilerplate::words_key(ws.iter().map(|w| words.text(w)));
        if own.contains(&key) {
            continue;
        }
        if let Some(id) = vocab.headlines.get(key) {
            return Some(flag(text, l, format!("headline of article {id}")));
        }
    }
    None
}

fn flag(text: &str, span: Span, detail: String) -> Flag {
    Flag {
        kind: FlagKind::InsertedTeaser,
        field: Field::Text,
        start: span.start,
        end: span.end,
        evidence: span.of(text).trim().to_string(),
        detail,
        counted: true,
    }
}

fn sp(start: usize, end: usize) -> Span {
    Span { start, end }
}
