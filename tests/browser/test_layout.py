"""Layout in a real Chromium: no sideways page scroll at 320 px or at 200 % zoom, and the
skip link shows on focus and lands on the content."""

from __future__ import annotations

import pytest

PAGES = [
    "",
    "opgaven/huisvesting/",
    "maatregelen/inzet-bestuurlijke-aanjager/",
    "maatregelen/",
    "regelingen/",
    "regelingen/financiele-impuls-versneld-huisvesten-vergunninghouders/",
    "organisaties/",
    "organisaties/coa/",
    "tijdlijn/",
    "begrippen/",
    "toegankelijkheid/",
    "contact/",
]
# 200 % zoom of a 1280 x 900 window is a 640 x 450 CSS-pixel viewport.
SIZES = {"320px": (320, 640), "zoom200": (640, 450)}

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture(scope="module", params=sorted(SIZES))
def narrow(request, browser):
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    yield context.new_page()
    context.close()


def test_no_page_scrolls_sideways(narrow, site_url):
    wide = {}
    for url in PAGES:
        narrow.goto(site_url + url)
        overflow = narrow.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            wide[url] = overflow
    assert wide == {}, f"pages wider than the screen by n px: {wide}"


def test_wide_content_scrolls_inside_a_focusable_region(narrow, site_url):
    for url in ("organisaties/", "tijdlijn/"):
        narrow.goto(site_url + url)
        regions = narrow.evaluate("""() => [...document.querySelectorAll('.hr-scroll')].map(r =>
            [r.scrollWidth > r.clientWidth, r.tabIndex, r.getAttribute('role')])""")
        assert [True, 0, "region"] in regions, (url, regions)


def test_skip_link_is_the_first_stop_is_visible_and_lands_on_the_content(page, site_url):
    page.goto(site_url + "maatregelen/inzet-bestuurlijke-aanjager/")
    page.keyboard.press("Tab")
    link = page.locator(":focus")
    assert link.inner_text().strip() == "Naar de inhoud"
    box = link.bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 10
    # Material fades the link in (175 ms after a 75 ms delay): fully opaque once that has run.
    page.wait_for_function(
        "() => getComputedStyle(document.activeElement).opacity === '1'", timeout=2000
    )
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "hoofdinhoud"
    assert page.url.endswith("#hoofdinhoud")
    page.keyboard.press("Tab")
    inside = page.evaluate(
        "document.getElementById('hoofdinhoud').contains(document.activeElement)"
    )
    assert inside, "the next Tab after the skip link should stay in the content"


def test_abbreviation_shows_its_meaning_as_a_tooltip(page, site_url):
    page.goto(site_url + "opgaven/huisvesting/")
    abbr = page.locator("article abbr", has_text="COA").first
    assert abbr.get_attribute("title") == "Centraal Orgaan opvang asielzoekers"
    abbr.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text="Centraal Orgaan")
    tooltip.first.wait_for(state="visible", timeout=5000)
