"""Numbers and amounts in Dutch notation, as the site, the PDF and the changelog write them,
and where a long Dutch word may be hyphenated."""

from __future__ import annotations

import functools
import re

SOFT_HYPHEN = "\u00ad"
LONG_WORD = re.compile(r"\w{15,}")


def euro(value: int | float) -> str:
    """Dutch euro notation: 50000000 -> '€ 50 miljoen', 25500000 -> '€ 25,5 miljoen'."""
    if value >= 1_000_000:
        millions = value / 1_000_000
        text = f"{millions:.1f}".rstrip("0").rstrip(".").replace(".", ",")
        return f"€ {text} miljoen"
    return "€ " + f"{value:,.0f}".replace(",", ".")


def number(value: int | float) -> str:
    """Dutch number notation: 13500 -> '13.500', 25.5 -> '25,5'."""
    if isinstance(value, float) and not value.is_integer():
        whole, _, fraction = f"{value}".partition(".")
        return f"{int(whole):,}".replace(",", ".") + "," + fraction
    return f"{int(value):,}".replace(",", ".")


@functools.cache
def _hyphenator():
    import pyphen  # WeasyPrint's own hyphenation dictionaries (LibreOffice's nl_NL)

    return pyphen.Pyphen(lang="nl_NL", left=4, right=4)


def hyphenatable(text: str) -> str:
    """Soft hyphens in the long words of `text`, where Dutch hyphenates them.

    For narrow table columns (the matrix): with CSS `hyphens: manual` a browser breaks such
    a word only there, with a visible hyphen ('samenwerkings-verbanden'), never mid-syllable.
    """
    return LONG_WORD.sub(lambda word: _hyphenator().inserted(word.group(0), SOFT_HYPHEN), text)
