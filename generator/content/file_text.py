"""A content file's text as text, before it is read as YAML or Markdown.

What an editor cannot see but a parser trips over: a BOM, Windows or old-Mac line ends, tabs
in the indentation, invisible control characters. Each is reported where it stands, and the
text is read on as if it were not there.
"""

from __future__ import annotations

import re

from ..base.problems import Location, Problem

# What the YAML reader accepts (its "printable" set); anything else is an invisible character.
_CONTROL = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def without_control_characters(text: str, display: str, problems: list[Problem]) -> str:
    """Report every invisible control character (one per line) and read on without them."""
    if not _CONTROL.search(text):
        return text
    for number, line in enumerate(text.split("\n"), start=1):
        match = _CONTROL.search(line)
        if match is None or match.group(0) == "\r":
            continue
        code = ord(match.group(0))
        what = (
            "een NUL-teken (code 0)"
            if code == 0
            else f"een onzichtbaar stuurteken (code U+{code:04X})"
        )
        problems.append(
            Problem(
                Location(display, number, match.start() + 1),
                f"het bestand bevat {what}; verwijder het (is dit wel een tekstbestand?)",
            )
        )
    return _CONTROL.sub("\ufffd", text)


BOM_MESSAGE = "het bestand begint met een onzichtbaar BOM-teken; sla het op als UTF-8 zonder BOM"


def text_problems(text: str, display: str) -> list[Problem]:
    """A BOM, line ends other than Unix's, and every tab in the indentation."""
    problems = []
    if text.startswith("\ufeff"):
        problems.append(
            Problem(
                Location(display, 1, 1),
                BOM_MESSAGE,
            )
        )
    if "\r" in text:
        problems.append(line_end_problem(text, display))
    for number, line in enumerate(text.splitlines() if "\t" in text else (), start=1):
        leading = re.match(r"^[ \t]*", line).group(0)
        if "\t" in leading:
            problems.append(
                Problem(
                    Location(display, number, leading.index("\t") + 1),
                    "tab-teken in de inspringing; gebruik spaties",
                )
            )
    return problems


_LONE_CR = re.compile("\r(?!\n)")


def line_end_problem(text: str, display: str) -> Problem:
    """The first line end that is not Unix's LF: Windows' CR LF, or a CR alone (old Macs)."""
    lone = _LONE_CR.search(text)
    first = text.index("\r")
    if lone is not None and lone.start() == first:
        line = len(re.findall("\r\n?|\n", text[:first])) + 1
        message = (
            "regeleinden met alleen een CR-teken (zoals op oude Macs) gevonden; "
            "sla het bestand op met Unix-regeleinden (LF)"
        )
    else:
        line = text[:first].count("\n") + 1
        message = (
            "Windows-regeleinden (CRLF) gevonden; sla het bestand op met Unix-regeleinden (LF)"
        )
    return Problem(Location(display, line, 1), message)
