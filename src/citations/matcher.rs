//! Dictionary matching of registry aliases over folded text with one Aho-Corasick automaton.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::normalize::{at_word_boundary, fold_keep_case, fold_text, Folded};
use crate::registry::{Registry, SourceKind};

/// What a pattern of the automaton stands for.
#[derive(Debug, Clone)]
struct Pattern {
    /// Registry index of the source, or `None` for a blocker phrase.
    source: Option<usize>,
    /// The alias folded but with its case kept, for case-sensitive aliases.
    exact: Option<String>,
    credit_only: bool,
    /// A short agency acronym written in another case still counts, in a credit line only:
    /// "(Afp-Ap)", "/ ats-afp-ap", "( ap )" (OCR and Swiss sign-offs are written in any case).
    rescue: bool,
    /// Spaced initials ("A. F. P."): a credit-parenthesis form only.
    spaced: bool,
}

/// True for a single-word alias of 2–5 letters written all in capitals or all in lower case
/// ("AP", "dpa", "EFE"): an acronym, whose other-case forms are credits in a credit line.
fn is_acronym(alias: &str) -> bool {
    let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
    (2..=5).contains(&letters)
        && alias.chars().all(char::is_alphabetic)
        && (alias.chars().all(char::is_uppercase) || alias.chars().all(char::is_lowercase))
}

/// Spaced-initial spellings of an upper-case acronym, as typewritten and OCR'd papers print it:
/// "A. F. P.", "A.F.P.", "A . F . P .".
fn spaced_initials(alias: &str) -> Vec<String> {
    if alias.len() < 2 || alias.len() > 5 || !alias.chars().all(|c| c.is_ascii_uppercase()) {
        return Vec::new();
    }
    let letters: Vec<String> = alias.chars().map(|c| c.to_string()).collect();
    vec![
        letters
            .iter()
            .map(|l| format!("{l}."))
            .collect::<Vec<_>>()
            .join(" "),
        letters.iter().map(|l| format!("{l}.")).collect::<String>(),
        letters
            .iter()
            .map(|l| format!("{l} ."))
            .collect::<Vec<_>>()
            .join(" "),
    ]
}

/// One alias occurrence in a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMatch {
    /// Registry index of the source.
    pub source: usize,
    /// Byte range in the original field.
    pub start: usize,
    /// End of the byte range in the original field.
    pub end: usize,
    /// Byte range in the folded text.
    pub fstart: usize,
    /// End of the byte range in the folded text.
    pub fend: usize,
    /// The alias only counts in a credit-like context.
    pub credit_only: bool,
    /// Matched in another case than the registry's, or as spaced initials: counts only inside a
    /// credit parenthesis or joined to another source by a hyphen or slash ("(Afp-Ap)").
    pub rescued: bool,
    /// The alias is case-sensitive in the registry: a name that is also an ordinary word.
    pub case_sensitive: bool,
    /// Found by the OCR rules in a dateline credit parenthesis ([`super::ocr`]): a credit by
    /// position.
    pub ocr_credit: bool,
}

/// The compiled alias automaton.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: AhoCorasick,
    /// Per automaton key, every alias folded to it ("=EFE" and "=Efe" share the key `efe`).
    patterns: Vec<Vec<Pattern>>,
}

impl Matcher {
    /// Builds the automaton from every alias of `registry` plus `blockers` (phrases that hide any
    /// alias they contain, such as "Dow Jones industrial").
    pub fn new(registry: &Registry, blockers: &[String]) -> Matcher {
        let mut keys: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        for (i, s) in registry.sources().iter().enumerate() {
            let agency = matches!(s.kind, SourceKind::NewsAgency | SourceKind::StateMedia);
            for a in &s.aliases {
                let key = fold_text(&a.text).trim().to_string();
                if key.is_empty() {
                    continue;
                }
                keys.push(key);
                patterns.push(Pattern {
                    source: Some(i),
                    exact: a
                        .case_sensitive
                        .then(|| fold_keep_case(&a.text).trim().to_string()),
                    credit_only: a.credit_only,
                    rescue: agency && a.case_sensitive && is_acronym(a.text.trim()),
                    // A parenthesis-only alias is held to the spaced initials' rule.
                    spaced: a.paren_only,
                });
                // Spaced initials of an agency, in capitals, inside a credit parenthesis only
                // ("(A. F. P.)"): "S.P.A." and "F.S.B." in company names are not agencies.
                if !agency {
                    continue;
                }
                for spelled in spaced_initials(a.text.trim()) {
                    keys.push(fold_text(&spelled).trim().to_string());
                    patterns.push(Pattern {
                        source: Some(i),
                        exact: Some(fold_keep_case(&spelled).trim().to_string()),
                        credit_only: true,
                        rescue: false,
                        spaced: true,
                    });
                }
            }
        }
        for b in blockers {
            let key = fold_text(b).trim().to_string();
            if !key.is_empty() {
                keys.push(key);
                patterns.push(Pattern {
                    source: None,
                    exact: None,
                    credit_only: false,
                    rescue: false,
                    spaced: false,
                });
            }
        }
        // One automaton key per folded form: the aliases sharing it are told apart by case.
        let mut grouped: std::collections::BTreeMap<String, Vec<Pattern>> = Default::default();
        let mut order: Vec<String> = Vec::new();
        for (k, p) in keys.into_iter().zip(patterns) {
            let e = grouped.entry(k.clone()).or_default();
            if e.is_empty() {
                order.push(k);
            }
            e.push(p);
        }
        let patterns: Vec<Vec<Pattern>> = order
            .iter()
            .map(|k| grouped.remove(k).unwrap_or_default())
            .collect();
        let keys = order;
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&keys)
            .or_else(|_| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&keys)
            })
            .expect("alias automaton builds");
        Matcher { ac, patterns }
    }

    /// Every whole-word alias occurrence in `original` (whose folded form is `folded`), in order.
    pub fn find(&self, original: &str, folded: &Folded) -> Vec<RawMatch> {
        let mut out = Vec::new();
        let hay = folded.text.as_str();
        // Overlapping starts are needed when a case-sensitive alias fails: restart right after it.
        let mut at = 0;
        while at < hay.len() {
            let input = aho_corasick::Input::new(hay).range(at..);
            let Some(m) = self.ac.find(input) else { break };
            let variants = &self.patterns[m.pattern().as_usize()];
            let ok_boundary = at_word_boundary(hay, m.start(), m.end());
            let (start, end) = folded.original_range(m.start(), m.end());
            let written = || fold_keep_case(&original[start..end]);
            let case_of = |p: &Pattern, w: &str| p.exact.as_deref().is_none_or(|e| w.trim() == e);
            // The first alias whose case fits, else the first that may be rescued.
            let (pat, ok_case) = if variants.iter().all(|p| p.exact.is_none()) {
                (&variants[0], true)
            } else {
                let w = written();
                match variants.iter().find(|p| case_of(p, &w)) {
                    Some(p) => (p, true),
                    None => (
                        variants.iter().find(|p| p.rescue).unwrap_or(&variants[0]),
                        false,
                    ),
                }
            };
            // Spaced initials after an elided French article ("au représentant de l'A. F. P.")
            // are a name: "S.P.A." and "F.S.B." after a company name never take "l'".
            let named = pat.spaced && elided_article_before(original, start);
            match pat.source {
                Some(source) if ok_boundary && (ok_case || pat.rescue) => {
                    out.push(RawMatch {
                        source,
                        start,
                        end,
                        fstart: m.start(),
                        fend: m.end(),
                        credit_only: (pat.credit_only && !named) || !ok_case,
                        rescued: !ok_case || (pat.spaced && !named),
                        case_sensitive: pat.exact.is_some() && !pat.spaced,
                        ocr_credit: false,
                    });
                    at = m.end();
                }
                None if ok_boundary => at = m.end(),
                _ => at = next_char(hay, m.start()),
            }
        }
        out
    }
}

/// True when `text` right before `at` is an elided article: "l'", "l’", "d'" (the apostrophe
/// glued to the name).
fn elided_article_before(text: &str, at: usize) -> bool {
    let head = &text[..at];
    let Some(rest) = head.strip_suffix('\'').or_else(|| head.strip_suffix('’')) else {
        return false;
    };
    let mut it = rest.chars().rev();
    matches!(it.next(), Some('l' | 'L' | 'd' | 'D'))
        && it.next().is_none_or(|c| !c.is_alphanumeric())
}

fn next_char(s: &str, i: usize) -> usize {
    i + s[i..].chars().next().map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    fn registry() -> Registry {
        Registry::parse(
            "id,name,kind,country,languages,domains,aliases,prior_mean,prior_strength,prior_source\n\
             AFP,AFP,news_agency,FR,fr,afp.com,AFP|Agence France-Presse,0.9,10,x\n\
             AP,AP,news_agency,US,en,apnews.com,=!AP|Associated Press,0.9,10,x\n\
             LeMonde,Le Monde,outlet,FR,fr,lemonde.fr,=Le Monde,0.8,10,x\n\
             Anadolu,Anadolu,news_agency,TR,tr,aa.com.tr,Anadolu,0.6,4,x\n",
            "t",
        )
        .unwrap()
    }

    fn ids(text: &str) -> Vec<(String, &str)> {
        let r = registry();
        let m = Matcher::new(&r, &["Anadolu Efes".to_string()]);
        let f = fold(text);
        m.find(text, &f)
            .into_iter()
            .filter(|x| !x.rescued)
            .map(|x| (r.sources()[x.source].id.clone(), &text[x.start..x.end]))
            .collect()
    }

    /// Every match in `text` as written, with its `rescued` and `credit_only` flags.
    fn flags(text: &str) -> Vec<(&str, bool, bool)> {
        let m = Matcher::new(&registry(), &[]);
        m.find(text, &fold(text))
            .iter()
            .map(|x| (&text[x.start..x.end], x.rescued, x.credit_only))
            .collect()
    }

    #[test]
    fn agency_acronyms_in_another_case_are_kept_as_rescued_credit_only_matches() {
        let got = flags("(Afp-Ap) ap courses A. F. P.");
        assert_eq!(
            got,
            [
                ("Afp", false, false),
                ("Ap", true, true),
                ("ap", true, true),
                ("A. F. P.", true, true)
            ]
        );
    }

    #[test]
    fn spaced_initials_after_an_elided_article_are_a_name() {
        let got = flags("au représentant de l'A. F. P. le général; Fiat S.P.A. d’A.F.P.");
        assert_eq!(got, [("A. F. P.", false, false), ("A.F.P.", false, false)]);
        assert!(!elided_article_before("Fiat A.F.P.", 5));
        assert!(!elided_article_before("appel'A", 6));
    }

    #[test]
    fn finds_folded_aliases_with_original_spans() {
        assert_eq!(
            ids("Selon l’AFP et l'agence France–Presse"),
            [
                ("AFP".to_string(), "AFP"),
                ("AFP".to_string(), "agence France–Presse")
            ]
        );
    }

    #[test]
    fn respects_word_boundaries_case_and_blockers() {
        assert!(ids("la safpx du monde entier").is_empty());
        assert!(ids("dans le monde entier").is_empty());
        assert_eq!(ids("selon Le Monde")[0].0, "LeMonde");
        assert!(ids("ap courses").is_empty());
        assert_eq!(ids("(AP)")[0].1, "AP");
        assert!(ids("Anadolu Efes won").is_empty());
        assert_eq!(ids("l'agence Anadolu")[0].0, "Anadolu");
    }
}
