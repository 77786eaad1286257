"""The semantic diff: what counts as a change, and the Dutch sentence it becomes."""

from __future__ import annotations

import copy

from generator.history.diff import markdown, per_groep, vergelijk

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
            {"id": "kennisbank", "titel": "Kennisbank", "status": "beschikbaar"}
        )
        new["regelingen"] = []

    changes = vergelijk(base(), _mutated(mutate))
    assert [w.zin for w in changes] == [
        "Maatregel Kennisbank: nieuw opgenomen (status: beschikbaar).",
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
