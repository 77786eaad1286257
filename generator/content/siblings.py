"""What comparable records use: the hint for a value that is not one of the allowed values.

An editor who writes `soort: kamerbrief` for a bron means the soort that the other
Kamerbrieven in bronnen.yaml have, whatever that is; the closest spelling ('brief') is a
worse guess. So the hint comes from the content itself: the records in the same list whose
short texts (titel, naam, kenmerk, ...) contain the words the wrong value is made of.
"""

from __future__ import annotations

import re

from .load import Mapping, Scalar, Sequence, Source

TOP_FIELD = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)$")  # 'bronnen[3].soort'
WORD = re.compile(r"\w{4,}")
SHORT = 200  # longer texts (beschrijving) mention too much to say what a record is
ENOUGH = 0.75  # share of the wrong value that the words of a comparable record must cover


def like_siblings(wrong: str, allowed, path: str, source: Source) -> tuple[str, str] | None:
    """(the value, the id of a record that uses it) that records like this one use, or None.

    'kamerbrief' is covered by 'Kamer' and 'brief' in "Brief aan de Tweede Kamer" (soort
    kamerstuk), only half by "Brief aan de burgemeesters" (soort brief): kamerstuk it is.
    """
    match = TOP_FIELD.match(path)
    records = _records(source, match.group(1)) if match else None
    if not records:
        return None
    index, key = int(match.group(2)), match.group(3)
    wrong = wrong.lower()
    scores: dict[str, list[tuple[float, str]]] = {}
    for number, record in enumerate(records):
        value = _text(record, key)
        if number == index or value not in allowed:
            continue
        covered = _coverage(wrong, _words(record, key))
        if covered >= ENOUGH:
            scores.setdefault(value, []).append((covered, _text(record, "id") or ""))
    if not scores:
        return None
    ranked = sorted(
        ((max(found)[0], len(found), value) for value, found in scores.items()), reverse=True
    )
    if len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]:
        return None  # as many records, as alike, say one thing as the other
    best = ranked[0][2]
    return best, max(scores[best])[1]


def _records(source: Source, key: str) -> list[Mapping] | None:
    root = source.root
    if not isinstance(root, Mapping) or key not in root.items:
        return None
    items = root.items[key][1]
    if not isinstance(items, Sequence):
        return None
    return [item if isinstance(item, Mapping) else None for item in items.items]


def _text(record: Mapping | None, key: str) -> str | None:
    if record is None or key not in record.items:
        return None
    node = record.items[key][1]
    return node.value if isinstance(node, Scalar) else None


def _words(record: Mapping, skip: str) -> set[str]:
    words: set[str] = set()
    for key, (_, node) in record.items.items():
        if key != skip and isinstance(node, Scalar) and not node.block and len(node.value) <= SHORT:
            words.update(word.lower() for word in WORD.findall(node.value))
    return words


def _coverage(wrong: str, words: set[str]) -> float:
    """The share of the letters of `wrong` that lie inside one of `words`."""
    covered = [False] * len(wrong)
    for word in words:
        for found in re.finditer(re.escape(word), wrong):
            covered[found.start() : found.end()] = [True] * len(word)
    return sum(covered) / len(wrong) if wrong else 0.0
