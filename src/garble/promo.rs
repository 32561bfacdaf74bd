//! Self-promotional filler from the shape of its sentences: a call to action, words addressing
//! the reader or the site speaking of itself ("we", "notre"), joined with what a site promotes (its pages, app, newsletter, news) or the site's
//! own name, in two sentences running (`data/garble/promo_cues.tsv`). The phrase list of
//! `data/garble/promo.tsv` stays a second, paragraph-level rule.

use rustc_hash::FxHashMap;

use super::lang::Words;
use super::{Doc, Flag, FlagKind};
use crate::citations::Field;

/// The bundled cue table.
pub const BUNDLED_PROMO_CUES: &str = include_str!("../../data/garble/promo_cues.tsv");

/// Longest sentence, in words, that can be promotional filler.
const MAX_WORDS: usize = 45;

/// A call-to-action word counts among the first this many words of its sentence.
const CTA_POSITION: usize = 4;

/// German pronouns that address the reader only when capitalised (the polite form).
const GERMAN_POLITE: [&str; 6] = ["sie", "ihr", "ihre", "ihnen", "ihren", "ihrer"];

/// Roles of a cue word, as bits.
const CTA: u8 = 1;
const ADDRESS: u8 = 2;
const SELF: u8 = 4;
const SITE: u8 = 8;

/// Cue roles by language, then folded word (looked up by `&str`, no allocation per word).
#[derive(Debug, Clone, Default)]
pub struct PromoCues {
    cues: FxHashMap<String, FxHashMap<String, u8>>,
}

impl PromoCues {
    /// Parses `lang<TAB>role<TAB>word` lines.
    pub fn parse(tsv: &str) -> PromoCues {
        let mut cues: FxHashMap<String, FxHashMap<String, u8>> = FxHashMap::default();
        for line in tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            let role = match cols.get(1) {
                Some(&"cta") => CTA,
                Some(&"address") => ADDRESS,
                Some(&"self") => SELF,
                Some(&"site") => SITE,
                _ => continue,
            };
            if let Some(entry) = cols.get(2) {
                for w in crate::citations::cues::words(entry) {
                    *cues
                        .entry(cols[0].to_string())
                        .or_default()
                        .entry(w)
                        .or_default() |= role;
                }
            }
        }
        PromoCues { cues }
    }

    /// Flags runs of promotional sentences in `doc`, language `lang`.
    /// # Complexity
    /// O(words of the text).
    pub fn sentences(&self, doc: &Doc, lang: &str, words: &Words, out: &mut Vec<Flag>) {
        let text = doc.view.text;
        let Some(cues) = self.cues.get(lang) else {
            return;
        };
        let quotes = crate::segment::quote_spans(text);
        let in_quote =
            |start: usize, end: usize| quotes.iter().any(|q| q.start < end && start < q.end);
        // Each sentence of a run: its span, whether it is strong alone (a call to action to the
        // reader naming the site), whether it names a site or what a site promotes, and whether it
        // calls or addresses the reader, and whether the site speaks of itself or is named.
        let mut run: Vec<(usize, usize, bool, bool, bool, bool)> = Vec::new();
        let flush = |run: &mut Vec<(usize, usize, bool, bool, bool, bool)>, out: &mut Vec<Flag>| {
            let strong = run.len() == 1 && run[0].2;
            let names = run.iter().any(|r| r.3);
            let to_reader = run.iter().any(|r| r.4);
            // The site itself speaks ("nous", "our") or is named: advice to the reader about pages
            // and accounts in a how-to text is not filler about the site.
            let itself = run.iter().any(|r| r.5);
            if (run.len() >= 2 && names && to_reader && itself) || strong {
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
        for s in &doc.view.segs.sentences {
            let ws = words.within(s.start, s.end);
            if ws.is_empty() || ws.len() > MAX_WORDS {
                flush(&mut run, out);
                continue;
            }
            // A call to action is an imperative: its verb opens the sentence ("Suivez…",
            // "N'hésitez pas à…", "Don't miss…", "Folgen Sie…"); "share" inside a sentence is not one.
            let roles = ws.iter().enumerate().fold(0u8, |r, (k, w)| {
                let mut role = cues.get(words.text(w)).copied().unwrap_or(0);
                // German "sie", "ihr" are "she", "they", "her" unless capitalised inside the
                // sentence ("Folgen Sie uns", "Ihre Zeitung"): only then the reader.
                if lang == "de"
                    && GERMAN_POLITE.contains(&words.text(w))
                    && !(k > 0 && text[w.start..w.end].starts_with(char::is_uppercase))
                {
                    role &= !ADDRESS;
                }
                r | if k < CTA_POSITION { role } else { role & !CTA }
            });
            let (cta, address, own, site) = (
                roles & CTA != 0,
                roles & ADDRESS != 0,
                roles & SELF != 0,
                roles & SITE != 0,
            );
            let named = (cta || address || own) && site_name(s.of(text));
            // The site speaking of itself or to the reader ("Notre équipe travaille…", "Nous vous
            // proposons…") joins a run that names the site, outside quotations (a speaker's
            // "nous" and "vous" are not the site's).
            let cued = (cta || address || own) && !in_quote(s.start, s.end);
            if cued && (site || named) {
                run.push((
                    s.start,
                    s.end,
                    cta && address && named,
                    true,
                    cta || address,
                    own || named,
                ));
            } else if cued {
                run.push((s.start, s.end, false, false, cta || address, own));
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
        letters_then_digits || is_domain(t)
    })
}

/// A web domain written in the text ("actu24.fr", "www.site.be"): a host of three characters or
/// more and a lowercase top-level part of 2 to 6 letters.
pub(super) fn is_domain(token: &str) -> bool {
    token.contains('.')
        && token.rsplit('.').next().is_some_and(|tld| {
            (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
        })
        && token
            .split('.')
            .next()
            .is_some_and(|h| h.chars().count() >= 3)
}
