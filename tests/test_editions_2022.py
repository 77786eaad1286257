"""Acceptance: a "2022 edition" derived from the real 2021 content, built for real.

The fixture (tests/fixtures/edition2022/derive.py) adds a maatregel, ends one, changes an
amount and an eindverantwoordelijke, renames an id and lets a mijlpaal pass. The changelog
page and `handreiking diff` must show exactly those changes, the old URL must redirect in a
real browser, and `check` must report the overdue mijlpaal with file:line.
"""

from __future__ import annotations

import functools
import html.parser
import http.server
import re
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fixtures.edition2022.derive import EDITIE_2022_DATUM, Plan, derive_2022, handreiking

from conftest import copy_project
from generator.build import build

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> tuple[Path, Plan]:
    project = copy_project(tmp_path_factory.mktemp("edition2022"))
    plan = derive_2022(project)
    build(project, EDITIE_2022_DATUM)
    return project, plan


class _Items(html.parser.HTMLParser):
    """The text of every <li> inside the element with id `section`."""

    def __init__(self, section: str):
        super().__init__()
        self.section, self.inside, self.depth, self.items, self.current = (
            section,
            False,
            0,
            [],
            None,
        )

    def handle_starttag(self, tag, attrs):
        if dict(attrs).get("id") == self.section:
            self.inside = True
        elif tag == "h2" and self.inside and self.items:
            self.inside = False
        if self.inside and tag == "li":
            self.current = []

    def handle_endtag(self, tag):
        if tag == "li" and self.current is not None:
            self.items.append(" ".join("".join(self.current).split()))
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(data)


def changelog_lines(site: Path, section: str) -> list[str]:
    parser = _Items(section)
    parser.feed((site / "wijzigingen" / "index.html").read_text(encoding="utf-8"))
    return parser.items


def test_the_diff_command_prints_exactly_the_changes(edition):
    project, plan = edition
    result = handreiking(project, "diff", "2021", "2022", datum=EDITIE_2022_DATUM)
    assert result.returncode == 0, result.stderr
    lines = [
        line[2:].replace("**", "").replace("\\", "")
        for line in result.stdout.splitlines()
        if line.startswith("- ")
    ]
    assert sorted(lines) == sorted(plan.lines)
    assert result.stdout.startswith("## Wat is er veranderd: editie 2021 → editie 2022\n")
    against_working = handreiking(project, "diff", "2021", datum=EDITIE_2022_DATUM)
    assert against_working.stdout.splitlines()[1:] == result.stdout.splitlines()[1:]


def test_the_changelog_page_shows_exactly_the_changes(edition):
    project, plan = edition
    site = project / "site"
    assert sorted(changelog_lines(site, "editie-2022")) == sorted(plan.lines)
    page = (site / "wijzigingen" / "index.html").read_text(encoding="utf-8")
    assert "Vastgesteld 1 maart 2022 door de Landelijke Regietafel" in page
    assert page.index('id="editie-2022"') < page.index('id="editie-2021"')
    assert 'href="../maatregelen/kennisbank-tussenvoorzieningen/"' in page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="wijzigingen/"' in home


def test_maatregel_pages_say_when_they_appeared_and_last_changed(edition):
    project, plan = edition

    def history(maatregel: str) -> str:
        page = (project / "site/maatregelen" / maatregel / "index.html").read_text("utf-8")
        text = re.sub(r"<[^>]+>", "", page)
        return " ".join(re.search(r"Opgenomen sinds[^\n]*", text)[0].split())

    assert history(plan.beeindigd_id).startswith(
        "Opgenomen sinds editie 2021 · laatst inhoudelijk gewijzigd: editie 2022"
    )
    assert history(plan.eigenaar_id).startswith(
        "Opgenomen sinds editie 2021 · laatst inhoudelijk gewijzigd: editie 2022"
    )
    assert history(plan.nieuw_id).startswith("Opgenomen sinds editie 2022 · sindsdien")
    assert history(plan.hernoemd_nieuw).startswith(  # a new address is no change in substance
        "Opgenomen sinds editie 2021 · sindsdien inhoudelijk niet gewijzigd"
    )


def test_the_overdue_mijlpaal_is_reported_with_file_and_line(edition):
    project, plan = edition
    result = handreiking(
        project, "check", "--peildatum", EDITIE_2022_DATUM.isoformat(), datum=EDITIE_2022_DATUM
    )
    assert result.returncode == 0, result.stderr
    expected = f"{plan.verlopen_at}: waarschuwing: "
    warning = next(line for line in result.stderr.splitlines() if line.startswith(expected))
    assert f"de maatregel '{plan.verlopen_id}' staat nog op" in warning
    assert "werk de status of het tijdspad bij" in warning
    strict = handreiking(
        project,
        "check",
        "--peildatum",
        EDITIE_2022_DATUM.isoformat(),
        "--strict",
        datum=EDITIE_2022_DATUM,
    )
    assert strict.returncode == 1
    page = (project / "site/maatregelen" / plan.verlopen_id / "index.html").read_text("utf-8")
    assert "verlopen, niet bijgewerkt" in page


def test_the_feed_has_the_edition_and_each_change(edition):
    project, plan = edition
    feed = ET.parse(project / "site" / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert titles[0] == f"Editie 2022: {len(plan.lines)} wijzigingen"
    assert sorted(t for t in titles if not t.startswith("Editie")) == sorted(plan.lines)
    assert titles[-1] == "Editie 2021"
    assert feed.findtext(f"{ATOM}updated") == "2022-03-01T00:00:00Z"


@pytest.fixture(scope="module")
def edition_url(edition):
    project, _ = edition
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(project / "site")
    )
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_the_old_address_of_a_renamed_maatregel_redirects_in_a_browser(
    edition, edition_url, browser
):
    _, plan = edition
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(f"{edition_url}maatregelen/{plan.hernoemd_oud}/")
        page.wait_for_url(f"{edition_url}maatregelen/{plan.hernoemd_nieuw}/")
        assert page.locator("h1").first.inner_text().strip()
        assert page.locator("h1").first.inner_text() != "Deze pagina heeft een nieuw adres"
    finally:
        context.close()
