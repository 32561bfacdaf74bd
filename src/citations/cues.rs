//! The cue lexicon (`data/citations/cues.csv`): words of credit lines, media credits, attribution
//! verbs and relay phrases in French, English, Spanish and German.

use std::collections::HashSet;

use crate::normalize::fold_text;

/// The bundled cue lexicon.
pub const BUNDLED_CUES: &str = include_str!("../../data/citations/cues.csv");
/// The bundled blocker phrases.
pub const BUNDLED_BLOCKERS: &str = include_str!("../../data/citations/blockers.txt");

/// Cue phrases, each stored as folded words.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    /// Words allowed in a credit line beside source names.
    pub credit_words: HashSet<String>,
    /// Words marking a media (photo, video) credit.
    pub photo: HashSet<String>,
    /// Attribution phrases before the source.
    pub before: Vec<Vec<String>>,
    /// Attribution phrases right after the source.
    pub after: Vec<Vec<String>>,
    /// "X, citing Y".
    pub relay_forward: Vec<Vec<String>>,
    /// "Y, cited by X".
    pub relay_backward: Vec<Vec<String>>,
    /// Stems of speech verbs, for speech frames ("expliquait lundi soir à Reuters").
    pub speech_stems: Vec<String>,
    /// Dative prepositions after a speech verb ("à", "to", "a", "gegenüber").
    pub dative: HashSet<String>,
    /// Articles and descriptors between a preposition and a name ("l'agence", "the daily").
    pub name_lead: HashSet<String>,
    /// An agency's staff ("journalistes", "reporters", "corresponsal").
    pub observer: HashSet<String>,
    /// Nouns that name a person by the institution they occupy ("le locataire de la Maison
    /// Blanche", "the occupant of the Elysée", "el inquilino de la Moncloa"): the person speaks,
    /// and the institution is only mentioned.
    pub periphrasis: HashSet<String>,
    /// Stems of perception verbs ("vu", "constat", "witness", "sah").
    pub perception_stems: Vec<String>,
    /// Passive auxiliaries ("été", "been", "sido", "worden").
    pub passive: HashSet<String>,
    /// Articles that carry the dative themselves after a speech verb ("sagte … der Bild-Zeitung").
    pub dative_article: HashSet<String>,
    /// Personal pronouns: a subject of its own between a name and a verb ("with NATO, he said").
    pub pronoun: HashSet<String>,
    /// Nouns naming a wire item ("dépêche", "Meldung", "dispatch", "despacho"): "une dépêche
    /// Havas", "Reuter-Meldung" relay the source's dispatch.
    pub dispatch: HashSet<String>,
    /// Nouns naming an agency as such ("agence", "Agentur", "agency"): "l'agence Reuter" is the
    /// agency, not the surname.
    pub agency_word: HashSet<String>,
    /// German datives that govern a source across a subject and time words ("sagte X am Sonntag
    /// der APA", "hieß es im Ministerium zur APA").
    pub distant_dative: HashSet<String>,
    /// German time nouns, matched as word prefixes ("Dienstagvormittag"): "am Sonntag der APA" is
    /// a dative, "ein Sprecher der APA" a genitive.
    pub time_words: Vec<String>,
    /// German prepositions: "auf der Konferenz" is not a dative of speech.
    pub preposition: HashSet<String>,
    /// Attribution cues strong enough to unlock an ambiguous acronym right after them ("according
    /// to AP", "selon l'AP").
    pub direct_cue: Vec<Vec<String>>,
}

/// Folded word tokens of `s` (runs of letters and digits).
pub fn words(s: &str) -> Vec<String> {
    fold_text(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

impl Cues {
    /// Parses the lexicon (`role,lang,phrase`, `#` comments).
    pub fn parse(text: &str) -> Cues {
        let mut c = Cues::default();
        for line in text.lines().skip(1) {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.splitn(3, ',');
            let (Some(role), Some(_lang), Some(phrase)) =
                (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let w = words(phrase);
            if w.is_empty() {
                continue;
            }
            match role {
                "credit_word" => c.credit_words.extend(w),
                "photo" => c.photo.extend(w),
                "before" => c.before.push(w),
                "after" => c.after.push(w),
                "relay_forward" => c.relay_forward.push(w),
                "relay_backward" => c.relay_backward.push(w),
                "speech_stem" => c.speech_stems.extend(w),
                "dative" => c.dative.extend(w),
                "name_lead" => c.name_lead.extend(w),
                "observer" => c.observer.extend(w),
                "periphrasis" => c.periphrasis.extend(w),
                "perception_stem" => c.perception_stems.extend(w),
                "passive" => c.passive.extend(w),
                "dative_article" => c.dative_article.extend(w),
                "pronoun" => c.pronoun.extend(w),
                "dispatch" => c.dispatch.extend(w),
                "agency_word" => c.agency_word.extend(w),
                "distant_dative" => c.distant_dative.extend(w),
                "time_word" => c.time_words.extend(w),
                "preposition" => c.preposition.extend(w),
                "direct_cue" => c.direct_cue.push(w),
                _ => {}
            }
        }
        c
    }

    /// The lexicon bundled with credence.
    pub fn bundled() -> Cues {
        Cues::parse(BUNDLED_CUES)
    }
}

/// Blocker phrases, one per line, `#` comments.
pub fn parse_blockers(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Position of the first occurrence of `phrase` as consecutive words in `tokens`.
pub fn find_phrase(tokens: &[String], phrase: &[String]) -> Option<usize> {
    if phrase.is_empty() || phrase.len() > tokens.len() {
        return None;
    }
    (0..=tokens.len() - phrase.len()).find(|&i| tokens[i..i + phrase.len()] == *phrase)
}

/// Position of the first occurrence of `phrase` in `tokens` where consecutive phrase words may be
/// separated by at most `gap` other words ("explique ainsi à", "a annoncé jeudi").
pub fn find_phrase_gapped(tokens: &[String], phrase: &[String], gap: usize) -> Option<usize> {
    let (first, rest) = phrase.split_first()?;
    'start: for i in (0..tokens.len()).filter(|&i| tokens[i] == *first) {
        let mut at = i;
        for w in rest {
            let end = (at + 2 + gap).min(tokens.len());
            match (at + 1..end).find(|&j| tokens[j] == *w) {
                Some(j) => at = j,
                None => continue 'start,
            }
        }
        return Some(i);
    }
    None
}

/// True when any of `phrases` occurs in `tokens`.
pub fn any_phrase(tokens: &[String], phrases: &[Vec<String>]) -> bool {
    phrases.iter().any(|p| find_phrase(tokens, p).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicon_has_every_role() {
        let c = Cues::bundled();
        assert!(c.credit_words.contains("avec"));
        assert!(c.photo.contains("photo"));
        assert!(c.before.iter().any(|p| p == &["selon"]));
        assert!(c.after.iter().any(|p| p == &["a", "declare"]));
        assert!(c.relay_forward.iter().any(|p| p == &["citing"]));
        assert!(c.relay_backward.iter().any(|p| p == &["cite", "par"]));
    }

    #[test]
    fn phrases_match_consecutive_words() {
        let t = words("a-t-il déclaré à l'AFP");
        assert_eq!(find_phrase(&t, &words("déclaré à")), Some(3));
        assert_eq!(find_phrase(&t, &words("à déclaré")), None);
        let t = words("explique ainsi à l'agence");
        assert_eq!(find_phrase(&t, &words("explique à")), None);
        assert_eq!(find_phrase_gapped(&t, &words("explique à"), 1), Some(0));
        assert_eq!(
            find_phrase_gapped(&words("explique x y à"), &words("explique à"), 1),
            None
        );
    }
}
