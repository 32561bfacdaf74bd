//! In-text attribution: the cue, frame or word order that makes a named source the origin of a
//! statement ("selon l'AFP", "a déclaré jeudi à Reuters", "sagte X am Sonntag der APA", "une dépêche
//! Havas"), and where the cue that governs a name may start.

use super::context::{raw_tokens, FieldContext};
use super::cues::{find_phrase_gapped, words};
use super::frames;
use super::matcher::RawMatch;
use crate::normalize::{ceil_char_boundary, floor_char_boundary};
use crate::segment::Span;

impl FieldContext<'_> {
    /// An attribution verb or preposition around `m` in its sentence: before it within the same
    /// clause ("selon l'AFP", "a déclaré jeudi à Reuters"), or right after it ("l'AFP a constaté").
    pub(super) fn attribution_cue(&self, m: &RawMatch, sentence: Span) -> bool {
        let sentence = self.near(sentence, m.start, m.end, 400);
        let start = self.governed_from(m, sentence.start.min(m.start));
        let before_text = &self.text[start..m.start];
        let clause_start = before_text
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, ',' | ';' | ':' | '«' | '»' | '“' | '”' | '('))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let before = words(&before_text[clause_start..]);
        let window = &before[before.len().saturating_sub(9)..];
        let cued = |w: &[String]| {
            self.cues
                .before
                .iter()
                .any(|p| find_phrase_gapped(w, p, 4).is_some())
                || frames::speech_frame(w, self.cues)
        };
        // "a écrit le locataire de la Maison Blanche": a person named by the institution they
        // occupy speaks; the institution is only mentioned.
        if before[before.len().saturating_sub(4)..]
            .iter()
            .any(|w| self.cues.periphrasis.contains(w))
        {
            return false;
        }
        let after = words(&self.text[m.end..sentence.end.max(m.end)]);
        // "trois journalistes de l'agence Efe, retenus": the agency's staff are observers only
        // when they see or count; otherwise they are the news — unless a cue before the staff
        // word governs them ("selon un journaliste de l'AFP", "a déclaré à un reporter de Reuters").
        if let Some(staff) = frames::staff_before(window, self.cues) {
            return frames::observed(window, &after, self.cues) || cued(&window[..staff]);
        }
        let incise = clause_start > 0 && frames::incise(&before, self.cues);
        let clause = self.clause_after(m, sentence);
        if incise
            || cued(window)
            || frames::observed(window, &after, self.cues)
            || (frames::dispatch_frame(window, &after, self.cues) && !self.enumerated(sentence))
            || self.distant_dative(start, m, &clause)
            || frames::verb_final(window, &clause, self.cues)
        {
            return true;
        }
        let window = &after[..after.len().min(5)];
        self.cues.after.iter().any(|p| {
            find_phrase_gapped(window, p, 1).is_some_and(|at| {
                // "Reuters reporters were attacked": staff followed by a passive are the news.
                let staff = p.len() == 1 && self.cues.observer.contains(&p[0]);
                let upto = at + p.len() + if staff { 3 } else { 0 };
                at <= 2 && !frames::passive_after(window, upto, self.cues)
            })
        })
    }

    /// True when the words around `m` say it is an agency: a dispatch noun ("une dépêche Havas",
    /// "Reuter-Meldung"), an agency word ("l'agence Reuter") or a direct cue ("according to AP").
    /// A credit-only alias (a name that is also a surname or a company) so introduced counts
    /// outside credit lines too.
    pub fn named_as_agency(&self, m: &RawMatch) -> bool {
        let from = ceil_char_boundary(self.text, m.start.saturating_sub(80));
        let to = floor_char_boundary(self.text, (m.end + 40).min(self.text.len()));
        let before = words(&self.text[from..m.start]);
        let after = words(&self.text[m.end..to]);
        let before = &before[before.len().saturating_sub(6)..];
        frames::dispatch_frame(before, &after, self.cues)
            || frames::agency_word_before(before, self.cues)
            || frames::direct_cue(before, self.cues)
    }

    /// True when `sentence` enumerates four sources or more ("Jiji, NHK, el cable de AFP, la
    /// agencia AP, UPI…"): a list of the media that carried a story names them as its subjects,
    /// and a dispatch noun inside the list ("el cable de AFP") does not make one the source.
    pub(super) fn enumerated(&self, sentence: Span) -> bool {
        self.matches_in(sentence).take(4).count() >= 4
    }

    /// The words after `m` up to the end of its clause (a comma, semicolon, colon or quote).
    pub(super) fn clause_after(&self, m: &RawMatch, sentence: Span) -> Vec<String> {
        let rest = &self.text[m.end..sentence.end.max(m.end)];
        let end = rest
            .find([',', ';', ':', '«', '»', '“', '”', '('])
            .unwrap_or(rest.len());
        words(&rest[..end])
    }

    /// A German speech verb governing `m` through a distant dative ([`frames::distant_dative`]),
    /// read over the sentence from `start`.
    pub(super) fn distant_dative(&self, start: usize, m: &RawMatch, clause: &[String]) -> bool {
        let from = ceil_char_boundary(self.text, m.start.saturating_sub(240).max(start));
        let toks = raw_tokens(&self.text[from..m.start], from);
        let toks = &toks[toks.len().saturating_sub(20)..];
        frames::distant_dative(toks, self.text, clause, self.cues)
    }

    /// Where the cue that governs `m` may start: after the previous source of the sentence, so that
    /// "a raconté à l'AFP le journaliste de BFM-TV" attributes to AFP only — unless the two names
    /// are coordinated ("selon l'AFP et Reuters", "AFP/Reuters"), which share the cue.
    pub(super) fn governed_from(&self, m: &RawMatch, start: usize) -> usize {
        let i = self.matches.partition_point(|x| x.start < m.start);
        let Some(prev) = self.matches[..i].iter().rev().find(|x| x.end <= m.start) else {
            return start;
        };
        if prev.end <= start {
            return start;
        }
        let between = words(&self.text[prev.end..m.start]);
        // Coordinated names share the cue: a conjunction among a few words ("selon l'agence Kyodo
        // et la chaîne publique NHK", "l'AFP et Reuters"), or nothing but punctuation ("AFP/Reuters").
        let conjunction = between.iter().any(|w| {
            matches!(
                w.as_str(),
                "et" | "and" | "y" | "e" | "und" | "ou" | "or" | "o" | "oder"
            )
        });
        // Only an article between: the second name is the inverted subject of the same verb
        // ("a annoncé à l'AFP l'Elysée").
        let article_only = between.iter().all(|w| {
            matches!(
                w.as_str(),
                "l" | "le" | "la" | "les" | "the" | "el" | "der" | "die"
            )
        });
        let coordinated = article_only || (conjunction && between.len() <= 5);
        if coordinated || frames::ends_with_dative(&between, self.cues) {
            start
        } else {
            prev.end
        }
    }
}
