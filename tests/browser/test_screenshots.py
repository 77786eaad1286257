"""Screenshots of the main page kinds at 1280 px and 375 px for people to look at
(test-artifacts/screenshots/), and the weight of a first visit measured in Chromium."""

from __future__ import annotations

import json

import pytest

from conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PAGES = {
    "home": "",
    "opgave": "opgaven/huisvesting/",
    "maatregel": "maatregelen/tussenvoorzieningen/",
    "tijdlijn": "tijdlijn/",
    # issue 14: the pages its screenshots showed breaking
    "maatregelen": "maatregelen/",
    "financiering": "regelingen/",
    "matrix": "organisaties/",
    "regeling": "regelingen/financiele-impuls-versneld-huisvesten/",
    "zoeken": "zoeken/?q=grote+gezinnen",
    "begrippen": "begrippen/",
    "redactie": "redactie/",
}
WIDTHS = {"1280": (1280, 900), "375": (375, 740)}
BUDGET = 400_000  # bytes on a first visit; the site needs about half of this


def test_screenshots(browser, site_url):
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for width, (w, h) in WIDTHS.items():
        context = browser.new_context(viewport={"width": w, "height": h}, locale="nl-NL")
        page = context.new_page()
        for name, url in PAGES.items():
            page.goto(site_url + url, wait_until="networkidle")
            target = folder / f"{name}-{width}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 10_000
        context.close()


def test_first_visit_weight(browser, site_url):
    """Bytes transferred (headers and bodies, as Chromium counts them) on a cold first load."""
    weights = {}
    for name in ("home", "maatregel"):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        received: list[float] = []
        cdp.on(
            "Network.loadingFinished", lambda e, got=received: got.append(e["encodedDataLength"])
        )
        page.goto(site_url + PAGES[name], wait_until="networkidle")
        weights[name] = {"requests": len(received), "bytes": int(sum(received))}
        context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "page-weight.json").write_text(json.dumps(weights, indent=2) + "\n")
    for name, weight in weights.items():
        assert 0 < weight["bytes"] < BUDGET, (name, weight)
