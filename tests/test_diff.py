"""The semantic diff: what counts as a change, and the Dutch sentence it becomes."""

from __future__ import annotations

import copy
import sys

from generator.history.diff import markdown, per_groep, vergelijk
from generator.history.wording import sentences

ORGS = [
    {"id": "bzk", "naam": "Ministerie van BZK", "afkorting": "BZK"},
    {
        "id": "vng",
        "naam": "Vereniging van Nederlandse Gemeenten",
        "afkorting": "VNG",
        "contact": {"email": "info@vng.nl"},
    },
    {"id": "team", "naam": "Ondersteuningsteam"},
]
TEXT = (
    "Gemeenten huisvesten vergunninghouders vaak in sociale huurwoningen. In die sector "
    "zoeken veel mensen een woning.\n\nDaarom wordt ingezet op tussenvoorzieningen voor "
    "vergunninghouders in de gemeente.\n"
)


def base():
    return {
        "maatregelen": [
            {
                "id": "tussenvoorzieningen",
                "titel": "Tussenvormen huisvesting",
                "status": "in-voorbereiding",
                "samenvatting": "Tijdelijke woonruimte.",
                "beschrijving": TEXT,
                "eindverantwoordelijken": ["bzk"],
                "contact": "team",
                "tijdspad": [
                    {"datum": "2021-Q1", "tekst": "BZK werkt de mogelijkheden uit."},
                    {"datum": "2021-04", "tekst": "Duidelijk hoe het kan."},
                ],
            }
        ],
        "regelingen": [
            {
                "id": "impuls",
                "titel": "Financiële impuls",
                "status": "beschikbaar",
                "bedrag": {"waarde": "50000000", "soort": "per-jaar"},
                "aanvraagperiode": "2021-Q2",
            }
        ],
        "organisaties": copy.deepcopy(ORGS),
        "opgaven": [
            {
                "id": "huisvesting",
                "titel": "Huisvesting",
                "kerncijfers": [
                    {"label": "Taakstelling", "waarde": "13500", "eenheid": "vergunninghouders"}
                ],
            }
        ],
    }


def changed(mutate) -> list[str]:
    old, new = base(), base()
    mutate(new)
    return [w.zin for w in vergelijk(old, new)]


def test_identical_content_has_no_changes():
    assert vergelijk(base(), base()) == []


def test_a_typo_fix_or_rewrapped_text_is_not_a_change():
    def typo(new):
        m = new["maatregelen"][0]
        m["beschrijving"] = (
            m["beschrijving"]
            .replace("huurwoningen", "huurwoningen,")
            .replace("In die sector", "In die\n  sector")
        )
        m["samenvatting"] = "Tijdelijke woonruimte!"

    assert changed(typo) == []


def test_an_added_or_removed_paragraph_is_a_change_in_substance():
    def add(new):
        extra = "\nNieuw: het Rijk betaalt de helft van de kosten.\n"
        new["maatregelen"][0]["beschrijving"] += extra

    def remove(new):
        new["maatregelen"][0]["beschrijving"] = TEXT.split("\n\n")[0]

    assert changed(add) == [
        "Maatregel Tussenvormen huisvesting: tekst aangevuld (1 alinea toegevoegd)."
    ]
    assert changed(remove) == [
        "Maatregel Tussenvormen huisvesting: tekst ingekort (1 alinea weggelaten)."
    ]


def test_status_amount_period_owner_and_contact_changes_are_plain_dutch_sentences():
    def mutate(new):
        m = new["maatregelen"][0]
        m["status"] = "beschikbaar"
        m["eindverantwoordelijken"] = ["vng"]
        m["contact"] = "vng"
        r = new["regelingen"][0]
        r["bedrag"] = {"waarde": "25500000", "soort": "cumulatief"}
        r["aanvraagperiode"] = "2021-Q2..2021-Q3"
        new["organisaties"][1]["contact"] = {"email": "vragen@vng.nl"}
        new["opgaven"][0]["kerncijfers"][0]["waarde"] = "12000"

    assert changed(mutate) == [
        "Maatregel Tussenvormen huisvesting: status van in voorbereiding naar beschikbaar.",
        "Maatregel Tussenvormen huisvesting: eindverantwoordelijke was BZK, nu VNG.",
        "Maatregel Tussenvormen huisvesting: contact van Ondersteuningsteam naar VNG.",
        "Regeling Financiële impuls: bedrag van € 50 miljoen per jaar naar € 25,5 miljoen "
        "cumulatief.",
        "Regeling Financiële impuls: aanvraagperiode van tweede kwartaal 2021 naar tweede t/m "
        "derde kwartaal 2021.",
        "Opgave Huisvesting: kerncijfer ‘Taakstelling’ van 13.500 naar 12.000 vergunninghouders.",
        "Organisatie Vereniging van Nederlandse Gemeenten: e-mailadres van info@vng.nl naar "
        "vragen@vng.nl.",
    ]


def test_moved_added_and_dropped_mijlpalen():
    def mutate(new):
        tijdspad = new["maatregelen"][0]["tijdspad"]
        tijdspad[1]["datum"] = "2021-06"
        tijdspad.pop(0)
        tijdspad.append({"datum": "2022-Q1", "tekst": "Evaluatie met gemeenten."})

    assert changed(mutate) == [
        "Maatregel Tussenvormen huisvesting: mijlpaal ‘Duidelijk hoe het kan.’ verschoven van "
        "april 2021 naar juni 2021.",
        "Maatregel Tussenvormen huisvesting: mijlpaal toegevoegd: ‘Evaluatie met gemeenten.’ "
        "(eerste kwartaal 2022).",
        "Maatregel Tussenvormen huisvesting: mijlpaal niet meer genoemd: ‘BZK werkt de "
        "mogelijkheden uit.’ (eerste kwartaal 2021).",
    ]


def test_ended_renamed_added_and_removed_records():
    def mutate(new):
        m = new["maatregelen"][0]
        m["status"] = "vervallen"
        m["vorige_ids"] = [m["id"]]
        m["id"] = "tussenvormen"
        new["maatregelen"].append(
            {
                "id": "kennisbank",
                "titel": "Kennisbank",
                "status": "beschikbaar",
                "eindverantwoordelijken": ["bzk", {"organisatie": "vng", "afgeleid": "Zo."}],
            }
        )
        new["regelingen"] = []

    changes = vergelijk(base(), _mutated(mutate))
    assert [w.zin for w in changes] == [
        "Maatregel Kennisbank: nieuw opgenomen (status: beschikbaar; eindverantwoordelijken: "
        "BZK, VNG (afgeleid)).",
        "Maatregel Tussenvormen huisvesting: vervallen (was: in voorbereiding).",
        "Maatregel Tussenvormen huisvesting: nieuw adres /maatregelen/tussenvormen/ (was "
        "/maatregelen/tussenvoorzieningen/; het oude adres stuurt door).",
        "Regeling Financiële impuls: niet meer opgenomen.",
    ]
    assert [heading for heading, _ in per_groep(changes)] == [
        "Nieuw",
        "Beëindigd",
        "Nieuw adres",
        "Niet meer opgenomen",
    ]
    renamed = next(w for w in changes if w.groep == "hernoemd")
    assert not renamed.inhoudelijk and renamed.url == "maatregelen/tussenvormen/"
    assert next(w for w in changes if w.groep == "verwijderd").url is None


def test_a_reached_mijlpaal_is_gehaald_never_one_dropped_and_one_added():
    def reached(new):  # the editor marks it and says what happened instead of what was planned
        mijlpaal = new["maatregelen"][0]["tijdspad"][1]
        mijlpaal.update(bereikt="ja", tekst="De tussenvoorzieningen zijn uitgewerkt.")

    def late(new):  # reached, a month after the date in the plan
        new["maatregelen"][0]["tijdspad"][1].update(bereikt="ja", datum="2021-05-12")

    def cancelled(new):
        new["maatregelen"][0]["tijdspad"][0]["bereikt"] = "nee"

    assert changed(reached) == [
        "Maatregel Tussenvormen huisvesting: mijlpaal ‘De tussenvoorzieningen zijn "
        "uitgewerkt.’ gehaald (april 2021)."
    ]
    assert changed(late) == [
        "Maatregel Tussenvormen huisvesting: mijlpaal ‘Duidelijk hoe het kan.’ gehaald "
        "(12 mei 2021; gepland: april 2021)."
    ]
    assert changed(cancelled) == [
        "Maatregel Tussenvormen huisvesting: mijlpaal ‘BZK werkt de mogelijkheden uit.’ niet "
        "gehaald (eerste kwartaal 2021)."
    ]


def test_new_records_name_their_key_facts_and_references_are_named_by_title():
    def mutate(new):
        new["bronnen"] = [
            {
                "id": "kst-1",
                "titel": "Kamerbrief over de voortgang",
                "soort": "kamerstuk",
                "kenmerk": "TK 2021–2022, 19 637, nr. 2800",
                "datum": "2021-12-10",
            }
        ]
        new["regelingen"].append(
            {
                "id": "spuk",
                "titel": "Regeling specifieke uitkering huisvesting",
                "kenmerk": "Staatscourant 2022, 12345",
                "verstrekker": "bzk",
                "status": "beschikbaar",
                "bedrag": {"waarde": "40000000", "soort": "eenmalig"},
                "aanvraagperiode": "2022-04-01..2022-06-30",
            }
        )
        m = new["maatregelen"][0]
        m["bronnen"] = ["kst-1"]
        m["regelingen"] = ["spuk"]

    assert changed(mutate) == [
        "Regeling specifieke uitkering huisvesting: nieuw opgenomen (€ 40 miljoen eenmalig; "
        "verstrekker: BZK; kenmerk: Staatscourant 2022, 12345; aanvraagperiode: 1 april t/m "
        "30 juni 2022; status: beschikbaar).",
        "Bron Kamerbrief over de voortgang: nieuw opgenomen (kamerstuk; kenmerk: TK 2021–2022, "
        "19 637, nr. 2800; datum: 10 december 2021).",
        "Maatregel Tussenvormen huisvesting: financiering: regeling ‘Regeling specifieke "
        "uitkering huisvesting’ toegevoegd.",
        "Maatregel Tussenvormen huisvesting: bronnen: ‘Kamerbrief over de voortgang’ toegevoegd.",
    ]


def test_a_new_toelichting_under_an_amount_is_no_change_but_a_new_kenmerk_or_bijlage_is():
    def toelichting(new):
        new["regelingen"][0]["bedrag"]["toelichting"] = "Bedrag voor één jaar."

    def facts(new):
        new["regelingen"][0]["kenmerk"] = "Staatscourant 2021, 48698"
        new["bronnen"] = [{"id": "b", "titel": "Brief", "soort": "brief"}]
        new["bronnen"][0]["bijlagen"] = [{"titel": "Factsheet", "url": "https://example.nl/f"}]

    assert changed(toelichting) == []
    old = base()
    old["bronnen"] = [{"id": "b", "titel": "Brief", "soort": "brief"}]
    new = base()
    facts(new)
    assert [w.zin for w in vergelijk(old, new)] == [
        "Regeling Financiële impuls: kenmerk nu bekend: Staatscourant 2021, 48698.",
        "Bron Brief: bijlage ‘Factsheet’ toegevoegd.",
    ]


def test_paragraph_counts_are_correct_dutch():
    def add(new):
        new["maatregelen"][0]["beschrijving"] += "\nEen.\n\nTwee, een heel andere alinea.\n"

    assert changed(add) == [
        "Maatregel Tussenvormen huisvesting: tekst aangevuld (2 alinea’s toegevoegd)."
    ]


def test_the_editor_can_mark_a_change_in_substance():
    def mutate(new):
        new["maatregelen"][0]["inhoudelijk_gewijzigd"] = "2021-09"

    assert changed(mutate) == [
        "Maatregel Tussenvormen huisvesting: inhoudelijk gewijzigd "
        "volgens de redactie (september 2021)."
    ]


def test_markdown_is_pasteable_and_escapes_markup_in_titles():
    def mutate(new):
        new["maatregelen"][0]["titel"] = "Tussen*vormen* [huisvesting]"

    changes = vergelijk(base(), _mutated(mutate))
    text = markdown(changes, "Wat is er veranderd: editie 2021 → de huidige inhoud")
    assert text.splitlines()[:5] == [
        "## Wat is er veranderd: editie 2021 → de huidige inhoud",
        "",
        "### Gewijzigd",
        "",
        r"- Maatregel **Tussen\*vormen\* \[huisvesting\]**: titel was eerst ‘Tussenvormen "
        "huisvesting’.",
    ]
    assert "Geen inhoudelijke wijzigingen." in markdown([], "x")


def _mutated(mutate):
    new = base()
    mutate(new)
    return new


# --- the complete changelog (issue 20, point 5) -------------------------------------------------

ROL = (
    "Verantwoordelijk voor de opvang van asielzoekers en het terugkeerbeleid. Het ministerie "
    "werkt daarin samen met het COA, de IND en de gemeenten, en overlegt elk kwartaal met "
    "de provincies over de voortgang van de opvang en de huisvesting. JenV stuurt de "
    "uitvoering aan."
)


def with_orgs():
    version = base()
    version["organisaties"] += [
        {"id": "jenv", "naam": "Ministerie van Justitie en Veiligheid", "afkorting": "JenV"},
        {"id": "aenm", "naam": "Ministerie van Asiel en Migratie", "afkorting": "AenM"},
    ]
    version["organisaties"][0]["rol"] = ROL
    version["maatregelen"][0]["sectie"] = "4.2.1"
    return version


def changed_from(old, mutate) -> list[str]:
    new = copy.deepcopy(old)
    mutate(new)
    return [w.zin for w in vergelijk(old, new)]


def test_a_rewritten_rol_that_names_another_ministry_is_a_change_never_a_typo():
    def ministry(new):  # 99% the same text
        new["organisaties"][0]["rol"] = ROL.replace("JenV stuurt", "AenM stuurt")

    def typo(new):
        new["organisaties"][0]["rol"] = ROL.replace("terugkeerbeleid", "terugkeer-beleid")

    assert changed_from(with_orgs(), ministry) == [
        "Organisatie Ministerie van BZK: tekst gewijzigd: ‘JenV’ werd ‘AenM’."
    ]
    assert changed_from(with_orgs(), typo) == []


def test_a_changed_number_amount_or_date_in_a_text_is_a_change_in_substance():
    def mutate(text):
        def edit(new):
            new["maatregelen"][0]["beschrijving"] = TEXT.replace(*text)

        return edit

    extra = TEXT.replace(
        "huurwoningen.", "huurwoningen; het Rijk geeft € 50 miljoen tot 1 april 2021."
    )
    old = base()
    old["maatregelen"][0]["beschrijving"] = extra

    def amount(new):
        new["maatregelen"][0]["beschrijving"] = extra.replace("€ 50 miljoen", "€ 60 miljoen")

    def day(new):
        new["maatregelen"][0]["beschrijving"] = extra.replace("1 april 2021", "1 juli 2021")

    def name(new):  # a named organisation, by its full name
        new["maatregelen"][0]["beschrijving"] = extra.replace(
            "In die", "Ministerie van BZK: in die"
        )

    assert changed_from(old, amount) == [
        "Maatregel Tussenvormen huisvesting: tekst gewijzigd: ‘€ 50 miljoen’ werd ‘€ 60 miljoen’."
    ]
    assert changed_from(old, day) == [
        "Maatregel Tussenvormen huisvesting: tekst gewijzigd: ‘1 april 2021’ werd ‘1 juli 2021’."
    ]
    assert changed_from(old, name) == [
        "Maatregel Tussenvormen huisvesting: tekst gewijzigd: ‘Ministerie van BZK’ toegevoegd."
    ]
    assert changed(mutate(("vaak", "meestal"))) == []  # the same facts: a change of wording


def test_a_renamed_organisatie_has_its_naam_changed_not_its_titel():
    def mutate(new):
        new["organisaties"][0]["naam"] = "Ministerie van Volkshuisvesting en Ruimtelijke Ordening"
        new["organisaties"][0]["afkorting"] = "VRO"

    assert changed(mutate) == [
        "Organisatie Ministerie van Volkshuisvesting en Ruimtelijke Ordening: naam was eerst "
        "‘Ministerie van BZK’.",
        "Organisatie Ministerie van Volkshuisvesting en Ruimtelijke Ordening: afkorting van BZK "
        "naar VRO.",
    ]


def test_no_line_ends_mid_sentence():
    long = (
        "JenV wil de werkgroep in aangepaste vorm opnieuw starten, samen met gemeenten, "
        "provincies en het COA om de doorstroom te verbeteren. De handreiking noemt geen datum. "
        "Een derde zin die er niet meer bij past omdat de regel anders te lang wordt voor de lezer."
    )

    def reached(new):
        new["maatregelen"][0]["tijdspad"][0].update(tekst=long, bereikt="ja")

    line = changed(reached)[0]
    assert line == (  # the first sentence whole, the rest left out
        "Maatregel Tussenvormen huisvesting: mijlpaal ‘JenV wil de werkgroep in aangepaste vorm "
        "opnieuw starten, samen met gemeenten, provincies en het COA om de doorstroom te "
        "verbeteren. (…)’ gehaald (eerste kwartaal 2021)."
    )
    assert sentences("Kort. Zin.") == "Kort. Zin."
    assert sentences("Zie nr. 2684 van de Kamer. " * 20).endswith("Kamer. (…)")


def test_succession_moves_an_eindverantwoordelijkheid_from_one_organisatie_to_the_next():
    old = with_orgs()
    old["maatregelen"][0]["eindverantwoordelijken"] = ["jenv"]

    def mutate(new):
        new["maatregelen"][0]["eindverantwoordelijken"] = ["aenm"]
        new["organisaties"][4]["voorgangers"] = [
            {"organisatie": "jenv", "sinds": "2024-07-02", "taken": "De opvang van asielzoekers."}
        ]

    def swap(new):  # without a voorganger it is a plain swap
        new["maatregelen"][0]["eindverantwoordelijken"] = ["aenm"]

    assert changed_from(old, mutate) == [
        "Maatregel Tussenvormen huisvesting: eindverantwoordelijkheid van JenV naar AenM (sinds "
        "2 juli 2024).",
        "Organisatie Ministerie van Asiel en Migratie: voorganger JenV toegevoegd: taken "
        "overgenomen sinds 2 juli 2024 (De opvang van asielzoekers).",
    ]
    assert changed_from(old, swap) == [
        "Maatregel Tussenvormen huisvesting: eindverantwoordelijke was JenV, nu AenM."
    ]
    before = copy.deepcopy(old)
    aenm = before["organisaties"].pop(4)

    def founded(new):  # AenM is new, with its voorganger
        new["organisaties"].append(aenm)
        mutate(new)

    assert changed_from(before, founded)[0] == (
        "Organisatie Ministerie van Asiel en Migratie: nieuw opgenomen (voorganger JenV: taken "
        "overgenomen sinds 2 juli 2024 (De opvang van asielzoekers))."
    )
    later = copy.deepcopy(old)
    mutate(later)

    def moved(new):
        new["organisaties"][4]["voorgangers"][0]["sinds"] = "2024-07-01"

    assert changed_from(later, moved) == [
        "Organisatie Ministerie van Asiel en Migratie: voorganger JenV gewijzigd: taken "
        "overgenomen sinds 1 juli 2024 (De opvang van asielzoekers)."
    ]


def test_a_provenance_change_names_the_source_truthfully():
    old = with_orgs()
    old["bronnen"] = [{"id": "stcrt", "titel": "Staatscourant 2022, 1234", "soort": "document"}]
    m = old["maatregelen"][0]
    m["status"] = "beschikbaar"
    m["afgeleid"] = {"status": "De tekst zegt het niet.", "contact": "Afgeleid uit 4.2."}

    def own_bron(new):  # status now has a bron of its own
        del new["maatregelen"][0]["afgeleid"]["status"]
        new["maatregelen"][0]["bronvermelding"] = {
            "status": {"bron": "stcrt", "vindplaats": "artikel 4"}
        }

    def handreiking(new):  # stated where the record is: its paragraph in the handreiking
        del new["maatregelen"][0]["afgeleid"]["status"]
        new["maatregelen"][0]["sectie"] = "4.3.2"

    def vermeld_in(new):  # the record now rests on another document
        del new["maatregelen"][0]["afgeleid"]["status"]
        new["maatregelen"][0]["vermeld_in"] = {"bron": "stcrt", "vindplaats": "artikel 6"}

    assert changed_from(old, own_bron) == [
        "Maatregel Tussenvormen huisvesting: status staat nu in ‘Staatscourant 2022, 1234’ "
        "(artikel 4) (was afgeleid)."
    ]
    assert changed_from(old, handreiking) == [
        "Maatregel Tussenvormen huisvesting: paragraaf van 4.2.1 naar 4.3.2.",
        "Maatregel Tussenvormen huisvesting: status staat nu in de handreiking, paragraaf "
        "4.3.2 (was afgeleid).",
    ]
    assert changed_from(old, vermeld_in) == [
        "Maatregel Tussenvormen huisvesting: staat nu in ‘Staatscourant 2022, 1234’ (artikel 6) "
        "(was de handreiking, paragraaf 4.2.1).",
        "Maatregel Tussenvormen huisvesting: status staat nu in ‘Staatscourant 2022, 1234’ "
        "(artikel 6) (was afgeleid).",
    ]
    later = copy.deepcopy(old)
    own_bron(later)

    def other_place(new):
        new["maatregelen"][0]["bronvermelding"]["status"]["vindplaats"] = "artikel 5"

    def inferred_again(new):
        del new["maatregelen"][0]["bronvermelding"]
        new["maatregelen"][0]["afgeleid"]["status"] = "Toch afgeleid."

    assert changed_from(later, other_place) == [
        "Maatregel Tussenvormen huisvesting: status staat nu in ‘Staatscourant 2022, 1234’ "
        "(artikel 5) (was ‘Staatscourant 2022, 1234’, artikel 4)."
    ]
    assert changed_from(later, inferred_again) == [
        "Maatregel Tussenvormen huisvesting: status is nu afgeleid door de redactie: Toch afgeleid."
    ]
    lines = changed_from(old, own_bron) + changed_from(old, vermeld_in)
    lines += changed_from(later, other_place)
    assert not any("zo in de handreiking" in line for line in lines)


def test_an_eindverantwoordelijke_no_longer_inferred_is_stated_where_the_record_is():
    old = with_orgs()
    old["bronnen"] = [{"id": "wet", "titel": "Wet COA", "soort": "wet"}]
    old["maatregelen"][0]["eindverantwoordelijken"] = [
        {"organisatie": "bzk", "afgeleid": "De tekst noemt BZK niet."}
    ]

    def stated(new):
        new["maatregelen"][0]["eindverantwoordelijken"] = ["bzk"]
        new["maatregelen"][0]["vermeld_in"] = {"bron": "wet", "vindplaats": "artikel 3"}

    assert changed_from(old, stated) == [
        "Maatregel Tussenvormen huisvesting: eindverantwoordelijke BZK staat nu in ‘Wet COA’ "
        "(artikel 3) (was afgeleid).",
        "Maatregel Tussenvormen huisvesting: staat nu in ‘Wet COA’ (artikel 3) (was de "
        "handreiking, paragraaf 4.2.1).",
    ]


def test_begrippen_by_term_new_changed_and_removed():
    old = base()
    old["begrippen"] = [
        {"term": "CdK", "betekenis": "Commissaris der Koningin"},
        {"term": "GVA", "betekenis": "Gemeentelijke Vluchtelingen Aanpak"},
    ]

    def mutate(new):
        new["begrippen"][0]["betekenis"] = "Commissaris van de Koning"
        new["begrippen"].pop(1)
        new["begrippen"].append({"term": "PRT", "betekenis": "Provinciaal regieteam"})

    changes = vergelijk(old, _from(old, mutate))
    assert [w.zin for w in changes] == [
        "Begrip PRT: nieuw opgenomen (betekenis: Provinciaal regieteam).",
        "Begrip CdK: betekenis was eerst ‘Commissaris der Koningin’.",
        "Begrip GVA: niet meer opgenomen.",
    ]
    assert all(w.url is None for w in changes)  # the begrippen page has no page per term


def test_prose_pages_one_line_per_changed_page():
    tekst = "Eerste alinea over de aanleiding.\n\nTweede alinea over de opgaven in 2021.\n"
    old = base()
    old["paginas"] = [
        {"slug": "aanleiding", "titel": "Aanleiding", "volgorde": "1", "tekst": tekst},
        {"slug": "doel", "titel": "Doel", "volgorde": "2", "tekst": "Het doel.\n"},
        {"slug": "oud", "titel": "Oud", "volgorde": "3", "tekst": "Weg.\n"},
    ]

    def mutate(new):
        aanleiding, doel, _ = new["paginas"]
        aanleiding["titel"] = "Aanleiding en doel"
        aanleiding["tekst"] += "\nEen derde alinea over het vervolg.\n"
        doel["tekst"] = "Het doel!\n"  # a typo fix
        new["paginas"][2:] = [{"slug": "nieuw", "titel": "Nieuw", "volgorde": "4", "tekst": "x"}]

    def rewrite(new):
        new["paginas"][0]["tekst"] = tekst.replace("2021", "2022")
        new["paginas"][1]["tekst"] = "Iets heel anders dan eerst, over iets anders.\n"

    assert changed_from(old, mutate) == [
        "Pagina Nieuw: nieuw opgenomen.",
        "Pagina Aanleiding en doel: titel was eerst ‘Aanleiding’; tekst aangevuld (1 alinea "
        "toegevoegd).",
        "Pagina Oud: niet meer opgenomen.",
    ]
    assert changed_from(old, rewrite) == [
        "Pagina Aanleiding: tekst gewijzigd: ‘2021’ werd ‘2022’.",
        "Pagina Doel: tekst herschreven (1 alinea nieuw, 1 alinea vervallen).",
    ]


def test_the_editions_own_fields():
    def editie(jaar, **extra):
        version = with_orgs()
        version["editie"] = {
            "jaar": jaar,
            "titel": f"Integrale Handreiking {jaar}",
            "peildatum": f"{jaar}-02",
            "vastgesteld": {"datum": f"{jaar}-03-01", "door": "de LRT"},
            "toelichting": "Eerste editie.",
            "uitgevers": ["jenv", "bzk", "vng"],
            **extra,
        }
        return version

    old, new = editie("2021"), editie("2024", uitgevers=["aenm", "bzk", "vng"])
    new["editie"]["toelichting"] = "Eerste editie.\n\nNu met de nieuwe ministeries."
    assert [w.zin for w in vergelijk(old, new)] == [
        "Editie 2024: toelichting aangevuld (1 alinea toegevoegd).",
        "Editie 2024: uitgevers: AenM toegevoegd; JenV niet meer genoemd.",
    ]
    same_year = editie("2021", titel="Integrale Handreiking 2021 (herzien)", peildatum="2021-04")
    assert [w.zin for w in vergelijk(old, same_year)] == [
        "Editie 2021: titel was eerst ‘Integrale Handreiking 2021’.",
        "Editie 2021: peildatum van februari 2021 naar april 2021.",
    ]
    unrecorded = editie("2021")  # an older snapshot, frozen before `uitgevers` existed
    del unrecorded["editie"]["uitgevers"]
    assert vergelijk(unrecorded, editie("2022")) == []
    assert vergelijk(with_orgs(), editie("2022")) == []  # one side without an edition record


def test_vorige_ids_added_or_dropped_that_are_not_this_diffs_own_rename():
    old = base()
    old["maatregelen"][0]["vorige_ids"] = ["tussenvoorziening"]

    def mutate(new):
        new["maatregelen"][0]["vorige_ids"] = ["tijdelijke-huisvesting"]

    changes = vergelijk(old, _from(old, mutate))
    assert [w.zin for w in changes] == [
        "Maatregel Tussenvormen huisvesting: het adres /maatregelen/tijdelijke-huisvesting/ "
        "stuurt nu door naar deze maatregel.",
        "Maatregel Tussenvormen huisvesting: het adres /maatregelen/tussenvoorziening/ stuurt "
        "niet meer door naar deze maatregel.",
    ]
    assert {w.groep for w in changes} == {"hernoemd"} and not any(w.inhoudelijk for w in changes)


def test_a_removed_record_says_why_when_the_newer_version_gives_a_reason():
    old = base()
    old["bronnen"] = [{"id": "kst", "titel": "Kamerbrief 2022", "soort": "brief"}]

    def mutate(new):
        new["regelingen"] = []
        new["verwijderd"] = [
            {
                "soort": "regeling",
                "id": "impuls",
                "reden": "De regeling is opgegaan in de SPUK.",
                "bron": "kst",
            }
        ]

    assert changed_from(old, mutate) == [
        "Regeling Financiële impuls: niet meer opgenomen: De regeling is opgegaan in de SPUK "
        "(bron: ‘Kamerbrief 2022’)."
    ]


def test_comparing_a_long_text_grows_linearly_with_its_size():
    """A one-word edit in one paragraph: the Python steps of `vergelijk` at 16 KB and 64 KB.
    Linear work grows about 4 times; SequenceMatcher (used before) grew 16 times."""

    def steps(size: int) -> int:
        words = [
            "gemeenten",
            "huisvesten",
            "vergunninghouders",
            "in",
            "sociale",
            "huurwoningen",
            "rijk",
            "opvang",
        ]
        text = " ".join(words[i % len(words)] + str(i % 7) for i in range(size // 12))[:size]
        old = base()
        old["maatregelen"][0]["beschrijving"] = text
        new = copy.deepcopy(old)
        new["maatregelen"][0]["beschrijving"] = text.replace(" opvang3 ", " woning3 ", 1)
        count = 0

        def trace(frame, event, arg):
            nonlocal count
            count += 1
            return trace

        sys.settrace(trace)
        try:
            result = vergelijk(old, new)
        finally:
            sys.settrace(None)
        assert result == []  # a change of wording, no fact
        return count

    small, large = steps(16 * 1024), steps(64 * 1024)
    assert large < 6 * small, (small, large)


def _from(old, mutate):
    new = copy.deepcopy(old)
    mutate(new)
    return new


def test_a_new_record_from_another_source_says_where_it_is_stated():
    old = with_orgs()
    old["bronnen"] = [{"id": "wet", "titel": "Wet COA", "soort": "wet"}]

    def mutate(new):
        new["maatregelen"].append(
            {
                "id": "wet-coa",
                "titel": "Taken van het COA bij wet",
                "vermeld_in": {"bron": "wet", "vindplaats": "artikel 3"},
                "status": "beschikbaar",
            }
        )

    assert changed_from(old, mutate) == [
        "Maatregel Taken van het COA bij wet: nieuw opgenomen (vermeld in ‘Wet COA’ (artikel 3); "
        "status: beschikbaar)."
    ]


def test_a_field_declared_tomorrow_is_in_the_changelog_without_code():
    from generator.content.kinds import Datum, Field, ListOf, Record, Slug, Text
    from generator.history.records import RecordDiff
    from generator.history.wording import Names

    declaration = Record(
        name="proef",
        fields=(
            Field("id", Slug(), "Id", "", True),
            Field("wettelijke_grondslag", Text(), "Wettelijke grondslag", ""),
            Field("ingangsdatum", Datum(), "Ingangsdatum", ""),
            Field("trefwoorden", ListOf(item=Text()), "Trefwoorden", ""),
        ),
    )
    old = {"id": "x", "wettelijke_grondslag": "Wet A", "trefwoorden": ["wonen"]}
    new = {"id": "x", "wettelijke_grondslag": "Wet B", "ingangsdatum": "2024-07"}
    names = Names({}, {})
    assert [wat for _, wat, _ in RecordDiff(declaration, old, new, names).changes()] == [
        "wettelijke grondslag van Wet A naar Wet B",
        "ingangsdatum nu bekend: juli 2024",
        "trefwoorden ‘wonen’ niet meer genoemd",
    ]


def test_a_removed_record_whose_address_now_leads_elsewhere_says_so():
    old = base()
    old["maatregelen"].append({"id": "kennisbank", "titel": "Kennisbank", "status": "beschikbaar"})

    def merged(new):
        new["maatregelen"].pop()
        new["maatregelen"][0]["vorige_ids"] = ["kennisbank"]

    assert changed_from(old, merged) == [
        "Maatregel Tussenvormen huisvesting: het adres /maatregelen/kennisbank/ stuurt nu door "
        "naar deze maatregel.",
        "Maatregel Kennisbank: niet meer opgenomen; het adres stuurt door naar ‘Tussenvormen "
        "huisvesting’.",
    ]


def test_a_mijlpaal_whose_text_names_another_date_or_organisation_is_a_change():
    def mutate(new):
        new["maatregelen"][0]["tijdspad"][0]["tekst"] = "VNG werkt de mogelijkheden uit."

    assert changed(mutate) == [
        "Maatregel Tussenvormen huisvesting: mijlpaal ‘VNG werkt de mogelijkheden uit.’ "
        "gewijzigd: ‘BZK’ werd ‘VNG’."
    ]


def test_a_field_given_a_source_of_its_own_or_losing_it_says_where_it_now_stands():
    old = with_orgs()
    old["bronnen"] = [{"id": "stcrt", "titel": "Staatscourant 2022, 1234", "soort": "document"}]
    old["maatregelen"][0]["status"] = "beschikbaar"

    def own(new):
        new["maatregelen"][0]["bronvermelding"] = {"status": {"bron": "stcrt"}}

    assert changed_from(old, own) == [
        "Maatregel Tussenvormen huisvesting: status staat nu in ‘Staatscourant 2022, 1234’ (was "
        "de handreiking, paragraaf 4.2.1)."
    ]
    assert changed_from(
        _from(old, own), lambda new: new["maatregelen"][0].pop("bronvermelding")
    ) == [
        "Maatregel Tussenvormen huisvesting: status staat nu in de handreiking, paragraaf 4.2.1 "
        "(was ‘Staatscourant 2022, 1234’)."
    ]


def test_a_fact_of_a_record_without_a_place_is_no_longer_inferred_and_claims_no_source():
    old = with_orgs()
    old["organisaties"][0]["soort"] = "rijk"
    old["organisaties"][0]["afgeleid"] = {"soort": "De tekst noemt het een ministerie."}

    def stated(new):
        del new["organisaties"][0]["afgeleid"]

    assert changed_from(old, stated) == [
        "Organisatie Ministerie van BZK: soort is niet meer afgeleid door de redactie."
    ]
