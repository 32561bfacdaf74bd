//! Realistic benchmark corpus: multilingual news re-run with edits by many outlets, with planted
//! copies and their truth.
//!
//! ```sh
//! cargo run --release --example gen_realistic -- N OUT.csv [SEED]
//! ```
//!
//! Writes N articles to `OUT.csv` in credence's input format
//! (`id,outlet,url,published,title,text,lang`) and the planted copy pairs to `OUT.truth.csv`
//! (`a,b,relation,kind,original`, `a` < `b`, the same columns as `examples/gen_corpus.rs`). The
//! default seed is 20261121; the same N, seed and corpora give byte-identical files. Ids are
//! `r0000000`, `r0000001`… (zero-padded to 7 digits, more past 10⁷ rows), so id order is row order.
//! Rows are streamed out: memory holds the source corpora, the stories still being re-run and a
//! bounded pool of recent articles, plus a few bytes per row for the summary printed on stderr.
//! Corpora are read from `../shared/data/corpora` (or `$CREDENCE_CORPORA`); a missing file is an
//! error naming it. The generator does not use the credence library (its own sentence and word
//! rules), so changes to the engine cannot move the corpus.
//!
//! **Texts.** Base articles are fr 35%, en 30%, de 20%, es 15%, drawn from the real corpora of that
//! language: fr from gj_dev, impresso_dev and wmt21_frde_docs; de from wmt21_frde_docs, gnad10k_de
//! and impresso_dev; en from Reuters-21578, KCNA's English rows and FakeNewsCorpus; es from KCNA's
//! Spanish rows (`lang` es, or Spanish by function words; KCNA writes Spanish without accents and
//! the text is kept as the corpus has it). A base article is a real first paragraph followed by
//! real paragraphs of other source articles of the same language until a target length drawn from a
//! log-normal table (median 1.7 KB, σ 0.75, before credits and footers). Every paragraph is
//! perturbed: digits redrawn (years keep their century) and, after every three or four unchanged
//! words, the next word of four letters or more replaced by another of the same shape (length,
//! case, accented or not) from that language's vocabulary — about one word in five. Short words are
//! kept (their shape classes are small: two perturbations would often agree); where they leave
//! nothing to replace, a word is inserted, so no five words in a row survive and two perturbations
//! of one real paragraph share no copy-length passage: two base articles do not, even at a million
//! articles. Punctuation, quotes (« »), dashes and the share of accented words stay those of the
//! real text. Paragraphs are separated by newlines (one or two, per outlet).
//!
//! **Outlets.** 400 synthetic outlets per language (`lecourrier-lyon.fr`, `rundschau-koeln.de`…),
//! each with one or two footer lines it repeats under 95% of its articles (boilerplate the engine
//! must learn). `published` is an ISO timestamp in 2024 growing with the row; re-runs are later
//! than their originals.
//!
//! **Stories (wholly copies).** 8% of base articles are wire dispatches, each run by 2–30 distinct
//! outlets (P(k) ∝ k^-1.8). The first run is the full dispatch with its credit (a dateline such as
//! "PARIS (AFP) - " or a credit line such as "(AFP)", "Belga", "(dpa)", "(Reuters)", "(EFE)"); the
//! later runs appear within the next 2,000 rows, published 15 min to 48 h after it, each possibly
//! retitled, trimmed (last paragraphs dropped, at least 60% kept), padded with the outlet's own
//! intro or outro paragraph, lightly edited (a few words replaced), with the credit kept, moved or
//! dropped; 12% of them are garbled (navigation lines and "Lire aussi" teasers, glued paragraphs
//! "…marsLe", "XNUMX" placeholders, the title repeated, mojibake "Ã©"). **Every pair of runs of one
//! dispatch is listed**, relation `wholly`: kind `garbled` when either run is garbled, else
//! `wholly`; `original` is the first run's id when the pair includes it, and empty for a pair of
//! two later runs (neither copied the other).
//!
//! **Partial copies.** 5% of the other base articles paste 2–3 consecutive paragraphs (at most 40%
//! of the source) of a recent single-outlet article of the same language into a new article with at
//! least 1.5 times as much text of its own; listed as `partially`, kind `partial`, `original` the
//! source. A source is pasted once and neither side is a dispatch, so no unlisted pair shares text.
//!
//! **Frozen.** With the default seed and the `../shared` corpora as they are now (and this
//! toolchain's Unicode tables), the outputs are (`sha256sum`):
//!
//! ```text
//! N=20000   real20000.csv        78eae98a35516de0c26ce5acf9f385ac66ac99e341307bfa447dfbcf2064b140
//!           real20000.truth.csv  b47cb54739a29a98337ebe05c3fb0606a6637066518e613e930ed173a5dedfe8
//! N=200000  real200000.csv       972a027a69f6abb086a66665ceb5941c2f8e61a616aadc1d004d8a59cfa43c93
//!           real200000.truth.csv 44348851bf484d89682765906dc58c80cdad123f473c5c84ddd480052bf9d9b2
//! ```
//!
//! (`cargo run --release --example gen_realistic -- 20000 target/bench-corpora/real20000.csv`;
//! `scripts/bench_realistic.sh` generates and checks them.) Any change to this file that moves one
//! draw of the generator changes every later row: record new checksums and say so in
//! `BENCHMARKS.md`.

use std::collections::{BTreeMap, HashMap};
use std::error::Error;
use std::fs::File;
use std::io::{BufWriter, Write};

/// SplitMix64, as in `gen_corpus.rs`: tiny, fast and stable (the output must not change).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64) < p * (1u64 << 53) as f64
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
    /// An index drawn with the given integer weights.
    fn weighted(&mut self, weights: &[u64]) -> usize {
        let mut x = self.next() % weights.iter().sum::<u64>();
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

const DEFAULT_SEED: u64 = 20261121;
/// Base-article language mix (fr, en, de, es), per mille.
const MIX: [u64; 4] = [350, 300, 200, 150];
/// Share of base articles that are dispatches re-run by several outlets.
const DISPATCH_RATE: f64 = 0.08;
/// Share of the other base articles that paste paragraphs of an earlier article.
const PARTIAL_RATE: f64 = 0.05;
/// Share of re-runs that are garbled.
const GARBLED_RATE: f64 = 0.12;
/// Re-runs of a dispatch appear within this many rows after it.
const STORY_WINDOW: usize = 2000;
/// Recent single-outlet articles kept per language as partial-copy sources.
const KEPT: usize = 500;
/// Weights of story sizes 2..=30 (∝ k^-1.8, ×10⁶).
const STORY_SIZES: [u64; 29] = [
    287175, 138415, 82469, 55189, 39749, 30118, 23683, 19159, 15849, 13350, 11415, 9883, 8649,
    7639, 6801, 6098, 5502, 4992, 4551, 4169, 3834, 3539, 3278, 3046, 2838, 2652, 2484, 2332, 2194,
];
/// Target base-article length in bytes at percentiles 0.2, 1, 2, …, 99, 99.95 of a log-normal
/// (median 1,700, σ 0.75); lengths are interpolated between them.
const LENGTHS: [u32; 101] = [
    196, 297, 364, 415, 457, 495, 530, 562, 593, 622, 650, 678, 704, 730, 756, 781, 806, 831, 856,
    880, 904, 928, 953, 977, 1001, 1025, 1049, 1074, 1098, 1123, 1147, 1172, 1197, 1222, 1248,
    1273, 1299, 1325, 1352, 1379, 1406, 1433, 1461, 1489, 1518, 1547, 1577, 1607, 1637, 1668, 1700,
    1732, 1765, 1799, 1833, 1868, 1904, 1940, 1978, 2016, 2056, 2096, 2138, 2180, 2224, 2270, 2316,
    2364, 2414, 2466, 2519, 2575, 2632, 2692, 2754, 2819, 2887, 2959, 3034, 3113, 3196, 3284, 3378,
    3477, 3584, 3699, 3822, 3957, 4104, 4265, 4445, 4647, 4877, 5142, 5456, 5837, 6320, 6967, 7932,
    9732, 20056,
];
/// 2024-01-01T00:00:00Z and the span of the timeline (2024 is a leap year).
const START: i64 = 1_704_067_200;
const SPAN: i64 = 366 * 86_400;

// ---------------------------------------------------------------------------------------------
// Language kits: outlets, credits, furniture.

/// What one language contributes besides its texts.
struct Kit {
    code: &'static str,
    /// 20 masthead names × 20 towns (with their top-level domain) = 400 outlets.
    mastheads: &'static [&'static str],
    towns: &'static [(&'static str, &'static str)],
    /// Outlet display name from `{masthead}` and `{town}`.
    name: &'static str,
    /// Footer line templates (`{name}`, `{domain}`).
    footers: &'static [&'static str],
    /// Per agency: the dateline (`{city}`) and the credit line.
    agencies: &'static [(&'static str, &'static str)],
    cities: &'static [&'static str],
    /// Navigation residue lines, and the related-article teaser (`{t}`).
    nav: &'static [&'static str],
    teaser: &'static str,
    /// Retitling patterns (`{t}`).
    retitles: &'static [&'static str],
    sections: &'static [&'static str],
}

const FR: Kit = Kit {
    code: "fr",
    mastheads: &[
        "Le Courrier",
        "L'Écho",
        "La Dépêche",
        "La Gazette",
        "Le Républicain",
        "Le Progrès",
        "La Voix",
        "Le Journal",
        "La Tribune",
        "Les Nouvelles",
        "Le Matin",
        "Le Soir",
        "L'Indépendant",
        "Le Réveil",
        "L'Observateur",
        "La Presse",
        "Le Messager",
        "L'Éclair",
        "Le Phare",
        "La Liberté",
    ],
    towns: &[
        ("Lyon", "fr"),
        ("Nantes", "fr"),
        ("Lille", "fr"),
        ("Rennes", "fr"),
        ("Liège", "be"),
        ("Namur", "be"),
        ("Genève", "ch"),
        ("Lausanne", "ch"),
        ("Sion", "ch"),
        ("Tours", "fr"),
        ("Dijon", "fr"),
        ("Metz", "fr"),
        ("Nice", "fr"),
        ("Brest", "fr"),
        ("Caen", "fr"),
        ("Reims", "fr"),
        ("Pau", "fr"),
        ("Annecy", "fr"),
        ("Mons", "be"),
        ("Fribourg", "ch"),
    ],
    name: "{masthead} de {town}",
    footers: &[
        "© {name} – Tous droits de reproduction réservés.",
        "Retrouvez toute l'actualité de votre région sur {domain}.",
        "Vous avez repéré une erreur ? Écrivez à la rédaction de {name}.",
        "Abonnez-vous à la newsletter de {name} pour recevoir l'essentiel de l'info.",
        "Cet article vous a plu ? Partagez-le avec vos proches.",
        "La rédaction de {name} vous remercie de votre fidélité.",
    ],
    agencies: &[
        ("{city} (AFP) - ", "(AFP)"),
        ("{city} (Belga) - ", "Belga"),
        ("{city} (ats) - ", "(ats/nxp)"),
        ("{city} (Reuters) - ", "(Reuters)"),
    ],
    cities: &[
        "PARIS",
        "BRUXELLES",
        "GENÈVE",
        "LYON",
        "MARSEILLE",
        "LAUSANNE",
        "LIÈGE",
        "BORDEAUX",
    ],
    nav: &[
        "PUBLICITÉ",
        "Article suivant",
        "Partager sur Facebook",
        "Mots-clés : Société, Politique",
    ],
    teaser: "Lire aussi : {t}",
    retitles: &[
        "{t} : ce que l'on sait",
        "VIDÉO. {t}",
        "{t} (actualisé)",
        "DIRECT. {t}",
    ],
    sections: &["actualite", "monde", "societe", "economie", "politique"],
};

const EN: Kit = Kit {
    code: "en",
    mastheads: &[
        "Herald",
        "Gazette",
        "Courier",
        "Tribune",
        "Chronicle",
        "Post",
        "Times",
        "Observer",
        "Sentinel",
        "Examiner",
        "Dispatch",
        "Ledger",
        "Record",
        "Journal",
        "Standard",
        "Mirror",
        "Star",
        "Bulletin",
        "Review",
        "Express",
    ],
    towns: &[
        ("Leeds", "co.uk"),
        ("Bristol", "co.uk"),
        ("Dayton", "com"),
        ("Tulsa", "com"),
        ("Fresno", "com"),
        ("Omaha", "com"),
        ("Boise", "com"),
        ("Salem", "com"),
        ("Dover", "com"),
        ("York", "co.uk"),
        ("Derby", "co.uk"),
        ("Perth", "com.au"),
        ("Hobart", "com.au"),
        ("Albany", "com"),
        ("Austin", "com"),
        ("Tampa", "com"),
        ("Reno", "com"),
        ("Akron", "com"),
        ("Galway", "ie"),
        ("Cork", "ie"),
    ],
    name: "The {town} {masthead}",
    footers: &[
        "© {name}. All rights reserved.",
        "Get the latest local news at {domain}.",
        "Spotted an error? Contact the {name} newsroom.",
        "Sign up for the {name} daily newsletter to get the top stories.",
        "Enjoyed this article? Share it with your friends.",
        "Thank you for reading {name}.",
    ],
    agencies: &[
        ("{city} (Reuters) - ", "Reuters"),
        (
            "{city} (AP) — ",
            "The Associated Press contributed to this report.",
        ),
        ("{city} (AFP) - ", "AFP"),
        ("{city}, (Reuters) - ", "(Reporting by Reuters)"),
    ],
    cities: &[
        "LONDON",
        "WASHINGTON",
        "NEW YORK",
        "SYDNEY",
        "TORONTO",
        "DUBLIN",
        "BRUSSELS",
        "SINGAPORE",
    ],
    nav: &[
        "Advertisement",
        "Next article",
        "Share on Facebook",
        "Tags: World, Politics",
    ],
    teaser: "Read more: {t}",
    retitles: &[
        "{t}: what we know",
        "VIDEO: {t}",
        "{t} (updated)",
        "LIVE: {t}",
    ],
    sections: &["news", "world", "business", "politics", "local"],
};

const DE: Kit = Kit {
    code: "de",
    mastheads: &[
        "Allgemeine",
        "Rundschau",
        "Kurier",
        "Tagblatt",
        "Anzeiger",
        "Nachrichten",
        "Morgenpost",
        "Abendblatt",
        "Bote",
        "Volksblatt",
        "Echo",
        "Presse",
        "Stimme",
        "Post",
        "Landeszeitung",
        "Merkur",
        "Neue Presse",
        "Wochenblatt",
        "Zeitung",
        "Journal",
    ],
    towns: &[
        ("Köln", "de"),
        ("Bremen", "de"),
        ("Kassel", "de"),
        ("Linz", "at"),
        ("Graz", "at"),
        ("Bern", "ch"),
        ("Basel", "ch"),
        ("Mainz", "de"),
        ("Trier", "de"),
        ("Ulm", "de"),
        ("Kiel", "de"),
        ("Jena", "de"),
        ("Halle", "de"),
        ("Passau", "de"),
        ("Aachen", "de"),
        ("Bonn", "de"),
        ("Luzern", "ch"),
        ("Salzburg", "at"),
        ("Rostock", "de"),
        ("Erfurt", "de"),
    ],
    name: "{town}er {masthead}",
    footers: &[
        "© {name} – Alle Rechte vorbehalten.",
        "Mehr Nachrichten aus Ihrer Region finden Sie auf {domain}.",
        "Sie haben einen Fehler entdeckt? Schreiben Sie der Redaktion von {name}.",
        "Jetzt den kostenlosen Newsletter von {name} abonnieren.",
        "Hat Ihnen dieser Artikel gefallen? Teilen Sie ihn mit Ihren Freunden.",
        "Die Redaktion von {name} dankt Ihnen für Ihre Treue.",
    ],
    agencies: &[
        ("{city} (dpa) - ", "(dpa)"),
        ("{city} (APA) - ", "(APA)"),
        ("{city} (sda) - ", "sda/dpa"),
        ("{city} (AFP) - ", "(AFP)"),
    ],
    cities: &[
        "Berlin",
        "Wien",
        "Zürich",
        "München",
        "Hamburg",
        "Frankfurt",
        "Bern",
        "Köln",
    ],
    nav: &[
        "Anzeige",
        "Nächster Artikel",
        "Teilen auf Facebook",
        "Schlagwörter: Politik, Inland",
    ],
    teaser: "Lesen Sie auch: {t}",
    retitles: &[
        "{t}: Was bisher bekannt ist",
        "Video: {t}",
        "{t} (aktualisiert)",
        "Liveticker: {t}",
    ],
    sections: &["nachrichten", "politik", "wirtschaft", "panorama", "region"],
};

const ES: Kit = Kit {
    code: "es",
    mastheads: &[
        "El Diario",
        "La Voz",
        "El Heraldo",
        "La Gaceta",
        "El Correo",
        "La Prensa",
        "El Informador",
        "La Opinión",
        "El Mercurio",
        "La Crónica",
        "El Noticiero",
        "La Tribuna",
        "El Observador",
        "El Independiente",
        "La Razón",
        "El Sol",
        "La Región",
        "El Faro",
        "Última Hora",
        "El Eco",
    ],
    towns: &[
        ("Sevilla", "es"),
        ("Bilbao", "es"),
        ("Málaga", "es"),
        ("Murcia", "es"),
        ("Vigo", "es"),
        ("Cádiz", "es"),
        ("Rosario", "com.ar"),
        ("Mendoza", "com.ar"),
        ("Córdoba", "com.ar"),
        ("Puebla", "mx"),
        ("Toluca", "mx"),
        ("Cusco", "pe"),
        ("Quito", "ec"),
        ("Cali", "co"),
        ("Oviedo", "es"),
        ("León", "mx"),
        ("Salta", "com.ar"),
        ("Tijuana", "mx"),
        ("Arequipa", "pe"),
        ("Valencia", "es"),
    ],
    name: "{masthead} de {town}",
    footers: &[
        "© {name}. Todos los derechos reservados.",
        "Encuentre toda la actualidad de su región en {domain}.",
        "¿Ha visto un error? Escriba a la redacción de {name}.",
        "Suscríbase al boletín de {name} para recibir lo más importante.",
        "¿Le gustó este artículo? Compártalo con sus amigos.",
        "La redacción de {name} le agradece su fidelidad.",
    ],
    agencies: &[
        ("{city} (EFE).- ", "EFE"),
        ("{city} (Europa Press) - ", "(Europa Press)"),
        ("{city} (AFP) - ", "AFP"),
        ("{city}, (PL) - ", "Prensa Latina"),
    ],
    cities: &[
        "Madrid",
        "Buenos Aires",
        "México",
        "Bogotá",
        "Lima",
        "Santiago",
        "Barcelona",
        "Caracas",
    ],
    nav: &[
        "Publicidad",
        "Artículo siguiente",
        "Compartir en Facebook",
        "Etiquetas: Política, Mundo",
    ],
    teaser: "Lee también: {t}",
    retitles: &[
        "{t}: lo que se sabe",
        "VIDEO: {t}",
        "{t} (actualizado)",
        "EN DIRECTO: {t}",
    ],
    sections: &["noticias", "mundo", "economia", "politica", "sociedad"],
};

/// Kits indexed by language: fr, en, de, es (the order of [`MIX`]).
const KITS: [&Kit; 4] = [&FR, &EN, &DE, &ES];

// ---------------------------------------------------------------------------------------------
// Source corpora.

/// How a corpus lays out its paragraphs.
#[derive(Clone, Copy)]
enum Layout {
    /// One paragraph per line.
    Lines,
    /// Reuters-21578: hard-wrapped lines, paragraphs indented, a final "Reuter".
    Reuters,
    /// KCNA: line breaks joined as ", ,".
    Kcna,
    /// No line breaks: sentences grouped into paragraphs.
    Sentences,
}

/// Which rows of a corpus a language takes.
#[derive(Clone, Copy)]
enum Pick {
    All,
    Lang(&'static str),
    /// KCNA rows labelled en that are not Spanish by function words.
    KcnaEnglish,
    /// KCNA rows labelled es, or Spanish by function words.
    KcnaSpanish,
}

struct Source {
    file: &'static str,
    pick: Pick,
    layout: Layout,
    /// Index into [`KITS`].
    lang: usize,
}

const SOURCES: [Source; 10] = [
    Source {
        file: "gj_dev.csv",
        pick: Pick::All,
        layout: Layout::Lines,
        lang: 0,
    },
    Source {
        file: "impresso_dev.csv",
        pick: Pick::Lang("fr"),
        layout: Layout::Sentences,
        lang: 0,
    },
    Source {
        file: "wmt21_frde_docs.csv",
        pick: Pick::Lang("fr"),
        layout: Layout::Lines,
        lang: 0,
    },
    Source {
        file: "reuters21578.csv",
        pick: Pick::All,
        layout: Layout::Reuters,
        lang: 1,
    },
    Source {
        file: "kcna_2011.csv",
        pick: Pick::KcnaEnglish,
        layout: Layout::Kcna,
        lang: 1,
    },
    Source {
        file: "fakenewscorpus_sample.csv",
        pick: Pick::All,
        layout: Layout::Lines,
        lang: 1,
    },
    Source {
        file: "wmt21_frde_docs.csv",
        pick: Pick::Lang("de"),
        layout: Layout::Lines,
        lang: 2,
    },
    Source {
        file: "gnad10k_de.csv",
        pick: Pick::All,
        layout: Layout::Sentences,
        lang: 2,
    },
    Source {
        file: "impresso_dev.csv",
        pick: Pick::Lang("de"),
        layout: Layout::Sentences,
        lang: 2,
    },
    Source {
        file: "kcna_2011.csv",
        pick: Pick::KcnaSpanish,
        layout: Layout::Kcna,
        lang: 3,
    },
];

const ES_WORDS: [&str; 15] = [
    "el", "la", "los", "las", "del", "que", "por", "para", "con", "una", "y", "se", "al", "su",
    "es",
];
const EN_WORDS: [&str; 14] = [
    "the", "of", "and", "to", "in", "is", "for", "with", "that", "on", "by", "was", "his", "from",
];

/// More Spanish than English function words among the first 300 words.
fn spanish(text: &str) -> bool {
    let (mut es, mut en) = (0, 0);
    for w in text.split_whitespace().take(300) {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        es += usize::from(ES_WORDS.contains(&w.as_str()));
        en += usize::from(EN_WORDS.contains(&w.as_str()));
    }
    es > en
}

fn picked(pick: Pick, lang: &str, text: &str) -> bool {
    match pick {
        Pick::All => true,
        Pick::Lang(l) => lang == l,
        Pick::KcnaEnglish => lang == "en" && !spanish(text),
        Pick::KcnaSpanish => lang == "es" || spanish(text),
    }
}

/// A real paragraph and the source article it comes from.
struct Para {
    src: u32,
    text: String,
}

/// Everything one language draws from.
struct Pool {
    leads: Vec<Para>,
    body: Vec<Para>,
    titles: Vec<String>,
    vocab: Vocab,
}

#[derive(Default)]
struct PoolBuilder {
    leads: Vec<Para>,
    body: Vec<Para>,
    titles: Vec<String>,
    words: HashMap<String, u32>,
    articles: u32,
}

impl PoolBuilder {
    fn add(&mut self, title: &str, text: &str, layout: Layout) {
        let src = self.articles;
        self.articles += 1;
        for (s, e) in Runs::new(text) {
            let w = &text[s..e];
            if let Some(n) = self.words.get_mut(w) {
                *n += 1;
            } else if shape(w).is_some() {
                self.words.insert(w.to_string(), 1);
            }
        }
        let title = title.trim();
        if title.split_whitespace().count() >= 3 && title.len() <= 200 && usable(title) {
            self.titles.push(title.to_string());
        }
        for (k, p) in paragraphs(text, layout).into_iter().enumerate() {
            if !usable(&p) || !perturbable(&p) || p.split_whitespace().count() < 8 {
                continue;
            }
            let para = Para { src, text: p };
            if k == 0 {
                self.leads.push(para);
            } else {
                self.body.push(para);
            }
        }
    }

    fn finish(self, code: &str, vocab: Vocab) -> Result<Pool, String> {
        if self.leads.is_empty() || self.body.is_empty() || self.titles.is_empty() {
            return Err(format!(
                "no usable {code} paragraphs or titles in the corpora"
            ));
        }
        Ok(Pool {
            leads: self.leads,
            body: self.body,
            titles: self.titles,
            vocab,
        })
    }
}

/// Each language's replacement words: frequent enough (see [`MIN_COUNT`]) and not words of
/// another language that its corpora merely quote ("the" in a French text): a word is left out
/// when its relative frequency in another language's corpora is more than twice its own.
fn vocabularies(builders: &[PoolBuilder]) -> Vec<Vocab> {
    let totals: Vec<u64> = builders
        .iter()
        .map(|b| b.words.values().map(|&n| u64::from(n)).sum::<u64>().max(1))
        .collect();
    let mut out = Vec::new();
    for (l, b) in builders.iter().enumerate() {
        let mut classes: Vec<Vec<String>> = vec![Vec::new(); CLASSES];
        for (w, &n) in &b.words {
            let foreign = builders.iter().enumerate().any(|(m, o)| {
                let k = o.words.get(w).map_or(0, |&k| u64::from(k));
                m != l && k * totals[l] > 2 * u64::from(n) * totals[m]
            });
            if n >= MIN_COUNT && !foreign {
                if let Some(c) = shape(w) {
                    classes[c].push(w.clone());
                }
            }
        }
        classes.iter_mut().for_each(|c| c.sort_unstable());
        out.push(Vocab::new(classes));
    }
    out
}

/// No URLs, scripts or tables: residue that would read as garble in every article reusing it.
fn usable(p: &str) -> bool {
    !["http", "www.", "$(", "{", "}", " | "]
        .iter()
        .any(|bad| p.contains(bad))
}

/// Words that [`perturb`] can change (numbers and replaceable words) make 40% of the
/// paragraph, with never eight unchangeable ones in a row: OCR debris ("H-»älHßHß^flH|^«>!")
/// would otherwise survive perturbation and repeat in every article drawing it.
fn perturbable(p: &str) -> bool {
    let (mut n, mut ok, mut run) = (0, 0, 0);
    for (s, e) in Runs::new(p) {
        let w = &p[s..e];
        n += 1;
        if w.bytes().all(|b| b.is_ascii_digit()) || shape(w).is_some() {
            ok += 1;
            run = 0;
        } else {
            run += 1;
            if run >= 8 {
                return false;
            }
        }
    }
    ok * 10 >= n * 4
}

fn load_pools(dir: &str) -> Result<Vec<Pool>, Box<dyn Error>> {
    let mut builders: Vec<PoolBuilder> = (0..KITS.len()).map(|_| PoolBuilder::default()).collect();
    for source in &SOURCES {
        load_source(dir, source, &mut builders[source.lang])?;
    }
    let vocabs = vocabularies(&builders);
    let mut pools = Vec::new();
    for ((b, vocab), kit) in builders.into_iter().zip(vocabs).zip(KITS) {
        pools.push(b.finish(kit.code, vocab)?);
    }
    Ok(pools)
}

fn load_source(dir: &str, source: &Source, b: &mut PoolBuilder) -> Result<(), Box<dyn Error>> {
    let path = format!("{dir}/{}", source.file);
    let mut rdr = csv::Reader::from_path(&path).map_err(|e| {
        format!("cannot read corpus {path}: {e} (set CREDENCE_CORPORA to its folder)")
    })?;
    let headers = rdr.headers().map_err(|e| format!("{path}: {e}"))?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("{path}: no `{name}` column"))
    };
    let (text_col, lang_col, title_col) = (col("text")?, col("lang")?, col("title")?);
    for rec in rdr.records() {
        let rec = rec.map_err(|e| format!("{path}: {e}"))?;
        let text = rec.get(text_col).unwrap_or("");
        let lang = rec.get(lang_col).unwrap_or("");
        if text.trim().is_empty() || !picked(source.pick, lang, text) {
            continue;
        }
        b.add(rec.get(title_col).unwrap_or(""), text, source.layout);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and sentences.

/// A corpus text's paragraphs; paragraphs over 1,200 bytes are cut into groups of sentences.
fn paragraphs(text: &str, layout: Layout) -> Vec<String> {
    let raw: Vec<String> = match layout {
        Layout::Lines => text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        Layout::Reuters => reuters_paragraphs(text),
        Layout::Kcna => text
            .split(", ,")
            .map(|p| p.trim_matches(|c: char| c == ',' || c.is_whitespace()))
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect(),
        Layout::Sentences => group(sentences(text), 300),
    };
    raw.into_iter()
        .flat_map(|p| {
            if p.len() > 1200 {
                group(sentences(&p), 400)
            } else {
                vec![p]
            }
        })
        .collect()
}

/// Reuters-21578 paragraphs: indented or blank lines start one, wrapped lines are joined, the
/// closing "Reuter" is dropped.
fn reuters_paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in text.lines() {
        let t = line.trim();
        if (t.is_empty() || line.starts_with(char::is_whitespace)) && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if t.is_empty() || t.eq_ignore_ascii_case("reuter") {
            continue;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(t);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Sentences: a terminator (and closing quotes), a space, then a capital or an opening quote.
fn sentences(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..b.len() {
        if i < start || !matches!(b[i], b'.' | b'!' | b'?') {
            continue;
        }
        let mut j = i + 1;
        while j < b.len() && matches!(b[j], b'"' | b')' | b'\'') {
            j += 1;
        }
        for close in ["\u{a0}»", "»", "”", "’"] {
            if text[j..].starts_with(close) {
                j += close.len();
            }
        }
        if j >= b.len() || b[j] != b' ' {
            continue;
        }
        let next = text[j..].trim_start().chars().next();
        if next.is_some_and(|c| c.is_uppercase() || "«\"“(".contains(c)) {
            let s = text[start..j].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = j;
        }
    }
    let s = text[start..].trim();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

/// Sentences joined into paragraphs of at least `min` bytes (the last one may be shorter).
fn group(sents: Vec<&str>, min: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for s in sents {
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(s);
        if cur.len() >= min {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Words and perturbation.

/// Byte ranges of the maximal alphanumeric runs of a text (credence's copy tokens before folding).
struct Runs<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Runs<'a> {
    fn new(text: &'a str) -> Runs<'a> {
        Runs { text, pos: 0 }
    }
}

impl Iterator for Runs<'_> {
    type Item = (usize, usize);
    fn next(&mut self) -> Option<(usize, usize)> {
        let s = self.pos + self.text[self.pos..].find(char::is_alphanumeric)?;
        let len = self.text[s..]
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(self.text.len() - s);
        self.pos = s + len;
        Some((s, s + len))
    }
}

/// Word shapes: length 4..=16 (longer counts as 16) × case (lower, Capital, UPPER) × accented.
/// Shorter words are never replaced: their classes are small (function words), so two
/// perturbations of one paragraph would often draw the same replacements and share passages.
const CLASSES: usize = 13 * 3 * 2;

/// The shape class of a replaceable word: letters only, four or more, not mixed case.
fn shape(w: &str) -> Option<usize> {
    let (mut n, mut upper, mut first_upper, mut accented) = (0usize, 0usize, false, false);
    for c in w.chars() {
        if c.is_uppercase() {
            upper += 1;
            first_upper |= n == 0;
        } else if !c.is_lowercase() {
            return None;
        }
        accented |= !c.is_ascii();
        n += 1;
    }
    let case = match upper {
        _ if n < 4 => return None,
        0 => 0,
        1 if first_upper => 1,
        u if u == n => 2,
        _ => return None,
    };
    Some(((n.min(16) - 4) * 3 + case) * 2 + usize::from(accented))
}

/// Occurrences a word needs to be drawn as a replacement (drops typos and OCR noise).
const MIN_COUNT: u32 = 2;

/// Replacement words are drawn from shape classes of at least this many words, so that two
/// perturbations of one paragraph almost never draw the same word at the same place.
const MIN_CLASS: usize = 100;
/// At most this many words in a row are left unchanged; then a word is inserted if the next one
/// cannot be replaced.
const MAX_RUN: usize = 4;

/// One language's words by shape, sorted, and the lowercase words of 5–10 letters inserted where
/// short words leave nothing to replace.
struct Vocab {
    classes: Vec<Vec<String>>,
    fillers: Vec<String>,
}

impl Vocab {
    fn new(classes: Vec<Vec<String>>) -> Vocab {
        let fillers = classes
            .iter()
            .flatten()
            .filter(|w| (5..=10).contains(&w.chars().count()) && w.chars().all(char::is_lowercase))
            .cloned()
            .collect();
        Vocab { classes, fillers }
    }

    /// Another word of the same shape as `w`, if its class is large enough.
    fn other(&self, w: &str, rng: &mut Rng) -> Option<&str> {
        let class = &self.classes[shape(w)?];
        if class.len() < MIN_CLASS {
            return None;
        }
        let k = rng.below(class.len());
        let r = if class[k] == w {
            &class[(k + 1) % class.len()]
        } else {
            &class[k]
        };
        Some(r)
    }
}

/// Unchanged words before the next replacement: 3 or 4 (then the next replaceable word).
fn next_gap(rng: &mut Rng) -> usize {
    if rng.chance(0.25) {
        3
    } else {
        4
    }
}

/// A text with its numbers redrawn and about one word in five changed: replaced by a word of the
/// same shape or, where short words leave nothing to replace within [`MAX_RUN`] words, preceded by
/// an inserted word. No five words in a row survive, and the changes come from large classes, so
/// two perturbations of one paragraph share no copy-length passage. Everything between words
/// (punctuation, quotes, dashes, line breaks) is kept.
fn perturb(text: &str, vocab: &Vocab, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut last = 0;
    let mut since = rng.below(MAX_RUN);
    let mut gap = next_gap(rng);
    for (s, e) in Runs::new(text) {
        out.push_str(&text[last..s]);
        last = e;
        let w = &text[s..e];
        let at = out.len();
        let replacement = if since >= gap {
            vocab.other(w, rng)
        } else {
            None
        };
        let changed = if w.bytes().all(|b| b.is_ascii_digit()) {
            redraw_number(w, rng, &mut out)
        } else if let Some(r) = replacement {
            out.push_str(r);
            true
        } else {
            out.push_str(w);
            false
        };
        if changed {
            (since, gap) = (0, next_gap(rng));
        } else if since >= MAX_RUN && !vocab.fillers.is_empty() {
            let filler = rng.pick(&vocab.fillers);
            out.insert_str(at, &format!("{filler} "));
            (since, gap) = (1, next_gap(rng));
        } else {
            since += 1;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// Writes random digits of the same count (a leading non-zero digit stays non-zero, years keep
/// "19"/"20"); true when three digits or more were drawn, a change another draw will not repeat.
fn redraw_number(d: &str, rng: &mut Rng, out: &mut String) -> bool {
    let b = d.as_bytes();
    let keep = if b.len() == 4 && (d.starts_with("19") || d.starts_with("20")) {
        2
    } else {
        0
    };
    for (i, &c) in b.iter().enumerate() {
        let digit = if i < keep {
            c
        } else if i == 0 && c != b'0' {
            b'1' + rng.below(9) as u8
        } else {
            b'0' + rng.below(10) as u8
        };
        out.push(digit as char);
    }
    b.len() - keep >= 3
}

/// `p` with one replaceable word swapped for another of its shape.
fn swap_one(p: &str, vocab: &Vocab, rng: &mut Rng) -> String {
    let words: Vec<(usize, usize)> = Runs::new(p)
        .filter(|&(s, e)| shape(&p[s..e]).is_some())
        .collect();
    if words.is_empty() {
        return p.to_string();
    }
    let (s, e) = *rng.pick(&words);
    match vocab.other(&p[s..e], rng) {
        Some(r) => format!("{}{r}{}", &p[..s], &p[e..]),
        None => p.to_string(),
    }
}

/// Lowercase ASCII for URLs and domains ("L'Écho" → "lecho", "Köln" → "koeln"), other
/// characters becoming `sep` (collapsed), or dropped when `sep` is `None`.
fn slug(s: &str, sep: Option<char>) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'à' | 'á' | 'â' | 'ã' | 'å' => "a",
            'ä' | 'æ' => "ae",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' => "o",
            'ö' | 'œ' => "oe",
            'ù' | 'ú' | 'û' => "u",
            'ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => {
                if let Some(sep) = sep {
                    if !out.is_empty() && !out.ends_with(sep) {
                        out.push(sep);
                    }
                }
                continue;
            }
        };
        out.push_str(folded);
    }
    out.trim_end_matches('-').to_string()
}

// ---------------------------------------------------------------------------------------------
// Outlets and dates.

struct Outlet {
    domain: String,
    footers: Vec<String>,
    sep: &'static str,
}

/// The 400 outlets of one language: every masthead in every town.
fn make_outlets(kit: &Kit, rng: &mut Rng) -> Vec<Outlet> {
    let mut out = Vec::new();
    for masthead in kit.mastheads {
        for (town, tld) in kit.towns {
            let name = kit
                .name
                .replace("{masthead}", masthead)
                .replace("{town}", town);
            let domain = format!("{}-{}.{tld}", slug(masthead, None), slug(town, None));
            let first = rng.below(kit.footers.len());
            let mut footers = vec![first];
            if rng.chance(0.5) {
                footers.push((first + 1 + rng.below(kit.footers.len() - 1)) % kit.footers.len());
            }
            let footers = footers
                .into_iter()
                .map(|k| {
                    kit.footers[k]
                        .replace("{name}", &name)
                        .replace("{domain}", &domain)
                })
                .collect();
            let sep = if rng.chance(0.7) { "\n" } else { "\n\n" };
            out.push(Outlet {
                domain,
                footers,
                sep,
            });
        }
    }
    out
}

/// Civil date (year, month, day) and time of day of a Unix timestamp (Hinnant's algorithm).
fn civil(t: i64) -> (i64, i64, i64, i64) {
    let (days, secs) = (t.div_euclid(86_400), t.rem_euclid(86_400));
    let z = days + 719_468;
    let (era, doe) = (z.div_euclid(146_097), z.rem_euclid(146_097));
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d, secs)
}

fn iso(t: i64) -> String {
    let (y, m, d, s) = civil(t);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

// ---------------------------------------------------------------------------------------------
// Articles.

/// One output row before rendering.
struct Row {
    lang: usize,
    outlet: usize,
    t: i64,
    title: String,
    paras: Vec<String>,
}

/// A dispatch being re-run.
struct Story {
    lang: usize,
    title: String,
    paras: Vec<String>,
    agency: usize,
    city: usize,
    dateline: bool,
    t0: i64,
    outlets: Vec<usize>,
    /// Rows already written and whether each is garbled.
    runs: Vec<(usize, bool)>,
    left: usize,
}

/// A recent single-outlet article, a possible partial-copy source.
struct Kept {
    row: usize,
    outlet: usize,
    t: i64,
    paras: Vec<String>,
}

/// A target length drawn from [`LENGTHS`].
fn target_length(rng: &mut Rng) -> usize {
    let u = rng.below(100_000);
    let (i, frac) = (u / 1000, (u % 1000) as u32);
    (LENGTHS[i] + (LENGTHS[i + 1] - LENGTHS[i]) * frac / 1000) as usize
}

/// A paragraph from `v`, preferring source articles not used yet in this article.
fn draw<'a>(v: &'a [Para], used: &mut Vec<u32>, rng: &mut Rng) -> &'a Para {
    let mut p = rng.pick(v);
    for _ in 0..3 {
        if !used.contains(&p.src) {
            break;
        }
        p = rng.pick(v);
    }
    used.push(p.src);
    p
}

/// A real lead and real paragraphs of other articles, perturbed, until `target` bytes.
fn build_paras(pool: &Pool, target: usize, min: usize, rng: &mut Rng) -> Vec<String> {
    let mut used = Vec::new();
    let lead = draw(&pool.leads, &mut used, rng);
    let mut paras = vec![perturb(&lead.text, &pool.vocab, rng)];
    let mut len = paras[0].len();
    while (len < target || paras.len() < min) && paras.len() < 200 {
        let p = perturb(&draw(&pool.body, &mut used, rng).text, &pool.vocab, rng);
        len += p.len() + 1;
        paras.push(p);
    }
    paras
}

fn new_title(pool: &Pool, rng: &mut Rng) -> String {
    let title: &String = rng.pick(&pool.titles);
    perturb(title, &pool.vocab, rng)
}

/// A re-run's title: kept, another one, a pattern around it, or cut.
fn retitle(title: &str, pool: &Pool, kit: &Kit, rng: &mut Rng) -> String {
    if rng.chance(0.5) {
        return title.to_string();
    }
    match rng.below(20) {
        0..=7 => new_title(pool, rng),
        8..=14 => rng.pick(kit.retitles).replace("{t}", title),
        _ => {
            let words: Vec<&str> = title.split_whitespace().collect();
            let keep = (words.len() * 6 / 10).max(4).min(words.len());
            words[..keep].join(" ")
        }
    }
}

/// Adds the dispatch credit: a dateline on the lead or a credit line at the end.
fn add_credit(paras: &mut Vec<String>, kit: &Kit, agency: usize, city: usize, dateline: bool) {
    let (line, credit) = kit.agencies[agency];
    if dateline {
        paras[0].insert_str(0, &line.replace("{city}", kit.cities[city]));
    } else {
        paras.push(credit.to_string());
    }
}

/// The outlet's own intro (a first sentence) or outro (two sentences), if within `budget` bytes.
fn pad(pool: &Pool, intro: bool, budget: usize, rng: &mut Rng) -> Option<String> {
    let src = if intro {
        rng.pick(&pool.leads)
    } else {
        rng.pick(&pool.body)
    };
    let text = sentences(&src.text)
        .into_iter()
        .take(if intro { 1 } else { 2 })
        .collect::<Vec<_>>()
        .join(" ");
    let p = perturb(&text, &pool.vocab, rng);
    (p.len() <= budget).then_some(p)
}

/// Mojibake of UTF-8 read as Latin-1 for accented lowercase letters ("é" → "Ã©").
fn mojibake(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 16);
    for c in p.chars() {
        match c as u32 {
            cp @ 0xE0..=0xFF => {
                out.push('Ã');
                out.push(char::from_u32(0xA0 + cp - 0xE0).unwrap_or('?'));
            }
            _ => out.push(c),
        }
    }
    out
}

/// Two paragraphs glued at a lost line break, sometimes losing the period too ("…marsLe").
fn glue(paras: &mut Vec<String>, rng: &mut Rng) {
    if paras.len() < 2 {
        return;
    }
    let i = rng.below(paras.len() - 1);
    let next = paras.remove(i + 1);
    if rng.chance(0.5) && paras[i].ends_with('.') {
        paras[i].pop();
    }
    paras[i].push_str(&next);
}

/// A machine-translation number placeholder: a number replaced or followed by "XNUMX".
fn placeholder(paras: &mut [String], rng: &mut Rng) {
    let i = rng.below(paras.len());
    let p = &paras[i];
    let number = Runs::new(p).find(|&(s, e)| p[s..e].bytes().all(|b| b.is_ascii_digit()));
    let word = Runs::new(p).next();
    let replace = rng.chance(0.5);
    paras[i] = match (number, word) {
        (Some((s, e)), _) if replace => format!("{}XNUMX{}", &p[..s], &p[e..]),
        (Some((_, e)), _) | (None, Some((_, e))) => format!("{} XNUMX{}", &p[..e], &p[e..]),
        (None, None) => return,
    };
}

/// Scraping and translation residue on a re-run (at least one kind).
fn garble(paras: &mut Vec<String>, title: &str, pool: &Pool, kit: &Kit, rng: &mut Rng) {
    let mut done = false;
    if rng.chance(0.6) {
        for _ in 0..1 + rng.below(2) {
            let line = if rng.chance(0.5) {
                kit.teaser.replace("{t}", &new_title(pool, rng))
            } else {
                rng.pick(kit.nav).to_string()
            };
            let at = 1 + rng.below(paras.len());
            paras.insert(at.min(paras.len()), line);
        }
        done = true;
    }
    if rng.chance(0.4) {
        placeholder(paras, rng);
        done = true;
    }
    if rng.chance(0.3) {
        paras.insert(0, title.to_string());
        done = true;
    }
    if rng.chance(0.25) {
        let i = rng.below(paras.len());
        paras[i] = mojibake(&paras[i]);
    }
    if !done || rng.chance(0.5) {
        glue(paras, rng);
    }
}

/// Two or three consecutive paragraphs (from the second on) holding at least 25 words and at
/// most 40% of the article's bytes, as (start, count).
fn window(paras: &[String], rng: &mut Rng) -> Option<(usize, usize)> {
    if paras.len() < 5 {
        return None;
    }
    let count = 2 + rng.below(2);
    let start = 1 + rng.below(paras.len() - count);
    let total: usize = paras.iter().map(String::len).sum();
    let pasted = &paras[start..start + count];
    let bytes: usize = pasted.iter().map(String::len).sum();
    let words: usize = pasted.iter().map(|p| p.split_whitespace().count()).sum();
    (words >= 25 && bytes * 10 <= total * 4).then_some((start, count))
}

// ---------------------------------------------------------------------------------------------
// The generator.

/// What the summary on stderr reports.
#[derive(Default)]
struct Stats {
    lengths: Vec<u32>,
    bytes: u64,
    non_ascii: u64,
    rows: [usize; 4],
    base: [usize; 4],
    wholly: usize,
    garbled: usize,
    partial: usize,
    stories: usize,
}

struct Gen<'p> {
    pools: &'p [Pool],
    outlets: Vec<Vec<Outlet>>,
    rng: Rng,
    n: usize,
    width: usize,
    out: csv::Writer<BufWriter<File>>,
    truth: BufWriter<File>,
    /// Pending re-runs by (due row, sequence) → story key.
    queue: BTreeMap<(usize, u64), u64>,
    stories: BTreeMap<u64, Story>,
    next_key: u64,
    kept: Vec<Vec<Kept>>,
    stats: Stats,
}

impl<'p> Gen<'p> {
    fn new(pools: &'p [Pool], n: usize, out: &str, seed: u64) -> Result<Gen<'p>, Box<dyn Error>> {
        let mut rng = Rng(seed);
        let outlets = KITS.iter().map(|k| make_outlets(k, &mut rng)).collect();
        let truth_path = format!("{}.truth.csv", out.strip_suffix(".csv").unwrap_or(out));
        let mut truth =
            BufWriter::new(File::create(&truth_path).map_err(|e| format!("{truth_path}: {e}"))?);
        writeln!(truth, "a,b,relation,kind,original")?;
        let mut w = csv::Writer::from_writer(BufWriter::new(
            File::create(out).map_err(|e| format!("{out}: {e}"))?,
        ));
        w.write_record(["id", "outlet", "url", "published", "title", "text", "lang"])?;
        Ok(Gen {
            pools,
            outlets,
            rng,
            n,
            width: n.saturating_sub(1).to_string().len().max(7),
            out: w,
            truth,
            queue: BTreeMap::new(),
            stories: BTreeMap::new(),
            next_key: 0,
            kept: (0..KITS.len()).map(|_| Vec::new()).collect(),
            stats: Stats::default(),
        })
    }

    fn id(&self, row: usize) -> String {
        format!("r{row:0w$}", w = self.width)
    }

    /// The timeline's time at `row`, with up to six hours of jitter.
    fn time(&mut self, row: usize) -> i64 {
        START + (row as i64 * SPAN) / self.n as i64 + self.rng.below(21_600) as i64
    }

    fn run(&mut self) -> Result<(), Box<dyn Error>> {
        for row in 0..self.n {
            let forced = self.n - row <= self.queue.len();
            match self.queue.first_key_value() {
                Some((&(due, _), &key)) if due <= row || forced => {
                    self.queue.pop_first();
                    self.rerun(row, key)?;
                }
                _ => self.fresh(row)?,
            }
        }
        self.out.flush()?;
        self.truth.flush()?;
        Ok(())
    }

    /// A row that is no pending re-run: a dispatch, a partial copy or a single-outlet article.
    fn fresh(&mut self, row: usize) -> Result<(), Box<dyn Error>> {
        let lang = self.rng.weighted(&MIX);
        self.stats.base[lang] += 1;
        if self.rng.chance(DISPATCH_RATE) {
            let room = (self.n - row - 1).saturating_sub(self.queue.len());
            let k = (2 + self.rng.weighted(&STORY_SIZES)).min(room + 1);
            if k >= 2 {
                return self.dispatch(row, lang, k);
            }
        } else if self.rng.chance(PARTIAL_RATE) && self.partial(row, lang)? {
            return Ok(());
        }
        self.single(row, lang)
    }

    /// An article run by one outlet only, sometimes crediting an agency; kept as a partial source.
    fn single(&mut self, row: usize, lang: usize) -> Result<(), Box<dyn Error>> {
        let pools: &'p [Pool] = self.pools;
        let (pool, kit) = (&pools[lang], KITS[lang]);
        let target = target_length(&mut self.rng);
        let content = build_paras(pool, target, 2, &mut self.rng);
        let mut paras = content.clone();
        if self.rng.chance(0.3) {
            let (agency, city) = (
                self.rng.below(kit.agencies.len()),
                self.rng.below(kit.cities.len()),
            );
            let dateline = self.rng.chance(0.5);
            add_credit(&mut paras, kit, agency, city, dateline);
        }
        let outlet = self.rng.below(self.outlets[lang].len());
        let t = self.time(row);
        let title = new_title(pool, &mut self.rng);
        self.emit(
            row,
            Row {
                lang,
                outlet,
                t,
                title,
                paras,
            },
        )?;
        let kept = Kept {
            row,
            outlet,
            t,
            paras: content,
        };
        let pool = &mut self.kept[lang];
        if pool.len() < KEPT {
            pool.push(kept);
        } else {
            let k = self.rng.below(KEPT);
            pool[k] = kept;
        }
        Ok(())
    }

    /// Pastes paragraphs of a kept article into a new one; false when no source fits.
    fn partial(&mut self, row: usize, lang: usize) -> Result<bool, Box<dyn Error>> {
        let mut found = None;
        for _ in 0..4 {
            if self.kept[lang].is_empty() {
                break;
            }
            let k = self.rng.below(self.kept[lang].len());
            if let Some(w) = window(&self.kept[lang][k].paras, &mut self.rng) {
                found = Some((k, w));
                break;
            }
        }
        let Some((k, (start, count))) = found else {
            return Ok(false);
        };
        let src = self.kept[lang].swap_remove(k);
        let pasted = &src.paras[start..start + count];
        let pasted_bytes: usize = pasted.iter().map(String::len).sum();
        let pools: &'p [Pool] = self.pools;
        let pool = &pools[lang];
        let target = target_length(&mut self.rng).max(pasted_bytes * 3 / 2);
        let mut paras = build_paras(pool, target, 3, &mut self.rng);
        let at = 1 + self.rng.below(paras.len());
        paras.splice(at..at, pasted.iter().cloned());
        let n_outlets = self.outlets[lang].len();
        let outlet = (src.outlet + 1 + self.rng.below(n_outlets - 1)) % n_outlets;
        let t = self
            .time(row)
            .max(src.t + 1800 + self.rng.below(86_400) as i64);
        let title = new_title(pool, &mut self.rng);
        self.emit(
            row,
            Row {
                lang,
                outlet,
                t,
                title,
                paras,
            },
        )?;
        let (a, b) = (self.id(src.row), self.id(row));
        writeln!(self.truth, "{a},{b},partially,partial,{a}")?;
        self.stats.partial += 1;
        Ok(true)
    }

    /// A wire dispatch: its first, full run now and `k - 1` re-runs scheduled.
    fn dispatch(&mut self, row: usize, lang: usize, k: usize) -> Result<(), Box<dyn Error>> {
        let pools: &'p [Pool] = self.pools;
        let (pool, kit) = (&pools[lang], KITS[lang]);
        let target = target_length(&mut self.rng).max(600);
        let paras = build_paras(pool, target, 3, &mut self.rng);
        let title = new_title(pool, &mut self.rng);
        let agency = self.rng.below(kit.agencies.len());
        let city = self.rng.below(kit.cities.len());
        let dateline = self.rng.chance(0.6);
        let t0 = self.time(row);
        let outlet = self.rng.below(self.outlets[lang].len());
        let mut first = paras.clone();
        add_credit(&mut first, kit, agency, city, dateline);
        let t = t0 + self.rng.below(600) as i64;
        self.emit(
            row,
            Row {
                lang,
                outlet,
                t,
                title: title.clone(),
                paras: first,
            },
        )?;
        let key = self.next_key;
        self.next_key += 1;
        for _ in 1..k {
            let due = row + 1 + self.rng.below(STORY_WINDOW);
            self.queue.insert((due, self.next_key), key);
            self.next_key += 1;
        }
        let runs = vec![(row, false)];
        let outlets = vec![outlet];
        let story = Story {
            lang,
            title,
            paras,
            agency,
            city,
            dateline,
            t0,
            outlets,
            runs,
            left: k - 1,
        };
        self.stories.insert(key, story);
        self.stats.stories += 1;
        Ok(())
    }

    /// One re-run of a story, and its truth pairs with every earlier run.
    fn rerun(&mut self, row: usize, key: u64) -> Result<(), Box<dyn Error>> {
        let Some(mut story) = self.stories.remove(&key) else {
            return Err(format!("internal: story {key} scheduled but unknown").into());
        };
        let (r, garbled) = self.rerun_row(&story);
        story.outlets.push(r.outlet);
        self.emit(row, r)?;
        let b = self.id(row);
        for (k, &(earlier, was_garbled)) in story.runs.iter().enumerate() {
            let a = self.id(earlier);
            let kind = if garbled || was_garbled {
                "garbled"
            } else {
                "wholly"
            };
            let original = if k == 0 { a.as_str() } else { "" };
            writeln!(self.truth, "{a},{b},wholly,{kind},{original}")?;
            if garbled || was_garbled {
                self.stats.garbled += 1;
            } else {
                self.stats.wholly += 1;
            }
        }
        story.runs.push((row, garbled));
        story.left -= 1;
        if story.left > 0 {
            self.stories.insert(key, story);
        }
        Ok(())
    }

    /// A re-run's row: another outlet, trimmed, edited, padded, credit kept or not, maybe garbled.
    fn rerun_row(&mut self, st: &Story) -> (Row, bool) {
        let (pool, kit, rng) = (&self.pools[st.lang], KITS[st.lang], &mut self.rng);
        let n = st.paras.len();
        let keep = if rng.chance(0.5) {
            (n * (60 + rng.below(41))).div_ceil(100).clamp(2, n)
        } else {
            n
        };
        let mut paras = st.paras[..keep].to_vec();
        if rng.chance(0.6) {
            // A few words: one per 120 words of text at most, four at most.
            let words: usize = paras.iter().map(|p| p.split_whitespace().count()).sum();
            for _ in 0..1 + rng.below((1 + words / 120).min(4)) {
                let i = rng.below(paras.len());
                paras[i] = swap_one(&paras[i], &pool.vocab, rng);
            }
        }
        let mut budget = paras.iter().map(String::len).sum::<usize>() / 4;
        if rng.chance(0.25) {
            if let Some(p) = pad(pool, false, budget, rng) {
                budget -= p.len();
                paras.push(p);
            }
        }
        if rng.chance(0.6) {
            let dateline = if rng.chance(0.8) {
                st.dateline
            } else {
                !st.dateline
            };
            add_credit(&mut paras, kit, st.agency, st.city, dateline);
        }
        if rng.chance(0.2) {
            if let Some(p) = pad(pool, true, budget, rng) {
                paras.insert(0, p);
            }
        }
        let title = retitle(&st.title, pool, kit, rng);
        let garbled = rng.chance(GARBLED_RATE);
        if garbled {
            garble(&mut paras, &title, pool, kit, rng);
        }
        let n_outlets = self.outlets[st.lang].len();
        let mut outlet = rng.below(n_outlets);
        while st.outlets.contains(&outlet) {
            outlet = rng.below(n_outlets);
        }
        let t = st.t0 + 900 + rng.below(48 * 3600) as i64;
        (
            Row {
                lang: st.lang,
                outlet,
                t,
                title,
                paras,
            },
            garbled,
        )
    }

    /// Renders and writes one row: paragraphs, then the outlet's footer lines.
    fn emit(&mut self, row: usize, r: Row) -> Result<(), Box<dyn Error>> {
        let kit = KITS[r.lang];
        let outlet = &self.outlets[r.lang][r.outlet];
        let mut text = r.paras.join(outlet.sep);
        for f in &outlet.footers {
            if self.rng.chance(0.95) {
                text.push_str(outlet.sep);
                text.push_str(f);
            }
        }
        let (y, m, d, _) = civil(r.t);
        let words: Vec<&str> = r.title.split_whitespace().take(8).collect();
        let url = format!(
            "https://{}/{}/{y:04}/{m:02}/{d:02}/{}-{row}",
            outlet.domain,
            kit.sections[row % kit.sections.len()],
            slug(&words.join(" "), Some('-'))
        );
        let id = self.id(row);
        self.out.write_record([
            id.as_str(),
            &outlet.domain,
            &url,
            &iso(r.t),
            &r.title,
            &text,
            kit.code,
        ])?;
        let s = &mut self.stats;
        s.lengths.push(text.len() as u32);
        s.bytes += text.len() as u64;
        s.non_ascii += text.bytes().filter(|b| !b.is_ascii()).count() as u64;
        s.rows[r.lang] += 1;
        Ok(())
    }
}

impl Stats {
    fn report(&mut self) {
        self.lengths.sort_unstable();
        let n = self.lengths.len().max(1);
        let q = |p: usize| self.lengths.get((n - 1) * p / 100).copied().unwrap_or(0);
        let share =
            |v: &[usize; 4], i: usize| 100.0 * v[i] as f64 / v.iter().sum::<usize>().max(1) as f64;
        eprintln!(
            "rows {}: text bytes mean {:.0}, p50 {}, p99 {}; non-ASCII bytes {:.2}%",
            self.lengths.len(),
            self.bytes as f64 / n as f64,
            q(50),
            q(99),
            100.0 * self.non_ascii as f64 / self.bytes.max(1) as f64
        );
        for (i, kit) in KITS.iter().enumerate() {
            eprintln!(
                "  {}: base articles {} ({:.1}%), rows {} ({:.1}%)",
                kit.code,
                self.base[i],
                share(&self.base, i),
                self.rows[i],
                share(&self.rows, i)
            );
        }
        eprintln!(
            "stories {}; planted pairs: wholly {} (kind wholly {}, garbled {}), partially {}",
            self.stories,
            self.wholly + self.garbled,
            self.wholly,
            self.garbled,
            self.partial
        );
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        return Err("usage: gen_realistic N OUT.csv [SEED]".into());
    }
    let n: usize = args[1]
        .parse()
        .map_err(|e| format!("N `{}`: {e}", args[1]))?;
    let seed: u64 = match args.get(3) {
        Some(s) => s.parse().map_err(|e| format!("SEED `{s}`: {e}"))?,
        None => DEFAULT_SEED,
    };
    let dir = std::env::var("CREDENCE_CORPORA").unwrap_or_else(|_| "../shared/data/corpora".into());
    let pools = load_pools(&dir)?;
    let mut gen = Gen::new(&pools, n, &args[2], seed)?;
    gen.run()?;
    gen.stats.report();
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("gen_realistic: {e}");
        std::process::exit(1);
    }
}
