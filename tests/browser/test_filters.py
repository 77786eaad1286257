"""The filters of the maatregelen and regelingen overviews in a real Chromium: keyboard, URL
state (share, reload, back/forward), the announced count, and the full table without JavaScript."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

VISIBLE_ROWS = """() => [...document.querySelectorAll('table[data-hr-filterbaar] tbody tr')]
    .filter(r => !r.hidden)
    .map(r => [r.dataset.opgave, r.dataset.status, r.dataset.organisaties])"""


def rows(page):
    return page.evaluate(VISIBLE_ROWS)


def test_keyboard_filter_by_opgave_keeps_state_in_the_url(page, site_url):
    page.goto(site_url + "maatregelen/")
    total = len(rows(page))
    assert total >= 10
    page.focus("#filter-opgave")
    page.keyboard.press("ArrowDown")  # first opgave, changes at once in Chromium
    opgave = page.eval_on_selector("#filter-opgave", "s => s.value")
    assert opgave and page.url.endswith(f"?opgave={opgave}")
    shown = rows(page)
    assert 0 < len(shown) < total and all(r[0] == opgave for r in shown)
    status = page.inner_text(".hr-filter__aantal")
    assert f"{len(shown)} van de {total} maatregelen" in status
    assert page.get_attribute(".hr-filter__aantal", "role") == "status"

    page.keyboard.press("Tab")
    page.keyboard.press("End")  # last status in the list
    chosen = page.eval_on_selector("#filter-status", "s => s.value")
    assert f"status={chosen}" in page.url

    page.go_back()
    page.wait_for_function("() => !location.search.includes('status=')")
    assert page.eval_on_selector("#filter-status", "s => s.value") == ""
    assert len(rows(page)) == len(shown)
    page.go_back()
    page.wait_for_function("() => location.search === ''")
    assert len(rows(page)) == total
    page.go_forward()
    page.wait_for_function("() => location.search.includes('opgave=')")
    assert len(rows(page)) == len(shown)


def test_a_shared_url_restores_the_filter(page, site_url):
    page.goto(site_url + "maatregelen/?organisatie=bzk&status=in-voorbereiding")
    shown = rows(page)
    assert shown and all(r[1] == "in-voorbereiding" and "bzk" in r[2].split() for r in shown)
    assert page.eval_on_selector("#filter-organisatie", "s => s.value") == "bzk"
    page.click("button[type=reset]")
    page.wait_for_function("() => location.search === ''")
    assert "Alle" in page.inner_text(".hr-filter__aantal")


def test_regelingen_filter_by_verstrekker(page, site_url):
    page.goto(site_url + "regelingen/?organisatie=szw")
    shown = rows(page)
    assert len(shown) == 1 and shown[0][2] == "szw"
    page.goto(site_url + "regelingen/?status=vervallen")  # no such option: show everything
    assert len(rows(page)) == page.locator("table[data-hr-filterbaar] tbody tr").count()


def test_without_javascript_the_full_table_and_no_form(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for url in ("maatregelen/?opgave=huisvesting", "regelingen/?status=beschikbaar"):
        page.goto(site_url + url)
        assert not page.is_visible("form.hr-filter")
        all_rows = page.locator("table[data-hr-filterbaar] tbody tr")
        assert all_rows.count() >= 4
        assert all(all_rows.nth(i).is_visible() for i in range(all_rows.count()))
    context.close()
