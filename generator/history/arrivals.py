"""When each change of the changelog reached the site, from git, and who it concerns.

Issue 24: a reader follows an opgave or an organisatie and hears of every change that touches
it, dated by when the change reached the site, both the changes of each published edition and
those published since the last one. This module turns the changelog sections the history
already computed (`History.secties`) into `Melding`s: one change, its date, its stable id and
the subjects it touches. Nothing here compares records itself except through `diff.vergelijk`.

Dating. A section compares version A (a published edition) with version B (the next edition,
or the working content). The commits that can have brought its changes are those after the
commit that published A, up to the commit that published B (or HEAD), following the first
parent: on `main` that is the merge of the pull request, the moment the change reached the
site. For each such commit the content as it was then is checked like any content and
compared with A; a change is dated by the first commit from which it stayed in the content up
to B. A commit whose content does not pass the check of today is skipped. Results per commit
are kept in `build/historie/` (a commit never changes), so a rebuild runs no check again.

Without git (a copy, an archive), or for a change git does not have yet (not committed), the
date is the edition's own date (vastgesteld, else peildatum) for a published edition, and the
build date for the working content: the day the build shows it.

Ids. A change is named by its record and its sentence, not by its section: the change of the
working content that an edition then publishes keeps its id and its date, so nobody hears of
it twice. The same sentence in a later section again (a status that went back and forth) is
numbered (`-2`).

    >>> meldingen = announce(history, root, date(2022, 3, 1))          # doctest: +SKIP
    >>> meldingen[0].datum, meldingen[0].wijziging.zin
    (datetime(2022, 2, 3, 14, 0, tzinfo=UTC), 'Maatregel X: status van ... naar ....')
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from ..content.validate import check_project
from . import gitlog
from .changes import Wijziging
from .diff import vergelijk
from .model import History, Sectie, working_inhoud
from .snapshots import EDITIES_DIR, Inhoud
from .subjects import Subject, touched

CACHE_DIR = "build/historie"  # the content of each commit, as compared (git-ignored build/)
CONTENT_PATHS = ("maatregelen.yaml", "content", "mkdocs.yml")  # what check_project reads
_CODE = Path(__file__).resolve().parent.parent  # the generator: its check decides the content


@dataclass(frozen=True)
class Melding:
    """One change as a feed announces it: what, when it reached the site, whom it concerns."""

    wijziging: Wijziging
    sectie: str  # the section's label: 'editie 2022', 'na editie 2022'
    anker: str  # the section's HTML id on /wijzigingen/
    datum: datetime  # when the change reached the site (UTC)
    sleutel: str  # stable across rebuilds and editions: 'maatregel/x/1a2b3c4d5e6f' (+ '-2')
    onderwerpen: frozenset[Subject]
    uit_git: bool  # False: dated by the edition or the build date, git did not know it

    @property
    def dag(self) -> date:
        return self.datum.date()

    @property
    def gedateerd(self) -> bool:
        """Its date is its own: from git, or its edition's; not the build date."""
        return self.uit_git or not self.sectie.startswith("na ")


def announce(history: History, root: Path, today: date) -> list[Melding]:
    """Every change of every section of `history` as a `Melding`, newest first.

    Also fills `history.meldingen` (all) and `history.per_record` (the changes in substance
    per (kind, id) of the working content, newest first) for the pages.
    """
    clock = _GitClock.open(root)
    seen: dict[str, int] = {}
    found: list[Melding] = []
    for sectie in reversed(history.secties):  # oldest first: numbering follows time
        if sectie.vorige is None:
            continue
        dates = clock.dates(sectie) if clock else {}
        fallback = _fallback(sectie, today)
        for change in sectie.wijzigingen:
            base = f"{change.kind}/{change.id}/{_digest(change)}"
            seen[base] = seen.get(base, 0) + 1
            sleutel = base if seen[base] == 1 else f"{base}-{seen[base]}"
            when = dates.get(_key(change))
            found.append(
                Melding(
                    change,
                    sectie.versie.label,
                    sectie.versie.anker,
                    when or fallback,
                    sleutel,
                    touched(change, sectie.vorige.inhoud, sectie.versie.inhoud),
                    when is not None,
                )
            )
    found.sort(key=lambda m: (m.datum, m.sleutel), reverse=True)
    history.meldingen = found
    history.per_record = _per_record(history, found)
    return found


def _digest(change: Wijziging) -> str:
    return hashlib.sha256(f"{change.groep}\n{change.wat}".encode()).hexdigest()[:12]


def _key(change: Wijziging) -> tuple[str, str, str, str]:
    return (change.groep, change.kind, change.id, change.wat)


def _fallback(sectie: Sectie, today: date) -> datetime:
    snapshot = sectie.versie.snapshot
    if snapshot is None:
        day = today
    else:
        periode = snapshot.datum
        day = periode.begin if periode else date(snapshot.jaar, 1, 1)
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def _per_record(history: History, meldingen: list[Melding]) -> dict[tuple[str, str], list]:
    """The changes in substance of each working record (under any of its ids), newest first."""
    aliases: dict[tuple[str, str], tuple[str, str]] = {}
    working = history.versies[-1].inhoud if history.versies else {}
    for key, kind in (("maatregelen", "maatregel"), ("regelingen", "regeling")) + (
        ("opgaven", "opgave"),
        ("organisaties", "organisatie"),
    ):
        for record in working.get(key) or []:
            if isinstance(record, dict) and record.get("id"):
                for id_ in (record["id"], *(record.get("vorige_ids") or [])):
                    aliases[(kind, id_)] = (kind, record["id"])
    per: dict[tuple[str, str], list[Melding]] = {}
    for melding in meldingen:
        w = melding.wijziging
        owner = aliases.get((w.kind, w.id))
        # Its appearance is 'opgenomen sinds', a new address no change of what it says.
        if owner is not None and w.inhoudelijk and w.groep not in ("nieuw", "hernoemd"):
            per.setdefault(owner, []).append(melding)
    return per


# --- git ----------------------------------------------------------------------------------------


class _GitClock:
    """The commits of the project's content and the content each one held."""

    def __init__(self, root: Path, repo: gitlog.Repo):
        self.root, self.repo = root, repo
        self.published = _publications(repo)
        self._inhoud: dict[str, Inhoud | None] = {}
        self._fingerprint = _fingerprint()

    @classmethod
    def open(cls, root: Path) -> _GitClock | None:
        try:
            repo = gitlog.open_repo(root)
            if repo.shallow:
                return None  # a shallow clone does not know when older changes came
            return cls(root, repo)
        except (gitlog.NoGit, gitlog.GitError, OSError):
            return None

    def dates(self, sectie: Sectie) -> dict[tuple[str, str, str, str], datetime]:
        """When each change of `sectie` reached the site, for those git knows."""
        start = self.published.get(sectie.vorige.jaar) if sectie.vorige.jaar else None
        if start is None:
            return {}
        end = self.published.get(sectie.versie.jaar) if sectie.versie.jaar else None
        try:
            commits = self._commits(start, end or "HEAD")
        except gitlog.GitError:
            return {}
        wanted = {_key(w) for w in sectie.wijzigingen}
        arrived: dict[tuple[str, str, str, str], datetime] = {}
        still: set = set(wanted)  # present in every later commit checked so far
        for commit, stamp in commits:  # newest first
            inhoud = self._content(commit)
            if inhoud is None:
                continue
            present = {_key(w) for w in vergelijk(sectie.vorige.inhoud, inhoud)}
            still &= present
            for key in still:
                arrived[key] = stamp
            if not still:
                break
        return arrived

    def _commits(self, start: str, end: str) -> list[tuple[str, datetime]]:
        out = gitlog.git(
            self.root,
            "log",
            "--first-parent",
            "--format=%H %cI",
            f"{start}..{end}",
            "--",
            *CONTENT_PATHS,
            f":(exclude){EDITIES_DIR}",
        ).decode("utf-8", "replace")
        found = []
        for line in out.splitlines():
            commit, _, stamp = line.partition(" ")
            with contextlib.suppress(ValueError):
                found.append((commit, datetime.fromisoformat(stamp).astimezone(UTC)))
        return found

    def _content(self, commit: str) -> Inhoud | None:
        """The content at `commit` as the diff compares it; None when it does not check."""
        if commit in self._inhoud:
            return self._inhoud[commit]
        cache = self.root / CACHE_DIR / f"{commit}-{self._fingerprint}.json"
        inhoud: Inhoud | None
        try:
            inhoud = json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            inhoud = self._checked_content(commit)
            with contextlib.suppress(OSError):
                cache.parent.mkdir(parents=True, exist_ok=True)
                temporary = cache.with_name(cache.name + f".{os.getpid()}.tmp")
                temporary.write_text(json.dumps(inhoud, ensure_ascii=False), encoding="utf-8")
                temporary.replace(cache)
        self._inhoud[commit] = inhoud
        return inhoud

    def _checked_content(self, commit: str) -> Inhoud | None:
        prefix = self.repo.prefix
        listing = gitlog.git(
            self.root, "ls-tree", "-r", "--full-tree", commit, "--", *CONTENT_PATHS
        ).decode("utf-8", "replace")
        files: dict[str, str] = {}
        for line in listing.splitlines():
            info, _, path = line.partition("\t")
            parts = info.split()
            relative = path[len(prefix) :] if path.startswith(prefix) else None
            if len(parts) == 3 and parts[1] == "blob" and relative is not None:
                files[relative] = parts[2]
        files = {k: v for k, v in files.items() if not k.startswith(EDITIES_DIR + "/")}
        if "maatregelen.yaml" not in files:
            return None
        data = gitlog.blobs(self.repo, set(files.values()))
        with tempfile.TemporaryDirectory(prefix="handreiking-historie-") as folder:
            for relative, blob in files.items():
                if blob not in data:
                    return None
                target = Path(folder) / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data[blob])
            try:
                checked = check_project(Path(folder))
            except Exception:  # noqa: BLE001 (old content the checker of today cannot read)
                return None
            if checked.errors:
                return None
            return working_inhoud(checked)


def _publications(repo: gitlog.Repo) -> dict[int, str]:
    """The commit that first added content/edities/<jaar>.yaml, per year."""
    found: dict[int, str] = {}
    for change in gitlog.changes(repo, EDITIES_DIR + "/"):  # newest first
        name = change.path.rsplit("/", 1)[-1]
        if change.status == "A" and name.endswith(".yaml") and name[:-5].isdigit():
            found[int(name[:-5])] = change.commit.id  # the oldest addition wins
    return found


def _fingerprint() -> str:
    """The generator code that decides what a commit's content is: a new check, a new key."""
    digest = hashlib.sha256()
    for path in sorted((_CODE / "content").rglob("*.py")) + [  # kinds/ and model/ too
        _CODE / "history" / "editions.py",
        _CODE / "history" / "model.py",
    ]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
