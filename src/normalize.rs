//! Text folding with a map back to the original byte offsets.
//!
//! Every matching stage (citations, copies, garble) works on folded text: lowercase, accents
//! stripped, apostrophes unified, dashes turned into spaces and whitespace runs collapsed. Evidence
//! must still point into the original field, so [`Folded`] keeps, for every folded byte, the
//! offset of the original character it came from.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folded text plus the original byte offset of each folded byte.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `spans[i]` is the original byte range of the character that produced folded byte `i`
    /// (start, and end, past a collapsed run of whitespace); `spans[text.len()]` is the original
    /// length twice, so end offsets map too.
    spans: Vec<(u32, u32)>,
}

impl Folded {
    /// Original byte offset where folded byte `i` starts.
    pub fn start_of(&self, i: usize) -> usize {
        self.spans[i.min(self.spans.len() - 1)].0 as usize
    }

    /// Original byte offset just past folded byte `i - 1`, i.e. the end of a folded range `..i`.
    pub fn end_of(&self, i: usize) -> usize {
        if i == 0 {
            return self.spans[0].0 as usize;
        }
        self.spans[(i - 1).min(self.spans.len() - 1)].1 as usize
    }

    /// Maps a folded byte range to the original byte range it covers.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        (
            self.start_of(start),
            self.end_of(end).max(self.start_of(start)),
        )
    }
}

/// How a character folds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Apostrophe,
    Other,
}

fn classify(c: char) -> Class {
    match c {
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '`' | '\u{2032}' => {
            Class::Apostrophe
        }
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => Class::Space,
        c if c.is_whitespace() => Class::Space,
        // Zero-width characters and soft hyphens vanish.
        _ => Class::Other,
    }
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Folds `s` for matching: lowercase, no accents, `'` for every apostrophe, a single space for
/// every run of whitespace or dashes. Leading whitespace is kept as one space so offsets stay
/// simple; callers match on word boundaries anyway.
pub fn fold(s: &str) -> Folded {
    let mut offsets = Offsets::with_capacity(s.len() + 1);
    let text = fold_with(s, true, &mut offsets);
    offsets.finish(s.len());
    Folded {
        text,
        spans: offsets.spans,
    }
}

/// The text of [`fold`] without the offset map: for words and short keys, where nothing is mapped
/// back (one allocation instead of two).
pub fn fold_text(s: &str) -> String {
    fold_with(s, true, &mut ())
}

/// Like [`fold`] but keeps letter case: used to check case-sensitive aliases ("Le Monde").
pub fn fold_keep_case(s: &str) -> String {
    fold_with(s, false, &mut ())
}

/// Where [`fold_with`] records the original offsets of folded bytes (or not, for `()`).
trait OffsetSink {
    /// Folded byte produced by the character at `off..end`.
    fn push(&mut self, off: u32, end: u32);
    /// The last folded byte (a space) extends over a character ending at `end`.
    fn extend(&mut self, end: u32);
}

impl OffsetSink for () {
    #[inline]
    fn push(&mut self, _: u32, _: u32) {}
    #[inline]
    fn extend(&mut self, _: u32) {}
}

struct Offsets {
    spans: Vec<(u32, u32)>,
}

impl Offsets {
    fn with_capacity(n: usize) -> Offsets {
        Offsets {
            spans: Vec::with_capacity(n),
        }
    }

    fn finish(&mut self, len: usize) {
        self.spans.push((len as u32, len as u32));
    }
}

impl OffsetSink for Offsets {
    #[inline]
    fn push(&mut self, off: u32, end: u32) {
        self.spans.push((off, end));
    }
    #[inline]
    fn extend(&mut self, end: u32) {
        if let Some(e) = self.spans.last_mut() {
            e.1 = end;
        }
    }
}

/// How an ASCII byte folds (`-` and whitespace to a space, `` ` `` to `'`), lowercased or not.
const fn ascii_table(lower: bool) -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c == b'-' || c.is_ascii_whitespace() {
            b' '
        } else if c == b'`' {
            b'\''
        } else if lower {
            c.to_ascii_lowercase()
        } else {
            c
        };
        b += 1;
    }
    t
}

const ASCII_FOLD: [[u8; 128]; 2] = [ascii_table(false), ascii_table(true)];

/// Characters below this code point that fold to one ASCII letter are looked up in a table.
const LATIN_END: u32 = 0x250;

/// For each character U+0080..U+024F (Latin-1 and Latin Extended-A/B), the single ASCII byte it
/// folds to (`[keep case, lower]`), or 0 when it folds to anything else. Computed once from the
/// general path, so both agree by construction.
fn latin_table() -> &'static [[u8; 2]] {
    static TABLE: std::sync::OnceLock<Vec<[u8; 2]>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..LATIN_END)
            .map(|u| {
                let mut out = [0u8; 2];
                if let Some(c) = char::from_u32(u) {
                    if !is_invisible(c) && classify(c) == Class::Other {
                        for (k, lower) in [false, true].into_iter().enumerate() {
                            let mut s = String::new();
                            fold_char(c, lower, &mut |x| s.push(x));
                            if s.len() == 1 {
                                out[k] = s.as_bytes()[0];
                            }
                        }
                    }
                }
                out
            })
            .collect()
    })
}

/// Pushes what a letter-class character folds to: no combining marks, ligatures expanded,
/// lowercased when `lower`.
fn fold_char(c: char, lower: bool, put: &mut dyn FnMut(char)) {
    let mut push = |d: char| {
        if is_combining_mark(d) {
            return;
        }
        if lower {
            for l in d.to_lowercase() {
                put(l);
            }
        } else {
            put(d);
        }
    };
    match c {
        'ß' => {
            push('s');
            push('s');
        }
        'œ' | 'Œ' => {
            push(if c == 'œ' { 'o' } else { 'O' });
            push(if c == 'œ' { 'e' } else { 'E' });
        }
        'æ' | 'Æ' => {
            push(if c == 'æ' { 'a' } else { 'A' });
            push(if c == 'æ' { 'e' } else { 'E' });
        }
        _ => decompose_canonical(c, &mut push),
    }
}

/// # Complexity
/// One pass over the bytes of `s`; ASCII bytes and Latin letters that fold to one ASCII letter
/// are table lookups, every other character goes through Unicode decomposition.
fn fold_with<O: OffsetSink>(s: &str, lower: bool, offsets: &mut O) -> String {
    let ascii = &ASCII_FOLD[lower as usize];
    let latin = latin_table();
    let bytes = s.as_bytes();
    // Bytes of whole characters only: ASCII bytes and encoded chars.
    let mut text: Vec<u8> = Vec::with_capacity(s.len());
    let mut last_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII bytes go through the table without decoding a character.
        if b < 0x80 {
            let folded = ascii[b as usize];
            i += 1;
            if folded == b' ' {
                if last_space {
                    offsets.extend(i as u32);
                    continue;
                }
                last_space = true;
            } else {
                last_space = false;
            }
            text.push(folded);
            offsets.push(i as u32 - 1, i as u32);
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        let off = i as u32;
        let end = (i + c.len_utf8()) as u32;
        i += c.len_utf8();
        let folded = match c {
            c if (c as u32) < LATIN_END && latin[c as usize - 0x80][lower as usize] != 0 => {
                latin[c as usize - 0x80][lower as usize]
            }
            c => {
                if is_invisible(c) {
                    continue;
                }
                match classify(c) {
                    Class::Space => b' ',
                    Class::Apostrophe => b'\'',
                    Class::Other => {
                        last_space = false;
                        fold_char(c, lower, &mut |x| {
                            let mut buf = [0u8; 4];
                            for &b in x.encode_utf8(&mut buf).as_bytes() {
                                text.push(b);
                                offsets.push(off, end);
                            }
                        });
                        continue;
                    }
                }
            }
        };
        if folded == b' ' {
            if last_space {
                // Extend the previous space over this character.
                offsets.extend(end);
                continue;
            }
            last_space = true;
        } else {
            last_space = false;
        }
        text.push(folded);
        offsets.push(off, end);
    }
    String::from_utf8(text).expect("whole characters are UTF-8")
}

/// `s` on one line, whitespace collapsed, cut to `max` characters with an ellipsis (for evidence
/// quoted in explanations and reports).
pub fn one_line(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// The largest char boundary of `s` at or before byte `i` (for windows cut at a byte budget).
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after byte `i`.
pub fn ceil_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// True when `c` can be part of a word (letters and digits of any script).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when the folded range `start..end` of `text` is a whole-word match.
pub fn at_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let ok_before = match (before, first) {
        (Some(b), Some(f)) => !(is_word_char(b) && is_word_char(f)),
        _ => true,
    };
    let ok_after = match (after, last) {
        (Some(a), Some(l)) => !(is_word_char(a) && is_word_char(l)),
        _ => true,
    };
    ok_before && ok_after
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-by-character fold this module used before its table fast paths: every fast
    /// path must give the same text and the same offsets.
    fn fold_reference(s: &str, lower: bool) -> (String, Vec<u32>, Vec<u32>) {
        let mut text = String::with_capacity(s.len());
        let mut map = Vec::with_capacity(s.len() + 1);
        let mut ends = Vec::with_capacity(s.len() + 1);
        let mut last_space = false;
        for (off, c) in s.char_indices() {
            let end = (off + c.len_utf8()) as u32;
            let off32 = off as u32;
            if c.is_ascii() {
                let b = c as u8;
                let folded = if b == b'-' || b.is_ascii_whitespace() {
                    b' '
                } else if b == b'`' {
                    b'\''
                } else if lower {
                    b.to_ascii_lowercase()
                } else {
                    b
                };
                if folded == b' ' {
                    if last_space {
                        // Extend the previous space over this character.
                        if let Some(e) = ends.last_mut() {
                            *e = end;
                        }
                        continue;
                    }
                    last_space = true;
                } else {
                    last_space = false;
                }
                text.push(folded as char);
                map.push(off32);
                ends.push(end);
                continue;
            }
            if is_invisible(c) {
                continue;
            }
            match classify(c) {
                Class::Space => {
                    if last_space {
                        if let Some(e) = ends.last_mut() {
                            *e = end;
                        }
                        continue;
                    }
                    last_space = true;
                    text.push(' ');
                    map.push(off32);
                    ends.push(end);
                }
                Class::Apostrophe => {
                    last_space = false;
                    text.push('\'');
                    map.push(off32);
                    ends.push(end);
                }
                Class::Other => {
                    last_space = false;
                    let mut push = |d: char| {
                        if is_combining_mark(d) {
                            return;
                        }
                        let mut put = |x: char| {
                            let before = text.len();
                            text.push(x);
                            for _ in before..text.len() {
                                map.push(off32);
                                ends.push(end);
                            }
                        };
                        if lower {
                            for l in d.to_lowercase() {
                                put(l);
                            }
                        } else {
                            put(d);
                        }
                    };
                    match c {
                        'ß' => {
                            push('s');
                            push('s');
                        }
                        'œ' | 'Œ' => {
                            push(if c == 'œ' { 'o' } else { 'O' });
                            push(if c == 'œ' { 'e' } else { 'E' });
                        }
                        'æ' | 'Æ' => {
                            push(if c == 'æ' { 'a' } else { 'A' });
                            push(if c == 'æ' { 'e' } else { 'E' });
                        }
                        _ => decompose_canonical(c, &mut push),
                    }
                }
            }
        }
        map.push(s.len() as u32);
        ends.push(s.len() as u32);
        (text, map, ends)
    }

    fn same_as_reference(s: &str) {
        for lower in [false, true] {
            let mut o = Offsets::with_capacity(0);
            let t = fold_with(s, lower, &mut o);
            o.finish(s.len());
            let (text, map, ends) = fold_reference(s, lower);
            assert_eq!(t, text, "{s:?}");
            assert_eq!(fold_with(s, lower, &mut ()), text, "{s:?}");
            let f = Folded {
                text: t,
                spans: o.spans,
            };
            assert_eq!(f.text, text, "{s:?}");
            let starts: Vec<u32> = f.spans.iter().map(|s| s.0).collect();
            let f_ends: Vec<u32> = f.spans.iter().map(|s| s.1).collect();
            assert_eq!(starts, map, "{s:?}");
            assert_eq!(f_ends, ends, "{s:?}");
        }
    }

    #[test]
    fn fast_paths_fold_every_character_as_the_reference() {
        // Each character alone, after a space, between letters, and doubled.
        for u in 0..0x3000u32 {
            if let Some(c) = char::from_u32(u) {
                same_as_reference(&format!("{c}"));
                same_as_reference(&format!("a {c}{c} b-{c}\u{2019}{c}\u{AD}x"));
            }
        }
        same_as_reference("Ærø ÿ Œuvre  Straße — İstanbul ﬁn ǅ \t\n x");
    }

    #[test]
    fn folds_case_accents_apostrophes_dashes() {
        let f = fold("L’Agence France–Presse  à Séoul");
        assert_eq!(f.text, "l'agence france presse a seoul");
    }

    #[test]
    fn maps_back_to_original_offsets() {
        let s = "Selon l’AFP, à Séoul";
        let f = fold(s);
        let i = f.text.find("afp").unwrap();
        let (a, b) = f.original_range(i, i + 3);
        assert_eq!(&s[a..b], "AFP");
        let j = f.text.find("seoul").unwrap();
        let (a, b) = f.original_range(j, j + 5);
        assert_eq!(&s[a..b], "Séoul");
    }

    #[test]
    fn collapsed_whitespace_maps_to_whole_run() {
        let s = "a \n\t b";
        let f = fold(s);
        assert_eq!(f.text, "a b");
        assert_eq!(f.original_range(1, 2), (1, 5));
    }

    #[test]
    fn ligatures_and_sharp_s_expand() {
        assert_eq!(fold_text("Œuvre Straße"), "oeuvre strasse");
        let s = "Straße x";
        let f = fold(s);
        let (a, b) = f.original_range(0, 7);
        assert_eq!(&s[a..b], "Straße");
    }

    #[test]
    fn keep_case_folds_everything_but_case() {
        assert_eq!(fold_keep_case("Le Monde–Élysée"), "Le Monde Elysee");
    }

    #[test]
    fn word_boundaries() {
        assert!(at_word_boundary("l'afp dit", 2, 5));
        assert!(!at_word_boundary("safpx", 1, 4));
        assert!(at_word_boundary("(ats/nxp)", 1, 4));
    }
}
