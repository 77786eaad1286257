"""`check` in GitHub Actions: every problem also as a workflow command (issue 21).

GitHub shows `::error file=…,line=…,col=…::message` at that line of the pull request's
"Files changed" view. The format and the escaping are GitHub's (actions/toolkit,
core/src/command.ts): '%', CR and LF in the message; also ':' and ',' in a property.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, handreiking
from generator.base.problems import WAARSCHUWING, Location, Problem
from generator.cli.annotations import command, escape_data, escape_property

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
OVERDUE = (
    "verlopen: 'eerste kwartaal 2021' is voorbij (peildatum 2021-06-15) maar de maatregel "
    "'tussenvoorzieningen' staat nog op 'in-voorbereiding'; zet 'bereikt: ja' bij de mijlpaal "
    "als die gehaald is, of werk de status of het tijdspad bij (maatregelen[0].tijdspad[0])"
)
BAD_ID = (
    "maatregelen[1].id: 'koppelen, 100%25: x' is geen geldig id: gebruik alleen kleine "
    "letters, cijfers en koppeltekens (bijvoorbeeld 'koppelen-100-x')"
)


def test_githubs_escaping():
    assert escape_data("100% klaar\r\nna: een, twee") == "100%25 klaar%0D%0Ana: een, twee"
    assert escape_property("a:b,c%d\r\n") == "a%3Ab%2Cc%25d%0D%0A"


def test_one_problem_is_one_command(monkeypatch):
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    problem = Problem(Location("content/a, b:c.yaml", 5, 13), "twee\nregels, 100%")
    assert command(problem, Path(".")) == (
        "::error file=content/a%2C b%3Ac.yaml,line=5,col=13::twee%0Aregels, 100%25"
    )
    warning = Problem(Location("maatregelen.yaml", 1, 2), "let op", WAARSCHUWING)
    assert command(warning, Path(".")) == "::warning file=maatregelen.yaml,line=1,col=2::let op"


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "checkout" / "inhoud"
    shutil.copytree(FIXTURE, project)
    source = project / "maatregelen.yaml"
    source.write_text(
        source.read_text(encoding="utf-8").replace(
            "  - id: koppelen\n", '  - id: "koppelen, 100%: x"\n'
        ),
        encoding="utf-8",
    )
    return project


def test_check_writes_every_problem_as_a_command_with_github(tmp_path):
    project = _project(tmp_path)
    result = handreiking("check", "--peildatum", "2021-06-15", "--github", root=project)
    assert result.returncode == 1
    commands = result.stdout.splitlines()
    assert f"::warning file=maatregelen.yaml,line=15,col=16::{OVERDUE}" in commands
    assert f"::error file=maatregelen.yaml,line=25,col=9::{BAD_ID}" in commands
    located = [
        line
        for line in result.stderr.splitlines()
        if ": fout: " in line or ": waarschuwing: " in line
    ]
    assert len(commands) == len(located) == 5  # the usual lines stay, on stderr
    without = handreiking("check", "--peildatum", "2021-06-15", root=project)
    assert without.stdout == "" and without.stderr == result.stderr


def test_in_github_actions_by_itself_relative_to_the_checkout(tmp_path):
    """GITHUB_ACTIONS=true is enough; a project in a subfolder of the checkout
    (GITHUB_WORKSPACE) names its files from the checkout's root, and --strict makes a
    warning an error there too."""
    project = _project(tmp_path)
    env = {
        **os.environ,
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": str(tmp_path / "checkout"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", "--root", str(project)]
        + ["--peildatum", "2021-06-15", "--strict"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    commands = result.stdout.splitlines()
    assert f"::error file=inhoud/maatregelen.yaml,line=15,col=16::{OVERDUE}" in commands
    assert f"::error file=inhoud/maatregelen.yaml,line=25,col=9::{BAD_ID}" in commands
    assert all(line.startswith("::error file=inhoud/") for line in commands)
