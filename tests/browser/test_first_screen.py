"""Issue 22 in a real Chromium: the first screen shows the page.

- The "kan verouderd zijn" notice stays on every page but takes at most a third of a 375 x 667
  phone screen, with the rest behind a <details>; the page title is in view.
- The first search result is in view without scrolling at 375 and 1280 px.
- A search without results suggests near words and the overviews.
- Every column of the matrix says which maatregel it is, at every width, and the table
  scrolls by keyboard.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PHONE = (375, 667)
DESKTOP = (1280, 900)
PAGES = [
    "",
    "opgaven/huisvesting/",
    "maatregelen/",
    "regelingen/",
    "organisaties/",
    "tijdlijn/",
    "zoeken/",
    "contact/",
]


def _tab(browser, size):
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    return context, context.new_page()


def _box(page, selector: str) -> dict | None:
    return page.evaluate(
        """s => { const e = document.querySelector(s); if (!e) return null;
                  const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; }""",
        selector,
    )


def test_the_notice_takes_a_third_of_a_phone_screen_at_most_and_the_title_is_in_view(
    browser, live_site_url, live_project
):
    """For any content built late: the notice is a line that opens; for any content, the
    page's title is on the first screen of a phone."""
    from generator.base.settings import build_date
    from generator.site.build import load

    _, h = load(live_project, build_date())
    maatregel = next(iter(h.maatregelen))
    context, page = _tab(browser, PHONE)
    try:
        for url in [*PAGES, f"maatregelen/{maatregel}/"]:
            page.goto(live_site_url + url)
            title = _box(page, ".md-content h1")
            assert title and title["top"] < PHONE[1] - 30, (url, title)
            notice = _box(page, ".hr-actualiteit")
            if h.editie.is_verouderd(build_date()):
                assert notice, url
                assert notice["bottom"] - notice["top"] <= PHONE[1] / 3, (url, notice)
                assert notice["bottom"] <= title["top"], url
                assert page.locator(".hr-actualiteit details").get_attribute("open") is None
                assert "verouderd" in page.inner_text(".hr-actualiteit summary")
        if h.editie.is_verouderd(build_date()):  # the rest opens from the keyboard
            page.focus(".hr-actualiteit summary")
            page.keyboard.press("Enter")
            assert page.locator(".hr-actualiteit details").get_attribute("open") == ""
            assert "(afgeleid door de redactie" in page.inner_text(".hr-actualiteit")
    finally:
        context.close()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize("which", ["fixture", "live"])
def test_the_first_search_result_is_in_view_without_scrolling(
    browser, site_url, live_site_url, size, which
):
    base = site_url if which == "fixture" else live_site_url
    context, page = _tab(browser, size)
    try:
        page.goto(base + "zoeken/?q=flexwoningen")
        page.wait_for_selector("form[data-hr-zoeken][data-hr-klaar]")
        first = _box(page, "#hr-zoeklijst > li > a")
        assert first, page.inner_text("#hr-zoekstatus")
        assert first["bottom"] <= size[1], first
        assert page.evaluate("window.scrollY") == 0
        assert "Ook gezocht op ‘flexibele huisvesting’" in page.inner_text("#hr-zoekstatus")
    finally:
        context.close()


def test_a_search_without_results_suggests_near_words_and_the_overviews(browser, site_url):
    context, page = _tab(browser, PHONE)
    try:
        page.goto(site_url + "zoeken/?q=flexwoninkje")
        page.wait_for_selector("form[data-hr-zoeken][data-hr-klaar]")
        assert page.inner_text("#hr-zoekstatus").startswith("Geen resultaten")
        assert page.is_visible("#hr-geen-resultaat")
        words = page.eval_on_selector_all("#hr-bijna a", "e => e.map(a => a.textContent)")
        assert "flexwoning" in words, words
        overviews = page.eval_on_selector_all(
            "#hr-geen-resultaat > ul a", "e => e.map(a => a.textContent)"
        )
        assert "Alle maatregelen" in overviews and "Financiering" in overviews
        page.click("#hr-bijna a >> text=flexwoning")
        page.wait_for_url("**/zoeken/?q=flexwoning")
        page.wait_for_selector("#hr-zoeklijst > li")
        assert not page.is_visible("#hr-geen-resultaat")
    finally:
        context.close()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["375px", "1280px"])
def test_every_matrix_column_says_which_maatregel_it_is(browser, site_url, size):
    context, page = _tab(browser, size)
    try:
        page.goto(site_url + "organisaties/")
        headers = page.eval_on_selector_all(
            ".hr-matrix thead tr:nth-child(2) th",
            """ths => ths.map(th => { const n = th.querySelector('.hr-matrix__naam');
                 const r = n.getBoundingClientRect();
                 return [n.textContent.replace(/\\u00ad/g, ''), r.width, r.height,
                         getComputedStyle(n).visibility]; })""",
        )
        assert len(headers) > 10
        for name, width, height, visibility in headers:
            assert len(name) > 5 and width > 40 and height > 10 and visibility == "visible", name
        assert "Tussenvormen huisvesting" in [h[0] for h in headers]
        region = page.locator(".hr-scroll:has(> .hr-matrix)")
        region.focus()
        before = region.evaluate("r => r.scrollLeft")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        scrolls = region.evaluate("r => r.scrollWidth > r.clientWidth")
        if scrolls:
            page.wait_for_timeout(200)
            assert region.evaluate("r => r.scrollLeft") > before
    finally:
        context.close()
