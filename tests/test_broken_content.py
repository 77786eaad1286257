"""The corpus of editors' mistakes: every file in tests/broken/ is checked through the CLI.

Each case replaces one file of the minimal fixture project. Its first line says which
(`# doel: maatregelen.yaml`); the `# verwacht:` lines are the exact errors, in order, as
`line:col: message`. Adding a case means adding a file.

The cases run `check` through the CLI's `main()` in this process (conftest.handreiking_in_process):
the same arguments, output and exit code as the real command, without a Python start per case.
test_cli.py keeps the real entry point (`python -m generator.cli`, the `handreiking` script).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, handreiking_in_process

CASES = sorted((ROOT / "tests" / "broken").glob("*.yaml"))
FIXTURE = ROOT / "tests" / "fixtures" / "minimal"


def expectations(case: Path) -> tuple[str, list[str]]:
    text = case.read_bytes().decode("utf-8-sig")
    target = re.search(r"^# doel: (\S+)", text, re.M).group(1)
    found = re.findall(r"^# verwacht: (\d+:\d+): (.*?)\r?$", text, re.M)
    return target, [f"{target}:{at}: fout: {message}" for at, message in found]


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess:
    return handreiking_in_process("check", "--root", str(root), "--peildatum", "2021-01-15", *args)


def test_the_corpus_has_many_kinds_of_mistake():
    assert len(CASES) >= 15


def test_the_fixture_itself_is_clean():
    result = run_check(FIXTURE)
    assert result.returncode == 0, result.stderr
    assert "inhoud in orde" in result.stdout


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_broken_file_gives_located_dutch_errors(case, tmp_path):
    target, expected = expectations(case)
    assert expected, f"{case.name} has no '# verwacht:' line"
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    (root / target).write_bytes(case.read_bytes())

    result = run_check(root)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert [line for line in result.stderr.splitlines() if ": fout: " in line] == expected
    for line in result.stderr.splitlines()[:-1]:
        assert re.match(r"^[\w/.-]+:\d+:\d+: (fout|waarschuwing): ", line), line
    assert result.stderr.splitlines()[-1].endswith("niets gebouwd.")
