"""The fixed sets of values the records choose from (`Enum`), with the Dutch words a reader sees
for each, and what a status means for a date that has passed (`verlopen`)."""

from __future__ import annotations

from datetime import date

from ...base.dates import Termijn
from ..kinds import Enum

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


SOORT_VERWIJDERD = Enum(
    labels={
        "maatregel": "Maatregel",
        "regeling": "Regeling",
        "organisatie": "Organisatie",
        "opgave": "Opgave",
        "bron": "Bron",
    }
)


def verlopen(status: str | None, termijn: Termijn, today: date, afgehandeld: bool) -> bool:
    """The one rule for "verlopen" (issues 13 and 22), for a maatregel's mijlpaal and a
    regeling's aanvraagperiode alike: the status still promises or offers it (beschikbaar, in
    voorbereiding, voornemen), its date has passed (the whole period in which it was to
    happen), and nobody marked it as reached (a mijlpaal's `bereikt`, a regeling that opened)."""
    return status in OPEN and not afgehandeld and termijn.is_past(today)
