"""Lettered lists: a bullet list whose items start with 'a.', 'b.', 'c.' becomes <ol type="a">.

The handreiking numbers sub-points with letters ("2. Opvang / a. Extra opvangplekken ...").
Markdown has no lettered list, so the text writes them as bullets with the letter in front,
and a browser or WeasyPrint showed both markers ("◦ a."). A Python-Markdown extension, used
by the site (mkdocs.yml) and the PDF (printed.py) alike.

    >>> import markdown
    >>> markdown.markdown("- a. een\\n- b. twee", extensions=[LetteredListExtension()])
    '<ol type="a">\\n<li>een</li>\\n<li>twee</li>\\n</ol>'
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


class LetteredListExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(LetteredLists(md), "hr_lettered_lists", 5)


def makeExtension(**kwargs) -> LetteredListExtension:  # noqa: N802 (Python-Markdown's name)
    return LetteredListExtension(**kwargs)
