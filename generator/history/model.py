"""The history of the handreiking as one value, computed once per build.

From the published editions (snapshots) and the working content it derives, in one pass:
the versions and the changelog sections between them; per record (maatregel, regeling,
organisatie, opgave, bron) its trail through the editions (where it appeared, when it last
changed in substance, which edition holds this very version at a fixed address); the records
that an edition published and the content no longer has (removed, with the reason the editors
gave); the redirects of renamed ids; and who held a responsibility before and since when.
Rendering, the feed and the build receive this value; none of them reads an edition again.

    >>> history = compute(snapshots, checked)                       # doctest: +SKIP
    >>> history.removed[("maatregel", "werkgroep-procesverbetering")].sinds
    'editie 2024'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..base.dates import words_of
from ..base.urls import RENAMEABLE, url_of
from ..content.validate import Checked
from .diff import Inhoud, Wijziging, per_groep, vergelijk
from .editions import as_text, content_of
from .snapshots import Snapshot

TRACKED = (*RENAMEABLE, ("bronnen", "bron"))  # (key in Inhoud, kind) of the records followed
RESPONSIBLE = (("maatregelen", "maatregel"), ("regelingen", "regeling"))


@dataclass
class Versie:
    """A version of the content in the history: a snapshot, or the working content."""

    label: str  # 'editie 2021' (published or in preparation), or 'na editie 2021'
    anker: str  # HTML id on /wijzigingen/
    inhoud: Inhoud
    snapshot: Snapshot | None = None

    @property
    def gepubliceerd(self) -> bool:
        return self.snapshot is not None

    @property
    def jaar(self) -> int | None:
        return self.snapshot.jaar if self.snapshot else None


@dataclass
class Sectie:
    """One section of the changelog: a version and what changed since the one before."""

    versie: Versie
    wijzigingen: list[Wijziging]
    vorige: Versie | None
    correcties: list[Any] = field(default_factory=list)  # ledger.Correctie of this edition

    @property
    def eerste(self) -> bool:
        return self.vorige is None

    @property
    def groepen(self) -> list[tuple[str, list[Wijziging]]]:
        return per_groep(self.wijzigingen)


@dataclass(frozen=True)
class Versievermelding:
    """A record in one published edition: its fixed address there."""

    jaar: int
    id: str  # the record's id in that edition (an old id after a rename)
    kind: str

    @property
    def url(self) -> str:
        """'editie/2021/maatregelen/x/'; a bron's is its anchor on the edition's bronnen page."""
        return edition_url(self.jaar, self.kind, self.id)


@dataclass(frozen=True)
class Spoor:
    """A record's trail through the versions: when it appeared and last changed in substance,
    every edition that published it, and the edition whose version this very one is."""

    kind: str
    id: str
    verschenen: str  # 'editie 2021', or 'deze editie' for a record new in the working content
    gewijzigd: str | None  # the version it last changed in substance; None: unchanged since
    edities: tuple[Versievermelding, ...]  # oldest first
    deze_versie: Versievermelding | None  # the working record, unchanged since this edition
    redactiedatum: str | None = None  # the editor's `inhoudelijk_gewijzigd`, in words


@dataclass(frozen=True)
class Verwijderd:
    """A record an edition published that the content no longer has."""

    kind: str
    id: str
    titel: str
    laatste: Versievermelding  # the last edition that had it
    sinds: str  # the first version without it: 'editie 2024', 'na editie 2022'
    sinds_gepubliceerd: bool  # False: removed in the working content, not yet in an edition
    reden: str | None = None
    bron: str | None = None  # a bron id (content/verwijderd.yaml)
    edities: tuple[Versievermelding, ...] = ()


@dataclass(frozen=True)
class Houder:
    """An organisatie that holds a responsibility now, since when, and who held it before."""

    organisatie: str
    sinds: str | None  # '2 juli 2024' (a succession), 'editie 2022'; None: from the start
    voorganger: str | None = None  # the organisatie that held it before


@dataclass(frozen=True)
class Overgedragen:
    """A responsibility an organisatie held in an earlier version and no longer holds."""

    kind: str
    id: str
    tot: str  # '2 juli 2024' or 'editie 2024': when it moved
    opvolger: str | None  # the organisatie that holds it now, when one took it over


@dataclass
class History:
    """Everything the site derives from the editions; see the module docstring."""

    snapshots: list[Snapshot]
    versies: list[Versie]
    secties: list[Sectie]  # newest first
    sporen: dict[tuple[str, str], Spoor] = field(default_factory=dict)
    removed: dict[tuple[str, str], Verwijderd] = field(default_factory=dict)
    redirects: list[tuple[str, str, str]] = field(default_factory=list)  # old, new, titel
    houders: dict[tuple[str, str], list[Houder]] = field(default_factory=dict)
    overgedragen: dict[str, list[Overgedragen]] = field(default_factory=dict)  # by organisatie
    correcties: dict[int, list[Any]] = field(default_factory=dict)  # ledger.Correctie by jaar
    # Issue 24 (history/arrivals.py): every change dated by when it reached the site, newest
    # first, and per working record its changes in substance; empty until `announce` ran.
    meldingen: list[Any] = field(default_factory=list)
    per_record: dict[tuple[str, str], list[Any]] = field(default_factory=dict)

    @property
    def latest(self) -> Snapshot | None:
        return self.snapshots[-1] if self.snapshots else None

    def spoor(self, kind: str, id_: str) -> Spoor | None:
        return self.sporen.get((kind, id_))

    @property
    def geschiedenis(self) -> dict[str, Spoor]:
        """The maatregelen's trails by id (the maatregel page's history line)."""
        return {id_: s for (kind, id_), s in self.sporen.items() if kind == "maatregel"}


def edition_url(jaar: int, kind: str, id_: str | None = None) -> str:
    """The fixed address of a page of edition `jaar`: 'editie/2021/maatregelen/x/'."""
    if kind == "bron" and id_ is not None:
        return f"editie/{jaar}/{url_of('bronnen')}#{id_}"
    return f"editie/{jaar}/{url_of(kind, id_)}"


# --- computing it ------------------------------------------------------------------------------


def compute(
    snapshots: list[Snapshot], checked: Checked, correcties: dict[int, list[Any]] | None = None
) -> History:
    """The history of the working content `checked` after the published `snapshots`;
    `correcties` are the ledger's corrections per edition year (history/ledger.py)."""
    working = working_inhoud(checked)
    versies = _versions(snapshots, checked, working)
    secties, previous = [], None
    for versie in versies:
        changes = vergelijk(previous.inhoud, versie.inhoud) if previous else []
        if previous is None or changes or versie.snapshot is not None:
            own = (correcties or {}).get(versie.jaar, []) if versie.jaar else []
            secties.append(Sectie(versie, changes, previous, own))
        previous = versie
    history = History(snapshots, versies, list(reversed(secties)), correcties=correcties or {})
    for key, kind in TRACKED:
        for record in working.get(key) or []:
            if record.get("id"):
                history.sporen[(kind, record["id"])] = _trail(kind, key, record, secties)
    history.removed = _removed(versies, working, checked)
    history.redirects = redirects(checked)
    history.houders, history.overgedragen = _responsibilities(versies, working)
    return history


def _versions(snapshots: list[Snapshot], checked: Checked, working: Inhoud) -> list[Versie]:
    """Every published edition, then the working content when it differs from the last."""
    versies = [
        Versie(s.label, f"editie-{s.jaar}", _with_editie(s.inhoud, s.editie), s) for s in snapshots
    ]
    jaar = checked.values["editie"]["jaar"]
    latest = snapshots[-1] if snapshots else None
    if latest is None or vergelijk(versies[-1].inhoud, working) or latest.jaar != jaar:
        if latest is not None and latest.jaar == jaar:
            versies.append(Versie(f"na editie {jaar}", f"na-editie-{jaar}", working))
        elif latest is None or jaar > latest.jaar:
            versies.append(Versie(f"editie {jaar}", f"editie-{jaar}", working))
    return versies


def working_inhoud(checked: Checked) -> Inhoud:
    """The working content as a snapshot reads: every leaf text, the edition's record too."""
    inhoud = as_text(content_of(checked))
    if "editie" not in inhoud:
        from .editions import _editie_record, plain

        inhoud["editie"] = as_text(plain(checked.values["editie"], _editie_record()))
    return inhoud


def _with_editie(inhoud: Inhoud, editie: dict[str, Any]) -> Inhoud:
    return inhoud if "editie" in inhoud else {**inhoud, "editie": editie}


def _ids(record: dict) -> set[str]:
    return {record["id"], *(record.get("vorige_ids") or [])}


def _present(versie: Versie, key: str, ids: set[str]) -> str | None:
    """The id under which a record with one of `ids` stands in `versie`, or None."""
    for record in versie.inhoud.get(key) or []:
        if record.get("id") in ids:
            return record["id"]
    return None


def _trail(kind: str, key: str, record: dict, secties: list[Sectie]) -> Spoor:
    """`record` (of the working content) through the versions of the changelog `secties`."""
    ids = _ids(record)
    verschenen = gewijzigd = None
    edities, last = [], None
    for sectie in secties:
        versie = sectie.versie
        here = _present(versie, key, ids)
        if here is None:
            continue
        if verschenen is None:
            verschenen = versie.label
        elif any(w.kind == kind and w.id in ids and w.inhoudelijk for w in sectie.wijzigingen):
            gewijzigd = versie.label
        if versie.snapshot is not None:
            edities.append(Versievermelding(versie.snapshot.jaar, here, kind))
            last = next(r for r in versie.inhoud.get(key) or [] if r.get("id") == here)
    latest = next((s.versie.jaar for s in reversed(secties) if s.versie.jaar), None)
    deze = None  # this very version at a fixed address: in the latest edition, unchanged
    if edities and edities[-1].jaar == latest and _same(last, record):
        deze = edities[-1]
    marked = record.get("inhoudelijk_gewijzigd")
    return Spoor(
        kind,
        record["id"],
        verschenen or "deze editie",
        gewijzigd,
        tuple(edities),
        deze,
        words_of(marked) if marked else None,
    )


def _same(a: dict, b: dict) -> bool:
    """The same version of a record: equal apart from whitespace runs and its id history."""

    def norm(value: Any) -> Any:
        if isinstance(value, str):
            return " ".join(value.split())
        if isinstance(value, list):
            return [norm(v) for v in value]
        if isinstance(value, dict):
            return {k: norm(v) for k, v in value.items() if k not in ("vorige_ids",)}
        return value

    return norm(a) == norm(b)


def _removed(
    versies: list[Versie], working: Inhoud, checked: Checked
) -> dict[tuple[str, str], Verwijderd]:
    """Every record an edition published that the working content has under no id."""
    reasons = {(v.get("soort"), v.get("id")): v for v in checked.values.get("verwijderd") or []}
    found: dict[tuple[str, str], Verwijderd] = {}
    for key, kind in TRACKED:
        now = set().union(*(_ids(r) for r in working.get(key) or [] if r.get("id")))
        published: dict[str, list[tuple[int, Versie, dict]]] = {}
        for index, versie in enumerate(versies):
            if versie.snapshot is None:
                continue
            for record in versie.inhoud.get(key) or []:
                if record.get("id") and record["id"] not in now:
                    published.setdefault(record["id"], []).append((index, versie, record))
        for id_, seen in published.items():
            index, last, record = seen[-1]
            after = next((v for v in versies[index + 1 :] if _present(v, key, {id_}) is None), None)
            if after is None:  # the working content equals the last edition in substance
                after = versies[-1]
            reason = reasons.get((kind, id_)) or _reason_in(versies, kind, id_)
            found[(kind, id_)] = Verwijderd(
                kind,
                id_,
                " ".join(str(record.get("titel") or record.get("naam") or id_).split()),
                Versievermelding(last.snapshot.jaar, id_, kind),
                after.label,
                after.snapshot is not None,
                (reason or {}).get("reden"),
                (reason or {}).get("bron"),
                tuple(Versievermelding(v.snapshot.jaar, id_, kind) for _, v, _ in seen),
            )
    return dict(sorted(found.items()))


def _reason_in(versies: Iterable[Versie], kind: str, id_: str) -> dict | None:
    """The reason an earlier edition recorded in its content/verwijderd.yaml, newest first."""
    for versie in reversed(list(versies)):
        for entry in versie.inhoud.get("verwijderd") or []:
            if entry.get("soort") == kind and entry.get("id") == id_:
                return entry
    return None


def redirects(checked: Checked) -> list[tuple[str, str, str]]:
    """(old address, new address, title) for every id in `vorige_ids`, as site paths."""
    found = []
    for key, kind in RENAMEABLE:
        for record in checked.values.get(key) or []:
            for old in record.get("vorige_ids") or []:
                titel = record.get("titel") or record.get("naam") or record["id"]
                found.append((url_of(kind, old), url_of(kind, record["id"]), titel))
    return sorted(found)


# --- responsibilities over time ----------------------------------------------------------------


def _holders(record: dict) -> list[str]:
    """The eindverantwoordelijken of a record, as ids (a block names its organisatie)."""
    return [
        e.get("organisatie") if isinstance(e, dict) else e
        for e in record.get("eindverantwoordelijken") or []
    ]


def _responsibilities(
    versies: list[Versie], working: Inhoud
) -> tuple[dict[tuple[str, str], list[Houder]], dict[str, list[Overgedragen]]]:
    """Per record, who holds it now and since when; per organisatie, what moved away.

    A holder is 'since' the first version of its last unbroken run; when the organisatie
    that held it just before is one of its `voorgangers`, since the succession's date.
    """
    successions = {
        o["id"]: {v.get("organisatie"): v for v in o.get("voorgangers") or []}
        for o in working.get("organisaties") or []
        if o.get("id")
    }
    houders: dict[tuple[str, str], list[Houder]] = {}
    moved: dict[str, list[Overgedragen]] = {}
    for key, kind in RESPONSIBLE:
        for record in working.get(key) or []:
            if not record.get("id"):
                continue
            ids = _ids(record)
            history = []  # (versie, holders) for the versions that have the record
            for versie in versies:
                here = _present(versie, key, ids)
                if here is not None:
                    found = next(r for r in versie.inhoud.get(key) or [] if r.get("id") == here)
                    history.append((versie, _holders(found)))
            now = _holders(record)
            houders[(kind, record["id"])] = [
                _holder(org, history, successions.get(org, {})) for org in now
            ]
            for org in dict.fromkeys(o for _, held in history for o in held):
                if org in now:
                    continue
                after = _first_without(history, org)
                opvolger = next((n for n in now if org in successions.get(n, {})), None)
                took = successions.get(opvolger, {}).get(org) if opvolger else None
                sinds = took.get("sinds") if took else None
                moved.setdefault(org, []).append(
                    Overgedragen(kind, record["id"], words_of(sinds) if sinds else after, opvolger)
                )
    return houders, moved


def _holder(org: str, history: list[tuple[Versie, list[str]]], voorgangers: dict) -> Houder:
    run_start = None
    for index in range(len(history) - 1, -1, -1):
        if org not in history[index][1]:
            break
        run_start = index
    if run_start is None or run_start == 0:
        return Houder(org, None)
    before = history[run_start - 1][1]
    predecessor = next((p for p in before if p in voorgangers), None)
    if predecessor is not None:
        return Houder(org, words_of(voorgangers[predecessor].get("sinds")), predecessor)
    previous = next((p for p in before if p not in history[run_start][1]), None)
    return Houder(org, history[run_start][0].label, previous)


def _first_without(history: list[tuple[Versie, list[str]]], org: str) -> str:
    last = max(i for i, (_, held) in enumerate(history) if org in held)
    return history[last + 1][0].label if last + 1 < len(history) else history[-1][0].label
