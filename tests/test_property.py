"""Random edits of valid YAML never crash the checker: every outcome is located problems."""

from __future__ import annotations

import os
import re
import shutil
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from generator.content.validate import check_project

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
TARGETS = (
    "maatregelen.yaml",
    "content/regelingen.yaml",
    "content/opgaven.yaml",
    "content/organisaties.yaml",
    "content/editie.yaml",
)
NASTY = [
    "\t",
    ":",
    ": ",
    "- ",
    "'",
    '"',
    "#",
    "[",
    "]",
    "{",
    "}",
    "&a",
    "*a",
    "!",
    "|",
    ">",
    "%",
    "@",
    "`",
    "\ufeff",
    "\r\n",
    "\n",
    "  ",
    "---\n",
    "\x00",
    "\x07",
    "ja",
    "2021-13",
    "<b>",
    "\\",
    "…",
    "é",
    "?",
    ",",
    "~",
    "null",
]
LINE = re.compile(r"^[\w/.-]+:(\d+):(\d+): (fout|waarschuwing): \S")

edit = st.tuples(
    st.sampled_from(["insert", "delete", "replace", "duplicate-line", "drop-line", "indent"]),
    st.floats(min_value=0, max_value=1, exclude_max=True),
    st.sampled_from(NASTY),
    st.integers(min_value=1, max_value=6),
)


def apply(text: str, operation) -> str:
    kind, where, piece, size = operation
    at = int(where * len(text))
    lines = text.split("\n")
    row = int(where * len(lines))
    if kind == "insert":
        return text[:at] + piece + text[at:]
    if kind == "delete":
        return text[:at] + text[at + size :]
    if kind == "replace":
        return text[:at] + piece + text[at + size :]
    if kind == "duplicate-line":
        return "\n".join(lines[: row + 1] + lines[row:])
    if kind == "drop-line":
        return "\n".join(lines[:row] + lines[row + 1 :])
    return "\n".join(lines[:row] + [" " * size + lines[row]] + lines[row + 1 :])


@settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(target=st.sampled_from(TARGETS), edits=st.lists(edit, min_size=1, max_size=4))
def test_random_edits_never_crash_the_checker(tmp_path_factory, target, edits):
    root = tmp_path_factory.mktemp("p")
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    path: Path = root / target
    text = path.read_text(encoding="utf-8")
    for operation in edits:
        text = apply(text, operation)
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))

    checked = check_project(root, date(2021, 6, 15))

    line_count = text.count("\n") + 2
    for problem in checked.problems:
        match = LINE.match(str(problem))
        assert match, str(problem)
        if problem.location.file == target:
            assert 1 <= int(match[1]) <= line_count, str(problem)
        assert "Traceback" not in problem.message and "<class" not in problem.message
