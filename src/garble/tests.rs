//! One test per flag kind and the score's invariants.

use super::*;

fn flags_of(text: &str, title: Option<&str>, lang: Option<&str>) -> Vec<Flag> {
    let registry = Registry::bundled();
    let segs = Segments::new(text);
    let ex = crate::citations::Extractor::new(&registry);
    let citations = ex.extract(Field::Text, text, &segs);
    let doc = Doc {
        text,
        title,
        lang,
        segs: &segs,
        boilerplate: &[],
        citations: &citations,
        registry: &registry,
    };
    let (flags, _) = Garbler::bundled().flags(&doc);
    for f in &flags {
        let field = if f.field == Field::Title {
            title.unwrap_or("")
        } else {
            text
        };
        assert!(
            field.is_char_boundary(f.start) && field.is_char_boundary(f.end) && f.start <= f.end
        );
    }
    flags
}

fn has(flags: &[Flag], kind: FlagKind, evidence: &str) -> bool {
    flags
        .iter()
        .any(|f| f.kind == kind && f.evidence.contains(evidence))
}

#[test]
fn machine_translation_placeholders() {
    let f = flags_of(
        "La Russie a déplacé plus de 7.000 XNUMX soldats vers la frontière.",
        None,
        Some("fr"),
    );
    assert!(has(&f, FlagKind::MtPlaceholder, "7.000 XNUMX"), "{f:?}");
}

#[test]
fn foreign_fragments() {
    let f = flags_of(
        "La coopération militaire entre les deux pays. Russie y Corée du Nord.",
        None,
        Some("fr"),
    );
    assert!(has(&f, FlagKind::ForeignFragment, "Russie"), "{f:?}");
    let f = flags_of(
        "Le texte français est ici.\nFor Latest Updates Follow us on Google News",
        None,
        Some("fr"),
    );
    assert!(
        has(&f, FlagKind::ForeignFragment, "For Latest Updates"),
        "{f:?}"
    );
}

#[test]
fn glued_words_but_not_camel_case_names() {
    let f = flags_of(
        "Le soutien ne cesse de croître jeLe soutien. ZelenskyDe son côté a parlé.",
        None,
        Some("fr"),
    );
    assert!(
        has(&f, FlagKind::GluedWords, "jeLe") && has(&f, FlagKind::GluedWords, "ZelenskyDe"),
        "{f:?}"
    );
    let f = flags_of(
        "Il a acheté un iPhone chez McDonald avant de lire LaLibre sur sa PlayStation.",
        None,
        Some("fr"),
    );
    assert!(!f.iter().any(|x| x.kind == FlagKind::GluedWords), "{f:?}");
}

#[test]
fn repeated_title_but_not_a_single_leading_title() {
    let title = "Le titre de cet article assez long";
    let once = format!("{title}\n\nLe corps du texte commence ici et continue.");
    assert!(!flags_of(&once, Some(title), Some("fr"))
        .iter()
        .any(|x| x.kind == FlagKind::RepeatedLine));
    let thrice = format!("{title}\n\n{title}\n{title}\n\nLe corps du texte.");
    let f = flags_of(&thrice, Some(title), Some("fr"));
    assert_eq!(
        f.iter()
            .filter(|x| x.kind == FlagKind::RepeatedLine)
            .count(),
        2,
        "{f:?}"
    );
}

#[test]
fn broken_punctuation() {
    let f = flags_of(
        "une menace pour la communauté internationale ». communauté”. .» Voici la suite.",
        None,
        Some("fr"),
    );
    assert!(has(&f, FlagKind::BrokenPunctuation, "”. .»"), "{f:?}");
}

#[test]
fn navigation_residue_and_teasers() {
    let text = "Le texte de l'article.\n\nLaisser un commentaire\n\nVotre adresse e-mail ne sera pas publiée.\n\nPREV Un autre article\nNEXT Encore un autre\n\nLu: 97\n\nTags: Russie Corée\n\nNous recommandons : Un autre sujet.\n\nSur le même sujet";
    let f = flags_of(text, None, Some("fr"));
    for ev in [
        "Laisser un commentaire",
        "Votre adresse e-mail",
        "PREV",
        "NEXT",
        "Lu: 97",
        "Tags:",
    ] {
        assert!(has(&f, FlagKind::NavigationResidue, ev), "{ev}: {f:?}");
    }
    assert!(
        has(&f, FlagKind::InsertedTeaser, "Nous recommandons")
            && has(&f, FlagKind::InsertedTeaser, "Sur le même sujet"),
        "{f:?}"
    );
}

#[test]
fn self_promotional_filler() {
    let text = "La Corée du Nord a envoyé des troupes en Russie, selon Séoul.\n\nCet écrit a été rendu du mieux possible. Vous pouvez écrire aux contacts affichés sur ce site. exemple-info.com vous présente cet article, connectez-vous sur notre site et nos réseaux sociaux pour être informé des prochaines communications.";
    let f = flags_of(text, None, Some("fr"));
    assert!(has(&f, FlagKind::SeoBoilerplate, "Cet écrit"), "{f:?}");
}

#[test]
fn translation_credit_needs_translation_artefacts() {
    let garbled =
        "Plus de 7.000 XNUMX soldats ont été déplacés vers la frontière.\n\nSource : INFOBAE";
    assert!(has(
        &flags_of(garbled, None, Some("fr")),
        FlagKind::TranslationCredit,
        "INFOBAE"
    ));
    let clean = "Plus de 7 000 soldats ont été déplacés vers la frontière.\n\nSource : INFOBAE";
    assert!(!flags_of(clean, None, Some("fr"))
        .iter()
        .any(|x| x.kind == FlagKind::TranslationCredit));
}

#[test]
fn clean_wire_copy_has_no_flags() {
    let text = "WASHINGTON, March 3 - The Federal Reserve left interest rates unchanged on Tuesday, a spokesman said, adding that the board would meet again in April to review the outlook for inflation and growth.\n\nReuter";
    let f = flags_of(text, None, Some("en"));
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn score_is_monotone_and_bounded() {
    let mk = |kind| Flag {
        kind,
        field: Field::Text,
        start: 0,
        end: 1,
        evidence: String::new(),
        detail: String::new(),
        counted: true,
    };
    let mut flags = Vec::new();
    let mut last = score(&flags);
    assert_eq!(last, 0.0);
    for i in 0..60 {
        flags.push(mk(FlagKind::ALL[i % FlagKind::ALL.len()]));
        let s = score(&flags);
        assert!(s >= last && (0.0..=1.0).contains(&s), "{s} after {last}");
        last = s;
    }
    let mut uncounted = mk(FlagKind::MtPlaceholder);
    uncounted.counted = false;
    assert_eq!(score(&[uncounted]), 0.0);
}
