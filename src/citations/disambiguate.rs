//! Name disambiguation: an alias occurrence that names something else is dropped before its kind
//! is decided.
//!
//! - **Inside a longer proper name**: a one-word alias that is also an ordinary word (case-sensitive
//!   in the registry), written in title case next to capitalised words, is part of another name
//!   ("Palestine Liberation Organization", "Sandinist National Liberation Front" are not the paper
//!   Libération; "Pentagon Papers" is not the Pentagon). Proper names such as Reuters or Yonhap are
//!   left alone: "told Reuters Finance Secretary…", "Korean Yonhap News".
//! - **Defined acronyms**: an acronym the article spells out as something else ("Supreme People's
//!   Assembly (SPA)") means that thing everywhere in the article, not the agency of the registry.
//! - **Foreign acronyms and spellings** ([`drop_foreign_names`]): a bare acronym of an agency
//!   that does not publish in the article's language needs a credit line ("la APS" in a Spanish
//!   text is the Asamblea Popular Suprema, not Algérie Presse Service), and so does an ordinary-word
//!   name spelled without its accents ("Korea's Liberation" in English is not Libération).

use super::matcher::RawMatch;
use super::{Citation, CitationKind};
use crate::registry::{Registry, SourceKind};
use crate::segment::Span;

/// Words that extend an agency's own name ("Reuters Television", "Kyodo News", "AFP Photo"):
/// a capitalised neighbour of this kind does not make a longer, different name.
const NAME_EXTENSIONS: &[&str] = &[
    "news",
    "agency",
    "agence",
    "agencia",
    "press",
    "presse",
    "prensa",
    "service",
    "services",
    "television",
    "tv",
    "photo",
    "photos",
    "foto",
    "video",
    "images",
    "radio",
    "online",
    "wire",
    "nachrichtenagentur",
    "international",
    "le",
    "la",
    "el",
    "the",
    "l",
    "der",
    "die",
];

/// Words that describe a name as an agency or a paper ("l'agence", "news agency", "le journal
/// espagnol", "die Zeitung"): the name is not a bare acronym.
const AGENCY_WORDS: &[&str] = &[
    "agence",
    "agency",
    "agencia",
    "agentur",
    "nachrichtenagentur",
    "presseagentur",
    "presse",
    "press",
    "prensa",
    "noticias",
    "news",
    "journal",
    "quotidien",
    "hebdomadaire",
    "daily",
    "newspaper",
    "paper",
    "diario",
    "periodico",
    "zeitung",
    "tageszeitung",
    "sender",
    "chaine",
    "television",
    "magazine",
];

/// The word of `text` ending at byte `end` (skipping one space), if the gap is exactly one space.
fn word_before(text: &str, start: usize) -> Option<&str> {
    let head = text[..start].strip_suffix(' ')?;
    let from = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (from < head.len()).then(|| &head[from..])
}

/// The word of `text` starting one space after byte `end`.
fn word_after(text: &str, end: usize) -> Option<&str> {
    let tail = text[end..].strip_prefix(' ')?;
    let to = tail
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(tail.len(), |(i, _)| i);
    (to > 0).then(|| &tail[..to])
}

/// Byte range of `line` cut to about 200 bytes on each side of `m`.
fn line_window(text: &str, line: Span, m: &RawMatch) -> (usize, usize) {
    let start =
        crate::normalize::floor_char_boundary(text, m.start.saturating_sub(200).max(line.start));
    let end = crate::normalize::ceil_char_boundary(text, (m.end + 200).min(line.end).max(m.end));
    (start.min(m.start), end)
}

fn title_case(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.clone().count() >= 1
        && cs.any(char::is_lowercase)
}

/// True when the word ending just before `start` begins a sentence (nothing but space or a
/// sentence end before it): a capitalised first word says nothing about names.
fn starts_sentence(text: &str, word_start: usize) -> bool {
    let head = text[..word_start].trim_end();
    head.is_empty() || head.ends_with(['.', '!', '?', '«', '"', '“', '\n', ':', '—'])
}

/// True when `m` is a one-word title-case alias standing between capitalised words of a longer
/// name. A title-case line (headline style, most words capitalised) proves nothing and is skipped.
pub fn inside_longer_name(text: &str, m: &RawMatch, line: Span) -> bool {
    let written = &text[m.start..m.end];
    // "<FSB>", "<GOLDOME FSB>": angle brackets mark a company or its ticker in wire copy.
    let before =
        &text[crate::normalize::floor_char_boundary(text, m.start.saturating_sub(40))..m.start];
    let after =
        &text[m.end..crate::normalize::floor_char_boundary(text, (m.end + 40).min(text.len()))];
    if before
        .rfind('<')
        .is_some_and(|i| !before[i..].contains('>'))
        && after.find('>').is_some_and(|i| !after[..i].contains('<'))
    {
        return true;
    }
    if !m.case_sensitive || !title_case(written) || written.contains(char::is_whitespace) {
        return false;
    }
    // The line around the occurrence (a bounded window: lines of OCR pages run for pages).
    let (ls, le) = line_window(text, line, m);
    let words: Vec<&str> = text[ls..le].split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    // The run of capitalised words holding the occurrence does not count towards the line's style.
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut run = 1;
    let mut at = m.start;
    while let Some(w) = word_before(text, at).filter(|w| cap(w)) {
        run += 1;
        at -= 1 + w.len();
        if run > 8 {
            break;
        }
    }
    let mut at = m.end;
    while let Some(w) = word_after(text, at).filter(|w| cap(w)) {
        run += 1;
        at += 1 + w.len();
        if run > 16 {
            break;
        }
    }
    let (outside, capitalised_outside) = (
        words.len().saturating_sub(run),
        capitalised.saturating_sub(run),
    );
    if outside >= 3 && capitalised_outside * 2 > outside {
        return false;
    }
    let part = |w: &str| {
        (title_case(w) || (w.len() >= 2 && w.chars().all(char::is_uppercase)))
            && !NAME_EXTENSIONS.contains(&crate::normalize::fold_text(w).as_str())
    };
    let before = word_before(text, m.start).filter(|w| {
        let at = m.start - 1 - w.len();
        part(w) && !starts_sentence(text, at)
    });
    // A capitalised word after the name that starts a person's name ("de Libération Alexandre
    // Hervaud") is an apposition, not the rest of a longer name: two capitalised words follow.
    let after = word_after(text, m.end).filter(|w| {
        part(w) && {
            let next = word_after(text, m.end + 1 + w.len());
            !next.is_some_and(title_case)
        }
    });
    before.is_some() || after.is_some()
}

/// Acronyms the text defines as something else: "Supreme People's Assembly (SPA)" where the
/// occurrence of SPA is not merged with an expansion of the same source, or a company's name the
/// acronym begins ("AFP Imaging Corp"). Returns, for each such
/// occurrence's source, the acronym as written.
pub fn defined_elsewhere(
    text: &str,
    matches: &[RawMatch],
    sources: &[crate::registry::Source],
) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for m in matches {
        let written = &text[m.start..m.end];
        let letters: Vec<char> = written.chars().collect();
        if !(2..=6).contains(&letters.len()) || !letters.iter().all(|c| c.is_uppercase()) {
            continue;
        }
        if heads_company_name(text, m.end) {
            out.push((m.source, written.to_string()));
            continue;
        }
        let Some(head) = text[..m.start].trim_end().strip_suffix('(') else {
            continue;
        };
        if !text[m.end..].trim_start().starts_with(')') {
            continue;
        }
        // The capitalised words before the parenthesis, small words skipped.
        let from = crate::normalize::floor_char_boundary(head, head.len().saturating_sub(160));
        let expansion: Vec<&str> = head[from..]
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty())
            .rev()
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(
                        *w,
                        "of" | "de"
                            | "du"
                            | "des"
                            | "la"
                            | "del"
                            | "für"
                            | "der"
                            | "and"
                            | "et"
                            | "y"
                            | "the"
                    )
            })
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let initials: Vec<char> = expansion
            .iter()
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        if initials.ends_with(&letters) && !names_the_source(&expansion, &sources[m.source]) {
            out.push((m.source, written.to_string()));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Company-form suffixes in English, French, Spanish and German copy.
const COMPANY_SUFFIXES: &[&str] = &[
    "Corp",
    "Corporation",
    "Inc",
    "Incorporated",
    "Ltd",
    "Limited",
    "Co",
    "Plc",
    "PLC",
    "LLC",
    "SA",
    "AG",
    "GmbH",
    "NV",
    "BV",
    "SpA",
    "Bancorp",
    "Holdings",
];

/// True when the capitalised words right after an acronym end with a company-form suffix ("AFP
/// Imaging Corp", "AFP IMAGING CORP", "ATS Medical Inc"): the acronym begins a company's name, and
/// the article's other bare uses of it ("AFP also said") name that company too.
fn heads_company_name(text: &str, end: usize) -> bool {
    let rest = &text[end..crate::normalize::floor_char_boundary(text, (end + 60).min(text.len()))];
    // The name runs on over spaces only: "AP - RealNetworks Inc." is a credit, then a company.
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    for w in rest.split(' ').take(4) {
        let word = w.trim_end_matches(['.', ',']);
        if COMPANY_SUFFIXES.contains(&word)
            || COMPANY_SUFFIXES.iter().any(|s| s.to_uppercase() == word)
        {
            return true;
        }
        let plain = !word.is_empty() && word.chars().all(|c| c.is_alphanumeric() || c == '&');
        if !plain || !word.starts_with(char::is_uppercase) || word.len() != w.len() {
            return false;
        }
    }
    false
}

/// True when most capitalised words of an acronym's expansion occur in one of the source's own
/// names: "Direction Générale de Sécurité Intérieure (DGSI)" spells the DGSI; "Supreme People's
/// Assembly (SPA)" is not the Saudi Press Agency, whatever the initials.
fn names_the_source(expansion: &[&str], source: &crate::registry::Source) -> bool {
    let caps: Vec<String> = expansion
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| crate::normalize::fold_text(w))
        .collect();
    if caps.is_empty() {
        return false;
    }
    std::iter::once(source.name.as_str())
        .chain(source.aliases.iter().map(|a| a.text.as_str()))
        .any(|name| {
            let folded = crate::normalize::fold_text(name);
            let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).collect();
            caps.iter().filter(|c| words.contains(&c.as_str())).count() * 2 > caps.len()
        })
}

/// Drops citations that need a language check and fail it: a bare acronym (2–5 capitals as written)
/// of an agency, or an unaccented spelling of an outlet's ordinary-word name, in a language the
/// source does not publish in, outside a credit line and without a descriptor ("l'agence ANP").
/// `lang` gives the text's own language (the input's `lang` column may be wrong); it is called only
/// when some citation needs the check, so most articles never guess their language here.
pub fn drop_foreign_names(
    citations: &mut Vec<Citation>,
    text: &str,
    title: Option<&str>,
    registry: &Registry,
    lang: impl FnOnce() -> Option<String>,
) {
    let field_of = |c: &Citation| match c.field {
        super::Field::Text => text,
        super::Field::Title => title.unwrap_or(""),
    };
    let needs_check = |c: &Citation| {
        let Some(source) = registry.get(&c.source) else {
            return false;
        };
        let written = field_of(c).get(c.start..c.end).unwrap_or("");
        let acronym = (2..=5).contains(&written.chars().count())
            && written.chars().all(char::is_uppercase)
            && matches!(source.kind, SourceKind::NewsAgency | SourceKind::StateMedia);
        c.kind != CitationKind::Credit && (acronym || unaccented_spelling(written, source))
    };
    if !citations.iter().any(needs_check) {
        return;
    }
    let Some(lang) = lang() else { return };
    citations.retain(|c| {
        if !needs_check(c) {
            return true;
        }
        let field = field_of(c);
        // "l'agence de presse néerlandaise ANP": named as an agency, not a bare acronym.
        let from = crate::normalize::floor_char_boundary(field, c.start.saturating_sub(60));
        let described = crate::citations::cues::words(&field[from..c.start])
            .iter()
            .rev()
            .take(5)
            .any(|w| AGENCY_WORDS.contains(&w.as_str()));
        described
            || registry.get(&c.source).is_some_and(|source| {
                source.languages.is_empty() || source.languages.contains(&lang)
            })
    });
}

/// True when `written` is a case-sensitive alias of `source` spelled without its accents
/// ("Liberation" for "=Libération"): in a language the source does not publish in, that spelling
/// is an ordinary word ("Korea's Liberation"), not the name.
fn unaccented_spelling(written: &str, source: &crate::registry::Source) -> bool {
    source.kind == SourceKind::Outlet
        && written.is_ascii()
        && !written.contains(char::is_whitespace)
        && source.aliases.iter().any(|a| {
            a.case_sensitive
                && !a.text.is_ascii()
                && crate::normalize::fold_text(&a.text) == crate::normalize::fold_text(written)
        })
}
