"""Run one query through a search engine's real user interface and return the pages it lists.

Used by test_search.py (Pagefind, the engine the site uses) and evaluate_search.py (both
engines, for docs/search-evaluation.md). Results are site-relative page URLs ('maatregelen/x/'),
in the order shown, without anchors or duplicates.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit

import yaml

QUERIES_FILE = Path(__file__).resolve().parent / "search_queries.yaml"
TOP = 10  # a query hits when every expected page is among the first TOP results


def queries() -> list[dict]:
    return yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))


def _pages(urls: list[str], base: str) -> list[str]:
    root = urlsplit(base).path
    seen: list[str] = []
    for url in urls:
        path = urlsplit(url).path
        relative = path[len(root) :] if path.startswith(root) else path.lstrip("/")
        if relative not in seen:
            seen.append(relative)
    return seen


def pagefind_results(page, base: str, query: str) -> list[str]:
    """Our search page (zoeken/, Pagefind): open it with ?q= and read the result list."""
    page.goto(f"{base}zoeken/?q={quote(query)}")
    page.wait_for_selector("form[data-hr-zoeken][data-hr-klaar]")
    urls = page.eval_on_selector_all("#hr-zoeklijst > li > a", "els => els.map(e => e.href)")
    return _pages(urls, base)


def lunr_results(page, base: str, query: str) -> list[str]:
    """Material's lunr search: open a page with ?q= and read the rendered result items."""
    page.goto(f"{base}?q={quote(query)}")
    page.wait_for_function(
        "() => /overeenkomend|Geen/i.test("
        "document.querySelector('.md-search-result__meta')?.textContent || '')"
    )
    urls = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link", "els => els.map(e => e.href)"
    )
    return _pages(urls, base)


def hit(results: list[str], expected: list[str]) -> bool:
    return all(url in results[:TOP] for url in expected)
