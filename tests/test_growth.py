"""Cost linear in the size of a text (issue 21): four times the text, about four times the time.

Each shape is one that Python-Markdown, our abbreviations or the block parser once handled in
quadratic time, written as it stays within the limits (docs/content-format.md, "Limits").
The test renders it as the build does (markup.blocks, with a glossary so the abbreviation
processor runs) at n and 4n characters and compares the CPU time: quadratic would be about
16x, linear about 4x; the bound leaves room for noise on a shared machine. The seconds per
size are `python -m tools.bad_input --groei`'s (make bench); this holds only the ratio.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from generator.content import markup
from tools.bad_input import repeat

SIZE = 12_000
BOUND = 7.0  # linear is 4, quadratic 16
GLOSSARY = (("COA", "Centraal Orgaan opvang asielzoekers"), ("IND", "Immigratiedienst"))


def in_blocks(line: str, size: int, lines: int = 100) -> str:
    """`line` repeated, a blank line after every `lines`: within MAX_BLOCK_LINES."""
    return repeat(line * lines + "\n", size)


SHAPES: dict[str, Callable[[int], str]] = {
    "short paragraphs": lambda n: repeat("COA\n\n", n),
    "headings in blocks": lambda n: in_blocks("# kop COA\n", n),
    "rules in blocks": lambda n: in_blocks("***\n", n),
    "setext headings in blocks": lambda n: in_blocks("kop\n===\n", n),
    "quotes in blocks": lambda n: in_blocks("> regel IND\n", n),
    "links in one paragraph": lambda n: repeat("[klik {i}](https://www.vng.nl/{i}) COA ", n),
    "references": lambda n: (
        repeat("[r{i}][] ", n // 2) + "\n\n" + in_blocks("[r]: https://www.vng.nl/\n", n // 2)
    ),
    "nested *_ and _*": lambda n: "*_" * (n // 4) + "x" + "_*" * (n // 4),
    "emphasis never closed": lambda n: repeat("*a _b ", n),
    "list items in blocks": lambda n: in_blocks("- punt IND\n", n),
    "table rows in blocks": lambda n: repeat(
        "| a | b |\n| - | - |\n" + "| COA | y |\n" * 99 + "\n", n
    ),
}


def cpu_seconds(text: str) -> float:
    """The least CPU time of three renderings of `text` as the build renders it."""
    best = float("inf")
    for _ in range(3):
        markup._parse.cache_clear()
        started = time.process_time()
        markup.blocks(text, glossary=GLOSSARY)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("shape", SHAPES)
def test_four_times_the_text_takes_about_four_times_as_long(shape):
    small, large = SHAPES[shape](SIZE), SHAPES[shape](4 * SIZE)
    assert not markup.link_problems(large), "the shape must stay within the limits"
    ratio = cpu_seconds(large) / max(cpu_seconds(small), 1e-3)
    assert ratio < BOUND, f"{shape}: {ratio:.1f}x the time for 4x the text"
