//! Attribution frames read over folded words around an occurrence, beyond fixed cue phrases:
//! a speech verb in any tense with a bounded gap before its dative ("a déclaré jeudi à l'AFP",
//! "dijo el martes a Efe"), an agency's staff as observers ("des journalistes de Reuters ont vu"),
//! and passive voice after a name ("le programme de la NSA a été révélé"), which is news about
//! the source rather than its statement. Lexicons are in `data/citations/cues.csv`.

use super::cues::Cues;

/// Letters a word may have beyond its stem ("declar" → "déclarait", not "déclarations").
const STEM_SLACK: usize = 4;

/// True when the words between a previous source and this one end with this one's own dative
/// ("assure l'Elysée à l'AFP": the speech verb governs AFP through "à").
pub fn ends_with_dative(between: &[String], cues: &Cues) -> bool {
    let mut k = between.len();
    while k > 0 && cues.name_lead.contains(&between[k - 1]) {
        k -= 1;
    }
    k > 0 && cues.dative.contains(&between[k - 1])
}

/// Words of time or manner allowed between a speech verb and its dative ("jeudi", "lundi soir",
/// "el martes", "on Monday").
const SPEECH_GAP: usize = 3;

/// True when `word` is `stem` followed by at most [`STEM_SLACK`] letters.
///
/// A feminine or plural past participle ("confiée", "indiquées") is passive or adjectival
/// ("une commission confiée à la DGSI"): speech is reported with avoir ("a confié à").
fn has_stem(word: &str, stems: &[String]) -> bool {
    !word.ends_with("ee")
        && !word.ends_with("ees")
        && stems
            .iter()
            .any(|s| word.starts_with(s.as_str()) && word.len() <= s.len() + STEM_SLACK)
}

/// Where the words before a name (nearest last) end once at most `max` of its articles and
/// descriptors ("l'agence", "the daily", "der Nachrichtenagentur") are walked back over: the index
/// just past the last word that is not one. `lead` says which words count as descriptors.
fn skip_leads(before: &[String], max: usize, lead: impl Fn(&str) -> bool) -> usize {
    let mut k = before.len();
    while k > 0 && before.len() - k < max && lead(&before[k - 1]) {
        k -= 1;
    }
    k
}

/// True when the words just before a source (`before`, nearest last) end with a speech frame:
/// a speech verb, up to [`SPEECH_GAP`] other words, a dative, then only articles and descriptors.
pub fn speech_frame(before: &[String], cues: &Cues) -> bool {
    let k = skip_leads(before, 3, |w| cues.name_lead.contains(w));
    let dative = if k > 0 && cues.dative.contains(&before[k - 1]) {
        k - 1
    } else if let Some(j) = (k..before.len()).find(|&j| cues.dative_article.contains(&before[j])) {
        // German marks the dative on the article: "sagte Musiker Heino der Bild-Zeitung".
        j
    } else {
        return false;
    };
    let from = dative.saturating_sub(SPEECH_GAP + 1);
    before[from..dative]
        .iter()
        .any(|w| has_stem(w, &cues.speech_stems))
}

/// True when the clause before a source is an inverted speech incise: it opens with a speech verb
/// (after an optional auxiliary) and names the source within a few words ("…, signale l'agence de
/// presse néerlandaise ANP", "…, said Reuters", "…, informó la agencia EFE").
pub fn incise(clause: &[String], cues: &Cues) -> bool {
    let mut k = 0;
    if clause.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "a" | "ont" | "avait" | "avaient" | "has" | "had" | "ha" | "han" | "hat"
        )
    }) {
        k = 1;
    }
    clause
        .get(k)
        .is_some_and(|w| has_stem(w, &cues.speech_stems))
        && clause.len() - k - 1 <= 5
}

/// True when the source is named as the employer of observers ("journalistes de l'AFP",
/// "Reuters reporters", "periodistas de EFE") who saw, counted or witnessed what is reported.
/// `before` are the words before the name (nearest last), `after` those after it.
pub fn observed(before: &[String], after: &[String], cues: &Cues) -> bool {
    let staff_before = staff_before(before, cues).is_some();
    let staff_after = after.first().is_some_and(|w| cues.observer.contains(w));
    if !(staff_before || staff_after) {
        return false;
    }
    let window = &after[..after.len().min(5)];
    // "ont été agressés", "were attacked": the staff are the subject of the news, not observers.
    let passive = window.iter().any(|w| cues.passive.contains(w));
    // Staff who see, count or witness are observers; staff who report ("le correspondant de
    // l'agence Reuter à Berlin télégraphie que…") speak for the agency.
    !passive
        && window.iter().any(|w| {
            has_stem(w, &cues.perception_stems) || (staff_before && has_stem(w, &cues.speech_stems))
        })
}

/// Words a German subordinate clause may hold between the name and its final verb.
const VERB_FINAL_GAP: usize = 12;

/// True when a German "wie" clause names the source and ends with its reporting verb ("wie die
/// Nachrichtenagentur Reuters unter Berufung auf Diplomaten berichtete"): German puts the verb of
/// a subordinate clause last. `before` ends at the name (nearest last); `clause` are the words
/// after the name up to the end of its clause.
pub fn verb_final(before: &[String], clause: &[String], cues: &Cues) -> bool {
    let k = skip_leads(before, 3, |w| cues.name_lead.contains(w));
    k > 0
        && before[k - 1] == "wie"
        && clause[..clause.len().min(VERB_FINAL_GAP)]
            .iter()
            .any(|w| has_stem(w, &cues.speech_stems))
}

/// Index in `before` (words before a name, nearest last) of an agency staff word among the last
/// six ("journalistes de l'agence espagnole"), if any.
pub fn staff_before(before: &[String], cues: &Cues) -> Option<usize> {
    let from = before.len().saturating_sub(6);
    (from..before.len())
        .rev()
        .find(|&i| cues.observer.contains(&before[i]))
}

/// True when the source is named as the author of a wire item: a dispatch noun right after the
/// name ("Reuter-Meldung", "a Reuters dispatch") or right before it, past articles, prepositions
/// and agency words ("une dépêche Havas", "une dépêche de l'agence Reuter", "einer Meldung der
/// DPA", "un despacho de Efe"). `before` are the words before the name (nearest last).
pub fn dispatch_frame(before: &[String], after: &[String], cues: &Cues) -> bool {
    if after.first().is_some_and(|w| cues.dispatch.contains(w)) {
        return true;
    }
    let k = skip_leads(before, 4, |w| {
        cues.name_lead.contains(w) || matches!(w, "from" | "of" | "von" | "des" | "der")
    });
    k > 0 && cues.dispatch.contains(&before[k - 1])
}

/// True when the words before a name (nearest last) end with a direct attribution cue, one
/// article allowed between ("According to AP", "selon l'AP", "told the AP").
pub fn direct_cue(before: &[String], cues: &Cues) -> bool {
    let mut k = before.len();
    if k > 0
        && matches!(
            before[k - 1].as_str(),
            "l" | "la" | "le" | "the" | "el" | "die" | "der"
        )
    {
        k -= 1;
    }
    cues.direct_cue.iter().any(|p| before[..k].ends_with(p))
}

/// True when an agency word stands right before the name ("l'agence Reuter", "die Agentur
/// Havas", "la agencia Efe"): the name is the agency, not a surname or a company. Not after it:
/// "the INS agency" is the immigration service.
pub fn agency_word_before(before: &[String], cues: &Cues) -> bool {
    before.last().is_some_and(|w| cues.agency_word.contains(w))
}

/// Tokens a German speech verb may stand before its distant dative ([`distant_dative`]).
const DISTANT_GAP: usize = 14;

/// True when `word` is a German time noun or a compound of two ("Sonntag", "Dienstagvormittag").
fn time_word(word: &str, cues: &Cues) -> bool {
    cues.time_words.iter().any(|t| {
        word.strip_prefix(t.as_str())
            .is_some_and(|rest| rest.is_empty() || cues.time_words.iter().any(|u| u == rest))
    })
}

/// True when the tokens before a source (`before`: original tokens with their offsets in `text`,
/// nearest last) end with a German dative that a speech verb up to [`DISTANT_GAP`] tokens earlier
/// governs: German puts the subject and time words between them ("sagte Ensaf Haidar am Sonntag
/// der Nachrichtenagentur AFP", "bestätigte Y, Sprecher der Z, der APA", "hieß es im
/// Innenministerium zur APA"). "der" right after a capitalised noun other than a time word is a
/// genitive ("sagte ein Sprecher der APA": APA's spokesman, not a statement to APA).
pub fn distant_dative(
    before: &[(usize, &str)],
    text: &str,
    clause: &[String],
    cues: &Cues,
) -> bool {
    let folded: Vec<String> = before
        .iter()
        .map(|(_, t)| crate::normalize::fold_text(t))
        .collect();
    let k = skip_leads(&folded, 2, |w| {
        cues.name_lead.contains(w) && !cues.distant_dative.contains(w)
    });
    if k == 0 || !cues.distant_dative.contains(&folded[k - 1]) {
        return false;
    }
    let art = k - 1;
    if matches!(folded[art].as_str(), "der" | "dem") && art > 0 {
        let (off, prev) = before[art - 1];
        let gap = &text[off + prev.len()..before[art].0];
        let apart = gap.contains([',', ';', ':', '–', '—', '(', ')']);
        let noun = prev.starts_with(char::is_uppercase);
        let governed = cues.preposition.contains(&folded[art - 1]);
        if !apart && (governed || (noun && !time_word(&folded[art - 1], cues))) {
            return false;
        }
    }
    // The verb before ("sagte X der APA"), or its participle closing the clause in the perfect
    // or the passive ("hat der AFP mitgeteilt", "wurde der APA aus Parteikreisen bestätigt").
    let participle = matches!(folded[art].as_str(), "der" | "dem")
        && clause[..clause.len().min(8)]
            .iter()
            .any(|w| has_stem(w, &cues.speech_stems));
    participle
        || folded[art.saturating_sub(DISTANT_GAP)..art]
            .iter()
            .any(|w| has_stem(w, &cues.speech_stems))
}

/// True when a passive auxiliary or a personal pronoun appears among the first `upto` words after
/// a name: the verb that follows is not the source's ("le programme de la NSA a été révélé",
/// "cooperation with NATO, he said").
pub fn passive_after(after: &[String], upto: usize, cues: &Cues) -> bool {
    after[..after.len().min(upto)]
        .iter()
        .any(|w| cues.passive.contains(w) || cues.pronoun.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::citations::cues::words;

    #[test]
    fn speech_frames_allow_a_bounded_gap_in_four_languages() {
        let c = Cues::bundled();
        for before in [
            "le ministre a déclaré jeudi à l'",
            "« Nous partirons », expliquait lundi soir à",
            "El ministro dijo el martes a",
            "he said on Monday to the",
            "er erklärte am Dienstag gegenüber der",
        ] {
            assert!(speech_frame(&words(before), &c), "{before}");
        }
        for before in [
            "une distance de trois kilomètres à",
            "il a vendu la maison à l'",
            "le contrat a la",
        ] {
            assert!(!speech_frame(&words(before), &c), "{before}");
        }
    }

    #[test]
    fn dispatch_nouns_name_the_wire_in_four_languages() {
        let c = Cues::bundled();
        for (before, after) in [
            ("une dépêche", "annonce que"),
            ("selon une dépêche de l'agence", ""),
            ("nach einer", "meldung aus petersburg"),
            ("a", "dispatch from moscow said"),
            ("según un despacho de", "el ministro"),
            ("laut einer meldung der", "ist"),
        ] {
            assert!(
                dispatch_frame(&words(before), &words(after), &c),
                "{before} _ {after}"
            );
        }
        for (before, after) in [
            ("le directeur de", "a démissionné"),
            ("the dispatch of troops by", "was criticised"),
            ("le fondateur de l'agence", ""),
        ] {
            assert!(
                !dispatch_frame(&words(before), &words(after), &c),
                "{before} _ {after}"
            );
        }
    }

    #[test]
    fn german_speech_verbs_govern_a_distant_dative_not_a_genitive() {
        let c = Cues::bundled();
        let check = |before: &str| {
            let toks = crate::citations::context::raw_tokens(before, 0);
            distant_dative(&toks, before, &[], &c)
        };
        let toks = crate::citations::context::raw_tokens("Der Bericht wurde der", 0);
        assert!(distant_dative(
            &toks,
            "Der Bericht wurde der",
            &words("aus Parteikreisen bestätigt"),
            &c
        ));
        let toks = crate::citations::context::raw_tokens("Der Minister hat der", 0);
        assert!(distant_dative(
            &toks,
            "Der Minister hat der",
            &words("mitgeteilt"),
            &c
        ));
        assert!(!distant_dative(
            &toks,
            "Der Minister hat der",
            &words("Geld gegeben"),
            &c
        ));
        for before in [
            "sagte Badawis geflüchtete Ehefrau Ensaf Haidar am Sonntag der Nachrichtenagentur",
            "sagte Andreas Huber, Sprecher der Wiener Berufsrettung, der",
            "Das bestätigte Clubmanager Alexander Gruber am Dienstagvormittag der",
            "hieß es im Innenministerium zur",
            "sagten mit dem Vorgang vertraute Personen am Montag zu",
        ] {
            assert!(check(before), "{before}");
        }
        for before in [
            "sagte ein Sprecher der",
            "Die Zahl der Mitarbeiter der",
            "Der Vertrag wurde am Montag der",
            "sagte er. Die Chefin der",
            "sagte Fabius, bevor er die Einigung am Samstagabend auf der",
        ] {
            assert!(!check(before), "{before}");
        }
    }

    #[test]
    fn german_wie_clauses_end_with_their_reporting_verb() {
        let c = Cues::bundled();
        assert!(verb_final(
            &words("Wie die Nachrichtenagentur"),
            &words("unter Berufung auf Diplomaten berichtete"),
            &c
        ));
        assert!(verb_final(&words("wie"), &words("am Montag meldete"), &c));
        assert!(!verb_final(
            &words("so groß wie"),
            &words("das Gebäude der"),
            &c
        ));
    }

    #[test]
    fn observers_see_victims_do_not() {
        let c = Cues::bundled();
        assert!(observed(
            &words("des journalistes de"),
            &words("ont vu des chars"),
            &c
        ));
        assert!(observed(
            &words("periodistas de"),
            &words("vieron a los soldados"),
            &c
        ));
        assert!(observed(
            &words(""),
            &words("reporters counted 40 bodies"),
            &c
        ));
        assert!(!observed(
            &words("des journalistes de l'"),
            &words("ont été agressés samedi"),
            &c
        ));
        assert!(!observed(
            &words("le siège de l'"),
            &words("a vu arriver"),
            &c
        ));
    }
}
