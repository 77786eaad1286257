"""What in a text makes a change of wording a change of content: the organisations it names,
its numbers, amounts and dates.

A paragraph that is 95% the same is usually a typo fix, but not when 'JenV' became 'AenM',
'€ 50 miljoen' became '€ 60 miljoen' or '1 april' became '1 juli'. `Mentions.of(text)` lists
those facts in the order they appear, so two versions of a block can be compared on them:

    >>> Mentions(["JenV", "Ministerie van Asiel en Migratie"]).of("JenV betaalt € 5 miljoen.")
    [Mention(key='jenv', shown='JenV'), Mention(key='€ 5 miljoen', shown='€ 5 miljoen')]

Linear in the text: one pass of a regular expression without nested repetition for numbers
and dates, and one pass over the words for names (a name is looked up by its first word).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from ..base.dates import MAANDEN

NUMBER_WORDS = (
    *("één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf"),
    *("twaalf", "dertien", "veertien", "vijftien", "twintig", "dertig", "veertig", "vijftig"),
    *("zestig", "zeventig", "tachtig", "negentig", "honderd", "duizend", "miljoen", "miljard"),
)
SCALE = r"(?:miljoen|miljard|duizend|procent|%)"
FACTS = re.compile(
    r"(?<!\w)(?:"
    rf"(?:\d{{1,2}}\s)?(?:{'|'.join(MAANDEN)})(?:\s\d{{4}})?"  # 2 juli 2024, juli 2024, juli
    r"|(?:eerste|tweede|derde|vierde)\s(?:kwartaal|helft)(?:\s\d{4})?"
    r"|(?:voorjaar|zomer|najaar|winter)\s\d{4}"
    rf"|(?:€\s?)?\d+(?:[.,]\d+)*(?:\s?{SCALE})?"  # 13.500, € 2,5 miljoen, 40%
    rf"|(?:{'|'.join(NUMBER_WORDS)})"
    r")(?!\w)",
    re.IGNORECASE,
)
WORD = re.compile(r"\w+")
MAX_SHOWN = 5  # facts named in one line; more are counted


class Mention(NamedTuple):
    key: str  # what is compared: whitespace-normalised, case-folded
    shown: str  # as the text writes it


@dataclass
class Change:
    """The facts one version of a text has and the other lacks, each in order of appearance."""

    weg: list[str]
    erbij: list[str]

    def __bool__(self) -> bool:
        return bool(self.weg or self.erbij)


class Mentions:
    """Finds the facts in a text; `names` are the organisations' names and abbreviations."""

    def __init__(self, names: list[str]):
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for name in set(names):
            words = tuple(WORD.findall(name))
            if words:
                self._by_first.setdefault(words[0], []).append(words)
        for candidates in self._by_first.values():
            candidates.sort(key=len, reverse=True)  # the longest name that fits wins

    def of(self, text: str) -> list[Mention]:
        found = [
            (m.start(), Mention(_key(m.group()), " ".join(m.group().split())))
            for m in FACTS.finditer(text)
        ]
        found += self._names(text)
        return [mention for _, mention in sorted(found, key=lambda item: item[0])]

    def _names(self, text: str) -> list[tuple[int, Mention]]:
        """Known names (case as written), and words with two capitals (JenV, BZK, AenM)."""
        words = [(m.start(), m.group()) for m in WORD.finditer(text)]
        found, index = [], 0
        while index < len(words):
            start, word = words[index]
            name = next(
                (
                    candidate
                    for candidate in self._by_first.get(word, ())
                    if tuple(w for _, w in words[index : index + len(candidate)]) == candidate
                ),
                None,
            )
            if name is not None:
                found.append((start, Mention(_key(" ".join(name)), " ".join(name))))
                index += len(name)
                continue
            if sum(c.isupper() for c in word) >= 2 and word.isalpha():
                found.append((start, Mention(word.casefold(), word)))
            index += 1
        return found

    def change(self, old: str, new: str) -> Change:
        """What facts `old` has that `new` lacks and the other way round."""
        before, after = self.of(old), self.of(new)
        return Change(_extra(before, after), _extra(after, before))


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _extra(these: list[Mention], others: list[Mention]) -> list[str]:
    """The mentions of `these` beyond those of `others`, in order, each shown once."""
    surplus = Counter(m.key for m in these) - Counter(m.key for m in others)
    shown: list[str] = []
    for mention in these:
        if surplus[mention.key] > 0:
            surplus[mention.key] -= 1
            if mention.shown not in shown:
                shown.append(mention.shown)
    return shown


def in_words(changes: list[Change]) -> str:
    """What changed in the facts: '‘JenV’ werd ‘AenM’, ‘2023’ en ‘2024’ toegevoegd'; at most
    MAX_SHOWN of them by name and the rest counted, so that a line stays readable."""
    replaced, weg, erbij = [], [], []
    for change in changes:
        pairs = list(zip(change.weg, change.erbij, strict=False))
        replaced += [f"‘{a}’ werd ‘{b}’" for a, b in pairs]
        weg += [f"‘{a}’" for a in change.weg[len(pairs) :]]
        erbij += [f"‘{b}’" for b in change.erbij[len(pairs) :]]
    replaced, weg, erbij = (list(dict.fromkeys(items)) for items in (replaced, weg, erbij))
    room = MAX_SHOWN
    shown = []
    for items, verb in ((replaced, ""), (weg, " weggelaten"), (erbij, " toegevoegd")):
        kept, room = items[:room], room - len(items[:room])
        if kept and verb:
            shown.append(_listed(kept) + verb)
        else:
            shown += kept
    rest = len(replaced) + len(weg) + len(erbij) - MAX_SHOWN
    if rest > 0:
        others = "andere naam, getal of datum" if rest == 1 else "andere namen, getallen of data"
        shown.append(f"nog {rest} {others}")
    return ", ".join(shown)


def _listed(items: list[str]) -> str:
    """'‘a’', '‘a’ en ‘b’', '‘a’, ‘b’ en ‘c’'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]
