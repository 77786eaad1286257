"""Full-text search: index the built site with Pagefind, after MkDocs and before the swap.

Pagefind stems Dutch (it reads `<html lang="nl">`), so "regelingen" finds "regeling" and the
other way round, which Material's lunr search does not (docs/search-evaluation.md). It indexes
only elements marked `data-pagefind-body` (the main content; theme/main.html) and writes
`pagefind/` into the site: a small entry file plus index chunks that the search page
(`zoeken/`, theme/assets/javascripts/zoeken.js) fetches only when a reader searches.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEARCH_DIR = "pagefind"
# Pagefind's own user interfaces; the search page has its own (zoeken.js), so these go.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(Exception):
    """Pagefind failed; `output` is what it printed."""

    def __init__(self, output: str):
        super().__init__("Pagefind kon de zoekindex niet maken")
        self.output = output


def index_site(site_dir: Path) -> None:
    """Write the Pagefind index into `site_dir/pagefind/`; raise SearchIndexError on failure."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site_dir),
            "--output-subdir",
            SEARCH_DIR,
            "--force-language",
            "nl",
            # Issue 14: the "¶" of every heading's permalink stays out of titles and excerpts.
            "--exclude-selectors",
            ".headerlink",
            "--silent",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError(result.stdout + result.stderr)
    for name in UNUSED:
        (site_dir / SEARCH_DIR / name).unlink(missing_ok=True)
