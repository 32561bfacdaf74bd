//! Phenomenon-level tests of citation extraction: one case per rule, in several languages.

use super::*;

pub(super) fn cite(text: &str) -> Vec<(String, CitationKind, Option<String>)> {
    let registry = Registry::bundled();
    let ex = Extractor::new(&registry);
    ex.extract(Field::Text, &TextView::new(text))
        .into_iter()
        .map(|c| {
            // Offsets must cover the name as written and sit inside the evidence.
            assert!(c.evidence.contains(&text[c.start..c.end]), "{c:?}");
            (c.source, c.kind, c.via)
        })
        .collect()
}

pub(super) fn one(text: &str, source: &str, kind: CitationKind) {
    let got = cite(text);
    assert!(
        got.iter().any(|(s, k, _)| s == source && *k == kind),
        "expected {source} as {kind:?} in {text:?}, got {got:?}"
    );
}

pub(super) fn none_of(text: &str, source: &str) {
    let got = cite(text);
    assert!(
        got.iter().all(|(s, _, _)| s != source),
        "unexpected {source} in {text:?}: {got:?}"
    );
}

pub(super) fn no_credit(text: &str) {
    let got = cite(text);
    assert!(
        got.iter().all(|(_, k, _)| *k != CitationKind::Credit),
        "no credit expected in {text:?}: {got:?}"
    );
}

pub(super) fn not_source_of_content(text: &str, source: &str) {
    let got = cite(text);
    assert!(
        got.iter()
            .all(|(s, k, _)| s != source || *k == CitationKind::Mention),
        "{source} should be at most a mention in {text:?}: {got:?}"
    );
}

#[test]
fn credit_lines() {
    use CitationKind::Credit;
    one("Le texte de la dépêche. (AFP)", "AFP", Credit);
    one("PARIS (Reuters) - Le président a parlé.", "Reuters", Credit);
    one("WASHINGTON, Oct. 3 (AP) -- The Senate voted.", "AP", Credit);
    one("HONG KONG (Dow Jones)--Profits rose.", "DowJones", Credit);
    one("Le texte.\n\n– Reuters", "Reuters", Credit);
    one("Le texte de la dépêche (avec AFP)", "AFP", Credit);
    one(
        "Le texte.\n\nAvec des informations de l'AFP.",
        "AFP",
        Credit,
    );
    one(
        "Le texte.\n\n(Avec des informations de Reuters et EFE)",
        "EFE",
        Credit,
    );
    one(
        "Le texte.\n\n(Avec des informations de Reuters et EFE)",
        "Reuters",
        Credit,
    );
    one("Le texte.\nSource : INFOBAE", "Infobae", Credit);
    one(
        "La croissance a ralenti. (ats/nxp) Créé: 21.12.2018",
        "ATS",
        Credit,
    );
    one(
        "Reuters - Private investment firm Carlyle Group said.",
        "Reuters",
        Credit,
    );
    one("Der Text der Meldung. (dpa)", "DPA", Credit);
    one("El texto del despacho. (EFE)", "EFE", Credit);
}

#[test]
fn attributions() {
    use CitationKind::Attribution;
    one(
        "Selon l'agence sud-coréenne Yonhap, des troupes seront envoyées.",
        "Yonhap",
        Attribution,
    );
    one(
        "« Nous partons », a déclaré à l'AFP un manifestant.",
        "AFP",
        Attribution,
    );
    one(
        "Les routes étaient bloquées, a constaté un journaliste de l'AFP.",
        "AFP",
        Attribution,
    );
    one(
        "Prices rose, according to Reuters calculations.",
        "Reuters",
        Attribution,
    );
    one("El ministro dimitió, informó EFE.", "EFE", Attribution);
    one(
        "Les troupes ont bougé, a révélé GUR sur sa chaîne Telegram.",
        "GUR",
        Attribution,
    );
    one(
        "Le Service national de renseignement (NIS) affirme que 1 500 soldats sont partis.",
        "NIS",
        Attribution,
    );
    one(
        "South Korea's spy agency said on Thursday that troops had moved.",
        "NIS",
        Attribution,
    );
    one(
        "Laut dpa wurden drei Menschen verletzt.",
        "DPA",
        Attribution,
    );
    one(
        "Der Minister sagte der Deutschen Presse-Agentur, er trete zurück.",
        "DPA",
        Attribution,
    );
    one(
        "L'agence de renseignement sud-coréenne a déclaré jeudi qu'il n'y avait aucune trace.",
        "NIS",
        Attribution,
    );
}

#[test]
fn apposition_is_one_occurrence() {
    let got =
        cite("Le Service national de renseignement (NIS) affirme que des soldats sont partis.");
    assert_eq!(
        got.iter().filter(|(s, _, _)| s == "NIS").count(),
        1,
        "{got:?}"
    );
}

#[test]
fn relays_by_general_rule() {
    for text in [
        "Yonhap, citing the NIS, said troops had moved.",
        "L'agence Yonhap, qui cite le Service national de renseignement, affirme que des troupes sont parties.",
        "La agencia Yonhap, citando al Servicio Nacional de Inteligencia surcoreano, informó del despliegue.",
    ] {
        let got = cite(text);
        assert!(
            got.iter().any(|(s, k, via)| s == "NIS" && *k == CitationKind::Relay && via.as_deref() == Some("Yonhap")),
            "{text:?}: {got:?}"
        );
    }
    let got =
        cite("« Le NIS a confirmé l'envoi de troupes », a rapporté l'agence Yonhap vendredi.");
    assert!(
        got.iter().any(|(s, k, via)| s == "NIS"
            && *k == CitationKind::Relay
            && via.as_deref() == Some("Yonhap")),
        "{got:?}"
    );
}

#[test]
fn mentions_are_not_sources() {
    not_source_of_content(
        "Des journalistes de l'AFP ont été agressés pendant la manifestation.",
        "AFP",
    );
    not_source_of_content("Photo AFP", "AFP");
    not_source_of_content("Le cortège a défilé.\nPhoto AFP", "AFP");
    not_source_of_content(
        "Protesters marched. Photograph: John Smith/AFP/Getty Images",
        "AFP",
    );
    not_source_of_content("Protesters marched.\n(AP Photo/John Smith)", "AP");
}

#[test]
fn classic_false_positives() {
    none_of("La safpx est un sigle inventé; la cafpe aussi.", "AFP");
    none_of(
        "La Agencia de Seguridad Nacional de Estados Unidos espió las comunicaciones.",
        "NIS",
    );
    none_of(
        "Anadolu Efes beat Real Madrid 80-75 in the Euroleague.",
        "Anadolu",
    );
    none_of("Les agences bancaires ferment le samedi.", "AFP");
    none_of("He bought a new PC and some AP courses for his son.", "PC");
    none_of("He bought a new PC and some AP courses for his son.", "AP");
    none_of(
        "The Dow Jones industrial average fell 1 percent.",
        "DowJones",
    );
    none_of("He took Advanced Placement (AP).", "AP");
    one("Ventes record (AP)", "AP", CitationKind::Credit);
    one(
        "« Nous avons gagné », a dit le ministre (Reuters, Jan. 12, 2018).",
        "Reuters",
        CitationKind::Credit,
    );
}

#[test]
fn title_field_is_reported() {
    let registry = Registry::bundled();
    let ex = Extractor::new(&registry);
    let title = "Venezuelans vote in referendum (Reuters)";
    let c = ex.extract(Field::Title, &TextView::new(title));
    assert_eq!(c.len(), 1);
    assert_eq!(
        (c[0].field, c[0].kind, &title[c[0].start..c[0].end]),
        (Field::Title, CitationKind::Credit, "Reuters")
    );
}

#[test]
fn never_panics_on_odd_text() {
    let registry = Registry::bundled();
    let ex = Extractor::new(&registry);
    let pieces = ["(", ")", "«", "»", "“", "”", "AFP", "ß", "é", " ", "\n", ".", "selon", "Reuters", "-", "—", "/", "ats", "\u{a0}", "\u{3000}", "👍", "'", "selon l'agence Yonhap, qui a déclaré que les soldats sont partis vers la frontière hier soir "];
    let mut state = 12345u64;
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..(state % 40) {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(pieces[(state >> 33) as usize % pieces.len()]);
        }
        for c in ex.extract(Field::Text, &TextView::new(&s)) {
            assert!(s.is_char_boundary(c.start) && s.is_char_boundary(c.end) && c.start < c.end);
        }
    }
}

// Credit forms of other conventions and decades (citations issue). Each rule was found on the
// impresso tune half and is checked here on forms of other papers and languages.

#[test]
fn a_credit_parenthesis_after_a_dateline_inside_a_line_is_a_credit() {
    // OCR pages run many dispatches into one line: the dateline marks each credit.
    one(
        "La séance a été levée à midi. Le cabinet démissionne Madrid, 3 oct. (EFE) El gobierno ha dimitido hoy.",
        "EFE",
        CitationKind::Credit,
    );
    one(
        "Die Sitzung wurde vertagt Bonn , 12 . Juli . ( dpa ) Der Bundestag hat heute beschlossen.",
        "DPA",
        CitationKind::Credit,
    );
    one(
        "the talks broke down. Strike ends CHICAGO, 4 (UPI).-Workers returned on Monday.",
        "UPI",
        CitationKind::Credit,
    );
    // A year after a clause word is no dateline.
    not_source_of_content(
        "Il a été élu En 2015 (AFP) puis réélu deux fois par ses pairs au conseil.",
        "AFP",
    );
}

#[test]
fn compound_credits_in_any_case_are_credits_of_each_agency() {
    let got = cite("WASHINGTON (Afp-Ap). — Le Conseil s'est réuni hier.");
    for id in ["AFP", "AP"] {
        assert!(
            got.iter()
                .any(|(s, k, _)| s == id && *k == CitationKind::Credit),
            "{id} in {got:?}"
        );
    }
    one(
        "Le Conseil fédéral a pris acte de la décision. ( ap )",
        "AP",
        CitationKind::Credit,
    );
    // Another case outside a credit parenthesis or compound is not a credit: "SpA." is a company.
    none_of(
        "Shares of Compagnie Industriali Riunite\nSpA.\nrose today.",
        "SPA",
    );
}

#[test]
fn spaced_initials_in_a_credit_parenthesis_name_the_agency() {
    one(
        "Béziers, 2. — (A. F. P.) Inculpé d'injures, il comparaîtra lundi.",
        "AFP",
        CitationKind::Credit,
    );
    // Company suffixes spelled with initials are not agencies.
    none_of("Profits of firms such as Fiat S.P.A. are booming.", "SPA");
    none_of("Tacoma Savings Bank F.S.B. said it earned more.", "FSB");
}

#[test]
fn credit_lists_with_house_signatures_and_dates_are_credits() {
    for (text, id) in [
        (
            "Die Regierung ließ die Proteste niederschlagen. (Reuters, APA, red)",
            "APA",
        ),
        (
            "Er gewann seinen ersten Titel im Doppel. (APA/sid/red – 11.7. 2015)",
            "APA",
        ),
        (
            "Elles seront réhabilitées. (UPI, AFP, Impar.) La France inondée.",
            "AFP",
        ),
        (
            "El Gobierno aprobó el decreto. (EFE, 3 de octubre de 2024)",
            "EFE",
        ),
    ] {
        one(text, id, CitationKind::Credit);
    }
    // A parenthesis of ordinary words is no credit list ("selon AFP" stays an attribution).
    no_credit("Le texte (voir page trois, selon AFP) est paru hier soir.");
}

#[test]
fn an_agency_heading_a_dateline_is_a_credit() {
    one(
        "Dépêches de l'Agence Havas Birmingham, 11 mai. — Chamberlain a prononcé un discours.",
        "Havas",
        CitationKind::Credit,
    );
    one(
        "UN APPEL A LA JEUNESSE Paris, 4. — Havas — Les délibérations de la commission.",
        "Havas",
        CitationKind::Credit,
    );
    // A name that is the first word of the place is not a heading credit.
    none_of(
        "FT. LAUDERDALE, Fla, March 4 - Sterling Investment Group said.",
        "FT",
    );
}

#[test]
fn a_dated_article_does_not_cite_an_agency_that_did_not_exist_then() {
    let registry = Registry::bundled();
    let ex = Extractor::new(&registry);
    let text = "PARIS, 14. (Havas.) — Le ministre est parti. Selon l'AFP, il reviendra.";
    let ids = |year| -> Vec<String> {
        ex.extract_dated(Field::Text, &TextView::new(text), year)
            .into_iter()
            .map(|c| c.source)
            .collect()
    };
    assert_eq!(ids(Some(1925)), ["Havas"]);
    assert_eq!(ids(Some(1990)), ["AFP"]);
    assert_eq!(ids(None), ["Havas", "AFP"]);
}

// Name disambiguation and attribution frames (citations issue).

#[test]
fn regression_palestine_liberation_organization_is_not_liberation() {
    none_of(
        "The Palestine Liberation Organization said on Monday it would meet.",
        "Liberation",
    );
    none_of(
        "Le Sandinist National Liberation Front a gagné les élections.",
        "Liberation",
    );
    none_of(
        "Il soutient le Front de Libération Nationale dans la guerre.",
        "Liberation",
    );
    // The paper itself, and the paper before a journalist's name, stay.
    one(
        "Selon Libération, le ministre a menti.",
        "Liberation",
        CitationKind::Attribution,
    );
    let got = cite("Le chef du service web de Libération Alexandre Hervaud a été mis à pied.");
    assert!(got.iter().any(|(s, _, _)| s == "Liberation"), "{got:?}");
    // Proper names of agencies are not cut by a capitalised neighbour.
    one(
        "Monsod told Reuters Finance Secretary Ongpin had resigned.",
        "Reuters",
        CitationKind::Attribution,
    );
}

#[test]
fn regression_an_acronym_the_article_defines_means_what_it_says() {
    none_of(
        "The Supreme People's Assembly (SPA) met on Monday. The SPA adopted a law.",
        "SPA",
    );
    // An expansion that names the source itself keeps it.
    let got = cite(
        "Il a été confié à la Direction Générale de Sécurité Intérieure (DGSI). La DGSI enquête.",
    );
    assert!(got.iter().any(|(s, _, _)| s == "DGSI"), "{got:?}");
}

#[test]
fn regression_efe_written_in_title_case_was_never_matched() {
    // "=EFE" and "=Efe" fold to one automaton key: only the first alias was ever tried.
    one(
        "El ministro dijo el martes a Efe que no dimitirá.",
        "EFE",
        CitationKind::Attribution,
    );
}

#[test]
fn attribution_frames_with_a_gap_interviews_and_observers() {
    for (text, id) in [
        (
            "« Nous partirons », expliquait lundi soir à Reuters un porte-parole.",
            "Reuters",
        ),
        (
            "« On ne lâchera rien », a glissé à Keystone-ATS l'un des manifestants.",
            "ATS",
        ),
        (
            "En entrevue avec La Presse canadienne, le ministre a nié les faits.",
            "PC",
        ),
        (
            "Des journalistes de Reuters ont vu des chars entrer dans la ville.",
            "Reuters",
        ),
        (
            "Periodistas de EFE vieron a los soldados cruzar el puente.",
            "EFE",
        ),
        (
            "Der Minister sagte am Dienstag gegenüber der dpa, er trete nicht zurück.",
            "DPA",
        ),
        (
            "Le remaniement ne sera pas annoncé lundi, a annoncé à l'AFP l'Elysée.",
            "Elysee",
        ),
    ] {
        one(text, id, CitationKind::Attribution);
    }
    for (text, id) in [
        (
            "Des journalistes de l'AFP ont été agressés samedi à Rouen.",
            "AFP",
        ),
        (
            "Ils ont croisé trois journalistes de l'agence espagnole Efe, retenus eux aussi.",
            "EFE",
        ),
        (
            "Le vaste programme d'espionnage de la NSA a été révélé en 2013.",
            "NSA",
        ),
        (
            "« C'est fini », a raconté à l'AFP le journaliste de BFM-TV Pierre Durand.",
            "BFMTV",
        ),
        (
            "Une commission rogatoire a été confiée à la DGSI en mars.",
            "DGSI",
        ),
    ] {
        not_source_of_content(text, id);
    }
}

#[test]
fn documents_a_source_obtained_polls_it_ran_and_german_reporting_verbs_are_attributions() {
    for (text, id) in [
        ("Le procès-verbal de police dont l'AFP a eu une copie mentionne trois blessés.", "AFP"),
        ("Selon cet arrêté, consulté par l'AFP, la manifestation est interdite.", "AFP"),
        ("Der der dpa vorliegende Entwurf sieht Kürzungen vor.", "DPA"),
        ("Das Papier, das der APA vorliegt, nennt keine Zahlen.", "APA"),
        ("In einer Umfrage der Nachrichtenagentur Reuters sagen zwei Drittel, die Krise ende bald.", "Reuters"),
        ("Auch ein belgisches Unternehmen ist aufgeführt, schreibt Le Soir.", "LeSoir"),
        ("Das sagte der Minister am Sonntag der Bild-Zeitung.", "Bild"),
        ("In a videotape broadcast by the station al-Jazeera, he said he would return.", "AlJazeera"),
        ("Rodong Sinmun Monday observes in a signed commentary: the move is dangerous.", "Rodong"),
    ] {
        one(text, id, CitationKind::Attribution);
    }
    // A pronoun between the name and the verb: someone else speaks.
    not_source_of_content(
        "There is no prospect of cooperation with NATO, he said.",
        "NATO",
    );
    // "dont" alone is no cue.
    not_source_of_content(
        "Dix médias, dont l'AFP et Reuters, ont signé la charte.",
        "AFP",
    );
}

#[test]
fn headline_tails_slash_credits_and_tickers() {
    one(
        "Japan's Past Crimes Disclosed--Rodong Sinmun",
        "Rodong",
        CitationKind::Credit,
    );
    one(
        "SUMITA SAYS FURTHER YEN RISE UNLIKELY - JIJI PRESS",
        "Jiji",
        CitationKind::Credit,
    );
    // A wrapped wire line is not a headline tail.
    no_credit("SANTA BARBARA, Calif, April 17 - The White House,\nsaid on Friday it would act.");
    // Names joined by slashes are a credit wherever they stand; two names of one body are not.
    one(
        "29 janvier 2019 (afp/Le Matin) EN DIRECT - Tempête sur Paris",
        "LeMatin",
        CitationKind::Credit,
    );
    no_credit("Geheimvereinbarungen mit der Atomenergieorganisation (IAEO/IAEA) verschwiegen.");
    // Angle brackets mark a company or its ticker in wire copy.
    none_of("AFFILIATED PUBLICATIONS INC <AFP> SETS PAYOUT", "AFP");
    none_of("FINANCIAL SANTA BARBARA <FSB> TO MAKE PURCHASE", "FSB");
}

#[test]
fn slash_signoffs_after_a_sentence_are_credits_of_every_agency() {
    // Found by reading impresso verdicts; checked on sign-offs written for this test.
    let got = cite("Les dégâts sont importants. / ats-afp-ap Le conseil siège demain.");
    for id in ["ATS", "AFP", "AP"] {
        assert!(
            got.iter()
                .any(|(s, k, _)| s == id && *k == CitationKind::Credit),
            "{id} in {got:?}"
        );
    }
    one(
        "L'assemblée a voté la loi. / ats",
        "ATS",
        CitationKind::Credit,
    );
    // A slash inside a sentence is not a sign-off.
    no_credit("Le service 24/7 de l'AFP est ouvert à tous les abonnés.");
}

/// Found by a reader's check of gj_dev: "a écrit le locataire de la Maison Blanche" (Trump, the
/// subject of the story) was an attribution to the White House. A person named by the institution
/// they occupy speaks for themselves; the institution's own statements stay attributions.
#[test]
fn a_person_named_by_the_institution_they_occupy_is_not_the_institution_speaking() {
    for text in [
        "« Les Français veulent de l'argent », a écrit le locataire de la Maison Blanche sur Twitter.",
        "The plan is dead, said the occupant of the White House on Friday.",
        "El plan ha muerto, dijo el inquilino de la Casa Blanca el viernes.",
    ] {
        not_source_of_content(text, "WhiteHouse");
    }
    one(
        "Le plan est abandonné, a déclaré la Maison Blanche vendredi.",
        "WhiteHouse",
        CitationKind::Attribution,
    );
}
