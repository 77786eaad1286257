"""Every page of the built site in a real Chromium: zero axe-core violations (WCAG 2.0/2.1 A
and AA) and no request to anything but the local server. At 1280 px every page is checked; at
375 px one page of each kind (the first and the largest of each folder, every top-level page)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from crawl import site_pages

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# Material sizes the sidebars from JavaScript after `load`; under load axe could otherwise catch
# a sidebar mid-layout (scrollable-region-focusable). Two frames later the layout is final.
SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def one_of_each_kind(site_dir, pages: list[str]) -> list[str]:
    kinds: dict[str, list[str]] = {}
    for url in pages:
        parts = url.strip("/").split("/")
        kinds.setdefault(parts[0] + "/*" if len(parts) > 1 else url, []).append(url)

    def size(url: str) -> int:
        return (site_dir / url / "index.html").stat().st_size if url.endswith("/") else 0

    return sorted({pick for group in kinds.values() for pick in (group[0], max(group, key=size))})


def check(browser, site_url, pages: list[str], width: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="nl-NL")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    violations = {}
    for url in pages:
        page.goto(site_url + url, wait_until="load")
        page.evaluate(SETTLED)
        results = axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            violations[url] = [
                f"{v['id']}: {len(v['nodes'])}x, e.g. {v['nodes'][0]['target']}"
                for v in results.response["violations"]
            ]
    context.close()
    foreign = sorted({r for r in requests if urlsplit(r).hostname != "127.0.0.1"})
    assert not violations, "\n".join(f"{u}: {v}" for u, v in violations.items())
    assert not foreign, foreign


def test_every_page_at_1280px(browser, site_url, site_dir):
    pages = site_pages(site_dir)
    assert {"", "404.html", "maatregelen/", "zoeken/", "tijdlijn/"} <= set(pages)
    check(browser, site_url, pages, 1280)


def test_each_kind_of_page_at_375px(browser, site_url, site_dir):
    pages = one_of_each_kind(site_dir, site_pages(site_dir))
    assert len(pages) >= 15 and "maatregelen/" in pages
    check(browser, site_url, pages, 375)
