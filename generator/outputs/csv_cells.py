"""How the open data's CSV files are written: cells, columns and the file itself.

Written so that a spreadsheet opens every file right with its default settings, in a Dutch
locale (LibreOffice's Text Import ticks comma, semicolon and tab; Excel double-clicked splits
on ';'):

- every field is quoted, so no comma, semicolon or tab inside a cell splits it;
- each column holds one type: `tekst`, `getal` (no thousands separator, a decimal comma) or
  `datum` (ISO 8601, YYYY-MM-DD, which both read as a date);
- a text a spreadsheet would read as something else (a number or date such as '2021',
  '2021-04' or '6.2', a month and year, a formula, a truth value) starts with an apostrophe
  that is not part of the value; a text that starts with an apostrophe itself gets one more.
  So every text cell reads back as text, and a program strips one leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..content.model import Handreiking

LIST_SEPARATOR = " | "
TEXT, NUMBER, DATE = "tekst", "getal", "datum"
TYPE_HELP = {
    TEXT: "tekst",
    NUMBER: "getal",
    DATE: "datum, JJJJ-MM-DD",
}
MONTHS = "jan|feb|mrt|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec"
# What a spreadsheet would not keep as text: a formula or what OWASP counts as one (= + - @,
# tab, CR), a number or date (a digit, a sign, a decimal mark or currency first; a month name
# and a number: 'april 2021'), a truth value, a leading space, or our own escape, the apostrophe.
NOT_TEXT = re.compile(
    rf"""[\s=+\-@'’\d.,(€$%#]
    | (?:{MONTHS})[a-z]*\.?[\s/-]*\d
    | (?:waar|onwaar|true|false)$""",
    re.IGNORECASE | re.VERBOSE,
)


class Dialect(csv.Dialect):
    """The CSV dialect of every file: ';' as Dutch Excel expects, every field quoted (so a
    comma or tab inside a cell never splits it in LibreOffice), RFC 4180 quotes and CRLF."""

    delimiter = ";"
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_ALL


@dataclass(frozen=True)
class Column:
    """A CSV column: its header, what it holds (shown on the open-data page), its value and
    its type (TEXT, NUMBER or DATE)."""

    name: str
    uitleg: str
    get: Callable[[Any], Any]
    type: str = TEXT

    @property
    def soort(self) -> str:
        return TYPE_HELP[self.type]


@dataclass(frozen=True)
class Table:
    """One CSV file: a row per record."""

    file: str
    titel: str
    uitleg: str
    columns: tuple[Column, ...]
    rows: Callable[[Handreiking], Iterable[Any]]


def joined(values: Iterable[str]) -> str:
    """A list in one cell: ['bzk', 'coa'] -> 'bzk | coa'."""
    return LIST_SEPARATOR.join(values)


def plain_number(value: int | float | None) -> str:
    """A number as Dutch spreadsheets read it: no thousands separator, decimal comma."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return repr(value).replace(".", ",")
    return str(int(value))


def text_cell(value: str) -> str:
    """A text as a cell every spreadsheet keeps as that text: '2021' -> "'2021"."""
    return "'" + value if NOT_TEXT.match(value) else value


def text_value(cell: str) -> str:
    """A text cell read back as its value, the inverse of text_cell: "'2021" -> '2021'."""
    return cell[1:] if cell.startswith("'") else cell


def cell(column: Column, row: Any) -> str:
    """The written cell of `column` in `row`; an empty value is an empty cell."""
    value = column.get(row)
    if value is None or value == "":
        return ""
    if column.type == NUMBER:
        return plain_number(value)
    if column.type == DATE:
        return value.isoformat()
    return text_cell(str(value))


def csv_bytes(table: Table, h: Handreiking) -> bytes:
    """One CSV file: UTF-8 with a byte order mark, so Excel sees the encoding."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect=Dialect)
    writer.writerow([c.name for c in table.columns])
    for row in table.rows(h):
        writer.writerow([cell(c, row) for c in table.columns])
    return out.getvalue().encode("utf-8-sig")
