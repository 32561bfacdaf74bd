//! Source names spelled with look-alike letters of another script ("Reutеrs" with a Cyrillic `е`,
//! "АFP" with a Cyrillic `А`): not citations (the name is not the agency's), but worth a warning,
//! since a real credit does not mix scripts inside one word and a forged one does.

use super::{Extractor, Field};
use crate::text::TextView;

/// The Latin letter a Cyrillic or Greek letter looks like, if any.
#[rustfmt::skip]
fn latin_twin(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a', 'е' => 'e', 'о' => 'o', 'р' => 'p', 'с' => 'c', 'у' => 'y', 'х' => 'x',
        'і' => 'i', 'ј' => 'j', 'ѕ' => 's', 'ԁ' => 'd', 'һ' => 'h', 'ԛ' => 'q', 'ԝ' => 'w',
        'ӏ' => 'l', 'А' => 'A', 'В' => 'B', 'Е' => 'E', 'К' => 'K', 'М' => 'M', 'Н' => 'H',
        'О' => 'O', 'Р' => 'P', 'С' => 'C', 'Т' => 'T', 'Х' => 'X', 'У' => 'Y', 'І' => 'I',
        'Ј' => 'J', 'Ѕ' => 'S', 'Α' => 'A', 'Β' => 'B', 'Ε' => 'E', 'Ζ' => 'Z', 'Η' => 'H',
        'Ι' => 'I', 'Κ' => 'K', 'Μ' => 'M', 'Ν' => 'N', 'Ο' => 'O', 'Ρ' => 'P', 'Τ' => 'T',
        'Υ' => 'Y', 'Χ' => 'X', 'ο' => 'o', 'ν' => 'v', 'ι' => 'i', 'κ' => 'k', 'α' => 'a',
        _ => return None,
    })
}

/// A word mixing Latin letters with look-alike letters of another script.
fn mixed(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_alphabetic()) && word.chars().any(|c| latin_twin(c).is_some())
}

/// UTF-8 lead bytes of the Greek and Cyrillic blocks (U+0380..U+053F), where every look-alike of
/// [`latin_twin`] lives.
const TWIN_LEADS: std::ops::RangeInclusive<u8> = 0xCE..=0xD4;

/// True when `text` may hold a look-alike letter: a byte scan, no decoding (most texts have none,
/// so [`find`] stops here).
fn has_twin_lead(text: &str) -> bool {
    text.bytes().any(|b| TWIN_LEADS.contains(&b))
}

/// A source name written with look-alike letters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Homoglyph {
    /// Registry id of the source the name imitates.
    pub source: String,
    /// Byte range of the name in the original field.
    pub start: usize,
    /// End of the name.
    pub end: usize,
    /// The name as written.
    pub written: String,
}

/// Source names in `text` that become a citation once look-alike letters of mixed-script words are
/// read as Latin. Linear in the text; the extractor runs again only on a text holding such a word.
pub fn find(extractor: &Extractor, field: Field, text: &str) -> Vec<Homoglyph> {
    if !has_twin_lead(text) || !text.split(|c: char| !c.is_alphanumeric()).any(mixed) {
        return Vec::new();
    }
    // The text with look-alikes of mixed words replaced, and each replaced char's offsets.
    let mut plain = String::with_capacity(text.len());
    let mut map: Vec<(usize, usize)> = Vec::new(); // (offset in plain, offset in text)
    let mut swapped: Vec<(usize, usize)> = Vec::new(); // byte ranges of text that were replaced
    let mut word_start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() {
            continue;
        }
        let word = &text[word_start..i];
        let mix = mixed(word);
        for (k, wc) in word.char_indices() {
            map.push((plain.len(), word_start + k));
            match latin_twin(wc).filter(|_| mix) {
                Some(l) => {
                    swapped.push((word_start + k, word_start + k + wc.len_utf8()));
                    plain.push(l);
                }
                None => plain.push(wc),
            }
        }
        if i < text.len() {
            map.push((plain.len(), i));
            plain.push(c);
        }
        word_start = i + c.len_utf8();
    }
    map.push((plain.len(), text.len()));
    let original = |p: usize| map[map.partition_point(|&(q, _)| q < p)].1;
    let view = TextView::new(&plain);
    extractor
        .extract(field, &view)
        .into_iter()
        .filter_map(|c| {
            let (start, end) = (original(c.start), original(c.end));
            swapped
                .iter()
                .any(|&(s, e)| start <= s && e <= end)
                .then(|| Homoglyph {
                    source: c.source,
                    start,
                    end,
                    written: text[start..end].to_string(),
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Registry;

    #[test]
    fn every_look_alike_starts_with_a_twin_lead_byte() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            if latin_twin(c).is_some() {
                let mut buf = [0u8; 4];
                assert!(has_twin_lead(c.encode_utf8(&mut buf)), "{c:?}");
            }
        }
    }

    #[test]
    fn a_cyrillic_letter_in_an_agency_name_is_found_with_its_offsets() {
        let ex = Extractor::new(&Registry::bundled());
        let t = "LONDON (Reut\u{435}rs) - Markets fell, selon l'\u{410}FP et Reuters.";
        let got = find(&ex, Field::Text, t);
        let names: Vec<(&str, &str)> = got
            .iter()
            .map(|h| (h.source.as_str(), h.written.as_str()))
            .collect();
        assert_eq!(
            names,
            [("Reuters", "Reut\u{435}rs"), ("AFP", "\u{410}FP")],
            "{got:?}"
        );
        for h in &got {
            assert_eq!(&t[h.start..h.end], h.written);
        }
        // The real names, and words wholly in another script, are not homoglyphs.
        assert!(find(&ex, Field::Text, "PARIS (AFP) - Selon Reuters.").is_empty());
        assert!(find(&ex, Field::Text, "Агентство ТАСС сообщило, АР").is_empty());
    }
}
