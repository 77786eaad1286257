"""Editors' Markdown -> safe HTML, the same for every site builder (imports nothing from MkDocs).

Editors write Markdown in `beschrijving`, `voetnoten` and the pages in content/paginas. It is
rendered here, not by the site builder, with only what content needs: paragraphs, emphasis,
lists, quotes, code, tables, headings, links and the abbreviation tooltips of the begrippen.
There is no raw HTML (it is shown as text), no attribute lists and no images, and a link goes
to https:, mailto:, another page of the site or an anchor. The HTML then passes nh3 (Ammonia)
with an allowlist, and is written with Markdown's punctuation as character references, so a
builder that reads it again as Markdown (a raw HTML block in a generated page) finds nothing
to interpret.

    >>> blocks("Zie [meer](https://www.vng.nl).")
    (Html(html=Markup('<p>Zie <a href="https://www.vng.nl">meer</a>.</p>')),)

`link_problems` gives what `check` reports: every link or image that rendering would drop,
and every limit of markdown_limits.py a text passes. Some 460 lines: rendering, sanitising and
reporting what was dropped are one pass over the text, kept in one place so they cannot drift.
"""

from __future__ import annotations

import functools
import html
import html.parser
import posixpath
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .markdown_ext import LetteredLists, linear_abbreviations, linear_blocks
from .markdown_limits import LinkProblem, exceeded

TAGS = frozenset(
    {"p", "br", "hr", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "abbr"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"}
)
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start", "type"}}
ALIGN_CLASSES = {f"hr-uitlijning-{side}" for side in ("links", "midden", "rechts")}
_ALIGN = {"left": "links", "center": "midden", "right": "rechts"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
VOID = frozenset({"br", "hr"})
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# HTML's specials and the Markdown punctuation that means something inside a line, written as
# character references (the HTML has no line breaks, so line-start syntax never applies).
_SPECIAL = {c: f"&#{ord(c)};" for c in '&<>"\\`*_[]{}|~^'}
_SPECIAL_RE = re.compile("[" + re.escape("".join(_SPECIAL)) + "]")


@dataclass(frozen=True)
class Kop:
    """A heading of the text: written by the page template, so the page's contents list it."""

    level: int
    text: str  # plain text, formatting dropped
    id: str  # unique within the text; the caller adds a prefix


@dataclass(frozen=True)
class Html:
    """Sanitised HTML between headings, to be placed as one raw HTML block."""

    html: Markup


Block = Kop | Html


def classify(target: str) -> str | None:
    """None for an allowed link target, else why not (Dutch). Site-relative targets are allowed.

    The target is read as a browser reads it: entities decoded, tabs and newlines removed,
    leading spaces and control characters dropped.
    """
    clean = re.sub(r"[\t\n\r]", "", html.unescape(target)).lstrip("\x00- ")
    scheme = SCHEME.match(clean)
    if scheme:
        if scheme.group(1).lower() in ("https", "mailto"):
            return None
        return (
            f"link naar '{target[:40]}' is niet toegestaan; gebruik een "
            "webadres dat begint met https:// (of mailto:)"
        )
    if clean.startswith(("//", "/\\")) or "\\" in clean:
        return (
            f"link naar '{target[:40]}' is niet toegestaan; schrijf een webadres "
            "voluit, beginnend met https://"
        )
    return None


def is_internal(target: str) -> bool:
    """A link to a page of this site (not https:, mailto: or an anchor on the same page)."""
    return not SCHEME.match(target) and not target.startswith("#")


def site_path(target: str, folder: str) -> str | None:
    """The site path a content link points to, or None when it leaves the site.

    `folder` is where the text's own page lives ('maatregelen', 'handreiking', '' for the
    top). '../wijzigingen.md' and '/wijzigingen/' both give 'wijzigingen/'; an anchor stays.
    """
    path, hash_, fragment = target.partition("#")
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
    normal = posixpath.normpath(joined) if joined else ""
    if normal.startswith("..") or normal.startswith("/"):
        return None
    normal = "" if normal == "." else normal
    if normal.endswith(".md"):
        stem = normal[: -len(".md")]
        is_index = stem == "index" or stem.endswith("/index")
        normal = stem[: -len("index")] if is_index else stem + "/"
    elif normal and "." not in normal.rsplit("/", 1)[-1]:
        normal = normal.rstrip("/") + "/"
    return normal + hash_ + fragment


class _Guard(Treeprocessor):
    """Records and removes every link and image that is not allowed; ids for headings."""

    def __init__(self, md, found: list[LinkProblem]):
        super().__init__(md)
        self.found = found

    def run(self, root: etree.Element) -> None:
        used: dict[str, int] = {}
        for element in root.iter():
            if element.tag == "a":
                target = element.get("href", "")
                problem = classify(target)
                if problem:
                    self.found.append(LinkProblem(target, problem))
                    element.tag = "span"
                    element.attrib.clear()
            elif element.tag == "img":
                target = element.get("src", "")
                self.found.append(
                    LinkProblem(
                        target,
                        f"afbeelding '{target[:40]}' is niet toegestaan; de tekst kan geen "
                        "afbeeldingen tonen (zet een link naar de afbeelding)",
                    )
                )
                alt = element.get("alt", "")
                element.tag = "span"
                element.attrib.clear()
                element.text = alt
            elif element.tag in ("th", "td"):
                style = element.attrib.pop("style", "")
                side = re.search(r"text-align:\s*(\w+)", style)
                if side and side.group(1) in _ALIGN:
                    element.set("class", f"hr-uitlijning-{_ALIGN[side.group(1)]}")
            elif element.tag in HEADINGS:
                slug = slugify("".join(element.itertext())) or "kop"
                used[slug] = used.get(slug, 0) + 1
                element.set("id", slug if used[slug] == 1 else f"{slug}-{used[slug]}")


def slugify(text: str) -> str:
    """'Nadruk op de korte termijn' -> 'nadruk-op-de-korte-termijn' (ASCII, never '_' or '__')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))[:60].strip("-")


@functools.cache
def _converter(glossary: tuple[tuple[str, str], ...]) -> tuple[markdown.Markdown, list]:
    found: list[LinkProblem] = []
    md = markdown.Markdown(
        extensions=["tables", "abbr", "sane_lists", "fenced_code"],
        extension_configs={"abbr": {"glossary": dict(glossary)}},
        output_format="html",
    )
    linear_abbreviations(md)  # the same output in linear time (markdown_ext.py)
    linear_blocks(md)
    md.preprocessors.deregister("html_block")  # raw HTML stays text: it is escaped
    md.inlinePatterns.deregister("html")
    # Bullets written 'a.', 'b.' as the lettered list they are (one marker, not '◦ a.').
    md.treeprocessors.register(LetteredLists(md), "hr_lettered_lists", 5)
    # After every other tree processor: links and headings as they will be written.
    md.treeprocessors.register(_Guard(md, found), "handreiking-guard", -10)
    return md, found


_HEADING_ID = re.compile(r"^[a-z0-9-]{1,70}$")


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id":
        return value if tag in HEADINGS and _HEADING_ID.match(value) else None
    if attribute == "start":
        return value if value.isdigit() and len(value) < 10 else None
    if attribute == "type":
        return value if value == "a" else None  # a lettered list (markdown_ext.LetteredLists)
    return value


@functools.lru_cache(maxsize=4096)
def _parse(text: str, glossary: tuple[tuple[str, str], ...]) -> tuple[tuple, tuple]:
    """(tokens of the sanitised HTML, link problems) for one text; cached, it is pure."""
    limit = exceeded(text)
    if limit is not None:  # shown as one paragraph of text; check refuses it anyway
        return (("start", "p", ()), ("text", text, ()), ("end", "p", ())), (limit,)
    md, found = _converter(glossary)
    found.clear()
    try:
        rendered = md.reset().convert(text)
    finally:
        problems = tuple(found)
        found.clear()
    clean = nh3.clean(
        rendered,
        tags=set(TAGS),
        attributes={
            **{tag: set(names) for tag, names in ATTRIBUTES.items()},
            **{h: {"id"} for h in HEADINGS},
        },
        allowed_classes={"th": ALIGN_CLASSES, "td": ALIGN_CLASSES},
        attribute_filter=_keep_attribute,
        url_schemes={"https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )
    return _Tokens.of(clean), problems


class _Tokens(html.parser.HTMLParser):
    """The sanitiser's output as (kind, tag or text, attributes) tokens."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []

    @classmethod
    def of(cls, text: str) -> tuple:
        parser = cls()
        parser.feed(text)
        parser.close()
        return tuple(parser.tokens)

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("start", tag, tuple((k, v or "") for k, v in attrs)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.tokens.append(("end", tag, ()))

    def handle_data(self, data):
        self.tokens.append(("text", data, ()))


def _escape(text: str) -> str:
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group(0)], text)


def blocks(
    text: str,
    *,
    glossary: Iterable[tuple[str, str]] = (),
    link: Callable[[str], str] | None = None,
    id_prefix: str = "kop-",
) -> tuple[Block, ...]:
    """The text as headings and HTML blocks; `link` rewrites internal link targets.

    Newlines in the HTML become character references, so each block is one line: nothing in
    it can start a Markdown construct at the beginning of a line.
    """
    tokens, _ = _parse(text, tuple(glossary))
    result: list[Block] = []
    out: list[str] = []
    depth = 0
    in_pre = 0
    heading: list[str] | None = None
    heading_tag = ""
    heading_id = ""
    for kind, value, attrs in tokens:
        if kind == "start":
            if depth == 0 and value in HEADINGS:
                result.append(Html(Markup("".join(out).strip())))
                out = []
                heading, heading_tag = [], value
                heading_id = dict(attrs).get("id", "")
                depth += 1
                continue
            if heading is not None:
                if value not in VOID:
                    depth += 1
                continue
            in_pre += value == "pre"
            out.append(_start(value, attrs, link, id_prefix))
            if value not in VOID:
                depth += 1
        elif kind == "end":
            depth -= 1
            if heading is not None:
                if depth == 0 and value == heading_tag:
                    words = " ".join("".join(heading).split())
                    result.append(Kop(int(value[1]), words, id_prefix + heading_id))
                    heading = None
                continue
            in_pre -= value == "pre"
            out.append(f"</{value}>")
        elif heading is not None:
            heading.append(value)
        else:
            if not in_pre:
                value = re.sub(r"\s*\n\s*", " ", value) if "\n" in value else value
            out.append(_escape(value).replace("\n", "&#10;"))
    if out:
        result.append(Html(Markup("".join(out).strip())))
    return tuple(block for block in result if not isinstance(block, Html) or block.html)


def _start(tag: str, attrs: tuple, link: Callable[[str], str] | None, id_prefix: str) -> str:
    parts = [tag]
    for name, value in attrs:
        if name == "href" and link is not None and is_internal(value):
            value = link(value)
        elif name == "id":
            value = id_prefix + value
        parts.append(f'{name}="{_escape(value)}"')
    return "<" + " ".join(parts) + ">"


def to_html(blocks_: Iterable[Block], top: int | None = None) -> Markup:
    """All blocks as one HTML string, headings included (for places without a contents list)."""
    blocks_ = tuple(blocks_)
    shift = _shift(blocks_, top)
    parts = []
    for block in blocks_:
        if isinstance(block, Kop):
            level = min(6, max(1, block.level + shift))
            parts.append(f'<h{level} id="{_escape(block.id)}">{_escape(block.text)}</h{level}>')
        else:
            parts.append(str(block.html))
    return Markup("".join(parts))


def _shift(blocks_: tuple[Block, ...], top: int | None) -> int:
    levels = [b.level for b in blocks_ if isinstance(b, Kop)]
    return top - min(levels) if top is not None and levels else 0


def shifted(blocks_: Iterable[Block], top: int | None) -> tuple[Block, ...]:
    """The headings moved so the highest is level `top` (at most 6); None leaves them."""
    blocks_ = tuple(blocks_)
    shift = _shift(blocks_, top)
    if not shift:
        return blocks_
    return tuple(
        Kop(min(6, max(1, b.level + shift)), b.text, b.id) if isinstance(b, Kop) else b
        for b in blocks_
    )


def after_first_paragraph(blocks_: tuple[Block, ...], addition: str) -> tuple[Block, ...]:
    """`addition` (trusted HTML, e.g. footnote calls) at the end of the text's first paragraph."""
    if not addition:
        return blocks_
    result = list(blocks_)
    for index, block in enumerate(result):
        if isinstance(block, Html) and "</p>" in block.html:
            head, _, rest = str(block.html).partition("</p>")
            result[index] = Html(Markup(f"{head}{addition}</p>{rest}"))
            return tuple(result)
    return (*result, Html(Markup(f"<p>{addition}</p>")))


def inline_html(blocks_: Iterable[Block]) -> Markup:
    """A short text (a footnote) as inline HTML: the paragraph tags of a single paragraph go."""
    whole = str(to_html(blocks_))
    if whole.startswith("<p>") and whole.endswith("</p>") and whole.count("<p>") == 1:
        whole = whole[len("<p>") : -len("</p>")]
    return Markup(whole)


def plain(text: str, glossary: Iterable[tuple[str, str]] = ()) -> Markup:
    """Plain text (not Markdown) as HTML paragraphs: a blank line starts a new one.

    A term of the glossary becomes an abbreviation tooltip, as in editors' Markdown.
    """
    pattern, titles = _glossary_pattern(tuple(glossary))

    def paragraph(words: str) -> str:
        escaped = _escape(words)
        if pattern is None:
            return escaped
        return pattern.sub(
            lambda m: f'<abbr title="{_escape(titles[m.group(0)])}">{m.group(0)}</abbr>', escaped
        )

    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip())]
    return Markup("".join(f"<p>{paragraph(p)}</p>" for p in paragraphs if p))


@functools.lru_cache(maxsize=8)
def _glossary_pattern(glossary: tuple[tuple[str, str], ...]) -> tuple[re.Pattern | None, dict]:
    """One pattern for every term, whole words only (as the abbr extension matches them)."""
    titles = dict(glossary)
    if not titles:
        return None, titles
    terms = sorted((_escape(term) for term in titles), key=len, reverse=True)
    titles = {_escape(term): title for term, title in titles.items()}
    return re.compile(r"(?<![\w&#])(?:" + "|".join(map(re.escape, terms)) + r")(?![\w])"), titles


def link_problems(text: str) -> tuple[LinkProblem, ...]:
    """Every link or image in `text` that rendering drops, as `check` reports them."""
    return _parse(text, ())[1]


def internal_links(text: str) -> tuple[str, ...]:
    """The targets of the links in `text` that point to pages of this site."""
    tokens, _ = _parse(text, ())
    return tuple(
        value
        for kind, tag, attrs in tokens
        if kind == "start" and tag == "a"
        for name, value in attrs
        if name == "href" and is_internal(value)
    )


_HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>?")


def html_outside_code(text: str) -> tuple[str, ...]:
    """The HTML tags an editor wrote outside code (which rendering shows as text).

    In `code`, an indented block or a fenced block a tag is an example and fine. A tag that
    is only there after decoding an entity ('&lt;b&gt;') is not one the editor typed.
    """
    written = Counter(_HTML_TAG.findall(text))
    if not written:
        return ()
    tokens, _ = _parse(text, ())
    found, in_code = [], Counter()
    code = 0
    for kind, value, _ in tokens:
        if kind in ("start", "end") and value in ("code", "pre"):
            code += 1 if kind == "start" else -1
        elif kind == "text" and code:
            in_code.update(_HTML_TAG.findall(value))
        elif kind == "text":
            found += [tag for tag in _HTML_TAG.findall(value) if tag in written]
    # A tag typed only in code, and shown as text elsewhere from '&lt;...&gt;', is no tag the
    # editor typed outside code.
    return tuple(tag for tag in dict.fromkeys(found) if written[tag] > in_code[tag])
