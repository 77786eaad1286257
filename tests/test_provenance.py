"""Issue 13: a fact the handreiking states and one the editors inferred look different,
the same way wherever the value appears: the record's page (with the reason), the overviews,
the matrix, the organisatie pages, the open data and the PDF."""

from __future__ import annotations

import json

from lxml import html as lxml_html
from test_render import fixture_pages

from conftest import BUILD_DATE
from generator.base.settings import build_date
from generator.site.build import load


def test_the_minimal_fixture_shows_its_inferred_facts_everywhere():
    pages = fixture_pages()
    reason = "De handreiking noemt geen eindverantwoordelijke; het COA wijst de opvanglocaties toe"
    maatregel = pages["maatregelen/koppelen.md"]
    said = f'<span class="hr-afgeleid">(afgeleid door de redactie: {reason}.)</span>'
    assert f"[COA](../organisaties/coa.md) {said}" in maatregel
    assert "Afgeleid door de redactie, want de handreiking zegt het niet zo: *status*:" in maatregel
    assert "- **geen datum genoemd**: Het COA faciliteert" in maatregel
    overview = pages["maatregelen.md"]
    row = overview[overview.index('href="koppelen/"') :].split("</tr>")[0]
    assert (
        '<a href="../organisaties/coa/">COA</a> <span class="hr-afgeleid">(afgeleid)</span>' in row
    )
    badge = '<span class="hr-status hr-status--beschikbaar">Beschikbaar</span>'
    assert f'{badge} <span class="hr-afgeleid">(afgeleid)</span>' in row
    named = overview[overview.index('href="tussenvoorzieningen/"') :].split("</tr>")[0]
    assert "hr-afgeleid" not in named  # BZK is named by the handreiking for 4.2.1
    matrix = pages["organisaties.md"]
    inferred = '<span class="hr-sr">eindverantwoordelijk, afgeleid door de redactie</span>'
    assert f'<span aria-hidden="true">(E)</span>{inferred}' in matrix
    assert (
        '<span aria-hidden="true">E</span><span class="hr-sr">eindverantwoordelijk</span>' in matrix
    )
    assert "**(E)** tussen haakjes" in matrix
    coa = pages["organisaties/coa.md"]
    assert f'(4.2.4) <span class="hr-afgeleid">(afgeleid door de redactie: {reason}.)</span>' in coa
    regelingen = pages["regelingen.md"]
    assert (
        '">geplande opening in het tweede of derde kwartaal 2021, zonder einddatum '
        '<span class="hr-afgeleid">(afgeleid)</span></td>' in regelingen
    )


def matrix_marks(project) -> dict[tuple[str, str], str | None] | None:
    """{(organisatie, maatregel): 'E', '(E)', 'B' or None} from the built matrix; None when the
    page has no matrix (more than 60 maatregelen, issue 6)."""
    tree = lxml_html.fromstring((project / "site/organisaties/index.html").read_bytes())
    tables = tree.xpath("//table[contains(@class, 'hr-matrix')]")
    if not tables:
        return None
    [table] = tables
    columns = [
        a.get("href").strip("/").rsplit("/", 1)[-1] for a in table.xpath(".//thead/tr[2]/th/a")
    ]
    marks = {}
    for row in table.xpath(".//tbody/tr"):
        organisatie = row.xpath("./th/a")[0].get("href").strip("/").rsplit("/", 1)[-1]
        for maatregel_id, cell in zip(columns, row.xpath("./td"), strict=True):
            shown = cell.xpath("./span[@aria-hidden='true']")
            marks[organisatie, maatregel_id] = shown[0].text if shown else None
    return marks


def assert_matrix_tells_inferred_from_named(project, today) -> int:
    """Each eindverantwoordelijke's cell reads (E) or E; returns how many cells were read."""
    _, h = load(project, today)
    marks = matrix_marks(project)
    if len(h.maatregelen) > 60:  # the matrix is left out for big content (issue 6)
        assert marks is None
        page = (project / "site/organisaties/index.html").read_text(encoding="utf-8")
        assert f"Er zijn {len(h.maatregelen)} maatregelen." in page
        return 0
    assert marks is not None, "no matrix on the organisaties page"
    checked = 0
    for m in h.maatregelen.values():
        for e in m.eindverantwoordelijken:
            mark = marks[str(e), m.id]
            assert mark == ("(E)" if e.afgeleid else "E"), (str(e), m.id)
            checked += 1
    assert checked == sum(mark in ("E", "(E)") for mark in marks.values())
    return checked


def test_the_matrix_tells_every_inferred_eindverantwoordelijke_from_a_named_one(live_project):
    """For any content: each maatregel's cell per eindverantwoordelijke reads (E) or E (or,
    beyond 60 maatregelen, the page says why there is no matrix)."""
    assert_matrix_tells_inferred_from_named(live_project, build_date())


def test_the_frozen_contents_matrix_is_always_checked(built_project):
    """The frozen content stays under 60 maatregelen, so its matrix is there and read, whatever
    the live content grows to (the minimal fixture shows '(E)': the test above)."""
    assert assert_matrix_tells_inferred_from_named(built_project, BUILD_DATE) > 10
    assert {"E", "B", None} <= set(matrix_marks(built_project).values())


def test_the_open_data_carries_the_provenance_as_the_content_writes_it(live_project):
    _, h = load(live_project, build_date())
    data = json.loads((live_project / "site/open-data/handreiking.json").read_text("utf-8"))
    for record in data["maatregelen"]:
        m = h.maatregelen[record["id"]]
        written = [
            {"organisatie": str(e), "afgeleid": e.afgeleid} if e.afgeleid else str(e)
            for e in m.eindverantwoordelijken
            if not e.genoemd
        ]
        assert [
            e for e in record.get("eindverantwoordelijken", []) if "genoemd" not in e
        ] == written
        assert record.get("afgeleid") == (m.afgeleid or None)
