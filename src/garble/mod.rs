//! Garbled copy: machine-translation artefacts, spun filler and navigation residue, each flagged
//! with its evidence, and a `garble` score per article.
//!
//! Surface patterns live in `data/garble/patterns.tsv` (per language), function words for language
//! identification and glued-word detection in `data/garble/function_words.tsv`, self-promotion cues
//! in `data/garble/promo.tsv`. Structural checks (repeated lines, glued words, foreign sentences,
//! translation credits) are rules over the segmentation stage.

mod chrome;
pub mod lang;
mod promo;
mod rules;
mod teaser;
pub mod vocab;

use regex::{Regex, RegexSet};
use serde::Serialize;

use crate::citations::{Citation, CitationKind, Field};
use crate::registry::Registry;
use crate::segment::Span;
use crate::text::TextView;
pub use lang::LangId;

/// The bundled surface patterns.
pub const BUNDLED_PATTERNS: &str = include_str!("../../data/garble/patterns.tsv");
/// Lazy-DFA cache per compiled pattern and thread.
const DFA_CACHE: usize = 4 << 20;

/// The bundled self-promotion cues.
pub const BUNDLED_PROMO: &str = include_str!("../../data/garble/promo.tsv");

/// What kind of artefact a flag marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// "XNUMX", "7.000 XNUMX".
    MtPlaceholder,
    /// Words or sentences of another language.
    ForeignFragment,
    /// Words joined across a lost boundary ("jeLe").
    GluedWords,
    /// The title or a paragraph repeated.
    RepeatedLine,
    /// "”. .»", doubled or stray punctuation.
    BrokenPunctuation,
    /// PREV/NEXT, "Follow us on", comment forms, counters, tags.
    NavigationResidue,
    /// "Lire aussi", "Read more" blocks inside the story.
    InsertedTeaser,
    /// Self-promotional filler about the site itself.
    SeoBoilerplate,
    /// A credit to a foreign-language original on a text with translation artefacts.
    TranslationCredit,
}

impl FlagKind {
    /// Every kind, in a stable order.
    pub const ALL: [FlagKind; 9] = [
        FlagKind::MtPlaceholder,
        FlagKind::ForeignFragment,
        FlagKind::GluedWords,
        FlagKind::RepeatedLine,
        FlagKind::BrokenPunctuation,
        FlagKind::NavigationResidue,
        FlagKind::InsertedTeaser,
        FlagKind::SeoBoilerplate,
        FlagKind::TranslationCredit,
    ];

    /// The contract spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::MtPlaceholder => "mt_placeholder",
            FlagKind::ForeignFragment => "foreign_fragment",
            FlagKind::GluedWords => "glued_words",
            FlagKind::RepeatedLine => "repeated_line",
            FlagKind::BrokenPunctuation => "broken_punctuation",
            FlagKind::NavigationResidue => "navigation_residue",
            FlagKind::InsertedTeaser => "inserted_teaser",
            FlagKind::SeoBoilerplate => "seo_boilerplate",
            FlagKind::TranslationCredit => "translation_credit",
        }
    }

    fn parse(s: &str) -> Option<FlagKind> {
        FlagKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Weight of one flag of this kind in the garble score (see [`score`]).
    pub fn weight(self) -> f64 {
        match self {
            FlagKind::MtPlaceholder => 0.35,
            FlagKind::SeoBoilerplate => 0.3,
            FlagKind::ForeignFragment | FlagKind::TranslationCredit => 0.2,
            FlagKind::GluedWords | FlagKind::RepeatedLine => 0.15,
            FlagKind::BrokenPunctuation => 0.1,
            FlagKind::NavigationResidue => 0.08,
            FlagKind::InsertedTeaser => 0.06,
        }
    }
}

/// One artefact with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    /// What it is.
    pub kind: FlagKind,
    /// Field the offsets point into.
    pub field: Field,
    /// Byte offset of the artefact.
    pub start: usize,
    /// End of the artefact.
    pub end: usize,
    /// The artefact's text (or the line around it).
    pub evidence: String,
    /// A short explanation.
    pub detail: String,
    /// False for an artefact its outlet prints in (nearly) every article: the feed's format, not
    /// this article's fault; not counted in `garble`.
    pub counted: bool,
}

struct Pattern {
    lang: String,
    kind: FlagKind,
    re: Regex,
    detail: String,
}

/// The patterns that apply to one language, as one set: only those are scanned for.
struct LangSet {
    /// The language (`None`: a language without patterns of its own, or none known).
    lang: Option<String>,
    set: RegexSet,
    /// Index in [`Garbler::patterns`] of each pattern of the set, increasing.
    patterns: Vec<usize>,
}

/// The compiled garble detector.
pub struct Garbler {
    patterns: Vec<Pattern>,
    /// One set per language with patterns of its own, then the set of `*` patterns alone.
    sets: Vec<LangSet>,
    promo: Vec<(String, Vec<String>)>,
    chrome: chrome::Chrome,
    promo_cues: promo::PromoCues,
    teasers: teaser::Teasers,
    langid: LangId,
}

/// A problem in a pattern file.
#[derive(Debug, thiserror::Error)]
#[error("data/garble/patterns.tsv: line {line}: {message}")]
pub struct PatternError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Garbler {
    /// Compiles pattern, promo and function-word tables.
    pub fn new(patterns: &str, promo: &str, langid: LangId) -> Result<Garbler, PatternError> {
        let mut out = Vec::new();
        for (i, line) in patterns.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let err = |message: String| PatternError {
                line: i + 1,
                message,
            };
            if cols.len() < 3 {
                return Err(err("expected lang<TAB>kind<TAB>regex[<TAB>detail]".into()));
            }
            let kind = FlagKind::parse(cols[1])
                .ok_or_else(|| err(format!("unknown kind {:?}", cols[1])))?;
            // ASCII word boundaries keep the fast DFA engines on non-ASCII text (a Unicode `\b`
            // forces the slow PikeVM); accented letters then count as boundaries, which is harmless
            // for these phrase patterns.
            // A larger lazy-DFA cache: the teaser heads' case-insensitive alternations otherwise
            // rebuild states over and over (7% of a run's time went to determinization).
            let re = regex::RegexBuilder::new(&cols[2].replace(r"\b", r"(?-u:\b)"))
                .dfa_size_limit(DFA_CACHE)
                .build()
                .map_err(|e| err(e.to_string()))?;
            let detail = cols.get(3).unwrap_or(&cols[1]).to_string();
            out.push(Pattern {
                lang: cols[0].to_string(),
                kind,
                re,
                detail,
            });
        }
        // A text is scanned only for its language's patterns and the `*` ones: a smaller set is a
        // smaller automaton (the teaser heads of four languages made most of its states).
        let mut langs: Vec<Option<String>> = Vec::new();
        for p in &out {
            if p.lang != "*" && !langs.iter().any(|l| l.as_deref() == Some(p.lang.as_str())) {
                langs.push(Some(p.lang.clone()));
            }
        }
        langs.push(None);
        let mut sets = Vec::with_capacity(langs.len());
        for lang in langs {
            let patterns: Vec<usize> = (0..out.len())
                .filter(|&i| out[i].lang == "*" || Some(out[i].lang.as_str()) == lang.as_deref())
                .collect();
            let set = regex::RegexSetBuilder::new(patterns.iter().map(|&i| out[i].re.as_str()))
                .dfa_size_limit(DFA_CACHE)
                .build()
                .map_err(|e| PatternError {
                    line: 0,
                    message: e.to_string(),
                })?;
            sets.push(LangSet {
                lang,
                set,
                patterns,
            });
        }
        let mut promo_out: Vec<(String, Vec<String>)> = Vec::new();
        for line in promo
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            if let Some((lang, phrase)) = line.split_once('\t') {
                promo_out.push((lang.to_string(), crate::citations::cues::words(phrase)));
            }
        }
        Ok(Garbler {
            patterns: out,
            sets,
            promo: promo_out,
            chrome: chrome::Chrome::parse(chrome::BUNDLED_CHROME),
            promo_cues: promo::PromoCues::parse(promo::BUNDLED_PROMO_CUES),
            teasers: teaser::Teasers::parse(teaser::BUNDLED_TEASER),
            langid,
        })
    }

    /// The bundled detector.
    pub fn bundled() -> Garbler {
        Garbler::new(BUNDLED_PATTERNS, BUNDLED_PROMO, LangId::bundled())
            .expect("bundled garble patterns compile")
    }

    /// The language identifier.
    pub fn langid(&self) -> &LangId {
        &self.langid
    }

    /// Flags of one article's text (and title), with the language used (`lang` if given and not
    /// contradicted by the text, else detected). `boilerplate` lines are the outlet's furniture: not flagged.
    pub fn flags(&self, doc: &Doc) -> (Vec<Flag>, Option<String>) {
        let words = self.langid.words(doc.view);
        let guess = self.langid.guess_words(&words.items);
        // The text's own language decides when the input's `lang` clearly disagrees with it (KCNA's
        // Spanish rows are labelled `en`): the function words of another known language outnumber
        // the labelled one's three to one, over at least ten of them.
        let known = |l: &str| self.langid.languages().iter().any(|x| x == l);
        let lang = match (doc.lang, guess) {
            (Some(l), Some(g))
                if g.lang != l
                    && known(l)
                    && g.hits >= 10
                    && g.hits >= 3 * self.langid.votes_for(l, &words.items).max(1) =>
            {
                Some(g.lang)
            }
            (Some(l), _) => Some(l.to_string()),
            (None, g) => g.map(|g| g.lang),
        };
        let mut flags = Vec::new();
        self.surface(doc, lang.as_deref(), &mut flags);
        rules::glued_words(doc, lang.as_deref(), &self.langid, &mut flags);
        rules::repeated_lines(doc, &words, &mut flags);
        self.teasers.lines(doc, &words, &self.langid, &mut flags);
        if let Some(l) = lang.as_deref() {
            rules::foreign(doc, l, &words, &self.langid, &mut flags);
            rules::seo(doc, l, &words, &self.promo, &mut flags);
            self.chrome.lines(doc, l, &words, &self.langid, &mut flags);
            self.promo_cues.sentences(doc, l, &words, &mut flags);
        }
        let in_bp = |f: &Flag| {
            doc.boilerplate
                .iter()
                .any(|b| b.contains(f.start, f.end) || (f.start < b.end && b.start < f.end))
        };
        flags.retain(|f| f.field != Field::Text || !in_bp(f));
        rules::translation_credit(doc, lang.as_deref(), &mut flags);
        flags.sort_by_key(|a| (a.field, a.start, a.end, a.kind));
        flags.dedup_by(|a, b| {
            a.field == b.field && a.kind == b.kind && a.start < b.end && b.start < a.end
        });
        (flags, lang)
    }

    /// The set of patterns that apply to `lang`: its own and the `*` ones.
    fn set_for(&self, lang: Option<&str>) -> &LangSet {
        self.sets
            .iter()
            .find(|s| s.lang.is_some() && s.lang.as_deref() == lang)
            .unwrap_or_else(|| self.sets.last().expect("the `*` set is always built"))
    }

    fn surface(&self, doc: &Doc, lang: Option<&str>, out: &mut Vec<Flag>) {
        let set = self.set_for(lang);
        for (field, text) in [
            (Field::Text, doc.view.text),
            (Field::Title, doc.title.unwrap_or("")),
        ] {
            if text.is_empty() {
                continue;
            }
            for k in set.set.matches(text).into_iter() {
                let p = &self.patterns[set.patterns[k]];
                if p.lang != "*" && Some(p.lang.as_str()) != lang {
                    continue;
                }
                for m in p.re.find_iter(text) {
                    if m.start() == m.end() {
                        continue;
                    }
                    // A hashtag or a handle is written that way on purpose (#NOUVELLE_CALEDONIE,
                    // @UAGA_COAG): not a placeholder.
                    if p.kind == FlagKind::MtPlaceholder && text[..m.start()].ends_with(['#', '@'])
                    {
                        continue;
                    }
                    out.push(Flag {
                        kind: p.kind,
                        field,
                        start: m.start(),
                        end: m.end(),
                        evidence: m.as_str().trim().to_string(),
                        detail: p.detail.clone(),
                        counted: true,
                    });
                }
            }
        }
    }
}

/// What the garble stage reads about one article.
pub struct Doc<'a> {
    /// Body text: its segments, fold and words.
    pub view: &'a TextView<'a>,
    /// Title.
    pub title: Option<&'a str>,
    /// Declared language.
    pub lang: Option<&'a str>,
    /// Outlet boilerplate lines (not flagged).
    pub boilerplate: &'a [Span],
    /// Citations of the article.
    pub citations: &'a [Citation],
    /// The registry (source languages for translation credits).
    pub registry: &'a Registry,
    /// The input's vocabulary (glued words decided by it), when the whole input was read first.
    pub vocab: Option<&'a vocab::Vocab>,
}

/// The garble score in [0, 1]: `1 − Π (1 − w_kind · 0.7^(j−1))` over counted flags, where `j` is the
/// flag's rank among flags of its kind. Each flag multiplies the "clean" probability by a factor
/// below one, so adding an artefact never lowers the score; repeats of one kind count with
/// diminishing returns (density within a kind), and kinds combine independently.
pub fn score(flags: &[Flag]) -> f64 {
    let mut clean = 1.0;
    for kind in FlagKind::ALL {
        let n = flags.iter().filter(|f| f.counted && f.kind == kind).count();
        let mut w = kind.weight();
        for _ in 0..n.min(20) {
            clean *= 1.0 - w;
            w *= 0.7;
        }
    }
    ((1.0 - clean) * 10_000.0).round() / 10_000.0
}

/// Is `c` a credit?
pub(crate) fn is_credit(c: &Citation) -> bool {
    c.kind == CitationKind::Credit
}

#[cfg(test)]
mod tests;
