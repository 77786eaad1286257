"""Which text on one side is (nearly) the same as one on the other: linear in the text size.

Two texts are compared as multisets of character trigrams of their words (case and
punctuation left out): the Dice coefficient of those multisets is 1.0 for the same words and
drops by about (length of the edited word + 2) / (length of the text) for a one-word edit, so
a typo in a sentence stays above SAME_BLOCK while another sentence falls far below it. It
costs one pass over each text. `difflib.SequenceMatcher`, used before, is quadratic in the
text: a one-word edit in a 64 KB paragraph took 114 s in `handreiking diff`.

`pair` matches the items of two lists (paragraphs, mijlpalen) on their text: equal texts
first (by hashing), then each remaining item against the remaining items near its place on
the other side (WINDOW of them), so a whole rewritten text costs a constant times its size.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
SAME_BLOCK = 0.8  # similarity above which two text blocks are "the same block"
WINDOW = 4  # remaining items compared on either side of an item's expected place
WORD = re.compile(r"\w+")


class Profile:
    """A text as a multiset of the trigrams of its words, built once per text."""

    def __init__(self, text: str):
        plain = " ".join(WORD.findall(text.casefold()))
        self.plain = plain
        self.grams = Counter(plain[i : i + 3] for i in range(max(len(plain) - 2, 1)))
        self.size = sum(self.grams.values())

    def similarity(self, other: Profile) -> float:
        """Dice coefficient of the two multisets: 1.0 for the same words, 0.0 for nothing shared."""
        if self.plain == other.plain:
            return 1.0
        total = self.size + other.size
        if not total or 2 * min(self.size, other.size) / total < SAME_BLOCK:
            return 0.0  # lengths too far apart to reach SAME_BLOCK: skip the count
        small, large = sorted((self.grams, other.grams), key=len)
        shared = sum(min(count, large[gram]) for gram, count in small.items() if gram in large)
        return 2 * shared / total


def similar(a: str, b: str) -> float:
    """The similarity of two texts (1.0: the same words)."""
    return Profile(a).similarity(Profile(b))


def pair(
    old: Sequence[T], new: Sequence[T], text: Callable[[T], str]
) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """(old, new) pairs whose texts are equal or nearly so, then the unpaired old and new items,
    each in its own order. Equal texts pair first, in order; a nearly equal pair needs a
    similarity of at least SAME_BLOCK, the best one near the item's place."""
    waiting: dict[str, list[int]] = {}
    for index, item in enumerate(old):
        waiting.setdefault(" ".join(text(item).split()), []).append(index)
    paired_old: dict[int, int] = {}  # old index -> new index
    rest_new: list[int] = []
    for index, item in enumerate(new):
        same = waiting.get(" ".join(text(item).split()))
        if same:
            paired_old[same.pop(0)] = index
        else:
            rest_new.append(index)
    rest_old = [i for i in range(len(old)) if i not in paired_old]
    profiles = {("o", i): Profile(text(old[i])) for i in rest_old}
    profiles |= {("n", i): Profile(text(new[i])) for i in rest_new}
    taken: set[int] = set()
    unpaired_new = []
    for position, index in enumerate(rest_new):
        expected = round(position * len(rest_old) / max(len(rest_new), 1))
        nearby = [
            i for i in rest_old[max(expected - WINDOW, 0) : expected + WINDOW + 1] if i not in taken
        ]
        scored = [(profiles[("n", index)].similarity(profiles[("o", i)]), i) for i in nearby]
        best = max(scored, default=(0.0, None), key=lambda s: s[0])
        if best[1] is not None and best[0] >= SAME_BLOCK:
            taken.add(best[1])
            paired_old[best[1]] = index
        else:
            unpaired_new.append(index)
    pairs = [(old[i], new[j]) for i, j in sorted(paired_old.items(), key=lambda p: p[1])]
    return (
        pairs,
        [old[i] for i in range(len(old)) if i not in paired_old],
        [new[j] for j in unpaired_new],
    )
