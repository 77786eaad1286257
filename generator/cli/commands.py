"""The commands behind `handreiking diff`, `editie publiceer`, `schema` and `nieuw`.

Kept apart from main.py and arguments.py (which only parse arguments and pick the command) and
from the core modules (which know nothing about stdout or exit codes). Content problems are
raised as ContentError; main.py turns them into located messages and exit code 1.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

from ..base.problems import FOUT, ContentError, Location, Problem
from ..base.settings import SiteConfig, build_date
from ..base.urls import base_url
from ..content import scaffold
from ..content.scaffold import append, skeleton, spec_for
from ..history import snapshots
from ..history.checks import check_all
from ..history.diff import markdown, vergelijk
from ..history.editions import EditionError, as_text, content_of, publish
from ..history.ledger import LEDGER
from ..history.report import edition_report
from ..history.snapshots import EDITIES_DIR, read_snapshot, snapshot_paths
from ..outputs import cms
from ..site import build as site


def resolve(root: Path, argument: str | None) -> tuple[str, dict]:
    """'2021' (an edition), a snapshot file, or a folder with content -> (label, Inhoud)."""
    if argument is None:
        return "de huidige inhoud", _working(root)
    if re.fullmatch(r"\d{4}", argument):
        path = root / EDITIES_DIR / f"{argument}.yaml"
        if not path.is_file():
            known = ", ".join(p.stem for p in snapshot_paths(root)) or "nog geen"
            raise ContentError(
                [
                    Problem(
                        Location(f"{EDITIES_DIR}/{argument}.yaml", 1, 1),
                        f"editie {argument} is niet gepubliceerd (gepubliceerd: {known})",
                    )
                ]
            )
        return f"editie {argument}", _snapshot(path, f"{EDITIES_DIR}/{argument}.yaml")
    path = Path(argument)
    if path.is_dir():
        return f"de inhoud in {argument}", _working(path.resolve())
    if path.is_file():
        return (
            f"editie {path.stem}" if path.stem.isdigit() else argument,
            _snapshot(path, argument),
        )
    raise ContentError(
        [Problem(Location(argument, 1, 1), "geen editie, editiebestand of map met inhoud")]
    )


def _latest_edition(root: Path) -> str:
    """The year of the last published edition: what `diff` compares with by default."""
    editions = snapshot_paths(root)
    if not editions:
        raise ContentError(
            [
                Problem(
                    Location(EDITIES_DIR, 1, 1),
                    "er is nog geen editie gepubliceerd; geef aan waarmee u vergelijkt, "
                    "bijvoorbeeld een map met inhoud",
                )
            ]
        )
    return editions[-1].stem


def _working(root: Path) -> dict:
    # The content only: `diff` reports changes to the published editions itself (report.py),
    # also when check refuses them, so a reviewer sees a rewritten history in the changelog.
    checked = check_all(root, build_date(), verify_history=False)
    if checked.errors:
        raise ContentError(checked.errors)
    return as_text(content_of(checked))


def _snapshot(path: Path, display: str) -> dict:
    snapshot, problems = read_snapshot(path, display)
    if snapshot is None or problems:
        raise ContentError(problems)
    return snapshot.inhoud


def run_diff(args) -> int:
    if args.oud and Path(args.oud).is_dir():  # a pull request against its base: editions first
        new_root = Path(args.nieuw) if args.nieuw and Path(args.nieuw).is_dir() else args.root
        print(edition_report(Path(args.oud).resolve(), new_root.resolve()), end="", flush=True)
    old_label, old = resolve(args.root, args.oud or _latest_edition(args.root))
    new_label, new = resolve(args.root, args.nieuw)
    changes = vergelijk(old, new)
    heading = args.kop or f"Wat is er veranderd: {old_label} → {new_label}"
    print(markdown(changes, heading), end="")
    return 0


def run_editie(args) -> int:
    today = build_date()
    # What the edition claims to be current to: overdue at its own peildatum is shown with
    # the publication (the editor may leave it for the next edition); --strict refuses it.
    warnings = check_all(args.root).warnings
    if warnings and args.strict:
        raise ContentError([dataclasses.replace(w, severity=FOUT) for w in warnings])
    checked, files = site.generate(args.root, today)
    try:
        path = publish(
            args.root,
            args.jaar,
            checked,
            files,
            args.vastgesteld,
            args.door,
            replace=args.vervang,
            reden=args.reden,
            datum=today,
        )
    except EditionError as error:
        raise ContentError(error.problems) from None
    for warning in warnings:
        print(warning, file=sys.stderr)
    done = "gecorrigeerd" if args.vervang else "gepubliceerd"
    print(
        f"editie {args.jaar} {done} in {path.relative_to(args.root)} en vastgelegd in {LEDGER}; "
        "commit beide bestanden in dezelfde pull request"
        + (f" ({len(warnings)} waarschuwing(en) hierboven)" if warnings else "")
    )
    return 0


def run_schema(args) -> int:
    stale = []
    for relative, text in generated_files(args.root).items():
        path = args.root / relative
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(relative)
        if args.write:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if args.write:
        print(f"{len(stale)} bestand(en) bijgewerkt" + (f": {', '.join(stale)}" if stale else ""))
        return 0
    for relative in stale:
        print(f"{relative}:1:1: fout: verouderd; draai `make schema`", file=sys.stderr)
    return 1 if stale else 0


def generated_files(root: Path) -> dict[str, str]:
    """Every file generated from the declarations, by path: content schemas and modelines, the
    guide's field reference, the editions' schema and modelines, the admin's configuration."""
    site = base_url(SiteConfig.read(root).site_url)
    return {
        **scaffold.generated_files(root, site),
        **snapshots.generated_files(root, site),
        **cms.generated_files(root),
    }


def run_nieuw(args) -> int:
    if args.toon:
        print(skeleton(args.soort), end="")
        return 0
    path, line, _ = append(args.root, args.soort)
    print(
        f"{spec_for(args.soort).path}:{line}: {scaffold.nieuw(args.soort)} toegevoegd; vul de lege "
        "velden in en draai `make check`"
    )
    return 0
