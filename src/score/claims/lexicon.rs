//! The words claim extraction reads: spelled numbers, multipliers, bound phrases, and the word
//! lists bundled from `data/claims/`.

/// Spelled numbers. Words that are also common words in another of the four languages ("un",
/// "one", "très"/"tres", "dos", "neuf", "sept", "cent", "mil") are left out.
pub(super) const SPELLED: &[(&str, f64)] = &[
    ("deux", 2.0),
    ("trois", 3.0),
    ("quatre", 4.0),
    ("cinq", 5.0),
    ("six", 6.0),
    ("huit", 8.0),
    ("dix", 10.0),
    ("douze", 12.0),
    ("vingt", 20.0),
    ("mille", 1000.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("twelve", 12.0),
    ("twenty", 20.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("dozen", 12.0),
    ("cuatro", 4.0),
    ("cinco", 5.0),
    ("seis", 6.0),
    ("siete", 7.0),
    ("ocho", 8.0),
    ("nueve", 9.0),
    ("diez", 10.0),
    ("doce", 12.0),
    ("veinte", 20.0),
    ("cien", 100.0),
    ("zwei", 2.0),
    ("drei", 3.0),
    ("vier", 4.0),
    ("funf", 5.0),
    ("sechs", 6.0),
    ("sieben", 7.0),
    ("acht", 8.0),
    ("neun", 9.0),
    ("zehn", 10.0),
    ("zwolf", 12.0),
    ("zwanzig", 20.0),
    ("hundert", 100.0),
    ("tausend", 1000.0),
];

/// [`SPELLED`] as a map (the first value of a word wins): every token of every text is looked up.
pub(super) fn spelled() -> &'static rustc_hash::FxHashMap<&'static str, f64> {
    static MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, f64>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for &(w, v) in SPELLED {
            m.entry(w).or_insert(v);
        }
        m
    })
}

pub(super) const MULTIPLIERS: &[(&str, f64)] = &[
    ("mille", 1e3),
    ("thousand", 1e3),
    ("mil", 1e3),
    ("tausend", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("millones", 1e6),
    ("millon", 1e6),
    ("millionen", 1e6),
    ("mio", 1e6),
    ("mln", 1e6),
    ("milliard", 1e9),
    ("milliards", 1e9),
    ("billion", 1e9),
    ("billions", 1e9),
    ("milliarden", 1e9),
    ("mrd", 1e9),
    ("bn", 1e9),
];

pub(super) const AT_LEAST: &[&str] = &[
    "plus de",
    "au moins",
    "more than",
    "at least",
    "over",
    "mas de",
    "al menos",
    "mehr als",
    "uber",
    "mindestens",
];
pub(super) const AT_MOST: &[&str] = &[
    "moins de",
    "jusqu a",
    "less than",
    "up to",
    "fewer than",
    "menos de",
    "hasta",
    "weniger als",
    "bis zu",
];
pub(super) const RANGE_OPEN: &[&str] = &["entre", "between", "zwischen"];
/// Words that make a range of two numbers with no opener before them, folded ("30.000 à 40.000",
/// "from 30 to 40", "20 bis 30").
pub(super) const RANGE_TO: &[&str] = &["a", "to", "bis"];
pub(super) const RANGE_JOIN: &[&str] = &["et", "and", "y", "und", "a", "to"];

/// Adjectives that come before the noun they qualify (`data/claims/adjectives.txt`).
const ADJECTIVES_DATA: &str = include_str!("../../../data/claims/adjectives.txt");

/// Words that never make the unit of a claim (`data/claims/not_units.txt`).
const NOT_UNITS_DATA: &str = include_str!("../../../data/claims/not_units.txt");
/// Generic nouns whose small counts are not claims (`data/claims/generic_units.txt`).
const GENERIC_UNITS_DATA: &str = include_str!("../../../data/claims/generic_units.txt");
/// Words after which a number names something (`data/claims/identifier_words.txt`).
const IDENTIFIER_WORDS_DATA: &str = include_str!("../../../data/claims/identifier_words.txt");

/// Below this value a count of a generic noun ("2 hommes") is not a claim.
pub(super) const GENERIC_MIN: f64 = 10.0;

/// A word list bundled from `data/claims/`, sorted once on first use.
pub(super) struct Lexicon {
    data: &'static str,
    words: std::sync::OnceLock<Vec<&'static str>>,
}

impl Lexicon {
    const fn new(data: &'static str) -> Lexicon {
        Lexicon {
            data,
            words: std::sync::OnceLock::new(),
        }
    }

    /// True when `word` is in the list.
    pub(super) fn contains(&self, word: &str) -> bool {
        self.words
            .get_or_init(|| lexicon(self.data))
            .binary_search(&word)
            .is_ok()
    }
}

/// Words that never make the unit of a claim.
pub(super) static NOT_UNITS: Lexicon = Lexicon::new(NOT_UNITS_DATA);
/// Generic nouns whose small counts are not claims.
pub(super) static GENERIC_UNITS: Lexicon = Lexicon::new(GENERIC_UNITS_DATA);
/// Adjectives before a noun: the unit is the noun after them ("3 foreign workers").
pub(super) static PRE_NOUN_ADJECTIVES: Lexicon = Lexicon::new(ADJECTIVES_DATA);
/// Words after which a number names something ("Chapter 11", "article 49.3").
pub(super) static IDENTIFIER_WORDS: Lexicon = Lexicon::new(IDENTIFIER_WORDS_DATA);

/// The words of one lexicon file: one per line, `#` comments.
fn lexicon(data: &'static str) -> Vec<&'static str> {
    let mut v: Vec<&str> = data
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Words that join the two numbers of a proportion ("sept sur dix", "3 out of 10", "siete de cada
/// diez", "drei von zehn", `data/claims/proportion_words.txt`): neither number counts a thing.
const PROPORTION_DATA: &str = include_str!("../../../data/claims/proportion_words.txt");

/// Proportion phrases, each as its words.
pub(super) fn proportion_phrases() -> &'static [Vec<&'static str>] {
    static PHRASES: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    PHRASES.get_or_init(|| {
        lexicon(PROPORTION_DATA)
            .into_iter()
            .map(|p| p.split(' ').collect())
            .collect()
    })
}

/// Number words too ambiguous to read as quantities ("un", "sept", "one", "dos", "ein"), which
/// still open a proportion ("sept Français sur dix", "one in five").
pub(super) const PROPORTION_NUMERATORS: &[&str] = &[
    "un", "une", "sept", "neuf", "one", "uno", "una", "dos", "tres", "ein", "eine", "einer",
];

/// Prepositions before a place name, folded: a number after "à Bordeaux", "in Paris", "en
/// Serbie" counts what happened there, it does not name a thing.
pub(super) const PLACE_PREPOSITIONS: &[&str] = &[
    "a",
    "au",
    "aux",
    "en",
    "dans",
    "vers",
    "pres",
    "in",
    "at",
    "near",
    "across",
    "throughout",
    "desde",
    "hacia",
    "bei",
    "im",
    "nach",
];
