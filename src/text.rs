//! One text view per article per pass: the field's segments, its fold with the byte map back to
//! the original, and its words, computed once and read by every stage of the pass (citations,
//! style and language in the first; garble, language and copy tokens in the second; copy tokens
//! again when a pair is verified), like an analyzer chain that runs once per document.
//!
//! The word rule is the one every matching stage shares: a word is a maximal run of alphanumeric
//! characters of the folded text (letters and digits of any script; apostrophes, dashes and
//! punctuation separate words). Stages that need case or a different notion of word (glued-word
//! vocabulary, name hashes) read the original text through the spans.

use crate::normalize::{fold, Folded};
use crate::segment::Segments;

/// A word: its range in the folded text. [`TextView::original`] maps it to the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// First byte in the folded text.
    pub start: u32,
    /// One past the last byte in the folded text.
    pub end: u32,
}

/// One field of text as the stages read it.
#[derive(Debug, Clone)]
pub struct TextView<'a> {
    /// The original field.
    pub text: &'a str,
    /// Its lines, paragraphs and sentences.
    pub segs: Segments,
    /// Its fold (lowercase, no accents, unified apostrophes and spaces) with offsets.
    pub folded: Folded,
    /// Its words, in order.
    pub words: Vec<Word>,
}

impl<'a> TextView<'a> {
    /// Segments, folds and splits `text` into words.
    ///
    /// # Complexity
    /// Linear in the length of `text`.
    pub fn new(text: &'a str) -> TextView<'a> {
        let folded = fold(text);
        let words = words_of(&folded.text);
        TextView {
            text,
            segs: Segments::new(text),
            folded,
            words,
        }
    }

    /// The folded form of word `w`.
    pub fn word(&self, w: Word) -> &str {
        &self.folded.text[w.start as usize..w.end as usize]
    }

    /// The original byte range of word `w`.
    pub fn original(&self, w: Word) -> (usize, usize) {
        self.folded.original_range(w.start as usize, w.end as usize)
    }
}

/// `ALNUM[b]` for an ASCII byte `b`: an ASCII letter or digit.
const ALNUM: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Byte length and alphanumeric class of the character at byte `i` of `text`; ASCII bytes by
/// table, others decoded.
#[inline]
fn class_at(text: &str, i: usize) -> (usize, bool) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (1, ALNUM[b as usize])
    } else {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c.len_utf8(), c.is_alphanumeric())
    }
}

/// The words of a folded text: maximal runs of alphanumeric characters, runs of ASCII bytes
/// scanned by table.
///
/// # Complexity
/// Linear in the length of `folded`.
pub fn words_of(folded: &str) -> Vec<Word> {
    let bytes = folded.as_bytes();
    let mut out = Vec::with_capacity(folded.len() / 6);
    let mut i = 0;
    while i < bytes.len() {
        // Skip ASCII separators without decoding.
        while i < bytes.len() && bytes[i] < 0x80 && !ALNUM[bytes[i] as usize] {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        let (len, alnum) = class_at(folded, i);
        if !alnum {
            i += len;
            continue;
        }
        let start = i;
        i += len;
        loop {
            while i < bytes.len() && bytes[i] < 0x80 && ALNUM[bytes[i] as usize] {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] < 0x80 {
                break;
            }
            let (len, alnum) = class_at(folded, i);
            if !alnum {
                break;
            }
            i += len;
        }
        out.push(Word {
            start: start as u32,
            end: i as u32,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_alphanumeric_runs_of_the_fold() {
        let v = TextView::new("L’AFP a dit: « 1 500 Nord-Coréens » à Séoul.");
        let w: Vec<&str> = v.words.iter().map(|&w| v.word(w)).collect();
        assert_eq!(
            w,
            ["l", "afp", "a", "dit", "1", "500", "nord", "coreens", "a", "seoul"]
        );
        let seoul = *v.words.last().unwrap();
        let (a, b) = v.original(seoul);
        assert_eq!(&v.text[a..b], "Séoul");
    }

    #[test]
    fn words_of_other_scripts_and_digits() {
        let v = TextView::new("Москва 2024 東京");
        let w: Vec<&str> = v.words.iter().map(|&w| v.word(w)).collect();
        assert_eq!(w, ["москва", "2024", "東京"]);
    }

    /// The word rule stated directly: maximal runs of `char::is_alphanumeric`.
    fn reference(folded: &str) -> Vec<Word> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in folded
            .char_indices()
            .chain(std::iter::once((folded.len(), ' ')))
        {
            match (c.is_alphanumeric() && i < folded.len(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push(Word {
                        start: s as u32,
                        end: i as u32,
                    });
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn words_equal_the_reference() {
        let pieces = [
            "a",
            "Z",
            "9",
            " ",
            ".",
            "-",
            "'",
            "é",
            "ß",
            "москва",
            "東京",
            "€",
            "\u{a0}",
            "²",
            "ª",
            "\u{300}",
            "٣",
            "x1",
            "\n",
            "_",
        ];
        for t in crate::testing::mixed_texts(&pieces, 0x9E37_79B9_7F4A_7C15, 16, 20_000) {
            assert_eq!(words_of(&t), reference(&t), "{t:?}");
        }
    }

    #[test]
    fn empty_text_has_no_words() {
        let v = TextView::new("");
        assert!(v.words.is_empty());
        assert!(v.segs.sentences.is_empty());
    }
}
