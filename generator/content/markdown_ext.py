"""Lettered lists and abbreviations explained once, for the site, the editors' texts and the PDF.

Lettered lists: a bullet list whose items start with 'a.', 'b.', 'c.' becomes <ol type="a">.
The handreiking numbers sub-points with letters ("2. Opvang / a. Extra opvangplekken ...");
Markdown has no lettered list, so the text writes them as bullets with the letter in front,
and a browser or WeasyPrint showed both markers ("◦ a.").

An abbreviation explained once (`first_abbreviations`, on a page's HTML after Python-Markdown
has put the raw HTML blocks back, so the editors' texts of markup.py count too): only its
first use on a page stays an <abbr title="...">, later ones are plain text (the abbr
extension marks every use). A screen reader reads the
meaning once instead of at every 'COA', and Material's tooltips are set up for 12 terms
instead of 65 on /organisaties/, a third of the script time of its load (issue 14).
tests/test_markdown_ext.py shows both.

Abbreviations in linear time (`linear_abbreviations`): Python-Markdown's abbr extension finds
the place of every element in its parent with `list(parent).index(el)`, time quadratic in the
elements of one parent: a text of 21,000 short paragraphs spent 44 s there (issue 21). The
same processor with each child's place handed down replaces it, in editors' texts
(markup.py) and on the site's pages (after `abbr` in mkdocs.yml's markdown_extensions).

Blocks taken from the front in constant time (`linear_blocks`): Python-Markdown keeps the
blocks of a text (the parts between blank lines) in a list and takes each one off its front
with `pop(0)`, moving all the others: quadratic in the blocks (85,000 short paragraphs in a
256 kB text). The same list kept back to front makes that constant.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from string import ascii_lowercase

from markdown import Extension
from markdown.blockparser import BlockParser
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

LETTER = re.compile(r"^([a-z])\.\s+")


def _first_text(item: etree.Element) -> tuple[etree.Element, str]:
    """The element whose .text starts the item (the item itself, or its first <p>)."""
    if not (item.text or "").strip() and len(item) and item[0].tag == "p":
        return item[0], item[0].text or ""
    return item, item.text or ""


class LetteredLists(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for ul in root.iter("ul"):
            items = [child for child in ul if child.tag == "li"]
            if len(items) < 2 or len(items) != len(ul):
                continue
            letters = [LETTER.match(_first_text(item)[1]) for item in items]
            if not all(letters) or [m.group(1) for m in letters] != list(
                ascii_lowercase[: len(items)]
            ):
                continue
            for item, match in zip(items, letters, strict=True):
                holder, text = _first_text(item)
                holder.text = text[match.end() :]
            ul.tag = "ol"
            ul.set("type", "a")


_ABBR = re.compile(r'<abbr title="[^"<>]*">([^<]*)</abbr>')


def first_abbreviations(html: str) -> str:
    """Every <abbr> after the first with the same text becomes that text.

    On a page's finished HTML, so it covers the page's own Markdown and the editors' texts
    (generator/content/markup.py, raw HTML blocks a tree processor of the page never sees) alike.
    """
    seen: set[str] = set()

    def once(match: re.Match) -> str:
        if match.group(1) in seen:
            return match.group(1)
        seen.add(match.group(1))
        return match.group(0)

    return _ABBR.sub(once, html)


class FirstAbbreviations(Postprocessor):
    """`first_abbreviations` on the page's HTML, raw HTML blocks restored (those run at 30)."""

    def run(self, text: str) -> str:
        return first_abbreviations(text)


class LinearAbbreviations(AbbrTreeprocessor):
    """AbbrTreeprocessor with the same output, each element's place in its parent handed down
    instead of searched for (see the module's docstring)."""

    def iter_element(self, el, parent=None, index: int = 0) -> None:  # noqa: D102
        # Last child first: what is inserted after a child leaves the earlier ones in place.
        for position in range(len(el) - 1, -1, -1):
            self.iter_element(el[position], el, position)
        if (text := el.text) and not isinstance(text, AtomicString):
            for m in reversed(list(self.RE.finditer(text))):
                if self.abbrs[m.group(0)]:
                    abbr = self.create_element(self.abbrs[m.group(0)], m.group(0), text[m.end() :])
                    el.insert(0, abbr)
                    text = text[: m.start()]
            el.text = text
        if parent is not None and el.tail:
            tail = el.tail
            if not isinstance(tail, AtomicString):
                for m in reversed(list(self.RE.finditer(tail))):
                    if self.abbrs[m.group(0)]:
                        abbr = self.create_element(
                            self.abbrs[m.group(0)], m.group(0), tail[m.end() :]
                        )
                        parent.insert(index + 1, abbr)
                        tail = tail[: m.start()]
                el.tail = tail


def linear_abbreviations(md) -> None:
    """Replace the abbr extension's tree processor (if registered) by LinearAbbreviations."""
    if "abbr" in md.treeprocessors:
        current = md.treeprocessors["abbr"]
        if not isinstance(current, LinearAbbreviations):
            md.treeprocessors.register(LinearAbbreviations(md, current.abbrs), "abbr", 7)


class FrontList:
    """The list of blocks Python-Markdown's block processors read from the front, stored back
    to front, so `pop(0)` and `insert(0, block)` take constant time. The processors use
    only `blocks[0]`, `pop(0)`, `insert(0, ...)`, `len` and truth; the rest works too."""

    def __init__(self, items):
        self._reversed = list(items)[::-1]

    def _at(self, index: int) -> int:
        size = len(self._reversed)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("block index out of range")
        return size - 1 - index

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(self)[index]
        return self._reversed[self._at(index)]

    def __setitem__(self, index: int, value) -> None:
        self._reversed[self._at(index)] = value

    def __len__(self) -> int:
        return len(self._reversed)

    def __iter__(self):
        return reversed(self._reversed)

    def pop(self, index: int = -1):
        return self._reversed.pop(self._at(index))

    def insert(self, index: int, value) -> None:
        size = len(self._reversed)
        index = max(0, min(size, index + size if index < 0 else index))
        self._reversed.insert(size - index, value)

    def append(self, value) -> None:
        self._reversed.insert(0, value)


class LinearBlockParser(BlockParser):
    """BlockParser whose chunks are FrontLists (see the module's docstring)."""

    def parseChunk(self, parent, text: str) -> None:  # noqa: N802 (Python-Markdown's name)
        self.parseBlocks(parent, FrontList(text.split("\n\n")))


def linear_blocks(md) -> None:
    """Make `md`'s block parser a LinearBlockParser (same processors, same state)."""
    if type(md.parser) is BlockParser:
        md.parser.__class__ = LinearBlockParser


class HandreikingExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(LetteredLists(md), "hr_lettered_lists", 5)
        md.postprocessors.register(FirstAbbreviations(md), "hr_first_abbreviations", 5)
        linear_abbreviations(md)
        linear_blocks(md)


def makeExtension(**kwargs) -> HandreikingExtension:  # noqa: N802 (Python-Markdown's name)
    return HandreikingExtension(**kwargs)
