"""Dates with a stated precision, as the handreiking writes them.

The handreiking speaks in days ("1 april 2021"), months, quarters, halves, seasons, years,
qualified periods ("medio 2021") and ranges ("maart t/m juli 2021"). A `Periode` keeps that
precision: it is the whole period the text allows, shown back in the same Dutch words.

"begin", "medio" and "eind" are precisions of their own, each one defined period (QUALIFIED,
documented in docs/content-format.md): eind 2021 is October to December, medio 2021 June to
July, begin tweede kwartaal 2021 is April. A mijlpaal of which the handreiking gives no date
is written `geen` ("geen datum genoemd"): it has no period, is never past and is not drawn.

    >>> Periode.parse("2021-Q1").words
    'eerste kwartaal 2021'
    >>> Periode.parse("2021-03..2021-07").words
    'maart t/m juli 2021'

One module of some 470 lines on purpose: parsing a notation, its period, its Dutch words and
the hedges (`Termijn`) are one vocabulary that every stage reads, and each part is small.
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
# Which part of a period a qualifier means, by the period's length in months: (first month,
# number of months) counted from 1. A month's parts are days: 1-10, 11-20, 21 to the end.
QUALIFIED = {
    12: {"begin": (1, 3), "medio": (6, 2), "eind": (10, 3)},  # a year
    6: {"begin": (1, 2), "medio": (3, 2), "eind": (5, 2)},  # a half year
    3: {"begin": (1, 1), "medio": (2, 1), "eind": (3, 1)},  # a quarter or a season
}
MONTH_PARTS = {"begin": (1, 10), "medio": (11, 20), "eind": (21, 31)}  # days, capped at the end
GEEN = "geen"  # the notation of a mijlpaal without a date in the handreiking
GEEN_WORDS = "geen datum genoemd"
PRECISIES = (  # every value of Periode.precisie
    "dag",
    "maand",
    "kwartaal",
    "helft",
    "seizoen",
    "jaar",
    *(f"{q} {p}" for p in ("maand", "kwartaal", "helft", "seizoen", "jaar") for q in KWALIFICATIES),
    "periode",
    GEEN,
)
YEARS = (1900, 2100)  # a year outside this range is a typing error

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
    begin: date | None  # None: no date (precisie 'geen')
    einde: date | None
    words: str
    precisie: str  # one of PRECISIES: 'dag', 'eind jaar', 'periode', 'geen', ...

    @classmethod
    def parse(cls, notatie: str, geen: bool = False) -> Periode:
        """Read a notation such as '2021-Q1' or 'begin 2021-Q2'; raise DateNotationError.

        With `geen`, the notation 'geen' is a period without a date ('geen datum genoemd').
        """
        text = " ".join(str(notatie).split())
        if text == GEEN:
            if not geen:
                raise DateNotationError(
                    "hier is een datum nodig; 'geen' kan alleen bij een mijlpaal"
                )
            return cls(GEEN, None, None, GEEN_WORDS, GEEN)
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
        """By start, then end; a period without a date after every dated one."""
        return (self.begin or date.max, self.einde or date.max, self.notatie)

    @property
    def dated(self) -> bool:
        return self.begin is not None

    def is_past(self, today: date) -> bool:
        """True when the whole period lies before `today` (never for one without a date)."""
        return self.einde is not None and self.einde < today

    def contains(self, day: date) -> bool:
        return self.begin is not None and self.begin <= day <= self.einde

    @property
    def span_words(self) -> str:
        """The days the period covers, in words: 'oktober t/m december 2021', '1 april 2021'."""
        if self.begin is None:
            return self.words
        if self.begin == self.einde:
            return dutch_date(self.begin)
        return _span_words(self.begin, self.einde)


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
    if not YEARS[0] <= jaar <= YEARS[1]:
        raise DateNotationError(
            f"'{text}': het jaar {jaar} ligt niet tussen {YEARS[0]} en {YEARS[1]}; is het een "
            "tikfout?"
        )
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
        if match["seizoen"] == "winter" and jaar == YEARS[1]:
            raise DateNotationError(f"'{text}': de winter van {jaar} loopt door na {YEARS[1]}")
        begin, einde = _months(jaar, SEIZOENEN[match["seizoen"]], 3)
        words, precisie = f"{match['seizoen']} {jaar}", "seizoen"
    else:
        begin, einde = date(jaar, 1, 1), date(jaar, 12, 31)
        words, precisie = str(jaar), "jaar"
    if kwalificatie:
        if precisie == "dag":
            raise DateNotationError(f"'{kwalificatie}' past niet bij een precieze dag ('{text}')")
        begin, einde = _part(kwalificatie, begin, einde)
        words = f"{kwalificatie} {words}"
        text = f"{kwalificatie} {text}"
        precisie = f"{kwalificatie} {precisie}"
    return Periode(text, begin, einde, words, precisie)


def _part(kwalificatie: str, begin: date, einde: date) -> tuple[date, date]:
    """The part of [begin, einde] that 'begin', 'medio' or 'eind' means (see QUALIFIED)."""
    months = (einde.year - begin.year) * 12 + einde.month - begin.month + 1
    if months == 1:
        first, last = MONTH_PARTS[kwalificatie]
        last = min(last, calendar.monthrange(begin.year, begin.month)[1])
        return begin.replace(day=first), begin.replace(day=last)
    first, count = QUALIFIED[months][kwalificatie]
    index = begin.year * 12 + begin.month - 1 + first - 1
    return _months(index // 12, index % 12 + 1, count)


def _span_words(begin: date, einde: date) -> str:
    """'oktober t/m december 2021' for whole months, else '1 t/m 10 april 2021' style days."""
    whole = begin.day == 1 and einde.day == calendar.monthrange(einde.year, einde.month)[1]
    if whole:
        first = MAANDEN[begin.month - 1] + ("" if begin.year == einde.year else f" {begin.year}")
        last = f"{MAANDEN[einde.month - 1]} {einde.year}"
        return (
            last
            if (begin.year, begin.month) == (einde.year, einde.month)
            else f"{first} t/m {last}"
        )
    if (begin.year, begin.month) == (einde.year, einde.month):
        return f"{begin.day} t/m {einde.day} {MAANDEN[einde.month - 1]} {einde.year}"
    return f"{dutch_date(begin)} t/m {dutch_date(einde)}"


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
        return Periode.parse(notatie, geen=True).words
    except DateNotationError:
        return str(notatie)


def one_year_after(day: date) -> date:
    """The same day a year later (28 February for 29 February): security.txt's Expires, and
    when the next edition is due (the handreiking is updated at least yearly)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


# What the text says about a date besides its precision (issue 22): how certain it is, and
# what kind of moment it is. The values are the content's (model/ declares them); the words
# are what every surface shows. Only a deadline the text states is called "uiterlijk".
ZEKERHEDEN = {  # value -> the words before the date; 'vast': the text states it without hedge
    "vast": "",
    "verwacht": "naar verwachting",
    "beoogd": "beoogd",
    "gepland": "gepland",
}
SOORTEN = ("moment", "periode", "uiterlijk", "voor", "opening")
_OPENING_BIJVOEGLIJK = {
    "vast": "",
    "verwacht": "verwachte ",
    "beoogd": "beoogde ",
    "gepland": "geplande ",
}


@dataclass(frozen=True)
class Termijn:
    """A date as the text says it: its period (with its precision), what kind of moment it is
    and how certain (issue 22).

    soort: 'moment' (it happens once, somewhere in the period: '2021-Q2..2021-Q3' is "tweede
    of derde kwartaal"), 'periode' (it runs through the period: "maart t/m juli 2021"),
    'uiterlijk' (a deadline the text states: "uiterlijk 1 april 2021"), 'voor' ("vóór 1 april
    2021") or 'opening' (it opens then and runs on: it has no end date). None reads as a
    moment for one date and as a period for a range, as the site always showed them.
    zekerheid: 'vast', 'verwacht', 'beoogd', 'gepland', or None (not recorded: no words).

        >>> Termijn(Periode.parse("2021-04"), None, "verwacht").words
        'naar verwachting april 2021'
        >>> Termijn(Periode.parse("2021-Q2..2021-Q3"), "opening", "gepland").words
        'geplande opening in het tweede of derde kwartaal 2021'
    """

    periode: Periode
    soort: str | None = None
    zekerheid: str | None = None

    @property
    def dated(self) -> bool:
        return self.periode.dated

    @property
    def is_opening(self) -> bool:
        return self.soort == "opening"

    @property
    def is_range(self) -> bool:
        return self.periode.precisie == "periode"

    @property
    def begin(self) -> date | None:
        """The first day it can happen or begin."""
        return self.periode.begin

    @property
    def einde(self) -> date | None:
        """The last day it runs or can happen; None for an opening, which has no end."""
        return None if self.is_opening else self.periode.einde

    def is_past(self, today: date) -> bool:
        """True when the whole period in which it happens (or runs) lies before `today`; an
        opening is past when its moment is, though what it opened has no end."""
        return self.periode.is_past(today)

    @property
    def datum_words(self) -> str:
        """The date in words by its kind, without its certainty: 'tweede of derde kwartaal
        2021' (a moment), 'uiterlijk 1 april 2021', 'opening in april 2021'."""
        p = self.periode
        if not p.dated:
            return p.words
        if self.soort == "uiterlijk":
            return f"uiterlijk {p.words}"
        if self.soort == "voor":
            return f"vóór {p.words}"
        if self.soort == "opening":
            return f"opening {_in_words(p)}"
        if self.soort == "moment" and self.is_range:
            return _either_words(p)
        return p.words

    @property
    def words(self) -> str:
        """The date as the text says it: 'naar verwachting april 2021', 'beoogd begin tweede
        kwartaal 2021', 'geplande opening in het tweede of derde kwartaal 2021'."""
        if not self.dated:
            return self.periode.words
        zekerheid = self.zekerheid or "vast"
        if self.soort == "opening":
            return _OPENING_BIJVOEGLIJK[zekerheid] + self.datum_words
        lead = ZEKERHEDEN[zekerheid]
        return f"{lead} {self.datum_words}" if lead else self.datum_words

    @property
    def hedged(self) -> bool:
        """The text hedges the date (naar verwachting, beoogd, gepland)."""
        return (self.zekerheid or "vast") != "vast"


def _in_words(p: Periode) -> str:
    """The period after 'in': 'in april 2021', 'op 1 april 2021', 'in het eerste kwartaal
    2021', 'begin tweede kwartaal 2021', 'in het tweede of derde kwartaal 2021'."""
    if p.precisie == "periode":
        either = _either_words(p)
        return either if either.startswith("tussen ") else "in " + _article(either)
    if p.precisie == "dag":
        return f"op {p.words}"
    if p.precisie.split()[0] in KWALIFICATIES:
        return p.words
    return "in " + _article(p.words)


def _article(words: str) -> str:
    """'eerste kwartaal 2021' -> 'het eerste kwartaal 2021'; 'zomer 2021' -> 'de zomer 2021'."""
    if " kwartaal " in f" {words} ":
        return "het " + words
    if " helft " in f" {words} " or words.split()[0] in SEIZOENEN:
        return "de " + words
    return words


def _either_words(p: Periode) -> str:
    """A moment somewhere in a range: 'tweede of derde kwartaal 2021' for two neighbouring
    quarters, halves, months or seasons; otherwise 'tussen maart en juli 2021'."""
    first, _, last = p.notatie.partition("..")
    a, b = _parse_single(first.strip()), _parse_single(last.strip())
    neighbours = a.precisie == b.precisie and (b.begin - a.einde).days == 1
    words = _range_words(a, b)
    if neighbours:
        return words.replace(" t/m ", " of ", 1)
    head, _, tail = words.partition(" t/m ")
    return f"tussen {head} en {tail}"
