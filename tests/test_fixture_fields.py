"""The minimal fixture fills every optional field of every record kind, and every output shows
every field the fixture fills or leaves it out on purpose (issue 23).

The fields come from the declarations (generator/content/model/, tests/fixture_fields.py),
so a new optional field fails here until the fixture fills it, with a message that names
it. Each output is then rendered once as it is and once without each field: an output that
stays the same does not show that field, and fails unless an omit list says why (the CSV's
csv_tables.OMITTED, the print page's printed.OMITTED, the site's and the JSON's below).
"""

from __future__ import annotations

import json
import subprocess
import unicodedata
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser

import jsonschema
import pytest
from fixture_fields import (
    FIXTURE,
    KINDS,
    REMOVED,
    Filled,
    filled,
    later_project,
    unfilled,
    without,
)

from conftest import ROOT
from generator.content.model import Handreiking
from generator.content.validate import check_project
from generator.history.model import redirects
from generator.outputs import csv_cells, csv_tables, printed
from generator.outputs.export import data_files, export_schema
from generator.outputs.pages import render_pages
from generator.outputs.printed import Document
from generator.outputs.redirects import redirect_pages
from generator.outputs.render import Settings
from generator.site.build import generate_all

SETTINGS = Settings(
    today=date(2021, 6, 15), repo_url="https://example.org/repo", site_url="https://example.org/"
)
JSON_FILE = "open-data/handreiking.json"
GOLDEN = ROOT / "tests" / "golden" / "minimal-na-editie"
# The files of the copy after edition 2021 (fixture_fields.later_project) that show what only
# an edition's history shows: the address of the removed maatregel, one old address that
# forwards, the changelog with the edition's own fields and the mark 'inhoudelijk gewijzigd'.
LATER_GOLDEN = (
    f"maatregelen/{REMOVED}.md",
    "maatregelen/alle-velden/index.html",
    "wijzigingen.md",
)

# What the site's pages leave out, each with why; the fields only an edition's history shows
# are in the golden files of the copy after edition 2021 (LATER_GOLDEN) instead.
SITE_OMITTED = {
    "maatregel.inhoudelijk_gewijzigd": "alleen met de geschiedenis van de edities: "
    "'laatst inhoudelijk gewijzigd' en Wat is er veranderd (LATER_GOLDEN)",
    "editie.vastgesteld": "op Wat is er veranderd en Edities, met de geschiedenis "
    "(LATER_GOLDEN), en in het colofon van de print en de PDF",
    "editie.toelichting": "op Wat is er veranderd, met de geschiedenis (LATER_GOLDEN), en in "
    "het colofon van de print en de PDF",
    "editie.uitgevers": "in het colofon van de print en de PDF ('de colofon van de PDF noemt "
    "ze'); de site zelf noemt 'de uitgevers'",
    "editie.afgeleid": "de reden bij de peildatum staat onder elke pagina; die bij de "
    "uitgevers in het colofon van de print en de PDF",
    "zoekwoordgroep.toelichting": "waarom woorden bij elkaar horen, voor de redactie; het "
    "zoeken gebruikt alleen de woorden",
}
JSON_OMITTED = {
    "zoekwoordgroep.woorden": "woorden voor het zoeken op de site, geen gegeven van de handreiking",
    "zoekwoordgroep.toelichting": "idem",
}


def declared_names(omitted: dict[str, dict[str, str]]) -> dict[str, str]:
    """{'maatregel.links': reason} from a table per record kind such as printed.OMITTED."""
    return {f"{kind}.{key}": why for kind, fields in omitted.items() for key, why in fields.items()}


def csv_omitted() -> dict[str, str]:
    """The fields no CSV file shows: csv_tables.OMITTED for the records with a file of their
    own, and every field of the records without one (they are in handreiking.json)."""
    with_file = {"maatregel", "regeling", "organisatie", "opgave", "mijlpaal", "kerncijfer"}
    assert with_file == set(csv_tables.OMITTED)
    without_file = [k for k in KINDS if k.name not in with_file and k.name not in PARTS]
    names = declared_names(csv_tables.OMITTED)
    for split in SPLIT:  # each part is checked on its own, as its own column
        del names[split]
    for kind in without_file:
        names.update({f"{kind.name}.{f.key}": "geen CSV-bestand" for f in kind.fields})
    return names


# Fields the CSV writes as columns of their parts (bedrag, soort_bedrag, ...): not left out,
# so their parts are held to it one by one.
SPLIT = ("regeling.bedrag", "organisatie.contact")
# Records that are part of another and only ever reach an output through it: whatever their
# owner's field shows or leaves out, is theirs.
PARTS = {"vermelding", "link", "bijlage", "contactgegevens", "opvolging", "bedrag"}
PARTS |= {"vaststelling", "toekenning"}


@pytest.fixture(scope="module")
def checked():
    result = check_project(FIXTURE, SETTINGS.today)
    assert not result.errors, [str(p) for p in result.errors]
    return result


@pytest.fixture(scope="module")
def later(tmp_path_factory):
    """The fixture after its edition 2021 (fixture_fields.later_project), generated."""
    project = later_project(tmp_path_factory.mktemp("later") / "project", SETTINGS.today)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HANDREIKING_PDF", "0")
        return generate_all(project, SETTINGS.today)


def test_the_fixture_fills_every_optional_field_of_every_record(checked, later):
    found = filled(checked.values, checked.pages)
    found += filled(later.checked.values, later.checked.pages)  # verwijderd.yaml
    assert unfilled(found) == [], (
        "the minimal fixture (tests/fixtures/minimal, or tests/fixtures/minimal-na-editie for "
        "what needs an edition) fills no value of these declared fields, so no golden file "
        "shows them: give one record a plausible value"
    )


def test_a_field_the_fixture_leaves_empty_is_named(checked):
    """The walk sees what the fixture fills: without its links, a maatregel's `links`;
    without the bijlagen of its bronnen, bron.bijlagen and the bijlage record."""
    values = checked.values
    found = filled(values, checked.pages)
    emptied = [f for f in found if f.name in ("maatregel.links", "bron.bijlagen")]
    for field in emptied:
        values, _ = without(values, checked.pages, field)
    missing = unfilled(filled(values, checked.pages))
    assert {"maatregel.links", "bron.bijlagen", "bijlage"} <= set(missing)
    assert "verwijdering" in missing  # only the copy after edition 2021 has one


def test_every_omit_list_names_declared_fields_with_a_reason():
    declared = {f"{k.name}.{f.key}" for k in KINDS for f in k.fields}
    for omitted in (
        SITE_OMITTED,
        JSON_OMITTED,
        declared_names(printed.OMITTED),
        declared_names(csv_tables.OMITTED),
    ):
        assert set(omitted) <= declared, sorted(set(omitted) - declared)
        assert all(why.strip() for why in omitted.values())


# --- every output, with and without each field ----------------------------------------------


def _model(values, pages, files) -> Handreiking:
    return Handreiking.from_checked(values, pages, files)


class _Values:
    """What `redirects` reads of a Checked: its values."""

    def __init__(self, values):
        self.values = values


def site_pages(values, pages, files):
    h = _model(values, pages, files)
    old = redirect_pages(redirects(_Values(values)), SETTINGS.site_url)
    return {**render_pages(h, SETTINGS), **old}


def print_page(values, pages, files):
    return Document(_model(values, pages, files), SETTINGS).page(None)


def print_html(values, pages, files):
    """The HTML that WeasyPrint lays out as the PDF."""
    return Document(_model(values, pages, files), SETTINGS).html()


def json_file(values, pages, files):
    return data_files(_model(values, pages, files), SETTINGS)[JSON_FILE]


def csv_files(values, pages, files):
    h = _model(values, pages, files)
    return {t.file: csv_cells.csv_bytes(t, h) for t in csv_tables.tables(h, SETTINGS)}


OUTPUTS: dict[str, tuple[Callable, Callable[[], dict[str, str]]]] = {
    "site": (site_pages, lambda: SITE_OMITTED),
    "print": (print_page, lambda: declared_names(printed.OMITTED)),
    "pdf": (print_html, lambda: declared_names(printed.OMITTED)),
    "json": (json_file, lambda: JSON_OMITTED),
    "csv": (csv_files, csv_omitted),
}


def dropped(render: Callable, omitted: dict[str, str], checked) -> list[str]:
    """'<record>.<field>' for each field the fixture fills that `render`'s output does not
    show: taking it away (or, a required text, changing it) everywhere the fixture has it
    changes nothing, and neither it nor a field it is part of is in `omitted`. A required
    field that is not a text (an id, a reference, a status, a date) is always there and
    always shown: the golden files pin it."""
    values, pages, files = checked.values, checked.pages, checked.files
    shown = render(values, pages, files)
    by_name: dict[str, list[Filled]] = {}
    for field in filled(values, pages):
        if field.required and not field.text:
            continue
        if field.name in omitted or any(owner in omitted for owner in field.within):
            continue
        by_name.setdefault(field.name, []).append(field)
    return [
        name
        for name, fields in by_name.items()
        if all(render(*without(values, pages, f), files) == shown for f in fields)
    ]


@pytest.mark.parametrize("output", OUTPUTS)
def test_every_output_shows_every_field_the_fixture_fills(checked, output):
    render, omitted = OUTPUTS[output]
    assert dropped(render, omitted(), checked) == [], (
        f"the {output} output does not show these fields of the fixture: show them, or name "
        "them in its omit list with why"
    )


def test_the_print_page_check_fails_when_the_page_drops_a_field(checked):
    """The check above can fail: the print page without the links of a maatregel or a
    regeling, as a template that lists its fields by hand would lose them."""

    def without_links(values, pages, files):
        h = _model(values, pages, files)
        for record in (*h.maatregelen.values(), *h.regelingen.values()):
            record.links = ()
        return Document(h, SETTINGS).page(None)

    omitted = declared_names(printed.OMITTED)
    found = dropped(without_links, omitted, checked)
    assert {"maatregel.links", "regeling.links"} <= set(found)


def test_the_json_is_valid_against_its_schema_with_every_field(checked):
    data = json.loads(json_file(checked.values, checked.pages, checked.files))
    validator = jsonschema.Draft202012Validator(export_schema(SETTINGS))
    assert [e.message for e in validator.iter_errors(data)] == []


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_the_pdf_has_the_text_of_the_print_html(checked, tmp_path):
    """The PDF of the fixture, read back with pdftotext, holds the words of the HTML it is
    laid out from; so what the HTML shows of each field (the check above), the PDF shows."""
    document = Document(_model(checked.values, checked.pages, checked.files), SETTINGS)
    pdf = tmp_path / "handreiking.pdf"
    pdf.write_bytes(document.pdf()[0])
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    words = normal(text).replace("- ", "")  # pdftotext keeps a hyphen where a word broke
    html = document.html()
    body = html[html.rindex("<", 0, html.index('id="hoofdstuk-1"')) :]
    parser = _Text()
    parser.feed(body)
    for part in parser.parts:
        line = normal(part)
        if len(line) > 3:
            assert line.replace("- ", "") in words, line


# --- what only an edition's history shows ----------------------------------------------------


def test_the_fixture_after_its_edition_matches_the_golden_files(later, request):
    """The removed maatregel's address with its reason and bron, an old id's page that
    forwards, and the changelog with the edition's vastgesteld and toelichting and the
    maatregel marked 'inhoudelijk gewijzigd' (fixture_fields.later_project)."""
    assert later.checked.errors == []
    files = {path: later.files[path] for path in LATER_GOLDEN}
    if request.config.getoption("--update-goldens"):
        for path, text in files.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
        pytest.skip("golden files rewritten; review the diff")
    for path, text in files.items():
        golden = (GOLDEN / path).read_text(encoding="utf-8")
        assert text == golden, f"{path} differs; run pytest --update-goldens and review"


def test_every_old_id_forwards_and_the_removed_maatregel_says_why(later):
    forwarded = redirects(later.checked)
    assert {old for old, _, _ in forwarded} == {
        "maatregelen/alle-velden/",
        "opgaven/opvang-korte-termijn/",
        "organisaties/regiegroep/",
        "regelingen/oude-voorbeeldregeling/",
    }
    for old_url, new_url, _ in forwarded:
        page = later.files[old_url + "index.html"]
        assert f'<link rel="canonical" href="https://example.org/{new_url}">' in page, old_url
    removed = later.files[f"maatregelen/{REMOVED}.md"]
    assert "Reden: Het COA wijst geen opvanglocaties meer toe" in removed
    assert "(bron: Kamerbrief over escalatiemogelijkheden)" in removed
