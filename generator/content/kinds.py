"""Kinds of values in the content: each reads a located node and describes itself as JSON Schema.

A kind records a located Dutch problem for a value that does not fit and returns INVALID; it
never raises for bad content. `Record` is the kind of a block of named fields.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import functools
import html
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from ..base.dates import YEARS, DateNotationError, Periode
from ..base.problems import Location, Problem
from ..base.urls import content_folder
from . import markup
from .characters import find_hidden, nfc
from .limits import text_problem
from .load import Mapping, Node, Scalar, Sequence, Source
from .siblings import like_siblings

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SECTIE = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{1,3}){0,5}$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>?")
INVALID = object()  # returned by a kind when the value could not be read
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
# What a URL may hold (RFC 3986), and any letter outside ASCII; no '[', ']' (IPv6 hosts).
URL_CHARACTERS = re.compile(r"^[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%\u00a0-\U0010ffff]+$")
HOST = re.compile(r"^(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,63}\.?(?::[0-9]{1,5})?$")


@dataclass
class Context:
    """What a check needs besides the node: where it is, and where to put what it finds."""

    source: Source
    problems: list[Problem]
    ids: list[tuple[str, str, Location, str]] = field(default_factory=list)  # kind, id, at, path
    refs: list[tuple[str, str, Location, str]] = field(default_factory=list)
    links: list[tuple[str, str, Location, str]] = field(default_factory=list)  # folder, target

    def problem(self, location: Location, path: str, message: str) -> None:
        prefix = f"{path}: " if path else ""
        self.problems.append(Problem(location, prefix + message))


class Kind:
    """A kind of value; subclasses read a node and describe themselves as JSON Schema."""

    description = ""

    def check(self, node: Node, path: str, ctx: Context) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError

    def example(self) -> str:
        return "..."

    def build(self, value: Any) -> Any:
        """The model's value for a checked value (records become their dataclass)."""
        return value

    def written(self, value: Any) -> Any:
        """A model value as the content files write it: the inverse of `build` (open data)."""
        return value

    def _scalar(self, node: Node, path: str, ctx: Context, expected: str) -> Scalar | None:
        if isinstance(node, Scalar) and (node.value != "" or node.quoted):
            hidden = find_hidden(node.value)
            if hidden is None:
                return node
            at = locate_character(node, hidden.offset, ctx.source)
            ctx.problem(at or node.location, path, hidden.message(at.column if at else None))
            return None
        found = {Mapping: "een blok met velden", Sequence: "een lijst"}.get(type(node), "niets")
        ctx.problem(node.location, path, f"verwacht {expected}, maar vond {found}")
        return None


class Text(Kind):
    script_urls_are_text = True  # Markdown reports them as links first

    def __init__(self, single_line: bool = True):
        self.single_line = single_line

    def check(self, node, path, ctx):
        scalar = self._scalar(node, path, ctx, "tekst")
        if scalar is None:
            return INVALID
        value = scalar.value.strip()
        if not value:
            ctx.problem(node.location, path, "tekst mag niet leeg zijn")
            return INVALID
        if (too_long := text_problem(value)) is not None:
            offset, message = too_long
            ctx.problem(
                _locate_in_scalar(scalar, offset + _lead(scalar), ctx.source), path, message
            )
            return INVALID
        if self._has_html(scalar, path, ctx):
            return INVALID
        if self.script_urls_are_text and _has_script_url(scalar, path, ctx):
            return INVALID
        control = CONTROL.search(value)
        if control:
            ctx.problem(
                _locate_in_scalar(scalar, scalar.value.find(control.group(0)), ctx.source),
                path,
                f"de tekst bevat een onzichtbaar stuurteken (U+{ord(control.group(0)):04X}); "
                "verwijder het",
            )
            return INVALID
        if self.single_line and "\n" in value:
            ctx.problem(node.location, path, "verwacht één regel tekst, zonder regelovergang")
            return INVALID
        return nfc(value)

    def json_schema(self):
        return {"type": "string", "minLength": 1, "not": {"pattern": HTML.pattern}}

    def _has_html(self, scalar: Scalar, path: str, ctx: Context) -> bool:
        return _has_html(scalar, path, ctx)


class Markdown(Text):
    description = "Markdown-tekst (kopjes, lijstjes, **vet**, [links](https://...)); geen HTML"
    script_urls_are_text = False

    def _has_html(self, scalar: Scalar, path: str, ctx: Context) -> bool:
        """HTML outside code, as the renderer reads the Markdown (code may show a tag)."""
        found = markup.html_outside_code(scalar.value)
        finder = _Finder(scalar, ctx.source)
        for tag in found:
            ctx.problem(
                finder.locate(tag),
                path,
                f"HTML is niet toegestaan in de tekst (gevonden: '{tag[:30]}'); "
                "gebruik Markdown, of zet een letterlijk '<' tussen `backticks`",
            )
        return bool(found)

    def __init__(self):
        super().__init__(single_line=False)

    def check(self, node, path, ctx):
        value = super().check(node, path, ctx)
        if value is INVALID:
            return value
        # The links as the renderer will see them (markup.py): a reference definition in a
        # list or a quote is found as surely as an inline link.
        finder = _Finder(node, ctx.source)
        for problem in markup.link_problems(value):
            at = (
                finder.locate(problem.target)
                if problem.offset is None
                else _locate_in_scalar(node, problem.offset + _lead(node), ctx.source)
            )
            ctx.problem(at, path, problem.message)
            value = INVALID
        if value is not INVALID and _has_script_url(node, path, ctx):
            value = INVALID
        if value is not INVALID:
            folder = content_folder(ctx.source.path)
            finder = _Finder(node, ctx.source)
            for target in markup.internal_links(value):
                ctx.links.append((folder, target, finder.locate(target), path))
        return value


class Slug(Kind):
    description = "kleine letters, cijfers en koppeltekens, bijvoorbeeld 'tussenvoorzieningen'"

    def check(self, node, path, ctx):
        scalar = self._scalar(node, path, ctx, "een id")
        if scalar is None:
            return INVALID
        if len(scalar.value) > MAX_ID:
            ctx.problem(
                node.location,
                path,
                f"het id is {len(scalar.value)} tekens lang; een id mag hoogstens {MAX_ID} tekens "
                "zijn (het wordt deel van een webadres)",
            )
            return INVALID
        if scalar.value != scalar.value.strip() or CONTROL.search(scalar.value):
            ctx.problem(
                node.location,
                path,
                f"het id '{_shown(scalar.value)}' begint of eindigt met een spatie, tab of "
                "regeleinde; haal die weg (een id is deel van een webadres)",
            )
            return INVALID
        if not SLUG.fullmatch(scalar.value):
            suggestion = re.sub(r"[^a-z0-9]+", "-", scalar.value.lower()).strip("-")[:MAX_ID]
            ctx.problem(
                node.location,
                path,
                f"'{_shown(scalar.value)}' is geen geldig id: gebruik "
                f"alleen kleine letters, cijfers en koppeltekens (bijvoorbeeld "
                f"'{suggestion or 'mijn-id'}')",
            )
            return INVALID
        return scalar.value

    def json_schema(self):
        return {"type": "string", "pattern": SLUG.pattern, "maxLength": MAX_ID}

    def example(self):
        return "nieuw-id"


@dataclass
class Ref(Slug):
    """An id of another record; `validate` checks that it exists."""

    target: str = ""

    def __post_init__(self):
        self.description = f"id van een {self.target} (zie {TARGET_FILES[self.target]})"

    def check(self, node, path, ctx):
        value = super().check(node, path, ctx)
        if value is not INVALID:
            ctx.refs.append((self.target, value, node.location, path))
        return value

    def example(self):
        return f"id-van-{self.target}"


class Toegekend(str):
    """An organisatie id as a fact of a record, knowing where the fact comes from.

    It *is* the id: it compares, hashes, joins and prints as 'bzk', so every lookup and list
    that takes an id takes it. Besides, `afgeleid` holds the editors' reason when the
    handreiking does not name this organisatie here (the fact is inferred), and `genoemd` the
    paragraph that names it when that is not the record's own.
    """

    afgeleid: str | None
    genoemd: str | None

    def __new__(cls, id_: str, afgeleid: str | None = None, genoemd: str | None = None):
        value = super().__new__(cls, id_)
        value.afgeleid, value.genoemd = afgeleid, genoemd
        return value


@dataclass
class Toekenning(Kind):
    """An organisatie as eindverantwoordelijke: its id (the handreiking names it in this
    record's paragraph), or a block that says where it comes from:

        - organisatie: jenv
          afgeleid: De handreiking noemt geen eindverantwoordelijke; JenV werkt het uit.
        - organisatie: coa
          genoemd: "5.1"
    """

    target: str = "organisatie"

    def __post_init__(self):
        self.ref = Ref(target=self.target)
        self.block = Record(
            name="toekenning",
            fields=(
                Field("organisatie", self.ref, "Organisatie", "De organisatie", True),
                Field(
                    "afgeleid",
                    Text(single_line=False),
                    "Afgeleid",
                    "Waarom de redactie deze organisatie noemt, als de handreiking dat hier "
                    "niet doet",
                ),
                Field(
                    "genoemd",
                    Sectie(),
                    "Genoemd in",
                    "De paragraaf die de organisatie noemt, als dat een andere is",
                ),
            ),
        )
        self.description = (
            f"{self.ref.description}, of een blok met 'organisatie:' en 'afgeleid: <reden>' "
            "(de handreiking noemt haar hier niet) of 'genoemd: <paragraaf>'"
        )

    def check(self, node, path, ctx):
        if not isinstance(node, Mapping):
            return self.ref.check(node, path, ctx)
        value = self.block.check(node, path, ctx)
        if value is INVALID or "organisatie" not in value:
            return INVALID
        given = [key for key in ("afgeleid", "genoemd") if key in node.items]
        if len(given) != 1:
            ctx.problem(
                node.location,
                path,
                "schrijf bij deze organisatie 'afgeleid: <waarom>' (de handreiking noemt haar "
                "hier niet) of 'genoemd: <paragraaf>', één van beide; of alleen de id als de "
                "handreiking haar in deze paragraaf noemt",
            )
            return INVALID
        return value

    def build(self, value):
        if isinstance(value, str):
            return Toegekend(value)
        return Toegekend(value["organisatie"], value.get("afgeleid"), value.get("genoemd"))

    def written(self, value):
        if not (value.afgeleid or value.genoemd):
            return str(value)
        extra = {"afgeleid": value.afgeleid} if value.afgeleid else {"genoemd": value.genoemd}
        return {"organisatie": str(value), **extra}

    def json_schema(self):
        block = self.block.definition()
        block["oneOf"] = [{"required": ["afgeleid"]}, {"required": ["genoemd"]}]
        return {"anyOf": [self.ref.json_schema(), block]}

    def example(self):
        return self.ref.example()


UNDERIVABLE = ("id", "afgeleid", "vorige_ids")  # fields no editor infers from the text


@dataclass
class PerVeld(Kind):
    """A value per field of this record: {status: ...}; `Record.check` makes sure every key is
    a field the record has. `Redenen` (why a field is inferred) and the sources of single
    fields (`bronvermelding`) are such maps."""

    item: Kind = None
    what: str = ""  # 'een reden', 'een bron met vindplaats': what each field gets, in Dutch

    def __post_init__(self):
        self.description = f"per veld {self.what}: veldnaam: ..."

    def check(self, node, path, ctx):
        if not isinstance(node, Mapping):
            ctx.problem(node.location, path, f"verwacht per veld een regel 'veldnaam: {self.what}'")
            return INVALID
        values: dict[str, Any] = {"_loc": {}}
        for key, (key_location, child) in node.items.items():
            value = self.item.check(child, f"{path}.{key}", ctx)
            values["_loc"][key] = key_location
            if value is not INVALID:
                values[key] = value
        return values

    def build(self, value):
        return {k: self.item.build(v) for k, v in value.items() if not k.startswith("_")}

    def written(self, value):
        return {k: self.item.written(v) for k, v in value.items()}

    def json_schema(self):
        return {"type": "object", "additionalProperties": self.item.json_schema()}

    def example(self):
        return "{}"


class Redenen(PerVeld):
    """Per field of this record that the editors inferred, why: {status: "De tekst …"}."""

    def __init__(self):
        super().__init__(item=Text(single_line=False), what="de reden")
        self.description = (
            "per veld dat de redactie heeft afgeleid (de handreiking zegt het niet zo), waarom: "
            "veldnaam: reden"
        )

    def json_schema(self):
        return {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}}


class Sectie(Kind):
    description = 'paragraafnummer in de handreiking, bijvoorbeeld "4.2.1"'

    def check(self, node, path, ctx):
        scalar = self._scalar(node, path, ctx, "een paragraafnummer")
        if scalar is None:
            return INVALID
        if not SECTIE.fullmatch(scalar.value):
            too_long = re.fullmatch(r"[0-9]+(\.[0-9]+)*", scalar.value)
            ctx.problem(
                node.location,
                path,
                f"'{_shown(scalar.value)}' is geen paragraafnummer; schrijf bijvoorbeeld "
                '"4.2.1"'
                + (" (hoogstens zes delen van hoogstens drie cijfers)" if too_long else ""),
            )
            return INVALID
        return scalar.value

    def json_schema(self):
        return {"type": ["string", "number"], "pattern": SECTIE.pattern}

    def example(self):
        return '"4.2.1"'


class Integer(Kind):
    description = "een geheel getal"

    def check(self, node, path, ctx):
        scalar = self._scalar(node, path, ctx, "een geheel getal")
        if scalar is None:
            return INVALID
        if not re.fullmatch(r"-?[0-9]+", scalar.value):
            found = _shown(scalar.value)
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
                f"verwacht een getal, maar vond '{_shown(text)}'; "
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
        if typo := _hint(wrong, self.values, cutoff=0.8):
            return typo
        if found := like_siblings(wrong, self.values, path, ctx.source):
            value, example = found
            return f" (bedoelde u '{value}'? Dat staat bij vergelijkbare items" + (
                f", zoals '{example}')" if example else ")"
            )
        return _hint(wrong, self.values)

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


class Email(Kind):
    description = "e-mailadres, zoals naam@organisatie.nl"

    def check(self, node, path, ctx):
        scalar = self._scalar(node, path, ctx, "een e-mailadres")
        if scalar is None:
            return INVALID
        value = scalar.value.strip().removeprefix("mailto:")
        if len(value) > 254 or not EMAIL.fullmatch(value):
            ctx.problem(node.location, path, f"'{_shown(scalar.value)}' is geen geldig e-mailadres")
            return INVALID
        return value

    def json_schema(self):
        return {"type": "string", "format": "email", "pattern": EMAIL.pattern}

    def example(self):
        return "naam@example.nl"


class Url(Kind):
    description = "volledig webadres dat begint met https://"

    def check(self, node, path, ctx):
        scalar = self._scalar(node, path, ctx, "een webadres")
        if scalar is None:
            return INVALID
        value = scalar.value.strip()
        problem = url_problem(value)
        if problem:
            ctx.problem(node.location, path, problem)
            return INVALID
        return value

    def json_schema(self):
        return {"type": "string", "pattern": r"^https://[^\s/]+\.[^\s]+$"}

    def example(self):
        return "https://www.example.nl"


@dataclass
class ListOf(Kind):
    item: Kind = None
    min_items: int = 0

    def check(self, node, path, ctx):
        if isinstance(node, Scalar) and node.value == "" and not node.quoted:
            return []  # `veld:` with nothing after it is an empty list
        if not isinstance(node, Sequence):
            hint = (
                " (schrijf [a, b] of elk item op een eigen regel met '- ')"
                if isinstance(node, Scalar)
                else ""
            )
            ctx.problem(node.location, path, f"verwacht een lijst{hint}")
            return INVALID
        values = [self.item.check(child, f"{path}[{i}]", ctx) for i, child in enumerate(node.items)]
        if len(node.items) < self.min_items:
            ctx.problem(
                node.location, path, f"de lijst moet minstens {self.min_items} item(s) bevatten"
            )
        if INVALID in values:
            return INVALID  # already reported; rules about this list must not pile on
        return values

    def build(self, value):
        return tuple(self.item.build(item) for item in value)

    def json_schema(self):
        schema = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema


@dataclass
class Field:
    key: str
    kind: Kind
    label: str
    help: str
    required: bool = False


@dataclass
class Record(Kind):
    """A block of named fields; unknown fields are errors, with a suggestion."""

    name: str = ""  # Dutch noun for one record, e.g. 'maatregel'
    fields: tuple[Field, ...] = ()
    id_kind: str | None = None  # registers the `id` field under this kind
    cls: type | None = None  # the model dataclass that declares the fields (see `record`)

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    def has(self, key: str) -> bool:
        return any(f.key == key for f in self.fields)

    def check(self, node, path, ctx):
        if not isinstance(node, Mapping):
            found = "een lijst" if isinstance(node, Sequence) else f"'{getattr(node, 'value', '')}'"
            ctx.problem(
                node.location,
                path,
                f"verwacht een {self.name} met velden (sleutel: waarde), maar vond {found}",
            )
            return INVALID
        known = {f.key: f for f in self.fields}
        value: dict[str, Any] = {"_at": node.location, "_path": path, "_loc": {}}
        for key, (key_location, child) in node.items.items():
            if key not in known:
                hint = _hint(key, known) or _elsewhere(key, self)
                ctx.problem(
                    key_location, path, f"onbekend veld '{_shown(key)}' in {self.name}{hint}"
                )
                continue
            checked = known[key].kind.check(child, f"{path}.{key}", ctx)
            value["_loc"][key] = child.location
            if checked is not INVALID:
                value[key] = checked
        for f in self.fields:
            if f.required and f.key not in node.items:
                ctx.problem(
                    node.location,
                    path,
                    f"verplicht veld '{f.key}' ({f.label}) ontbreekt in {self.name}",
                )
        for name, f in known.items():
            if isinstance(f.kind, PerVeld) and isinstance(value.get(name), dict):
                self._check_per_veld(name, value, node, ctx)
        if self.id_kind and isinstance(value.get("id"), str):
            ctx.ids.append((self.id_kind, value["id"], value["_loc"]["id"], path))
        return value

    def _check_per_veld(self, name: str, value: dict, node: Mapping, ctx: Context) -> None:
        """The keys of a map per field (afgeleid, bronvermelding) are fields this record has,
        and one field is either inferred or stated in a source, not both."""
        path, known = value["_path"], {f.key: f for f in self.fields}
        verb = "afleiden" if name == "afgeleid" else "met een bron vermelden"
        per_field = [f.key for f in self.fields if isinstance(f.kind, PerVeld)]
        for key, at in value[name]["_loc"].items():
            if key not in known or key in UNDERIVABLE or key in per_field:
                ctx.problem(
                    at,
                    f"{path}.{name}",
                    f"'{key}' is geen veld van een {self.name} dat de redactie kan {verb}"
                    f"{_hint(key, known)}",
                )
            elif key not in node.items:
                ctx.problem(
                    at,
                    f"{path}.{name}",
                    f"'{key}' staat bij {name}, maar de {self.name} heeft geen '{key}'",
                )
            elif name != "afgeleid" and key in (value.get("afgeleid") or {}):
                ctx.problem(
                    at,
                    f"{path}.{name}",
                    f"'{key}' staat ook bij afgeleid; een gegeven staat in een bron of is "
                    "afgeleid door de redactie, niet allebei",
                )

    def build(self, value: dict) -> Any:
        """The record's dataclass from checked values: every field through its own kind, and
        the record's place in the content files as `location` when the class has one."""
        data = {f.key: f.kind.build(value[f.key]) for f in self.fields if f.key in value}
        if self._located:
            data["location"] = value["_at"]
        return self.cls(**data)

    @functools.cached_property
    def _located(self) -> bool:
        return "location" in {f.name for f in dataclasses.fields(self.cls)}

    def json_schema(self):
        return {"$ref": f"#/$defs/{self.name}"}

    def definition(self) -> dict:
        properties = {
            f.key: {
                **f.kind.json_schema(),
                "title": f.label,
                "description": f.help + (f" ({f.kind.description})" if f.kind.description else ""),
            }
            for f in self.fields
        }
        per_field = [f.key for f in self.fields if isinstance(f.kind, PerVeld)]
        for f in self.fields:  # the keys of `afgeleid` are this record's other fields
            if isinstance(f.kind, PerVeld):
                names = [g.key for g in self.fields if g.key not in (*UNDERIVABLE, *per_field)]
                properties[f.key]["propertyNames"] = {"enum": names}
        return {
            "type": "object",
            "title": self.name,
            "additionalProperties": False,
            "required": [f.key for f in self.fields if f.required],
            "properties": properties,
        }


def url_problem(value: str) -> str | None:
    """Why `value` is not a full https:// address a page can link to (Dutch), or None."""
    shown = _shown(value)
    if len(value) > MAX_URL:
        return f"het webadres is {len(value)} tekens lang; hoogstens {MAX_URL} zijn toegestaan"
    if (hidden := find_hidden(value)) is not None:
        return f"'{_shown(value)}' bevat een {hidden.what}; verwijder het"
    bad = re.search(r"[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%\u00a0-\U0010ffff]", value)
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


def _lead(scalar: Scalar) -> int:
    """How many characters of white space the checked (stripped) value lost at its start."""
    return len(scalar.value) - len(scalar.value.lstrip())


def _shown(value: str) -> str:
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


def _has_script_url(scalar: Scalar, path: str, ctx: Context) -> bool:
    for text in {scalar.value, html.unescape(scalar.value)}:
        match = SCRIPT_URL.search(text)
        if match:
            found = match.group(0)
            offset = scalar.value.find(found)
            ctx.problem(
                _locate_in_scalar(scalar, max(offset, 0), ctx.source),
                path,
                f"'{found}' is niet toegestaan in de tekst: zo'n adres kan in een browser "
                "code uitvoeren; gebruik een webadres dat begint met https://",
            )
            return True
    return False


def _has_html(scalar: Scalar, path: str, ctx: Context) -> bool:
    found = False
    for match in HTML.finditer(scalar.value):
        if inside_code(scalar.value, match.start()):
            continue
        ctx.problem(
            _locate_in_scalar(scalar, match.start(), ctx.source),
            path,
            f"HTML is niet toegestaan in de tekst (gevonden: '{match.group(0)[:30]}'); "
            "gebruik Markdown, of zet een letterlijk '<' tussen `backticks`",
        )
        found = True
    return found


def inside_code(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return text[line_start:offset].count("`") % 2 == 1


def _locate_in_scalar(scalar: Scalar, offset: int, source: Source) -> Location:
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


class _Finder:
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
        return _locate_in_scalar(self.scalar, max(offset, 0), self.source)


def _hint(wrong: str, options, cutoff: float = 0.6) -> str:
    close = difflib.get_close_matches(wrong, list(options), n=1, cutoff=cutoff)
    return f" (bedoelde u '{close[0]}'?)" if close else ""


TARGET_FILES = {
    "maatregel": "maatregelen.yaml",
    "opgave": "content/opgaven.yaml",
    "organisatie": "content/organisaties.yaml",
    "regeling": "content/regelingen.yaml",
    "bron": "content/bronnen.yaml",
}


# --- declaring a record once, on its model dataclass ------------------------------------------

_SPEC = (
    "handreiking.veld"  # the dataclass field metadata key that holds (kind, label, help, required)
)


def content(kind: Kind, label: str, help: str, required: bool = False) -> Any:
    """A field editors write, declared on the model dataclass: its kind, label and help text.

        titel: str = content(Text(), "Titel", "De titel zoals in de handreiking", required=True)

    From these the schema check, the JSON Schema, the scaffolds, the editor guide, the open
    data and the changelog follow. An optional field defaults to None (an empty tuple for a
    list); a required one has no default.
    """
    metadata = {_SPEC: (kind, label, help, required)}
    if required:
        return dataclasses.field(metadata=metadata)
    if isinstance(kind, ListOf):
        return dataclasses.field(default=(), metadata=metadata)
    return dataclasses.field(default=None, metadata=metadata)


_RECORDS: dict[str, Record] = {}  # every declared record by name, for hints across records


def _elsewhere(key: str, here: Record) -> str:
    """ " (het veld 'kenmerk' hoort bij een bron of een regeling, ...)" when a few other
    records declare the field: the editor put a fact in the wrong place."""
    owners = [f"een {r.name}" for r in _RECORDS.values() if r is not here and r.has(key)]
    if not owners or len(owners) > 3:
        return ""
    names = owners[0] if len(owners) == 1 else ", ".join(owners[:-1]) + " of " + owners[-1]
    return f" (het veld '{key}' hoort bij {names}, niet bij een {here.name})"


# Names the outputs give the records with a page (and a mijlpaal, its owner's) themselves:
# 'url' is the address of its page in handreiking.json, its JSON Schema and the CSV files,
# 'verlopen' whether it is overdue (outputs/export.py, csv_tables.py). A content field with
# such a name would be overwritten there silently, so `record` refuses it at import. A link's
# or a contact's own 'url' is content, and stays allowed.
RESERVED_FIELDS = frozenset({"url", "verlopen"})
ADDRESSED = frozenset({"maatregel", "opgave", "regeling", "organisatie", "mijlpaal"})


def record(name: str, id_kind: str | None = None):
    """Class decorator: derive the `Record` kind of a dataclass from its `content` fields.

    The Record is the class attribute `record`, in the order the fields are declared.
    """

    def derive(cls: type) -> type:
        fields = tuple(
            Field(f.name, *f.metadata[_SPEC])
            for f in dataclasses.fields(cls)
            if _SPEC in f.metadata
        )
        taken = sorted({f.key for f in fields} & RESERVED_FIELDS)
        # at import, so such a field never ships: the outputs would overwrite it
        if taken and name in ADDRESSED:
            raise TypeError(
                f"{cls.__name__}: {', '.join(taken)} is reserved (RESERVED_FIELDS): the JSON, "
                "its schema and the CSV write their own value there. Choose another name"
            )
        cls.record = _RECORDS[name] = Record(name=name, fields=fields, id_kind=id_kind, cls=cls)
        return cls

    return derive
