//! What the words around a number say of it: a currency, markup, the noun past its modifiers, a
//! proportion, a name the number belongs to. Each rule reads a sentence's tokens only.

use super::lexicon::{
    proportion_phrases, spelled, NOT_UNITS, PLACE_PREPOSITIONS, PROPORTION_NUMERATORS,
};
use super::{is_year, number_at, Tok};

/// The currency of the amount at `start..end` of `sentence`, from a symbol right before it
/// ("$10 million", "US$ 5", "£3") or right after it ("10 €", "5€"); `None` for a bare number.
pub(super) fn currency_of(sentence: &str, start: usize, end: usize) -> Option<&'static str> {
    let name = |c: char| match c {
        '$' => Some("dollar"),
        '€' => Some("euro"),
        '£' => Some("pound"),
        '¥' => Some("yen"),
        _ => None,
    };
    let before = sentence[..start]
        .trim_end_matches([' ', '\u{a0}'])
        .chars()
        .next_back();
    let after = sentence[end..]
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .next();
    before.and_then(name).or_else(|| after.and_then(name))
}

/// Byte ranges of HTML tags left in a sentence (`<font size="-2">`, or escaped as
/// `&lt;font size="-2"&gt;`), each at most [`TAG_MAX`] bytes long.
/// # Complexity: O(n · TAG_MAX) at worst, O(n) for text with few `<`.
pub(super) fn markup_spans(sentence: &str) -> Vec<std::ops::Range<usize>> {
    const TAG_MAX: usize = 300;
    let mut out = Vec::new();
    let mut from = 0;
    // '<' and '&' are ASCII: searched by byte.
    while let Some(p) = sentence.as_bytes()[from..]
        .iter()
        .position(|&b| b == b'<' || b == b'&')
        .map(|p| from + p)
    {
        let (open, close) = if sentence[p..].starts_with("&lt;") {
            (4, "&gt;")
        } else if sentence[p..].starts_with('<') {
            (1, ">")
        } else {
            from = p + 1;
            continue;
        };
        let window =
            crate::normalize::floor_char_boundary(sentence, (p + TAG_MAX).min(sentence.len()));
        match sentence[p + open..window].find(close) {
            Some(q) => {
                let end = p + open + q + close.len();
                out.push(p..end);
                from = end;
            }
            None => from = p + open,
        }
    }
    out
}

/// The unit noun of a number whose next word is `toks[k]`, past modifiers that a language marks
/// by case; `None` when the number is part of a name. In languages whose common nouns are
/// lowercase, up to three capitalised words followed by a lowercase one are a nationality or a
/// name before the noun ("2 French journalists", "12,000 North Korean soldiers", "98 Tesco Extra
/// stores"), unless the last is a plural ("2 Americans were", "2 Français arrêtés": the noun
/// itself); when the lowercase word is a verb ("the 618 Construction Shock Brigade removed",
/// "the 927 Chicken Farm have used"), the capitalised words are a name the number belongs to.
/// In German, where every noun is capitalised, a lowercase word followed by a capitalised one is
/// an adjective ("12.000 nordkoreanische Soldaten").
pub(super) fn noun_after_modifiers(
    sentence: &str,
    toks: &[Tok],
    k: usize,
    nouns_capitalised: &dyn Fn() -> bool,
) -> Option<usize> {
    let spaced = |a: usize| sentence[toks[a].end..toks[a + 1].start].trim().is_empty();
    let upper = |t: &Tok| t.raw.chars().next().is_some_and(char::is_uppercase);
    let lower_word = |t: &Tok| {
        t.raw.chars().all(char::is_lowercase)
            && t.raw.chars().count() >= 3
            && !NOT_UNITS.contains(t.word.as_ref())
    };
    if k + 1 >= toks.len() || !spaced(k) {
        return Some(k);
    }
    if nouns_capitalised() {
        let adjective = lower_word(&toks[k]) && upper(&toks[k + 1]);
        return Some(if adjective { k + 1 } else { k });
    }
    let mut m = k;
    while m + 1 < toks.len() && m < k + 3 && spaced(m) {
        // A capitalised word, or an acronym ("3 UN workers", "5 AFP journalists").
        let acronym = (2..=5).contains(&toks[m].raw.len())
            && toks[m].raw.bytes().all(|b| b.is_ascii_uppercase());
        let modifier = upper(&toks[m])
            && (acronym || toks[m].raw.chars().skip(1).any(char::is_lowercase))
            && !toks[m].raw.ends_with(['s', 'x']);
        if !modifier {
            break;
        }
        let next = &toks[m + 1];
        if !upper(next) {
            if english_verb(next.word.as_ref()) {
                return None;
            }
            return Some(if lower_word(next) { m + 1 } else { k });
        }
        m += 1;
    }
    Some(k)
}

/// An English past form or auxiliary ("removed", "have", "were"): after a capitalised name it
/// is the name's verb, not a noun the number counts.
pub(super) fn english_verb(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed"))
        || matches!(
            w,
            "have" | "has" | "had" | "is" | "are" | "was" | "were" | "will" | "would" | "said"
        )
}

/// The end of a proportion whose numerator ends before `toks[j]`: a proportion phrase, then a
/// number that is not a year, right after the numerator ("3 out of 10", "7 sur 10") or after its
/// noun when the denominator is a power of ten above the numerator ("4 Belges sur 10", a share;
/// "175 députés sur 577" counts deputies and stays a claim). `in` only right after the numerator,
/// since "300 people in 2 cities" is no proportion.
pub(super) fn proportion_from(
    sentence: &str,
    toks: &[Tok],
    j: usize,
    numerator: f64,
) -> Option<usize> {
    for skip in 0..=1 {
        let at = j + skip;
        if skip == 1
            && toks
                .get(j)
                .is_none_or(|t| number_at(sentence, toks, j).is_some() || t.word == "in")
        {
            continue;
        }
        for p in proportion_phrases() {
            if skip == 1 && p[..] == ["in"] {
                continue;
            }
            let n = at + p.len();
            let matches = n < toks.len()
                && toks[at..n]
                    .iter()
                    .zip(p)
                    .all(|(t, w)| t.word.as_ref() == *w);
            if !matches {
                continue;
            }
            if let Some((v, end)) = number_at(sentence, toks, n) {
                let share = skip == 0 || matches!(v, 10.0 | 100.0 | 1000.0) && numerator < v;
                if !is_year(v, toks[n].raw) && share {
                    return Some(end);
                }
            }
        }
    }
    None
}

/// True when the number at `toks[i]` is the denominator of a proportion whose numerator is a
/// word too ambiguous to read as a number ("sept Français sur dix", "one in five").
pub(super) fn opens_proportion(toks: &[Tok], i: usize) -> bool {
    proportion_phrases().iter().any(|p| {
        let Some(p0) = i.checked_sub(p.len()) else {
            return false;
        };
        let phrase = toks[p0..i]
            .iter()
            .zip(p)
            .all(|(t, w)| t.word.as_ref() == *w);
        let numerator = |at: usize| {
            let w = toks[at].word.as_ref();
            PROPORTION_NUMERATORS.contains(&w) || spelled().contains_key(w) || toks[at].digits()
        };
        let before = p0.checked_sub(1).is_some_and(numerator)
            || (p[..] != ["in"] && p0.checked_sub(2).is_some_and(numerator));
        phrase && before
    })
}

/// True when the number at `toks[i]` is part of a name, not a count: a small plain number (no
/// digit groups: "Exactement 106'301" counts) after a capitalised word inside the sentence ("le
/// Mouvement 5 étoiles", "the Apollo 11 crew", "Antena 3 entrevistó") in a language whose common
/// nouns are lowercase, outside a title-case headline. A capitalised weekday, month or function word before it ("On Monday 300
/// people") is no name, nor is a place after a preposition ("A Bordeaux 120 personnes", "tué en
/// France 241 personnes", [`PLACE_PREPOSITIONS`]).
pub(super) fn names_with(
    sentence: &str,
    toks: &[Tok],
    i: usize,
    title_case: bool,
    nouns_capitalised: &dyn Fn() -> bool,
) -> bool {
    if i < 2 || title_case {
        return false;
    }
    let prev = &toks[i - 1];
    let small =
        toks[i].raw.len() <= 3 && toks[i].digits() && toks.get(i + 1).is_none_or(|t| !t.digits());
    small
        && prev.raw.chars().next().is_some_and(char::is_uppercase)
        && !prev.digits()
        && matches!(&sentence[prev.end..toks[i].start], " " | "\u{a0}")
        && !NOT_UNITS.contains(prev.word.as_ref())
        && !crate::citations::MONTH_WORDS.contains(&prev.word.as_ref())
        && !PLACE_PREPOSITIONS.contains(&toks[i - 2].word.as_ref())
        && !nouns_capitalised()
}
