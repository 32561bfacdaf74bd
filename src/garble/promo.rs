//! Self-promotional filler from the shape of its sentences: a call to action, words addressing
//! the reader or the site speaking of itself ("we", "notre"), joined with what a site promotes (its pages, app, newsletter, news) or the site's
//! own name, in two sentences running (`data/garble/promo_cues.tsv`). The phrase list of
//! `data/garble/promo.tsv` stays a second, paragraph-level rule.

use rustc_hash::FxHashSet;

use super::lang::Words;
use super::{Doc, Flag, FlagKind};
use crate::citations::Field;

/// The bundled cue table.
pub const BUNDLED_PROMO_CUES: &str = include_str!("../../data/garble/promo_cues.tsv");

/// Longest sentence, in words, that can be promotional filler.
const MAX_WORDS: usize = 45;

/// Cues by (language, role, folded word).
#[derive(Debug, Clone, Default)]
pub struct PromoCues {
    cues: FxHashSet<(String, String, String)>,
}

impl PromoCues {
    /// Parses `lang<TAB>role<TAB>word` lines.
    pub fn parse(tsv: &str) -> PromoCues {
        let mut cues = FxHashSet::default();
        for line in tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() >= 3 {
                for w in crate::citations::cues::words(cols[2]) {
                    cues.insert((cols[0].to_string(), cols[1].to_string(), w));
                }
            }
        }
        PromoCues { cues }
    }

    fn has(&self, lang: &str, role: &str, w: &str) -> bool {
        self.cues
            .contains(&(lang.to_string(), role.to_string(), w.to_string()))
    }

    /// Flags runs of promotional sentences in `doc`, language `lang`.
    /// # Complexity
    /// O(words of the text).
    pub fn sentences(&self, doc: &Doc, lang: &str, words: &Words, out: &mut Vec<Flag>) {
        let text = doc.text;
        let mut run: Vec<(usize, usize, bool)> = Vec::new();
        let flush = |run: &mut Vec<(usize, usize, bool)>, out: &mut Vec<Flag>| {
            let strong = run.len() == 1 && run[0].2;
            if run.len() >= 2 || strong {
                let (start, end) = (run[0].0, run[run.len() - 1].1);
                out.push(Flag {
                    kind: FlagKind::SeoBoilerplate,
                    field: Field::Text,
                    start,
                    end,
                    evidence: text[start..end].trim().to_string(),
                    detail: format!(
                        "self-promotional filler ({} sentences calling the reader to a site)",
                        run.len()
                    ),
                    counted: true,
                });
            }
            run.clear();
        };
        for s in &doc.segs.sentences {
            let ws = words.within(s.start, s.end);
            if ws.is_empty() || ws.len() > MAX_WORDS {
                flush(&mut run, out);
                continue;
            }
            let (mut cta, mut address, mut own, mut site) = (false, false, false, false);
            for w in ws {
                let t = words.text(w);
                cta |= self.has(lang, "cta", t);
                address |= self.has(lang, "address", t);
                own |= self.has(lang, "self", t);
                site |= self.has(lang, "site", t);
            }
            let named = site_name(s.of(text));
            if (cta || address || own) && (site || named) {
                run.push((s.start, s.end, cta && address && named));
            } else {
                flush(&mut run, out);
            }
        }
        flush(&mut run, out);
    }
}

/// A site's own name in a sentence: a capitalised word ending in digits ("Actu24") or a domain.
fn site_name(sentence: &str) -> bool {
    sentence.split_whitespace().any(|t| {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric());
        let letters_then_digits = t.chars().next().is_some_and(char::is_uppercase)
            && t.chars().last().is_some_and(|c| c.is_ascii_digit())
            && t.chars().filter(|c| c.is_alphabetic()).count() >= 3;
        let domain = t.contains('.')
            && t.rsplit('.').next().is_some_and(|tld| {
                (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
            })
            && t.split('.').next().is_some_and(|h| h.chars().count() >= 3);
        letters_then_digits || domain
    })
}
