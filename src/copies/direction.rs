//! Who copied whom, and whether the credit survived.

use std::cmp::Ordering;

/// What the direction rules know about one side of a pair.
#[derive(Debug, Clone)]
pub struct Side<'a> {
    /// Publication date `YYYY-MM-DD`.
    pub published: Option<&'a str>,
    /// Registry ids of the wire agencies this side credits or attributes content to.
    pub credits: Vec<String>,
    /// Registry ids this side credits, attributes or relays (any sourcing).
    pub sourced: Vec<String>,
    /// Words outside boilerplate.
    pub words: usize,
    /// The side names the other side's outlet (in its text or through a registry source).
    pub names_other_outlet: bool,
}

/// Share of the shorter side found in the longer for "the more complete version is the original".
pub const TRIMMED: f64 = 0.95;

/// What decided which side of a pair is the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The earlier `published` date.
    Published,
    /// The side carrying the wire credit the other lacks: it is closer to the dispatch, but the
    /// other may have taken the dispatch from the wire rather than from this side.
    Credit,
    /// The clearly more complete version of a wholesale copy.
    Completeness,
    /// Of a translation, the side without machine-translation artefacts or credit to a
    /// foreign-language original.
    Artefacts,
    /// Of a translation, the side written in the language of the wire both credit.
    CreditLanguage,
}

/// Index (0 for a, 1 for b) of the likely original of a translated pair: the earlier date, else
/// the side without translation marks when only the other has them, else the side written in the
/// home language of a wire either side credits when only one is (each side is given as
/// `(side, language, translation marks, home languages of its wires)`); `None` when nothing in
/// the texts decides.
pub fn translation_original(
    a: (&Side, Option<&str>, bool, &[String]),
    b: (&Side, Option<&str>, bool, &[String]),
) -> Option<(usize, Basis)> {
    if let (Some(da), Some(db)) = (a.0.published, b.0.published) {
        match da.cmp(db) {
            Ordering::Less => return Some((0, Basis::Published)),
            Ordering::Greater => return Some((1, Basis::Published)),
            Ordering::Equal => {}
        }
    }
    if a.2 != b.2 {
        return Some((if a.2 { 1 } else { 0 }, Basis::Artefacts));
    }
    let homes: Vec<&String> = a.3.iter().chain(b.3).collect();
    let in_wire_lang = |x: &(&Side, Option<&str>, bool, &[String])| {
        x.1.is_some_and(|l| homes.iter().any(|w| *w == l))
    };
    match (in_wire_lang(&a), in_wire_lang(&b)) {
        (true, false) => Some((0, Basis::CreditLanguage)),
        (false, true) => Some((1, Basis::CreditLanguage)),
        _ => None,
    }
}

/// Index (0 for a, 1 for b) of the likely original, or `None` when the evidence does not decide.
///
/// The earlier publication date decides when both sides have one. Otherwise the side carrying a
/// wire credit the other lacks is closer to the dispatch. When both credit a wire, both ran the
/// dispatch and neither copied the other (`None`: they share a virtual origin). Failing that, in a
/// wholesale copy the clearly more complete version (a fifth longer, the shorter [`TRIMMED`]
/// inside it) is the original.
pub fn original(a: &Side, b: &Side, wholly: bool, contained_small: f64) -> Option<(usize, Basis)> {
    if let (Some(da), Some(db)) = (a.published, b.published) {
        match da.cmp(db) {
            Ordering::Less => return Some((0, Basis::Published)),
            Ordering::Greater => return Some((1, Basis::Published)),
            Ordering::Equal => {}
        }
    }
    let ca = !a.credits.is_empty();
    let cb = !b.credits.is_empty();
    if ca != cb {
        return Some((if ca { 0 } else { 1 }, Basis::Credit));
    }
    if ca && cb {
        return None;
    }
    // Only a trim decides: the shorter side has nothing of its own. An update of a dispatch is
    // longer too, but it is the later version, and the earlier one is rarely all inside it.
    if wholly && contained_small >= TRIMMED {
        let (la, lb) = (a.words as f64, b.words as f64);
        if la >= 1.2 * lb {
            return Some((0, Basis::Completeness));
        }
        if lb >= 1.2 * la {
            return Some((1, Basis::Completeness));
        }
    }
    None
}

/// Agencies either side credits, sorted and deduplicated.
pub fn common_sources(a: &Side, b: &Side) -> Vec<String> {
    let mut v: Vec<String> = a.credits.iter().chain(&b.credits).cloned().collect();
    v.sort();
    v.dedup();
    v
}

/// Whether `side` credits one of `common`, or names the other side's outlet when the other side
/// is the original; `None` when there is nothing it could credit.
pub fn credited(side: &Side, common: &[String], other_is_original: bool) -> Option<bool> {
    let names = other_is_original && side.names_other_outlet;
    if common.is_empty() && !names {
        return if other_is_original { Some(false) } else { None };
    }
    Some(names || side.sourced.iter().any(|s| common.contains(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(published: Option<&'static str>, credits: &[&str], words: usize) -> Side<'static> {
        let c: Vec<String> = credits.iter().map(|s| s.to_string()).collect();
        Side {
            published,
            credits: c.clone(),
            sourced: c,
            words,
            names_other_outlet: false,
        }
    }

    #[test]
    fn translation_original_by_date_then_marks_then_wire_home_language() {
        let de = side(None, &["DPA"], 100);
        let fr = side(None, &[], 100);
        let home = ["de".to_string()];
        // A dpa dispatch in German and its French version: the German side.
        assert_eq!(
            translation_original(
                (&de, Some("de"), false, &home),
                (&fr, Some("fr"), false, &[])
            ),
            Some((0, Basis::CreditLanguage))
        );
        // The French side carries machine-translation marks: the other is the original.
        assert_eq!(
            translation_original((&fr, Some("fr"), true, &[]), (&de, Some("de"), false, &[])),
            Some((1, Basis::Artefacts))
        );
        // A wire whose home language is neither side's (KCNA: Korean) decides nothing.
        let ko = ["ko".to_string()];
        assert_eq!(
            translation_original((&de, Some("en"), false, &ko), (&fr, Some("es"), false, &ko)),
            None
        );
        // Dates first.
        let early = side(Some("2024-01-01"), &[], 100);
        let late = side(Some("2024-01-02"), &["DPA"], 100);
        assert_eq!(
            translation_original(
                (&late, Some("de"), false, &home),
                (&early, Some("fr"), false, &[])
            ),
            Some((1, Basis::Published))
        );
    }

    #[test]
    fn dates_then_credit_then_completeness() {
        let original =
            |a: &Side, b: &Side, w: bool, c: f64| super::original(a, b, w, c).map(|o| o.0);
        assert_eq!(
            original(
                &side(Some("2024-10-02"), &[], 100),
                &side(Some("2024-10-01"), &["AFP"], 300),
                true,
                1.0
            ),
            Some(1)
        );
        assert_eq!(
            original(&side(None, &["AFP"], 100), &side(None, &[], 300), true, 1.0),
            Some(0)
        );
        assert_eq!(
            original(&side(None, &[], 300), &side(None, &[], 100), true, 0.97),
            Some(0)
        );
        // An update is longer but later: a shorter side with text of its own decides nothing.
        assert_eq!(
            original(&side(None, &[], 300), &side(None, &[], 100), true, 0.9),
            None
        );
        assert_eq!(
            original(&side(None, &[], 110), &side(None, &[], 100), true, 0.9),
            None
        );
        // Two runs of one credited dispatch: neither copied the other, however long.
        assert_eq!(
            original(
                &side(None, &["AFP"], 300),
                &side(None, &["AFP"], 100),
                true,
                1.0
            ),
            None
        );
        assert_eq!(
            original(
                &side(None, &["AFP"], 110),
                &side(None, &["AFP"], 100),
                false,
                0.9
            ),
            None
        );
    }

    #[test]
    fn credit_survival() {
        let wire = side(None, &["AFP"], 100);
        let bare = side(None, &[], 100);
        let common = common_sources(&wire, &bare);
        assert_eq!(common, ["AFP"]);
        assert_eq!(credited(&bare, &common, true), Some(false));
        assert_eq!(credited(&wire, &common, false), Some(true));
        assert_eq!(credited(&bare, &[], false), None);
    }
}
