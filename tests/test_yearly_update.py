"""Issue 11: the yearly content pull request keeps the suite green and its changelog is complete.

`yearly_update.apply_update` makes a realistic update (end, add, rename, change an amount and
an aanvraagperiode, new regelingen and a new Kamerbrief, time passing, publish the edition) on
a copy of the *live* content, as an editor's pull request would. The content-dependent checks
run on the result: check, build, the page set, links, origins, valid HTML, redirects, search
and axe in Chromium, and the changelog in `handreiking diff`, on /wijzigingen/ and in the feed.
On the frozen fixture content the same update gives a diff that is pinned whole in a golden
file, so every kind of changelog line keeps its wording.
"""

from __future__ import annotations

import html.parser
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from search_engines import pagefind_results
from site_checks import (
    axe_problems,
    broken_links,
    fetches_from_elsewhere,
    page_set_problems,
    vnu_errors,
)
from yearly_update import Plan, apply_update

from conftest import ROOT, copy_project, handreiking_in_process, serve
from generator.site.build import build

ATOM = "{http://www.w3.org/2005/Atom}"
GOLDEN = ROOT / "tests" / "golden" / "yearly-update-diff.md"
# One worker runs the tests on the updated build, so it is made once.
ON_THE_UPDATE = pytest.mark.xdist_group("yearly-update")


@pytest.fixture(scope="module")
def updated(tmp_path_factory) -> tuple[Path, Plan]:
    """The live content after the yearly update, built at the new edition's peildatum."""
    project = copy_project(tmp_path_factory.mktemp("jaarlijks"), content=ROOT)
    plan = apply_update(project)
    build(project, plan.datum)
    return project, plan


@pytest.fixture(scope="module")
def updated_url(updated):
    with serve(updated[0] / "site") as url:
        yield url


def _changes(markdown: str) -> list[str]:
    """The change lines of `handreiking diff` as plain sentences."""
    return [
        line[2:].replace("**", "").replace("\\", "")
        for line in markdown.splitlines()
        if line.startswith("- ")
    ]


class _Items(html.parser.HTMLParser):
    """The text of every <li> inside the element with id `section`, up to the next h2."""

    def __init__(self, section: str):
        super().__init__()
        self.section, self.inside, self.items, self.current = section, False, [], None

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


# --- on the live content -------------------------------------------------------------------


@ON_THE_UPDATE
def test_check_passes_and_the_site_follows_the_updated_content(updated):
    project, plan = updated
    result = handreiking_in_process("check", root=project, datum=plan.datum)
    assert result.returncode == 0, result.stderr
    assert page_set_problems(project, plan.datum) == []


@ON_THE_UPDATE
def test_the_updated_site_has_no_broken_link_no_foreign_fetch_and_valid_html(updated):
    site = updated[0] / "site"
    assert broken_links(site) == []
    assert fetches_from_elsewhere(site) == []
    assert vnu_errors(site) == ""


@ON_THE_UPDATE
def test_the_diff_command_lists_exactly_the_changes(updated):
    project, plan = updated
    old, new = str(plan.oud_jaar), str(plan.nieuw_jaar)
    result = handreiking_in_process("diff", old, new, root=project, datum=plan.datum)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"## Wat is er veranderd: editie {old} → editie {new}\n")
    assert sorted(_changes(result.stdout)) == sorted(plan.lines)
    against_working = handreiking_in_process("diff", old, root=project, datum=plan.datum)
    assert against_working.stdout.splitlines()[1:] == result.stdout.splitlines()[1:]


@ON_THE_UPDATE
def test_the_changelog_page_and_the_feed_show_exactly_the_changes(updated):
    project, plan = updated
    site = project / "site"
    assert sorted(changelog_lines(site, f"editie-{plan.nieuw_jaar}")) == sorted(plan.lines)
    page = (site / "wijzigingen" / "index.html").read_text(encoding="utf-8")
    assert f'href="../maatregelen/{plan.nieuw_id}/"' in page
    assert page.index(f'id="editie-{plan.nieuw_jaar}"') < page.index(f'id="editie-{plan.oud_jaar}"')
    feed = ET.parse(site / "feed.xml").getroot()
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert titles[0] == f"Editie {plan.nieuw_jaar}: {len(plan.lines)} wijzigingen"
    entries = titles[1 : 1 + len(plan.lines)]
    assert sorted(entries) == sorted(plan.lines)


@ON_THE_UPDATE
def test_maatregel_pages_say_when_they_appeared_and_last_changed(updated):
    project, plan = updated

    def history(maatregel: str) -> str:
        page = (project / "site/maatregelen" / maatregel / "index.html").read_text("utf-8")
        text = re.sub(r"<[^>]+>", "", page)
        return " ".join(re.search(r"Opgenomen sinds[^\n]*", text)[0].split())

    new = f"editie {plan.nieuw_jaar}"
    # Issue 24: with the day the change reached the site (here, without git, the edition's).
    changed = re.compile(rf"laatst inhoudelijk gewijzigd: (\d+ \w+ \d{{4}} \()?{new}\)? ")
    assert history(plan.nieuw_id).startswith(f"Opgenomen sinds {new} · sindsdien")
    assert changed.search(history(plan.beeindigd_id))
    assert changed.search(history(plan.eigenaar_id))
    renamed = history(plan.hernoemd_nieuw)  # a new address is no change in substance
    assert renamed.startswith("Opgenomen sinds editie ") and not renamed.startswith(
        f"Opgenomen sinds {new}"
    )
    assert not changed.search(renamed)


@pytest.mark.browser
@ON_THE_UPDATE
def test_in_chromium_old_addresses_redirect_new_pages_are_found_and_pass_axe(
    updated, updated_url, browser
):
    project, plan = updated
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(f"{updated_url}maatregelen/{plan.hernoemd_oud}/")
        page.wait_for_url(f"{updated_url}maatregelen/{plan.hernoemd_nieuw}/")
        page.wait_for_selector("h1")
        assert page.locator("h1").first.inner_text() != "Deze pagina heeft een nieuw adres"
        results = pagefind_results(page, updated_url, "Kennisbank tussenvoorzieningen")
        assert f"maatregelen/{plan.nieuw_id}/" in results[:3], results
    finally:
        context.close()
    changed = [
        "",
        "wijzigingen/",
        "regelingen/",
        f"maatregelen/{plan.nieuw_id}/",
        f"maatregelen/{plan.hernoemd_nieuw}/",
        f"maatregelen/{plan.beeindigd_id}/",
        *(f"regelingen/{r}/" for r in plan.nieuwe_regelingen),
    ]
    problems = axe_problems(browser, updated_url, changed, 1280)
    problems += axe_problems(browser, updated_url, changed, 375)
    assert not problems, "\n".join(problems)


# --- on the fixture: the whole changelog, pinned -------------------------------------------


def test_the_diff_of_the_update_on_the_fixture_is_the_golden_file(tmp_path, request):
    project = copy_project(tmp_path / "p")
    plan = apply_update(project)
    result = handreiking_in_process("diff", "2021", "2022", root=project, datum=plan.datum)
    assert result.returncode == 0, result.stderr
    if request.config.getoption("--update-goldens"):
        GOLDEN.write_text(result.stdout, encoding="utf-8")
        pytest.skip("golden diff rewritten; review it")
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")


def test_two_yearly_updates_in_a_row_keep_every_changelog_link(tmp_path, monkeypatch):
    """The second update renames a maatregel the first edition's changelog mentions: that
    older line links the record's current page, never its old address (a strict build fails
    on a link to a page that became a redirect)."""
    monkeypatch.setenv("HANDREIKING_PDF", "0")
    project = copy_project(tmp_path / "p")
    apply_update(project)
    second = apply_update(project)
    build(project, second.datum)
    site = project / "site"
    older = changelog_lines(site, f"editie-{second.oud_jaar}")
    assert any(line.startswith("Maatregel ") for line in older)
    page = (site / "wijzigingen" / "index.html").read_text(encoding="utf-8")
    assert f'href="../maatregelen/{second.hernoemd_nieuw}/"' in page
    assert f'href="../maatregelen/{second.hernoemd_oud}/"' not in page
    assert broken_links(site) == []
