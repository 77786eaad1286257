"""Issue 13: a reader always knows how current each fact is.

The frozen fixture content (editie 2021, peildatum februari 2021) is built twice: within the
edition's year (BUILD_DATE, June 2021) and long after it (December 2026). Every page, the PDF
and the open data say which edition and stand they show; only the late build carries the
notice that the information may be out of date. Wherever the status of an overdue maatregel
or regeling appears, it says so.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import subprocess
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import html as lxml_html
from site_checks import html_files, is_redirect, page_url

from conftest import copy_project
from generator.base.urls import PDF_FILE, url_of
from generator.content.model import VOLGENDE_EDITIE_AFGELEID
from generator.outputs.csv_cells import text_value
from generator.site.build import build, load

LATE = date(2026, 12, 1)
NOTICE = "Let op: deze informatie kan verouderd zijn."
# One worker runs the module, so the late build (seconds, with its PDF) is made once.
pytestmark = pytest.mark.xdist_group("currency")


@pytest.fixture(scope="module")
def late(tmp_path_factory) -> Path:
    """The fixture content built on 1 December 2026, PDF included."""
    project = copy_project(tmp_path_factory.mktemp("laat"))
    build(project, LATE)
    return project


def pages(site: Path) -> list[Path]:
    """Every page a reader stays on (no redirect stubs, no 404), but a published edition's
    own fixed pages (issue 20): those say which edition they are (test_edition_pages_...)."""
    return [
        f
        for f in html_files(site)
        if not is_redirect(f) and f.name != "404.html" and not _edition_page(site, f)
    ]


def _edition_page(site: Path, path: Path) -> bool:
    parts = path.relative_to(site).parts
    return len(parts) > 2 and parts[0] == "editie" and parts[1].isdigit()


def test_every_page_of_a_published_edition_says_which_edition_and_that_it_stays(late):
    site = late / "site"
    found = [f for f in html_files(site) if _edition_page(site, f)]
    assert len(found) > 40
    for file in found:
        markup = file.read_text(encoding="utf-8")
        main = markup[markup.index('id="hoofdinhoud"') :]
        assert "U leest editie 2021" in main and "vaste versie" in main, file
        assert "Editie 2021 van de handreiking · stand: februari 2021" in main, file
        assert NOTICE not in main, file  # a fixed version is not out of date: it is dated


def pdf_text(site: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", str(site / PDF_FILE), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_a_late_build_says_on_every_page_and_in_the_pdf_that_it_may_be_out_of_date(late):
    site = late / "site"
    found = pages(site)
    assert len(found) > 40
    for file in found:
        markup = file.read_text(encoding="utf-8")
        main = markup[markup.index('id="hoofdinhoud"') :]
        assert NOTICE in main, file
        assert 'role="note"' in main[: main.index(NOTICE)], file
        assert "Editie 2021 van de handreiking · stand: februari 2021" in main, file
        # Issue 22: the due date of a next edition is inferred, and the notice says so; the
        # notice is one line that opens (<details>), so the page stays on a phone's screen.
        assert "te verwachten tot en met 28 februari 2022" in main, file
        said = html.unescape(main)
        assert "(afgeleid door de redactie: de handreiking wordt 'minimaal jaarlijks" in said
        assert "uiterlijk 28 februari" not in main, file
        assert '<details class="hr-actualiteit__meer">' in main, file
    cover = pdf_text(site).split("\f")[0]
    assert NOTICE in " ".join(cover.split())


def test_a_build_within_the_editions_year_names_the_edition_but_no_notice(site_dir):
    for file in pages(site_dir):
        markup = file.read_text(encoding="utf-8")
        assert NOTICE not in markup, file
        assert "Editie 2021 van de handreiking · stand: februari 2021" in markup, file
    text = " ".join(pdf_text(site_dir).split())
    assert NOTICE not in text and "Stand februari 2021" in text


def test_the_open_data_says_its_edition_stand_and_whether_it_is_old(late, site_dir):
    for site, old in ((late / "site", True), (site_dir, False)):
        data = json.loads((site / "open-data" / "handreiking.json").read_text(encoding="utf-8"))
        assert data["actualiteit"] == {
            "stand": "februari 2021",
            "volgende_editie_verwacht": "2022-02-28",
            "volgende_editie_afgeleid": VOLGENDE_EDITIE_AFGELEID,
            "mogelijk_verouderd": old,
        }
        for name in ("maatregelen", "regelingen", "mijlpalen", "opgaven"):
            text = (site / "open-data" / f"{name}.csv").read_bytes().decode("utf-8-sig")
            rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
            stamps = {(r["editie"], text_value(r["stand"])) for r in rows}
            assert stamps == {("2021", "februari 2021")}, name
        calendar = (site / "open-data" / "mijlpalen.ics").read_text(encoding="utf-8")
        assert ("mogelijk verouderd" in calendar) is old


def _status_places(site: Path, kind: str, ids: set[str]):
    """(page, record id, badge text) for every list item or table row that links a record
    of `kind` and shows a status badge: every place a reader sees that record's status."""
    for file in pages(site):
        tree = lxml_html.fromstring(file.read_bytes())
        base = page_url(site, file)
        for element in tree.xpath("//li | //tr"):
            badges = element.xpath(".//span[contains(@class, 'hr-status ')]")
            links = {
                urljoin("/" + base, a.get("href")).strip("/").rsplit("/", 1)[-1]
                for a in element.xpath(".//a[@href]")
                if urljoin("/" + base, a.get("href")).strip("/").startswith(url_of(kind).strip("/"))
            }
            nested = element.xpath(".//li | .//tr")
            if len(badges) == 1 and len(links & ids) == 1 and not nested:
                yield base, (links & ids).pop(), badges[0].text_content()


def test_every_overdue_maatregel_and_regeling_says_so_wherever_its_status_appears(late):
    _, h = load(late, LATE)
    site = late / "site"
    for kind, records in (("maatregel", h.maatregelen), ("regeling", h.regelingen)):
        overdue = {r.id for r in records.values() if r.is_overdue(LATE)}
        assert overdue, kind  # the 2021 content has passed tijdspaden by 2026
        places = list(_status_places(site, kind, set(records)))
        assert len({record for _, record, _ in places}) >= len(records) // 2, kind
        for where, record, badge in places:
            assert ("· verlopen" in badge) == (record in overdue), (where, record, badge)
        for record in overdue:  # the record's own page, its header badge
            markup = (site / url_of(kind, record) / "index.html").read_text(encoding="utf-8")
            assert re.search(r'hr-status--verlopen">[^<]+ · verlopen</span>', markup), record
    home = (site / "index.html").read_text(encoding="utf-8")
    count = sum(m.is_overdue(LATE) for m in h.maatregelen.values())
    assert f"bij {count} daarvan is het tijdspad verlopen" in home
    data = json.loads((site / "open-data" / "handreiking.json").read_text(encoding="utf-8"))
    assert {m["id"] for m in data["maatregelen"] if m["verlopen"]} == {
        m.id for m in h.maatregelen.values() if m.is_overdue(LATE)
    }
    pdf = " ".join(pdf_text(site).split())
    assert "Status: In voorbereiding · verlopen" in pdf


def test_the_tijdspad_of_the_aanjager_and_of_huisvesting_is_in_true_order(site_dir):
    def tijdspad(url: str) -> list[str]:
        tree = lxml_html.fromstring((site_dir / url / "index.html").read_bytes())
        heading = tree.xpath("//h2[starts-with(normalize-space(.), 'Tijdspad')]")[0]
        items = heading.getnext().xpath("./li/strong")
        return [" ".join(i.text_content().split()) for i in items]

    assert tijdspad("maatregelen/inzet-bestuurlijke-aanjager") == [
        "15 december 2020",
        "1 februari 2021",
        "naar verwachting zomer 2021",  # issue 22: the text's hedge stays with the date
        "naar verwachting eind 2021",
    ]
    assert tijdspad("opgaven/huisvesting") == [
        "januari 2021",
        "15 maart 2021",
        "uiterlijk 1 april 2021",
        "beoogd medio 2021",
    ]
