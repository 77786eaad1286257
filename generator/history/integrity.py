"""`check` on the published editions: history is append-only, a correction is recorded.

An edition file under content/edities/ may be added (by `publiceer`, which records it in the
ledger, history/ledger.py), and changed only by a recorded correction; never changed by hand,
removed, backdated or forged. Checked against the ledger always, and against git when the
project folder is a git work tree:

- the ledger itself: readable, one publication per edition before its corrections, each
  correction starting from the state the entry before it left, editions published in the
  order of their years;
- every edition file hashes to its ledger entry's sha256; none is missing, none is missing
  from the ledger, none is newer than content/editie.yaml;
- with git: each edition file was added with the bytes the ledger's publication names (or,
  when it entered git together with its publication, in any state that ledger records);
  every committed version of the ledger is a beginning of the current one; a published file
  that git ever had is still there. A shallow clone cannot tell, and says so.

Every problem is located under content/edities/ and says how to restore or what to run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..base.dates import dutch_date
from ..base.problems import Location, Problem
from ..content.files import read_bytes
from . import gitlog
from .ledger import GEPUBLICEERD, LEDGER, Entry, Ledger, parse_ledger_bytes, read_ledger, sha256

EDITIES_DIR = "content/edities"
EDITION_FILE = re.compile(r"^content/edities/(\d{4})\.yaml$")
EDITIE_FILE = "content/editie.yaml"


@dataclass
class Verification:
    """What check found about the published editions, and how: `note` is for its summary."""

    problems: list[Problem]
    note: str


def verify(root: Path, jaar: int | None) -> Verification:
    """Check every edition file under `root` against the ledger and, when there is one, git.

    `jaar` is the current edition's year (content/editie.yaml), None when unreadable.
    """
    ledger = read_ledger(root)
    files = _edition_files(root)
    problems = list(ledger.problems) + _newer_than_current(files, jaar)
    history, without = None, ""
    try:
        repo = gitlog.open_repo(root)
        if repo.shallow:
            problems.append(_shallow())
        else:
            history = _History(repo)
    except gitlog.NoGit as reason:
        without = str(reason)
    except gitlog.GitError as error:
        problems.append(_git_unreadable(error))
    if not ledger.problems:
        problems += _ledger_problems(ledger)
        problems += _file_problems(root, files, ledger, jaar, history)
        if history is not None:
            try:
                problems += history.problems(ledger, files)
            except gitlog.GitError as error:
                problems.append(_git_unreadable(error))
    published = len(ledger.years)
    what = f"{published} gepubliceerd" if published else "nog geen gepubliceerd"
    if history is not None:
        note = f"edities: {what}, getoetst aan het logboek en de git-geschiedenis"
    elif without:
        note = f"edities: {what}, getoetst aan het logboek; niet aan git ({without})"
    else:
        note = f"edities: {what}"
    return Verification(sorted(set(problems), key=lambda p: p.sort_key), note)


def _edition_files(root: Path) -> dict[int, Path]:
    folder = root / EDITIES_DIR
    found = folder.glob("*.yaml") if folder.is_dir() else []
    return {int(p.stem): p for p in found if re.fullmatch(r"\d{4}", p.stem)}


def _display(jaar: int) -> str:
    return f"{EDITIES_DIR}/{jaar}.yaml"


def _at_file(jaar: int) -> Location:
    return Location(_display(jaar), 1, 1)


def _line(entry: Entry) -> str:
    return f"{LEDGER}, regel {entry.location('editie').line}"


# --- the ledger on its own -------------------------------------------------------------------


def _ledger_problems(ledger: Ledger) -> list[Problem]:
    """One publication per edition, then its corrections in a chain; years in order."""
    problems = []
    last: dict[int, Entry] = {}
    newest: Entry | None = None
    for index, entry in enumerate(ledger.entries):
        path = f"logboek[{index}]"
        before = last.get(entry.jaar)
        if entry.handeling == GEPUBLICEERD:
            if before is not None:
                problems.append(
                    Problem(
                        entry.location("handeling"),
                        f"{path}.handeling: editie {entry.jaar} is al gepubliceerd "
                        f"({_line(before)}); een editie wordt één keer gepubliceerd en daarna "
                        f"alleen gecorrigeerd (make publiceer JAAR={entry.jaar} VERVANG=1 "
                        'REDEN="...")',
                    )
                )
            elif newest is not None and entry.jaar < newest.jaar:
                problems.append(
                    Problem(
                        entry.location("editie"),
                        f"{path}.editie: editie {entry.jaar} is gepubliceerd na editie "
                        f"{newest.jaar} ({_line(newest)}); een editie kan niet met "
                        f"terugwerkende kracht worden toegevoegd. Verwijder "
                        f"{_display(entry.jaar)} en deze regel",
                    )
                )
            if newest is None or entry.jaar > newest.jaar:
                newest = entry
        elif before is None:
            problems.append(
                Problem(
                    entry.location("handeling"),
                    f"{path}.handeling: een correctie van editie {entry.jaar}, maar het logboek "
                    "noemt geen publicatie van die editie ervoor",
                )
            )
        elif entry.sha256_voor != before.sha256:
            problems.append(
                Problem(
                    entry.location("sha256_voor"),
                    f"{path}.sha256_voor: past niet bij de sha256 na de handeling ervoor "
                    f"({_line(before)}): het logboek is met de hand veranderd. Zet het terug "
                    "met git; alleen `make publiceer` vult het aan",
                )
            )
        last[entry.jaar] = entry
    return problems


def _newer_than_current(files: dict[int, Path], jaar: int | None) -> list[Problem]:
    if jaar is None:
        return []
    return [
        Problem(
            _at_file(year),
            f"editie {year} is nieuwer dan de huidige editie ({jaar} in {EDITIE_FILE}) en kan "
            "dus niet gepubliceerd zijn. Verwijder dit bestand; een nieuwe editie ontstaat met "
            f"`make publiceer JAAR=...` nadat het jaar in {EDITIE_FILE} is bijgewerkt",
        )
        for year in sorted(files)
        if year > jaar
    ]


def _file_problems(
    root: Path,
    files: dict[int, Path],
    ledger: Ledger,
    jaar: int | None,
    history: _History | None,
) -> list[Problem]:
    """Every edition file in the ledger and as it recorded it; every published one there."""
    problems = []
    for year, path in sorted(files.items()):
        if jaar is not None and year > jaar:
            continue  # _newer_than_current
        last = ledger.last(year)
        if last is None:
            missing = "noemt haar niet" if ledger.exists else "ontbreekt"
            problems.append(
                Problem(
                    _at_file(year),
                    f"editie {year} is nooit gepubliceerd: het logboek ({LEDGER}) {missing}. "
                    f"Een editie ontstaat alleen met `make publiceer JAAR={year}`, dat ook het "
                    "logboek bijwerkt; verwijder dit bestand",
                )
            )
            continue
        data = read_bytes(path, _display(year), root)
        if isinstance(data, Problem) or sha256(data) == last.sha256:
            continue  # an unreadable file is reported by read_snapshots
        problems.append(
            Problem(
                _at_file(year),
                f"editie {year} is veranderd nadat zij is {_act(last)}: het bestand past niet "
                f"bij het logboek ({_line(last)}). Een gepubliceerde editie verandert niet: "
                f"{_restore(history, year, last.sha256)}. Moet editie {year} echt anders, pas "
                "daarna de inhoud aan en leg dat vast als correctie met "
                f'`make publiceer JAAR={year} VERVANG=1 REDEN="..."`',
            )
        )
    for year in sorted(ledger.years - set(files)):
        last = ledger.last(year)
        problems.append(
            Problem(
                _at_file(year),
                f"editie {year} is gepubliceerd ({_line(ledger.of(year)[0])}), maar dit bestand "
                f"ontbreekt. Een gepubliceerde editie blijft bestaan: "
                f"{_restore(history, year, last.sha256)}",
            )
        )
    return problems


def _act(entry: Entry) -> str:
    return "gepubliceerd" if entry.handeling == GEPUBLICEERD else "gecorrigeerd"


def _restore(history: _History | None, year: int, digest: str) -> str:
    """How to put edition `year` back as the ledger records it."""
    try:
        commit = history.commit_with(year, digest) if history is not None else None
    except gitlog.GitError:
        commit = None  # the message still says what is wrong, only not which commit to take
    if commit is None:
        return "zet het bestand terug zoals het is gepubliceerd (met git)"
    return f"zet het terug met `git checkout {commit.short} -- {_display(year)}`"


# --- git -------------------------------------------------------------------------------------


def _shallow() -> Problem:
    return Problem(
        Location(LEDGER, 1, 1),
        "deze kopie van de repository is ondiep (shallow clone): de git-geschiedenis van "
        f"{EDITIES_DIR}/ ontbreekt, dus check kan niet nagaan of een gepubliceerde editie is "
        "veranderd, verwijderd of met terugwerkende kracht toegevoegd. Haal de hele "
        "geschiedenis op met `git fetch --unshallow` (in GitHub Actions: `fetch-depth: 0` bij "
        "actions/checkout)",
    )


def _git_unreadable(error: gitlog.GitError) -> Problem:
    return Problem(
        Location(LEDGER, 1, 1),
        f"git kan de geschiedenis van deze map niet lezen ({error}), dus check kan de edities "
        "niet aan git toetsen; los dat eerst op",
    )


class _History:
    """The git history of content/edities/, read once: changes, and blobs when needed."""

    def __init__(self, repo: gitlog.Repo):
        self.repo = repo
        self.changes = gitlog.changes(repo, EDITIES_DIR + "/")
        self._hashes: dict[str, str] = {}
        self._bytes: dict[str, bytes] = {}

    def _load(self, ids: set[str]) -> None:
        missing = {i for i in ids if i not in self._bytes and i != gitlog.DELETED}
        if missing:
            self._bytes.update(gitlog.blobs(self.repo, missing))

    def digest(self, blob: str) -> str | None:
        self._load({blob})
        if blob not in self._hashes and blob in self._bytes:
            self._hashes[blob] = sha256(self._bytes[blob])
        return self._hashes.get(blob)

    def versions(self, path: str) -> list[gitlog.Change]:
        """Every committed version of `path`, newest first (a removal included)."""
        return [c for c in self.changes if c.path == path]

    def first_added(self) -> dict[int, gitlog.Change]:
        """Per edition year, the commit that first added its file."""
        found: dict[int, gitlog.Change] = {}
        for change in reversed(self.changes):
            match = EDITION_FILE.match(change.path)
            if match and change.status == "A":
                found.setdefault(int(match[1]), change)
        return found

    def commit_with(self, year: int, digest: str) -> gitlog.Commit | None:
        """The newest commit in which edition `year`'s file hashed to `digest`."""
        versions = [c for c in self.versions(_display(year)) if c.blob != gitlog.DELETED]
        self._load({c.blob for c in versions})
        return next((c.commit for c in versions if self.digest(c.blob) == digest), None)

    def restore_last(self, year: int) -> str:
        """How to put back the last committed version of edition `year`'s file."""
        kept = next((c for c in self.versions(_display(year)) if c.blob != gitlog.DELETED), None)
        if kept is None:
            return "zet het bestand terug (met git)"
        return f"zet het terug met `git checkout {kept.commit.short} -- {_display(year)}`"

    def ledgers(self) -> list[tuple[gitlog.Change, Ledger | None]]:
        """Every committed version of the ledger, newest first (None: it was removed)."""
        versions = self.versions(LEDGER)
        self._load({c.blob for c in versions})
        return [
            (c, None if c.blob == gitlog.DELETED else parse_ledger_bytes(self._bytes[c.blob]))
            for c in versions
            if c.blob == gitlog.DELETED or c.blob in self._bytes
        ]

    def problems(self, ledger: Ledger, files: dict[int, Path]) -> list[Problem]:
        added = self.first_added()
        self._load({c.blob for c in added.values()} | {c.blob for c in self.versions(LEDGER)})
        committed = [(c, old) for c, old in self.ledgers() if old is not None]
        problems = self._append_only(ledger, committed)
        for index, entry in enumerate(ledger.entries):
            change = added.get(entry.jaar)
            if entry.handeling != GEPUBLICEERD or change is None:
                continue
            if self.digest(change.blob) in _added_as(entry, change, committed):
                continue
            problems.append(
                Problem(
                    entry.location("sha256"),
                    f"logboek[{index}].sha256: editie {entry.jaar} is in commit "
                    f"{change.commit.short} ({_day(change.commit)}) toegevoegd met andere inhoud "
                    "dan het logboek als publicatie vastlegt: het logboek is achteraf aangepast, "
                    "of de editie is buiten `make publiceer` om toegevoegd. Zet het logboek terug "
                    "met git",
                )
            )
        named = {e.jaar for _, old in committed for e in old.entries}
        for year, change in sorted(added.items()):
            if year in files or year in ledger.years or year not in named:
                continue  # there; or reported by _file_problems; or never published
            problems.append(
                Problem(
                    _at_file(year),
                    f"editie {year} is in commit {change.commit.short} ({_day(change.commit)}) "
                    "gepubliceerd, maar dit bestand ontbreekt en het logboek noemt haar niet "
                    "meer. Een gepubliceerde editie blijft bestaan: "
                    f"{self.restore_last(year)}",
                )
            )
        return problems

    def _append_only(
        self, ledger: Ledger, committed: list[tuple[gitlog.Change, Ledger]]
    ) -> list[Problem]:
        """The current ledger must extend the last good committed version: the newest in the
        chain of versions (oldest first) that each extend the one before. A version that broke
        the chain (a rewrite, fixed in a later commit) is passed over, so a branch can undo a
        mistake; the published record it rewrote still has to be there."""
        good: tuple[gitlog.Change, Ledger] | None = None
        for change, old in reversed(committed):
            if old.problems:
                continue  # a broken version (fixed later) says nothing about what was published
            if good is None or _differs(good[1].entries, old.entries) is None:
                good = (change, old)
        if good is None:
            return []
        change, old = good
        if not ledger.exists:
            return [
                Problem(
                    Location(LEDGER, 1, 1),
                    f"het logboek ontbreekt, maar stond in commit {change.commit.short} "
                    f"({_day(change.commit)}); het wordt alleen aangevuld, nooit verwijderd. "
                    f"Zet het terug met `git checkout {change.commit.short} -- {LEDGER}`",
                )
            ]
        current = ledger.entries
        differs = _differs(old.entries, current)
        if differs is None:
            return []
        restore = (
            "Het logboek wordt alleen aangevuld, nooit veranderd: zet het terug met "
            f"`git checkout {change.commit.short} -- {LEDGER}`"
        )
        was = old.entries[differs].summary
        if differs < len(current):
            return [
                Problem(
                    current[differs].location("editie"),
                    f"logboek[{differs}]: deze regel is anders dan in commit "
                    f"{change.commit.short} ({_day(change.commit)}), waar stond: {was}. " + restore,
                )
            ]
        return [
            Problem(
                ledger.at,
                f"logboek: {len(old.entries) - differs} handeling(en) uit commit "
                f"{change.commit.short} ({_day(change.commit)}) ontbreken, de eerste: "
                f"{was}. " + restore,
            )
        ]


def _added_as(
    publication: Entry, added: gitlog.Change, committed: list[tuple[gitlog.Change, Ledger]]
) -> set[str]:
    """The states an edition file may have had in the commit that added it: its publication;
    or, when the file entered git together with the first ledger version that records its
    publication (published and then corrected before anything was committed, or a history
    that starts with both), every state that ledger version records for it."""
    first = next(
        (
            (change, old)
            for change, old in reversed(committed)
            if any(e.jaar == publication.jaar and e.handeling == GEPUBLICEERD for e in old.entries)
        ),
        None,
    )
    if first is None or first[0].commit.id != added.commit.id:
        return {publication.sha256}
    return {e.sha256 for e in first[1].entries if e.jaar == publication.jaar}


def _differs(old: list[Entry], new: list[Entry]) -> int | None:
    """The first index at which `new` does not continue `old`; None when it extends it."""
    return next((i for i, e in enumerate(old) if i >= len(new) or new[i] != e), None)


def _day(commit: gitlog.Commit) -> str:
    try:
        return dutch_date(date.fromisoformat(commit.datum))
    except ValueError:
        return commit.datum
