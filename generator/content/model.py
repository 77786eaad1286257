"""The typed records of the handreiking, each declared once, with derived relations.

Every field an editor writes is declared here, on its record's dataclass, with its kind, its
label and its help text (`content(...)`). `@record` derives the schema's `Record` from those
fields, so the check, the JSON Schema, the scaffolds, the editor guide's field reference, the
open data and the changelog all follow from this one declaration: a new field is one line
here plus the template that shows it. Fields without `content(...)` are derived (locations,
relations both ways) and never read from YAML.

`Handreiking.from_checked` is only called on content without errors, so it may rely on every
reference resolving.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..base.dates import Periode, Termijn, one_year_after
from ..base.problems import Location
from .kinds import (
    Datum,
    Email,
    Enum,
    Euro,
    Integer,
    Jaar,
    JaNee,
    ListOf,
    Markdown,
    Number,
    PerVeld,
    Redenen,
    Ref,
    Sectie,
    Slug,
    Text,
    Toegekend,
    Toekenning,
    Url,
    content,
    record,
)

STATUS = Enum(
    labels={
        "beschikbaar": "Beschikbaar",
        "in-voorbereiding": "In voorbereiding",
        "voornemen": "Voornemen",
        "afgerond": "Afgerond",
        "vervallen": "Vervallen",
    }
)
SOORT_ORGANISATIE = Enum(
    labels={
        "rijk": "Rijksoverheid",
        "uitvoeringsorganisatie": "Uitvoeringsorganisatie",
        "koepel": "Koepelorganisatie",
        "decentrale-overheid": "Decentrale overheid",
        "overleg": "Overleg of samenwerkingsverband",
        "persoon-rol": "Persoon of rol",
        "maatschappelijke-organisatie": "Maatschappelijke organisatie",
    }
)
SOORT_BEDRAG = Enum(
    labels={
        "per-jaar": "per jaar",
        "cumulatief": "cumulatief",
        "eenmalig": "eenmalig",
        "deel-van": "deel van",
        "totaal": "in totaal",
    }
)
SOORT_BRON = Enum(
    labels={
        "kamerstuk": "Kamerstuk",
        "brief": "Brief",
        "website": "Website",
        "document": "Document",
        "overleg": "Overleg",
        "wet": "Wet",
    }
)
PAGINA_VOOR = Enum(labels={"lezers": "Lezers", "redactie": "Redactie"})
# Issue 22: what the text says about a date besides its precision (base/dates.py `Termijn`).
ZEKERHEID = Enum(
    labels={
        "vast": "zonder voorbehoud",
        "verwacht": "naar verwachting",
        "beoogd": "beoogd",
        "gepland": "gepland",
    }
)
SOORT_DATUM = Enum(
    labels={
        "moment": "moment",
        "periode": "periode",
        "uiterlijk": "uiterlijk",
        "voor": "vóór",
        "opening": "opening, zonder einddatum",
    }
)
STATUS_LABELS = STATUS.labels
SOORT_ORGANISATIE_LABELS = SOORT_ORGANISATIE.labels
SOORT_BEDRAG_LABELS = SOORT_BEDRAG.labels
NOT_YET = ("in-voorbereiding", "voornemen")  # statuses that still promise something
OPEN = ("beschikbaar", *NOT_YET)  # statuses whose tijdspad must be current

ORG = Ref(target="organisatie")
EINDVERANTWOORDELIJKE = Toekenning(target="organisatie")


def _afgeleid() -> Any:
    return content(
        Redenen(),
        "Afgeleid",
        "Per veld dat de redactie heeft afgeleid omdat de handreiking het niet zo zegt, een "
        "korte reden; de site toont dat veld dan als afgeleid",
    )


def _zekerheid(what: str) -> Any:
    return content(
        ZEKERHEID,
        f"Zekerheid van {what}",
        "Wat de tekst zegt over hoe zeker de datum is: vast (zonder voorbehoud), verwacht "
        "('naar verwachting'), beoogd ('beoogd', 'streven') of gepland ('zal'); de site zet de "
        "woorden voor de datum. Leeg: zonder voorbehoud",
    )


def _soort_datum(what: str) -> Any:
    return content(
        SOORT_DATUM,
        f"Soort {what}",
        "Wat voor datum de tekst noemt: moment (gebeurt één keer: '2021-Q2..2021-Q3' is "
        "'tweede of derde kwartaal'), periode (loopt van … tot …), uiterlijk (alleen als de "
        "tekst 'uiterlijk' zegt), voor ('vóór 1 april') of opening (gaat dan open; zonder "
        "einddatum). Leeg: een moment bij één datum, een periode bij een reeks",
    )


def _vorige_ids(help: str = "Eerdere ids; oude adressen sturen door") -> Any:
    return content(ListOf(item=Slug()), "Vorige ids", help)


@record("vermelding")
@dataclass(frozen=True, kw_only=True)
class Vermelding:
    """Where a fact is stated when that is not (only) the handreiking: a bron and the place
    in it. A later edition's record can rest on a law, a Kamerbrief or the Staatscourant."""

    bron: str = content(
        Ref(target="bron"),
        "Bron",
        "Het stuk waarin het staat: een id uit content/bronnen.yaml",
        required=True,
    )
    vindplaats: str | None = content(
        Text(),
        "Vindplaats",
        "Waar in dat stuk: een artikel, paragraaf of pagina, zoals 'artikel 6' of 'paragraaf 3.2'",
    )


def _vermeld_in(kind: str) -> Any:
    return content(
        Vermelding.record,
        "Vermeld in",
        f"Waar de {kind} staat als dat niet de tekst van de handreiking is: de bron en de "
        "vindplaats (een wet, een Kamerbrief, de Staatscourant). Verplicht zonder 'sectie'",
    )


def _bronvermelding() -> Any:
    return content(
        PerVeld(item=Vermelding.record, what="de bron en de vindplaats"),
        "Bronvermelding",
        "Per veld dat in een andere bron staat dan de rest: die bron en de vindplaats, "
        "bijvoorbeeld 'aanvraagperiode: {bron: stcrt-2022-1234, vindplaats: artikel 4}'. Een "
        "veld staat hier of bij afgeleid, niet bij allebei",
    )


@record("link")
@dataclass(frozen=True, kw_only=True)
class Link:
    titel: str = content(Text(), "Titel", "De tekst van de link", required=True)
    url: str = content(Url(), "Webadres", "Het volledige webadres", required=True)


@record("bijlage")
@dataclass(frozen=True, kw_only=True)
class Bijlage:
    titel: str = content(Text(), "Titel", "De titel van de bijlage", required=True)
    url: str = content(Url(), "Webadres", "Waar de bijlage te lezen is", required=True)


@record("mijlpaal")
@dataclass(frozen=True, kw_only=True)
class Mijlpaal:
    datum: Periode = content(
        Datum(geen=True),
        "Datum",
        "Wanneer, met de precisie die de tekst geeft; 'geen' als de handreiking geen datum noemt",
        required=True,
    )
    datum_soort: str | None = _soort_datum("datum")
    datum_zekerheid: str | None = _zekerheid("de datum")
    tekst: str = content(
        Text(single_line=False),
        "Wat er dan gebeurt",
        "Eén zin: wat er op dat moment klaar, besloten of gestart is",
        required=True,
    )
    bereikt: bool | None = content(
        JaNee(),
        "Bereikt",
        "Zet 'ja' zodra de mijlpaal is gehaald (de site toont dan 'gehaald'); laat de tekst "
        "en de datum staan, of zet de datum waarop het gebeurde",
    )
    afgeleid: str | None = content(
        Text(single_line=False),
        "Afgeleid",
        "Alleen als de redactie de datum of de tekst afleidt (de handreiking zegt het niet zo): "
        "waarom",
    )
    location: Location | None = None
    # Derived: the maatregel or opgave whose tijdspad this is (set by Handreiking).
    eigenaar_kind: str = ""  # 'maatregel' or 'opgave'
    eigenaar_id: str = ""
    eigenaar_titel: str = ""
    status: str | None = None  # the owning maatregel's status (None for an opgave)

    @property
    def termijn(self) -> Termijn:
        """The date as the text says it: its kind and certainty in words (issue 22)."""
        return Termijn(self.datum, self.datum_soort, self.datum_zekerheid)

    def is_overdue(self, today: date) -> bool:
        """Past its period and not marked as reached or not, while its maatregel is still
        open (beschikbaar, in voorbereiding, voornemen), or of an opgave (`verlopen`)."""
        status = "beschikbaar" if self.eigenaar_kind == "opgave" else self.status
        return verlopen(status, self.termijn, today, afgehandeld=self.bereikt is not None)

    def moment(self, today: date) -> str:
        """'gehaald' or 'niet-gehaald' as the editors marked it, 'zonder-datum' when the
        handreiking gives none, else 'voorbij', 'nu' or 'gepland' relative to `today`."""
        if self.bereikt is not None:
            return "gehaald" if self.bereikt else "niet-gehaald"
        if not self.datum.dated:
            return "zonder-datum"
        if self.datum.is_past(today):
            return "voorbij"
        return "nu" if self.datum.contains(today) else "gepland"


@record("kerncijfer")
@dataclass(frozen=True, kw_only=True)
class Kerncijfer:
    label: str = content(Text(), "Omschrijving", "Wat het getal telt", required=True)
    waarde: int | float = content(Number(), "Waarde", "Het getal zelf", required=True)
    eenheid: str = content(
        Text(),
        "Eenheid",
        "Waarin het getal is uitgedrukt, bijvoorbeeld 'vergunninghouders' of 'weken'",
        required=True,
    )
    peildatum: Periode | None = content(
        Datum(), "Peildatum", "Voor welke periode of datum het getal geldt"
    )
    bron: str | None = content(Ref(target="bron"), "Bron", "Waar het getal vandaan komt")
    toelichting: str | None = content(
        Text(single_line=False), "Toelichting", "Korte uitleg bij het getal"
    )


@record("contactgegevens")
@dataclass(frozen=True, kw_only=True)
class Contact:
    email: str | None = content(Email(), "E-mailadres", "Algemeen e-mailadres voor vragen")
    url: str | None = content(Url(), "Website", "Webpagina met meer informatie of contactgegevens")
    toelichting: str | None = content(
        Text(single_line=False), "Toelichting", "Hoe en waarvoor u contact opneemt"
    )


@record("maatregel", id_kind="maatregel")
@dataclass(kw_only=True)
class Maatregel:
    id: str = content(
        Slug(),
        "Id",
        "Vaste naam van de maatregel; ook het webadres "
        "/maatregelen/<id>/. Verander dit niet na publicatie",
        required=True,
    )
    titel: str = content(Text(), "Titel", "De titel zoals in de handreiking", required=True)
    opgave: str = content(
        Ref(target="opgave"), "Opgave", "De opgave waar de maatregel bij hoort", required=True
    )
    sectie: str | None = content(
        Sectie(),
        "Paragraaf",
        "Het paragraafnummer in de handreiking van deze editie; laat weg als de maatregel niet "
        "in de tekst van de handreiking staat (noem dan vermeld_in)",
    )
    vermeld_in: Vermelding | None = _vermeld_in("maatregel")
    samenvatting: str = content(
        Text(single_line=False),
        "Samenvatting",
        "Eén of twee zinnen in eenvoudige taal: wat is het en wat heeft een gemeente eraan",
        required=True,
    )
    beschrijving: str = content(Markdown(), "Beschrijving", "De volledige uitleg", required=True)
    status: str = content(STATUS, "Status", "Hoe ver de maatregel is", required=True)
    eindverantwoordelijken: tuple[Toegekend, ...] = content(
        ListOf(item=EINDVERANTWOORDELIJKE),
        "Eindverantwoordelijken",
        "Organisaties die eindverantwoordelijk zijn; verplicht als de maatregel nog niet "
        "beschikbaar is. Noemt de handreiking er een niet zo? Schrijf dan een blok met "
        "'organisatie:' en 'afgeleid:' (waarom)",
    )
    gezamenlijk: str | None = content(
        Text(),
        "Gezamenlijk",
        "Alleen als de handreiking de eindverantwoordelijken samen noemt: de woorden van de "
        "tekst, zoals 'gezamenlijk vormgegeven'. De site toont ze dan als één gezamenlijke "
        "verantwoordelijkheid, met deze woorden, in plaats van elk apart",
    )
    betrokkenen: tuple[str, ...] = content(
        ListOf(item=ORG), "Betrokkenen", "Organisaties die meewerken"
    )
    tijdspad: tuple[Mijlpaal, ...] = content(
        ListOf(item=Mijlpaal.record),
        "Tijdspad",
        "Mijlpalen; verplicht als de maatregel nog niet beschikbaar is",
    )
    regelingen: tuple[str, ...] = content(
        ListOf(item=Ref(target="regeling")),
        "Regelingen",
        "Financieringsregelingen die bij deze maatregel horen",
    )
    bronnen: tuple[str, ...] = content(
        ListOf(item=Ref(target="bron")),
        "Bronnen",
        "Brieven, Kamerstukken en websites waar de maatregel op steunt",
    )
    contact: str | None = content(
        ORG, "Contact", "De organisatie waar gemeenten terechtkunnen met vragen"
    )
    links: tuple[Link, ...] = content(
        ListOf(item=Link.record), "Links", "Verwijzingen naar meer informatie"
    )
    voetnoten: tuple[str, ...] = content(
        ListOf(item=Markdown()), "Voetnoten", "Voetnoten uit de handreiking"
    )
    afgeleid: dict[str, str] | None = _afgeleid()
    bronvermelding: dict[str, Vermelding] | None = _bronvermelding()
    vorige_ids: tuple[str, ...] = _vorige_ids(
        "Eerdere ids van deze maatregel; hun oude webadressen sturen door naar de nieuwe pagina"
    )
    inhoudelijk_gewijzigd: Periode | None = content(
        Datum(),
        "Inhoudelijk gewijzigd",
        "Alleen invullen als u de "
        "betekenis van de tekst hebt veranderd zonder dat status, tijdspad, bedragen of "
        "verantwoordelijken veranderden: de datum van die wijziging. De site toont dan dat "
        "de maatregel in deze editie inhoudelijk is gewijzigd. Niet invullen voor "
        "taalcorrecties",
    )
    location: Location | None = None

    @property
    def sectie_key(self) -> tuple[int, ...]:
        return sectie_key(self.sectie)

    def eindverantwoordelijke(self, organisatie: str) -> Toegekend | None:
        """The organisatie as this maatregel's eindverantwoordelijke (with its provenance)."""
        return next((v for v in self.eindverantwoordelijken if v == organisatie), None)

    def is_overdue(self, today: date) -> bool:
        """Its status still promises or offers it, but its tijdspad has passed without
        anyone updating it: shown as 'In voorbereiding · verlopen' wherever the status is."""
        return any(p.is_overdue(today) for p in self.tijdspad)


@record("opgave", id_kind="opgave")
@dataclass(kw_only=True)
class Opgave:
    id: str = content(Slug(), "Id", "Vaste naam; ook het webadres /opgaven/<id>/", required=True)
    titel: str = content(Text(), "Titel", "De titel van het hoofdstuk", required=True)
    volgorde: int = content(Integer(), "Volgorde", "Plaats in de lijst van opgaven", required=True)
    hoofdstuk: str = content(
        Sectie(), "Hoofdstuk", "Hoofdstuknummer in de handreiking", required=True
    )
    samenvatting: str = content(
        Text(single_line=False), "Samenvatting", "Eén of twee zinnen", required=True
    )
    beschrijving: str = content(
        Markdown(), "Beschrijving", "De opgave in eigen woorden", required=True
    )
    kerncijfers: tuple[Kerncijfer, ...] = content(
        ListOf(item=Kerncijfer.record), "Kerncijfers", "De belangrijkste getallen"
    )
    tijdspad: tuple[Mijlpaal, ...] = content(
        ListOf(item=Mijlpaal.record), "Tijdspad", "Mijlpalen van de opgave zelf"
    )
    vorige_ids: tuple[str, ...] = _vorige_ids()
    location: Location | None = None
    maatregelen: list[Maatregel] = field(default_factory=list)
    regelingen: list[Regeling] = field(default_factory=list)


@record("opvolging")
@dataclass(frozen=True, kw_only=True)
class Opvolging:
    """An organisatie took over tasks of another from a date (a new ministry, a merger)."""

    organisatie: str = content(
        Ref(target="organisatie"),
        "Voorganger",
        "De organisatie die deze taken hiervoor had (een id uit content/organisaties.yaml)",
        required=True,
    )
    sinds: Periode = content(
        Datum(),
        "Sinds",
        "Vanaf wanneer deze organisatie de taken heeft, zoals 2024-07-02",
        required=True,
    )
    taken: str | None = content(
        Text(single_line=False),
        "Taken",
        "Welke taken overgingen, als het niet alle taken van de voorganger waren",
    )
    bron: str | None = content(
        Ref(target="bron"), "Bron", "Het stuk waarin de overgang staat (een id uit bronnen.yaml)"
    )


@record("organisatie", id_kind="organisatie")
@dataclass(kw_only=True)
class Organisatie:
    id: str = content(
        Slug(), "Id", "Vaste naam; ook het webadres /organisaties/<id>/", required=True
    )
    naam: str = content(Text(), "Naam", "Volledige naam", required=True)
    afkorting: str | None = content(Text(), "Afkorting", "Gangbare afkorting, zoals BZK")
    soort: str = content(SOORT_ORGANISATIE, "Soort", "Wat voor organisatie het is", required=True)
    rol: str = content(
        Text(single_line=False),
        "Rol",
        "Wat de organisatie doet in deze handreiking",
        required=True,
    )
    contact: Contact | None = content(
        Contact.record, "Contact", "Hoe gemeenten en provincies contact opnemen"
    )
    voorgangers: tuple[Opvolging, ...] = content(
        ListOf(item=Opvolging.record),
        "Voorgangers",
        "Organisaties waarvan deze organisatie taken overnam, elk met de datum: de site "
        "toont dan wie een verantwoordelijkheid nu heeft, sinds wanneer, en wie daarvoor",
    )
    afgeleid: dict[str, str] | None = _afgeleid()
    bronvermelding: dict[str, Vermelding] | None = _bronvermelding()
    vorige_ids: tuple[str, ...] = _vorige_ids()
    location: Location | None = None
    opvolgers: list[tuple[Organisatie, Opvolging]] = field(default_factory=list)
    eindverantwoordelijk_voor: list[Maatregel] = field(default_factory=list)
    betrokken_bij: list[Maatregel] = field(default_factory=list)
    verstrekt: list[Regeling] = field(default_factory=list)
    eindverantwoordelijk_voor_regelingen: list[Regeling] = field(default_factory=list)

    @property
    def korte_naam(self) -> str:
        return self.afkorting or self.naam


@record("bedrag")
@dataclass(frozen=True, kw_only=True)
class Bedrag:
    waarde: int | float = content(Euro(), "Bedrag", "Het bedrag in euro", required=True)
    soort: str = content(
        SOORT_BEDRAG,
        "Soort bedrag",
        "Waar het bedrag voor staat: per "
        "jaar, cumulatief over meer jaren, eenmalig, een deel van een andere regeling, of "
        "totaal",
        required=True,
    )
    deel_van: str | None = content(
        Ref(target="regeling"),
        "Deel van",
        "De regeling waar dit bedrag een deel van is (alleen bij soort deel-van)",
    )
    toelichting: str | None = content(
        Text(single_line=False), "Toelichting", "Waar het bedrag precies voor is"
    )


@record("regeling", id_kind="regeling")
@dataclass(kw_only=True)
class Regeling:
    id: str = content(Slug(), "Id", "Vaste naam; ook het webadres /regelingen/<id>/", required=True)
    titel: str = content(Text(), "Titel", "De naam van de regeling", required=True)
    kenmerk: str | None = content(
        Text(),
        "Kenmerk",
        "Officiële vindplaats van de regeling zelf, zoals 'Staatscourant 2021, 48698'",
    )
    sectie: str | None = content(
        Sectie(),
        "Paragraaf",
        "Het paragraafnummer in de handreiking van deze editie; laat weg als de regeling niet "
        "in de tekst van de handreiking staat (noem dan vermeld_in)",
    )
    vermeld_in: Vermelding | None = _vermeld_in("regeling")
    opgave: str = content(
        Ref(target="opgave"), "Opgave", "De opgave waar de regeling bij hoort", required=True
    )
    verstrekker: str = content(
        ORG, "Verstrekker", "De organisatie die het geld beschikbaar stelt", required=True
    )
    eindverantwoordelijken: tuple[Toegekend, ...] = content(
        ListOf(item=EINDVERANTWOORDELIJKE),
        "Eindverantwoordelijken",
        "Organisaties die eindverantwoordelijk zijn voor de regeling; laat weg als dat de "
        "verstrekker is",
    )
    samenvatting: str = content(
        Text(single_line=False), "Samenvatting", "Eén of twee zinnen", required=True
    )
    beschrijving: str | None = content(Markdown(), "Beschrijving", "Uitleg van de regeling")
    bedrag: Bedrag | None = content(
        Bedrag.record, "Bedrag", "Laat weg zolang het bedrag niet bekend is"
    )
    doelgroep: str = content(
        Text(single_line=False),
        "Doelgroep",
        "Wie een beroep kan doen op de regeling",
        required=True,
    )
    aanvraagperiode: Periode | None = content(
        Datum(),
        "Aanvraagperiode",
        "Wanneer aanvragen kan: de periode, of met soort 'opening' wanneer de regeling opengaat",
    )
    aanvraagperiode_soort: str | None = _soort_datum("aanvraagperiode")
    aanvraagperiode_zekerheid: str | None = _zekerheid("de aanvraagperiode")
    status: str = content(STATUS, "Status", "Hoe ver de regeling is", required=True)
    bronnen: tuple[str, ...] = content(
        ListOf(item=Ref(target="bron")), "Bronnen", "Waar de regeling op steunt"
    )
    links: tuple[Link, ...] = content(
        ListOf(item=Link.record), "Links", "Verwijzingen naar meer informatie"
    )
    afgeleid: dict[str, str] | None = _afgeleid()
    bronvermelding: dict[str, Vermelding] | None = _bronvermelding()
    vorige_ids: tuple[str, ...] = _vorige_ids()
    location: Location | None = None
    maatregelen: list[Maatregel] = field(default_factory=list)
    delen: list[Regeling] = field(default_factory=list)

    @property
    def sectie_key(self) -> tuple[int, ...]:
        return sectie_key(self.sectie)

    @property
    def aanvraag(self) -> Termijn | None:
        """The aanvraagperiode as the text says it (issue 22): an opening has no end."""
        if self.aanvraagperiode is None:
            return None
        return Termijn(
            self.aanvraagperiode, self.aanvraagperiode_soort, self.aanvraagperiode_zekerheid
        )

    def is_overdue(self, today: date) -> bool:
        """By the rule of a maatregel's mijlpaal (`verlopen`): its status still promises or
        offers it, but its aanvraagperiode is over, or the moment it was to open has passed
        while it is not yet beschikbaar (an opening that happened has no end)."""
        if self.aanvraag is None:
            return False
        opened = self.aanvraag.is_opening and self.status == "beschikbaar"
        return verlopen(self.status, self.aanvraag, today, afgehandeld=opened)


@record("bron", id_kind="bron")
@dataclass(frozen=True, kw_only=True)
class Bron:
    id: str = content(Slug(), "Id", "Vaste naam van de bron", required=True)
    titel: str = content(Text(), "Titel", "Titel of onderwerp van het stuk", required=True)
    soort: str = content(SOORT_BRON, "Soort", "Wat voor stuk het is", required=True)
    kenmerk: str | None = content(
        Text(), "Kenmerk", "Officieel kenmerk, zoals 'TK 2020–2021, 19 637, nr. 2684'"
    )
    datum: Periode | None = content(Datum(), "Datum", "Datum van het stuk")
    afzender: str | None = content(ORG, "Afzender", "De organisatie die het stuk schreef")
    url: str | None = content(Url(), "Webadres", "Waar het stuk te lezen is")
    bijlagen: tuple[Bijlage, ...] = content(
        ListOf(item=Bijlage.record), "Bijlagen", "Bijlagen bij het stuk, elk met titel en webadres"
    )
    toelichting: str | None = content(Text(single_line=False), "Toelichting", "Wat erin staat")
    afgeleid: dict[str, str] | None = _afgeleid()


@record("begrip")
@dataclass(frozen=True, kw_only=True)
class Begrip:
    term: str = content(
        Text(), "Term", "De afkorting of het begrip zoals het in de tekst staat", required=True
    )
    betekenis: str = content(
        Text(single_line=False),
        "Betekenis",
        "Wat het betekent of waar het voor staat",
        required=True,
    )
    uitleg: str | None = content(
        Text(single_line=False), "Uitleg", "Extra uitleg in eenvoudige taal"
    )
    afgeleid: dict[str, str] | None = _afgeleid()


SOORT_VERWIJDERD = Enum(
    labels={
        "maatregel": "Maatregel",
        "regeling": "Regeling",
        "organisatie": "Organisatie",
        "opgave": "Opgave",
        "bron": "Bron",
    }
)


@record("verwijdering")
@dataclass(frozen=True, kw_only=True)
class Verwijdering:
    """Why a record that an edition published is no longer in the handreiking.

    Removing a record is deleting it from its file; its address then says since which edition
    it is gone and links the last edition that had it. This optional note adds the reason.
    """

    soort: str = content(SOORT_VERWIJDERD, "Soort", "Wat er is verwijderd", required=True)
    id: str = content(Slug(), "Id", "De id die het item had", required=True)
    reden: str = content(
        Text(single_line=False),
        "Reden",
        "Waarom het niet meer in de handreiking staat, in één of twee zinnen",
        required=True,
    )
    bron: str | None = content(
        Ref(target="bron"), "Bron", "Het stuk dat het besluit noemt (een id uit bronnen.yaml)"
    )
    location: Location | None = None


@record("zoekwoordgroep")
@dataclass(frozen=True, kw_only=True)
class Zoekwoorden:
    """Words people search for that mean the same or nearly (issue 22): a search for one of
    them also looks for the others, so 'flexwoning' finds the regeling for flexibele
    huisvesting. Kept by the editors in content/zoekwoorden.yaml; not part of an edition's
    text, only of how the site is searched."""

    woorden: tuple[str, ...] = content(
        ListOf(item=Text(), min_items=2),
        "Woorden",
        "Twee of meer woorden of korte zinnen die lezers door elkaar gebruiken, zoals "
        "'flexwoning' en 'flexibele huisvesting'; in kleine letters, enkelvoud (het zoeken "
        "vindt het meervoud zelf). Minstens één ervan staat in de handreiking",
        required=True,
    )
    toelichting: str | None = content(
        Text(single_line=False), "Toelichting", "Waarom deze woorden bij elkaar horen"
    )


@record("vaststelling")
@dataclass(frozen=True, kw_only=True)
class Vaststelling:
    datum: Periode = content(Datum(), "Datum", "Wanneer de editie is vastgesteld", required=True)
    door: str = content(Text(), "Door", "Wie de editie heeft vastgesteld", required=True)


# Issue 22: the date a next edition was due is the editors' inference, never the text's:
# shown with this reason wherever it appears (the notice on every page, the PDF, the JSON).
VOLGENDE_EDITIE_AFGELEID = (
    "de handreiking wordt 'minimaal jaarlijks geactualiseerd' (hoofdstuk 2 van de editie van "
    "2021); de redactie rekent daarom een jaar na het einde van de stand"
)


@record("editie")
@dataclass(frozen=True, kw_only=True)
class Editie:
    jaar: int = content(Jaar(), "Jaar", "Het jaar van deze editie", required=True)
    titel: str = content(Text(), "Titel", "De volledige titel van de handreiking", required=True)
    peildatum: Periode = content(
        Datum(), "Peildatum", "Tot welk moment de inhoud is bijgewerkt", required=True
    )
    vastgesteld: Vaststelling | None = content(
        Vaststelling.record, "Vastgesteld", "Wanneer en door wie vastgesteld"
    )
    toelichting: str | None = content(Markdown(), "Toelichting", "Wat deze editie kenmerkt")
    uitgevers: tuple[str, ...] = content(
        ListOf(item=ORG),
        "Uitgevers",
        "De organisaties die de handreiking uitgeven (ids uit organisaties.yaml); de colofon "
        "van de PDF noemt ze",
    )
    afgeleid: dict[str, str] | None = _afgeleid()

    @property
    def volgende_uiterlijk(self) -> date:
        """When the next edition is due: the handreiking "wordt minimaal jaarlijks
        geactualiseerd" (hoofdstuk 2), so a year after the end of this one's peildatum."""
        return one_year_after(self.peildatum.einde)

    def is_verouderd(self, today: date) -> bool:
        """The next edition was due before `today` and this is still the one shown."""
        return today > self.volgende_uiterlijk


@record("pagina")
@dataclass(frozen=True, kw_only=True)
class Pagina:
    """A prose page of content/paginas/: its front matter is declared here, its body is text."""

    titel: str = content(Text(), "Titel", "Titel van de pagina", required=True)
    volgorde: int = content(Integer(), "Volgorde", "Plaats in het menu", required=True)
    samenvatting: str | None = content(
        Text(single_line=False), "Samenvatting", "Eén zin over de pagina"
    )
    voor: str | None = content(
        PAGINA_VOOR,
        "Voor",
        "Voor wie de pagina is: lezers (zo ook als u het weglaat; in het menu en het zoeken) "
        "of redactie (onder 'Voor de redactie' onderaan elke pagina, niet in het zoeken)",
    )
    slug: str = ""
    body: str = ""
    path: str = ""

    @property
    def for_editors(self) -> bool:
        return self.voor == "redactie"


@dataclass
class Handreiking:
    """All content, sorted, with relations in both directions."""

    editie: Editie
    opgaven: dict[str, Opgave]
    maatregelen: dict[str, Maatregel]
    organisaties: dict[str, Organisatie]
    regelingen: dict[str, Regeling]
    bronnen: dict[str, Bron]
    begrippen: list[Begrip]
    paginas: list[Pagina]
    files: dict[str, str]
    verwijderd: list[Verwijdering] = field(default_factory=list)
    zoekwoorden: list[Zoekwoorden] = field(default_factory=list)

    @classmethod
    def from_checked(cls, values: dict[str, Any], pages: list[dict], files: dict[str, str]):
        def build(kind: type, key: str) -> list:
            return [kind.record.build(v) for v in values[key]]

        maatregelen = sorted(
            (_owned(m, "maatregel") for m in build(Maatregel, "maatregelen")),
            key=lambda m: (m.sectie_key, m.id),
        )
        opgaven = sorted(
            (_owned(o, "opgave") for o in build(Opgave, "opgaven")), key=lambda o: o.volgorde
        )
        organisaties = sorted(
            build(Organisatie, "organisaties"), key=lambda o: o.korte_naam.casefold()
        )
        regelingen = sorted(build(Regeling, "regelingen"), key=lambda r: (r.sectie_key, r.id))
        bronnen = sorted(
            build(Bron, "bronnen"),
            key=lambda b: (b.datum.sort_key if b.datum else (date.max,), b.id),
        )
        paginas = [
            replace(Pagina.record.build(p), slug=p["slug"], body=p["body"], path=p["path"])
            for p in pages
        ]
        handreiking = cls(
            editie=Editie.record.build(values["editie"]),
            opgaven={o.id: o for o in opgaven},
            maatregelen={m.id: m for m in maatregelen},
            organisaties={o.id: o for o in organisaties},
            regelingen={r.id: r for r in regelingen},
            bronnen={b.id: b for b in bronnen},
            begrippen=sorted(build(Begrip, "begrippen"), key=lambda b: b.term.casefold()),
            paginas=sorted(paginas, key=lambda p: (p.volgorde, p.slug)),
            files=files,
            verwijderd=build(Verwijdering, "verwijderd") if values.get("verwijderd") else [],
            zoekwoorden=build(Zoekwoorden, "zoekwoorden") if values.get("zoekwoorden") else [],
        )
        handreiking._link()
        return handreiking

    def _link(self) -> None:
        for o in self.organisaties.values():
            for opvolging in o.voorgangers:
                self.organisaties[opvolging.organisatie].opvolgers.append((o, opvolging))
        for m in self.maatregelen.values():
            self.opgaven[m.opgave].maatregelen.append(m)
            for org in m.eindverantwoordelijken:
                self.organisaties[org].eindverantwoordelijk_voor.append(m)
            for org in m.betrokkenen:
                self.organisaties[org].betrokken_bij.append(m)
            for regeling in m.regelingen:
                self.regelingen[regeling].maatregelen.append(m)
        for r in self.regelingen.values():
            self.opgaven[r.opgave].regelingen.append(r)
            self.organisaties[r.verstrekker].verstrekt.append(r)
            for org in r.eindverantwoordelijken:
                self.organisaties[org].eindverantwoordelijk_voor_regelingen.append(r)
            if r.bedrag and r.bedrag.deel_van:
                self.regelingen[r.bedrag.deel_van].delen.append(r)

    def huidige_id(self, kind: str, id_: str) -> str | None:
        """The id a record of an earlier edition has now: itself, the record that lists it in
        `vorige_ids` (through renames after renames), or None when it is gone.

        The changelog of an older edition links its records by this id, so a rename in a later
        edition never leaves a link to an old address behind.
        """
        records = {
            "maatregel": self.maatregelen,
            "regeling": self.regelingen,
            "organisatie": self.organisaties,
            "opgave": self.opgaven,
            "bron": self.bronnen,
        }[kind]
        if id_ in records:
            return id_
        return next((r.id for r in records.values() if id_ in getattr(r, "vorige_ids", ())), None)

    @property
    def mijlpalen(self) -> list[Mijlpaal]:
        """Every mijlpaal, of opgaven and maatregelen, sorted by start."""
        items = [p for o in self.opgaven.values() for p in o.tijdspad]
        items += [p for m in self.maatregelen.values() for p in m.tijdspad]
        return sorted(items, key=lambda p: (p.datum.sort_key, p.eigenaar_id, p.tekst))


def verlopen(status: str | None, termijn: Termijn, today: date, afgehandeld: bool) -> bool:
    """The one rule for "verlopen" (issues 13 and 22), for a maatregel's mijlpaal and a
    regeling's aanvraagperiode alike: the status still promises or offers it (beschikbaar, in
    voorbereiding, voornemen), its date has passed (the whole period in which it was to
    happen), and nobody marked it as reached (a mijlpaal's `bereikt`, a regeling that opened)."""
    return status in OPEN and not afgehandeld and termijn.is_past(today)


def sectie_key(sectie: str | None) -> tuple[int, ...]:
    """A paragraph number to sort by: '4.2.10' after '4.2.9'; a record without one comes
    after those with one (a record from a later source, outside the handreiking's text)."""
    return tuple(int(part) for part in sectie.split(".")) if sectie else (10**6,)


def _owned(owner: Maatregel | Opgave, kind: str) -> Maatregel | Opgave:
    """The owner with its tijdspad sorted by start, each mijlpaal knowing whose it is."""
    owner.tijdspad = tuple(
        sorted(
            (
                replace(
                    p,
                    eigenaar_kind=kind,
                    eigenaar_id=owner.id,
                    eigenaar_titel=owner.titel,
                    status=getattr(owner, "status", None),
                )
                for p in owner.tijdspad
            ),
            key=lambda p: p.datum.sort_key,
        )
    )
    return owner
