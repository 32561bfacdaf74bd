"""Corruption forms for tests/corrupt/corrupt.py, per kind and language.

Every public ``make_*`` function takes ``(rng, lang)`` (plus context where
needed) and returns one freshly generated corruption string.  Forms are built
combinatorially from parts (frames x slots x renderings x separators), so a
given kind yields hundreds to thousands of distinct strings per language
instead of a short fixed list.

Written from general knowledge of how scraped, spun and machine-translated news
pages look, without looking at the engine's own garble lists (see README.md).
Standard library only; all randomness comes from the ``random.Random`` passed
in, so output is deterministic for a given seed.
"""

LANGS = ("fr", "en", "es", "de")


def cap(s):
    """Upper-case the first character only ("notre site" -> "Notre site")."""
    return s[:1].upper() + s[1:]


def low(s):
    """Lower-case the first character only ("Le gouvernement" -> "le gouvernement")."""
    return s[:1].lower() + s[1:]


# ---------------------------------------------------------------------------
# Numbers as a language writes them
# ---------------------------------------------------------------------------

THOUSANDS = {"fr": "\u00a0", "en": ",", "es": ".", "de": "."}
DECIMAL = {"fr": ",", "en": ".", "es": ",", "de": ","}
PERCENT = {"fr": "\u00a0%", "en": "%", "es": " %", "de": " Prozent"}


def fmt_int(n, lang):
    """12000 -> '12 000' (fr, no-break space), '12,000' (en), '12.000' (es, de)."""
    s = str(n)
    groups = []
    while len(s) > 3:
        groups.insert(0, s[-3:])
        s = s[:-3]
    groups.insert(0, s)
    return THOUSANDS[lang].join(groups)


def rand_count(rng):
    """A plausible head count / amount: 1 200, 35 000, 4 500 000 ..."""
    return rng.choice([rng.randint(12, 95) * 100, rng.randint(2, 90) * 1000,
                       rng.randint(11, 99) * 50, rng.randint(1, 9) * 1_000_000 + rng.randint(1, 9) * 100_000])


EASTERN_ARABIC = str.maketrans("0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")
FULLWIDTH = str.maketrans("0123456789", "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19")

# ---------------------------------------------------------------------------
# mt_placeholder: placeholder tokens, broken numbers, untranslated markup
# ---------------------------------------------------------------------------

# Tokens that MT / NLP pipelines put in place of numbers and never restore.
NUM_TOKENS = ["__NUM__", "__NUMBER__", "<NUM>", "<num>", "NUM_0", "NUM_1", "NUM_2",
              "[NUMBER]", "[NUM]", "{NUM}", "{{NUMBER}}", "@NUM@", "#NUM#", "$NUMBER",
              "%d", "%s", "{0}", "{1}", "%1$s", "<unk>", "[UNK]", "NUMTOKEN", "@@NUM@@", "_NUMBER_"]
# Tokens put in place of names (named-entity masking that was never undone).
ENT_TOKENS = ["NE_PERSON_1", "NE_PER_0", "<PERSON>", "[PER]", "[PERSON]", "__ENTITY__",
              "ENT_2", "[NAME]", "{name}", "<unk>", "PERSON_0", "@PER@", "<ORG>", "[ORG_1]",
              "__NAME_1__", "{{person}}"]
# Markup that survived translation around a phrase ({} is the phrase).
MARKUP_WRAPS = ["<b>{}</b>", "<i>{}</i>", "&quot;{}&quot;", "&lt;b&gt;{}&lt;/b&gt;",
                "[b]{}[/b]", "<span>{}</span>", "<strong>{}</strong>", "&#39;{}&#39;",
                "<br>{}", "{}<br />", "<em>{}</em>", "&laquo;{}&raquo;", "[i]{}[/i]",
                "<p>{}</p>", "{}&nbsp;", "<a href=\"#\">{}</a>"]


def render_number(rng, lang):
    """One broken rendering of a number, as MT pipelines leave them."""
    n = rand_count(rng)
    a, b = rng.randint(1, 99), rng.randint(0, 999)
    # separator used in the "split oddly" forms: never the language's normal one for
    # French (a plain space there is correct typography, "48 106" is not broken)
    th = {"fr": ".", "en": ",", "es": ".", "de": "."}[lang]
    forms = [
        lambda: "XNUMX",
        lambda: f"{fmt_int(n, lang)} XNUMX",
        lambda: f"XNUMX{DECIMAL[lang]}XNUMX",
        lambda: "XNUMX XNUMX",
        lambda: rng.choice(NUM_TOKENS),
        lambda: f"{fmt_int(n, lang)} {rng.choice(NUM_TOKENS)}",
        lambda: f"{a} @{th}@ {b:03d}",                     # Moses-escaped separator
        lambda: f"{a} @-@ {b:03d}",
        lambda: rng.choice([f"{a}{th} {b:03d}", f"{a} {th}{b:03d}", f"{a} {th} {b:03d}"]),  # split oddly
        lambda: f"{a}{th}{b:03d}{th}{rng.randint(0, 999):03d} 000",   # digits run on
        lambda: fmt_int(n, lang).translate(EASTERN_ARABIC),
        lambda: str(n).translate(FULLWIDTH),
        lambda: f"{n / 1000:.1f}E+03".replace(".", DECIMAL[lang]),
        lambda: f"{rng.randint(2, 9)} {rng.choice(['XNUMX', 'NUM', '##'])} {rng.randint(100, 999)}",
    ]
    return rng.choice(forms)()


MT_NUM_FRAMES = {
    "fr": ["Selon les autorités, {N} personnes ont été évacuées dans la nuit.",
           "Le bilan provisoire fait état de {N} blessés.",
           "Plus de {N} manifestants ont défilé samedi dans le centre-ville.",
           "Le contrat porte sur un montant de {N} euros, a précisé le ministère.",
           "Environ {N} soldats seraient déjà déployés dans la région.",
           "L'entreprise prévoit de supprimer {N} emplois d'ici à la fin de l'année.",
           "Au moins {N} foyers étaient toujours privés d'électricité lundi soir.",
           "Le taux de chômage a atteint {N} % au dernier trimestre.",
           "La police a dénombré {N} participants, contre {N} selon les organisateurs.",
           "Le gouvernement a débloqué une enveloppe de {N} millions d'euros."],
    "en": ["Authorities said {N} people had been evacuated overnight.",
           "The provisional toll stands at {N} injured, officials said.",
           "More than {N} protesters marched through the city centre on Saturday.",
           "The contract is worth {N} dollars, the ministry said.",
           "Around {N} troops are believed to have been deployed to the region.",
           "The company plans to cut {N} jobs by the end of the year.",
           "At least {N} homes were still without power on Monday evening.",
           "Unemployment rose to {N}% in the last quarter.",
           "Police put the crowd at {N}, while organisers claimed {N}.",
           "The government has set aside {N} million dollars for the plan."],
    "es": ["Según las autoridades, {N} personas fueron evacuadas durante la noche.",
           "El balance provisional es de {N} heridos.",
           "Más de {N} manifestantes marcharon el sábado por el centro de la ciudad.",
           "El contrato asciende a {N} euros, según el ministerio.",
           "Unos {N} soldados habrían sido desplegados en la región.",
           "La empresa prevé suprimir {N} empleos antes de fin de año.",
           "Al menos {N} hogares seguían sin electricidad el lunes por la noche.",
           "La tasa de desempleo alcanzó el {N} % en el último trimestre.",
           "La policía cifró la asistencia en {N} personas, frente a {N} según los organizadores.",
           "El Gobierno ha destinado {N} millones de euros al plan."],
    "de": ["Nach Angaben der Behörden wurden in der Nacht {N} Menschen evakuiert.",
           "Die vorläufige Bilanz liegt bei {N} Verletzten.",
           "Mehr als {N} Demonstranten zogen am Samstag durch die Innenstadt.",
           "Der Auftrag hat ein Volumen von {N} Euro, teilte das Ministerium mit.",
           "Rund {N} Soldaten sollen bereits in die Region verlegt worden sein.",
           "Das Unternehmen will bis Jahresende {N} Stellen streichen.",
           "Mindestens {N} Haushalte waren am Montagabend noch ohne Strom.",
           "Die Arbeitslosenquote stieg im letzten Quartal auf {N} Prozent.",
           "Die Polizei zählte {N} Teilnehmer, die Veranstalter sprachen von {N}.",
           "Die Regierung stellt für das Programm {N} Millionen Euro bereit."],
}

MT_ENT_FRAMES = {
    "fr": ["{E} a affirmé que les négociations reprendraient la semaine prochaine.",
           "La rencontre entre {E} et le Premier ministre a été reportée.",
           "Interrogé par la presse, {E} n'a pas souhaité commenter.",
           "Le porte-parole, {E}, a confirmé l'information mardi.",
           "{E} doit se rendre à Bruxelles jeudi."],
    "en": ["{E} said negotiations would resume next week.",
           "A meeting between {E} and the prime minister has been postponed.",
           "Asked by reporters, {E} declined to comment.",
           "The spokesman, {E}, confirmed the report on Tuesday.",
           "{E} is due to travel to Brussels on Thursday."],
    "es": ["{E} afirmó que las negociaciones se reanudarán la próxima semana.",
           "La reunión entre {E} y el primer ministro ha sido aplazada.",
           "Preguntado por la prensa, {E} declinó hacer comentarios.",
           "El portavoz, {E}, confirmó la información el martes.",
           "{E} viajará a Bruselas el jueves."],
    "de": ["{E} sagte, die Verhandlungen würden kommende Woche fortgesetzt.",
           "Ein Treffen zwischen {E} und dem Regierungschef wurde verschoben.",
           "Auf Nachfrage wollte sich {E} nicht äußern.",
           "Der Sprecher, {E}, bestätigte den Bericht am Dienstag.",
           "{E} wird am Donnerstag in Brüssel erwartet."],
}
# Plain fillers for {E} when the artefact is elsewhere in the sentence.
PLAIN_ENT = {"fr": ["Le ministre des Affaires étrangères", "La présidente de la commission", "Le directeur général"],
             "en": ["The foreign minister", "The committee chairwoman", "The chief executive"],
             "es": ["El ministro de Asuntos Exteriores", "La presidenta de la comisión", "El director general"],
             "de": ["Der Außenminister", "Die Ausschussvorsitzende", "Der Vorstandschef"]}

# (frame, phrase): the phrase is what untranslated markup gets wrapped around.
MT_MARKUP_FRAMES = {
    "fr": [("Le gouvernement a présenté {P} mardi en Conseil des ministres.", "un nouveau plan d'urgence"),
           ("Les syndicats dénoncent {P} et appellent à la grève.", "une réforme injuste"),
           ("Le rapport évoque {P} dans plusieurs régions.", "une situation préoccupante"),
           ("La ministre a salué {P} entre les deux pays.", "un accord historique"),
           ("Les enquêteurs privilégient {P} à ce stade.", "la piste criminelle")],
    "en": [("The government unveiled {P} on Tuesday.", "a new emergency plan"),
           ("Unions condemned {P} and called for a strike.", "an unfair reform"),
           ("The report describes {P} in several regions.", "a worrying situation"),
           ("The minister hailed {P} between the two countries.", "a historic agreement"),
           ("Investigators are focusing on {P} at this stage.", "the criminal lead")],
    "es": [("El Gobierno presentó el martes {P}.", "un nuevo plan de emergencia"),
           ("Los sindicatos denuncian {P} y convocan una huelga.", "una reforma injusta"),
           ("El informe describe {P} en varias regiones.", "una situación preocupante"),
           ("La ministra celebró {P} entre ambos países.", "un acuerdo histórico"),
           ("Los investigadores se centran en {P} por ahora.", "la pista criminal")],
    "de": [("Die Regierung stellte am Dienstag {P} vor.", "einen neuen Notfallplan"),
           ("Die Gewerkschaften kritisieren {P} und rufen zum Streik auf.", "eine ungerechte Reform"),
           ("Der Bericht beschreibt {P} in mehreren Regionen.", "eine besorgniserregende Lage"),
           ("Die Ministerin lobte {P} zwischen beiden Ländern.", "ein historisches Abkommen"),
           ("Die Ermittler gehen derzeit von {P} aus.", "einem Verbrechen")],
}


def _bpe_split(rng, sentence):
    """Leave subword-joiner markup in one long word ('gouver@@ nement')."""
    words = [w for w in sentence.split(" ") if len(w) >= 8 and w.isalpha()]
    if not words:
        return None
    w = rng.choice(words)
    k = rng.randint(3, len(w) - 3)
    joiner = rng.choice(["@@ ", "@@", "##", " ##", "\u2581"])
    if joiner in ("##", " ##"):
        glued = w[:k] + " ##" + w[k:]
    elif joiner == "\u2581":
        glued = w[:k] + "\u2581" + w[k:]
    else:
        glued = w[:k] + joiner + w[k:]
    return sentence.replace(w, glued, 1)


def _sentencepiece(rng, sentence):
    """SentencePiece word-boundary marks left in place of spaces over 3-5 words."""
    words = sentence.split(" ")
    if len(words) < 5:
        return None
    i = rng.randint(0, len(words) - 4)
    j = min(len(words), i + rng.randint(3, 5))
    return " ".join(words[:i] + ["\u2581" + "\u2581".join(words[i:j])] + words[j:])


def _entity_escape(rng, sentence):
    """Apostrophes escaped as HTML/Moses entities ('l&apos;armée', 'don&#39;t')."""
    if "'" not in sentence:
        return None
    esc = rng.choice(["&apos;", "&#39;", " &apos; ", "&#x27;", "&rsquo;"])
    return sentence.replace("'", esc)


def make_mt_placeholder(rng, lang):
    """A sentence in the article's language carrying one MT artefact."""
    form = rng.choice(["num", "num", "num", "ent", "markup", "bpe", "spm", "escape"])
    if form == "num":
        frame = rng.choice(MT_NUM_FRAMES[lang])
        # each {N} gets its own rendering; at least one is broken, the second may be clean
        parts = frame.split("{N}")
        out = parts[0]
        for i, tail in enumerate(parts[1:]):
            n = render_number(rng, lang) if i == 0 or rng.random() < 0.5 else fmt_int(rand_count(rng), lang)
            out += n + tail
        return out
    if form == "ent":
        return rng.choice(MT_ENT_FRAMES[lang]).replace("{E}", rng.choice(ENT_TOKENS))
    if form == "markup":
        frame, phrase = rng.choice(MT_MARKUP_FRAMES[lang])
        return frame.replace("{P}", rng.choice(MARKUP_WRAPS).format(phrase))
    # artefacts applied to an otherwise clean sentence
    base_pool = [f.replace("{N}", fmt_int(rand_count(rng), lang)) for f in MT_NUM_FRAMES[lang]]
    base_pool += [f.replace("{E}", rng.choice(PLAIN_ENT[lang]) if f.startswith("{E}") else low(rng.choice(PLAIN_ENT[lang])))
                  for f in MT_ENT_FRAMES[lang]]
    base_pool += [f.replace("{P}", p) for f, p in MT_MARKUP_FRAMES[lang]]
    fn = {"bpe": _bpe_split, "spm": _sentencepiece, "escape": _entity_escape}[form]
    for _ in range(20):
        out = fn(rng, rng.choice(base_pool))
        if out:
            return out
    return rng.choice(MT_NUM_FRAMES[lang]).replace("{N}", "XNUMX")


# ---------------------------------------------------------------------------
# foreign_fragment: one sentence in another language; foreign conjunctions
# ---------------------------------------------------------------------------

# Singular subjects, reporting verbs + complement clause, actions, times.
FOREIGN = {
    "fr": dict(
        subj=["Le gouvernement", "Le ministre de l'Intérieur", "La police", "L'entreprise", "Le chef de l'opposition",
              "Un porte-parole du ministère", "La banque centrale", "La préfecture", "Le comité", "Le maire"],
        said=["a déclaré mardi que", "a annoncé que", "a confirmé que", "a averti que", "a indiqué à la presse que",
              "a souligné que"],
        clause=["les discussions reprendraient la semaine prochaine", "les mesures entreraient en vigueur en janvier",
                "aucune décision n'avait encore été prise", "la situation restait sous contrôle",
                "de nouvelles sanctions n'étaient pas exclues", "le budget serait présenté au printemps"],
        action=["a rejeté la proposition", "a reporté le vote", "a ouvert une enquête", "a annoncé de nouvelles mesures",
                "a appelé au calme", "a relevé ses taux d'intérêt"],
        time=["lundi", "mercredi soir", "la semaine dernière", "en début de mois", "vendredi"]),
    "en": dict(
        subj=["The government", "The interior minister", "Police", "The company", "The opposition leader",
              "A ministry spokesman", "The central bank", "The regional council", "The committee", "The mayor"],
        said=["said on Tuesday that", "announced that", "confirmed that", "warned that", "told reporters that",
              "stressed that"],
        clause=["talks would resume next week", "the measures would take effect in January",
                "no decision had yet been taken", "the situation remained under control",
                "further sanctions could not be ruled out", "the budget would be presented in the spring"],
        action=["rejected the proposal", "postponed the vote", "opened an investigation", "announced new measures",
                "called for calm", "raised interest rates"],
        time=["on Monday", "on Wednesday evening", "last week", "earlier this month", "on Friday"]),
    "es": dict(
        subj=["El Gobierno", "El ministro del Interior", "La policía", "La empresa", "El líder de la oposición",
              "Un portavoz del ministerio", "El banco central", "La alcaldía", "El comité", "El alcalde"],
        said=["afirmó el martes que", "anunció que", "confirmó que", "advirtió que", "dijo a la prensa que",
              "subrayó que"],
        clause=["las conversaciones se reanudarían la próxima semana", "las medidas entrarían en vigor en enero",
                "todavía no se había tomado ninguna decisión", "la situación seguía bajo control",
                "no se descartaban nuevas sanciones", "el presupuesto se presentaría en primavera"],
        action=["rechazó la propuesta", "aplazó la votación", "abrió una investigación", "anunció nuevas medidas",
                "hizo un llamamiento a la calma", "subió los tipos de interés"],
        time=["el lunes", "el miércoles por la noche", "la semana pasada", "a principios de mes", "el viernes"]),
    "de": dict(
        subj=["Die Regierung", "Der Innenminister", "Die Polizei", "Das Unternehmen", "Der Oppositionsführer",
              "Ein Sprecher des Ministeriums", "Die Zentralbank", "Die Stadtverwaltung", "Der Ausschuss",
              "Der Bürgermeister"],
        said=["erklärte am Dienstag, dass", "kündigte an, dass", "bestätigte, dass", "warnte, dass",
              "sagte vor Journalisten, dass", "betonte, dass"],
        clause=["die Gespräche kommende Woche fortgesetzt würden", "die Maßnahmen im Januar in Kraft treten sollten",
                "noch keine Entscheidung gefallen sei", "die Lage unter Kontrolle sei",
                "weitere Sanktionen nicht ausgeschlossen seien", "der Haushalt im Frühjahr vorgelegt werde"],
        # German perfect: "hat <time> <object+participle>"
        action=["den Vorschlag abgelehnt", "die Abstimmung verschoben", "Ermittlungen eingeleitet",
                "neue Maßnahmen angekündigt", "zur Ruhe aufgerufen", "die Zinsen erhöht"],
        time=["am Montag", "am Mittwochabend", "in der vergangenen Woche", "Anfang des Monats", "am Freitag"]),
    "it": dict(
        subj=["Il governo", "Il ministro dell'Interno", "La polizia", "L'azienda", "Il leader dell'opposizione",
              "Un portavoce del ministero", "La banca centrale", "Il comune", "Il comitato", "Il sindaco"],
        said=["ha dichiarato martedì che", "ha annunciato che", "ha confermato che", "ha avvertito che",
              "ha detto ai giornalisti che", "ha sottolineato che"],
        clause=["i negoziati riprenderanno la prossima settimana", "le misure entreranno in vigore a gennaio",
                "non è stata ancora presa alcuna decisione", "la situazione resta sotto controllo",
                "non si escludono nuove sanzioni", "il bilancio sarà presentato in primavera"],
        action=["ha respinto la proposta", "ha rinviato il voto", "ha aperto un'indagine", "ha annunciato nuove misure",
                "ha invitato alla calma", "ha alzato i tassi di interesse"],
        time=["lunedì", "mercoledì sera", "la settimana scorsa", "all'inizio del mese", "venerdì"]),
    "pt": dict(
        subj=["O governo", "O ministro do Interior", "A polícia", "A empresa", "O líder da oposição",
              "Um porta-voz do ministério", "O banco central", "A prefeitura", "O comitê", "O prefeito"],
        said=["afirmou na terça-feira que", "anunciou que", "confirmou que", "alertou que",
              "disse aos jornalistas que", "sublinhou que"],
        clause=["as negociações serão retomadas na próxima semana", "as medidas entrarão em vigor em janeiro",
                "ainda não foi tomada nenhuma decisão", "a situação continua sob controle",
                "não estão descartadas novas sanções", "o orçamento será apresentado na primavera"],
        action=["rejeitou a proposta", "adiou a votação", "abriu uma investigação", "anunciou novas medidas",
                "pediu calma", "aumentou as taxas de juros"],
        time=["na segunda-feira", "na quarta-feira à noite", "na semana passada", "no início do mês",
              "na sexta-feira"]),
}


def foreign_sentence(rng, flang):
    """One news-style sentence in language ``flang`` (fr en es de it pt)."""
    p = FOREIGN[flang]
    subj, time = rng.choice(p["subj"]), rng.choice(p["time"])
    pattern = rng.randrange(3)
    if pattern == 0:                                   # S said that CLAUSE.
        return f"{subj} {rng.choice(p['said'])} {rng.choice(p['clause'])}."
    if flang == "de":
        if pattern == 1:                               # Am Montag hat die Regierung ... abgelehnt.
            return f"{cap(time)} hat {low(subj)} {rng.choice(p['action'])}."
        return f"{subj} hat {time} {rng.choice(p['action'])}."
    if pattern == 1:                                   # Lundi, le gouvernement a ...
        return f"{cap(time)}, {low(subj)} {rng.choice(p['action'])}."
    return f"{subj} {rng.choice(p['action'])} {time}."


# Sentences in the article's language with {A} {C} {B}: two names joined by a
# conjunction from another language.
CONJ_FRAMES = {
    "fr": ["Les discussions entre {A} {C} {B} doivent reprendre la semaine prochaine.",
           "Un accord a été conclu mardi entre {A} {C} {B}.",
           "Les liaisons aériennes entre {A} {C} {B} restent suspendues.",
           "Les relations entre {A} {C} {B} se sont nettement dégradées.",
           "{A} {C} {B} ont convenu de renforcer leur coopération."],
    "en": ["Talks between {A} {C} {B} are due to resume next week.",
           "An agreement was reached between {A} {C} {B} on Tuesday.",
           "Flights between {A} {C} {B} remain suspended.",
           "Relations between {A} {C} {B} have deteriorated sharply.",
           "{A} {C} {B} agreed to step up their cooperation."],
    "es": ["Las conversaciones entre {A} {C} {B} se reanudarán la próxima semana.",
           "{A} {C} {B} firmaron el martes un acuerdo de cooperación.",
           "Los vuelos entre {A} {C} {B} siguen suspendidos.",
           "Las relaciones entre {A} {C} {B} se han deteriorado notablemente.",
           "El encuentro entre {A} {C} {B} fue aplazado."],
    "de": ["Die Gespräche zwischen {A} {C} {B} sollen kommende Woche fortgesetzt werden.",
           "{A} {C} {B} unterzeichneten am Dienstag ein Abkommen.",
           "Die Flugverbindungen zwischen {A} {C} {B} bleiben ausgesetzt.",
           "Die Beziehungen zwischen {A} {C} {B} haben sich deutlich verschlechtert.",
           "Das Treffen zwischen {A} {C} {B} wurde verschoben."],
}
PLACES = {
    "fr": ["Moscou", "Pékin", "Paris", "Berlin", "Washington", "Kiev", "Séoul", "Pyongyang", "Madrid", "Rome",
           "Londres", "Téhéran", "Ankara", "Varsovie"],
    "en": ["Moscow", "Beijing", "Paris", "Berlin", "Washington", "Kyiv", "Seoul", "Pyongyang", "Madrid", "Rome",
           "London", "Tehran", "Ankara", "Warsaw"],
    "es": ["Moscú", "Pekín", "París", "Berlín", "Washington", "Kiev", "Seúl", "Pyongyang", "Madrid", "Roma",
           "Londres", "Teherán", "Ankara", "Varsovia"],
    "de": ["Moskau", "Peking", "Paris", "Berlin", "Washington", "Kiew", "Seoul", "Pjöngjang", "Madrid", "Rom",
           "London", "Teheran", "Ankara", "Warschau"],
}
# Conjunctions that are foreign to the article language (and not ambiguous in it).
FOREIGN_CONJ = {"fr": ["y", "und", "and", "e"], "en": ["et", "y", "und", "e"],
                "es": ["et", "und", "and"], "de": ["et", "y", "and", "e"]}


def make_foreign_fragment(rng, lang):
    """Either a whole sentence in another language, or a foreign conjunction between names."""
    if rng.random() < 0.3:
        a, b = rng.sample(PLACES[lang], 2)
        return (rng.choice(CONJ_FRAMES[lang]).replace("{A}", a).replace("{B}", b)
                .replace("{C}", rng.choice(FOREIGN_CONJ[lang])))
    flang = rng.choice([x for x in FOREIGN if x != lang])
    return foreign_sentence(rng, flang)


# ---------------------------------------------------------------------------
# glued_words: a lowercase word glued to the next capitalised word
# ---------------------------------------------------------------------------

RESIDUE_WORDS = {
    "fr": ["cliquez", "lire", "partager", "publicité", "vidéo", "photo", "suite", "commentaires", "imprimer",
           "retour", "diaporama", "afp", "envoyer", "réagir", "abonnés", "fermer"],
    "en": ["read", "share", "advertisement", "video", "photo", "more", "comments", "print", "email", "subscribe",
           "continue", "click", "gallery", "watch", "related", "close"],
    "es": ["leer", "compartir", "publicidad", "vídeo", "foto", "comentarios", "imprimir", "más", "seguir",
           "suscríbete", "enviar", "galería", "relacionado", "ver", "cerrar", "efe"],
    "de": ["weiterlesen", "teilen", "drucken", "mehr", "zurück", "schließen", "merken", "kommentieren",
           "abonnieren", "anhören", "vorlesen", "ansehen", "lesen", "dpa", "werbung", "anzeige"],
}
# Call-to-action lines whose last word is lowercase.
RESIDUE_PHRASES = {
    "fr": ["Cliquez ici pour lire", "Pour en savoir plus, cliquez", "Abonnez-vous pour lire la suite",
           "Voir la vidéo", "Partager sur facebook", "Lire la suite de l'article", "Écouter cet article en audio"],
    "en": ["Click here to read", "Continue reading", "Sign up to read more", "Watch the video",
           "Tap to share", "Scroll down to continue", "Listen to this article"],
    "es": ["Haga clic aquí para leer", "Siga leyendo", "Suscríbase para seguir leyendo", "Ver el vídeo",
           "Pulse para compartir", "Desliza para ver más", "Escuchar la noticia en audio"],
    "de": ["Jetzt weiterlesen", "Artikel vorlesen", "Hier klicken und mehr lesen", "Video ansehen",
           "Beitrag teilen", "Jetzt registrieren und weiterlesen", "Artikel merken"],
}
# Photo captions (no final period) that lost their line break.
CAPTION = {
    "fr": dict(subj=["Des manifestants", "Des policiers", "Des habitants", "Des secouristes", "Des élus"],
               pred=["devant la préfecture", "devant l'hôtel de ville", "près du palais de justice",
                     "à la sortie de la gare"],
               end=["samedi", "lundi", "mercredi", "dimanche", "vendredi soir", "en début de semaine"]),
    "en": dict(subj=["Protesters", "Police officers", "Residents", "Rescue workers", "Supporters"],
               pred=["gather outside the town hall", "stand near the courthouse", "wait outside the station",
                     "march past the parliament building"],
               end=["last week", "on Saturday afternoon", "earlier this month", "in the city centre",
                    "during the rally", "at dawn"]),
    "es": dict(subj=["Manifestantes", "Agentes de policía", "Vecinos", "Equipos de rescate", "Simpatizantes"],
               pred=["frente al ayuntamiento", "junto al palacio de justicia", "a la salida de la estación",
                     "ante el parlamento"],
               end=["el sábado", "el lunes", "este miércoles", "el domingo por la tarde", "la semana pasada",
                    "durante la protesta"]),
    # German: verb-final predicates, so the caption ends in a lowercase participle
    "de": dict(subj=["Demonstranten", "Polizisten", "Anwohner", "Rettungskräfte", "Unterstützer"],
               pred=["haben sich vor dem Rathaus versammelt", "sind am Samstag durch die Innenstadt gezogen",
                     "haben vor dem Gericht protestiert", "haben sich am Bahnhof eingefunden",
                     "werden nach dem Unwetter versorgt", "haben am Sonntag friedlich demonstriert"]),
}


def make_glued(rng, lang):
    """The text to put directly before the next capitalised word (no space after it)."""
    r = rng.random()
    if r < 0.5:
        return rng.choice(RESIDUE_WORDS[lang])
    if r < 0.75:
        return rng.choice(RESIDUE_PHRASES[lang])
    c = CAPTION[lang]
    if lang == "de":
        return f"{rng.choice(c['subj'])} {rng.choice(c['pred'])}"
    sep = ", " if lang in ("fr", "es") and rng.random() < 0.5 else " "
    return f"{rng.choice(c['subj'])} {rng.choice(c['pred'])}{sep}{rng.choice(c['end'])}"


# ---------------------------------------------------------------------------
# broken_punctuation: doubled or stray punctuation
# ---------------------------------------------------------------------------

BROKEN = {
    # inserted right after a sentence-final period
    "after_period": [" .", ".", " . .", ",", " ,", ".,", " ;", " :", ". .", " .,", " ,.", " . ,"],
    # inserted right after a closing quote/bracket that follows the period
    "after_close": [" .", ".", ",", " ,", " .»", " ;", ". ."],
    # inserted right after '!' or '?'
    "after_mark": [".", " .", "!", "?", " ,", ",."],
    # inserted right after a comma inside a sentence
    "after_comma": [",", " ,", ", ,", " ,,", ";", ".", " .", ",,"],
    # inserted at the start of the next sentence
    "before_start": [". ", ", ", ". . ", "; ", ", , ", ".. ", ": "],
    # a stray line of its own between paragraphs
    "line": [".", ". .", ", ,", ",", ";", ". ,", "..", ":", ", , ,", "; ;"],
}
BROKEN_EXTRA = {
    "fr": {"after_period": [" ; ;", " : :", " ;."], "before_start": ["; ; ", ": : "]},
    "en": {"after_period": [";;", " ;;"], "before_start": [",, "]},
    "es": {"after_period": [" ¿", "..,"], "before_start": ["¿. ", ",. "]},
    "de": {"after_period": [",,", " ,,"], "before_start": [",,", ",, "]},   # ",," as a mangled „
}


def broken_strings(lang, anchor):
    return BROKEN[anchor] + BROKEN_EXTRA[lang].get(anchor, [])


# ---------------------------------------------------------------------------
# navigation_residue: page furniture
# ---------------------------------------------------------------------------

NAV = {
    "fr": dict(
        comment_lines=["Laisser un commentaire", "Réagir à cet article", "{k} commentaires", "Connectez-vous pour commenter",
                       "Signaler un abus", "Ajouter un commentaire", "Voir les {k} commentaires"],
        comment_form=["Votre adresse e-mail ne sera pas publiée.", "Les champs obligatoires sont indiqués avec *",
                      "Commentaire *", "Nom *", "E-mail *", "Site web", "Publier le commentaire",
                      "Enregistrer mon nom et mon e-mail dans ce navigateur pour mon prochain commentaire."],
        share_heads=["Partager", "Partager :", "Partager cet article", "Partagez sur", "Partager sur"],
        networks=["Facebook", "Twitter", "X", "WhatsApp", "LinkedIn", "E-mail", "Imprimer", "Copier le lien",
                  "Messenger", "Telegram", "Pinterest"],
        counters=["Lu {n} fois", "Vues : {n}", "{n} vues", "{n} lectures", "Consulté {n} fois", "\U0001F441 {n}"],
        tag_heads=["Mots-clés :", "Tags :", "Thèmes :", "Sujets :", "Étiquettes :"],
        topics=["politique", "économie", "international", "société", "Europe", "justice", "sécurité", "santé",
                "élections", "gouvernement", "social", "faits divers"],
        prevnext=["« Article précédent", "Article suivant »", "← Article précédent", "Article suivant →",
                  "Précédent", "Suivant", "‹ Précédent | Suivant ›", "Article précédent : {h}", "Article suivant : {h}"],
        newsletter=["Inscrivez-vous à notre newsletter", "Recevez gratuitement notre newsletter",
                    "Abonnez-vous à la newsletter", "Votre adresse e-mail", "Je m'inscris", "S'inscrire",
                    "Recevez chaque matin l'essentiel de l'actualité"],
        cookie=["Ce site utilise des cookies pour vous offrir la meilleure expérience possible.",
                "En poursuivant votre navigation, vous acceptez l'utilisation de cookies.",
                "Nous utilisons des cookies pour mesurer l'audience et personnaliser les contenus.",
                "Ce site utilise des cookies. En savoir plus"],
        cookie_buttons=["Accepter", "Refuser", "Paramétrer les cookies", "En savoir plus", "J'accepte",
                        "Tout accepter", "Continuer sans accepter"],
        crumbs_root=["Accueil", "Accueil", "Une"],
        crumbs=["Actualités", "Monde", "France", "Politique", "Économie", "Société", "International", "Régions",
                "Europe", "Faits divers", "Justice"],
        misc=["Imprimer", "Envoyer par e-mail", "Taille du texte : A- A+", "Retour en haut", "Fermer", "Menu",
              "Rechercher", "Se connecter", "Mon compte", "Publicité", "Contenus sponsorisés",
              "Suivez-nous sur Facebook et Twitter", "Écouter cet article", "Ajouter aux favoris"]),
    "en": dict(
        comment_lines=["Leave a comment", "Leave a Reply", "{k} comments", "Log in to comment", "Report abuse",
                       "Add a comment", "View all {k} comments", "Join the conversation"],
        comment_form=["Your email address will not be published.", "Required fields are marked *",
                      "Comment *", "Name *", "Email *", "Website", "Post Comment",
                      "Save my name, email, and website in this browser for the next time I comment."],
        share_heads=["Share", "Share this:", "Share this article", "Share on", "SHARE"],
        networks=["Facebook", "Twitter", "X", "WhatsApp", "LinkedIn", "Email", "Print", "Copy link", "Reddit",
                  "Messenger", "Pinterest"],
        counters=["{n} views", "Views: {n}", "Read {n} times", "{n} reads", "Hits: {n}", "\U0001F441 {n}"],
        tag_heads=["Tags:", "Topics:", "Filed under:", "Keywords:", "Related topics:"],
        topics=["politics", "economy", "world", "business", "Europe", "crime", "security", "health", "elections",
                "government", "markets", "local news"],
        prevnext=["« Previous article", "Next article »", "← Previous post", "Next post →", "Previous", "Next",
                  "‹ Prev | Next ›", "Previous article: {h}", "Next article: {h}", "Older Post", "Newer Post"],
        newsletter=["Sign up for our newsletter", "Subscribe to our newsletter", "Get our free daily newsletter",
                    "Enter your email address", "Subscribe", "Sign up", "Get the day's top stories in your inbox"],
        cookie=["This website uses cookies to improve your experience.",
                "By continuing to browse the site, you agree to our use of cookies.",
                "We use cookies to measure audience and personalise content.",
                "This site uses cookies. Learn more"],
        cookie_buttons=["Accept", "Reject", "Cookie settings", "Learn more", "I agree", "Accept all",
                        "Manage preferences"],
        crumbs_root=["Home", "Home", "News"],
        crumbs=["News", "World", "US", "Politics", "Business", "Markets", "Europe", "Asia", "Local", "Crime",
                "Opinion"],
        misc=["Print", "Email this article", "Text size: A- A+", "Back to top", "Close", "Menu", "Search",
              "Sign in", "My account", "Advertisement", "Sponsored content", "Follow us on Facebook and Twitter",
              "Listen to this article", "Bookmark"]),
    "es": dict(
        comment_lines=["Deja un comentario", "Dejar un comentario", "{k} comentarios", "Inicia sesión para comentar",
                       "Denunciar abuso", "Añadir comentario", "Ver los {k} comentarios", "Opina sobre esta noticia"],
        comment_form=["Tu dirección de correo electrónico no será publicada.",
                      "Los campos obligatorios están marcados con *", "Comentario *", "Nombre *",
                      "Correo electrónico *", "Web", "Publicar el comentario",
                      "Guarda mi nombre, correo electrónico y web en este navegador para la próxima vez que comente."],
        share_heads=["Compartir", "Compartir:", "Comparte esta noticia", "Compartir en", "COMPARTIR"],
        networks=["Facebook", "Twitter", "X", "WhatsApp", "LinkedIn", "Correo", "Imprimir", "Copiar enlace",
                  "Telegram", "Messenger", "Pinterest"],
        counters=["{n} visitas", "Visto {n} veces", "Leído {n} veces", "Lecturas: {n}", "Visitas: {n}",
                  "\U0001F441 {n}"],
        tag_heads=["Etiquetas:", "Temas:", "Tags:", "Palabras clave:", "Archivado en:"],
        topics=["política", "economía", "internacional", "sociedad", "Europa", "sucesos", "seguridad", "salud",
                "elecciones", "Gobierno", "justicia", "América Latina"],
        prevnext=["« Noticia anterior", "Noticia siguiente »", "← Artículo anterior", "Artículo siguiente →",
                  "Anterior", "Siguiente", "‹ Anterior | Siguiente ›", "Noticia anterior: {h}",
                  "Siguiente noticia: {h}"],
        newsletter=["Suscríbete a nuestro boletín", "Recibe nuestra newsletter gratis",
                    "Apúntate a la newsletter", "Tu correo electrónico", "Suscribirme", "Darme de alta",
                    "Recibe cada mañana las noticias más importantes"],
        cookie=["Este sitio web utiliza cookies para mejorar su experiencia.",
                "Si continúa navegando, acepta el uso de cookies.",
                "Utilizamos cookies propias y de terceros para analizar el tráfico y personalizar el contenido.",
                "Este sitio usa cookies. Más información"],
        cookie_buttons=["Aceptar", "Rechazar", "Configurar cookies", "Más información", "Acepto", "Aceptar todas",
                        "Leer más"],
        crumbs_root=["Inicio", "Portada", "Inicio"],
        crumbs=["Noticias", "Internacional", "España", "Política", "Economía", "Sociedad", "Mundo", "Sucesos",
                "América", "Europa", "Opinión"],
        misc=["Imprimir", "Enviar por correo", "Tamaño del texto: A- A+", "Volver arriba", "Cerrar", "Menú",
              "Buscar", "Iniciar sesión", "Mi cuenta", "Publicidad", "Contenido patrocinado",
              "Síguenos en Facebook y Twitter", "Escuchar noticia", "Guardar"]),
    "de": dict(
        comment_lines=["Kommentar schreiben", "Schreiben Sie einen Kommentar", "{k} Kommentare",
                       "Melden Sie sich an, um zu kommentieren", "Beitrag melden", "Kommentare anzeigen",
                       "Alle {k} Kommentare anzeigen", "Diskutieren Sie mit"],
        comment_form=["Ihre E-Mail-Adresse wird nicht veröffentlicht.", "Erforderliche Felder sind mit * markiert",
                      "Kommentar *", "Name *", "E-Mail *", "Website", "Kommentar abschicken",
                      "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser speichern."],
        share_heads=["Teilen", "Teilen:", "Artikel teilen", "Teilen auf", "Diesen Artikel teilen"],
        networks=["Facebook", "Twitter", "X", "WhatsApp", "LinkedIn", "E-Mail", "Drucken", "Link kopieren",
                  "Xing", "Telegram", "Pinterest"],
        counters=["{n} Aufrufe", "Aufrufe: {n}", "{n} mal gelesen", "Gelesen: {n}", "Zugriffe: {n}",
                  "\U0001F441 {n}"],
        tag_heads=["Schlagwörter:", "Themen:", "Tags:", "Stichworte:", "Mehr zum Thema:"],
        topics=["Politik", "Wirtschaft", "Ausland", "Gesellschaft", "Europa", "Justiz", "Sicherheit",
                "Gesundheit", "Wahlen", "Bundesregierung", "Österreich", "Panorama"],
        prevnext=["« Vorheriger Artikel", "Nächster Artikel »", "← Vorheriger Beitrag", "Nächster Beitrag →",
                  "Zurück", "Weiter", "‹ Zurück | Weiter ›", "Vorheriger Artikel: {h}", "Nächster Artikel: {h}"],
        newsletter=["Jetzt zum Newsletter anmelden", "Abonnieren Sie unseren Newsletter",
                    "Der kostenlose Newsletter", "Ihre E-Mail-Adresse", "Anmelden", "Abonnieren",
                    "Jeden Morgen die wichtigsten Nachrichten in Ihrem Postfach"],
        cookie=["Diese Website verwendet Cookies, um Ihnen ein optimales Nutzererlebnis zu bieten.",
                "Wenn Sie weitersurfen, stimmen Sie der Verwendung von Cookies zu.",
                "Wir verwenden Cookies, um Inhalte zu personalisieren und Zugriffe zu analysieren.",
                "Diese Seite nutzt Cookies. Mehr erfahren"],
        cookie_buttons=["Akzeptieren", "Ablehnen", "Cookie-Einstellungen", "Mehr erfahren", "Einverstanden",
                        "Alle akzeptieren", "Nur notwendige Cookies"],
        crumbs_root=["Startseite", "Home", "Startseite"],
        crumbs=["Nachrichten", "Politik", "Ausland", "Inland", "Wirtschaft", "Panorama", "Regional", "Europa",
                "Meinung", "Gesellschaft", "Welt"],
        misc=["Drucken", "Per E-Mail versenden", "Schriftgröße: A- A+", "Nach oben", "Schließen", "Menü",
              "Suche", "Anmelden", "Mein Konto", "Anzeige", "Gesponserte Inhalte",
              "Folgen Sie uns auf Facebook und Twitter", "Artikel vorlesen", "Merken"]),
}
SEPARATOR_CHARS = ["—", "-", "_", "=", "*", "•", "~", "–", "#", "─", "·"]


def _nav_component(rng, lang, kind):
    """One piece of page furniture as a list of lines."""
    d = NAV[lang]
    k = rng.choice([0, 1, 2, 3, 5, 7, 12, 14, 23, 38, 104])
    n = rng.choice([rng.randint(12, 999), rng.randint(1000, 99999)])
    n_txt = str(n) if rng.random() < 0.5 else fmt_int(n, lang)
    if kind == "comment":
        if rng.random() < 0.5:
            return [rng.choice(d["comment_lines"]).replace("{k}", str(k))]
        head = rng.choice(d["comment_lines"][:2])
        body = d["comment_form"][:2] if rng.random() < 0.5 else []
        fields = rng.sample(d["comment_form"][2:6], rng.randint(2, 4))
        tail = [d["comment_form"][6]] if rng.random() < 0.6 else []
        return [head] + body + [" ".join(fields)] + tail
    if kind == "share":
        nets = rng.sample(d["networks"], rng.randint(3, 6))
        joiner = rng.choice([" ", " | ", " · ", " - ", " / "])
        return [rng.choice(d["share_heads"]) + " " + joiner.join(nets)]
    if kind == "counter":
        counter = rng.choice(d["counters"]).replace("{n}", n_txt)
        tags = rng.sample(d["topics"], rng.randint(2, 4))
        tag_line = rng.choice(d["tag_heads"]) + " " + rng.choice([", ", " | ", " · ", ", "]).join(tags)
        return rng.choice([[counter], [counter + " | " + tag_line], [counter, tag_line], [tag_line, counter]])
    if kind == "prevnext":
        h = make_headline(rng, lang)
        a = rng.choice(d["prevnext"]).replace("{h}", h)
        b = rng.choice(d["prevnext"]).replace("{h}", h)
        return [a] if rng.random() < 0.4 or a == b else [a, b]
    if kind == "newsletter":
        return rng.sample(d["newsletter"], rng.randint(1, 3))
    if kind == "cookie":
        buttons = rng.sample(d["cookie_buttons"], rng.randint(1, 3))
        return [rng.choice(d["cookie"]) + " " + rng.choice([" ", " | ", " / "]).join(buttons)]
    if kind == "crumbs":
        path = [rng.choice(d["crumbs_root"])] + rng.sample(d["crumbs"], rng.randint(1, 3))
        return [rng.choice([" > ", " » ", " / ", " › ", " | ", " >> "]).join(path)]
    if kind == "separator":
        ch = rng.choice(SEPARATOR_CHARS)
        # long enough not to be a legitimate "* * *" section break
        return [rng.choice([ch * rng.randint(8, 40), " ".join([ch] * rng.randint(5, 12))])]
    return rng.sample(d["misc"], rng.randint(1, 3))        # misc widgets


NAV_KINDS = ["comment", "share", "counter", "prevnext", "newsletter", "cookie", "crumbs", "separator", "misc"]


def make_navigation(rng, lang):
    """1-3 furniture components (each possibly several lines) -> list of lines."""
    kinds = rng.sample(NAV_KINDS, rng.choice([1, 1, 2, 2, 3]))
    lines = []
    for k in kinds:
        lines += _nav_component(rng, lang, k)
    return lines


# ---------------------------------------------------------------------------
# inserted_teaser: "Read also: <another headline>"
# ---------------------------------------------------------------------------

TEASER_HEADS = {
    "fr": ["À lire aussi", "Lire aussi", "À LIRE AUSSI", "LIRE AUSSI", "Voir aussi", "Sur le même sujet",
           "Lire également", "À voir aussi", "Nous recommandons", "À lire également", "À découvrir",
           "Vous aimerez aussi", "Notre sélection", "Sur le même thème", "Découvrez aussi", "Dans la même rubrique",
           "Lire notre article", "Les plus lus", "Article recommandé", "Pour aller plus loin", "Retrouvez aussi",
           "VIDÉO", "Le récit", "Notre décryptage"],
    "en": ["Read also", "Read more", "READ MORE", "Related", "See also", "Also read", "You may also like",
           "Recommended", "More on this story", "Related stories", "Related articles", "Don't miss", "Trending",
           "Most read", "Further reading", "Read next", "ALSO READ", "Editor's picks", "Related coverage",
           "WATCH", "Read the full story", "Suggested reading", "Explainer", "Opinion"],
    "es": ["Lea también", "Lee también", "LEA TAMBIÉN", "Te puede interesar", "Le puede interesar", "Vea también",
           "Ver también", "Noticias relacionadas", "Relacionado", "Más información", "Quizás te interese",
           "También te puede interesar", "Lo más leído", "Recomendamos", "No te pierdas", "Le recomendamos",
           "Contenido relacionado", "Leer más", "Mira también", "VÍDEO", "Además", "En contexto"],
    "de": ["Lesen Sie auch", "Lesen Sie mehr", "LESEN SIE AUCH", "Auch interessant",
           "Das könnte Sie auch interessieren", "Mehr zum Thema", "Weitere Artikel", "Zum Thema", "Siehe auch",
           "Empfohlen", "Verwandte Artikel", "Meistgelesen", "Ebenfalls interessant", "Passend dazu",
           "Weiterlesen", "Auch lesenswert", "Mehr dazu", "Unsere Empfehlung", "Lesen Sie hier",
           "Das könnte Sie interessieren", "VIDEO", "Hintergrund"],
}
HEADLINES = {
    "fr": dict(topic=["Réforme des retraites", "Incendies", "Brexit", "Coronavirus", "Élections européennes",
                      "Guerre en Ukraine", "Inflation", "Grève SNCF", "Présidentielle", "Climat", "Immobilier"],
               event=["ce que l'on sait", "le gouvernement recule", "les chiffres qui inquiètent",
                      "ce qui change au 1er janvier", "la colère monte", "les explications", "un bilan très lourd",
                      "le point sur la situation", "les experts s'inquiètent"],
               subj=["Un homme", "Une septuagénaire", "Un adolescent", "Un policier", "Une joggeuse", "Un cycliste"],
               verb=["meurt dans un accident de la route", "échappe de peu à la mort", "gagne 30 millions au loto",
                     "se blesse grièvement", "porte plainte contre la mairie", "disparaît sans laisser de traces"],
               place=[" à Lyon", " à Marseille", " dans le Nord", " près de Toulouse", " en Bretagne", ""],
               tag=[" (VIDÉO)", " [PHOTOS]", " - EN DIRECT", ""]),
    "en": dict(topic=["Brexit", "Coronavirus", "Climate change", "Ukraine war", "Inflation", "Oil prices",
                      "Wall Street", "Wildfires", "Trade talks", "Housing market", "Midterms"],
               event=["what we know so far", "everything you need to know", "the key figures",
                      "what changes on January 1", "anger grows", "the full story", "experts warn of worse to come",
                      "live updates", "five things to watch"],
               subj=["Man", "Teenager", "Pensioner", "Police officer", "Woman", "Cyclist"],
               verb=["dies in road accident", "wins $30 million lottery jackpot", "arrested after car chase",
                     "sues city council", "injured in dog attack", "found safe after three days"],
               place=[" in Ohio", " near Manchester", " in Sydney", " in Texas", " outside Dublin", ""],
               tag=[" (VIDEO)", " [PHOTOS]", " - LIVE", ""]),
    "es": dict(topic=["Brexit", "Coronavirus", "Cambio climático", "Guerra en Ucrania", "Inflación", "Elecciones",
                      "Precio de la luz", "Incendios", "Pensiones", "Huelga de transportes", "Vivienda"],
               event=["lo que se sabe hasta ahora", "todo lo que hay que saber", "las cifras clave",
                      "qué cambia a partir del 1 de enero", "crece el malestar", "las claves",
                      "los expertos advierten", "última hora", "cinco preguntas"],
               subj=["Un hombre", "Una mujer", "Un joven", "Un jubilado", "Un agente", "Un ciclista"],
               verb=["muere en un accidente de tráfico", "gana 30 millones en la lotería", "denuncia al ayuntamiento",
                     "sobrevive a un incendio", "desaparece sin dejar rastro", "se salva de milagro"],
               place=[" en Sevilla", " en Valencia", " en Bilbao", " en Zaragoza", " en Málaga", ""],
               tag=[" (VÍDEO)", " [FOTOS]", " - EN DIRECTO", ""]),
    "de": dict(topic=["Brexit", "Coronavirus", "Klimawandel", "Krieg in der Ukraine", "Inflation", "Landtagswahl",
                      "Energiepreise", "Waldbrände", "Rente", "Bahnstreik", "Wohnungsmarkt"],
               event=["Was wir bisher wissen", "Alles, was Sie wissen müssen", "Die wichtigsten Zahlen",
                      "Das ändert sich ab 1. Januar", "Der Unmut wächst", "Die Hintergründe", "Experten warnen",
                      "Der Überblick", "Fünf Fragen und Antworten"],
               subj=["Mann", "Frau", "Jugendlicher", "Rentner", "Polizist", "Radfahrer"],
               verb=["stirbt bei Verkehrsunfall", "gewinnt 30 Millionen im Lotto", "nach Verfolgungsjagd festgenommen",
                     "verklagt die Stadt", "bei Brand verletzt", "seit drei Tagen vermisst"],
               place=["München", "Hamburg", "Köln", "Wien", "Leipzig", "Graz"],
               tag=[" (VIDEO)", " [FOTOS]", " - LIVE", ""]),
}


def make_headline(rng, lang):
    """Another article's headline, in one of a few newsroom shapes."""
    h = HEADLINES[lang]
    if rng.random() < 0.5:
        colon = " : " if lang == "fr" else ": "
        head = f"{rng.choice(h['topic'])}{colon}{rng.choice(h['event'])}"
    elif lang == "de":
        head = f"{rng.choice(h['place'])}: {rng.choice(h['subj'])} {rng.choice(h['verb'])}"
    else:
        head = f"{rng.choice(h['subj'])} {rng.choice(h['verb'])}{rng.choice(h['place'])}"
    return head + (rng.choice(h["tag"]) if rng.random() < 0.3 else "")


TEASER_FORMATS = {
    "fr": ["{H} : {T}", "{H} : {T}", "{H} - {T}", "{H} – {T}", "{H} >> {T}", "► {H} : {T}", "{H} | {T}",
           "{H}\n{T}", "[{H}] {T}", "{H} → {T}", "» {H} : {T}", "{H}. {T}", "{H} : « {T} »"],
    "en": ["{H}: {T}", "{H}: {T}", "{H} - {T}", "{H} – {T}", "{H} >> {T}", "► {H}: {T}", "{H} | {T}",
           "{H}\n{T}", "[{H}] {T}", "{H} → {T}", "» {H}: {T}", "{H}. {T}", "{H}: “{T}”"],
    "es": ["{H}: {T}", "{H}: {T}", "{H} - {T}", "{H} – {T}", "{H} >> {T}", "► {H}: {T}", "{H} | {T}",
           "{H}\n{T}", "[{H}] {T}", "{H} → {T}", "» {H}: {T}", "{H}. {T}", "{H}: «{T}»"],
    "de": ["{H}: {T}", "{H}: {T}", "{H} - {T}", "{H} – {T}", "{H} >> {T}", "► {H}: {T}", "{H} | {T}",
           "{H}\n{T}", "[{H}] {T}", "{H} → {T}", "» {H}: {T}", "{H}. {T}", "{H}: „{T}“"],
}


def make_teaser(rng, lang):
    """Teaser head + another headline -> list of lines (1, or 2 when the head has its own line)."""
    fmt = rng.choice(TEASER_FORMATS[lang])
    out = fmt.replace("{H}", rng.choice(TEASER_HEADS[lang])).replace("{T}", make_headline(rng, lang))
    return out.split("\n")


# ---------------------------------------------------------------------------
# seo_boilerplate: self-promotional filler about the site
# ---------------------------------------------------------------------------

SEO = {
    "fr": dict(
        site=["notre site", "Actu24", "Infomatin", "Le Fil Info", "Nouvelles Express", "Le Journal du Jour",
              "notre plateforme", "Quotidien Plus"],
        topic=["", " internationale", " politique", " économique", " locale", " sportive", " en France et dans le monde"],
        opener=["Suivez {site} pour ne rien manquer de l'actualité{topic}.",
                "Retrouvez toute l'actualité{topic} en temps réel sur {site}.",
                "{Site} vous propose chaque jour le meilleur de l'actualité{topic}.",
                "Restez informé grâce à {site}, votre source d'information de référence.",
                "Avec {site}, l'actualité{topic} est à portée de clic."],
        middle=["Notre rédaction vous propose des articles fiables, des analyses approfondies et des dossiers exclusifs.",
                "Nous nous engageons à vous fournir une information vérifiée, rapide et de qualité.",
                "Notre équipe de journalistes travaille jour et nuit pour vous informer en toute indépendance.",
                "Chaque jour, nous sélectionnons pour vous les informations les plus importantes.",
                "Cet article vous a été proposé par notre équipe éditoriale, toujours à l'écoute de ses lecteurs."],
        cta=["N'hésitez pas à partager cet article avec vos proches et à laisser votre avis en commentaire.",
             "Ajoutez {site} à vos favoris et activez les notifications pour être alerté en temps réel.",
             "Abonnez-vous à nos réseaux sociaux pour suivre toute l'actualité.",
             "Pour ne rien rater, rejoignez notre communauté sur Facebook et Twitter.",
             "Revenez régulièrement sur {site} pour découvrir nos prochains articles."]),
    "en": dict(
        site=["our website", "our site", "Newsdaily24", "Global News Now", "Infopulse", "News Express",
              "Today Headlines", "our platform"],
        topic=["", " world", " political", " business", " local", " sports", " breaking"],
        opener=["Follow {site} for the latest{topic} news.",
                "Stay tuned to {site} for all the{topic} news and updates.",
                "{Site} brings you the best of{topic} news every day.",
                "Stay informed with {site}, your trusted source of news.",
                "With {site}, the latest{topic} news is just a click away."],
        middle=["Our editorial team provides reliable articles, in-depth analysis and exclusive reports.",
                "We are committed to bringing you accurate, fast and high-quality information.",
                "Our journalists work around the clock to keep you informed.",
                "Every day, we handpick the most important stories for you.",
                "This article was brought to you by our editorial team, who always listen to our readers."],
        cta=["Feel free to share this article with your friends and leave your comments below.",
             "Bookmark {site} and turn on notifications to get real-time alerts.",
             "Follow us on social media to stay up to date.",
             "Don't forget to subscribe to our newsletter so you never miss a story.",
             "Visit {site} regularly to discover our upcoming articles."]),
    "es": dict(
        site=["nuestra web", "nuestro sitio", "Noticias24", "Infohoy", "El Diario Express", "Actualidad Ya",
              "Portal Noticias", "nuestra página"],
        topic=["", " internacional", " política", " económica", " local", " deportiva", " de España y del mundo"],
        opener=["Sigue {site} para no perderte nada de la actualidad{topic}.",
                "Encuentra toda la actualidad{topic} al minuto en {site}.",
                "{Site} te ofrece cada día lo mejor de la actualidad{topic}.",
                "Mantente informado con {site}, tu fuente de noticias de referencia.",
                "Con {site}, la actualidad{topic} está a un clic."],
        middle=["Nuestra redacción te ofrece artículos fiables, análisis en profundidad y reportajes exclusivos.",
                "Nos comprometemos a ofrecerte información veraz, rápida y de calidad.",
                "Nuestro equipo de periodistas trabaja día y noche para mantenerte informado.",
                "Cada día seleccionamos para ti las noticias más importantes.",
                "Este artículo te lo ofrece nuestro equipo editorial, siempre atento a sus lectores."],
        cta=["No dudes en compartir este artículo con tus amigos y dejar tu opinión en los comentarios.",
             "Añade {site} a tus favoritos y activa las notificaciones para recibir alertas al instante.",
             "Síguenos en las redes sociales para estar al día.",
             "Suscríbete a nuestro boletín para no perderte ninguna noticia.",
             "Visita {site} a menudo para descubrir nuestros próximos artículos."]),
    "de": dict(
        site=["News24", "Infoaktuell", "Nachrichten Express", "Tagesblick Online", "Newspuls", "Aktuell Heute",
              "Nachrichtenportal24", "Weltinfo"],
        topic=["aller Welt", "Politik und Wirtschaft", "der Region", "dem Sport", "Deutschland und der Welt",
               "Österreich und der Welt"],
        opener=["Folgen Sie {site}, um keine Nachrichten aus {topic} zu verpassen.",
                "Auf {site} finden Sie täglich die neuesten Nachrichten aus {topic}.",
                "{Site} bietet Ihnen jeden Tag das Beste aus {topic}.",
                "Bleiben Sie informiert mit {site}, Ihrer Quelle für Nachrichten aus {topic}.",
                "Mit {site} sind Sie immer auf dem neuesten Stand."],
        middle=["Unsere Redaktion bietet Ihnen verlässliche Artikel, fundierte Analysen und exklusive Berichte.",
                "Wir setzen uns dafür ein, Ihnen schnelle, geprüfte und hochwertige Informationen zu liefern.",
                "Unser Team von Journalisten arbeitet rund um die Uhr, um Sie auf dem Laufenden zu halten.",
                "Jeden Tag wählen wir für Sie die wichtigsten Meldungen aus.",
                "Dieser Artikel wurde Ihnen von unserer Redaktion präsentiert, die stets ein offenes Ohr für ihre Leser hat."],
        cta=["Teilen Sie diesen Artikel gerne mit Freunden und hinterlassen Sie uns einen Kommentar.",
             "Speichern Sie {site} in Ihren Favoriten und aktivieren Sie die Benachrichtigungen.",
             "Folgen Sie uns in den sozialen Netzwerken, um nichts zu verpassen.",
             "Abonnieren Sie unseren Newsletter und verpassen Sie keine Meldung mehr.",
             "Besuchen Sie {site} regelmäßig, um unsere nächsten Artikel zu entdecken."]),
}


# Site names are written without internal capitals ("Infomatin", not "InfoMatin") so
# that a camel-case name cannot be caught as glued_words instead of as boilerplate.


def make_seo(rng, lang):
    """2-3 filler sentences (opener / middle / call to action) as one paragraph."""
    d = SEO[lang]
    site, topic = rng.choice(d["site"]), rng.choice(d["topic"])
    parts = rng.choice([["opener", "middle", "cta"], ["opener", "middle"], ["opener", "cta"], ["middle", "cta"],
                        ["middle", "opener"]])
    sents = []
    for p in parts:
        s = rng.choice(d[p])
        sents.append(s.replace("{Site}", cap(site)).replace("{site}", site).replace("{topic}", topic))
    return " ".join(sents)
