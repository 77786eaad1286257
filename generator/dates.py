"""Dates with a stated precision, as the handreiking writes them.

The handreiking speaks in days ("1 april 2021"), months, quarters, halves, seasons, years,
qualified periods ("medio 2021") and ranges ("maart t/m juli 2021"). A `Periode` keeps that
precision: it is the whole period the text allows, shown back in the same Dutch words.

    >>> Periode.parse("2021-Q1").words
    'eerste kwartaal 2021'
    >>> Periode.parse("2021-03..2021-07").words
    'maart t/m juli 2021'
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
RANGTELWOORDEN = ("eerste", "tweede", "derde", "vierde")
SEIZOENEN = {"voorjaar": 3, "zomer": 6, "najaar": 9, "winter": 12}  # first month, 3 months long
KWALIFICATIES = ("begin", "medio", "eind")

NOTATIE_HULP = (
    "gebruik bijvoorbeeld 2021-04-01, 2021-04, 2021-Q1, 2021-H1, 2021-zomer, 2021, "
    "'medio 2021' of een periode als 2021-03..2021-07"
)

_POINT = re.compile(
    r"^(?P<jaar>\d{4})"
    r"(?:-(?P<maand>\d{2})(?:-(?P<dag>\d{2}))?"
    r"|-Q(?P<kwartaal>\d)"
    r"|-H(?P<helft>\d)"
    r"|-(?P<seizoen>voorjaar|zomer|najaar|winter))?$"
)


class DateNotationError(ValueError):
    """A date notation an editor wrote that we cannot read; the message is Dutch."""


@dataclass(frozen=True)
class Periode:
    """A period from `begin` to `einde` (both inclusive) with the words it was written in."""

    notatie: str
    begin: date
    einde: date
    words: str
    precisie: str  # dag, maand, kwartaal, helft, seizoen, jaar, periode

    @classmethod
    def parse(cls, notatie: str) -> Periode:
        """Read a notation such as '2021-Q1' or 'begin 2021-Q2'; raise DateNotationError."""
        text = " ".join(str(notatie).split())
        if ".." in text:
            first, _, last = text.partition("..")
            a, b = _parse_single(first.strip()), _parse_single(last.strip())
            if b.begin < a.begin:
                raise DateNotationError(
                    f"periode '{text}' eindigt vóór ze begint; zet de vroegste datum vooraan"
                )
            return cls(text, a.begin, b.einde, _range_words(a, b), "periode")
        return _parse_single(text)

    @property
    def sort_key(self) -> tuple[date, date, str]:
        return (self.begin, self.einde, self.notatie)

    def is_past(self, today: date) -> bool:
        """True when the whole period lies before `today`."""
        return self.einde < today

    def contains(self, day: date) -> bool:
        return self.begin <= day <= self.einde


def _parse_single(text: str) -> Periode:
    written = text
    kwalificatie = None
    head, _, rest = text.partition(" ")
    if head in KWALIFICATIES and rest:
        kwalificatie, text = head, rest
    match = _POINT.match(text)
    if not match:
        if hint := suggestion(written):
            raise DateNotationError(f"onbekende datumnotatie '{written}'; bedoelde u {hint}?")
        raise DateNotationError(f"onbekende datumnotatie '{written}'; {NOTATIE_HULP}")
    jaar = int(match["jaar"])
    if match["dag"]:
        maand, dag = int(match["maand"]), int(match["dag"])
        _check_month(maand, text)
        if not 1 <= dag <= calendar.monthrange(jaar, maand)[1]:
            raise DateNotationError(f"'{text}' is geen bestaande dag")
        begin = einde = date(jaar, maand, dag)
        words, precisie = f"{dag} {MAANDEN[maand - 1]} {jaar}", "dag"
    elif match["maand"]:
        maand = int(match["maand"])
        _check_month(maand, text)
        begin, einde = _months(jaar, maand, 1)
        words, precisie = f"{MAANDEN[maand - 1]} {jaar}", "maand"
    elif match["kwartaal"]:
        kwartaal = int(match["kwartaal"])
        if not 1 <= kwartaal <= 4:
            raise DateNotationError(f"'{text}': een jaar heeft kwartaal Q1 tot en met Q4")
        begin, einde = _months(jaar, 3 * kwartaal - 2, 3)
        words, precisie = f"{RANGTELWOORDEN[kwartaal - 1]} kwartaal {jaar}", "kwartaal"
    elif match["helft"]:
        helft = int(match["helft"])
        if helft not in (1, 2):
            raise DateNotationError(f"'{text}': een jaar heeft alleen H1 en H2")
        begin, einde = _months(jaar, 6 * helft - 5, 6)
        words, precisie = f"{RANGTELWOORDEN[helft - 1]} helft {jaar}", "helft"
    elif match["seizoen"]:
        begin, einde = _months(jaar, SEIZOENEN[match["seizoen"]], 3)
        words, precisie = f"{match['seizoen']} {jaar}", "seizoen"
    else:
        begin, einde = date(jaar, 1, 1), date(jaar, 12, 31)
        words, precisie = str(jaar), "jaar"
    if kwalificatie:
        if precisie == "dag":
            raise DateNotationError(f"'{kwalificatie}' past niet bij een precieze dag ('{text}')")
        words = f"{kwalificatie} {words}"
        text = f"{kwalificatie} {text}"
    return Periode(text, begin, einde, words, precisie)


def _check_month(maand: int, text: str) -> None:
    if not 1 <= maand <= 12:
        raise DateNotationError(f"'{text}': maand moet tussen 01 en 12 liggen")


def _months(jaar: int, first: int, count: int) -> tuple[date, date]:
    last_index = jaar * 12 + first - 1 + count - 1
    last_year, last_month = divmod(last_index, 12)
    last_month += 1
    return date(jaar, first, 1), date(
        last_year, last_month, calendar.monthrange(last_year, last_month)[1]
    )


def _range_words(a: Periode, b: Periode) -> str:
    """'maart t/m juli 2021'; the year is said once when both ends share it."""
    same_year = a.begin.year == b.einde.year and a.words.endswith(str(a.begin.year))
    if same_year and b.words.endswith(str(a.begin.year)):
        head = a.words[: -len(str(a.begin.year))].strip()
        if a.precisie == b.precisie and a.precisie in ("kwartaal", "helft"):
            head = head.split()[0]  # 'tweede t/m derde kwartaal 2021'
        return f"{head} t/m {b.words}"
    return f"{a.words} t/m {b.words}"


MAAND_NUMMERS = {
    **{naam: nummer for nummer, naam in enumerate(MAANDEN, start=1)},
    **{naam[:3]: nummer for nummer, naam in enumerate(MAANDEN, start=1)},
    "mrt": 3,
    "sept": 9,
}
_MAAND = "(" + "|".join(sorted(MAAND_NUMMERS, key=len, reverse=True)) + r")\.?"
_RANG = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "1e": 1, "2e": 2, "3e": 3, "4e": 4}
_SEIZOEN = {"lente": "voorjaar", "herfst": "najaar", **{s: s for s in SEIZOENEN}}
_WRITTEN = (  # the ways people write a date in Dutch -> our notation
    (r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", lambda d, m, j: f"{j}-{int(m):02}-{int(d):02}"),
    (rf"(\d{{1,2}}) {_MAAND} (\d{{4}})", lambda d, m, j: f"{j}-{MAAND_NUMMERS[m]:02}-{int(d):02}"),
    (rf"{_MAAND} (\d{{4}})", lambda m, j: f"{j}-{MAAND_NUMMERS[m]:02}"),
    (r"(\d{1,2})[-/](\d{4})", lambda m, j: f"{j}-{int(m):02}"),
    (r"(\d{4})-(\d{1,2})-(\d{1,2})", lambda j, m, d: f"{j}-{int(m):02}-{int(d):02}"),
    (r"(\d{4})-(\d)", lambda j, m: f"{j}-{int(m):02}"),
    (r"(eerste|tweede|derde|vierde|[1-4]e) kwartaal (\d{4})", lambda r, j: f"{j}-Q{_RANG[r]}"),
    (r"q([1-4]) (\d{4})|(?:(\d{4}) ?q([1-4]))", None),
    (r"(eerste|tweede|[12]e) helft (\d{4})", lambda r, j: f"{j}-H{_RANG[r]}"),
    (r"(voorjaar|lente|zomer|najaar|herfst|winter) (\d{4})", lambda s, j: f"{j}-{_SEIZOEN[s]}"),
)
_RANGE = re.compile(r"^(.+?) (?:t/m|tot en met|tot|-|–) (.+)$")


def suggestion(text: str) -> str | None:
    """Our notation for a date written the Dutch way, when it is one: '28-10-2021' -> '2021-10-28',
    '1 april 2021' -> '2021-04-01', 'maart t/m juli 2021' -> '2021-03..2021-07'."""
    written = " ".join(text.lower().split())
    found = _point_suggestion(written)
    if found is None and (parts := _RANGE.match(written)):
        first, last = parts.groups()
        end = _point_suggestion(last)
        year = re.search(r"\d{4}$", last)
        begin = _point_suggestion(first) or (
            _point_suggestion(f"{first} {year.group(0)}") if year else None
        )
        found = f"{begin}..{end}" if begin and end else None
    if found is None:
        return None
    try:
        Periode.parse(found)
    except DateNotationError:
        return None  # '30-02-2021' looks like a date but is none; the general help is better
    return found


def _point_suggestion(written: str) -> str | None:
    if _POINT.match(written):
        return written
    head, _, rest = written.partition(" ")
    if head in KWALIFICATIES + ("half", "midden") and rest:
        inner = _point_suggestion(rest)
        qualifier = "medio" if head in ("half", "midden") else head
        return f"{qualifier} {inner}" if inner else None
    for pattern, make in _WRITTEN:
        if match := re.fullmatch(pattern, written):
            if make is None:  # Q1 2021, 2021 Q1, 2021Q1
                quarter = match.group(1) or match.group(4)
                return f"{match.group(2) or match.group(3)}-Q{quarter}"
            return make(*match.groups())
    return None


def dutch_date(day: date) -> str:
    """A day in Dutch words: date(2021, 4, 1) -> '1 april 2021'."""
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


def words_of(notatie: str | None) -> str | None:
    """A notation in words ('2021-Q1' -> 'eerste kwartaal 2021'); an unreadable one as it is."""
    if not notatie:
        return None
    try:
        return Periode.parse(notatie).words
    except DateNotationError:
        return str(notatie)
