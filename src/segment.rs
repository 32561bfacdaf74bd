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
    ///
    /// # Complexity
    /// Linear in the length of `text`.
    pub fn new(text: &str) -> Segments {
        let lines = split_lines(text);
        let paragraphs = group_paragraphs(text, &lines);
        let mut sentences = Vec::with_capacity(lines.len() + text.len() / 128);
        for l in &lines {
            split_sentences(text, *l, &mut sentences);
        }
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

/// Broadcasts byte `b` to the eight lanes of a word.
const fn lanes(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// True when one of the eight bytes of `x` is a byte that may start a terminator: `.`, `!`, `?`
/// or 0xE2 (the lead byte of `…`). Each test is the classic "has a zero byte" bit trick on `x`
/// XOR the broadcast byte: exact as to whether such a byte exists.
#[inline]
fn has_terminator_byte(x: u64) -> bool {
    const LO: u64 = lanes(1);
    const HI: u64 = lanes(0x80);
    let zero = |y: u64| y.wrapping_sub(LO) & !y & HI;
    (zero(x ^ lanes(b'.')) | zero(x ^ lanes(b'!')) | zero(x ^ lanes(b'?')) | zero(x ^ lanes(0xE2)))
        != 0
}

/// The first byte at or after `i` that may start a terminator, or `bytes.len()`. Eight bytes at
/// a time while none of them can.
///
/// # Complexity
/// Linear in the bytes skipped.
#[inline]
fn next_terminator_byte(bytes: &[u8], mut i: usize) -> usize {
    while i + 8 <= bytes.len() {
        let chunk: [u8; 8] = bytes[i..i + 8].try_into().expect("eight bytes");
        if has_terminator_byte(u64::from_le_bytes(chunk)) {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && !matches!(bytes[i], b'.' | b'!' | b'?' | 0xE2) {
        i += 1;
    }
    i
}

/// Appends the sentences of `line` to `out`.
///
/// # Complexity
/// Linear in the length of the line (each period looks back over the one word before it).
fn split_sentences(text: &str, line: Span, out: &mut Vec<Span>) {
    let s = line.of(text);
    let bytes = s.as_bytes();
    let mut start = 0;
    // Terminators are found by byte: '.', '!', '?' and the lead byte of '…' never occur inside
    // another character's encoding.
    let mut i = 0;
    loop {
        i = next_terminator_byte(bytes, i);
        if i >= bytes.len() {
            break;
        }
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
}

/// True when `word` lowercased is one of [`ABBREVIATIONS`]. Every abbreviation is ASCII and none
/// holds a `k`, the only ASCII letter a non-ASCII character lowercases to (U+212A KELVIN SIGN): a
/// word with a non-ASCII character is never one, so ASCII lowercasing in a stack buffer decides.
fn is_abbreviation(word: &str) -> bool {
    const LONGEST: usize = 6;
    if word.len() > LONGEST || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; LONGEST];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    ABBREVIATIONS.iter().any(|a| a.as_bytes() == &lower[..])
}

/// Decides whether the period at `dot` (with the terminator run ending at `after`) ends a sentence.
fn ends_sentence(s: &str, start: usize, dot: usize, after: usize) -> bool {
    // The word before the period: the longest run of alphanumeric characters ending there.
    let mut from = dot;
    let mut chars = 0;
    for c in s[start..dot].chars().rev() {
        if !c.is_alphanumeric() {
            break;
        }
        from -= c.len_utf8();
        chars += 1;
    }
    let word = &s[from..dot];
    if chars == 1 && word.chars().all(char::is_uppercase) {
        return false; // an initial: "J. Biden"
    }
    if after == dot + 1 && is_abbreviation(word) {
        return false;
    }
    // The next visible character must look like a sentence start.
    let next = s[after..].trim_start().chars().next();
    match next {
        Some(n) => n.is_uppercase() || n.is_numeric() || "«“\"'(–—-[¿¡".contains(n),
        None => true,
    }
}

/// Quotations, closed at the latest at the end of their paragraph so an unbalanced mark cannot
/// swallow the rest of the text. Read by the copy stage (quoted passages) and the garble stage
/// (a speaker's words are not the site's).
///
/// # Complexity
/// One pass over the bytes of `text`.
pub fn quote_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0usize;
    let bytes = text.as_bytes();
    // Only '"', '\n' and characters led by 0xC2 (« ») or 0xE2 (“ ” „) matter: bytes are scanned
    // and just those decoded.
    for (i, &b) in bytes.iter().enumerate() {
        if !matches!(b, b'"' | b'\n' | 0xC2 | 0xE2) {
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        match c {
            '«' | '“' | '„' => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            '»' | '”' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(o) = open.take() {
                        out.push(Span {
                            start: o,
                            end: i + c.len_utf8(),
                        });
                    }
                }
            }
            '"' => match open {
                Some(o) if depth == 1 && bytes[o] == b'"' => {
                    out.push(Span {
                        start: o,
                        end: i + 1,
                    });
                    open = None;
                    depth = 0;
                }
                None => {
                    open = Some(i);
                    depth = 1;
                }
                _ => {}
            },
            '\n' if i + 1 < bytes.len() && bytes[i + 1] == b'\n' => {
                open = None;
                depth = 0;
            }
            _ => {}
        }
    }
    out
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

    /// The splitter before its fast paths (one byte at a time, the word before a period collected
    /// and lowercased into strings): the reference the fast paths must agree with.
    fn reference_sentences(text: &str, line: Span) -> Vec<Span> {
        fn ends(s: &str, start: usize, dot: usize, after: usize) -> bool {
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
                return false;
            }
            if ABBREVIATIONS.contains(&lower.as_str()) && after == dot + 1 {
                return false;
            }
            match s[after..].trim_start().chars().next() {
                Some(n) => n.is_uppercase() || n.is_numeric() || "«“\"'(–—-[¿¡".contains(n),
                None => true,
            }
        }
        let s = line.of(text);
        let bytes = s.as_bytes();
        let mut out = Vec::new();
        let (mut start, mut i) = (0, 0);
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
            if c == '.' && !ends(s, start, dot, j) {
                continue;
            }
            out.extend(trim_span(text, line.start + start, line.start + j));
            start = j;
        }
        out.extend(trim_span(text, line.start + start, line.end));
        out
    }

    fn fast_sentences(t: &str) -> Vec<Span> {
        Segments::new(t).sentences
    }

    fn slow_sentences(t: &str) -> Vec<Span> {
        split_lines(t)
            .iter()
            .flat_map(|l| reference_sentences(t, *l))
            .collect()
    }

    #[test]
    fn fast_sentence_split_equals_the_reference() {
        let pieces = [
            "M",
            "Mm",
            "MME",
            "Dr",
            "dR",
            "J",
            "é",
            "É",
            "K",
            "\u{212A}",
            "co",
            "Co",
            "approx",
            "APPROX",
            "approxi",
            "1.500",
            "x",
            " ",
            "  ",
            ".",
            "..",
            "...",
            "!",
            "?",
            "…",
            "’",
            "»",
            "”",
            ")",
            "]",
            "\"",
            "'",
            "«",
            "“",
            "(",
            "–",
            "-",
            "[",
            "¿",
            "¡",
            "a",
            "Le",
            "le",
            "3",
            "\u{2009}",
            "\u{a0}",
            "\n",
            "\n\n",
            "\u{2019}",
            "\u{2026}",
            "\u{e2}",
            "İ",
            "ß",
            "Straße",
            "z.B",
            "u.a",
            "usw",
            "Москва",
            "東京",
            "abcdefgh",
            "ABCDEFGH",
        ];
        // Every sequence of up to three pieces, then longer pseudo-random mixes.
        let mut texts = Vec::new();
        for a in &pieces {
            for b in &pieces {
                for c in &pieces {
                    texts.push(format!("{a}{b}{c}"));
                    texts.push(format!("{a}. {b}{c}"));
                }
            }
        }
        texts.extend(crate::testing::mixed_texts(
            &pieces,
            0x9E37_79B9_7F4A_7C15,
            40,
            20_000,
        ));
        for t in &texts {
            assert_eq!(fast_sentences(t), slow_sentences(t), "{t:?}");
        }
    }

    #[test]
    fn terminator_bytes_are_found_at_every_position() {
        for &b in &[
            b'.', b'!', b'?', 0xE2, b'a', 0x2D, 0x2F, 0x3E, 0x40, 0xE1, 0xE3, 0xFF,
        ] {
            for pos in 0..20 {
                let mut bytes = vec![b'x'; 20];
                bytes[pos] = b;
                let want = if matches!(b, b'.' | b'!' | b'?' | 0xE2) {
                    pos
                } else {
                    20
                };
                for from in 0..=pos {
                    assert_eq!(next_terminator_byte(&bytes, from), want, "{b:#x} at {pos}");
                }
            }
        }
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(Segments::new("").lines.is_empty());
        assert!(Segments::new(" \n \n").sentences.is_empty());
    }
}
