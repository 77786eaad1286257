"""Kinds of values in the content: each reads a located node and describes itself as JSON Schema.

A kind records a located Dutch problem for a value that does not fit and returns INVALID; it
never raises for bad content. `Record` is the kind of a block of named fields.

This package's public names are imported from here (`from generator.content.kinds import
Text`); they live in one module per concern, each importing its siblings directly:

    checks.py      text-level checks: the patterns and limits, url_problem, where in the file
                   a character of a value stands (locate_character), code spans, hints
    base.py        Kind, the Context a check reports to, INVALID
    text.py        text kinds: Text, Markdown, Slug, Ref (and TARGET_FILES), Sectie, Email, Url
    values.py      numbers, dates and choices: Integer, Jaar, Number, Euro, Datum, Enum, JaNee
    compound.py    kinds made of kinds: Record (with its Field), ListOf, the maps per field
                   (PerVeld, Redenen); and the registry of declared records
    toekenning.py  an organisatie assigned with its provenance: Toekenning, Toegekend
    declare.py     declaring a record on its model dataclass: content(), record(),
                   RESERVED_FIELDS, ADDRESSED
"""

from .base import INVALID, Context, Kind
from .checks import (
    CONTROL,
    EMAIL,
    MAX_ID,
    SCRIPT_URL,
    SLUG,
    locate_character,
)
from .compound import UNDERIVABLE, Field, ListOf, PerVeld, Record, Redenen
from .declare import ADDRESSED, RESERVED_FIELDS, content, record
from .text import Email, Markdown, Ref, Sectie, Slug, Text, Url
from .toekenning import Toegekend, Toekenning
from .values import Datum, Enum, Euro, Integer, Jaar, JaNee, Number

__all__ = [
    "ADDRESSED",
    "CONTROL",
    "EMAIL",
    "INVALID",
    "MAX_ID",
    "RESERVED_FIELDS",
    "SCRIPT_URL",
    "SLUG",
    "UNDERIVABLE",
    "Context",
    "Datum",
    "Email",
    "Enum",
    "Euro",
    "Field",
    "Integer",
    "JaNee",
    "Jaar",
    "Kind",
    "ListOf",
    "Markdown",
    "Number",
    "PerVeld",
    "Record",
    "Redenen",
    "Ref",
    "Sectie",
    "Slug",
    "Text",
    "Toegekend",
    "Toekenning",
    "Url",
    "content",
    "locate_character",
    "record",
]
