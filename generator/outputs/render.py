"""Model -> Markdown pages (with front matter), one Jinja template per page kind.

Output is plain Markdown that MkDocs (or any Markdown site builder that reads front matter)
turns into HTML. Editor text never becomes Markdown of the page: plain text is escaped (HTML
and Markdown punctuation), and editors' Markdown is rendered to sanitised HTML by `markup` and
placed as raw HTML blocks, headings as page headings with an id of their own (issue 12).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import posixpath
import re
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2
import jinja2.bccache
import yaml
from markupsafe import Markup, escape

from ..base.dates import dutch_date, words_of
from ..base.dutch import euro, hyphenatable, number
from ..base.settings import Settings
from ..base.urls import PRINT_PAGE, _relpath, base_url, page_file, relative, url_of
from ..content import markup
from ..content.model import (
    SOORT_BEDRAG_LABELS,
    SOORT_ORGANISATIE_LABELS,
    STATUS_LABELS,
    VOLGENDE_EDITIE_AFGELEID,
    Handreiking,
)

TEMPLATES = Path(__file__).parent / "templates"
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: same text, ~10x faster
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}#|!])")


# The overview each kind of record belongs to, by its title: the page's heading, its tab in the
# menu (mkdocs.yml nav) and the middle of a record's breadcrumbs (issue 14).
SECTION_TITLES = {
    "opgave": "Opgaven",
    "maatregel": "Maatregelen",
    "regeling": "Financiering",
    "organisatie": "Wie is eindverantwoordelijk",
    "redactie": "Voor de redactie",
}


def inline_text(text: str | None) -> Markup:
    """Plain text placed in Markdown: one line, HTML-escaped, Markdown punctuation made literal.

    `{` and `}` too: `{: onclick=... }` after a title would otherwise be an attribute list.
    Quotes stay quotes: this is text, never an attribute (a heading's `&#34;` showed as such
    in the page's contents list).
    """
    if text is None:
        return Markup("")
    one_line = " ".join(str(text).split())
    escaped = one_line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Markup(MARKDOWN_SPECIALS.sub(r"\\\1", escaped))


def content_markdown(blocks: tuple[markup.Block, ...], klasse: str = "") -> Markup:
    """Rendered content in a generated page: headings as page headings, the rest raw HTML.

    A heading stays a Markdown heading so the page's contents (and its anchor link) list it;
    its text is escaped like any plain text and its id is the one `markup` gave it.
    """
    parts = []
    classes = " ".join(("hr-tekst", klasse)).strip()
    for block in blocks:
        if isinstance(block, markup.Kop):
            parts.append(f"{'#' * block.level} {inline_text(block.text)} {{ #{block.id} }}")
        else:
            parts.append(f'<div class="{classes}">{block.html}</div>')
    return Markup("\n\n".join(parts))


def link_from(page_url: str, path: str) -> str:
    """A relative link from a page to a site path: a page ('wijzigingen/#x') or a file."""
    address, hash_, fragment = path.partition("#")
    if address == "" or address.endswith("/"):
        return relative(page_url, address + hash_ + fragment)
    return _relpath(address, page_url) + hash_ + fragment


def front_matter(**values) -> Markup:
    """A YAML front matter block; values are HTML-escaped because themes insert them raw."""
    clean = {
        k: [str(escape(x)) for x in v]
        if isinstance(v, list | tuple)
        else str(escape(" ".join(str(v).split())))
        for k, v in values.items()
        if v is not None
    }
    body = yaml.dump(clean, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return Markup(f"---\n{body}---\n")


ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs; a cache that cannot be read or written is skipped.

    Compiling the 26 templates took 0.3 s of every build, a third of the generator's time on
    the real content (issue 6). Jinja keys each file by the template's checksum; the file name
    adds Jinja's version and our environment options, which change the compiled code too.
    """

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@functools.cache
def _bytecode_cache() -> jinja2.BytecodeCache | None:
    key = f"{jinja2.__version__}{sorted(ENVIRONMENT.items())}".encode()
    pattern = f"__handreiking_{hashlib.sha256(key).hexdigest()[:12]}_%s.cache"
    try:  # a per-user directory under the system's temp dir; Jinja checks its owner and mode
        return _BytecodeCache(pattern=pattern)
    except (OSError, RuntimeError):
        return None  # compile every time, as without a cache


# A term that can be written into `*[term]: ...` and match as a word: letters, digits and
# a few joining marks, nothing Markdown reads ('](' would make a link of the definition).
ABBREVIATION_TERM = re.compile(r"^[^\W_][\w.'’&-]*$")


def _tooltip_terms(handreiking: Handreiking):
    """The begrippen that become abbreviation tooltips: one word with two or more capitals."""
    return [
        b
        for b in handreiking.begrippen
        if ABBREVIATION_TERM.match(b.term) and sum(c.isupper() for c in b.term) >= 2
    ]


def _abbreviations(handreiking: Handreiking) -> list[tuple[re.Pattern, str]]:
    """Each abbreviation's search pattern and its Markdown definition (`*[COA]: ...`).

    Every begrip that is one word with two or more capitals becomes a tooltip where it
    appears. A page gets only the definitions of the terms it uses: Python-Markdown's abbr
    extension walks the whole page of every page that defines one (issue 6). The extension
    wraps a term between word boundaries in the text; the term in the Markdown, not followed
    by a letter or digit (`_COA_` is emphasis), is a superset of that, so the HTML is the
    same as with every definition on every page.
    """
    return [
        (
            re.compile(re.escape(b.term) + r"(?![^\W_])"),
            f"*[{b.term}]: {' '.join(b.betekenis.split())}",
        )
        for b in _tooltip_terms(handreiking)
    ]


def _glossary(handreiking: Handreiking) -> tuple[tuple[str, str], ...]:
    """The abbreviation tooltips for editors' Markdown, as `_abbreviations` chooses them."""
    return tuple((b.term, " ".join(b.betekenis.split())) for b in _tooltip_terms(handreiking))


@dataclass(frozen=True)
class Content:
    """An editor's Markdown on one page: `tekst` for a whole text, `voetnoot` for a short one.

    `thuis` is the folder of the text's own page, for its relative links ('../x.md').
    """

    glossary: tuple[tuple[str, str], ...]
    to_path: object  # Callable[[str], str]: a site path -> the link this page writes

    def globals(self) -> dict:
        return {"tekst": self.tekst, "voetnoot": self.voetnoot}

    def _blocks(self, text: str, thuis: str, prefix: str) -> tuple[markup.Block, ...]:
        def link(target: str) -> str:
            path = markup.site_path(target, thuis)
            return self.to_path(path) if path is not None else "#"  # `check` refused it

        return markup.blocks(text, glossary=self.glossary, link=link, id_prefix=prefix)

    def tekst(
        self,
        text: str | None,
        thuis: str,
        top: int | None = None,
        prefix: str = "kop-",
        na_eerste: str = "",
        klasse: str = "",
    ) -> Markup:
        """The text as page headings and raw HTML blocks; headings moved to level `top`,
        `na_eerste` (trusted HTML: footnote calls) at the end of the first paragraph."""
        if not text:
            return Markup("")
        if not isinstance(text, str):  # a frozen edition is read tolerantly
            text = str(text)
        blocks = markup.shifted(self._blocks(text, thuis, prefix), top)
        return content_markdown(markup.after_first_paragraph(blocks, na_eerste), klasse)

    def voetnoot(self, text: str, thuis: str) -> Markup:
        """A short text as inline HTML (a footnote in a list or a line)."""
        return markup.inline_html(self._blocks(text, thuis, "noot-"))


SEARCH_WORDS = "woorden.json"
TITLE_WORD = re.compile(r"[^\W\d_]{4,}")


def search_words(h: Handreiking) -> str:
    """The words of the titles and begrippen, for the search page (zoeken.js) to look for a
    query word inside: "noodopvang" -> "crisisnoodopvang". JSON, sorted, lower case."""
    texts = [b.term for b in h.begrippen]
    for records, attribute in (
        (h.maatregelen, "titel"),
        (h.regelingen, "titel"),
        (h.opgaven, "titel"),
        (h.organisaties, "naam"),
    ):
        texts += [getattr(record, attribute) for record in records.values()]
    found = {word.lower() for text in texts for word in TITLE_WORD.findall(text)}
    return json.dumps(sorted(found), ensure_ascii=False) + "\n"


SEARCH_SYNONYMS = "zoekwoorden.json"


def search_synonyms(h: Handreiking) -> str:
    """The editors' groups of words that mean the same (content/zoekwoorden.yaml, issue 22),
    for the search page to look for the others too: "flexwoning" -> "flexibele huisvesting".
    JSON, a list of groups, each word lower case with single spaces."""
    groups = [[" ".join(w.casefold().split()) for w in g.woorden] for g in h.zoekwoorden]
    return json.dumps(groups, ensure_ascii=False) + "\n"


# The pages an edition of the handreiking has at its own fixed address (editie/<jaar>/...):
# every page of its content. The site's services (search, changelog, contact, open data, ...)
# exist once, for the current edition.
EDITION_KINDS = frozenset(
    {"home", "opgave", "maatregel", "regeling", "organisatie", "pagina"}
    | {"tijdlijn", "begrippen", "bronnen"}
)
EDITION_FOLDERS = frozenset(url_of(kind).rstrip("/") for kind in EDITION_KINDS if kind != "home")


class Renderer:
    """Renders the pages of a Handreiking to Markdown text, keyed by file path.

    `history` (history/model.py) is the one history of the editions; `frozen` (history/
    frozen.py) makes this the renderer of a published edition: its pages live under
    editie/<jaar>/, overdue is judged at its own peildatum, and every page says which edition
    it is. Which pages exist is outputs/pages.py's table.
    """

    def __init__(
        self, handreiking: Handreiking, settings: Settings, history=None, frozen=None, volgen=()
    ):
        self.h = handreiking
        self.frozen = frozen
        if frozen is not None:  # as the edition described itself, never with edit links
            settings = replace(settings, today=handreiking.editie.peildatum.einde, repo_url=None)
        self.settings = settings
        self.history = history
        self.prefix = f"editie/{handreiking.editie.jaar}/" if frozen is not None else ""
        self._abbreviation_table = _abbreviations(handreiking)
        self.glossary = _glossary(handreiking)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            bytecode_cache=_bytecode_cache(),
            undefined=jinja2.StrictUndefined,
            **ENVIRONMENT,
        )
        self.env.filters.update(
            inline=inline_text,
            euro=euro,
            number=number,
            dutch_date=dutch_date,
            afbreekbaar=hyphenatable,
            woorden=words_of,
        )
        self.env.tests["overdue"] = lambda record: record.is_overdue(settings.today)
        self.env.globals.update(
            h=handreiking,
            today=settings.today,
            status_labels=STATUS_LABELS,
            soort_organisatie_labels=SOORT_ORGANISATIE_LABELS,
            soort_bedrag_labels=SOORT_BEDRAG_LABELS,
            volgende_editie_afgeleid=VOLGENDE_EDITIE_AFGELEID,
            front_matter=front_matter,
            platte_tekst=self.plain,
            sectie_titels=SECTION_TITLES,
            adres=self.address,
            history=history,
            bevroren=frozen,
            edities=history,
            geschiedenis=history.geschiedenis if history and frozen is None else {},
            # Issue 24: the feed and calendar of each opgave and organisatie, by (kind, id);
            # a published edition's pages offer none (they never change).
            volgen={(v.kind, v.id): v for v in volgen} if frozen is None else {},
            volg_lijst=list(volgen) if frozen is None else [],
        )

    def url_of(self, kind: str, id_: str | None = None) -> str:
        """The site path of a page of this renderer's edition: under editie/<jaar>/ for a
        frozen edition's own pages, the current site's for everything else."""
        url = url_of(kind, id_)
        return self.prefix + url if kind in EDITION_KINDS else url

    def edition_path(self, path: str) -> str:
        """A site path from an editor's link ('maatregelen/x/#kop') as this edition has it."""
        if not self.prefix:
            return path
        first = path.split("/", 1)[0].split("#", 1)[0]
        if path.startswith(PRINT_PAGE):
            return path
        if path == "" or path.startswith("#") or first in EDITION_FOLDERS:
            return self.prefix + path
        return path

    def address(self, url: str) -> str:
        """The published address of a site-relative URL: 'maatregelen/x/' -> 'https://.../x/'."""
        return base_url(self.settings.site_url) + url

    def team(self):
        """The ondersteuningsteam: the contact point for questions, problems and security."""
        return self.h.organisaties.get("ondersteuningsteam")

    def add(self, pages: dict[str, str], url: str, template: str, **context) -> None:
        """Render `template` as the page at site path `url` into `pages`."""
        source = page_file(url)

        def link(kind: str, id_: str | None = None) -> str:
            return relative(url, self.url_of(kind, id_))

        def mdlink(kind: str, id_: str | None = None) -> str:
            target = page_file(self.url_of(kind, id_))
            return _relpath(target, posixpath.dirname(source))

        def mdfile(path: str) -> str:
            """A Markdown link to a file of docs_dir ('opgaven/x/feed.xml'), from the source."""
            return _relpath(path, posixpath.dirname(source))

        def to(path: str) -> str:
            """A link from this page to any site path ('editie/2021/' or 'feed.xml')."""
            return link_from(url, path)

        text = self.env.get_template(template).render(
            page_url=url,
            link=link,
            mdlink=mdlink,
            mdbestand=mdfile,
            naar=to,
            edit=context.pop("edit", None),
            **self.content(lambda path: link_from(url, self.edition_path(path))).globals(),
            **context,
        )
        text = self._with_actualiteit(text, link, to, url)
        pages[page_file(url)] = text.rstrip("\n") + "\n" + self.abbreviations(text)

    def _with_actualiteit(self, text: str, link, to, url: str) -> str:
        """The page with its edition and stand at the bottom, and on top the notice of a
        frozen edition, or the one when the next edition is overdue (issue 13): after the
        front matter, before the first heading."""
        partial = self.env.get_template("_actualiteit.md.j2").module
        front, body = "", text
        if text.startswith("---\n"):
            _, front, body = text.split("---\n", 2)
            if self.frozen is not None:  # the search filters and marks it (theme/main.html)
                front += f"editie: '{self.h.editie.jaar}'\n"
            front = f"---\n{front}---\n"
        current = url[len(self.prefix) :] if url.startswith(self.prefix) else url
        top = partial.boven(link, to, current)
        return f"{front}{top}{body.rstrip()}\n\n{partial.onder(link)}\n"

    def content(self, to_path) -> Content:
        """`tekst(...)` and `voetnoot(...)` for the templates of one page (see `Content`).

        `to_path` turns a site path ('wijzigingen/') into the link the page writes.
        """
        return Content(self.glossary, to_path)

    def plain(self, text: str | None, klasse: str = "") -> Markup:
        """Plain text (a samenvatting, a rol) as a raw HTML block, with abbreviation tooltips."""
        if not text:
            return Markup("")
        return content_markdown((markup.Html(markup.plain(text, self.glossary)),), klasse)

    def abbreviations(self, text: str) -> str:
        """The abbreviation definitions for the terms `text` uses (issue 6, see _abbreviations).

        A blank line between them: in one block, Python-Markdown takes one definition off at a
        time and searches the rest again (2,000 begrippen: 4 s for the begrippen page alone).
        """
        lines = [line for term, line in self._abbreviation_table if term.search(text)]
        return ("\n" + "\n\n".join(lines) + "\n") if lines else ""

    def edit(self, key: str, line: int) -> dict | None:
        """The edit link of a record at `line` of the content file with key `key`."""
        return self.edit_path(self.h.files[key], line)

    def edit_path(self, path: str, line: int) -> dict | None:
        if not self.settings.repo_url:
            return None
        base = self.settings.repo_url.rstrip("/")
        branch = self.settings.edit_branch
        return {
            "url": f"{base}/edit/{branch}/{path}",
            "file": path,
            "line": line,
            "view": f"{base}/blob/{branch}/{path}#L{line}",
        }
