"""The reader's site in a real Chromium (issue 14): tables that keep whole words and badges
that are never cut off at 320, 375, 768 and 1280 px, keyboard focus that is always on
screen and visible at 375 px, and no layout shift while a page loads.

Each check runs on one page of every kind (the first and the largest of each folder, every
top-level page) of the frozen fixture and of the live content: what is checked holds for
any valid content.
"""

from __future__ import annotations

import pytest
from reading import (
    LAYOUT_SHIFT_OBSERVER,
    SETTLED,
    WIDTHS,
    clipped_badges,
    focus_problems,
    layout_shift,
    split_words,
)
from site_checks import one_of_each_kind, site_pages

# Their own worker (the other browser tests share one): these load every page kind often.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser-lezen")]

SITES = ["fixture", "live"]


@pytest.fixture(params=SITES)
def site(request):
    """(root URL, page kinds) of the fixture site or the live site."""
    directory = request.getfixturevalue(
        "site_dir" if request.param == "fixture" else "live_site_dir"
    )
    url = request.getfixturevalue("site_url" if request.param == "fixture" else "live_site_url")
    pages = one_of_each_kind(directory, site_pages(directory))
    assert {"", "maatregelen/", "regelingen/", "organisaties/", "begrippen/"} <= set(pages)
    assert {p.split("/")[0] for p in pages} >= {
        "maatregelen",
        "regelingen",
        "organisaties",
        "opgaven",
    }
    return url, pages


def _context(browser, width: int, height: int = 800):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    context.add_init_script(LAYOUT_SHIFT_OBSERVER)
    return context


def _problems_on_every_page(browser, site, find, width: int, height: int = 800):
    """`find(page, url)` on each page kind once it has settled, at this window size."""
    root, pages = site
    context = _context(browser, width, height)
    page = context.new_page()
    problems = []
    try:
        for url in pages:
            page.goto(root + url, wait_until="load")
            page.evaluate(SETTLED)
            problems += find(page, url)
    finally:
        context.close()
    return problems


@pytest.mark.parametrize("width", WIDTHS)
def test_no_table_cell_splits_a_word_and_no_badge_is_clipped(browser, site, width):
    def find(page, url):
        return [f"/{url} at {width} px: word split: {w}" for w in split_words(page)] + [
            f"/{url} at {width} px: badge {b}" for b in clipped_badges(page)
        ]

    problems = _problems_on_every_page(browser, site, find, width)
    assert not problems, "\n".join(problems)


def test_tabbing_at_375px_never_focuses_anything_off_screen_or_invisible(browser, site):
    def find(page, url):
        return [f"/{url}: {p}" for p in focus_problems(page)]

    problems = _problems_on_every_page(browser, site, find, 375, 740)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [375, 1280])
def test_no_page_kind_shifts_while_it_loads(browser, site, width):
    """Chromium's layout-shift entries (the CLS of Lighthouse), summed over the whole load:
    the filter forms, the table wrappers of Material's script and the table of contents
    must not move anything."""
    root, pages = site
    context = _context(browser, width)
    page = context.new_page()
    shifts = {}
    try:
        for url in pages:
            page.goto(root + url, wait_until="networkidle")
            page.evaluate(SETTLED)
            score, sources = layout_shift(page)
            if score > 0:
                shifts[f"/{url}"] = (round(score, 4), sources[:4])
    finally:
        context.close()
    assert not shifts, shifts
