"""The kinds of text: a line or a block of text, Markdown, an id (`Slug`) and a reference to
another record's id (`Ref`), a paragraph number (`Sectie`), an e-mail address and a URL."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ...base.urls import content_folder
from .. import markup
from ..characters import nfc
from ..limits import text_problem
from ..load import Scalar
from .base import INVALID, Context, Kind
from .checks import (
    CONTROL,
    EMAIL,
    HTML,
    MAX_ID,
    SCRIPT_URL,
    SECTIE,
    SLUG,
    Finder,
    inside_code,
    locate_in_scalar,
    shown_value,
    stripped_lead,
    url_problem,
)


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
                locate_in_scalar(scalar, offset + stripped_lead(scalar), ctx.source), path, message
            )
            return INVALID
        if self._has_html(scalar, path, ctx):
            return INVALID
        if self.script_urls_are_text and _has_script_url(scalar, path, ctx):
            return INVALID
        control = CONTROL.search(value)
        if control:
            ctx.problem(
                locate_in_scalar(scalar, scalar.value.find(control.group(0)), ctx.source),
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
        finder = Finder(scalar, ctx.source)
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
        finder = Finder(node, ctx.source)
        for problem in markup.link_problems(value):
            at = (
                finder.locate(problem.target)
                if problem.offset is None
                else locate_in_scalar(node, problem.offset + stripped_lead(node), ctx.source)
            )
            ctx.problem(at, path, problem.message)
            value = INVALID
        if value is not INVALID and _has_script_url(node, path, ctx):
            value = INVALID
        if value is not INVALID:
            folder = content_folder(ctx.source.path)
            finder = Finder(node, ctx.source)
            for target in markup.internal_links(value):
                ctx.links.append((folder, target, finder.locate(target), path))
        return value


def _has_script_url(scalar: Scalar, path: str, ctx: Context) -> bool:
    for text in {scalar.value, html.unescape(scalar.value)}:
        match = SCRIPT_URL.search(text)
        if match:
            found = match.group(0)
            offset = scalar.value.find(found)
            ctx.problem(
                locate_in_scalar(scalar, max(offset, 0), ctx.source),
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
            locate_in_scalar(scalar, match.start(), ctx.source),
            path,
            f"HTML is niet toegestaan in de tekst (gevonden: '{match.group(0)[:30]}'); "
            "gebruik Markdown, of zet een letterlijk '<' tussen `backticks`",
        )
        found = True
    return found


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
                f"het id '{shown_value(scalar.value)}' begint of eindigt met een spatie, tab of "
                "regeleinde; haal die weg (een id is deel van een webadres)",
            )
            return INVALID
        if not SLUG.fullmatch(scalar.value):
            suggestion = re.sub(r"[^a-z0-9]+", "-", scalar.value.lower()).strip("-")[:MAX_ID]
            ctx.problem(
                node.location,
                path,
                f"'{shown_value(scalar.value)}' is geen geldig id: gebruik "
                f"alleen kleine letters, cijfers en koppeltekens (bijvoorbeeld "
                f"'{suggestion or 'mijn-id'}')",
            )
            return INVALID
        return scalar.value

    def json_schema(self):
        return {"type": "string", "pattern": SLUG.pattern, "maxLength": MAX_ID}

    def example(self):
        return "nieuw-id"


TARGET_FILES = {
    "maatregel": "maatregelen.yaml",
    "opgave": "content/opgaven.yaml",
    "organisatie": "content/organisaties.yaml",
    "regeling": "content/regelingen.yaml",
    "bron": "content/bronnen.yaml",
}


@dataclass
class Ref(Slug):
    """An id of another record; `record_rules.check_refs` checks that it exists."""

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
                f"'{shown_value(scalar.value)}' is geen paragraafnummer; schrijf bijvoorbeeld "
                '"4.2.1"'
                + (" (hoogstens zes delen van hoogstens drie cijfers)" if too_long else ""),
            )
            return INVALID
        return scalar.value

    def json_schema(self):
        return {"type": ["string", "number"], "pattern": SECTIE.pattern}

    def example(self):
        return '"4.2.1"'


class Email(Kind):
    description = "e-mailadres, zoals naam@organisatie.nl"

    def check(self, node, path, ctx):
        scalar = self._scalar(node, path, ctx, "een e-mailadres")
        if scalar is None:
            return INVALID
        value = scalar.value.strip().removeprefix("mailto:")
        if len(value) > 254 or not EMAIL.fullmatch(value):
            ctx.problem(
                node.location, path, f"'{shown_value(scalar.value)}' is geen geldig e-mailadres"
            )
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
