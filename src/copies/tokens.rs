//! Word tokens for copy detection: folded words with original offsets, number formats unified
//! ("1.500", "1 500", "1,500" and "1500" are one token), quotation and sentence membership.

use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::segment::{quote_spans, Span};
use crate::text::TextView;

const SEED: u64 = 0x636f_7069_6573_2121;

/// One word of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the word in the original text.
    pub start: u32,
    /// End of the word in the original text.
    pub end: u32,
    /// Seeded hash of the folded word.
    pub hash: u64,
    /// Inside a quotation (« », “ ”, " ").
    pub quoted: bool,
    /// Index of the sentence holding the word.
    pub sentence: u32,
    /// What the word can fill in a template: a name, a number or a date, or nothing.
    pub slot: Slot,
    /// For a name of five letters or more, a hash of its consonants with repeats collapsed
    /// ("Berada" and "Berrada", "Braodcasting" and "Broadcasting" agree), so that a corrected
    /// spelling is not a different name; 0 otherwise. Sixteen bits: a collision can only make
    /// two names look like one, which keeps a pair a copy.
    pub variant: u16,
}

/// What a word is to a templated notice: the names, numbers and dates that a template's slots
/// take (who, what, where, when, how many) or an ordinary word of its frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// An ordinary word.
    No,
    /// A word written with a capital that does not open its sentence, or a weekday or month
    /// (lowercase in French, Spanish and Italian).
    Name,
    /// A word holding a digit ("4304", "58th", "1987").
    Number,
}

/// Weekdays and months, folded, of the languages that write them lowercase (French, Spanish,
/// Italian). Dispatched on the first byte, so most words are ruled out by one comparison.
fn is_date_word(key: &str) -> bool {
    let Some(&first) = key.as_bytes().first() else {
        return false;
    };
    // The shortest is "mai" (3 bytes), the longest "septiembre" (10).
    if !(3..=10).contains(&key.len()) {
        return false;
    }
    match first {
        b'a' => matches!(key, "avril" | "aout" | "abril" | "agosto" | "aprile"),
        b'd' => matches!(
            key,
            "dimanche" | "decembre" | "domingo" | "diciembre" | "domenica" | "dicembre"
        ),
        b'e' => key == "enero",
        b'f' => matches!(key, "fevrier" | "febrero" | "febbraio"),
        b'g' => matches!(key, "giovedi" | "gennaio" | "giugno"),
        b'j' => matches!(
            key,
            "jeudi" | "janvier" | "juin" | "juillet" | "jueves" | "junio" | "julio"
        ),
        b'l' => matches!(key, "lundi" | "lunes" | "lunedi" | "luglio"),
        b'm' => matches!(
            key,
            "mardi"
                | "mercredi"
                | "mars"
                | "mai"
                | "martes"
                | "miercoles"
                | "marzo"
                | "mayo"
                | "martedi"
                | "mercoledi"
                | "maggio"
        ),
        b'n' => matches!(key, "novembre" | "noviembre"),
        b'o' => matches!(key, "octobre" | "octubre" | "ottobre"),
        b's' => matches!(
            key,
            "samedi" | "septembre" | "sabado" | "septiembre" | "setiembre" | "settembre"
        ),
        b'v' => matches!(key, "vendredi" | "viernes" | "venerdi"),
        _ => false,
    }
}

/// Whether the word at byte `start` of `text` opens a sentence: only spaces, commas, quotes,
/// brackets and dashes (at most 16 bytes of them) stand between it and the start of the text, a
/// line break or a sentence terminator ("…ambassador., , After" opens at "After", as feeds that
/// flatten paragraph breaks into commas write it).
fn opens_sentence(text: &str, start: usize) -> bool {
    for (k, c) in text[..start].chars().rev().enumerate() {
        match c {
            '.' | '!' | '?' | ':' | ';' | '\n' | '\r' | '…' | '•' => return true,
            ' ' | '\t' | ',' | '"' | '\'' | '(' | '[' | '-' | '–' | '—' | '«' | '“' | '„' | '‘'
            | '»' | '”' | '’' | ')' | ']' | '\u{a0}'
                if k < 16 => {}
            _ => return false,
        }
    }
    true
}

/// The spelling-variant key of a folded name (see [`Token::variant`]).
fn variant_of(key: &str) -> u16 {
    if key.len() < 5 || !key.bytes().all(|b| b.is_ascii_lowercase()) {
        return 0;
    }
    let mut skeleton = [0u8; 32];
    let mut n = 0;
    for b in key.bytes() {
        if matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y') || (n > 0 && skeleton[n - 1] == b) {
            continue;
        }
        if n == skeleton.len() {
            return 0;
        }
        skeleton[n] = b;
        n += 1;
    }
    if n < 3 {
        return 0;
    }
    (xxh3_64_with_seed(&skeleton[..n], SEED ^ 1) as u16).max(1)
}

fn slot_of(text: &str, key: &str, start: usize, opens: bool) -> Slot {
    if key.bytes().any(|b| b.is_ascii_digit()) {
        Slot::Number
    } else if is_date_word(key)
        || (!opens
            && text[start..].chars().next().is_some_and(char::is_uppercase)
            && !opens_sentence(text, start))
    {
        Slot::Name
    } else {
        Slot::No
    }
}

/// Tokens of a text, skipping every byte range in `skip` (boilerplate lines). Words are the text
/// view's; digit groups of one number are joined ("1 500" is one token).
pub fn tokenize(view: &TextView, skip: &[Span]) -> Vec<Token> {
    let (text, segs, folded) = (view.text, &view.segs, &view.folded);
    let words = &view.words;
    let mut out = Vec::with_capacity(words.len());
    let quotes = quote_spans(text);
    let mut last_sentence: Option<u32> = None;
    // Sentences and quotations are sorted and disjoint and token offsets grow, so each is found
    // by a cursor that only moves forward (a binary search again should an offset go back).
    let mut sentence_at = Cursor::default();
    let mut quote_at = Cursor::default();
    let mut w = 0;
    while w < words.len() {
        let (s, mut e) = (words[w].start as usize, words[w].end as usize);
        // Join digit groups: "1 500", "1.500", "600.000", "1,5" stays two tokens unless a 3-digit
        // group. Only a joined number needs its own key string.
        let mut joined: Option<String> = None;
        while is_digits(&folded.text[s..e]) && w + 1 < words.len() {
            let (ns, ne) = (words[w + 1].start as usize, words[w + 1].end as usize);
            let gap = &folded.text[e..ns];
            let next = &folded.text[ns..ne];
            if matches!(gap, " " | "." | "," | "'") && next.len() == 3 && is_digits(next) {
                joined
                    .get_or_insert_with(|| folded.text[s..e].to_string())
                    .push_str(next);
                e = ne;
                w += 1;
            } else {
                break;
            }
        }
        let key = joined.as_deref().unwrap_or(&folded.text[s..e]);
        w += 1;
        let (os, oe) = folded.original_range(s, e);
        if skip.iter().any(|sp| sp.contains(os, oe)) {
            continue;
        }
        let sentence = sentence_at.first(&segs.sentences, os, |sp, os| sp.end <= os) as u32;
        // Only a quotation ending at or after `oe` and starting at or before `os` can hold the
        // word; ends and starts both grow, so those follow the first quotation ending there.
        let q = quote_at.first(&quotes, oe, |q, oe| q.end < oe);
        let quoted = quotes[q..]
            .iter()
            .take_while(|q| q.start <= os)
            .any(|q| q.contains(os, oe));
        let opens = last_sentence != Some(sentence);
        last_sentence = Some(sentence);
        let slot = slot_of(text, key, os, opens);
        out.push(Token {
            start: os as u32,
            end: oe as u32,
            hash: xxh3_64_with_seed(key.as_bytes(), SEED),
            quoted,
            sentence,
            slot,
            variant: if slot == Slot::Name {
                variant_of(key)
            } else {
                0
            },
        });
    }
    out
}

/// A forward-moving `partition_point` over spans sorted so that `before` holds for a prefix:
/// amortised constant time per query while the queried offsets do not decrease.
#[derive(Default)]
struct Cursor {
    at: usize,
    last: usize,
}

impl Cursor {
    /// The number of leading spans of `spans` for which `before(span, offset)` holds, as
    /// `spans.partition_point(|sp| before(sp, offset))` would return.
    ///
    /// # Complexity
    /// Amortised O(1) for non-decreasing offsets; O(log n) after an offset that goes back.
    #[inline]
    fn first(
        &mut self,
        spans: &[Span],
        offset: usize,
        before: impl Fn(&Span, usize) -> bool,
    ) -> usize {
        if offset < self.last {
            self.at = spans.partition_point(|sp| before(sp, offset));
        } else {
            while self.at < spans.len() && before(&spans[self.at], offset) {
                self.at += 1;
            }
        }
        self.last = offset;
        self.at
    }
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segments;

    fn keys(text: &str) -> Vec<u64> {
        tokenize(&TextView::new(text), &[])
            .iter()
            .map(|t| t.hash)
            .collect()
    }

    #[test]
    fn number_formats_fold_together() {
        assert_eq!(keys("1.500 soldats"), keys("1 500 soldats"));
        assert_eq!(keys("1 500 soldats"), keys("1500 soldats"));
        assert_eq!(keys("600.000 morts"), keys("600,000 morts"));
        assert_ne!(keys("1,5 million"), keys("15 million"));
    }

    #[test]
    fn case_and_accents_fold() {
        assert_eq!(keys("Séoul A DIT"), keys("seoul a dit"));
    }

    #[test]
    fn quotes_and_offsets() {
        let t = "Il a dit « nous partons » puis \"fin\" et rien.";
        let toks = tokenize(&TextView::new(t), &[]);
        let quoted: Vec<&str> = toks
            .iter()
            .filter(|k| k.quoted)
            .map(|k| &t[k.start as usize..k.end as usize])
            .collect();
        assert_eq!(quoted, ["nous", "partons", "fin"]);
    }

    #[test]
    fn slots_are_names_inside_sentences_numbers_and_dates() {
        let t = "Kim Yong Nam met Saul Arana on Tuesday., , After the talk, 7 envoys left. \
                 El martes llegó Ana.";
        let toks = tokenize(&TextView::new(t), &[]);
        let of = |slot: Slot| -> Vec<&str> {
            toks.iter()
                .filter(|k| k.slot == slot)
                .map(|k| &t[k.start as usize..k.end as usize])
                .collect()
        };
        // "Kim", "After" (a flattened paragraph break) and "El" open their sentences.
        assert_eq!(
            of(Slot::Name),
            ["Yong", "Nam", "Saul", "Arana", "Tuesday", "martes", "Ana"]
        );
        assert_eq!(of(Slot::Number), ["7"]);
    }

    #[test]
    fn date_words_are_the_listed_ones() {
        let listed = "lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars \
                      avril mai juin juillet aout septembre octobre novembre decembre lunes martes \
                      miercoles jueves viernes sabado domingo enero febrero marzo abril mayo junio \
                      julio agosto septiembre setiembre octubre noviembre diciembre lunedi martedi \
                      mercoledi giovedi venerdi domenica gennaio febbraio aprile maggio giugno \
                      luglio settembre ottobre dicembre";
        for w in listed.split_whitespace() {
            assert!(is_date_word(w), "{w}");
            assert!(!is_date_word(&w[1..]), "{w}");
            assert!(!is_date_word(&format!("{w}s")), "{w}");
        }
        for w in ["", "m", "ma", "monday", "lundis", "x", "septiembres"] {
            assert!(!is_date_word(w), "{w}");
        }
    }

    #[test]
    fn cursor_equals_partition_point() {
        let spans: Vec<Span> = (0..20)
            .map(|k| Span {
                start: k * 10,
                end: k * 10 + 5,
            })
            .collect();
        let mut c = Cursor::default();
        for off in [0, 3, 5, 5, 17, 60, 61, 12, 13, 250, 199, 200, 0] {
            let want = spans.partition_point(|sp| sp.end <= off);
            assert_eq!(c.first(&spans, off, |sp, o| sp.end <= o), want, "{off}");
        }
    }

    #[test]
    fn skipped_ranges_are_dropped() {
        let t = "Keep this.\nDrop this line.";
        let segs = Segments::new(t);
        let toks = tokenize(&TextView::new(t), &[segs.lines[1]]);
        assert_eq!(toks.len(), 2);
    }
}
