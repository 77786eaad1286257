"""The site's addresses: where each page of a record or overview lives, links between them,
and the absolute URLs the open data, the calendar, the feed and the schemas publish.

Low in the pipeline so that check, the changelog, the open data and the renderer share it,
and none of them imports another for an address. Check uses the addresses known before
rendering too: to refuse an id that would replace a page the site makes, and to check a link
in an editor's text against the pages that will exist (tests/test_hostile.py checks that
FIXED_PAGES matches what the build writes).
"""

from __future__ import annotations

import re
import unicodedata

from .settings import DEFAULT_SITE_URL, Settings

OPEN_DATA = "open-data"
PRINT_PAGE = "handreiking/volledig"  # the whole handreiking on one page (outputs/printed.py)
PDF_FILE = f"{OPEN_DATA}/handreiking.pdf"  # a stable address: always the current edition

# The folder of each kind's pages: maatregelen/<id>/, ... and the prose pages handreiking/<n>/.
FOLDERS = {
    "maatregel": "maatregelen",
    "opgave": "opgaven",
    "organisatie": "organisaties",
    "regeling": "regelingen",
    "pagina": "handreiking",
}

RENAMEABLE = (  # (file key, kind) of the records with a page, whose address every edition keeps
    ("maatregelen", "maatregel"),
    ("regelingen", "regeling"),
    ("organisaties", "organisatie"),
    ("opgaven", "opgave"),
)

# Every page the site makes besides one per record and one per prose page (site paths).
FIXED_PAGES = frozenset(
    {
        "",
        "opgaven/",
        "maatregelen/",
        "regelingen/",
        "organisaties/",
        "tijdlijn/",
        "begrippen/",
        "bronnen/",
        "zoeken/",
        "wijzigingen/",
        "open-data/",
        "contact/",
        "toegankelijkheid/",
        "privacy/",
        "redactie/",
        "editie/",
        "handreiking/volledig/",
    }
)

# Issue 24: the feed and the calendar of each opgave and organisatie, beside its page
# ('opgaven/inburgering/feed.xml'). They follow their subject, as services of the current
# site: an edition does not record them among its addresses.
FOLLOW_FEED = "feed.xml"
FOLLOW_CALENDAR = "mijlpalen.ics"
FOLLOW_FILE = re.compile(r"^(opgaven|organisaties)/[^/]+/(feed\.xml|mijlpalen\.ics)$")

# Files a text may link to besides pages (downloads); anything under these is accepted.
FILE_PREFIXES = ("open-data/", "feed.xml")
SECURITY_TXT = ".well-known/security.txt"  # only when there is a contact for it
# Every file the site makes besides its pages and redirects, whatever the content: check
# knows from these which address of an earlier edition the build will still publish
# (tests/test_hostile.py checks that this matches what the build writes).
FIXED_FILES = frozenset(
    {
        "feed.xml",
        "zoeken/woorden.json",
        "zoeken/zoekwoorden.json",
        *(
            f"{OPEN_DATA}/{name}"
            for name in (
                "handreiking.json",
                "handreiking.pdf",
                "handreiking.schema.json",
                "kerncijfers.csv",
                "maatregelen.csv",
                "mijlpalen.csv",
                "mijlpalen.ics",
                "opgaven.csv",
                "organisaties.csv",
                "regelingen.csv",
            )
        ),
        *(
            f"schema/{name}.schema.json"
            for name in (
                "begrippen",
                "bronnen",
                "editie",
                "edities",
                "handreiking",
                "maatregelen",
                "opgaven",
                "organisaties",
                "regelingen",
                "verwijderd",
                "zoekwoorden",
            )
        ),
    }
)

# Where the text of each content file is shown, for links relative to it ('../x.md').
CONTENT_FOLDERS = {
    "maatregelen.yaml": FOLDERS["maatregel"],
    "content/opgaven.yaml": FOLDERS["opgave"],
    "content/organisaties.yaml": FOLDERS["organisatie"],
    "content/regelingen.yaml": FOLDERS["regeling"],
    "content/paginas": FOLDERS["pagina"],
}


def reserved_ids(kind: str) -> frozenset[str]:
    """Ids that would replace a page the site makes: 'index' (the folder's own page) and, for
    prose pages, every fixed page in their folder ('volledig', the whole handreiking)."""
    folder = FOLDERS[kind] + "/"
    fixed = {page[len(folder) :].rstrip("/") for page in FIXED_PAGES if page.startswith(folder)}
    fixed.discard("")
    return frozenset({"index", *fixed})


def content_folder(display: str) -> str:
    """The folder whose pages show the text of a content file ('' for the top of the site)."""
    for path, folder in CONTENT_FOLDERS.items():
        if display == path or display.startswith(path + "/"):
            return folder
    return ""


def url_of(kind: str, id_: str | None = None) -> str:
    """Site-relative URL of a page: url_of('maatregel', 'x') -> 'maatregelen/x/'."""
    folders = FOLDERS
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
    """A relative link between two directory URLs, as a browser resolves it; an anchor stays:
    relative('maatregelen/x/', 'wijzigingen/#editie-2021') -> '../../wijzigingen/#editie-2021'."""
    address, hash_, fragment = to_url.partition("#")
    rel = _relpath(address, from_url) if address != from_url else "."
    return ("./" if rel == "." else rel + "/") + hash_ + fragment


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
