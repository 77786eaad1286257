"""A quote or bracket left open is reported on the line where it opens, in any content.

PyYAML notices an unclosed quote only where the next quote turns up (issue 15: a mistake on
line 7 of maatregelen.yaml was reported at 32:19 as an indentation error). These tests make
the mistake on every quoted value and every [list] of the real content and of the fixture,
so they hold for whatever valid content the repository has.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from generator.content.load import read_source
from generator.content.schema import FILES

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
QUOTED_LAST = re.compile(r"(?:: |- )([\"'])[^\"']*\1\s*$")  # a value that ends in its quote


def mutations(text: str):
    """(line number, text with one closing quote or bracket removed on that line)."""
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        stripped = line.rstrip()
        flow_list = stripped.endswith("]") and "[" in stripped and "#" not in stripped
        if QUOTED_LAST.search(stripped) or flow_list:
            yield number, "\n".join([*lines[: number - 1], stripped[:-1], *lines[number:]])


@pytest.mark.parametrize("root", [ROOT, FIXTURE], ids=["content", "fixture"])
def test_an_unclosed_quote_or_bracket_is_reported_where_it_opens(root, tmp_path):
    made, misplaced = 0, []
    for spec in FILES:
        if spec.optional and not (root / spec.path).exists():
            continue
        text = (root / spec.path).read_text(encoding="utf-8")
        for number, broken in mutations(text):
            path = tmp_path / "case.yaml"
            path.write_text(broken, encoding="utf-8")
            problems = read_source(path, spec.path).problems
            made += 1
            lines = sorted({p.location.line for p in problems if "YAML-fout" in p.message})
            if lines != [number]:
                misplaced.append(f"{spec.path}:{number}: reported at {lines or 'nothing'}")
    assert made > 0, "no quoted value or [list] found to break"
    assert misplaced == []


def test_the_message_names_the_line_where_the_quote_closes(tmp_path):
    path = Path(tmp_path / "m.yaml")
    path.write_text('a:\n  b: "een\n  c: twee\n  d: "drie"\n', encoding="utf-8")
    [problem] = read_source(path, "m.yaml").problems
    assert str(problem) == (
        'm.yaml:2:6: fout: YAML-fout: het aanhalingsteken (") dat hier opent, wordt pas op '
        'regel 4 gesloten; sluit de tekst op deze regel af met "'
    )
