"""Open data: the JSON, its schema and the CSV files of a real build, parsed back and compared
to the model; the CLI export; the open-data page; the downloads reached from a real browser."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import BUILD_DATE, ROOT, copy_project
from generator.base.settings import SiteConfig
from generator.cli.main import main as cli
from generator.content.schema import MAATREGEL
from generator.outputs.csv_cells import LIST_SEPARATOR, Dialect, text_value
from generator.outputs.csv_tables import tables
from generator.outputs.export import JSON_FILE, SCHEMA_FILE, data_files
from generator.outputs.render import Settings
from generator.site.build import load

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


@pytest.fixture(scope="module")
def model(built_project):
    return load(built_project, BUILD_DATE)[1]


@pytest.fixture(scope="module")
def settings(built_project) -> Settings:
    config = SiteConfig.read(built_project)
    return Settings(today=BUILD_DATE, repo_url=config.repo_url, site_url=config.site_url)


def read_csv(data: bytes) -> list[list[str]]:
    """The cells' values: as a program reads them, one leading apostrophe stripped."""
    assert data.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM for Excel"
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), dialect=Dialect)
    return [[text_value(cell) for cell in row] for row in rows]


def test_json_is_valid_against_the_published_schema(site_dir, model):
    data = json.loads((site_dir / JSON_FILE).read_text(encoding="utf-8"))
    schema = json.loads((site_dir / SCHEMA_FILE).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert [e.message for e in validator.iter_errors(data)] == []
    assert data["$schema"] == SITE_URL + SCHEMA_FILE == schema["$id"]

    assert data["editie"]["jaar"] == model.editie.jaar
    assert data["editie"]["peildatum"] == model.editie.peildatum.notatie
    assert data["bouwdatum"] == BUILD_DATE.isoformat()
    assert data["licentie"]["id"] == "CC0-1.0"
    for key in ("opgaven", "maatregelen", "regelingen", "organisaties", "bronnen"):
        assert [r["id"] for r in data[key]] == list(getattr(model, key)), key
    assert len(data["begrippen"]) == len(model.begrippen)
    assert [p["slug"] for p in data["paginas"]] == [p.slug for p in model.paginas]

    m = model.maatregelen["tussenvoorzieningen"]
    record = data["maatregelen"][0]
    assert (record["id"], record["titel"], record["sectie"], record["status"]) == (
        m.id,
        m.titel,
        m.sectie,
        m.status,
    )
    assert record["beschrijving"] == m.beschrijving
    assert record["eindverantwoordelijken"] == list(m.eindverantwoordelijken)
    assert [p["datum"] for p in record["tijdspad"]] == [p.datum.notatie for p in m.tijdspad]
    assert record["voetnoten"] == list(m.voetnoten)
    assert record["url"] == f"{SITE_URL}maatregelen/tussenvoorzieningen/"

    bedragen = {r["id"]: r.get("bedrag", {}).get("waarde") for r in data["regelingen"]}
    assert bedragen == {
        r.id: r.bedrag.waarde if r.bedrag else None for r in model.regelingen.values()
    }
    assert len(data["mijlpalen"]) == len(model.mijlpalen)
    for exported, p in zip(data["mijlpalen"], model.mijlpalen, strict=True):
        assert (exported["datum"], exported["woorden"], exported["begin"], exported["einde"]) == (
            p.datum.notatie,
            p.termijn.words,  # issue 22: with the text's hedge; an opening has no end
            p.datum.begin.isoformat(),
            p.termijn.einde.isoformat() if p.termijn.einde else None,
        )


def test_schema_has_the_fields_of_generator_schema(site_dir):
    schema = json.loads((site_dir / SCHEMA_FILE).read_text(encoding="utf-8"))
    properties = schema["$defs"]["maatregel"]["properties"]
    assert list(properties) == [f.key for f in MAATREGEL.fields] + ["url", "verlopen"]
    assert properties["titel"]["title"] == MAATREGEL.field("titel").label


def test_every_csv_parses_back_to_the_model(site_dir, model, settings):
    for table in tables(model, settings):
        rows = read_csv((site_dir / table.file).read_bytes())
        header, body = rows[0], rows[1:]
        assert header == [c.name for c in table.columns], table.file
        assert len(body) == len(list(table.rows(model))), table.file
        assert {len(row) for row in body} == {len(header)}, table.file

    maatregelen = [
        dict(zip(rows[0], r, strict=True))
        for rows in [read_csv((site_dir / "open-data/maatregelen.csv").read_bytes())]
        for r in rows[1:]
    ]
    assert [r["id"] for r in maatregelen] == list(model.maatregelen)
    first = maatregelen[0]
    m = model.maatregelen[first["id"]]
    assert first["titel"] == m.titel and first["sectie"] == m.sectie
    assert first["eindverantwoordelijken"].split(LIST_SEPARATOR) == list(m.eindverantwoordelijken)
    assert first["betrokkenen"].split(LIST_SEPARATOR) == list(m.betrokkenen)
    assert first["url"] == f"{SITE_URL}maatregelen/{m.id}/"

    regelingen = read_csv((site_dir / "open-data/regelingen.csv").read_bytes())
    by_id = {r[0]: dict(zip(regelingen[0], r, strict=True)) for r in regelingen[1:]}
    for r in model.regelingen.values():
        assert by_id[r.id]["bedrag"] == (str(r.bedrag.waarde) if r.bedrag else ""), r.id
        if r.aanvraagperiode:
            assert by_id[r.id]["aanvraagperiode_begin"] == r.aanvraagperiode.begin.isoformat()
            assert by_id[r.id]["aanvraagperiode_woorden"] == r.aanvraag.words
    assert by_id["middelen-huisvesting-aandachtsgroepen"]["bedrag"] == "50000000"

    mijlpalen = read_csv((site_dir / "open-data/mijlpalen.csv").read_bytes())
    for row, p in zip(mijlpalen[1:], model.mijlpalen, strict=True):
        cells = dict(zip(mijlpalen[0], row, strict=True))
        assert cells["datum"] == p.datum.notatie
        assert (cells["datum_begin"], cells["datum_einde"]) == (
            p.datum.begin.isoformat(),
            p.termijn.einde.isoformat() if p.termijn.einde else "",  # an opening has no end
        )
        assert cells["tekst"] == p.tekst


TRICKY_TITEL = 'Tussenvormen; "huisvesting", test'
TRICKY_ROL = 'Regel één; met "aanhalingstekens"\nen een tweede regel; ook met ;'


def test_csv_keeps_semicolons_quotes_and_newlines(tmp_path):
    project = copy_project(tmp_path / "project")
    maatregelen = project / "maatregelen.yaml"
    text = maatregelen.read_text(encoding="utf-8")
    assert "    titel: Tussenvormen huisvesting\n" in text
    maatregelen.write_text(
        text.replace("    titel: Tussenvormen huisvesting\n", f"    titel: '{TRICKY_TITEL}'\n", 1),
        encoding="utf-8",
    )
    organisaties = project / "content" / "organisaties.yaml"
    data = organisaties.read_text(encoding="utf-8")
    first_rol = re.search(r"^    rol: .*(?:\n      .*)*", data, re.M)
    assert first_rol, "fixture: the first organisatie has a rol"
    indented = TRICKY_ROL.replace("\n", "\n      ")
    organisaties.write_text(
        data.replace(first_rol.group(0), f"    rol: |-\n      {indented}", 1), encoding="utf-8"
    )
    _, model = load(project, BUILD_DATE)
    first_org = next(o for o in model.organisaties.values() if o.rol == TRICKY_ROL)
    files = data_files(model, Settings(today=BUILD_DATE, site_url="https://example.org/"))

    raw = files["open-data/maatregelen.csv"]
    assert b'"Tussenvormen; ""huisvesting"", test"' in raw  # RFC 4180 quoting, doubled quotes
    for dialect in (Dialect, "excel"):  # ours, and any parser told only the separator
        options = {"dialect": dialect} if dialect is Dialect else {"delimiter": ";"}
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), **options))
        titels = [dict(zip(rows[0], r, strict=True))["titel"] for r in rows[1:]]
        assert TRICKY_TITEL in titels
    organisatie_rows = read_csv(files["open-data/organisaties.csv"])
    rollen = {
        r[0]: dict(zip(organisatie_rows[0], r, strict=True))["rol"] for r in organisatie_rows[1:]
    }
    assert rollen[first_org.id] == TRICKY_ROL
    assert len(organisatie_rows) == len(model.organisaties) + 1


def test_open_data_page_explains_every_file(site_dir, model, settings):
    html = (site_dir / "open-data" / "index.html").read_text(encoding="utf-8")
    assert "CC0 1.0" in html and "creativecommons.org/publicdomain/zero/1.0" in html
    assert "gebruikelijke licentie voor open data" in html
    assert f"editie {model.editie.jaar}" in html
    for name in (
        "handreiking.json",
        "handreiking.schema.json",
        "maatregelen.csv",
        "regelingen.csv",
        "organisaties.csv",
        "mijlpalen.csv",
        "opgaven.csv",
        "kerncijfers.csv",
        "mijlpalen.ics",
        "handreiking.pdf",
    ):
        assert f'href="{name}"' in html, name
        assert (site_dir / "open-data" / name).is_file(), name
    for table in tables(model, settings):
        for column in table.columns:
            assert f"<code>{column.name}</code>" in html, (table.file, column.name)


def test_export_writes_the_same_bytes_as_the_site(site_dir, built_project, tmp_path, capsys):
    out = tmp_path / "export"
    code = cli(
        [
            "export",
            "--root",
            str(built_project),
            "--out",
            str(out),
            "--datum",
            BUILD_DATE.isoformat(),
        ]
    )
    assert code == 0, capsys.readouterr().err
    written = sorted(p.name for p in out.iterdir())
    published = sorted(p.name for p in (site_dir / "open-data").iterdir() if p.name != "index.html")
    assert written == published
    for name in written:  # the PDF too: same content and build date, same bytes
        assert (out / name).read_bytes() == (site_dir / "open-data" / name).read_bytes(), name


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_downloads_are_linked_and_served(page, site_url):
    types = {
        ".json": "application/json",
        ".csv": "text/csv",
        ".ics": "text/calendar",
        ".pdf": "application/pdf",
    }
    for start in ("", "maatregelen/tussenvoorzieningen/", "handreiking/volledig/"):
        page.goto(site_url + start)
        link = page.get_by_role("link", name="Download als PDF", exact=True).first
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.status == 200, start
        assert response.headers["content-type"].startswith("application/pdf")
        assert response.body().startswith(b"%PDF-")

    page.goto(site_url)
    assert page.locator('a[href$="open-data/"]').count() > 0  # in the navigation
    page.goto(site_url + "open-data/")
    hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.href)")
    files = sorted({h for h in hrefs if Path(h).suffix in types and "/open-data/" in h})
    current = [f for f in files if "/editie/" not in f]
    assert len(current) == 10, files
    assert [f for f in files if "/editie/" in f] == [
        site_url + "editie/2021/open-data/handreiking.json"
    ]
    for url in files:
        response = page.request.get(url)
        assert response.status == 200, url
        assert response.headers["content-type"].startswith(types[Path(url).suffix]), url
    assert [r for r in page.requests if not r.startswith(site_url)] == []
