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
    kwalificatie = None
    head, _, rest = text.partition(" ")
    if head in KWALIFICATIES and rest:
        kwalificatie, text = head, rest
    match = _POINT.match(text)
    if not match:
        raise DateNotationError(f"onbekende datumnotatie '{text}'; {NOTATIE_HULP}")
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
