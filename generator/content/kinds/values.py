"""The kinds of numbers, dates and choices: a whole number and a year, a number and an amount
in euro, a date with the precision of the text, one of a fixed set of values, yes or no."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ...base.dates import YEARS, DateNotationError, Periode
from ..load import Scalar
from ..siblings import like_siblings
from .base import INVALID, Context, Kind
from .checks import MAX_INTEGER_DIGITS, MAX_NUMBER_DIGITS, did_you_mean, shown_value


class Integer(Kind):
    description = "een geheel getal"

    def check(self, node, path, ctx):
        scalar = self._scalar(node, path, ctx, "een geheel getal")
        if scalar is None:
            return INVALID
        if not re.fullmatch(r"-?[0-9]+", scalar.value):
            found = shown_value(scalar.value)
            ctx.problem(node.location, path, f"verwacht een geheel getal, maar vond '{found}'")
            return INVALID
        if len(scalar.value.lstrip("-")) > MAX_INTEGER_DIGITS:
            ctx.problem(
                node.location,
                path,
                f"het getal heeft {len(scalar.value.lstrip('-'))} cijfers; "
                f"hoogstens {MAX_INTEGER_DIGITS} zijn toegestaan",
            )
            return INVALID
        return int(scalar.value)

    def json_schema(self):
        return {"type": "integer", "minimum": -999_999_999, "maximum": 999_999_999}

    def example(self):
        return "1"


class Jaar(Integer):
    """A year, in the range dates accept (dates.YEARS): the year of an edition."""

    description = f"een jaartal van {YEARS[0]} tot en met {YEARS[1]}"

    def check(self, node, path, ctx):
        value = super().check(node, path, ctx)
        if value is not INVALID and not YEARS[0] <= value <= YEARS[1]:
            ctx.problem(
                node.location,
                path,
                f"'{value}' is geen jaartal van een editie; gebruik een jaar van {YEARS[0]} "
                f"tot en met {YEARS[1]}",
            )
            return INVALID
        return value

    def json_schema(self):
        return {"type": "integer", "minimum": YEARS[0], "maximum": YEARS[1]}

    def example(self):
        return "2021"


class Number(Kind):
    description = "een getal, zonder punten tussen duizendtallen; decimalen met een punt (25.5)"

    def check(self, node, path, ctx):
        scalar = self._scalar(node, path, ctx, "een getal")
        if scalar is None:
            return INVALID
        text = scalar.value.strip()
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
            ctx.problem(
                node.location,
                path,
                f"'{text}' is dubbelzinnig: schrijf getallen "
                f"zonder punt tussen duizendtallen ({text.replace('.', '')})",
            )
            return INVALID
        if re.fullmatch(r"\d+,\d+", text):
            ctx.problem(
                node.location,
                path,
                f"'{text}': schrijf decimalen met een punt ({text.replace(',', '.')})",
            )
            return INVALID
        if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text):
            ctx.problem(
                node.location,
                path,
                f"verwacht een getal, maar vond '{shown_value(text)}'; "
                "schrijf alleen cijfers, zoals 50000000",
            )
            return INVALID
        digits = len(re.sub(r"[^0-9]", "", text.lstrip("-0.")))
        if digits > MAX_NUMBER_DIGITS:
            ctx.problem(
                node.location,
                path,
                f"het getal heeft {digits} cijfers; hoogstens {MAX_NUMBER_DIGITS} zijn toegestaan",
            )
            return INVALID
        number = Decimal(text)
        return int(number) if number == number.to_integral_value() else float(number)

    def json_schema(self):
        return {"type": "number"}

    def example(self):
        return "0"


class Euro(Number):
    description = "bedrag in euro als getal, zonder 'EUR' of punten: 50000000"

    def check(self, node, path, ctx):
        if isinstance(node, Scalar) and re.search(r"(?i)eur|€|miljoen|mln", node.value):
            ctx.problem(
                node.location,
                path,
                f"schrijf het bedrag als getal in euro, zonder "
                f"'EUR' of 'miljoen' (bijvoorbeeld 50000000), niet '{node.value}'",
            )
            return INVALID
        value = super().check(node, path, ctx)
        if value is not INVALID and value < 0:
            ctx.problem(node.location, path, "een bedrag kan niet negatief zijn")
            return INVALID
        return value

    def json_schema(self):
        return {"type": "number", "minimum": 0}


@dataclass
class Datum(Kind):
    """A date with the precision of the text (see dates.py); `geen` allows 'geen' (no date)."""

    geen: bool = False
    PATTERN = (
        r"^((begin|medio|eind) )?\d{4}(-(\d{2}(-\d{2})?|Q[1-4]|H[12]|voorjaar|zomer|najaar"
        r"|winter))?(\.\.((begin|medio|eind) )?\d{4}(-(\d{2}(-\d{2})?|Q[1-4]|H[12]|voorjaar"
        r"|zomer|najaar|winter))?)?$"
    )

    def __post_init__(self):
        self.description = (
            "datum met de precisie van de tekst: 2021-04-01, 2021-04, 2021-Q1, 2021-H1, "
            "2021-zomer, 2021, 'medio 2021', 'begin 2021-Q2' of 2021-03..2021-07"
            + (", of 'geen' als de handreiking geen datum noemt" if self.geen else "")
        )

    def check(self, node, path, ctx):
        scalar = self._scalar(node, path, ctx, "een datum")
        if scalar is None:
            return INVALID
        try:
            return Periode.parse(scalar.value, geen=self.geen)
        except DateNotationError as error:
            ctx.problem(node.location, path, str(error))
            return INVALID

    def written(self, value):
        return value.notatie

    def json_schema(self):
        pattern = self.PATTERN.replace("^(", "^(geen$|(", 1) + ")" if self.geen else self.PATTERN
        return {"type": ["string", "integer"], "pattern": pattern}

    def example(self):
        return "2021-Q1"


@dataclass
class Enum(Kind):
    """One of a fixed set of values, each with the Dutch words a reader sees for it."""

    labels: dict[str, str] = field(default_factory=dict)  # value -> label, in schema order

    def __post_init__(self):
        self.description = "een van: " + ", ".join(self.values)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(self.labels)

    def check(self, node, path, ctx):
        scalar = self._scalar(node, path, ctx, "een van " + ", ".join(self.values))
        if scalar is None:
            return INVALID
        if scalar.value not in self.values:
            ctx.problem(
                node.location,
                path,
                f"'{scalar.value}' is geen toegestane waarde; "
                f"kies uit {', '.join(self.values)}{self._hint(scalar.value, path, ctx)}",
            )
            return INVALID
        return scalar.value

    def _hint(self, wrong: str, path: str, ctx: Context) -> str:
        """A typo first ('beschikbar'), then what comparable records use ('kamerbrief')."""
        if typo := did_you_mean(wrong, self.values, cutoff=0.8):
            return typo
        if found := like_siblings(wrong, self.values, path, ctx.source):
            value, example = found
            return f" (bedoelde u '{value}'? Dat staat bij vergelijkbare items" + (
                f", zoals '{example}')" if example else ")"
            )
        return did_you_mean(wrong, self.values)

    def json_schema(self):
        return {"type": "string", "enum": list(self.values)}

    def example(self):
        return self.values[0]


class JaNee(Kind):
    """Yes or no, written 'ja' or 'nee'; the checked value is that word, the model's a bool."""

    description = "ja of nee"
    WORDS = {"ja": True, "nee": False}

    def check(self, node, path, ctx):
        scalar = self._scalar(node, path, ctx, "ja of nee")
        if scalar is None:
            return INVALID
        word = scalar.value.strip().lower()
        if word not in self.WORDS:
            ctx.problem(node.location, path, f"schrijf ja of nee, niet '{scalar.value}'")
            return INVALID
        return word

    def build(self, value):
        return self.WORDS[value]

    def written(self, value):
        return "ja" if value else "nee"

    def json_schema(self):
        return {"type": "string", "enum": list(self.WORDS)}

    def example(self):
        return "ja"
