"""The handreiking as one document: a print page on the site and a tagged PDF of it.

Both come from the same Markdown body (templates/print-body.md.j2), generated from the model
in the order of the original handreiking: chapters 1-3 are the pages in content/paginas
before the first opgave; chapters 4-8 are the opgaven, each with x.1 Opgave (with its
kerncijfers), x.2 Ondersteuningsmaatregelen and x.3 Financiering, every maatregel and
regeling under the paragraph number it carries.

The PDF is rendered without MkDocs: the body through Python-Markdown, wrapped in
templates/print.html.j2, laid out by WeasyPrint with system fonts only (no URL is fetched).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
from markupsafe import Markup

from ..base.dates import dutch_date
from ..base.settings import Settings
from ..base.urls import PRINT_PAGE, base_url, url_of
from ..content.model import Handreiking, Maatregel, Opgave, Pagina, Regeling
from .render import Renderer

SECTION_TITLES = {"1": "Opgave", "2": "Ondersteuningsmaatregelen", "3": "Financiering"}
MARKDOWN_EXTENSIONS = [
    "abbr",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "generator.content.markdown_ext",
]


@dataclass
class Entry:
    """One paragraph x.y.z (or the body of x.y): a maatregel and/or the regelingen under it."""

    sectie: str
    titel: str
    maatregel: Maatregel | None
    regelingen: list[Regeling]
    numbered: bool  # False when the maatregel is the whole of x.y (e.g. 6.2)

    @property
    def anchor(self) -> str:
        if self.maatregel:
            return f"maatregel-{self.maatregel.id}"
        return f"regeling-{self.regelingen[0].id}"


@dataclass
class Section:
    """A paragraph x.y: 'Opgave', 'Ondersteuningsmaatregelen' or 'Financiering'."""

    number: str
    titel: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return "sectie-" + self.number.replace(".", "-")

    @property
    def shown_number(self) -> str:
        """'4.2'; none for the records from other sources (their own, unnumbered section)."""
        return "" if self.number.endswith(".bron") else self.number


@dataclass
class Chapter:
    number: str
    titel: str
    pagina: Pagina | None = None
    opgave: Opgave | None = None
    sections: list[Section] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"hoofdstuk-{self.number}"


def _key(sectie: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 10**6 for part in sectie.split("."))


OTHER_SOURCES = "Uit andere bronnen"  # the section of records outside the handreiking's text

# Fields of the content that the document leaves out, each with why (issue 23: the print page
# listed its fields by hand and missed a new one). Every other declared field shows in it:
# tests/test_fixture_fields.py takes each field of the minimal fixture away, one at a time,
# and fails when the print page and the PDF stay the same and the field is not named here.
_ADDRESSES = "oude adressen: de site stuurt ze door"
_ON_ITS_PAGE = (
    "de print is de tekst van de handreiking: een organisatie staat erin met haar naam, bij "
    "haar maatregelen en regelingen; wat de site over haar zelf zegt, staat op haar pagina"
)
_NOT_IN_THE_TEXT = "hoort niet bij de tekst van de handreiking, alleen bij de site"
OMITTED: dict[str, dict[str, str]] = {
    "maatregel": {
        "samenvatting": "de samenvatting van de redactie voor de site; de print geeft de tekst "
        "van de handreiking zelf (beschrijving)",
        "vorige_ids": _ADDRESSES,
        "inhoudelijk_gewijzigd": "een aanwijzing van de redactie voor het wijzigingenoverzicht",
    },
    "opgave": {
        "samenvatting": "de samenvatting van de redactie voor de site; de print geeft de tekst "
        "van het hoofdstuk zelf (beschrijving)",
        "vorige_ids": _ADDRESSES,
    },
    "regeling": {"vorige_ids": _ADDRESSES},
    "organisatie": {
        "soort": _ON_ITS_PAGE,
        "rol": _ON_ITS_PAGE,
        "contact": _ON_ITS_PAGE + " (het colofon noemt het e-mailadres van het ondersteuningsteam)",
        "voorgangers": _ON_ITS_PAGE,
        "afgeleid": _ON_ITS_PAGE,
        "bronvermelding": _ON_ITS_PAGE,
        "vorige_ids": _ADDRESSES,
    },
    "contactgegevens": {"url": _ON_ITS_PAGE, "toelichting": _ON_ITS_PAGE},
    "opvolging": {"taken": _ON_ITS_PAGE, "bron": _ON_ITS_PAGE},
    "pagina": {"samenvatting": "de print geeft de tekst van de pagina zelf"},
    "zoekwoordgroep": {
        "woorden": "woorden voor het zoeken op de site; " + _NOT_IN_THE_TEXT,
        "toelichting": "waarom die woorden bij elkaar horen, voor de redactie; " + _NOT_IN_THE_TEXT,
    },
    "verwijdering": {
        "reden": "de print is de handreiking van nu; het oude adres van wat eruit is gehaald, "
        "zegt waarom",
        "bron": "idem",
    },
}


def chapters(h: Handreiking) -> list[Chapter]:
    """The document's chapters in order: the leading pages, then one per opgave."""
    first = min((_key(o.hoofdstuk)[0] for o in h.opgaven.values()), default=1_000)
    result = [
        Chapter(str(p.volgorde), p.titel, pagina=p)
        for p in h.paginas
        if p.volgorde < first and not p.for_editors
    ]
    for opgave in sorted(h.opgaven.values(), key=lambda o: _key(o.hoofdstuk)):
        result.append(_opgave_chapter(opgave))
    return result


def _opgave_chapter(opgave: Opgave) -> Chapter:
    chapter = Chapter(opgave.hoofdstuk, opgave.titel, opgave=opgave)
    number = opgave.hoofdstuk
    sections: dict[str, Section] = {f"{number}.1": Section(f"{number}.1", SECTION_TITLES["1"])}
    entries: dict[str, Entry] = {}

    def section_of(sectie: str) -> Section:
        if sectie.endswith(".bron"):  # a record stated in another source (vermeld_in)
            if sectie not in sections:
                sections[sectie] = Section(sectie, OTHER_SOURCES)
            return sections[sectie]
        parts = sectie.split(".")
        key = ".".join(parts[:2]) if len(parts) > 1 else f"{number}.2"
        if key not in sections:
            sections[key] = Section(key, SECTION_TITLES.get(key.split(".")[-1], "Overig"))
        return sections[key]

    elsewhere = f"{number}.bron"
    for m in opgave.maatregelen:
        sectie = m.sectie or elsewhere
        entry = Entry(
            sectie, m.titel, m, [], numbered=bool(m.sectie) and sectie != section_of(sectie).number
        )
        key = sectie if m.sectie else f"{sectie}#{m.id}"
        entries.setdefault(key, entry)
        if entries[key] is not entry:  # two maatregelen with one number: keep both
            entries[f"{key}#{m.id}"] = entry
    for r in opgave.regelingen:
        sectie = r.sectie or elsewhere
        if r.sectie and sectie in entries:
            entries[sectie].regelingen.append(r)
        else:
            entries[sectie if r.sectie else f"{sectie}#{r.id}"] = Entry(
                sectie,
                r.titel,
                None,
                [r],
                numbered=bool(r.sectie) and sectie != section_of(sectie).number,
            )
    for key in sorted(entries, key=lambda k: (_key(k.split("#")[0]), k)):
        entry = entries[key]
        section_of(entry.sectie).entries.append(entry)
    chapter.sections = [sections[k] for k in sorted(sections, key=_key)]
    return chapter


class Document:
    """Renders the document body as Markdown, the site page and the PDF."""

    def __init__(self, h: Handreiking, settings: Settings):
        self.h = h
        self.settings = settings
        self.renderer = Renderer(h, settings)
        self.chapters = chapters(h)

    def toc(self) -> list[tuple[int, str, str]]:
        """(level, label, anchor) for the table of contents, down to x.y.z."""
        items = []
        for chapter in self.chapters:
            items.append((1, f"{chapter.number}. {chapter.titel}", chapter.anchor))
            for section in chapter.sections:
                items.append((2, f"{section.shown_number} {section.titel}".strip(), section.anchor))
                items += [
                    (3, f"{e.sectie} {e.titel}", e.anchor) for e in section.entries if e.numbered
                ]
        annexes = self.annexes()
        if "begrippen" in annexes:
            items.append((1, f"Bijlage {annexes['begrippen']}. Begrippen", "bijlage-begrippen"))
        if "bronnen" in annexes:
            items.append((1, f"Bijlage {annexes['bronnen']}. Bronnen", "bijlage-bronnen"))
        items.append((1, "Colofon", "colofon"))
        return items

    def annexes(self) -> dict[str, int]:
        """The annexes after the chapters, numbered (issue 14): {'begrippen': 1, 'bronnen': 2}."""
        present = [
            name
            for name, records in (("begrippen", self.h.begrippen), ("bronnen", self.h.bronnen))
            if records
        ]
        return {name: n for n, name in enumerate(present, start=1)}

    def footnotes(self) -> dict[str, list[tuple[int, str]]]:
        """Footnotes numbered through the document, per maatregel id."""
        numbered: dict[str, list[tuple[int, str]]] = {}
        counter = 0
        for chapter in self.chapters:
            for section in chapter.sections:
                for entry in section.entries:
                    if entry.maatregel and entry.maatregel.voetnoten:
                        numbered[entry.maatregel.id] = []
                        for text in entry.maatregel.voetnoten:
                            counter += 1
                            numbered[entry.maatregel.id].append((counter, text))
        return numbered

    def body(self, pdf: bool, base: int, link, **content) -> Markup:
        """The Markdown of chapters 1-8, the annexes and the colofon; `base` is the heading
        level of a chapter.

        `content` holds the page's `tekst` and `voetnoot` (render.Content), which write the
        editors' Markdown with links as this page needs them.
        """
        env = self.renderer.env
        chapters = env.get_template("print-body.md.j2").render(
            chapters=self.chapters,
            pdf=pdf,
            base=base,
            mdlink=link,
            voetnoten=self.footnotes(),
            site=self._site(),
            **content,
        )
        annexes = env.get_template("print-bijlagen.md.j2").render(
            pdf=pdf,
            base=base,
            mdlink=link,
            site=self._site(),
            bijlagen=self.annexes(),
            team=self.renderer.team(),
            gebouwd=dutch_date(self.settings.today),
            **content,
        )
        return Markup(chapters.rstrip("\n") + "\n\n" + annexes)

    def _site(self) -> str:
        return base_url(self.settings.site_url)

    def page(self, pdf_file: dict | None) -> dict[str, str]:
        """The site page handreiking/volledig.md; `pdf_file` has href, size, pages."""
        pages: dict[str, str] = {}
        url = url_of("pagina", PRINT_PAGE.split("/")[-1])
        self.renderer.add(pages, url, "print.md.j2", document=self, pdf_file=pdf_file)
        return pages

    def html(self) -> str:
        """The standalone HTML that WeasyPrint lays out."""
        site = self._site()

        def absolute(kind: str, id_: str | None = None) -> str:
            return site + url_of(kind, id_)

        content = self.renderer.content(lambda path: site + path).globals()
        text = self.body(pdf=True, base=1, link=absolute, **content)
        body = markdown.markdown(
            str(text) + "\n" + self.renderer.abbreviations(text),
            extensions=MARKDOWN_EXTENSIONS,
            output_format="html",
        )
        footer = _css_string(
            f"{site.removeprefix('https://').rstrip('/')} · gemaakt op "
            f"{dutch_date(self.settings.today)}"
        )
        css = self.renderer.env.get_template("print.css.j2").render(footer=footer)
        return self.renderer.env.get_template("print.html.j2").render(
            body=Markup(body),
            toc=self.toc(),
            css=Markup(css),
            site=site,
            gebouwd=dutch_date(self.settings.today),
            author=self.settings.site_author,
        )

    def pdf(self) -> tuple[bytes, int]:
        """The PDF and its page count: tagged (PDF/UA-1), with bookmarks and page numbers.

        WeasyPrint may fetch nothing: only data: URLs are allowed and a refused URL fails
        the build, so no font or image can come from the internet.
        """
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher

        fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
        html = HTML(string=self.html(), base_url=self._site(), url_fetcher=fetcher)
        document = html.render(pdf_tags=True)
        data = document.write_pdf(
            pdf_variant="pdf/ua-1",
            pdf_tags=True,
            pdf_identifier=f"handreiking-{self.h.editie.jaar}".encode(),
            finisher=scope_table_headers,
        )
        return data, len(document.pages)


def scope_table_headers(document: Any, pdf: Any) -> None:
    """Give every table header cell a /Scope (PDF/UA-1 7.5, Matterhorn 15-003); a WeasyPrint
    finisher, run on the PDF's objects just before they are written.

    WeasyPrint 70 ties each data cell to its headers with /Headers and /IDs but writes no
    /Scope (Kozea/WeasyPrint#2508). It makes a <th scope="row"> the header of the data cells
    in its own row and every other <th> the header of its column; the /Scope says the same:
    /Row for a header that a data cell of its own row (/P) names, /Column otherwise.
    """
    cells = [o for o in pdf.objects if isinstance(o, dict) and o.get("S") in ("/TH", "/TD")]
    named: dict[object, set[str]] = {}
    for cell in cells:
        if cell["S"] == "/TD":
            headers = cell.get("A", {}).get("Headers", ())
            named.setdefault(cell.get("P"), set()).update(h.string for h in headers)
    for cell in cells:
        if cell["S"] == "/TH" and isinstance(cell.get("A"), dict):
            own_row = named.get(cell.get("P"), set())
            key = cell.get("ID")
            row = key is not None and key.string in own_row
            cell["A"]["Scope"] = "/Row" if row else "/Column"


def _css_string(text: str) -> Markup:
    """A CSS string literal: quotes and backslashes escaped, no '<' that ends <style>."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return Markup(f'"{escaped}"')


def write_html(h: Handreiking, settings: Settings, target: Path) -> None:
    """Write the print HTML (for looking at the layout in a browser)."""
    target.write_text(Document(h, settings).html(), encoding="utf-8")
