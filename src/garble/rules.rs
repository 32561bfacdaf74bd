//! Structural garble rules over segments: glued words, repeated lines, foreign fragments,
//! self-promotional filler and translation credits.

use rustc_hash::{FxHashMap, FxHashSet};

use super::lang::Words;
use super::{is_credit, Doc, Flag, FlagKind, LangId};
use crate::citations::Field;
use crate::normalize::floor_char_boundary;

fn flag(kind: FlagKind, start: usize, end: usize, text: &str, mut detail: String) -> Flag {
    // Flags live until the end of the run: `format!` leaves slack.
    detail.shrink_to_fit();
    Flag {
        kind,
        field: Field::Text,
        start,
        end,
        evidence: text[start..end].trim().to_string(),
        detail,
        counted: true,
    }
}

/// Words joined across a lost boundary: a lowercase-ending word glued to a capitalised function
/// word that starts a sentence ("jeLe", "ZelenskyDe", "RussieLa", "l'impôtLe"). Camel-case names
/// (McDonald, iPhone, PlayStation, LaLibre) do not end in a capitalised function word.
///
/// With the input's vocabulary, a lowercase word glued to a capitalised one is also a join when the
/// input writes the left part in lowercase and the right part as a word of its own elsewhere
/// ("cliquezMarseille"), unless the whole token recurs in two articles or more (a name or brand) or
/// is a hashtag, a handle or part of a URL.
pub fn glued_words(doc: &Doc, lang: Option<&str>, langid: &LangId, out: &mut Vec<Flag>) {
    let text = doc.view.text;
    let mut start: Option<usize> = None;
    let mut transition = false;
    let mut prev = ' ';
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() {
            if start.is_none() {
                start = Some(i);
                transition = false;
            } else if c.is_uppercase() && prev.is_lowercase() {
                transition = true;
            }
        } else if let Some(s) = start.take() {
            if transition {
                check_glued(doc, s, i, lang, langid, out);
            }
        }
        prev = c;
    }
    if let (Some(s), true) = (start, transition) {
        check_glued(doc, s, text.len(), lang, langid, out);
    }
}

/// Bytes of a letter run [`glued_words`] reads (the first join is the one flagged).
const GLUED_RUN: usize = 256;
/// Bytes either side of a run searched for the whitespace ending its token (URL, hashtag).
const GLUED_REACH: usize = 512;

fn check_glued(
    doc: &Doc,
    s: usize,
    e: usize,
    lang: Option<&str>,
    langid: &LangId,
    out: &mut Vec<Flag>,
) {
    let text = doc.view.text;
    // Linear in the text whatever it holds: a letter run is read over its first GLUED_RUN bytes
    // and the token around it over GLUED_REACH bytes each side (a 10 MB text without whitespace
    // took minutes: every run scanned the whole text back and forth for its token).
    let e = if e - s > GLUED_RUN {
        floor_char_boundary(text, s + GLUED_RUN)
    } else {
        e
    };
    let word = &text[s..e];
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    // Hashtags, handles and URLs join words on purpose ("#SachezLe", "youtube.com/watchNow").
    let before = text[..s].chars().next_back();
    // Whitespace may be wider than a byte (a no-break space).
    let from = floor_char_boundary(text, s.saturating_sub(GLUED_REACH));
    let token_start = text[from..s]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(from, |(p, c)| from + p + c.len_utf8());
    let to = floor_char_boundary(text, (e + GLUED_REACH).min(text.len()));
    let token = &text[token_start..text[e..to].find(char::is_whitespace).map_or(to, |p| e + p)];
    if matches!(before, Some('#' | '@'))
        || token.contains("://")
        || token.contains("www.")
        || token.contains('/')
    {
        return;
    }
    for k in 2..chars.len() {
        let (pos, c) = chars[k];
        let prev = chars[k - 1].1;
        if !(c.is_uppercase() && prev.is_lowercase()) {
            continue;
        }
        let head = &word[..pos];
        let tail = &word[pos..];
        // The tail must be a capitalised function word, optionally followed by more glued text
        // only if it is short: "De", "La", "Le", "The", "Les".
        let tail_word: String = tail.chars().take_while(|c| c.is_alphabetic()).collect();
        let n = tail_word.chars().count();
        let title_case = tail_word.chars().skip(1).all(char::is_lowercase);
        let fw = match lang {
            Some(l) => langid.is_function_word(l, &tail_word),
            None => langid.is_any_function_word(&tail_word),
        };
        let tail_is_fw = (2..=4).contains(&n) && title_case && fw;
        let head_letters = head.chars().filter(|c| c.is_alphabetic()).count();
        let mc = head == "Mc" || head == "Mac" || head.chars().count() == 1;
        // The input's own vocabulary: "cliquez" written lowercase elsewhere (or a left part of five
        // letters or more, which no brand shape has: "iPhone", "eBay", "macOS"), "Marseille" a word
        // of its own elsewhere, and the glued token not a recurring name.
        // A camel-case token written whole in two articles or more is a name ("BlaBlaCar").
        let recurring = || {
            doc.vocab.is_some_and(|v| {
                let end = word
                    .char_indices()
                    .find(|(_, c)| !c.is_alphabetic())
                    .map_or(word.len(), |(i, _)| i);
                v.camel_articles(&word[..end]) >= 2
            })
        };
        let by_vocab = !tail_is_fw
            && doc.vocab.is_some_and(|v| {
                head.chars().all(char::is_lowercase)
                    && head.chars().count() >= 3
                    && n >= 3
                    && title_case
                    && (v.seen_lower(head) || head.chars().count() >= 5)
                    && v.seen_word(&tail_word)
            });
        // A lowercase word glued to a capitalised function word ("commentairesLe") is residue
        // even when a feed repeats it in many articles: names do not take that shape.
        let residue_shape =
            tail_is_fw && head.chars().count() >= 3 && head.chars().all(char::is_lowercase);
        if (tail_is_fw || by_vocab) && head_letters >= 2 && !mc && (residue_shape || !recurring()) {
            let end = s + pos + tail_word.len();
            out.push(flag(
                FlagKind::GluedWords,
                s,
                end,
                text,
                format!("\"{head}\" glued to \"{tail_word}\""),
            ));
            return;
        }
    }
}

/// The title or a line repeated in the text: every occurrence after the first, so a text that
/// starts with its title once is not a repeat.
pub fn repeated_lines(doc: &Doc, words: &Words, out: &mut Vec<Flag>) {
    let text = doc.view.text;
    // Lines and sentences are compared by a hash of their folded words, each followed by a space,
    // written into one reused buffer: no string per line.
    let mut buf: Vec<u8> = Vec::new();
    let mut key = |ws: &[super::lang::Word]| hash_words(&mut buf, ws.iter().map(|w| words.text(w)));
    let mut seen: FxHashMap<u64, usize> = FxHashMap::default();
    let title_key = doc
        .title
        .map(crate::citations::cues::words)
        .filter(|w| !w.is_empty())
        .map(|w| hash_words(&mut Vec::new(), w.iter().map(String::as_str)));
    for l in &doc.view.segs.lines {
        let ws = words.within(l.start, l.end);
        // Table rows and figures repeat legitimately: a repeated line needs real words.
        let (mut alpha, mut alpha_bytes) = (0, 0);
        for t in ws.iter().map(|w| words.text(w)) {
            if has_letter(t) {
                alpha += 1;
                alpha_bytes += t.len();
            }
        }
        if alpha < 5 || alpha_bytes < 25 {
            continue;
        }
        let key = key(ws);
        let n = seen.entry(key).or_default();
        *n += 1;
        if *n > 1 {
            let what = if title_key == Some(key) {
                "the title repeated"
            } else {
                "a line repeated"
            };
            out.push(flag(
                FlagKind::RepeatedLine,
                l.start,
                l.end,
                text,
                what.to_string(),
            ));
        }
    }
    // A sentence repeated inside the running text (straight after itself or further down): the
    // same eight words or more, every occurrence after the first.
    let mut sentences: FxHashMap<u64, usize> = FxHashMap::default();
    for s in &doc.view.segs.sentences {
        let ws = words.within(s.start, s.end);
        let alpha = ws.iter().filter(|w| has_letter(words.text(w))).count();
        if alpha < 8 || ws.iter().map(|w| w.end - w.start).sum::<usize>() < 40 {
            continue;
        }
        let n = sentences.entry(key(ws)).or_default();
        *n += 1;
        if *n > 1 {
            out.push(flag(
                FlagKind::RepeatedLine,
                s.start,
                s.end,
                text,
                "a sentence repeated".to_string(),
            ));
        }
    }
}

/// The hash of `ws`, each word followed by a space (`buf` is scratch space).
fn hash_words<'w>(buf: &mut Vec<u8>, ws: impl Iterator<Item = &'w str>) -> u64 {
    buf.clear();
    for w in ws {
        buf.extend_from_slice(w.as_bytes());
        buf.push(b' ');
    }
    xxhash_rust::xxh3::xxh3_64(buf)
}

#[cfg(test)]
#[test]
fn one_shot_word_hash_equals_the_streamed_one() {
    // The keys were a streamed xxh3 of the same bytes; both forms must agree at every length.
    let words: Vec<String> = (0..400)
        .map(|i| "é".repeat(i % 7) + &i.to_string())
        .collect();
    for n in 0..words.len() {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for w in &words[..n] {
            h.update(w.as_bytes());
            h.update(b" ");
        }
        let got = hash_words(&mut Vec::new(), words[..n].iter().map(String::as_str));
        assert_eq!(got, h.digest(), "{n} words");
    }
    for t in ["", "123", "a1", "é", "1é", "東京", "٣"] {
        assert_eq!(has_letter(t), t.chars().any(char::is_alphabetic), "{t:?}");
    }
}

/// True when `t` holds a letter (ASCII letters found without decoding).
fn has_letter(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_alphabetic())
        || (!t.is_ascii() && t.chars().any(char::is_alphabetic))
}

/// Sentences in another language than the article's, and foreign conjunctions between two
/// capitalised words ("Russie y Corée du Nord").
pub fn foreign(doc: &Doc, lang: &str, words: &Words, langid: &LangId, out: &mut Vec<Flag>) {
    let text = doc.view.text;
    let quotes = std::cell::OnceCell::new();
    for s in &doc.view.segs.sentences {
        let st = s.of(text);
        let ws = words.within(s.start, s.end);
        let n = ws.len();
        // Cheap test first: a sentence with fewer than two exclusive function words of another
        // language than the article's cannot be foreign.
        let own = langid.votes_for(lang, ws);
        let other = ws.iter().filter(|w| w.mask.count_ones() == 1).count() - own;
        if n >= 5 && other >= 2 {
            if let Some(g) = langid.guess_words(ws) {
                let strong = g.hits >= 3 && g.hits >= 3 * own;
                let clean_other = g.hits >= 2 && own == 0 && n >= 8 && {
                    // Two foreign function words suffice in running text, not in a string of names
                    // ("Caisse de depot et placement du Quebec").
                    let capitalized = st
                        .split_whitespace()
                        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                        .count();
                    capitalized * 2 < st.split_whitespace().count()
                };
                if g.lang != lang && (strong || clean_other || outvoted(text, ws, lang, langid)) {
                    out.push(flag(
                        FlagKind::ForeignFragment,
                        s.start,
                        s.end,
                        text,
                        format!("sentence in {} in a {lang} text", g.lang),
                    ));
                    continue;
                }
            }
        }
        let quoted = || {
            quotes
                .get_or_init(|| crate::segment::quote_spans(text))
                .iter()
                .any(|q| q.start <= s.start && s.end <= q.end)
        };
        if let Some(l) = by_characters(text, st, ws, lang, langid).filter(|_| !quoted()) {
            out.push(flag(
                FlagKind::ForeignFragment,
                s.start,
                s.end,
                text,
                format!("sentence in {l} in a {lang} text (by its letters)"),
            ));
            continue;
        }
        if st
            .split_whitespace()
            .any(|t| t.len() <= 3 && CONJUNCTIONS.iter().any(|(c, _)| *c == t))
        {
            conjunctions(text, s.start, st, lang, langid, doc.vocab, out);
        }
    }
}

/// The function words of another language outvote the text's own in a sentence of six words or
/// more that is not a string of names: twice as many exclusive ones (at least two, the text's own
/// at most one), or, counting words that several languages share ("la", "de"), at least two more
/// than twice the text's own with one exclusive among them. Short sentences of Italian or Spanish
/// in a French or English text have few exclusive function words, so the exclusive count alone
/// missed them.
fn outvoted(text: &str, ws: &[super::lang::Word], lang: &str, langid: &LangId) -> bool {
    let langs = langid.languages();
    let Some(own) = langs.iter().position(|l| l == lang) else {
        return false;
    };
    if ws.len() < 6 {
        return false;
    }
    let capital = |w: &super::lang::Word| text[w.start..w.end].starts_with(char::is_uppercase);
    // A string of names ("Caisse Nationale de Surcompensation du Batiment et des Travaux").
    if ws.iter().filter(|w| capital(w)).count() * 2 >= ws.len() {
        return false;
    }
    let (any, excl) = votes(text, ws, langs.len());
    (0..langs.len()).filter(|&i| i != own).any(|i| {
        let by_exclusive = excl[i] >= 2 && excl[own] <= 1 && excl[i] >= 2 * excl[own];
        let by_any = excl[i] >= 1 && any[i] >= 2 * any[own] + 2;
        by_exclusive || by_any
    })
}

/// Function-word votes of a sentence per language (`any`: every language a word belongs to;
/// `exclusive`: words of one language only), not counting the function words of names: a
/// capitalised one past the first word ("Los Angeles", "Du Pont"), or a run of up to three
/// lowercase ones between two capitalised words ("Punta del Este", "Miguel de la Madrid",
/// "Girozentrale und Bank").
fn votes(text: &str, ws: &[super::lang::Word], n: usize) -> (Vec<usize>, Vec<usize>) {
    let capital = |w: &super::lang::Word| text[w.start..w.end].starts_with(char::is_uppercase);
    let mut in_name = vec![false; ws.len()];
    for k in 0..ws.len() {
        if capital(&ws[k]) {
            in_name[k] = k > 0 || (ws.len() > 1 && capital(&ws[1]));
            // Lowercase function words up to the next capitalised word belong to the name.
            let run = ws[k + 1..]
                .iter()
                .take(4)
                .position(|w| capital(w) || w.mask == 0);
            if let Some(r) = run.filter(|&r| r > 0 && capital(&ws[k + 1 + r])) {
                in_name[k + 1..=k + r].iter_mut().for_each(|x| *x = true);
            }
        }
    }
    let (mut any, mut excl) = (vec![0usize; n], vec![0usize; n]);
    for (w, _) in ws.iter().zip(&in_name).filter(|(_, &name)| !name) {
        for i in 0..n {
            if w.mask & (1 << i) != 0 {
                any[i] += 1;
                excl[i] += usize::from(w.mask == 1 << i);
            }
        }
    }
    (any, excl)
}

/// A sentence whose function words do not settle its language (short sentences of French, Spanish
/// and Italian share "la", "de", "en"; Italian and Portuguese have few listed words) is read by its
/// letters with a trigram identifier (`whatlang`, restricted to seven European languages), only
/// when its own language's function words are scarce (at most one, or fewer than another
/// language's) and only when the guessed language's function words back it. A full sentence of
/// six words or more, not a string of names.
///
/// # Complexity
/// Linear in the sentence; the identifier runs only on the few sentences the gate lets through.
fn by_characters(
    text: &str,
    st: &str,
    ws: &[super::lang::Word],
    lang: &str,
    langid: &LangId,
) -> Option<&'static str> {
    let langs = langid.languages();
    let own = langs.iter().position(|l| l == lang)?;
    if ws.len() < 6
        || !st
            .trim_end_matches(['"', '»', '”', ')', ' '])
            .ends_with(['.', '!', '?'])
    {
        return None;
    }
    let capital = ws
        .iter()
        .filter(|w| text[w.start..w.end].starts_with(char::is_uppercase))
        .count();
    if capital * 2 >= ws.len() {
        return None;
    }
    let (any, _) = votes(text, ws, langs.len());
    let other = (0..langs.len())
        .filter(|&i| i != own)
        .map(|i| any[i])
        .max()
        .unwrap_or(0);
    if any[own] > 1 && other <= any[own] {
        return None;
    }
    static DETECTOR: std::sync::OnceLock<whatlang::Detector> = std::sync::OnceLock::new();
    let detector = DETECTOR.get_or_init(|| {
        use whatlang::Lang::*;
        whatlang::Detector::with_allowlist(vec![Eng, Fra, Spa, Deu, Ita, Por, Nld])
    });
    let code = match detector.detect_lang(st)? {
        whatlang::Lang::Eng => "en",
        whatlang::Lang::Fra => "fr",
        whatlang::Lang::Spa => "es",
        whatlang::Lang::Deu => "de",
        whatlang::Lang::Ita => "it",
        whatlang::Lang::Por => "pt",
        whatlang::Lang::Nld => "nl",
        _ => return None,
    };
    // The letters must agree with the function words: the guessed language has at least two of its
    // own in the sentence, more than the text's language (alone, the identifier calls a third of
    // Reuters' short wire sentences Portuguese or French).
    let support = langs.iter().position(|l| l == code).map_or(0, |i| any[i]);
    (code != lang && support >= 2 && support > any[own]).then_some(code)
}

/// Conjunctions that machine translation leaves behind between two names ("Russie y Corée",
/// "Frankreich et l'Allemagne", "Moscou und Téhéran"). Company names join names with them in every
/// language ("Boveri und Cie", "Marks and Spencer"): a side that is a company word, in capitals, or
/// next to "&" is not a pair of names.
#[allow(clippy::type_complexity)]
pub(super) const CONJUNCTIONS: [(&str, &str); 5] = [
    ("y", "es"),
    ("und", "de"),
    ("et", "fr"),
    ("and", "en"),
    ("e", "it"),
];

/// Words that make a pair of capitalised names a company name.
const COMPANY_WORDS: [&str; 23] = [
    "Cie",
    "Co",
    "Company",
    "Compagnie",
    "Sons",
    "Söhne",
    "Sohn",
    "Fils",
    "Frères",
    "Brothers",
    "Partners",
    "Partner",
    "Associates",
    "Associés",
    "Associes",
    "Hijos",
    "Figli",
    "Spencer",
    "Gamble",
    "Johnson",
    "Young",
    "Jerry",
    "Co.",
];

fn conjunctions(
    text: &str,
    base: usize,
    sentence: &str,
    lang: &str,
    langid: &LangId,
    vocab: Option<&super::vocab::Vocab>,
    out: &mut Vec<Flag>,
) {
    let toks: Vec<(usize, &str)> = sentence
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w))
        .collect();
    for k in 1..toks.len().saturating_sub(1) {
        let (_, w) = toks[k];
        let Some(&(_, clang)) = CONJUNCTIONS.iter().find(|(c, _)| *c == w) else {
            continue;
        };
        if clang == lang || !langid.languages().iter().any(|l| l == lang) {
            continue;
        }
        let cap = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
        let prev = toks[k - 1]
            .1
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        let next = toks[k + 1].1;
        let bare = |s: &str| s.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        let corporate = |s: &str| {
            let b = bare(s);
            COMPANY_WORDS.contains(&b.as_str())
                || (b.chars().count() > 1 && b.chars().all(|c| !c.is_lowercase()))
        };
        let near_amp = sentence.contains('&');
        // Inside a longer capitalised name ("Credit Industriel et Commercial", "Bank Al Saudi y")
        // or a name the text repeats ("Fichtel und Sachs" three times), the conjunction is the
        // name's own.
        let long_name = (k >= 2 && cap(toks[k - 2].1) && !toks[k - 2].1.ends_with(['.', ',', ':']))
            || toks
                .get(k + 2)
                .is_some_and(|t| cap(t.1) && !next.ends_with(['.', ',', ':']));
        let phrase = format!("{prev} {w} {}", bare(next));
        // In two articles of the input, the phrase is a name there too.
        let repeated = w != "y"
            && (text.matches(phrase.as_str()).nth(1).is_some()
                || vocab.is_some_and(|v| v.joined_articles(prev, w, &bare(next)) >= 2));
        if cap(prev)
            && cap(next)
            && !corporate(prev)
            && !corporate(next)
            && !near_amp
            && (w == "y" || (!long_name && !repeated))
            && !prev.is_empty()
            && toks[k - 1]
                .1
                .chars()
                .last()
                .is_some_and(char::is_alphanumeric)
        {
            let start = base + toks[k - 1].0;
            let end =
                base + toks[k + 1].0 + next.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
            out.push(flag(
                FlagKind::ForeignFragment,
                start,
                end,
                text,
                format!("{clang} conjunction \"{w}\" in a {lang} text"),
            ));
        }
    }
}

/// A paragraph that promotes the site itself instead of telling the story: several
/// self-promotion cues, or one cue beside a web domain, in a paragraph sharing few words with the
/// rest of the article.
pub fn seo(
    doc: &Doc,
    lang: &str,
    words: &Words,
    promo: &[(String, Vec<String>)],
    out: &mut Vec<Flag>,
) {
    let text = doc.view.text;
    let cues: Vec<&Vec<String>> = promo
        .iter()
        .filter(|(l, _)| l == lang)
        .map(|(_, p)| p)
        .collect();
    if cues.is_empty() {
        return;
    }
    let firsts: FxHashSet<&str> = cues.iter().map(|c| c[0].as_str()).collect();
    for p in &doc.view.segs.paragraphs {
        let para = p.of(text);
        let ws = words.within(p.start, p.end);
        // One cue beside a domain fired on whole wire stories printed as one paragraph: the
        // paragraph must be short, and one cue is not enough.
        if ws.len() < 12 || ws.len() > 120 {
            continue;
        }
        if !ws.iter().any(|x| firsts.contains(words.text(x))) {
            continue;
        }
        let w: Vec<&str> = ws.iter().map(|x| words.text(x)).collect();
        let hits = cues.iter().filter(|c| contains_phrase(&w, c)).count();
        if hits < 2 {
            continue;
        }
        // Whether the paragraph names a site, read only when it decides or is reported.
        let domain = para
            .split_whitespace()
            .any(|t| super::promo::is_domain(t.trim_matches(|c: char| !c.is_alphanumeric())));
        if hits >= 3 || domain {
            out.push(flag(
                FlagKind::SeoBoilerplate,
                p.start,
                p.end,
                text,
                format!(
                    "self-promotional filler ({hits} promotion cues{})",
                    if domain { ", names a site" } else { "" }
                ),
            ));
        }
    }
}

/// A credit to a source publishing in other languages than the article's, on a text with
/// translation artefacts ("Source : INFOBAE" under a machine translation from Spanish).
pub fn translation_credit(doc: &Doc, lang: Option<&str>, out: &mut Vec<Flag>) {
    let Some(lang) = lang else { return };
    let artefacts = out
        .iter()
        .any(|f| matches!(f.kind, FlagKind::MtPlaceholder | FlagKind::ForeignFragment));
    if !artefacts {
        return;
    }
    for c in doc
        .citations
        .iter()
        .filter(|c| is_credit(c) && c.field == Field::Text)
    {
        let Some(src) = doc.registry.get(&c.source) else {
            continue;
        };
        if !src.languages.is_empty() && !src.languages.iter().any(|l| l == lang) {
            let mut f = flag(
                FlagKind::TranslationCredit,
                c.start,
                c.end,
                doc.view.text,
                format!(
                    "credits {} ({}) on a {lang} text with translation artefacts",
                    src.id,
                    src.languages.join("/")
                ),
            );
            f.evidence = c.evidence.clone();
            out.push(f);
        }
    }
}

fn contains_phrase(tokens: &[&str], phrase: &[String]) -> bool {
    !phrase.is_empty()
        && phrase.len() <= tokens.len()
        && tokens
            .windows(phrase.len())
            .any(|w| w.iter().zip(phrase).all(|(a, b)| *a == b))
}
