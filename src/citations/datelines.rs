//! Datelines and credit lists: where a wire credit sits when it is not on a line of its own.
//! A parenthesis after a dateline inside an OCR'd page ("Wien , 7 . Aug . ( Exchange )"), an
//! agency heading a dispatch ("Agence Havas Birmingham, 11 mai. —"), and credit parentheses that
//! list agencies with the paper's own signatures and a date ("(APA/sid/red – 11.7. 2015)").

use super::context::{is_dash, raw_tokens, FieldContext};
use super::matcher::RawMatch;
use crate::normalize::ceil_char_boundary;
use crate::segment::Span;

/// Month names that may appear in a dateline ("PARIS, 3 mars (AFP) -").
pub(crate) const MONTH_WORDS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    // German and Spanish, as datelines write them ("Berlin, 11. Juli", "Madrid, 3 oct").
    "januar",
    "jan",
    "februar",
    "marz",
    "maerz",
    "juni",
    "juli",
    "okt",
    "oktober",
    "dez",
    "dezember",
    "enero",
    "ene",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "dic",
];

/// Words that open a clause or a phrase and so are never the place of a dateline ("En 2015 (AFP)").
pub(super) const NOT_PLACES: &[&str] = &[
    "en", "depuis", "le", "la", "les", "au", "du", "de", "des", "et", "dans", "in", "since", "the",
    "on", "at", "and", "of", "el", "los", "las", "desde", "y", "del", "seit", "im", "am", "vom",
    "und", "der", "die", "das", "den",
];

impl FieldContext<'_> {
    /// True when `head` ends with a dateline — a capitalised place, then a day number and/or a
    /// month, with only commas, periods and dashes between ("Wien , 7 . Aug .", "LONDRES, 29",
    /// "Rennes, 2. —", "Flushing Meadows , 4 . November"): the wire credit that follows it is the
    /// dispatch's credit even in the middle of a page that OCR ran into one line.
    pub(super) fn ends_with_dateline(&self, head: Span) -> bool {
        let from = ceil_char_boundary(self.text, head.end.saturating_sub(80).max(head.start));
        let s = self.text[from..head.end]
            .trim_end_matches(|c: char| c.is_whitespace() || is_dash(c) || ".,".contains(c));
        let toks = raw_tokens(s, 0);
        let mut dated = 0;
        let mut k = toks.len();
        while k > 0 && dated < 3 {
            let (_, t) = toks[k - 1];
            let w = crate::normalize::fold_text(t);
            let number = t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit());
            if !(number || MONTH_WORDS.contains(&w.as_str())) {
                break;
            }
            dated += 1;
            k -= 1;
        }
        if dated == 0 || k == 0 {
            return false;
        }
        // Between the date tokens and before them: only spaces, commas and periods.
        let (place_at, place) = toks[k - 1];
        let glue = &s[place_at + place.len()..toks[k].0];
        let glue_ok = glue.chars().all(|c| c.is_whitespace() || ".,".contains(c));
        let inner_ok = toks[k..].windows(2).all(|w| {
            s[w[0].0 + w[0].1.len()..w[1].0]
                .chars()
                .all(|c| c.is_whitespace() || ".,".contains(c))
        });
        let folded = crate::normalize::fold_text(place);
        glue_ok
            && inner_ok
            && place.chars().next().is_some_and(char::is_uppercase)
            && !NOT_PLACES.contains(&folded.as_str())
    }

    /// An agency named as the heading of a dispatch, right before its dateline ("Agence Havas
    /// Birmingham, 11 mai. — …", "Agence télégraphique suisse Berne, 23 juin. — …") or between
    /// the dateline's dashes ("Paris, 4. — Havas — Les délibérations…"): the span from the name to
    /// the dash.
    pub(super) fn dateline_heading(&self, m: &RawMatch, line: Span) -> Option<Span> {
        let near = self.near(line, m.start, m.end, 80);
        let after = &self.text[m.end..near.end];
        let dash = after.find(is_dash)?;
        let between = Span {
            start: m.end,
            end: m.end + dash,
        };
        // The name stands apart from the place ("Agence Havas Birmingham, 11 mai. —"), not as
        // its first word ("FT. LAUDERDALE, Fla, March 4 -") or before a comma ("EXCELSIOR, Minn").
        let apart = after.starts_with(' ')
            && after[..dash]
                .trim_start()
                .starts_with(|c: char| c.is_alphabetic());
        if apart && self.is_dateline(between) {
            return Some(Span {
                start: m.start,
                end: m.end + dash,
            });
        }
        // "— Havas —", "— Reuter. —" after a dateline.
        let before = self.text[near.start..m.start].trim_end();
        if after[..dash].trim().trim_end_matches(['.', ',']).is_empty() && before.ends_with(is_dash)
        {
            let head = Span {
                start: near.start,
                end: near.start + before.len(),
            };
            if self.ends_with_dateline(head) {
                return Some(Span {
                    start: m.start,
                    end: m.end,
                });
            }
        }
        None
    }

    /// True when `span` is only a dateline: one to three capitalised place words, then one to three
    /// day numbers or months, with only commas and periods between ("Berne, 23 juin.").
    pub(super) fn is_dateline(&self, span: Span) -> bool {
        let s = span.of(self.text);
        let toks = raw_tokens(s, 0);
        let places = toks
            .iter()
            .take_while(|(_, t)| {
                t.chars().next().is_some_and(char::is_uppercase)
                    && !t.chars().all(|c| c.is_ascii_digit())
                    && !NOT_PLACES.contains(&crate::normalize::fold_text(t).as_str())
            })
            .count();
        let dates = toks.len() - places;
        (1..=3).contains(&places)
            && (1..=3).contains(&dates)
            && self.ends_with_dateline(span)
            && s.chars()
                .all(|c| c.is_alphanumeric() || c.is_whitespace() || ".,'’".contains(c))
    }

    /// A credit parenthesis listing sources with the paper's own short signatures between commas,
    /// slashes or hyphens ("(UPI, AFP, Impar.)", "(ats, réd.)", "(AFP/jar)"): every item is a
    /// source name, a credit word, or one short word (initials, a house abbreviation).
    pub(super) fn credit_list(&self, span: Span) -> bool {
        const SEPARATORS: [char; 5] = [',', '/', '-', ';', '–'];
        let s = span.of(self.text);
        if !s.contains(SEPARATORS) || s.len() > 80 {
            return false;
        }
        let inside: Vec<&RawMatch> = self.matches_in(span).collect();
        if inside.is_empty() {
            return false;
        }
        let mut items = 0;
        let mut at = span.start;
        for item in s.split(SEPARATORS) {
            let start = at;
            // Every separator is one byte but the en dash (three).
            at += item.len();
            at += s[at - span.start..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
            let toks = raw_tokens(item, start);
            if toks.is_empty() {
                continue;
            }
            items += 1;
            let named = toks
                .iter()
                .all(|(off, _)| inside.iter().any(|x| *off >= x.start && *off < x.end));
            let short = toks.len() == 1 && {
                let t = toks[0].1;
                t.chars().count() <= 6 && t.chars().all(char::is_alphabetic)
            };
            let credit_word = toks.len() == 1
                && self
                    .cues
                    .credit_words
                    .contains(&crate::normalize::fold_text(toks[0].1));
            // A date: "25.7.2015", "8.8. 2015", "3 de octubre de 2024", "12. September 2015".
            let date = toks
                .iter()
                .any(|(_, t)| t.chars().all(|c| c.is_ascii_digit()))
                && toks.iter().all(|(_, t)| {
                    let w = crate::normalize::fold_text(t);
                    t.chars().all(|c| c.is_ascii_digit())
                        || MONTH_WORDS.contains(&w.as_str())
                        || matches!(w.as_str(), "de" | "del" | "du" | "of" | "vom" | "am" | "le")
                });
            if !(named || short || credit_word || date) {
                return false;
            }
        }
        items <= 8
    }

    /// `m` alone closes its line after a finished sentence ("… des Planckaert. ap"): the sign-off
    /// Swiss and French papers print, often in lower case, at the end of a dispatch.
    pub(super) fn closing_signoff(&self, m: &RawMatch) -> Option<Span> {
        let line = self.line_of(m);
        let after = &self.text[m.end..line.end];
        let before = self.text[line.start..m.start].trim_end();
        // The desk's initials may follow a slash ("… hier soir. ats/nxp").
        let after = after
            .strip_prefix('/')
            .map(|r| r.trim_start_matches(|c: char| c.is_lowercase()))
            .filter(|r| r.len() + 6 >= after.len())
            .unwrap_or(after);
        let closes = after.chars().all(|c| c.is_whitespace() || c == '.');
        let spaced = before.len() < m.start - line.start;
        let finished = before.ends_with(['.', '!', '?', '»', '"', '”']);
        (closes && spaced && finished).then_some(Span {
            start: m.start,
            end: m.end,
        })
    }

    /// A line that opens with one to three capitalised place words, the credit parenthesis, then a
    /// new sentence: the Swiss dateline without a date ("Berne (ats) Le Conseil fédéral…", "Bern
    /// (sda) Der Bundesrat…"). A name followed by its verb ("Jean Dupont (AFP) a dit") is not one.
    pub(super) fn place_before_paren(&self, head: Span, close: usize, line: Span) -> bool {
        let s = head.of(self.text).trim();
        if s.is_empty() || s.len() > 40 {
            return false;
        }
        let toks = raw_tokens(s, 0);
        let places = (1..=3).contains(&toks.len())
            && toks.iter().all(|(_, t)| {
                t.starts_with(char::is_uppercase)
                    && !NOT_PLACES.contains(&crate::normalize::fold_text(t).as_str())
            })
            && s.chars()
                .all(|c| c.is_alphabetic() || c.is_whitespace() || "-'’/,.".contains(c));
        let rest = self.text[close + 1..line.end].trim_start();
        places && rest.starts_with(char::is_uppercase)
    }
}
