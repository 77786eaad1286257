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
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from string import ascii_lowercase

from markdown import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

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


class HandreikingExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(LetteredLists(md), "hr_lettered_lists", 5)
        md.postprocessors.register(FirstAbbreviations(md), "hr_first_abbreviations", 5)


def makeExtension(**kwargs) -> HandreikingExtension:  # noqa: N802 (Python-Markdown's name)
    return HandreikingExtension(**kwargs)
