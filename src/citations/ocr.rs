//! Credits damaged by OCR. Digitised papers misread letters and brackets: "(Router)" and
//! "(Hanas.)" for Reuter and Havas after a dateline, "Die Agence Haoas veröffentlicht", and "Berlin.
//! 11. Juli. lDNB)." with the opening parenthesis read as a letter; and a name split by a line-end
//! hyphen ("l'agence Reu-\nter", "Reu- ter", "Reu¬ ter"). An exact alias automaton finds none of
//! them. This module finds them only where the position itself says "credit" (a parenthesis right
//! after a dateline, an agency word right before the name) or where the parts join into an alias,
//! so that one letter of slack never turns an ordinary word of running text into an agency.

use super::context::FieldContext;
use super::matcher::RawMatch;
use crate::registry::{Registry, SourceKind};
use crate::segment::Span;
use crate::text::TextView;

/// Longest folded alias, in bytes, that gets one letter of slack.
const MAX_LEN: usize = 12;
/// Shortest: below five letters one substitution reaches too many words ("Efe" → "Eve").
const MIN_LEN: usize = 5;

/// Agency names one OCR substitution away, and agency acronyms behind a misread parenthesis.
#[derive(Debug, Clone, Default)]
pub struct OcrIndex {
    /// Folded single-word agency aliases of [`MIN_LEN`]..=[`MAX_LEN`] bytes, bucketed by length
    /// and first byte (an OCR error on the first letter is not looked for): `(source, alias)`.
    buckets: Vec<Vec<(usize, String)>>,
    /// Upper-case agency acronyms ("DNB", "AFP"), sorted by their lower-case form: `(lower case,
    /// as written, source)`.
    acronyms: Vec<(String, String, usize)>,
    /// Folded single-word agency aliases of four letters or more, sorted, for names split by a
    /// line-end hyphen: `(folded, source, alias as written when case-sensitive, credit_only)`.
    whole: Vec<(String, usize, Option<String>, bool)>,
    /// The first two bytes of every `whole` alias, as a bit set: the cheap first test of the
    /// head of a split name, before a binary search in `whole`.
    heads: Vec<u64>,
}

/// The first two bytes of `s` as one index (0 when shorter).
fn pair(s: &str) -> usize {
    match s.as_bytes() {
        [a, b, ..] => (*a as usize) << 8 | *b as usize,
        _ => 0,
    }
}

fn bucket(len: usize, first: u8) -> usize {
    len * 256 + first as usize
}

impl OcrIndex {
    /// Indexes the agency and state-media aliases of `registry`.
    pub fn new(registry: &Registry) -> OcrIndex {
        let mut idx = OcrIndex {
            buckets: vec![Vec::new(); (MAX_LEN + 1) * 256],
            acronyms: Vec::new(),
            whole: Vec::new(),
            heads: vec![0; 1024],
        };
        for (i, s) in registry.sources().iter().enumerate() {
            if !matches!(s.kind, SourceKind::NewsAgency | SourceKind::StateMedia) {
                continue;
            }
            for a in &s.aliases {
                let text = a.text.trim();
                if !text.chars().all(char::is_alphabetic) {
                    continue;
                }
                let folded = crate::normalize::fold_text(text);
                let n = folded.len();
                if (MIN_LEN..=MAX_LEN).contains(&n) && folded.is_ascii() {
                    let b = &mut idx.buckets[bucket(n, folded.as_bytes()[0])];
                    if !b.iter().any(|(_, f)| *f == folded) {
                        b.push((i, folded.clone()));
                    }
                }
                if (2..=5).contains(&text.len()) && text.chars().all(|c| c.is_ascii_uppercase()) {
                    idx.acronyms
                        .push((text.to_lowercase(), text.to_string(), i));
                }
                if text.chars().count() >= 4 && !a.paren_only {
                    let exact = a.case_sensitive.then(|| text.to_string());
                    idx.whole.push((folded.clone(), i, exact, a.credit_only));
                }
            }
        }
        idx.acronyms.sort();
        idx.acronyms.dedup_by(|a, b| a.0 == b.0);
        idx.whole.sort();
        idx.whole.dedup_by(|a, b| a.0 == b.0);
        for (f, ..) in &idx.whole {
            let k = pair(f);
            idx.heads[k / 64] |= 1 << (k % 64);
        }
        idx
    }

    /// The `whole` alias the folded words `head` and `tail` join into ("reu" + "ter"), if any.
    ///
    /// # Complexity
    /// A bit test, then a binary search among the aliases for the rare head that passes it.
    fn joins(&self, head: &str, tail: &str) -> Option<usize> {
        let k = pair(head);
        if head.len() < 2 || self.heads[k / 64] & (1 << (k % 64)) == 0 {
            return None;
        }
        let i = self.whole.partition_point(|(f, ..)| f.as_str() < head);
        self.whole[i..]
            .iter()
            .take_while(|(f, ..)| f.starts_with(head))
            .position(|(f, ..)| &f[head.len()..] == tail)
            .map(|j| i + j)
    }

    /// The acronym entry whose lower-case form is `folded`.
    fn acronym(&self, folded: &str) -> Option<&(String, String, usize)> {
        let i = self
            .acronyms
            .binary_search_by(|(a, ..)| a.as_str().cmp(folded))
            .ok()?;
        Some(&self.acronyms[i])
    }

    /// The source whose alias `word` (folded) misspells by exactly one letter, if exactly one does.
    fn misspelled(&self, word: &str) -> Option<usize> {
        let n = word.len();
        if !(MIN_LEN..=MAX_LEN).contains(&n) || !word.is_ascii() {
            return None;
        }
        let mut found = None;
        for (source, alias) in &self.buckets[bucket(n, word.as_bytes()[0])] {
            let diff = alias
                .bytes()
                .zip(word.bytes())
                .filter(|(a, b)| a != b)
                .count();
            if diff == 1 {
                if found.is_some_and(|f| f != *source) {
                    return None;
                }
                found = Some(*source);
            }
        }
        found
    }

    /// OCR-damaged credits of one field, in order. `ctx` holds the exact matches, which are never
    /// matched again.
    ///
    /// # Complexity
    /// Linear in the words of the field: a length-and-letter bucket of a few aliases per word, and
    /// the dateline test only for the rare word that passes it.
    pub fn find(&self, view: &TextView, ctx: &FieldContext) -> Vec<RawMatch> {
        let text = view.text;
        let mut out = Vec::new();
        for (k, &w) in view.words.iter().enumerate() {
            let folded = view.word(w);
            // Cheap tests on the folded text first: most words pass none of them.
            let prev = k.checked_sub(1).map(|i| view.words[i]);
            // The fold turns a hyphen and the line break after it into one space, as between any
            // two words: a split name is first told by its head being the start of an alias.
            let split = prev.and_then(|p| Some((p, self.joins(view.word(p), folded)?)));
            let misspelled = self.misspelled(folded);
            let paren = ((3..=6).contains(&folded.len()) && folded.starts_with(['l', 'i', '1']))
                .then(|| self.acronym(&folded[1..]))
                .flatten();
            if split.is_none() && misspelled.is_none() && paren.is_none() {
                continue;
            }
            let (start, end) = view.original(w);
            let written = &text[start..end];
            let covered = |from: usize| ctx.matches_in(Span { start: from, end }).next().is_some();
            if let Some((p, alias)) = split {
                let (pstart, pend) = view.original(p);
                if let Some(m) = self.hyphenated(view, alias, (p, pstart, pend), (w, start, end)) {
                    if !covered(pstart) {
                        out.push(m);
                        continue;
                    }
                }
            }
            // "(Router)", "(Hanas.)" after a dateline; "Agence Haoas".
            if let Some(source) = misspelled.filter(|_| written.starts_with(char::is_uppercase)) {
                let agency_word = prev.is_some_and(|p| ctx.cues.agency_word.contains(view.word(p)));
                let in_paren = dateline_paren(text, start, end, ctx);
                if (agency_word || in_paren) && !covered(start) {
                    out.push(raw(source, w, start, end, in_paren));
                }
                continue;
            }
            // "lDNB)": a parenthesis misread as l, I or 1 before an acronym, after a dateline.
            let behind = paren.filter(|(_, exact, _)| {
                written.strip_prefix(['l', 'I', '1']) == Some(exact.as_str())
            });
            if let Some(&(_, _, source)) = behind {
                let inner = start + 1;
                let closes = text[end..].trim_start_matches('.').starts_with(')');
                let spaced = text[..start].ends_with(char::is_whitespace);
                let after_dateline = || {
                    ctx.ends_with_dateline(Span {
                        start: 0,
                        end: start,
                    })
                };
                if closes && spaced && !covered(start) && after_dateline() {
                    let mut m = raw(source, w, inner, end, true);
                    m.fstart += 1;
                    out.push(m);
                }
            }
        }
        out
    }

    /// An agency name split over two words by a line-end hyphen ("Reu-\nter", "Reu- ter",
    /// "Reu¬ ter"): the hyphen, then white space, between two parts that join into `whole[alias]`.
    fn hyphenated(
        &self,
        view: &TextView,
        alias: usize,
        (p, pstart, pend): (crate::text::Word, usize, usize),
        (w, start, end): (crate::text::Word, usize, usize),
    ) -> Option<RawMatch> {
        let text = view.text;
        let between = &text[pend..start];
        let rest = between.strip_prefix(['-', '¬'])?;
        if rest.is_empty() || !rest.chars().all(char::is_whitespace) {
            return None;
        }
        let (_, source, exact, credit_only) = &self.whole[alias];
        if let Some(e) = exact {
            let written = format!("{}{}", &text[pstart..pend], &text[start..end]);
            if crate::normalize::fold_keep_case(&written) != crate::normalize::fold_keep_case(e) {
                return None;
            }
        }
        let mut m = raw(*source, w, pstart, end, false);
        m.fstart = p.start as usize;
        m.credit_only = *credit_only;
        Some(m)
    }
}

/// True when `start..end` is the only word of a parenthesis ("(Router)", "( Hanas. )") that
/// directly follows a dateline.
fn dateline_paren(text: &str, start: usize, end: usize, ctx: &FieldContext) -> bool {
    let head = text[..start].trim_end();
    let Some(open) = head.strip_suffix(['(', '[']) else {
        return false;
    };
    let tail = text[end..].trim_start_matches('.').trim_start();
    tail.starts_with([')', ']'])
        && ctx.ends_with_dateline(Span {
            start: 0,
            end: open.len(),
        })
}

/// A match found by this module: a credit by position when `credit` (a dateline parenthesis),
/// else an agency named after an agency word, whose kind its context decides.
fn raw(source: usize, w: crate::text::Word, start: usize, end: usize, credit: bool) -> RawMatch {
    RawMatch {
        source,
        start,
        end,
        fstart: w.start as usize,
        fend: w.end as usize,
        credit_only: false,
        rescued: false,
        case_sensitive: false,
        ocr_credit: credit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::citations::cues::Cues;
    use crate::registry::Registry;

    fn found(text: &str) -> Vec<(String, String)> {
        let reg = Registry::bundled();
        let idx = OcrIndex::new(&reg);
        let view = TextView::new(text);
        let cues = Cues::bundled();
        let ctx = FieldContext {
            text,
            segs: &view.segs,
            matches: &[],
            cues: &cues,
        };
        idx.find(&view, &ctx)
            .into_iter()
            .map(|m| {
                (
                    reg.sources()[m.source].id.clone(),
                    text[m.start..m.end].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn misspelled_agencies_after_datelines_and_agency_words() {
        assert_eq!(
            found("CIUDAD TRUJILLO, 23 (Router). — Le général"),
            [("Reuters".into(), "Router".into())]
        );
        assert_eq!(
            found("Warschau, 4. Mai. (Hanas.) General Kwasniewski"),
            [("Havas".into(), "Hanas".into())]
        );
        assert_eq!(
            found("Paris, 3. Sept. Die Agence Haoas veröffentlicht"),
            [("Havas".into(), "Haoas".into())]
        );
        assert_eq!(
            found("Berlin. 11. Juli. lDNB). Der Minister"),
            [("DNB".into(), "DNB".into())]
        );
    }

    #[test]
    fn names_split_by_a_line_end_hyphen_are_joined() {
        for text in [
            "annonce l'agence Reu-\nter hier",
            "l'agence Reu- ter",
            "eine Ha¬ vas Depesche",
        ] {
            let got = found(text);
            assert_eq!(got.len(), 1, "{text}");
        }
        // A hyphen inside a line joins words, not a split name; the parts must join into an alias.
        assert!(found("l'agence Reu-ter").is_empty());
        assert!(found("le Reu- tard").is_empty());
    }

    #[test]
    fn one_letter_of_slack_needs_a_credit_position() {
        // Running text, a parenthesis that follows no dateline, a word that is no misspelling.
        assert!(found("Le Router de la maison est en panne.").is_empty());
        assert!(found("Il a acheté un modem (Router) hier.").is_empty());
        assert!(found("Berlin, 11. Juli. (Reiter und Pferde)").is_empty());
        assert!(found("Paris, 3 mai (Havas) — ").is_empty());
        assert!(found("Il est lDNB) ici").is_empty());
    }
}
