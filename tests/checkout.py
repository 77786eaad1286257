"""A copy of the repository as an editor has it after `git clone`, for running make in it.

Its `.venv` is a link to this worktree's, so `make check` or `make serve` there runs at once
instead of installing (the Makefile's stamps are newer than the copied requirements). The
editable install points at this worktree's generator/, the same code as in the copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, copy_project

CHECKOUT_FILES = (
    "Makefile",
    "pyproject.toml",
    "README.md",
    "CONTRIBUTING.md",
    ".gitignore",
    ".ci",
    "scripts",
)
STAMPS = (".venv/.site-installed", ".venv/.test-installed")


def editor_checkout(target: Path) -> Path:
    """A git repository with the project, the Makefile and a working .venv, at `target`."""
    copy_project(target)
    for name in CHECKOUT_FILES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, target / name)
        else:
            shutil.copy2(path, target / name)
    for requirements in ROOT.glob("requirements*.txt"):
        shutil.copy2(requirements, target / requirements.name)
    stale = [
        s
        for s in STAMPS
        if not _newer(ROOT / s, ROOT / "pyproject.toml", *ROOT.glob("requirements*.txt"))
    ]
    assert not stale, f"{stale} older than the requirements: run `make test-deps` first"
    git = ["git", "-c", "user.name=Redactie", "-c", "user.email=redactie@example.org"]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "editie 2021"]):
        subprocess.run([*git, *args], cwd=target, check=True, capture_output=True)
    (target / ".venv").symlink_to(ROOT / ".venv")
    return target


def _newer(stamp: Path, *sources: Path) -> bool:
    return stamp.exists() and all(stamp.stat().st_mtime >= s.stat().st_mtime for s in sources)


def make_env(**extra: str) -> dict[str, str]:
    """The environment for make in a checkout: this one, without make's own variables."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    return {**env, **extra}
