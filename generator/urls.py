"""The site's addresses: where each page of a record or overview lives, and links between them.

Low in the pipeline so that check, the changelog, the open data and the renderer share it.
"""

from __future__ import annotations


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
