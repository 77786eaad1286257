"""Every page of the live site in a real Chromium: zero axe-core violations (WCAG 2.0/2.1 A
and AA) and no request to anything but the local server. At 1280 px every page is checked; at
375 px one page of each kind (the first and the largest of each folder, every top-level page)."""

from __future__ import annotations

import pytest
from site_checks import axe_problems, one_of_each_kind, site_pages

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_every_page_at_1280px(browser, live_site_url, live_site_dir):
    pages = site_pages(live_site_dir)
    assert {"", "404.html", "maatregelen/", "zoeken/", "tijdlijn/"} <= set(pages)
    problems = axe_problems(browser, live_site_url, pages, 1280)
    assert not problems, "\n".join(problems)


def test_each_kind_of_page_at_375px(browser, live_site_url, live_site_dir):
    pages = one_of_each_kind(live_site_dir, site_pages(live_site_dir))
    assert "maatregelen/" in pages and "maatregelen/" in {p[: p.find("/") + 1] for p in pages}
    problems = axe_problems(browser, live_site_url, pages, 375)
    assert not problems, "\n".join(problems)
