"""`check`'s problems as GitHub workflow commands: each one at its line in the pull request.

An editor who changes the content on github.com sees the checks fail, but not where; with
`::error file=maatregelen.yaml,line=41,col=9::…` on its output, GitHub shows every problem at
its line in the pull request's "Files changed" view. `handreiking check` writes them in GitHub
Actions (GITHUB_ACTIONS=true) or with `--github`, on stdout, besides its usual lines on stderr.

The escaping is GitHub's own (actions/toolkit, `core/src/command.ts`): in the message '%',
CR and LF become %25, %0D and %0A, so a message stays one command; in a property also ':'
and ',' (%3A, %2C), which would end the property.

    >>> command(Problem(Location("maatregelen.yaml", 5, 13), "te lang: 100%"), Path("."))
    '::error file=maatregelen.yaml,line=5,col=13::te lang: 100%25'
"""

from __future__ import annotations

import os
from pathlib import Path

from ..base.problems import FOUT, Problem

SEVERITY = {FOUT: "error"}  # anything else is a warning


def wanted(flag: bool) -> bool:
    """Whether to write the commands: asked for, or running in GitHub Actions."""
    return flag or os.environ.get("GITHUB_ACTIONS") == "true"


def command(problem: Problem, root: Path) -> str:
    """One problem as a workflow command, its file relative to the checkout."""
    kind = SEVERITY.get(problem.severity, "warning")
    where = problem.location
    properties = ",".join(
        f"{name}={escape_property(str(value))}"
        for name, value in (
            ("file", checkout_path(where.file, root)),
            ("line", where.line),
            ("col", where.column),
        )
    )
    return f"::{kind} {properties}::{escape_data(problem.message)}"


def checkout_path(file: str, root: Path) -> str:
    """`file` (relative to the project) relative to the checkout GitHub knows
    (GITHUB_WORKSPACE), which is the project itself unless `--root` names a subfolder."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if not workspace:
        return file
    try:
        return (root.resolve() / file).relative_to(Path(workspace).resolve()).as_posix()
    except ValueError:  # the project is not inside the checkout
        return file


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
