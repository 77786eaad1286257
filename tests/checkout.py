"""A copy of the repository as an editor has it after `git clone`, for running make in it.

It holds every file git would give a clone (tracked, or new and not ignored; as they are in
the worktree now), committed in a fresh repository. Its `.venv` is a link to this worktree's,
so `make check` or `make serve` there starts at once instead of installing: the Makefile's
stamps are newer than the copied requirements, and the editable install's generator/ is the
same code as the copy's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT
from tools.project import use_content

# The Makefile's stamps and what each is made from ($(SITE_STAMP) and $(TEST_STAMP)).
STAMPS = {
    ".venv/.site-installed": ("requirements.txt", "pyproject.toml"),
    ".venv/.test-installed": ("requirements.txt", "pyproject.toml", "requirements-test.txt"),
}
GIT = ["git", "-c", "user.name=Redactie", "-c", "user.email=redactie@example.org"]


def git(repo: Path, *args: str, when: str | None = None) -> str:
    """`git ARGS` in `repo` as the editors' user, its output; `when` dates what it commits."""
    dated = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else {}
    return subprocess.run(
        [*GIT, *args],
        cwd=repo,
        env={**os.environ, **dated},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout


def editor_checkout(target: Path, content: Path | None = None) -> Path:
    """A git repository with what a clone has, and a working .venv, at `target`.

    With `content` (a folder with maatregelen.yaml and content/), the clone has that content
    instead of the live one, and the menu in mkdocs.yml fitted to its pages.
    """
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a file deleted in the worktree is gone from the clone too
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    if content is not None:
        use_content(target, content)
    stale = [
        stamp
        for stamp, sources in STAMPS.items()
        if not _newer(ROOT / stamp, [ROOT / source for source in sources])
    ]
    assert not stale, f"{stale} older than the requirements: run `make test-deps` first"
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "editie 2021"]):
        subprocess.run([*GIT, *args], cwd=target, check=True, capture_output=True)
    (target / ".venv").symlink_to(ROOT / ".venv")
    return target


def _newer(stamp: Path, sources: list[Path]) -> bool:
    return stamp.exists() and all(stamp.stat().st_mtime >= s.stat().st_mtime for s in sources)


def make_env(**extra: str) -> dict[str, str]:
    """The environment for make in a checkout: this one, without make's own variables."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    return {**env, **extra}
