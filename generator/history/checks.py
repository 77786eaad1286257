"""`check` across editions: every address an edition published must still answer, and no
published edition was changed, removed, backdated or forged (history/integrity.py).

The content stage checks the content on its own (content/validate.py); this adds what only the
published editions can say. `check_all` is what `handreiking check` and the build run.

Removing a record is a normal edit (issue 20): a record an edition published may be gone from
the content; its address then answers with a page that says since when (outputs/templates/
verwijderd.md.j2). What check refuses is what would make an address lie or vanish: a prose
page gone, a file the site no longer makes, an old id in `vorige_ids` of a record that stood
beside it in the same edition (its address would say "moved" when it was removed), a reason
in content/verwijderd.yaml for a record that was never published or is still there. A new
record with the title of a removed one is most likely a rename without `vorige_ids`: a warning
at that record.
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..base.problems import WAARSCHUWING, Location, Problem
from ..base.settings import CONFIG, read_config
from ..base.urls import FIXED_FILES, FIXED_PAGES, RENAMEABLE, SECURITY_TXT, url_of
from ..content.page_checks import PAGES_DIR
from ..content.validate import Checked, check_project
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
    return check_with_editions(root, peildatum, verify_history)[0]


def check_with_editions(
    root: Path, peildatum: date | None = None, verify_history: bool = True
) -> tuple[CheckedEditions, list[Snapshot]]:
    """`check_all`, and the published editions it read (the build's history needs them)."""
    checked = check_project(root, peildatum)
    snapshots, unreadable = read_snapshots(root)
    values = checked.values
    files = FIXED_FILES | ({SECURITY_TXT} if _has_security_contact(root, values) else set())
    problems = unreadable + lost_addresses(snapshots, values, checked.pages, checked.tops, files)
    problems += removal_problems(snapshots, values) + alias_problems(snapshots, values)
    problems += renamed_without_alias(snapshots, values)
    note = ""
    if verify_history:
        editie = values.get("editie")
        jaar = editie.get("jaar") if isinstance(editie, dict) else None
        verification = verify(root, jaar if isinstance(jaar, int) else None)
        problems += verification.problems
        note = verification.note
    fields = {f.name: getattr(checked, f.name) for f in dataclasses.fields(checked)}
    fields["problems"] = sorted(set(checked.problems + problems), key=lambda p: p.sort_key)
    return CheckedEditions(**fields, geschiedenis=note), snapshots


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

    A record's address always answers: its page, a redirect (`vorige_ids`), or the page that
    says it was removed. So what can be lost is a prose page or a file the site no longer
    makes; `files` are the files the site makes.
    """
    have = {url_of("pagina", p["slug"]) for p in pages} | set(FIXED_PAGES) | set(files)
    for key, kind in RENAMEABLE:
        for record in values.get(key) or []:
            if isinstance(record.get("id"), str):
                have.add(url_of(kind, record["id"]))
                have.update(url_of(kind, old) for old in record.get("vorige_ids") or [])
        for snapshot in snapshots:  # a removed record: its address says so (verwijderd.md.j2)
            have.update(
                url_of(kind, r["id"]) for r in snapshot.inhoud.get(key) or [] if r.get("id")
            )
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
            else:
                problems.append(address_problem(snapshot, url, listed_at))
    return problems


def renamed_without_alias(snapshots: list[Snapshot], values: dict[str, Any]) -> list[Problem]:
    """A warning at a new record that has the title (or paragraph) of a record an edition
    published and the content no longer has: most likely a rename without `vorige_ids`."""
    problems: list[Problem] = []
    published = {url for s in snapshots for url in s.adressen}
    for key, kind in RENAMEABLE:
        records = [r for r in values.get(key) or [] if isinstance(r.get("id"), str)]
        now = {i for r in records for i in (r["id"], *(r.get("vorige_ids") or []))}
        gone = {
            r["id"]: snapshot
            for snapshot in snapshots
            for r in snapshot.inhoud.get(key) or []
            if r.get("id") and r["id"] not in now
        }
        for old_id, snapshot in sorted(gone.items()):
            found = _lost_record(snapshot, key, kind, old_id, records, published)
            if found is not None:
                problems.append(found)
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
        f"{record['_path']}.id: heette deze {kind} in editie {snapshot.jaar} '{old_id}' "
        f"(/{url_of(kind, old_id)})? Zet dan 'vorige_ids: [{old_id}]' bij deze {kind}, dan "
        f"stuurt het oude adres door. Zonder dat zegt het oude adres dat de {kind} "
        "verwijderd is",
        WAARSCHUWING,
    )


def removal_problems(snapshots: list[Snapshot], values: dict[str, Any]) -> list[Problem]:
    """content/verwijderd.yaml names records that an edition published and that are gone."""
    problems = []
    keys = {kind: key for key, kind in (*RENAMEABLE, ("bronnen", "bron"))}
    for entry in values.get("verwijderd") or []:
        kind, id_ = entry.get("soort"), entry.get("id")
        if kind not in keys or not id_:
            continue
        key, at = keys[kind], entry["_loc"].get("id", entry["_at"])
        path = f"{entry['_path']}.id"
        current = [
            r for r in values.get(key) or [] if id_ in (r.get("id"), *(r.get("vorige_ids") or []))
        ]
        if current:
            problems.append(
                Problem(
                    at,
                    f"{path}: {kind} '{id_}' staat nog in de inhoud ({current[0]['_at']}); haal "
                    f"de {kind} daar weg, of haal deze regel weg",
                )
            )
        elif not any(r.get("id") == id_ for s in snapshots for r in s.inhoud.get(key) or []):
            known = sorted({r.get("id") for s in snapshots for r in s.inhoud.get(key) or []})
            close = difflib.get_close_matches(id_, [k for k in known if k], n=1, cutoff=0.6)
            hint = f" (bedoelde u '{close[0]}'?)" if close else ""
            problems.append(
                Problem(
                    at,
                    f"{path}: geen editie publiceerde een {kind} '{id_}'{hint}; een reden "
                    "staat hier alleen bij wat een editie publiceerde (iets dat nooit "
                    "gepubliceerd is, haalt u gewoon weg)",
                )
            )
    return problems


def alias_problems(snapshots: list[Snapshot], values: dict[str, Any]) -> list[Problem]:
    """An old id in `vorige_ids` must be this record's earlier id, not another record that
    stood beside it in the same edition: its address would say "moved" when it was removed."""
    problems = []
    for key, kind in RENAMEABLE:
        for record in values.get(key) or []:
            for index, old in enumerate(record.get("vorige_ids") or []):
                both = next(
                    (
                        s
                        for s in snapshots
                        if {old, record.get("id")} <= {r.get("id") for r in s.inhoud.get(key) or []}
                    ),
                    None,
                )
                if both is None:
                    continue
                problems.append(
                    Problem(
                        record["_loc"]["vorige_ids"],
                        f"{record['_path']}.vorige_ids[{index}]: '{old}' was in editie "
                        f"{both.jaar} een andere {kind} naast '{record.get('id')}', geen "
                        f"eerdere id van deze {kind}. Is '{old}' verwijderd? Haal het dan hier "
                        f"weg (en zet de reden in content/verwijderd.yaml): het oude adres zegt "
                        "dan dat het verwijderd is, in plaats van dat het verhuisd is",
                    )
                )
    return problems
