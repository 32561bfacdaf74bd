//! Credit and attribution forms of historical, Swiss and German copy, and the OCR damage they
//! carry: one test per rule, written on other sentences than the ones that suggested it.

use super::tests::{no_credit, none_of, not_source_of_content, one};
use super::*;

#[test]
fn dispatch_nouns_name_the_agency_that_supplied_the_text() {
    use CitationKind::Attribution;
    one(
        "Une dépêche Havas signale que la conférence est ajournée.",
        "Havas",
        Attribution,
    );
    one(
        "D'après une dépêche de l'agence Reuter, le cabinet a démissionné.",
        "Reuters",
        Attribution,
    );
    one(
        "Eine Reuter-Meldung aus Kairo besagt, dass der König abgereist ist.",
        "Reuters",
        Attribution,
    );
    one(
        "An AP dispatch from Cairo said the king had left.",
        "AP",
        Attribution,
    );
    one(
        "Un despacho de Efe desde Lima informa del accidente.",
        "EFE",
        Attribution,
    );
    // A surname is still not the agency.
    none_of("Le romancier Fritz Reuter est né en 1810.", "Reuters");
}

#[test]
fn agency_words_unlock_names_that_are_also_surnames() {
    use CitationKind::Attribution;
    one(
        "Selon l'agence Reuter, le traité sera signé demain.",
        "Reuters",
        Attribution,
    );
    one(
        "Wie die Agentur Havas meldet, ist der Minister abgereist.",
        "Havas",
        Attribution,
    );
    // "the INS agency" is the immigration service: the agency word must come first.
    none_of(
        "Officials of the INS agency said the border was closed.",
        "INS",
    );
}

#[test]
fn regression_staff_as_victims_are_not_an_attribution_in_english() {
    not_source_of_content(
        "Two Reuters reporters were arrested in Yangon on Tuesday.",
        "Reuters",
    );
    one(
        "Reuters reporters counted 40 bodies.",
        "Reuters",
        CitationKind::Attribution,
    );
}

#[test]
fn spaced_initials_after_an_elided_article_are_the_agency() {
    one(
        "Le ministre a confié au correspondant de l'A. F. P. qu'il démissionnerait.",
        "AFP",
        CitationKind::Attribution,
    );
    none_of("Fiat S.P.A. a publié ses comptes.", "SPA");
}

#[test]
fn lower_case_sign_offs_close_a_dispatch() {
    use CitationKind::Credit;
    one("Le Conseil fédéral a tranché mardi. ats", "ATS", Credit);
    one("Le Conseil fédéral a tranché mardi. ats/ruf", "ATS", Credit);
    // Not at the end of its line, or not after a sentence: an ordinary word.
    none_of("Le mot ap figure au dictionnaire.", "AP");
}

#[test]
fn swiss_datelines_without_a_date() {
    use CitationKind::Credit;
    one(
        "Lausanne (ats) La Municipalité a présenté son budget.",
        "ATS",
        Credit,
    );
    one(
        "Zürich (sda) Die Stadt hat das Budget vorgestellt.",
        "ATS",
        Credit,
    );
    // A person followed by a verb is not a place: no dateline credit.
    no_credit("Jean Dupont (AFP) a dit qu'il viendrait.");
}

#[test]
fn dateline_dashes_with_a_period_after_the_agency() {
    one(
        "ROME, 4. — Reuter. — Le cabinet s'est réuni.",
        "Reuters",
        CitationKind::Credit,
    );
}

#[test]
fn parenthesis_only_aliases_need_the_parenthesis() {
    one(
        "Prag, 24. Febr. (Exchange) Der Minister trat zurück.",
        "Extel",
        CitationKind::Credit,
    );
    one(
        "TOKYO, May 2 (UP) — The cabinet resigned.",
        "UPI",
        CitationKind::Credit,
    );
    none_of(
        "The shares are listed on the American Stock\nExchange.",
        "Extel",
    );
    none_of("Prices went UP sharply.", "UPI");
    none_of("Uttar Pradesh (UP) The state votes.", "UPI");
}

#[test]
fn ocr_damaged_credits_after_datelines() {
    use CitationKind::Credit;
    one(
        "MADRID, 23 (Reuler). — Le gouvernement a démissionné.",
        "Reuters",
        Credit,
    );
    one(
        "Rom, 4. Mai. (Stefanl.) Der Duce sprach.",
        "Stefani",
        Credit,
    );
    one("Berlin, 3. Mai. IDNB). Der Minister sprach.", "DNB", Credit);
    // One letter of slack outside a credit position finds nothing.
    none_of("Le Reuler est un instrument de mesure.", "Reuters");
}

#[test]
fn names_split_by_a_line_end_hyphen() {
    one(
        "Le cabinet a démissionné, annonce l'agence Ha-\nvas dans la soirée.",
        "Havas",
        CitationKind::Attribution,
    );
    // Within a line the hyphen joins a compound.
    none_of("Le groupe Ha-vas a publié ses comptes.", "Havas");
}

#[test]
fn german_speech_verbs_and_their_distant_datives() {
    use CitationKind::Attribution;
    one(
        "Die Lage sei ernst, sagte der Bürgermeister Hans Meier am Mittwochabend der Nachrichtenagentur AFP.",
        "AFP",
        Attribution,
    );
    one(
        "Das Projekt werde verschoben, hieß es im Ministerium zur APA.",
        "APA",
        Attribution,
    );
    one(
        "Die Firma kündigte auf APA-Anfrage eine Prüfung an.",
        "APA",
        Attribution,
    );
    one(
        "Nach dpa-Informationen ist der Vertrag unterschrieben.",
        "DPA",
        Attribution,
    );
    one(
        "Von Reuters befragte Analysten erwarten ein Plus.",
        "Reuters",
        Attribution,
    );
    // A genitive after a noun, a preposition's object: the agency is only named.
    not_source_of_content("Die Zahl der Mitarbeiter der APA ist gestiegen.", "APA");
    not_source_of_content(
        "Er sagte, er werde am Sonntag auf der APA-Konferenz sprechen.",
        "APA",
    );
}

#[test]
fn regression_hard_wrapped_told_reuters_is_an_attribution_not_a_credit_line() {
    use CitationKind::Attribution;
    one(
        "The loan will be repaid in May, a bank official told\nReuters.",
        "Reuters",
        Attribution,
    );
    one(
        "Demand had been strong, the head of the bank told\nReuters in an interview.",
        "Reuters",
        Attribution,
    );
    // A wrapped name with no cue is a mention, not a credit line of its own.
    not_source_of_content(
        "It was a challenge equal to the launching of\nSputnik.",
        "Sputnik",
    );
    // The wire's sign-off after a table line, and a dateline head after a headline, stay credits.
    one(
        "    Revs 1.59 billion vs 997.1 mln\n Reuter",
        "Reuters",
        CitationKind::Credit,
    );
    one(
        "Aussies battle EU over cheese, champagne\nAP - The United States won.",
        "AP",
        CitationKind::Credit,
    );
    one(
        "Key Witness Gets Wrist Slap\n(CBS/AP) A former assistant",
        "AP",
        CitationKind::Credit,
    );
}

#[test]
fn regression_an_acronym_that_begins_a_company_name_is_that_company_throughout() {
    none_of(
        "AFP Imaging Corp said it expects revenues to rise. AFP also said it hired a new chief.",
        "AFP",
    );
    none_of("ATS Medical Inc reported a loss.", "ATS");
    // The agency itself is untouched.
    one(
        "PARIS (AFP) - Le président a parlé.",
        "AFP",
        CitationKind::Credit,
    );
    one(
        "Reuters Holdings PLC said profits rose, a spokesman told Reuters.",
        "Reuters",
        CitationKind::Attribution,
    );
}

#[test]
fn a_credit_before_a_company_name_is_still_a_credit() {
    one(
        "AP - RealNetworks Inc. survived the collapse.",
        "AP",
        CitationKind::Credit,
    );
    one(
        "« C'est efficace », assure-t-il à l'AFP. Co-fondateur de la société, il",
        "AFP",
        CitationKind::Attribution,
    );
}

#[test]
fn direct_cues_unlock_ambiguous_acronyms() {
    one(
        "According to AP quoting the declassified papers, the plan failed.",
        "AP",
        CitationKind::Attribution,
    );
    one(
        "Le plan a échoué, selon l'AP.",
        "AP",
        CitationKind::Attribution,
    );
    // Without the cue the acronym stays ambiguous.
    none_of("Students took the AP exam in May.", "AP");
}

#[test]
fn regression_a_dispatch_noun_inside_a_list_of_media_is_no_attribution() {
    not_source_of_content(
        "Lo difundieron Jiji, la cadena NHK, el cable de AFP de Francia, la agencia AP y UPI.",
        "AFP",
    );
    one(
        "Un despacho de Efe desde Lima informa del accidente.",
        "EFE",
        CitationKind::Attribution,
    );
}

#[test]
fn regression_ocr_noise_before_an_agency_existed_is_not_that_agency() {
    let registry = Registry::bundled();
    let ex = Extractor::new(&registry);
    let text = "Quelques dég âts ont été faits (ats) dans la ville.";
    let old = ex.extract_dated(Field::Text, &TextView::new(text), Some(1842));
    assert!(old.iter().all(|c| c.source != "ATS"), "{old:?}");
    let new = ex.extract_dated(Field::Text, &TextView::new(text), Some(1990));
    assert!(new.iter().any(|c| c.source == "ATS"), "{new:?}");
}
