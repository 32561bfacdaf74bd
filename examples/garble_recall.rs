//! Recall of the garble flags on realistic corruptions of clean real articles.
//!
//! ```sh
//! cargo run --release --example garble_recall [N]
//! ```
//!
//! Takes up to N (default 300) articles per language that carry no counted flag — English from
//! Reuters-21578, French from gj_dev — and injects one artefact kind at a time, cycling through
//! several surface forms per kind. The forms are written here, apart from `data/garble/`, and
//! include forms that file does not list. For each kind it reports recall (a flag of that kind that
//! the clean text did not have) and whether `garble` rose for every corrupted copy.

use std::error::Error;

use credence::citations::{Extractor, Field};
use credence::garble::{self, Doc, Flag, FlagKind, Garbler};
use credence::text::TextView;
use credence::Registry;

struct Clean {
    lang: &'static str,
    title: String,
    text: String,
}

fn load(
    path: &str,
    lang: &'static str,
    n: usize,
    garbler: &Garbler,
    registry: &Registry,
) -> Result<Vec<Clean>, Box<dyn Error>> {
    let mut out = Vec::new();
    let mut rdr = csv::Reader::from_path(path)?;
    let h = rdr.headers()?.clone();
    let col = |name: &str| h.iter().position(|c| c == name);
    let (t, ti) = (col("text").ok_or("no text")?, col("title"));
    for (k, rec) in rdr.records().enumerate() {
        let rec = rec?;
        let text = rec.get(t).unwrap_or("").to_string();
        // Every third article, so the sample spreads over the corpus.
        if k % 3 != 0 || text.len() < 400 || text.len() > 6000 {
            continue;
        }
        let title = ti.and_then(|i| rec.get(i)).unwrap_or("").to_string();
        let (flags, _) = run(garbler, registry, &title, &text, lang);
        if flags.iter().all(|f| !f.counted) {
            out.push(Clean { lang, title, text });
        }
        if out.len() >= n {
            break;
        }
    }
    Ok(out)
}

fn run(
    garbler: &Garbler,
    registry: &Registry,
    title: &str,
    text: &str,
    lang: &str,
) -> (Vec<Flag>, f64) {
    let view = TextView::new(text);
    let citations = Extractor::new(registry).extract(Field::Text, &view);
    let doc = Doc {
        view: &view,
        title: Some(title).filter(|t| !t.is_empty()),
        lang: Some(lang),
        boilerplate: &[],
        citations: &citations,
        registry,
        vocab: None,
    };
    let (flags, _) = garbler.flags(&doc);
    let s = garble::score(&flags);
    (flags, s)
}

/// A char boundary near the middle of `text`.
fn middle(text: &str) -> usize {
    let mut m = text.len() / 2;
    while !text.is_char_boundary(m) {
        m += 1;
    }
    m
}

/// Inserts `piece` after the first sentence end after the middle of `text`.
fn insert_mid(text: &str, piece: &str) -> String {
    let mid = middle(text);
    let at = text[mid..].find(". ").map_or(text.len(), |i| mid + i + 1);
    format!("{} {piece}{}", &text[..at], &text[at..])
}

fn corrupt(kind: FlagKind, c: &Clean, form: usize) -> String {
    let t = &c.text;
    let title = if c.title.is_empty() {
        "Breaking news of the day"
    } else {
        &c.title
    };
    let fr = c.lang == "fr";
    match kind {
        FlagKind::MtPlaceholder => {
            let forms = [
                "XNUMX",
                "7.000 XNUMX",
                "12,500 XNUMX",
                "XXNUMX",
                "XNUMXth",
                "XNUMX%",
            ];
            insert_mid(
                t,
                &format!("{} soldiers were moved.", forms[form % forms.len()]),
            )
        }
        FlagKind::ForeignFragment => {
            let en = ["Para más información visite nuestra página de inicio.", "Die Regierung hat am Montag neue Maßnahmen angekündigt und die Opposition kritisiert.", "La situation reste tendue selon les autorités locales de la région.", "Moscow y Pyongyang signed the treaty."];
            let frs = [
                "For more information please visit our home page today.",
                "El gobierno anunció el lunes nuevas medidas para los trabajadores del país.",
                "Die Regierung hat am Montag neue Maßnahmen für die Arbeitnehmer angekündigt.",
                "La coopération entre Russie y Corée du Nord se renforce.",
            ];
            let pool = if fr { &frs } else { &en };
            insert_mid(t, pool[form % pool.len()])
        }
        FlagKind::GluedWords => {
            let heads: &[&str] = if fr {
                &["Le", "La", "Les", "Il", "De", "Un", "Une"]
            } else {
                &["The", "In", "It", "He", "This", "But"]
            };
            // Glue a sentence start onto the previous word, as lost line breaks do.
            for h in heads.iter().cycle().skip(form).take(heads.len()) {
                if let Some(i) = t.find(&format!(". {h} ")) {
                    return format!("{}{}", &t[..i], &t[i + 2..]);
                }
            }
            let h = heads[form % heads.len()];
            insert_mid(t, &format!("Heading here{h} next sentence goes on."))
        }
        FlagKind::RepeatedLine => {
            let first = t
                .lines()
                .find(|l| l.split_whitespace().count() >= 6)
                .unwrap_or(title);
            if form % 2 == 0 {
                format!("{title}\n\n{title}\n{title}\n\n{t}")
            } else {
                format!("{t}\n\n{first}\n\n{first}")
            }
        }
        FlagKind::BrokenPunctuation => {
            let forms = [
                "community”. .» Then",
                "said , , and",
                "end. . Next",
                "«« quoted",
                "word»» more",
                "it ;; was",
            ];
            insert_mid(t, forms[form % forms.len()])
        }
        FlagKind::NavigationResidue => {
            let forms: &[&str] = if fr {
                &[
                    "PREV Article précédent\nNEXT Article suivant",
                    "Laisser un commentaire",
                    "Suivez-nous sur Facebook",
                    "Partager sur Facebook",
                    "Lu: 1234",
                    "Tags: économie, politique",
                    "Commentaires (3)",
                    "Imprimer cet article",
                ]
            } else {
                &[
                    "PREV Previous story\nNEXT Next story",
                    "Leave a comment",
                    "Follow us on Twitter",
                    "Share on WhatsApp",
                    "Views: 5421",
                    "Tags: economy, markets",
                    "Comments (3)",
                    "Print this article",
                ]
            };
            format!("{t}\n\n{}", forms[form % forms.len()])
        }
        FlagKind::InsertedTeaser => {
            let forms: &[&str] = if fr {
                &[
                    "Lire aussi",
                    "Sur le même sujet",
                    "À lire également",
                    "Nous recommandons",
                    "Voir aussi",
                ]
            } else {
                &[
                    "Read more",
                    "Related",
                    "See also",
                    "Don't miss",
                    "You may also like",
                ]
            };
            let mid = middle(t);
            let at = t[mid..].find(". ").map_or(t.len(), |i| mid + i + 1);
            format!(
                "{}\n{}: {title}\n{}",
                &t[..at],
                forms[form % forms.len()],
                &t[at..]
            )
        }
        FlagKind::SeoBoilerplate => {
            let forms: &[&str] = if fr {
                &["infos-region.fr est une plateforme d'information qui vous présente les dernières nouvelles. Connectez-vous sur notre site et nos réseaux sociaux pour être informé des prochaines publications.",
                  "Cet article a été rédigé du mieux possible par notre équipe. Pour toute information complémentaire, contactez-nous via les contacts affichés sur ce site, et abonnez-vous à notre newsletter."]
            } else {
                &["dailyupdates.net is your trusted platform for the latest updates. Subscribe to our newsletter and follow our social media pages to stay informed about this article and more.",
                  "This article was written to the best of our ability. For further details please use the contacts on our website and subscribe to stay informed."]
            };
            format!("{t}\n\n{}", forms[form % forms.len()])
        }
        FlagKind::TranslationCredit => {
            let credit = if fr {
                "Source : INFOBAE"
            } else {
                "Fuente: Infobae"
            };
            format!(
                "{}\n\n{credit}",
                insert_mid(t, "Plus de 7.000 XNUMX soldats.")
            )
        }
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let n: usize = std::env::args().nth(1).map_or(Ok(300), |s| s.parse())?;
    let registry = Registry::bundled();
    let garbler = Garbler::bundled();
    let mut clean = load(
        "../shared/data/corpora/reuters21578.csv",
        "en",
        n,
        &garbler,
        &registry,
    )?;
    clean.extend(load(
        "../shared/data/corpora/gj_dev.csv",
        "fr",
        n,
        &garbler,
        &registry,
    )?);
    println!(
        "{} clean articles (no counted flag): {} en, {} fr",
        clean.len(),
        clean.iter().filter(|c| c.lang == "en").count(),
        clean.iter().filter(|c| c.lang == "fr").count()
    );
    println!(
        "{:20} {:>8} {:>8} {:>8} {:>10}",
        "kind", "recall", "en", "fr", "garble↑"
    );
    for kind in FlagKind::ALL {
        let (mut hit, mut rose) = (0, 0);
        let mut by_lang = [(0, 0), (0, 0)];
        for (i, c) in clean.iter().enumerate() {
            let (before, s0) = run(&garbler, &registry, &c.title, &c.text, c.lang);
            let corrupted = corrupt(kind, c, i);
            let (after, s1) = run(&garbler, &registry, &c.title, &corrupted, c.lang);
            let had = before.iter().filter(|f| f.kind == kind).count();
            let found = after.iter().filter(|f| f.kind == kind).count() > had;
            let li = usize::from(c.lang == "fr");
            by_lang[li].1 += 1;
            if found {
                hit += 1;
                by_lang[li].0 += 1;
            }
            if s1 > s0 {
                rose += 1;
            }
        }
        let r = |(h, t): (usize, usize)| h as f64 / t.max(1) as f64;
        println!(
            "{:20} {:>8.3} {:>8.3} {:>8.3} {:>9.1}%",
            kind.as_str(),
            hit as f64 / clean.len() as f64,
            r(by_lang[0]),
            r(by_lang[1]),
            100.0 * rose as f64 / clean.len() as f64
        );
    }
    Ok(())
}
