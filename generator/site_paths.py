"""The addresses the site makes, known before rendering: for reserved ids and content links.

Low in the pipeline (imports nothing of ours), so `validate` can refuse an id that would
replace a page the site makes, and check a link in an editor's text against the pages that
will exist. tests/test_hostile.py checks that FIXED_PAGES matches what `render` writes.
"""

from __future__ import annotations

# The folder of each kind's pages: maatregelen/<id>/, ... and the prose pages handreiking/<n>/.
FOLDERS = {
    "maatregel": "maatregelen",
    "opgave": "opgaven",
    "organisatie": "organisaties",
    "regeling": "regelingen",
    "pagina": "handreiking",
}

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
        "handreiking/volledig/",
    }
)

# Files a text may link to besides pages (downloads); anything under these is accepted.
FILE_PREFIXES = ("open-data/", "feed.xml")

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
