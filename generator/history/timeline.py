"""Mijlpalen reached, moved, added or dropped, and kerncijfers changed, in words."""

from __future__ import annotations

from collections import deque

from ..base.dates import words_of as words
from .mentions import Mentions, in_words
from .similarity import pair
from .wording import norm, number_words, sentences

BEREIKT = {"ja": "gehaald", "nee": "niet gehaald"}


def tijdspad(old, new, mentions: Mentions) -> list[str]:
    """Mijlpalen reached, moved, added, dropped, or with another fact in their text.

    A mijlpaal is the same one when its text is (nearly) the same, or when its date is the same
    and it is now marked as reached (its text then often says what happened instead of what
    was planned): that is 'gehaald', never one dropped and one added.
    """
    old = [m for m in old or [] if isinstance(m, dict)]
    new = [m for m in new or [] if isinstance(m, dict)]
    pairs, rest_old, rest_new = pair(old, new, _text)
    by_date: dict[tuple, deque[dict]] = {}  # (date, bereikt) -> the old mijlpalen left
    for m in rest_old:
        by_date.setdefault((_key(m.get("datum")), m.get("bereikt")), deque()).append(m)
    matched: set[int] = set()  # id() of the mijlpalen paired by date
    for m in rest_new:  # the same date, now reached: the text says what happened
        if m.get("bereikt") not in BEREIKT:
            continue
        waiting = [
            by_date.get((_key(m.get("datum")), bereikt))
            for bereikt in (None, *BEREIKT)
            if bereikt != m.get("bereikt")
        ]
        best = next((queue.popleft() for queue in waiting if queue), None)
        if best is not None:
            matched |= {id(best), id(m)}
            pairs.append((best, m))
    rest_old = [m for m in rest_old if id(m) not in matched]
    rest_new = [m for m in rest_new if id(m) not in matched]
    lines = []
    for before, after in pairs:
        moved = norm(before.get("datum")) != norm(after.get("datum"))
        when = words(after.get("datum"))
        tekst = sentences(after.get("tekst", ""))
        if after.get("bereikt") in BEREIKT and before.get("bereikt") != after.get("bereikt"):
            planned = f"; gepland: {words(before.get('datum'))}" if moved else ""
            lines.append(f"mijlpaal ‘{tekst}’ {BEREIKT[after['bereikt']]} ({when}{planned})")
            continue
        if moved:
            lines.append(
                f"mijlpaal ‘{tekst}’ verschoven van {words(before.get('datum'))} naar {when}"
            )
        change = mentions.change(_text(before), _text(after))
        if change:
            lines.append(f"mijlpaal ‘{tekst}’ gewijzigd: {in_words([change])}")
    for m in rest_new:
        tekst = sentences(m.get("tekst", ""))
        lines.append(f"mijlpaal toegevoegd: ‘{tekst}’ ({words(m.get('datum'))})")
    for m in rest_old:
        tekst = sentences(m.get("tekst", ""))
        lines.append(f"mijlpaal niet meer genoemd: ‘{tekst}’ ({words(m.get('datum'))})")
    return lines


def _text(mijlpaal: dict) -> str:
    return norm(mijlpaal.get("tekst", "")) or ""


def _key(value: object) -> object:
    return norm(value) if isinstance(value, str) else repr(norm(value))


def kerncijfers(old, new) -> list[str]:
    old_by = {norm(k.get("label")): k for k in old or [] if isinstance(k, dict)}
    new_by = {norm(k.get("label")): k for k in new or [] if isinstance(k, dict)}
    lines = []
    for label, k in new_by.items():
        before = old_by.get(label)
        value = f"{number_words(k.get('waarde'))} {k.get('eenheid', '')}".strip()
        if before is None:
            lines.append(f"nieuw kerncijfer ‘{label}’: {value}")
        elif norm(before.get("waarde")) != norm(k.get("waarde")):
            lines.append(
                f"kerncijfer ‘{label}’ van {number_words(before.get('waarde'))} naar {value}"
            )
    lines += [f"kerncijfer ‘{label}’ niet meer genoemd" for label in old_by if label not in new_by]
    return lines
