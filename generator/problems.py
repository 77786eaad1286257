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
