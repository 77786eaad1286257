"""The shapes of text that make Python-Markdown slow, refused before it reads them.

Python-Markdown is recursive or quadratic on a few shapes no real text has: lists nested
hundreds deep, thousands of '[' left open, one block of thousands of lines, thousands of
abbreviation definitions. Each limit below is far above what the handreiking's texts use and
far below where the time grows (measured in the comments; `make bench` reports the growth
with tools/bad_input.py). `exceeded` gives the first limit a text passes, located for
`check`; markup.py then shows the text as one plain paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class LinkProblem:
    """What check reports about a text: a link rendering would drop (markup.py), or a limit."""

    target: str  # the link's target, or the line or text where a limit is passed
    message: str
    offset: int | None = None  # where in the text, when the target alone does not say


def exceeded(text: str) -> LinkProblem | None:
    """The first limit `text` passes, or None."""
    return (
        _too_deep(text)
        or _too_many_brackets(text)
        or _too_long_block(text)
        or _too_many_abbreviations(text)
    )


# Python-Markdown nests lists by indentation recursively: 300 levels ran out of stack after
# 5 s (and 1,000 after 33 s). Real texts indent a few levels; past 32 the text is refused.
MAX_INDENT = 4 * 32


def _too_deep(text: str) -> LinkProblem | None:
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" \t"))
        if indent > MAX_INDENT and len(line[:indent].expandtabs(4)) > MAX_INDENT:
            return LinkProblem(
                line,
                f"de tekst springt hier meer dan {MAX_INDENT // 4} niveaus in; "
                "zo diep kan een lijst niet genest zijn",
            )
    return None


# Python-Markdown looks for the ']' of every '[' (a link, image or reference) by reading on to
# it, or to the end of the block when there is none: time quadratic in the brackets left open
# (20,000 '[' in a page took 80 s to check). Real texts have one or two open at a time; a text
# with more than MAX_OPEN_BRACKETS open at once is refused, before Markdown reads it.
MAX_OPEN_BRACKETS = 32


def _too_many_brackets(text: str) -> LinkProblem | None:
    if text.count("[") <= MAX_OPEN_BRACKETS:
        return None
    depth = 0
    for match in _BRACKET.finditer(text):
        if match.group(0) == "[":
            depth += 1
            if depth > MAX_OPEN_BRACKETS:
                start = text.rfind("\n", 0, match.start()) + 1
                return LinkProblem(
                    text[start : match.start() + 1],
                    f"er staan hier meer dan {MAX_OPEN_BRACKETS} haken '[' open zonder "
                    "afsluitende ']'; sluit elke '[' af, of schrijf '\\[' voor een losse '['",
                )
        elif match.group(0) == "]" and depth:
            depth -= 1
    return None


_BRACKET = re.compile(r"\\.|[\[\]]")

# Python-Markdown splits a block (lines without a blank line between them) one construct at a
# time: a heading, a rule, an abbreviation or reference definition, a setext heading takes
# its line off and hands the rest back, and every block processor searches the rest again.
# Time grows with lines x length of the block: 16,000 abbreviation definitions in one block
# (256 kB) took 43 s to check. Real texts have at most 40 lines in one block.
MAX_BLOCK_LINES = 200
# Every abbreviation a text defines (`*[COA]: ...`) is an alternative of one pattern tried at
# every word: time grows with definitions x text. Real texts define none (the begrippen do).
MAX_ABBREVIATIONS = 100
_ABBREVIATION = re.compile(r"^[ \t>]*\*\[[^\]\n]*\][ ]?:", re.M)


def _too_long_block(text: str) -> LinkProblem | None:
    offset, run = 0, 0
    for line in text.split("\n"):
        run = run + 1 if line.strip() else 0
        if run > MAX_BLOCK_LINES:
            return LinkProblem(
                line,
                f"hier staan meer dan {MAX_BLOCK_LINES} regels achter elkaar zonder lege regel; "
                "zet lege regels tussen de alinea's, lijsten en kopjes",
                offset,
            )
        offset += len(line) + 1
    return None


def _too_many_abbreviations(text: str) -> LinkProblem | None:
    for count, match in enumerate(_ABBREVIATION.finditer(text), start=1):
        if count > MAX_ABBREVIATIONS:
            return LinkProblem(
                match.group(0),
                f"de tekst legt hier meer dan {MAX_ABBREVIATIONS} afkortingen uit ('*[...]:'); "
                "zet afkortingen als begrip in content/begrippen.yaml, dan staan ze op elke "
                "pagina",
                match.start(),
            )
    return None
