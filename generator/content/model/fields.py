"""What several records declare alike: the organisatie references, the fields every record
with inferred facts, dates or earlier ids has, and the order of paragraph numbers."""

from __future__ import annotations

from typing import Any

from ..kinds import ListOf, Redenen, Ref, Slug, Toekenning, content
from .vocabularies import SOORT_DATUM, ZEKERHEID

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


def sectie_key(sectie: str | None) -> tuple[int, ...]:
    """A paragraph number to sort by: '4.2.10' after '4.2.9'; a record without one comes
    after those with one (a record from a later source, outside the handreiking's text)."""
    return tuple(int(part) for part in sectie.split(".")) if sectie else (10**6,)
