"""What git remembers of content/edities/: plain `git` calls with a timeout, no library.

`check` verifies the published editions against the commits that added and changed them
(history/integrity.py). Three calls at most per check: where the project is (`rev-parse`),
every change under the folder (`log --raw`), and the bytes of the versions it needs
(`cat-file --batch`).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

TIMEOUT = 60  # seconds per call; the history of one folder is read in well under one
# Variables that would point git at another repository than the project folder's own.
_LOCATION_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR")
DELETED = "0" * 40


class NoGit(Exception):
    """There is no git history to check against; the message says why, in Dutch."""


class GitError(Exception):
    """git is there but could not answer; the message is git's own first line."""


@dataclass(frozen=True)
class Repo:
    top: Path  # the work tree's top folder
    prefix: str  # the project folder inside it: '' or 'sub/map/'
    shallow: bool


@dataclass(frozen=True)
class Commit:
    id: str
    datum: str  # committer date, ISO: '2026-12-01'

    @property
    def short(self) -> str:
        return self.id[:7]


@dataclass(frozen=True)
class Change:
    """One file changed by one commit: its status (A, M, D, T) and its new blob."""

    commit: Commit
    path: str  # relative to the project folder
    status: str
    blob: str  # DELETED when the commit removed the file


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    env = {k: v for k, v in os.environ.items() if k not in _LOCATION_VARIABLES}
    env |= {"LC_ALL": "C", "LANGUAGE": "C", "GIT_TERMINAL_PROMPT": "0"}
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotePath=true", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env=env,
            timeout=TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise NoGit("git is niet geïnstalleerd") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} antwoordde niet binnen {TIMEOUT} s") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        if "not a git repository" in message:
            raise NoGit("deze map is geen git-werkmap")
        first = next((line for line in message.splitlines() if line.strip()), "")
        raise GitError(first.removeprefix("fatal: ") or f"git {args[0]} mislukte")
    return result.stdout


def git(cwd: Path, *args: str) -> bytes:
    """The output of `git ARGS` run in `cwd`; NoGit or GitError as for every call here."""
    return _git(cwd, *args)


def open_repo(root: Path) -> Repo:
    """The git work tree that holds `root`; NoGit when there is none, GitError when git
    cannot read it (for example a repository owned by another user)."""
    out = _git(
        root, "rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"
    ).decode("utf-8", "replace")
    top, prefix, shallow = (out.split("\n") + ["", "", ""])[:3]
    return Repo(Path(top), prefix, shallow.strip() == "true")


def changes(repo: Repo, folder: str) -> list[Change]:
    """Every change to a file under `folder` (relative to the project) in the history of
    HEAD, newest first. Renames count as a removal and an addition; merges add nothing of
    their own. No commit yet: an empty list."""
    try:
        out = _git(
            repo.top,
            "log",
            "--no-renames",
            "--raw",
            "--no-abbrev",
            "--format=commit %H %cs",
            "--",
            repo.prefix + folder,
        )
    except GitError as error:
        if "does not have any commits" in str(error) or "bad default revision" in str(error):
            return []
        raise
    found: list[Change] = []
    commit: Commit | None = None
    for line in out.decode("utf-8", "replace").splitlines():
        if line.startswith("commit "):
            parts = line.split()
            commit = Commit(parts[1], parts[2])
        elif line.startswith(":") and commit is not None and "\t" in line:
            info, path = line.split("\t", 1)
            fields = info.split()
            if len(fields) >= 5 and path.startswith(repo.prefix):
                found.append(Change(commit, path[len(repo.prefix) :], fields[4][:1], fields[3]))
    return found


def blobs(repo: Repo, ids: set[str]) -> dict[str, bytes]:
    """The bytes of each blob in `ids` (one `cat-file --batch`); a missing one is left out."""
    wanted = sorted(i for i in ids if i != DELETED)
    if not wanted:
        return {}
    out = _git(repo.top, "cat-file", "--batch", stdin=("\n".join(wanted) + "\n").encode())
    found: dict[str, bytes] = {}
    at = 0
    for blob in wanted:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3:  # '<id> missing'
            continue
        size = int(header[2])
        found[blob] = out[at : at + size]
        at += size + 1
    return found
