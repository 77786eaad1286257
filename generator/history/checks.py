"""`check` across editions: every address an edition published must still answer, and no
published edition was changed, removed, backdated or forged (history/integrity.py).

The content stage checks the content on its own (content/validate.py); this adds what only the
published editions can say. `check_all` is what `handreiking check` and the build run.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..base.problems import Location, Problem
from ..base.settings import CONFIG, read_config
from ..base.urls import FIXED_FILES, FIXED_PAGES, RENAMEABLE, SECURITY_TXT, url_of
from ..content.validate import PAGES_DIR, Checked, check_project
from .integrity import verify
from .snapshots import Snapshot, address_problem, read_snapshots


@dataclass
class CheckedEditions(Checked):
    """The content checked, with what check found about the published editions."""

    geschiedenis: str = ""  # for the summary line: how the editions were verified


def check_all(
    root: Path, peildatum: date | None = None, verify_history: bool = True
) -> CheckedEditions:
    """The content checked (content/validate.py), and every edition with it.

    `verify_history=False` leaves out the ledger and git (history/integrity.py): for a
    changelog of the content (`handreiking diff`), which reports edition changes itself.
    """
    checked = check_project(root, peildatum)
    snapshots, unreadable = read_snapshots(root)
    values = checked.values
    files = FIXED_FILES | ({SECURITY_TXT} if _has_security_contact(root, values) else set())
    problems = unreadable + lost_addresses(snapshots, values, checked.pages, checked.tops, files)
    note = ""
    if verify_history:
        editie = values.get("editie")
        jaar = editie.get("jaar") if isinstance(editie, dict) else None
        verification = verify(root, jaar if isinstance(jaar, int) else None)
        problems += verification.problems
        note = verification.note
    fields = {f.name: getattr(checked, f.name) for f in dataclasses.fields(checked)}
    fields["problems"] = sorted(set(checked.problems + problems), key=lambda p: p.sort_key)
    return CheckedEditions(**fields, geschiedenis=note)


def _has_security_contact(root: Path, values: dict[str, Any]) -> bool:
    """Whether the build writes security.txt: a contact in mkdocs.yml, or the
    ondersteuningsteam's e-mail (render.Renderer.pages)."""
    config = read_config(root) if (root / CONFIG).is_file() else {}
    extra = config.get("extra") if isinstance(config, dict) else None
    deployment = extra.get("deployment") if isinstance(extra, dict) else None
    if isinstance(deployment, dict) and deployment.get("security_contact"):
        return True
    team = next(
        (o for o in values.get("organisaties") or [] if o.get("id") == "ondersteuningsteam"), {}
    )
    return bool((team.get("contact") or {}).get("email"))


def lost_addresses(
    snapshots: list[Snapshot],
    values: dict[str, Any],
    pages: list[dict],
    tops: dict[str, Location],
    files: frozenset[str] | set[str] = FIXED_FILES,
) -> list[Problem]:
    """Every address an edition published that the site would no longer have: the build
    refuses the same (editions.url_problems), so check reports it first.

    A record's address is located at the record that most likely lost it: one that is new
    since the editions (its id is in none of them) and has the old record's title, or else its
    paragraph, is a rename without `vorige_ids`. Without such a record the record was
    dropped; the message says both ways out. `files` are the files the site makes.
    """
    have = {url_of("pagina", p["slug"]) for p in pages} | set(FIXED_PAGES) | set(files)
    by_kind: dict[str, list[dict]] = {}
    for key, kind in RENAMEABLE:
        for record in values.get(key) or []:
            if isinstance(record.get("id"), str):
                by_kind.setdefault(kind, []).append(record)
                have.add(url_of(kind, record["id"]))
                have.update(url_of(kind, old) for old in record.get("vorige_ids") or [])
    published = {url for s in snapshots for url in s.adressen}
    folders = {url_of(kind).rstrip("/"): (key, kind) for key, kind in RENAMEABLE}
    problems, reported = [], set()
    for snapshot in snapshots:
        for url, listed_at in snapshot.adressen.items():
            parts = url.strip("/").split("/")
            if url in have or url in reported:
                continue
            reported.add(url)
            prose = {p.get("slug") for p in snapshot.inhoud.get("paginas") or []}
            if len(parts) == 2 and url == url_of("pagina", parts[1]) and parts[1] in prose:
                path = f"{PAGES_DIR}/{parts[1]}.md"
                problems.append(
                    Problem(
                        Location(path, 1, 1),
                        f"de pagina /{url} stond in editie {snapshot.jaar}, maar {path} bestaat "
                        "niet meer; zet het bestand terug (een gepubliceerd adres blijft bestaan)",
                    )
                )
            elif len(parts) == 2 and parts[0] in folders and url.endswith("/"):
                key, kind = folders[parts[0]]
                lost = _lost_record(snapshot, key, kind, parts[1], by_kind.get(kind, []), published)
                where = tops.get(key, listed_at)
                message = address_problem(snapshot, url, listed_at).message
                problems.append(lost or Problem(where, message))
            else:
                problems.append(address_problem(snapshot, url, listed_at))
    return problems


def _lost_record(
    snapshot: Snapshot, key: str, kind: str, old_id: str, records: list[dict], published: set
) -> Problem | None:
    old = next((r for r in snapshot.inhoud.get(key) or [] if r.get("id") == old_id), {})
    new = [r for r in records if url_of(kind, r["id"]) not in published]

    def same(field: str):
        return [r for r in new if old.get(field) and r.get(field) == old.get(field)]

    suspects = same("titel") or same("naam") or same("sectie")
    if not suspects:
        return None
    record = suspects[0]
    return Problem(
        record["_loc"]["id"],
        f"{record['_path']}.id: deze {kind} heette in editie {snapshot.jaar} '{old_id}' "
        f"(/{url_of(kind, old_id)}). Een gepubliceerd adres moet blijven werken: zet "
        f"'vorige_ids: [{old_id}]' bij deze {kind}, dan stuurt het oude adres door",
    )
