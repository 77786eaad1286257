"""Text-level checks the kinds share: the patterns and limits of a value, whether a URL is one a
page can link to, and where in the file a character of a scalar's value stands.

Nothing here reports a problem itself: each answers a question about a text, and the kinds
(base.py, text.py, values.py, compound.py) turn the answer into a located Dutch problem.
"""

from __future__ import annotations

import bisect
import difflib
import re
from urllib.parse import urlsplit

from ...base.problems import Location
from ..characters import find_hidden
from ..load import Scalar, Source

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SECTIE = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{1,3}){0,5}$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>?")
# Limits (docs/content-format.md, "Grenzen"): an id is part of a file name and a URL; Python
# cannot turn more than 4,300 digits into a number, and a float holds 15 digits exactly.
MAX_ID = 80
MAX_INTEGER_DIGITS = 9
MAX_NUMBER_DIGITS = 15
MAX_URL = 2000
# Characters no text needs: control characters (a lone CR ended up in the .ics, issue 12).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# A script address written as text: never useful in the handreiking, and a reader who copies
# it into the address bar runs it ('data:' alone, as in "open data: ...", is fine).
SCRIPT_URL = re.compile(r"(?i)(?<![a-z0-9+.-])(?:(?:java|vb|live)script\s*:|data:(?=\S))")
# A character a URL may not hold: RFC 3986 allows these and we add any letter outside ASCII;
# no '[', ']' (IPv6 hosts).
NOT_IN_URL = re.compile(r"[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%\u00a0-\U0010ffff]")
HOST = re.compile(r"^(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,63}\.?(?::[0-9]{1,5})?$")


def url_problem(value: str) -> str | None:
    """Why `value` is not a full https:// address a page can link to (Dutch), or None."""
    shown = shown_value(value)
    if len(value) > MAX_URL:
        return f"het webadres is {len(value)} tekens lang; hoogstens {MAX_URL} zijn toegestaan"
    if (hidden := find_hidden(value)) is not None:
        return f"'{shown_value(value)}' bevat een {hidden.what}; verwijder het"
    bad = NOT_IN_URL.search(value)
    if bad and not bad.group(0).isspace():
        character = bad.group(0)
        shown_character = f"U+{ord(character):04X}" if CONTROL.match(character) else character
        return (
            f"'{shown}' is geen geldig webadres: het teken '{shown_character}' hoort er niet in "
            "(schrijf het als %-code, of kopieer het adres opnieuw uit de adresbalk)"
        )
    try:
        parts = urlsplit(value)
        scheme, host = parts.scheme, parts.netloc
    except ValueError:  # e.g. an unbalanced '[' in the host
        scheme, host = "?", ""
    if scheme == "http":
        return f"'{shown}': gebruik een beveiligd adres (https:// in plaats van http://)"
    if (
        scheme != "https"
        or bad
        or not value.startswith("https://")
        or "@" in host
        or not HOST.match(host)
        or re.search(r"%(?![0-9A-Fa-f]{2})", value)
    ):
        return f"'{shown}' is geen geldig webadres; schrijf het volledig, beginnend met https://"
    return None


def stripped_lead(scalar: Scalar) -> int:
    """How many characters of white space the checked (stripped) value lost at its start."""
    return len(scalar.value) - len(scalar.value.lstrip())


def shown_value(value: str) -> str:
    """A value quoted in a message: one line, at most 100 characters, every hidden character
    written as its code ('[U+202E]'), so a message shows what is there."""
    one_line = " ".join(CONTROL.sub(" ", value).split())
    while (hidden := find_hidden(one_line)) is not None:
        one_line = one_line.replace(hidden.character, f"[{hidden.code}]")
    return one_line if len(one_line) <= 100 else one_line[:97] + "..."


def locate_character(scalar: Scalar, offset: int, source: Source) -> Location | None:
    """Exactly where the character at `offset` of a scalar's value is written in the file;
    None when it is not written as itself (a '\\u200b' between double quotes).

    The value holds the character for the n-th time at `offset`, so its n-th appearance from
    the scalar's start on is the one; the search ends a little past the value's length.
    """
    character = scalar.value[offset]
    wanted = scalar.value.count(character, 0, offset)
    lines = source.lines
    index, column = scalar.location.line - 1, scalar.location.column - 1
    budget = 2 * len(scalar.value) + 200  # quoting, escapes and a block's indentation
    while index < len(lines) and budget > 0:
        line = lines[index]
        found = line.find(character, column)
        while found >= 0:
            if not wanted:
                return Location(scalar.location.file, index + 1, found + 1)
            wanted -= 1
            found = line.find(character, found + 1)
        budget -= len(line) - column + 1
        index, column = index + 1, 0
    return None


def inside_code(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return text[line_start:offset].count("`") % 2 == 1


def locate_in_scalar(scalar: Scalar, offset: int, source: Source) -> Location:
    """Where in the file a character of a scalar's value stands (exact for block scalars).

    Linear in the number of problems: the value's line starts are found once per scalar.
    """
    at = scalar.location
    if not scalar.block:
        return at
    starts = scalar.__dict__.get("_line_starts")
    if starts is None:
        starts = [0] + [match.end() for match in re.finditer("\n", scalar.value)]
        scalar.__dict__["_line_starts"] = starts
    index = bisect.bisect_right(starts, offset) - 1
    end = scalar.value.find("\n", offset)
    wanted_line = scalar.value[starts[index] : offset]
    needle = scalar.value[offset : end if end >= 0 else len(scalar.value)]
    file_lines = source.lines
    line_number = at.line + index + 1  # first content line follows the '|' line
    last = min(len(file_lines), line_number + 1000)
    while line_number <= last:
        candidate = file_lines[line_number - 1]
        column = candidate.find(wanted_line + needle) if wanted_line or needle else -1
        if column >= 0:
            return Location(at.file, line_number, column + len(wanted_line) + 1)
        line_number += 1  # a folded ('>') block joins lines; blank lines shift the count
    return at


class Finder:
    """Finds targets in a scalar's value in reading order, so many problems stay linear."""

    def __init__(self, scalar: Scalar, source: Source):
        self.scalar = scalar
        self.source = source
        self.cursor = 0

    def locate(self, target: str) -> Location:
        value = self.scalar.value
        offset = value.find(target, self.cursor) if target else -1
        if offset < 0:
            offset = value.find(target) if target else -1
        if offset < 0:
            offset = value.find(target[:12]) if target else -1
        if offset >= 0:
            self.cursor = offset + len(target)
        return locate_in_scalar(self.scalar, max(offset, 0), self.source)


def did_you_mean(wrong: str, options, cutoff: float = 0.6) -> str:
    close = difflib.get_close_matches(wrong, list(options), n=1, cutoff=cutoff)
    return f" (bedoelde u '{close[0]}'?)" if close else ""
