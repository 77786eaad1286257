"""The records of the handreiking's subjects: maatregel, opgave, organisatie (and its
voorgangers), regeling (and its bedrag), bron and begrip."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ...base.dates import Periode, Termijn
from ...base.problems import Location
from ..kinds import (
    Datum,
    Euro,
    Integer,
    ListOf,
    Markdown,
    Ref,
    Sectie,
    Slug,
    Text,
    Toegekend,
    Url,
    content,
    record,
)
from .fields import (
    EINDVERANTWOORDELIJKE,
    ORG,
    _afgeleid,
    _soort_datum,
    _vorige_ids,
    _zekerheid,
    sectie_key,
)
from .parts import (
    Bijlage,
    Contact,
    Kerncijfer,
    Link,
    Mijlpaal,
    Vermelding,
    _bronvermelding,
    _vermeld_in,
)
from .vocabularies import SOORT_BEDRAG, SOORT_BRON, SOORT_ORGANISATIE, STATUS, verlopen


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
