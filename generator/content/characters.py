"""Text is what it looks like: characters that hide or reverse text, named in Dutch.

A title with U+202E (right-to-left override) displays reversed on 13 pages, in the CSV and
in the calendar; a second organisatie whose naam differs by a U+200B zero-width space looks
the same as the first in every list and filter. No text of the handreiking needs either, so
every value in the content (ids, titles, names, Markdown, the prose pages) and every setting
in mkdocs.yml that reaches a page refuses them, with the character's code and Dutch name.
Soft hyphens (U+00AD) and zero-width joiners are refused too, also in long texts: the site
hyphenates by itself, and a text copied to the CSV or a title must stay searchable as typed.

Control characters (C0, C1, U+2028/2029) are file_text.py's and kinds.CONTROL's.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Direction controls: they change the order in which the text around them is shown.
BIDI = {
    0x061C: "Arabische lettermarkering",
    0x202A: "links-naar-rechts-inbedding",
    0x202B: "rechts-naar-links-inbedding",
    0x202C: "einde richtingsopmaak",
    0x202D: "links-naar-rechts-forcering",
    0x202E: "rechts-naar-links-forcering",
    0x2066: "links-naar-rechts-isolatie",
    0x2067: "rechts-naar-links-isolatie",
    0x2068: "eerste-sterke-isolatie",
    0x2069: "einde isolatie",
}
# Characters without a visible shape that make two texts differ that look the same.
INVISIBLE = {
    0x00AD: "zacht afbreekstreepje",
    0x034F: "onzichtbare lettergreepverbinder",
    0x115F: "onzichtbare Hangul-vuller",
    0x1160: "onzichtbare Hangul-vuller",
    0x180E: "Mongools klinkerscheidingsteken",
    0x200B: "spatie zonder breedte",
    0x200C: "niet-verbinder zonder breedte",
    0x200D: "verbinder zonder breedte",
    0x200E: "links-naar-rechts-markering",
    0x200F: "rechts-naar-links-markering",
    0x2060: "woordverbinder",
    0x2061: "onzichtbare functietoepassing",
    0x2062: "onzichtbaar maalteken",
    0x2063: "onzichtbaar scheidingsteken",
    0x2064: "onzichtbaar plusteken",
    0x3164: "onzichtbare Hangul-vuller",
    0xFEFF: "spatie zonder breedte (BOM)",
    0xFFA0: "onzichtbare Hangul-vuller",
}
# Besides the named ones, every other format character (Unicode category Cf, as of Unicode 15:
# Arabic number signs, the deprecated U+206A-206F, the tag characters U+E0000-E007F, ...) and
# the blank Hangul fillers. tests/test_characters.py checks the ranges against unicodedata.
FORMAT_RANGES = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
_HIDDEN = re.compile("[" + FORMAT_RANGES + "\u034f\u115f\u1160\u3164\uffa0]")


@dataclass(frozen=True)
class Hidden:
    """A hidden character found in a text: where (offset in the text) and what."""

    offset: int
    character: str

    @property
    def code(self) -> str:
        return f"U+{ord(self.character):04X}"

    @property
    def bidi(self) -> bool:
        return ord(self.character) in BIDI

    @property
    def name(self) -> str:
        code = ord(self.character)
        return (
            BIDI.get(code)
            or INVISIBLE.get(code)
            or unicodedata.name(self.character, "opmaakteken").lower()
        )

    @property
    def what(self) -> str:
        """'onzichtbaar teken U+200B (spatie zonder breedte)'"""
        kind = "richtingteken" if self.bidi else "onzichtbaar teken"
        return f"{kind} {self.code} ({self.name})"

    def message(self, column: int | None = None) -> str:
        """'onzichtbaar teken U+200B (spatie zonder breedte) op kolom 14: ...'"""
        where = f"op kolom {column}" if column else f"als teken {self.offset + 1} van de tekst"
        why = (
            "het keert de leesrichting om, zodat de tekst anders wordt getoond dan hij is "
            "geschreven"
            if self.bidi
            else "het is niet te zien, maar maakt de tekst anders dan hij lijkt"
        )
        return f"{self.what} {where}: {why}; verwijder het"


def find_hidden(text: str) -> Hidden | None:
    """The first direction control or invisible character in `text`, or None.

    >>> find_hidden("COA\u200b").code
    'U+200B'
    """
    match = _HIDDEN.search(text)
    return Hidden(match.start(), match.group(0)) if match else None


def without_hidden(text: str) -> str:
    """`text` without any hidden character (for comparing names)."""
    return _HIDDEN.sub("", text)


def nfc(text: str) -> str:
    """`text` in Unicode normal form C: 'e' + U+0301 and 'é' are one and the same text."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


# Cyrillic and Greek letters drawn exactly like a Latin one: 'СОА' in Cyrillic is 'COA'.
LOOKALIKES = str.maketrans(
    "АВЕКМНОРСТУХЅІЈԚԜаеорсухѕіјһԁԛԝүΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρυχ",
    "ABEKMHOPCTYXSIJQWaeopcyxsijhdqwyABEZHIKMNOPTYXoikvpux",
)


def folded(text: str) -> str:
    """The form in which two names that look alike are equal: NFKC, Cyrillic and Greek
    look-alikes as Latin, case folded, without hidden characters, white space collapsed
    ('COA', 'ＣＯＡ', 'coa', 'CO\u200bA' and Cyrillic 'СОА' are one)."""
    plain = unicodedata.normalize("NFKC", without_hidden(text)).translate(LOOKALIKES)
    return " ".join(plain.casefold().split())
