"""The site's addresses: where each page of a record or overview lives, links between them,
and the absolute URLs the open data, the calendar, the feed and the schemas publish.

Low in the pipeline so that check, the changelog, the open data and the renderer share it,
and none of them imports another for an address.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for the annotation: render imports this module
    from .render import Settings

OPEN_DATA = "open-data"
DEFAULT_SITE_URL = "https://localhost/"


def url_of(kind: str, id_: str | None = None) -> str:
    """Site-relative URL of a page: url_of('maatregel', 'x') -> 'maatregelen/x/'."""
    folders = {
        "maatregel": "maatregelen",
        "opgave": "opgaven",
        "organisatie": "organisaties",
        "regeling": "regelingen",
        "pagina": "handreiking",
    }
    if id_ is None:
        return {
            "home": "",
            "tijdlijn": "tijdlijn/",
            "begrippen": "begrippen/",
            "bronnen": "bronnen/",
        }.get(kind, f"{folders.get(kind, kind)}/")
    return f"{folders[kind]}/{id_}/"


def page_file(url: str) -> str:
    """The Markdown file that MkDocs turns into `url`: 'maatregelen/x/' -> 'maatregelen/x.md'."""
    if url == "":
        return "index.md"
    stem = url.rstrip("/")
    return f"{stem}.md"


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for site paths without '..', minus its os.getcwd() on every call."""
    to = [part for part in path.split("/") if part and part != "."]
    base = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def relative(from_url: str, to_url: str) -> str:
    """A relative link between two directory URLs, as a browser resolves it."""
    rel = _relpath(to_url, from_url) if to_url != from_url else "."
    anchor = ""
    if "#" in rel:
        rel, anchor = rel.split("#", 1)
        anchor = "#" + anchor
    return ("./" if rel == "." else rel + "/") + anchor


def base_url(site_url: str | None) -> str:
    """mkdocs.yml's site_url with a trailing slash (a local default when it has none)."""
    return (site_url or DEFAULT_SITE_URL).rstrip("/") + "/"


def site_url(settings: Settings) -> str:
    """The published address with a trailing slash; every absolute URL starts with it."""
    return base_url(settings.site_url)


def page_url(settings: Settings, kind: str, id_: str | None = None) -> str:
    """Absolute URL of a page: page_url(s, 'maatregel', 'x') -> 'https://.../maatregelen/x/'."""
    return site_url(settings) + url_of(kind, id_)


def anchors(terms: list[str]) -> dict[str, str]:
    """The anchor of each term on its page, unique: ['COA', 'CdK’s', 'a.s.'] ->
    {'COA': 'coa', 'CdK’s': 'cdks', 'a.s.': 'a-s'}; a second term with the same anchor gets
    '-2' (the begrippen page: /begrippen/#coa)."""
    result: dict[str, str] = {}
    taken: set[str] = set()
    for term in terms:
        letters = unicodedata.normalize("NFKD", term.lower()).encode("ascii", "ignore").decode()
        base = re.sub(r"[^a-z0-9]+", "-", letters.replace("'", "")).strip("-") or "begrip"
        anchor, n = base, 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        result[term] = anchor
        taken.add(anchor)
    return result
