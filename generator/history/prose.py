"""Prose: what changed in a text, in words, compared block (paragraph) by block.

A block nearly the same as one on the other side (`similarity.SAME_BLOCK`) is the same block,
so a typo fix or a rewrapped line is no change; unless the two differ in a fact a reader acts
on (an organisation, a number, an amount, a date: `mentions`), which is said by name:

    'tekst aangevuld (1 alinea toegevoegd)'
    'tekst gewijzigd: ‘JenV’ werd ‘AenM’'
    'betekenis was eerst ‘Commissaris der Koningin’'
"""

from __future__ import annotations

import re

from .mentions import Mentions, in_words
from .similarity import pair
from .wording import count, sentences

# The main text of a record, compared as one pool of blocks: an editor moving a sentence from
# the samenvatting to the beschrijving changes no text. Every other multi-line field of a
# record is compared on its own, under its own label.
PROSE = ("samenvatting", "beschrijving", "rol", "doelgroep", "voetnoten")
PARAGRAPH = re.compile(r"\n\s*\n")
SHORT = 160  # a single block this short is quoted whole when it was rewritten


def split(text: object) -> list[str]:
    """The paragraphs of a text, whitespace-normalised."""
    if not isinstance(text, str):
        return []
    return [" ".join(p.split()) for p in PARAGRAPH.split(text) if p.strip()]


def blocks(record: dict) -> list[str]:
    """The text blocks (paragraphs, list items, footnotes) of a record's main text."""
    parts = []
    for field in PROSE[:-1]:
        parts += split(record.get(field))
    parts += [" ".join(str(n).split()) for n in record.get("voetnoten") or [] if n]
    return parts


def text_change(label: str, old: list[str], new: list[str], mentions: Mentions) -> str | None:
    """'<label> aangevuld (1 alinea toegevoegd)' when blocks appear or disappear, '<label>
    gewijzigd: ‘JenV’ werd ‘AenM’' when a block changed a fact; None for a typo fix."""
    if old == new:
        return None
    pairs, removed, added = pair(old, new, lambda block: block)
    facts = [change for a, b in pairs if a != b and (change := mentions.change(a, b))]
    if len(removed) == len(added) == 1:  # one paragraph rewritten: its facts say how
        change = mentions.change(removed[0], added[0])
        facts += [change] if change else []
    said = in_words(facts)
    if not added and not removed:
        return f"{label} gewijzigd: {said}" if said else None
    if added and removed:
        what = f"{label} herschreven ({count(len(added))} nieuw, {count(len(removed))} vervallen)"
    elif added:
        what = f"{label} aangevuld ({count(len(added))} toegevoegd)"
    else:
        what = f"{label} ingekort ({count(len(removed))} weggelaten)"
    return f"{what}; {said}" if said else what


def field_change(label: str, before: object, after: object, mentions: Mentions) -> str | None:
    """One prose field of its own (a begrip's betekenis, an edition's toelichting)."""
    old, new = split(before), split(after)
    if old == new:
        return None
    if not old:
        return f"{label} toegevoegd"
    if not new:
        return f"{label} weggelaten"
    if len(old) == len(new) == 1 and len(old[0]) <= SHORT:
        pairs, _, _ = pair(old, new, lambda block: block)
        if not pairs:  # rewritten: the old text is short enough to say whole
            change = mentions.change(old[0], new[0])
            return f"{label} was eerst ‘{sentences(old[0])}’" + (
                f" ({in_words([change])})" if change else ""
            )
    return text_change(label, old, new, mentions)
