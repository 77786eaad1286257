"""A declared field's CSV columns, as its Kind writes it: a date gives its notation, its
words and its first and last day; an enum its value and its words; a list of ids one cell;
any other value one cell of its type. The field's help text explains them on the open-data
page. Which fields a file shows, and in which order, is `csv_tables`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..base.dates import Termijn
from ..content.kinds import (
    Datum,
    Enum,
    Euro,
    Field,
    Integer,
    Kind,
    ListOf,
    Number,
    Record,
    Toekenning,
)
from .csv_cells import DATE, NUMBER, TEXT, Column, joined


def _numeric(kind: Kind) -> bool:
    return isinstance(kind, Number | Euro | Integer)


def field_columns(
    record: Record,
    key: str,
    *,
    name: str | None = None,
    of: Callable[[Any], Any] = lambda row: row,
    named: tuple[str, str, Callable[[str], str]] | None = None,
) -> tuple[Column, ...]:
    """The columns of one field of `record`, as its Kind writes it.

    `of` finds the object that holds the field in a row (None: the cells are empty); `name`
    is the header when it differs from the key; `named` adds a column with a readable name
    per id: (suffix, explanation, id -> name).
    """
    source = _FieldCells(record, key, name or key, of)
    kind = source.field.kind
    if isinstance(kind, Datum):
        return _date_columns(source)
    if isinstance(kind, Enum):
        return _enum_columns(source, kind)
    return _value_columns(source, kind, named)


@dataclass(frozen=True)
class _FieldCells:
    """One field of `record` as a table reads it: `of` finds the object that holds it in a
    row, `header` names its (first) column."""

    record: Record
    key: str
    header: str
    of: Callable[[Any], Any]

    @property
    def field(self) -> Field:
        return self.record.field(self.key)

    @property
    def help(self) -> str:
        return self.field.help.rstrip(".")

    def value(self, row: Any) -> Any:
        holder = self.of(row)
        return None if holder is None else getattr(holder, self.key)

    def part(self, get: Callable[[Any], Any]) -> Callable[[Any], Any]:
        """`get` of the field's value in a row; no value, no cell."""
        return lambda row: None if (v := self.value(row)) is None else get(v)


def _date_columns(source: _FieldCells) -> tuple[Column, ...]:
    # Issue 22: a date as the text says it; its kind and certainty are the record's
    # `<key>_soort` and `<key>_zekerheid` (their own columns), and an opening has no end.
    key, header, label, part = source.key, source.header, source.field.label, source.part
    hedged = source.record.has(f"{key}_soort")

    def termijn(row: Any) -> Termijn | None:
        holder, periode = source.of(row), source.value(row)
        if periode is None:
            return None
        extra = (getattr(holder, f"{key}_{x}", None) for x in ("soort", "zekerheid"))
        return Termijn(periode, *extra)

    return (
        Column(
            header, f"{source.help}; in de notatie van de handreiking", part(lambda p: p.notatie)
        ),
        Column(
            f"{header}_woorden",
            f"{label} in woorden"
            + (
                ", zoals de tekst het zegt: met 'naar verwachting', 'beoogd', 'gepland', "
                "'uiterlijk' of 'opening'"
                if hedged
                else ""
            ),
            lambda row: (t := termijn(row)) and t.words,
        ),
        Column(f"{header}_begin", f"{label}: de eerste dag", part(lambda p: p.begin), DATE),
        Column(
            f"{header}_einde",
            f"{label}: de laatste dag (tot en met)"
            + ("; leeg bij een opening, want die heeft geen einddatum" if hedged else ""),
            lambda row: (t := termijn(row)) and t.einde,
            DATE,
        ),
    )


def _enum_columns(source: _FieldCells, kind: Enum) -> tuple[Column, ...]:
    header = source.header
    return (
        Column(header, f"{source.help}: {', '.join(kind.values)}", source.value),
        Column(
            f"{header}_omschrijving",
            f"{source.field.label} in woorden",
            source.part(kind.labels.get),
        ),
    )


def _value_columns(
    source: _FieldCells, kind: Kind, named: tuple[str, str, Callable[[str], str]] | None
) -> tuple[Column, ...]:
    header, part = source.header, source.part
    columns = [
        Column(
            header,
            source.help,
            part(joined) if isinstance(kind, ListOf) else part(kind.written),
            NUMBER if _numeric(kind) else TEXT,
        )
    ]
    if isinstance(kind, ListOf) and isinstance(kind.item, Toekenning):
        columns.append(
            Column(
                f"{header}_afgeleid",
                "Welke daarvan de redactie heeft afgeleid (de handreiking noemt ze hier niet), "
                "met de reden: 'id: reden'",
                part(lambda items: joined(f"{i}: {i.afgeleid}" for i in items if i.afgeleid)),
            )
        )
        columns.append(
            Column(
                f"{header}_genoemd",
                "Welke daarvan de handreiking in een andere paragraaf noemt, met die paragraaf: "
                "'id: paragraaf'",
                part(lambda items: joined(f"{i}: {i.genoemd}" for i in items if i.genoemd)),
            )
        )
    if named:
        suffix, explanation, to_name = named
        if isinstance(kind, ListOf):
            columns.append(
                Column(header + suffix, explanation, part(lambda ids: joined(map(to_name, ids))))
            )
        else:
            columns.append(Column(header + suffix, explanation, part(to_name)))
    return tuple(columns)
