"""The open data in the programs people open it with: LibreOffice Calc, khal, check-jsonschema
and the pdfua checker.

Each client runs on the live content's build (what holds for any valid content) and on the
fixture content under tests/fixtures/open-data (the specifics: a comma and a semicolon in a title, a
name that starts with an apostrophe, a formula-like text, a decimal number, a mijlpaal of every
precision). LibreOffice starts slowly, so every CSV of both is imported in one soffice run per
setting.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from clients import Cell, khal_days, libreoffice_import, run
from pypdf import PdfReader

from conftest import BUILD_DATE, ROOT
from generator.base.settings import SiteConfig, build_date
from generator.base.urls import PDF_FILE, page_url
from generator.history.snapshots import SNAPSHOT_SCHEMA
from generator.outputs.csv_cells import DATE, NUMBER, TEXT, Dialect, csv_bytes
from generator.outputs.csv_tables import tables
from generator.outputs.export import SCHEMA_FILE
from generator.outputs.ical import ICS_FILE, calendar_bytes
from generator.outputs.printed import Document
from generator.site.build import load

FIXTURE = ROOT / "tests" / "fixtures" / "open-data"
pytestmark = pytest.mark.xdist_group("clients")  # one soffice start per setting, not per worker


@pytest.fixture(scope="module")
def live(live_project):
    today = build_date()
    return load(live_project, today)[1], SiteConfig.read(live_project).settings(today)


@pytest.fixture(scope="module")
def fixture():
    return load(FIXTURE, BUILD_DATE)[1], SiteConfig.read(FIXTURE).settings(BUILD_DATE)


# --- LibreOffice Calc --------------------------------------------------------------------


@pytest.fixture(scope="module")
def csv_inputs(live_site_dir, live, fixture) -> dict[str, tuple[bytes, object]]:
    """Every CSV of the live site ('site-…') and of the fixture ('fixture-…'): its bytes and
    its Table."""
    model, settings = fixture
    inputs = {}
    for table in tables(model, settings):
        inputs["fixture-" + Path(table.file).name] = (csv_bytes(table, model), table)
    for table in tables(*live):
        inputs["site-" + Path(table.file).name] = ((live_site_dir / table.file).read_bytes(), table)
    return inputs


@pytest.fixture(scope="module", params=[False, True], ids=["defaults", "special-numbers"])
def calc(request, csv_inputs, tmp_path_factory) -> dict[str, list[list[Cell]]]:
    """Calc's import of every CSV: with its defaults, and with 'Detect special numbers'
    ticked (the one option that makes Calc read dates and words as dates, as Excel does)."""
    folder = tmp_path_factory.mktemp("calc")
    files = []
    for name, (data, _) in csv_inputs.items():
        (folder / name).write_bytes(data)
        files.append(folder / name)
    return libreoffice_import(files, folder / "out", detect_special_numbers=request.param)


def parse(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), dialect=Dialect))


def differences(rows: list[list[Cell]], data: bytes, table) -> list[str]:
    """Where Calc's cells differ from the CSV: row count, column count, text or type."""
    expected = parse(data)
    found = []
    if len(rows) != len(expected):
        found.append(f"{len(rows)} rows in Calc, {len(expected)} in the CSV")
    for number, (cells, fields) in enumerate(zip(rows, expected, strict=False), start=1):
        if len(cells) > len(fields):
            found.append(f"row {number}: {len(cells)} columns in Calc, {len(fields)} in the CSV")
            continue
        cells = cells + [Cell(None, None, "")] * (len(fields) - len(cells))
        for column, field, cell in zip(table.columns, fields, cells, strict=True):
            kind = TEXT if number == 1 else column.type
            if field == "":
                ok = cell.type is None and cell.text == ""
            elif kind == TEXT:
                ok = cell.type == "string" and cell.text == field
            elif kind == NUMBER:
                ok = cell.type == "float" and float(cell.value) == float(field.replace(",", "."))
            else:
                ok = kind == DATE and cell.type == "date" and cell.value[:10] == field
            if not ok:
                found.append(f"row {number}, {column.name}: {field!r} became {cell}")
    return found


def test_calc_imports_every_csv_with_its_rows_columns_texts_and_types(calc, csv_inputs):
    """Any content: every cell arrives in its own column, text as the same text, a number
    as that number and a date as that date."""
    problems = {
        name: found[:5]
        for name, (data, table) in csv_inputs.items()
        if (found := differences(calc[name], data, table))
    }
    assert problems == {}


def _by_id(rows: list[list[Cell]]) -> dict[str, dict[str, Cell]]:
    header = [c.text for c in rows[0]]
    return {row[0].text: dict(zip(header, row, strict=False)) for row in rows[1:]}


def test_calc_keeps_the_fixtures_tricky_cells_as_written(calc):
    maatregelen = _by_id(calc["fixture-maatregelen.csv"])
    assert maatregelen["tussenvoorzieningen"]["titel"].text == (
        "Tussenvormen, huisvesting; tijdelijk"
    )
    assert maatregelen["koppelen"]["sectie"] == Cell("string", None, "'4.2")
    assert maatregelen["tussenvoorzieningen"]["betrokkenen"].text == "coa | vng | den-bosch"
    organisaties = _by_id(calc["fixture-organisaties.csv"])
    assert organisaties["den-bosch"]["naam"] == Cell("string", None, "''s-Hertogenbosch")
    assert organisaties["den-bosch"]["rol"] == Cell(
        "string", None, "'=1+1 is hier tekst, geen formule"
    )
    waarden = [row[3] for row in calc["fixture-kerncijfers.csv"][1:]]
    assert [(c.type, float(c.value)) for c in waarden] == [("float", 13500.0), ("float", 12.5)]
    header, *rows = calc["fixture-mijlpalen.csv"]
    columns = [c.text for c in header]
    by_notation = {row[0].text: dict(zip(columns, row, strict=False)) for row in rows}
    assert sorted(by_notation) == sorted(
        [
            "'2021-02-01",
            "'2021-Q1",
            "'2021-03..2021-07",
            "'2021-04",
            "'2021-04-01",
            "'2021-zomer",
            "eind 2021",
            "'2022",
            "geen",
        ]
    )
    geen = by_notation["geen"]  # no date in the handreiking: its day cells are empty
    assert geen["datum_woorden"].text == "geen datum genoemd"
    assert (geen["datum_begin"].text, geen["datum_einde"].text) == ("", "")
    month = by_notation["'2021-04"]
    assert (month["datum_woorden"].type, month["datum_woorden"].text) == ("string", "'april 2021")
    assert (month["datum_begin"].type, month["datum_begin"].value) == ("date", "2021-04-01")
    assert (month["datum_einde"].type, month["datum_einde"].value) == ("date", "2021-04-30")
    proef = by_notation["'2021-03..2021-07"]["tekst"]
    assert proef.text == 'Proef in drie gemeenten, met\teen tab en "aanhalingstekens".'


# --- khal ----------------------------------------------------------------------------------


def _intended_day(p) -> date:
    """The day a mijlpaal should be on: its day, or the last day of its period."""
    return p.datum.einde


def _dated(model) -> list:
    """The mijlpalen with a date: one without ('geen datum genoemd') is not in the calendar."""
    return [p for p in model.mijlpalen if p.datum.dated]


def _khal(model, ics: Path, work: Path):
    start = min(p.datum.begin for p in _dated(model)) - timedelta(days=31)
    end = max(p.datum.einde for p in _dated(model)) + timedelta(days=31)
    return khal_days(ics, work, start, end)


def test_khal_shows_each_mijlpaal_once_on_its_day(live, live_site_dir, tmp_path):
    """Any content: one event-day per mijlpaal, on the intended day, linking to its page."""
    model, settings = live
    days = _khal(model, live_site_dir / ICS_FILE, tmp_path)
    expected = sorted(
        (_intended_day(p), page_url(settings, p.eigenaar_kind, p.eigenaar_id))
        for p in _dated(model)
    )
    assert sorted((day, url) for day, _, url in days) == expected
    assert len(days) == len(_dated(model))


def test_khal_shows_the_fixtures_mijlpalen_where_a_reader_expects_them(fixture, tmp_path):
    model, settings = fixture
    ics = tmp_path / "mijlpalen.ics"
    ics.write_bytes(calendar_bytes(model, settings))
    days = [(day.isoformat(), title) for day, title, _ in _khal(model, ics, tmp_path / "khal")]
    # Issue 22: "uiterlijk" only where the text states a deadline (none here); a mijlpaal that
    # passed unnoticed on the build date says "verlopen", as the site does.
    assert days == [
        ("2021-02-01", "Bestuurlijke aanjager · verlopen"),
        ("2021-03-31", "Tussenvormen, huisvesting; tijdelijk (eerste kwartaal 2021) · verlopen"),
        ("2021-04-01", "Huisvesting vergunninghouders · verlopen"),
        ("2021-04-30", "Tussenvormen, huisvesting; tijdelijk (april 2021) · verlopen"),
        ("2021-07-31", "Tussenvormen, huisvesting; tijdelijk (maart t/m juli 2021)"),
        ("2021-08-31", "Bestuurlijke aanjager (zomer 2021)"),
        ("2021-12-31", "Bestuurlijke aanjager (eind 2021)"),
        ("2022-12-31", "Tussenvormen, huisvesting; tijdelijk (2022)"),
    ]


# --- check-jsonschema ------------------------------------------------------------------------

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def test_check_jsonschema_validates_the_open_data_and_the_schemas(live_site_dir):
    data = run(
        "check-jsonschema",
        "--schemafile",
        live_site_dir / SCHEMA_FILE,
        live_site_dir / "open-data/handreiking.json",
    )
    assert data.returncode == 0, data.stdout + data.stderr
    schemas = [live_site_dir / SCHEMA_FILE, *sorted((live_site_dir / "schema").glob("*.json"))]
    meta = run("check-jsonschema", "--check-metaschema", *schemas)
    assert meta.returncode == 0, meta.stdout + meta.stderr


def test_every_content_file_validates_against_its_modeline_schema(live_project):
    """Any content: maatregelen.yaml, content/*.yaml and the frozen editions each name their
    schema in a modeline, and check-jsonschema finds them valid against it."""
    files = [live_project / "maatregelen.yaml", *sorted(live_project.glob("content/*.yaml"))]
    files += sorted(live_project.glob("content/edities/*.yaml"))
    by_schema: dict[Path, list[Path]] = {}
    for path in files:
        first = path.read_text(encoding="utf-8").partition("\n")[0]
        match = MODELINE.match(first)
        assert match, f"{path.relative_to(live_project)} has no schema modeline"
        by_schema.setdefault((path.parent / match[1]).resolve(), []).append(path)
    for schema, paths in by_schema.items():
        assert schema.is_file(), schema
        result = run("check-jsonschema", "--schemafile", schema, *paths)
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_frozen_edition_validates_against_the_snapshot_schema(built_project, tmp_path):
    edition = built_project / "content/edities/2021.yaml"
    first = edition.read_text(encoding="utf-8").partition("\n")[0]
    assert first == f"# yaml-language-server: $schema=../../{SNAPSHOT_SCHEMA}"
    result = run("check-jsonschema", "--schemafile", built_project / SNAPSHOT_SCHEMA, edition)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "2030.yaml"
    broken.write_text("formaat: 9\neditie: {jaar: 2030}\n", encoding="utf-8")
    result = run("check-jsonschema", "--schemafile", built_project / SNAPSHOT_SCHEMA, broken)
    assert result.returncode == 1 and "formaat" in result.stdout, result.stdout


def test_schema_ids_are_their_published_addresses(live_project, live_site_dir):
    site = yaml.safe_load((live_project / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    committed = sorted((live_project / "schema").glob("*.json"))
    assert live_project / SNAPSHOT_SCHEMA in committed
    for path in committed:
        relative = path.relative_to(live_project).as_posix()
        assert json.loads(path.read_text(encoding="utf-8"))["$id"] == site + relative
        assert (live_site_dir / relative).read_bytes() == path.read_bytes(), relative


# --- pdfua -----------------------------------------------------------------------------------


def _header_scopes(pdf: Path) -> list[str | None]:
    """The /Scope of every /TH in the structure tree, in document order."""
    found: list[str | None] = []

    def walk(node):
        node = node.get_object()
        if not hasattr(node, "get"):
            return
        if node.get("/S") == "/TH":
            attributes = node.get("/A")
            found.append(attributes.get_object().get("/Scope") if attributes else None)
        kids = node.get("/K")
        if kids is None:
            return
        kids = kids.get_object()
        for kid in kids if isinstance(kids, list) else [kids]:
            walk(kid)

    walk(PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"])
    return found


def test_pdfua_reports_no_error_or_warning(live_site_dir, live_project):
    result = run("pdfua", "check", "--format", "json", live_site_dir / PDF_FILE)
    report = json.loads(result.stdout)
    assert (report["summary"]["errors"], report["summary"]["warnings"]) == (0, 0), report
    assert result.returncode == 0
    scopes = _header_scopes(live_site_dir / PDF_FILE)
    assert scopes and None not in scopes
    author = SiteConfig.read(live_project).site_author
    assert author and PdfReader(live_site_dir / PDF_FILE).metadata.author == author


def test_the_fixture_pdf_scopes_its_headers_and_names_its_publishers(fixture, tmp_path):
    model, settings = fixture
    pdf = tmp_path / "handreiking.pdf"
    pdf.write_bytes(Document(model, settings).pdf()[0])
    # One kerncijfers table: four column headers, then one row header per kerncijfer.
    assert _header_scopes(pdf) == ["/Column"] * 4 + ["/Row"] * 2
    assert PdfReader(pdf).metadata.author == "Uitgever één, Uitgever twee"
    report = json.loads(run("pdfua", "check", "--format", "json", pdf).stdout)
    assert (report["summary"]["errors"], report["summary"]["warnings"]) == (0, 0), report


def test_clients_are_installed():
    """`make test-deps` installs them; a missing one is a setup error, never a skip."""
    assert shutil.which("soffice"), "run `make test-deps`"
    for command in ("khal", "check-jsonschema", "pdfua"):
        assert run(command, "--version").returncode == 0, command
