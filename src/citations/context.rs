//! Context rules that decide what an alias occurrence is: a credit line, an in-text attribution,
//! a relay or a plain mention. Every rule states a general phenomenon of news copy.

use super::cues::{any_phrase, words, Cues};
use super::datelines::MONTH_WORDS;
use super::matcher::RawMatch;
use crate::normalize::{ceil_char_boundary, floor_char_boundary};
use crate::segment::{Segments, Span};

/// The kind decided for an occurrence, before it becomes a `Citation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decided {
    /// Credit line, byline, dateline or sign-off.
    Credit,
    /// In-text sourcing.
    Attribution,
    /// Named, but not a source of the content (photo credits, news about the source).
    Mention,
}

/// Everything the rules look at for one field.
pub struct FieldContext<'a> {
    /// The original field text.
    pub text: &'a str,
    /// Its segments.
    pub segs: &'a Segments,
    /// All alias occurrences in the field (after apposition merging), in order.
    pub matches: &'a [RawMatch],
    /// The cue lexicon.
    pub cues: &'a Cues,
}

/// Original-text tokens: runs of letters and digits with their byte offsets.
pub(super) fn raw_tokens(s: &str, base: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push((base + st, &s[st..i]));
        }
    }
    if let Some(st) = start {
        out.push((base + st, &s[st..]));
    }
    out
}

/// How far, in bytes, a context rule looks around an occurrence. Sentences and lines longer than
/// this are not read whole for every occurrence, which keeps extraction linear in the text even
/// when one line holds thousands of alias occurrences.
const REACH: usize = 2048;

pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―' | '−')
}

impl<'a> FieldContext<'a> {
    /// `span` cut to at most `reach` bytes before `start` and after `end`, on char boundaries.
    pub(super) fn near(&self, span: Span, start: usize, end: usize, reach: usize) -> Span {
        Span {
            start: ceil_char_boundary(self.text, span.start.max(start.saturating_sub(reach))),
            end: floor_char_boundary(self.text, span.end.min(end.saturating_add(reach))),
        }
    }

    /// Decides the kind of occurrence `i` and the byte range of its evidence.
    pub fn decide(&self, i: usize) -> (Decided, Span) {
        let m = &self.matches[i];
        let line = self.line_of(m);
        let sentence = self.sentence_of(m, line);
        if m.ocr_credit {
            return (Decided::Credit, self.clip(line, m));
        }
        if let Some(seg) = self.credit_segment(m, line, sentence) {
            let kind = if self.has_photo_word(seg, line) {
                Decided::Mention
            } else if self.is_appended_attribution(m, line, sentence, seg) {
                Decided::Attribution
            } else {
                Decided::Credit
            };
            let ev = if kind == Decided::Attribution {
                self.previous_sentence(sentence).map_or(sentence, |p| Span {
                    start: p.start,
                    end: sentence.end,
                })
            } else {
                line
            };
            return (kind, self.clip(ev, m));
        }
        if self.near_photo_word(m, line) {
            return (Decided::Mention, self.clip(line, m));
        }
        if self.attribution_cue(m, sentence) {
            return (Decided::Attribution, self.clip(sentence, m));
        }
        (Decided::Mention, self.clip(sentence, m))
    }

    /// If occurrence `i` is relayed by another source in its sentence ("X, citing Y", "Y, cited by
    /// X", or a quotation attributed to X), the index of that other occurrence.
    pub fn relayed_by(&self, i: usize) -> Option<usize> {
        let y = &self.matches[i];
        let sentence = self.segs.sentence_at(y.start, y.end)?;
        let sentence = self.near(sentence, y.start, y.end, REACH);
        let in_sentence = |j: usize| {
            let m = &self.matches[j];
            j != i && m.source != y.source && sentence.contains(m.start, m.end)
        };
        // Matches are sorted by start: only those starting inside the (bounded) sentence count.
        let first = self.matches[..i].partition_point(|m| m.start < sentence.start);
        let last = i + 1 + self.matches[i + 1..].partition_point(|m| m.start < sentence.end);
        // Forward: X … citing … Y (X before Y).
        if let Some(x) = (first..i).rev().find(|&j| in_sentence(j)) {
            let between = words(&self.text[self.matches[x].end..y.start]);
            if between.len() <= 10 && any_phrase(&between, &self.cues.relay_forward) {
                return Some(x);
            }
        }
        // Backward: Y … cited by … X (X after Y).
        if let Some(x) = (i + 1..last).find(|&j| in_sentence(j)) {
            let between = words(&self.text[y.end..self.matches[x].start]);
            if between.len() <= 8 && any_phrase(&between, &self.cues.relay_backward) {
                return Some(x);
            }
            // A quotation naming Y, attributed after the quote to X: "« … Y a déclaré … », a rapporté X".
            if let Some(close) = self.quote_close_after(sentence, y.end) {
                let xm = &self.matches[x];
                if xm.start > close {
                    let before_x = words(&self.text[close..xm.start]);
                    if before_x.len() <= 8 && any_phrase(&before_x, &self.cues.before) {
                        return Some(x);
                    }
                }
            }
        }
        None
    }

    /// The closing quote of a quotation that is open at `at` inside `sentence`, if any.
    fn quote_close_after(&self, sentence: Span, at: usize) -> Option<usize> {
        let before = &self.text[sentence.start..at];
        let opens = before.matches(['«', '“']).count();
        let closes = before.matches(['»', '”']).count();
        let straight = before.matches('"').count();
        let open = opens > closes || straight % 2 == 1;
        if !open {
            return None;
        }
        let after = &self.text[at..sentence.end];
        after
            .char_indices()
            .find(|(_, c)| matches!(c, '»' | '”' | '"'))
            .map(|(p, c)| at + p + c.len_utf8())
    }

    /// Evidence span around `m`: `span` clipped to about 240 bytes on char boundaries.
    fn clip(&self, span: Span, m: &RawMatch) -> Span {
        const MAX: usize = 240;
        if span.end - span.start <= MAX {
            return span;
        }
        let half = (MAX.saturating_sub(m.end - m.start)) / 2;
        let mut start = m.start.saturating_sub(half).max(span.start);
        let mut end = (m.end + half).min(span.end);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        // Snap to word boundaries so evidence does not start or end mid-word.
        if start > span.start {
            if let Some((ws, c)) = self.text[start..m.start]
                .char_indices()
                .find(|(_, c)| c.is_whitespace())
            {
                start += ws + c.len_utf8();
            }
        }
        if end < span.end {
            if let Some(ws) = self.text[m.end..end].rfind(char::is_whitespace) {
                end = m.end + ws;
            }
        }
        Span { start, end }
    }

    /// The span of a credit line containing `m`, if the occurrence sits in one: a credit
    /// parenthesis, a line holding only credits, a dateline head, or a credit tail after the
    /// last sentence of a line.
    fn credit_segment(&self, m: &RawMatch, line: Span, sentence: Span) -> Option<Span> {
        if let Some((open, close)) = self.enclosing_paren(m, line) {
            let inner = Span {
                start: open + 1,
                end: close,
            };
            let placed =
                self.paren_in_credit_position(line, open, close) || self.names_joined(inner);
            if self.credit_ish_paren(inner) && placed && !self.defines_acronym(m, open) {
                return Some(inner);
            }
        }
        let stripped = self.strip_line(line);
        if stripped.end - stripped.start <= 120 && self.credit_ish(stripped, false) {
            return Some(stripped);
        }
        if let Some(head) = self.dateline_head(line) {
            if head.contains(m.start, m.end) && self.credit_ish(head, true) {
                return Some(head);
            }
        }
        if let Some(seg) = self.dateline_heading(m, line) {
            return Some(seg);
        }
        if let Some(seg) = self.slash_signoff(m, line) {
            return Some(seg);
        }
        if let Some(seg) = self.closing_signoff(m) {
            return Some(seg);
        }
        if let Some(tail) = self.dash_tail(line) {
            if tail.contains(m.start, m.end) && self.only_names(tail) {
                return Some(tail);
            }
        }
        if sentence != line && sentence.end == line.end && sentence.start > line.start {
            let s = self.strip_line(sentence);
            if s.end - s.start <= 80 && self.credit_ish(s, false) {
                return Some(s);
            }
        }
        None
    }

    /// A credit tail that really continues the previous sentence's attribution
    /// ("… ont rapporté les médias d'État nord-coréens. KCNA."), away from the end of the text.
    fn is_appended_attribution(&self, m: &RawMatch, line: Span, sentence: Span, seg: Span) -> bool {
        let is_tail =
            sentence != line && sentence.start > line.start && seg.start >= sentence.start;
        let last_line = self
            .segs
            .lines
            .last()
            .is_some_and(|l| l.start == line.start);
        if !is_tail || last_line || m.start < sentence.start {
            return false;
        }
        let Some(prev) = self.previous_sentence(sentence) else {
            return false;
        };
        let prev = self.near(prev, prev.end, prev.end, 400);
        let w = words(prev.of(self.text));
        let tail = &w[w.len().saturating_sub(8)..];
        any_phrase(tail, &self.cues.before)
    }

    fn previous_sentence(&self, sentence: Span) -> Option<Span> {
        let i = self
            .segs
            .sentences
            .partition_point(|s| s.start < sentence.start);
        (self.segs.sentences.get(i) == Some(&sentence))
            .then(|| i.checked_sub(1).map(|j| self.segs.sentences[j]))
            .flatten()
    }

    /// Line span without leading bullets/dashes and trailing periods.
    fn strip_line(&self, line: Span) -> Span {
        let s = line.of(self.text);
        let lead = s.len()
            - s.trim_start_matches(|c: char| is_dash(c) || "*•·>| \t".contains(c))
                .len();
        let trimmed = s.trim_end_matches(|c: char| ".;, \t".contains(c));
        Span {
            start: line.start + lead,
            end: (line.start + trimmed.len()).max(line.start + lead),
        }
    }

    /// True when `m` sits inside a parenthesis or bracket on its line.
    pub fn in_parenthesis(&self, m: &RawMatch) -> bool {
        self.enclosing_paren(m, self.line_of(m)).is_some()
    }

    /// True when `inner` is two or more source names joined by slashes ("afp/Le Matin",
    /// "ats/afp"): a credit wherever it stands, even before more text a scraper glued on.
    fn names_joined(&self, inner: Span) -> bool {
        let s = inner.of(self.text);
        let mut items = 0;
        let mut sources: Vec<usize> = Vec::new();
        let mut at = inner.start;
        for item in s.split('/') {
            let span = Span {
                start: at,
                end: at + item.len(),
            };
            at += item.len() + 1;
            if !self.only_names(span) {
                return false;
            }
            sources.extend(self.matches_in(span).map(|x| x.source));
            items += 1;
        }
        sources.sort_unstable();
        sources.dedup();
        // Two names of one source ("IAEO/IAEA") are an apposition, not a credit.
        items >= 2 && sources.len() >= 2
    }

    /// The end of a line after a double or spaced dash ("Japan's Past Crimes Disclosed--Rodong
    /// Sinmun", "… - Reuters"): the source a headline or a line is credited to.
    fn dash_tail(&self, line: Span) -> Option<Span> {
        let near = self.near(line, line.end, line.end, 80);
        let s = near.of(self.text);
        let cut = ["--", " – ", " — ", " - "]
            .iter()
            .filter_map(|d| s.rfind(d).map(|i| i + d.len()))
            .max()?;
        // A line that runs on ("April 17 - The White House,") is a wrapped sentence, not a credit.
        if s.trim_end().ends_with([',', ';', ':']) {
            return None;
        }
        let tail = self.strip_line(Span {
            start: near.start + cut,
            end: near.end,
        });
        (tail.end > tail.start && tail.end - tail.start <= 60).then_some(tail)
    }

    /// A Swiss-style sign-off after a sentence: a slash, then agencies joined by hyphens or slashes
    /// and the desk's initials ("… d'équipage. / ats-afp", "… / ats-afp-ap"), even when the OCR'd
    /// page runs on into the next article.
    fn slash_signoff(&self, m: &RawMatch, line: Span) -> Option<Span> {
        let near = self.near(line, m.start, m.end, 40);
        let before = &self.text[near.start..m.start];
        let slash = before.rfind('/')?;
        let head = self.text[line.start..near.start + slash].trim_end();
        if !head.ends_with(['.', '!', '?', ')', '»', '"', '”']) {
            return None;
        }
        // Extend over the names joined to `m` by hyphens or slashes.
        let mut end = m.end;
        let i = self.matches.partition_point(|x| x.start < m.start);
        for x in &self.matches[i..] {
            if x.start < end {
                continue;
            }
            let gap = &self.text[end..x.start];
            if gap.len() > 3
                || !gap.trim().chars().all(|c| c == '-' || c == '/')
                || gap.trim().is_empty()
            {
                break;
            }
            end = x.end;
        }
        let seg = Span {
            start: near.start + slash + 1,
            end,
        };
        let inside: Vec<&RawMatch> = self.matches_in(seg).collect();
        let ok = raw_tokens(seg.of(self.text), seg.start)
            .iter()
            .all(|(off, t)| {
                inside.iter().any(|x| *off >= x.start && *off < x.end)
                    || (t.chars().count() <= 4 && t.chars().all(|c| c.is_lowercase()))
            });
        ok.then_some(seg)
    }

    /// True when every word of `span` is inside a source name ("Rodong Sinmun", "JIJI PRESS").
    fn only_names(&self, span: Span) -> bool {
        let inside: Vec<&RawMatch> = self.matches_in(span).collect();
        !inside.is_empty()
            && raw_tokens(span.of(self.text), span.start)
                .iter()
                .all(|(off, _)| inside.iter().any(|x| *off >= x.start && *off < x.end))
    }

    /// Innermost `( … )` or `[ … ]` around `m` on its line.
    fn enclosing_paren(&self, m: &RawMatch, line: Span) -> Option<(usize, usize)> {
        let near = self.near(line, m.start, m.end, 240);
        let before = &self.text[near.start..m.start];
        let open = before.rfind(['(', '['])?;
        if before[open..].contains([')', ']']) {
            return None;
        }
        let after = &self.text[m.end..near.end];
        let close = after.find([')', ']'])?;
        if after[..close].contains(['(', '[']) || close > 120 {
            return None;
        }
        Some((near.start + open, m.end + close))
    }

    /// A credit parenthesis closes its line or sentence, precedes a dash ("(Reuters) -"), or
    /// follows only a dateline ("PARIS (AFP) Le…"); a parenthesis in the middle of a sentence is
    /// an apposition or an aside.
    fn paren_in_credit_position(&self, line: Span, open: usize, close: usize) -> bool {
        let rest = self.text[close + 1..line.end].trim_start();
        // "(ATS),-Condamné", "(Havas.) ;—": punctuation glued to a dash is the dateline separator.
        let punct_dash = rest.starts_with([',', ';', '.'])
            && rest[1..]
                .trim_start_matches([' ', '.'])
                .starts_with(is_dash);
        let ends = rest.is_empty()
            || punct_dash
            || rest.starts_with(is_dash)
            || (rest.starts_with(['.', '!', '?', ':']) && {
                let r = rest[1..].trim_start();
                r.is_empty()
                    || r.starts_with(|c: char| {
                        c.is_uppercase() || is_dash(c) || "«\"“(".contains(c)
                    })
            });
        if ends {
            return true;
        }
        let head = Span {
            start: line.start,
            end: open,
        };
        let after_sentence = self.text[line.start..open]
            .trim_end()
            .ends_with(['.', '!', '?', '»', '"', '”']);
        head.start == head.end
            || after_sentence
            || self.dateline_words_only(head)
            || self.ends_with_dateline(head)
            || self.place_before_paren(head, close, line)
    }

    /// True when `m` is an acronym in parentheses spelling the initials of the words just before
    /// it ("Palestinian National Authority (PNA)", "Advanced Placement (AP)"): a definition, not a credit.
    fn defines_acronym(&self, m: &RawMatch, open: usize) -> bool {
        let name = &self.text[m.start..m.end];
        let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2 || letters.len() > 6 || !letters.iter().all(|c| c.is_uppercase()) {
            return false;
        }
        let from = ceil_char_boundary(self.text, open.saturating_sub(400));
        let before = raw_tokens(&self.text[from..open], from);
        let capitalized: Vec<char> = before
            .iter()
            .rev()
            .map(|(_, t)| t)
            .filter(|t| t.chars().next().is_some_and(char::is_uppercase))
            .take(letters.len())
            .filter_map(|t| t.chars().next())
            .collect();
        let initials: Vec<char> = capitalized.into_iter().rev().collect();
        initials == letters && {
            // The capitalized words must be the last words before the parenthesis (small words allowed).
            let tail: Vec<&str> = before
                .iter()
                .rev()
                .take(letters.len() + 2)
                .map(|(_, t)| *t)
                .collect();
            tail.iter()
                .take_while(|t| t.chars().next().is_some_and(|c| c.is_lowercase()))
                .count()
                == 0
        }
    }

    /// The start of a line up to a dash separator ("Reuters - …", "WASHINGTON (AP) -- …").
    pub(super) fn dateline_head(&self, line: Span) -> Option<Span> {
        let s = line.of(self.text);
        let limit = s.len().min(100);
        let mut cut = None;
        for (i, c) in s.char_indices() {
            if i > limit {
                break;
            }
            if is_dash(c) {
                let prev = s[..i].chars().next_back();
                let next = s[i + c.len_utf8()..].chars().next();
                let spaced = prev.is_some_and(|p| p.is_whitespace() || p == ')' || is_dash(p))
                    && next.is_some_and(|n| n.is_whitespace() || is_dash(n));
                if spaced {
                    cut = Some(i);
                    break;
                }
            }
        }
        let cut = cut?;
        let head = s[..cut].trim_end_matches(|c: char| c.is_whitespace() || is_dash(c));
        (!head.is_empty()).then(|| Span {
            start: line.start,
            end: line.start + head.len(),
        })
    }

    /// Occurrences inside `span`. # Complexity: O(log n + k), matches being sorted by start.
    pub(super) fn matches_in(&self, span: Span) -> impl Iterator<Item = &RawMatch> {
        let first = self.matches.partition_point(|x| x.start < span.start);
        self.matches[first..]
            .iter()
            .take_while(move |x| x.start < span.end)
            .filter(move |x| span.contains(x.start, x.end))
    }

    /// True when every word of `span` outside source names is a credit word, editor initials in
    /// a slash list ("ats/nxp"), or — in a dateline — a place in capitals, a number or a month.
    fn credit_ish(&self, span: Span, dateline: bool) -> bool {
        let inside: Vec<&RawMatch> = self.matches_in(span).collect();
        if inside.is_empty() {
            return false;
        }
        let s = span.of(self.text);
        let slash = s.contains('/');
        let mut count = 0;
        for (off, tok) in raw_tokens(s, span.start) {
            if inside.iter().any(|x| off >= x.start && off < x.end) {
                continue;
            }
            count += 1;
            let w = crate::normalize::fold_text(tok);
            let ok = self.cues.credit_words.contains(&w)
                || self.cues.photo.contains(&w)
                || (slash && tok.chars().count() <= 4 && tok.chars().all(char::is_alphabetic))
                || (dateline && dateline_word(tok, &w));
            if !ok {
                return false;
            }
        }
        count <= 14
    }

    /// A credit parenthesis may also carry a date: "(Reuters, Jan. 12, 2018)".
    fn credit_ish_paren(&self, span: Span) -> bool {
        let s = span.of(self.text);
        let dated = raw_tokens(s, 0)
            .iter()
            .any(|(_, t)| t.chars().all(|c| c.is_ascii_digit()));
        if !dated {
            return self.credit_ish(span, false) || self.credit_list(span);
        }
        if self.credit_list(span) {
            return true;
        }
        let inside: Vec<&RawMatch> = self.matches_in(span).collect();
        !inside.is_empty()
            && raw_tokens(s, span.start).iter().all(|(off, tok)| {
                let w = crate::normalize::fold_text(tok);
                inside.iter().any(|x| *off >= x.start && *off < x.end)
                    || self.cues.credit_words.contains(&w)
                    || tok.chars().all(|c| c.is_ascii_digit())
                    || MONTH_WORDS.contains(&w.as_str())
            })
    }

    pub(super) fn dateline_words_only(&self, span: Span) -> bool {
        // A dateline is a few words; a longer head is a sentence, whatever its case.
        if span.end - span.start > 200 {
            return false;
        }
        let s = span.of(self.text);
        let toks = raw_tokens(s, span.start);
        !toks.is_empty()
            && toks
                .iter()
                .all(|(_, t)| dateline_word(t, &crate::normalize::fold_text(t)))
    }

    fn has_photo_word(&self, seg: Span, line: Span) -> bool {
        let w = words(seg.of(self.text));
        let head = self.near(line, seg.start, seg.end, 160);
        w.iter().any(|x| self.cues.photo.contains(x))
            || self.text[head.start..seg.end].contains('©')
    }

    /// "Photo AFP", "AFP PHOTO", "© Reuters", "X/AFP/Getty": media credits near the name.
    fn near_photo_word(&self, m: &RawMatch, line: Span) -> bool {
        let near = self.near(line, m.start, m.end, 160);
        let before = &self.text[near.start..m.start];
        let after = &self.text[m.end..near.end];
        let wb = words(before);
        let wa = words(after);
        let near_before = wb.iter().rev().take(2).any(|x| self.cues.photo.contains(x));
        let near_after = wa.iter().take(2).any(|x| self.cues.photo.contains(x));
        let glued = before.trim_end().ends_with(['/', '©']) || after.starts_with('/');
        near_before
            || near_after
            || (glued
                && (before.contains('©')
                    || wb
                        .iter()
                        .chain(wa.iter())
                        .any(|x| self.cues.photo.contains(x))))
    }
}

fn dateline_word(tok: &str, folded: &str) -> bool {
    let caps = tok.chars().any(char::is_alphabetic) && tok.chars().all(|c| !c.is_lowercase());
    caps || tok.chars().all(|c| c.is_ascii_digit())
        || MONTH_WORDS.contains(&folded)
        || folded == "by"
}
