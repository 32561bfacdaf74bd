//! Segmentation: lines, paragraphs and sentences with byte offsets into the original field.
//!
//! This is the shared base of the later stages: citations read the sentence and line around a
//! match, the copy stage learns per-outlet boilerplate from paragraphs, and the garble stage
//! flags lines and sentences.

/// A byte range `start..end` into a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The text this span covers in `s`.
    pub fn of<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }

    /// True when `start..end` lies inside this span.
    pub fn contains(&self, start: usize, end: usize) -> bool {
        self.start <= start && end <= self.end
    }
}

/// The segments of one field.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    /// Non-blank lines, trimmed of surrounding whitespace.
    pub lines: Vec<Span>,
    /// Paragraphs: runs of non-blank lines separated by blank lines, trimmed.
    pub paragraphs: Vec<Span>,
    /// Sentences inside lines (a sentence never crosses a line break), trimmed.
    pub sentences: Vec<Span>,
}

impl Segments {
    /// Splits `text` into lines, paragraphs and sentences.
    pub fn new(text: &str) -> Segments {
        let lines = split_lines(text);
        let paragraphs = group_paragraphs(text, &lines);
        let sentences = lines
            .iter()
            .flat_map(|l| split_sentences(text, *l))
            .collect();
        Segments {
            lines,
            paragraphs,
            sentences,
        }
    }

    /// The line containing byte range `start..end`, if any.
    pub fn line_at(&self, start: usize, end: usize) -> Option<Span> {
        find_containing(&self.lines, start, end)
    }

    /// The sentence containing byte range `start..end`, if any.
    pub fn sentence_at(&self, start: usize, end: usize) -> Option<Span> {
        find_containing(&self.sentences, start, end)
    }

    /// Index of the sentence containing `start..end`.
    pub fn sentence_index(&self, start: usize, end: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end < end);
        (i < self.sentences.len() && self.sentences[i].contains(start, end)).then_some(i)
    }

    /// The paragraph containing byte range `start..end`, if any.
    pub fn paragraph_at(&self, start: usize, end: usize) -> Option<Span> {
        find_containing(&self.paragraphs, start, end)
    }
}

fn find_containing(spans: &[Span], start: usize, end: usize) -> Option<Span> {
    let i = spans.partition_point(|s| s.end < end);
    spans.get(i).filter(|s| s.contains(start, end)).copied()
}

fn trim_span(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (lead + trail < s.len()).then(|| Span {
        start: start + lead,
        end: end - trail,
    })
}

fn split_lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.extend(trim_span(text, start, i));
            start = i + 1;
        }
    }
    out.extend(trim_span(text, start, text.len()));
    out
}

fn group_paragraphs(text: &str, lines: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for l in lines {
        let blank_between = prev_end.is_some_and(|e| text[e..l.start].matches('\n').count() >= 2);
        match out.last_mut() {
            Some(p) if !blank_between => p.end = l.end,
            _ => out.push(*l),
        }
        prev_end = Some(l.end);
    }
    out
}

/// Abbreviations after which a period does not end a sentence (folded, without the period).
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "dr", "mr", "mrs", "ms", "st", "ste", "prof", "gen", "col",
    "lt", "sgt", "capt", "sen", "rep", "gov", "jr", "sr", "inc", "corp", "co", "ltd", "no", "nr",
    "vs", "etc", "cf", "ca", "av", "bd", "p", "pp", "art", "sr", "sra", "dra", "hr", "fr", "dt",
    "bzw", "z", "u", "s", "jan", "feb", "fev", "mar", "apr", "avr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "ex", "env", "min", "max", "approx", "usw", "vgl", "ggf", "evtl",
];

fn split_sentences(text: &str, line: Span) -> Vec<Span> {
    let s = line.of(text);
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // Terminators are found by byte: '.', '!', '?' and the lead byte of '…' never occur inside
    // another character's encoding.
    let mut i = 0;
    while i < bytes.len() {
        let c = match bytes[i] {
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            0xE2 if s[i..].starts_with('…') => '…',
            _ => {
                i += 1;
                continue;
            }
        };
        let mut j = i + c.len_utf8();
        // Swallow closing quotes, brackets and repeated terminators.
        while let Some(d) = s[j..].chars().next() {
            if matches!(
                d,
                '.' | '!' | '?' | '…' | '"' | '\'' | '»' | '”' | '’' | ')' | ']'
            ) {
                j += d.len_utf8();
            } else {
                break;
            }
        }
        let dot = i;
        i = j;
        if !s[j..].starts_with(char::is_whitespace) {
            continue;
        }
        if c == '.' && !ends_sentence(s, start, dot, j) {
            continue;
        }
        out.extend(trim_span(text, line.start + start, line.start + j));
        start = j;
    }
    out.extend(trim_span(text, line.start + start, line.end));
    out
}

/// Decides whether the period at `dot` (with the terminator run ending at `after`) ends a sentence.
fn ends_sentence(s: &str, start: usize, dot: usize, after: usize) -> bool {
    let word: String = s[start..dot]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false; // an initial: "J. Biden"
    }
    if ABBREVIATIONS.contains(&lower.as_str()) && after == dot + 1 {
        return false;
    }
    // The next visible character must look like a sentence start.
    let next = s[after..].trim_start().chars().next();
    match next {
        Some(n) => n.is_uppercase() || n.is_numeric() || "«“\"'(–—-[¿¡".contains(n),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(t: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| s.of(t)).collect()
    }

    #[test]
    fn lines_and_paragraphs() {
        let t = "Title\n\n  Para one line one.\nline two\n\n\nPara two\r\n";
        let s = Segments::new(t);
        assert_eq!(
            texts(t, &s.lines),
            ["Title", "Para one line one.", "line two", "Para two"]
        );
        assert_eq!(
            texts(t, &s.paragraphs),
            ["Title", "Para one line one.\nline two", "Para two"]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_and_numbers() {
        let t = "M. Dupont a vu 1.500 soldats. Il part. «Oui.» Ensuite J. Biden parle";
        let s = Segments::new(t);
        assert_eq!(
            texts(t, &s.sentences),
            [
                "M. Dupont a vu 1.500 soldats.",
                "Il part.",
                "«Oui.»",
                "Ensuite J. Biden parle"
            ]
        );
    }

    #[test]
    fn lookups_find_enclosing_spans() {
        let t = "One. Two three.\nFour";
        let s = Segments::new(t);
        let i = t.find("three").unwrap();
        assert_eq!(s.sentence_at(i, i + 5).unwrap().of(t), "Two three.");
        assert_eq!(s.line_at(i, i + 5).unwrap().of(t), "One. Two three.");
        assert_eq!(s.sentence_index(i, i + 5), Some(1));
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(Segments::new("").lines.is_empty());
        assert!(Segments::new(" \n \n").sentences.is_empty());
    }
}
