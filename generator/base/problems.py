"""Problems found in content: located, worded for editors, collected rather than raised."""

from __future__ import annotations

from dataclasses import dataclass

FOUT = "fout"
WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Location:
    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing an editor must fix (or, as a warning, should look at)."""

    location: Location
    message: str
    severity: str = FOUT

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message}"

    @property
    def sort_key(self) -> tuple:
        return (self.location, self.severity, self.message)


class ContentError(Exception):
    """Raised by the pipeline when content has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problemen in de inhoud")
        self.problems = sorted(problems, key=lambda p: p.sort_key)


OVERDUE = "verlopen: "


def overdue_note(problems: list[Problem]) -> str | None:
    """What to do about the overdue mijlpalen among `problems`, said once after them."""
    count = sum(p.message.startswith(OVERDUE) for p in problems)  # also under --strict
    if not count:
        return None
    return (
        f"Over de {count} waarschuwing(en) 'verlopen': de datum van die mijlpaal is voorbij en "
        "niemand heeft hem bijgewerkt; de site meldt dat erbij. Is de mijlpaal gehaald, zet dan "
        "'bereikt: ja' erbij; is de maatregel er nu, zet 'status: beschikbaar'; schuift de datum "
        "op, pas de datum in het tijdspad aan. Weet u het nog niet, dan kunt u ze laten staan "
        "tot de volgende editie: ze houden de site niet tegen (alleen make check STRICT=1 telt "
        "ze als fout)."
    )
