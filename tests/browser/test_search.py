"""Search in a real Chromium: every query of tests/search_queries.yaml finds its pages through
the search page (Pagefind); known misses are expected to stay misses until someone fixes them."""

from __future__ import annotations

import pytest
from search_engines import TOP, hit, pagefind_results, queries

from generator.base.settings import build_date
from generator.outputs.render import url_of
from generator.site.build import load

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(locale="nl-NL")
    yield context.new_page()
    context.close()


def test_the_query_list_is_big_enough_and_its_pages_exist(site_dir):
    assert len(queries()) >= 25
    for q in queries():
        for url in q["expect"]:
            assert (site_dir / url / "index.html").is_file(), (q["query"], url)


@pytest.mark.parametrize("q", queries(), ids=lambda q: q["query"])
def test_query_finds_its_pages(tab, site_url, q):
    if "gemist" in q:
        pytest.xfail(q["gemist"]) if not hit(
            pagefind_results(tab, site_url, q["query"]), q["expect"]
        ) else pytest.fail(
            f"'{q['query']}' is found now: remove its `gemist` from tests/search_queries.yaml"
        )
    results = pagefind_results(tab, site_url, q["query"])
    assert hit(results, q["expect"]), results[:10]


def test_every_live_maatregel_is_found_by_its_own_title(tab, live_site_url, live_project):
    _, handreiking = load(live_project, build_date())
    missed = {}
    for m in handreiking.maatregelen.values():
        results = pagefind_results(tab, live_site_url, m.titel)
        if url_of("maatregel", m.id) not in results[:TOP]:
            missed[m.titel] = results[:TOP]
    assert not missed, missed


def test_filters_narrow_the_search_to_maatregelen(tab, site_url):
    results = pagefind_results(tab, site_url, "opvang")
    tab.select_option("#hr-zoek-opgave", label="Opvang korte termijn")
    # the slugs the overviews use (issue 14), not the labels
    tab.wait_for_function("() => location.search.includes('opgave=opvang-korte-termijn')")
    tab.wait_for_function(
        f"() => document.querySelectorAll('#hr-zoeklijst li').length < {len(results)}"
    )
    filtered = tab.eval_on_selector_all("#hr-zoeklijst > li > a", "e => e.map(a => a.href)")
    korte_termijn = {
        "kleinschaliger-opvanglocaties",
        "escalatiemogelijkheden-opvangtekort",
        "handreikingen-verhoogde-asielinstroom",
    }
    assert {url.rstrip("/").rsplit("/", 1)[1] for url in filtered} == korte_termijn
    tab.go_back()
    tab.wait_for_function("() => !location.search.includes('opgave=')")
    assert tab.eval_on_selector("#hr-zoek-opgave", "s => s.value") == ""


def test_the_index_loads_only_when_the_reader_searches(page, site_url):
    page.goto(site_url + "maatregelen/tussenvoorzieningen/")
    page.goto(site_url + "zoeken/")
    assert not [url for url in page.requests if "/pagefind/" in url]
    page.fill("#hr-zoekterm", "COA")
    page.press("#hr-zoekterm", "Enter")
    page.wait_for_selector("#hr-zoeklijst li")
    assert [url for url in page.requests if url.endswith("/pagefind/pagefind.js")]
    assert page.url.endswith("zoeken/?q=COA")
    assert "resultaten voor ‘COA’" in page.inner_text("#hr-zoekstatus")
