"""Two Python-Markdown tree processors for the site (mkdocs.yml) and the PDF (printed.py).

Lettered lists: a bullet list whose items start with 'a.', 'b.', 'c.' becomes <ol type="a">.
The handreiking numbers sub-points with letters ("2. Opvang / a. Extra opvangplekken ...");
Markdown has no lettered list, so the text writes them as bullets with the letter in front,
and a browser or WeasyPrint showed both markers ("◦ a.").

An abbreviation explained once: only its first use on a page stays an <abbr title="...">,
later ones are plain text (the abbr extension marks every use). A screen reader reads the
meaning once instead of at every 'COA', and Material's tooltips are set up for 12 terms
instead of 65 on /organisaties/, a third of the script time of its load (issue 14).
tests/test_markdown_ext.py shows both.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from string import ascii_lowercase

from markdown import Extension
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


class FirstAbbreviation(Treeprocessor):
    """Every <abbr> after the first with the same text becomes that text (after 'abbr', 7)."""

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        seen: set[str] = set()
        repeats = []
        for abbr in root.iter("abbr"):  # document order
            if (abbr.text or "") in seen and len(abbr) == 0:
                repeats.append(abbr)
            seen.add(abbr.text or "")
        for abbr in reversed(repeats):
            parent = parents[abbr]
            _unwrap(parent, list(parent).index(abbr), abbr)


def _unwrap(parent: etree.Element, index: int, abbr: etree.Element) -> None:
    """Replace `abbr` (the child at `index`) by its text, keeping its tail."""
    text = (abbr.text or "") + (abbr.tail or "")
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    parent.remove(abbr)


class HandreikingExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(LetteredLists(md), "hr_lettered_lists", 5)
        md.treeprocessors.register(FirstAbbreviation(md), "hr_first_abbreviation", 6)


def makeExtension(**kwargs) -> HandreikingExtension:  # noqa: N802 (Python-Markdown's name)
    return HandreikingExtension(**kwargs)
