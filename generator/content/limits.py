"""How big a text may be, and how many begrippen there may be: limits that keep the build's
time linear and short (issue 21, docs/content-format.md "Limits").

Python-Markdown, MkDocs and WeasyPrint are linear in most shapes of text but not in all, and
the PDF costs over a millisecond per line it lays out: a text of 256 kB of "a" paragraphs
(85,000 of them) took 180 CPU seconds to build, 64 kB of them 30. So one text (a field's
value or a page) is at most MAX_TEXT characters and MAX_LINES lines; markdown_limits.py adds the
limits of the Markdown shapes that Python-Markdown parses in quadratic time. Every begrip
with two capitals is an abbreviation searched for in every text and on every page, so there
are at most MAX_BEGRIPPEN. `tools/bad_input.py --groei` measures each shape at 1x, 4x and 16x.
"""

from __future__ import annotations

from typing import Any

from ..base.problems import Problem

MAX_TEXT = 256 * 1024  # characters: the whole 2021 handreiking is about this size
MAX_LINES = 20_000  # the longest real text (the editors' guide) has about 600
MAX_BEGRIPPEN = 1_000  # the 2021 handreiking explains 65


def text_problem(value: str) -> tuple[int, str] | None:
    """(offset, message) when `value` is longer than a text may be, else None."""
    if len(value) > MAX_TEXT:
        return (
            0,
            f"de tekst is {len(value) // 1024} kB; een tekst is hoogstens {MAX_TEXT // 1024} kB "
            "(zo lang als de hele handreiking): splits hem, bijvoorbeeld in een pagina per "
            "onderwerp",
        )
    lines = value.count("\n") + 1
    if lines > MAX_LINES:
        offset = -1
        for _ in range(MAX_LINES):
            offset = value.index("\n", offset + 1)
        return (
            offset + 1,
            f"de tekst heeft {lines} regels; een tekst heeft er hoogstens {MAX_LINES}, want "
            "elke regel wordt een regel in de PDF: splits de tekst of voeg regels samen",
        )
    return None


def check_counts(values: dict[str, Any], problems: list[Problem]) -> None:
    """At most MAX_BEGRIPPEN begrippen, reported at the first one too many."""
    begrippen = values.get("begrippen") or []
    if len(begrippen) > MAX_BEGRIPPEN:
        extra = begrippen[MAX_BEGRIPPEN]
        problems.append(
            Problem(
                extra["_at"],
                f"{extra['_path']}: er zijn {len(begrippen)} begrippen; hoogstens "
                f"{MAX_BEGRIPPEN}: elk begrip wordt in elke tekst en op elke pagina gezocht "
                "(als afkorting met uitleg)",
            )
        )
