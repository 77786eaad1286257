"""Keyboard only, in a real Chromium: the skip link is the first Tab stop and lands on the
content; the header search is reachable and leads to results that can be tabbed to."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.mark.parametrize("url", ["", "maatregelen/tussenvoorzieningen/", "tijdlijn/"])
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(page, site_url, url):
    page.goto(site_url + url)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Naar de inhoud"
    assert page.is_visible("a.hr-skip")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "hoofdinhoud"


def test_header_search_with_the_keyboard(page, site_url):
    page.goto(site_url + "opgaven/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "hr-kopzoekterm":
            break
    else:
        pytest.fail("the header search field is not reachable with Tab")
    page.keyboard.type("tussenvoorzieningen")
    page.keyboard.press("Enter")
    page.wait_for_selector("#hr-zoeklijst li")
    assert "zoeken/?q=tussenvoorzieningen" in page.url
    assert page.input_value("#hr-zoekterm") == "tussenvoorzieningen"
    page.focus("#hr-zoekterm")
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('#hr-zoeklijst')"):
            break
    else:
        pytest.fail("no search result is reachable with Tab")
    href = page.evaluate("() => document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + href.lstrip("."))
    assert "/maatregelen/tussenvoorzieningen/" in page.url


def test_small_screens_get_a_search_link(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(site_url)
    assert not page.is_visible("#hr-kopzoekterm")
    link = page.locator("a.hr-kopzoeken__link")
    assert link.is_visible() and link.get_attribute("aria-label") == "Zoeken"
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/")
    context.close()


@pytest.mark.parametrize(
    ("url", "wat"), [("opgaven/inburgering/", "opgave"), ("organisaties/szw/", "organisatie")]
)
def test_the_follow_links_are_reached_with_tab_and_pass_axe(browser, page, site_url, url, wat):
    """Issue 24: "Volg deze opgave/organisatie": its feed and calendar by keyboard, same origin."""
    from site_checks import axe_problems

    page.goto(site_url + url)
    assert page.locator(".hr-volg").inner_text().startswith(f"Volg deze {wat}:")
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        text = page.evaluate("() => document.activeElement.textContent.trim()")
        if page.evaluate("() => !!document.activeElement.closest('.hr-volg')"):
            reached.append(text)
        if text == "Meer uitleg":
            break
    assert reached[0] == "wijzigingen als feed (Atom)", reached
    assert "Meer uitleg" in reached
    href = page.get_attribute(".hr-volg a[type='application/atom+xml']", "href")
    response = page.request.get(site_url + url + href)
    assert response.ok and response.body().startswith(b"<?xml")
    assert not axe_problems(browser, site_url, [url], 1280)
    assert not axe_problems(browser, site_url, [url], 375)
