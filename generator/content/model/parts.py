"""The blocks records are made of: where a fact is stated (`Vermelding`, and the fields that
point at one), a link, an attachment, a mijlpaal, a kerncijfer and contact details."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ...base.dates import Periode, Termijn
from ...base.problems import Location
from ..kinds import Datum, Email, JaNee, Number, PerVeld, Ref, Text, Url, content, record
from .fields import _soort_datum, _zekerheid
from .vocabularies import verlopen


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
