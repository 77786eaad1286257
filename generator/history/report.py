"""What a pull request does to the published editions, loudly, for its changelog comment.

`handreiking diff <base folder>` starts with these blocks (GitHub alerts) before the content's
changelog: a warning for every edition file under content/edities/ that was added, changed or
removed outside `publiceer`, or forged; a block per recorded correction ("Correctie in editie
2021: <reden>", with what it changed); a note per edition published through `publiceer`.

Compares the two folders' files and ledgers only: it says what changed, `check` says whether
that is allowed. Every text from content is escaped as diff.markdown escapes its lines.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..base.dates import dutch_date
from ..content.files import read_bytes
from ..content.load import Mapping, Scalar, read_source
from .diff import Wijziging, vergelijk
from .ledger import GECORRIGEERD, GEPUBLICEERD, LEDGER, Entry, read_ledger, sha256
from .snapshots import EDITIES_DIR, Snapshot, read_snapshot

EDITIE_FILE = "content/editie.yaml"
MAX_LINES = 100  # per block: the comment must leave room for the content's own changelog


def edition_report(old_root: Path, new_root: Path) -> str:
    """Markdown blocks for every change under content/edities/ from `old_root` to `new_root`;
    '' when the published editions are untouched."""
    old_files, new_files = _edition_files(old_root), _edition_files(new_root)
    old_ledger, new_ledger = read_ledger(old_root), read_ledger(new_root)
    jaar = _current_year(new_root)
    warnings: list[str] = []
    appended: list[Entry] = []
    if new_ledger.problems:
        first = new_ledger.problems[0]
        warnings.append(
            _block(
                "CAUTION",
                "Het logboek van de edities is niet te lezen",
                f"`{LEDGER}` heeft {len(new_ledger.problems)} probleem/problemen, het eerste: "
                f"{_escape(str(first))}",
            )
        )
    elif old_ledger.exists and not new_ledger.exists:
        warnings.append(
            _block(
                "CAUTION",
                "Het logboek van de edities is verwijderd",
                f"`{LEDGER}` bestond en ontbreekt nu; het logboek wordt alleen aangevuld.",
            )
        )
    elif not old_ledger.problems:
        kept = len(old_ledger.entries)
        if new_ledger.entries[:kept] == old_ledger.entries:
            appended = new_ledger.entries[kept:]
        else:
            gone = [e for e in old_ledger.entries if e not in new_ledger.entries]
            lines = [f"Was: {_escape(e.summary)}." for e in gone] or [
                "De volgorde van de regels is veranderd."
            ]
            warnings.append(
                _block(
                    "CAUTION",
                    "Het logboek van de edities is herschreven",
                    f"`{LEDGER}` wordt alleen aangevuld, maar deze pull request verandert of "
                    "verwijdert regels die er al stonden; `make check` weigert dat.",
                    lines,
                )
            )
            appended = [e for e in new_ledger.entries if e not in old_ledger.entries]
    for year in sorted(set(old_files) | set(new_files)):
        old, new = old_files.get(year), new_files.get(year)
        if old != new:
            warning = _file_warning(year, old, new, old_root, new_root, appended, jaar)
            if warning:
                warnings.append(warning)
    recorded = [_entry_block(e, e.jaar in old_files, new_root) for e in appended]
    blocks = warnings + recorded
    return "".join(block + "\n" for block in blocks)


def _edition_files(root: Path) -> dict[int, bytes]:
    """Each edition file's bytes; one that cannot be read (a link out of the project, a pipe,
    too big) as the problem's text, so it differs from anything readable."""
    folder = root / EDITIES_DIR
    if not folder.is_dir():
        return {}
    found = {}
    for path in folder.glob("*.yaml"):
        if re.fullmatch(r"\d{4}", path.stem):
            data = read_bytes(path, f"{EDITIES_DIR}/{path.name}", root)
            found[int(path.stem)] = data if isinstance(data, bytes) else str(data).encode()
    return found


def _current_year(root: Path) -> int | None:
    """content/editie.yaml's jaar, read as the loader reads it; None when unreadable."""
    source = read_source(root / EDITIE_FILE, EDITIE_FILE, root)
    editie = source.root.items.get("editie") if isinstance(source.root, Mapping) else None
    node = editie[1] if editie else None
    jaar = node.items.get("jaar") if isinstance(node, Mapping) else None
    value = jaar[1] if jaar else None
    if isinstance(value, Scalar) and re.fullmatch(r"\d{4}", value.value):
        return int(value.value)
    return None


def _file_warning(
    year: int,
    old: bytes | None,
    new: bytes | None,
    old_root: Path,
    new_root: Path,
    appended: list[Entry],
    jaar: int | None,
) -> str | None:
    """A warning for an edition file changed without the ledger recording it; None when the
    appended ledger entries account for exactly this change."""
    path = f"`{EDITIES_DIR}/{year}.yaml`"
    entries = [e for e in appended if e.jaar == year]
    if new is None:
        return _block(
            "CAUTION",
            f"Editie {year} verwijderd",
            f"{path} is weggehaald. Een gepubliceerde editie blijft bestaan: anders verdwijnen "
            "haar webadressen en haar wijzigingen; `make check` weigert dit.",
        )
    digest = sha256(new)
    if old is None:
        if jaar is not None and year > jaar:
            why = f"ze is nieuwer dan de huidige editie ({jaar} in `{EDITIE_FILE}`)"
        elif not any(e.handeling == GEPUBLICEERD for e in entries):
            why = f"het logboek (`{LEDGER}`) legt geen publicatie vast"
        elif entries[-1].sha256 != digest:
            why = "het bestand past niet bij de publicatie in het logboek"
        else:
            return None
        return _block(
            "CAUTION",
            f"Editie {year} toegevoegd buiten `make publiceer` om",
            f"{path} is nieuw, maar {why}; `make check` weigert dit.",
        )
    if entries and entries[0].sha256_voor == sha256(old) and entries[-1].sha256 == digest:
        return None
    before, _ = _snapshot(old_root, year)
    after, _ = _snapshot(new_root, year)
    return _block(
        "CAUTION",
        f"Editie {year} gewijzigd zonder correctie",
        f"{path} is veranderd, maar het logboek (`{LEDGER}`) legt geen correctie vast; "
        "`make check` weigert dit. Een gepubliceerde editie verandert alleen met "
        f'`make publiceer JAAR={year} VERVANG=1 REDEN="..."`. Wat er in het bestand veranderde:',
        _differences(before, after),
    )


def _snapshot(root: Path, year: int) -> tuple[Snapshot | None, list]:
    display = f"{EDITIES_DIR}/{year}.yaml"
    return read_snapshot(root / display, display, root)


def _differences(before: Snapshot | None, after: Snapshot | None) -> list[str]:
    if before is None or after is None:
        return ["Het bestand is niet (meer) te lezen als editie."]
    lines = [_line(w) for w in vergelijk(before.inhoud, after.inhoud)]
    for key in sorted(set(before.editie) | set(after.editie)):
        if before.editie.get(key) != after.editie.get(key):
            lines.append(f"Editiegegevens: {_escape(key)} gewijzigd.")
    old, new = set(before.adressen), set(after.adressen)
    lines += [f"Webadres {_escape('/' + a)} weggehaald." for a in sorted(old - new)]
    lines += [f"Webadres {_escape('/' + a)} toegevoegd." for a in sorted(new - old)]
    if before.inhoud.get("paginas") != after.inhoud.get("paginas"):
        lines.append("De tekst van een of meer pagina's is gewijzigd.")
    return lines or ["Alleen de opmaak of de commentaarregels van het bestand."]


def _line(w: Wijziging) -> str:
    """One change as diff.markdown writes it: '<Soort> **<titel>**: <wat>.'"""
    subject = f"**{_escape(w.titel)}**"
    subject = f"{w.onderwerp} {subject}" if w.onderwerp else subject
    return f"{subject}: {_escape(w.wat.rstrip('.'))}."


def _entry_block(entry: Entry, existed: bool, root: Path) -> str:
    """A ledger entry this pull request appends: a correction, or a publication."""
    day = _day(entry.datum)
    if entry.handeling == GECORRIGEERD:
        lines = [_escape(zin) for zin in entry.wijzigingen] or [
            "Geen inhoudelijke wijziging in de maatregelen, regelingen, opgaven, organisaties of "
            "bronnen."
        ]
        return _block(
            "IMPORTANT",
            f"Correctie in editie {entry.jaar}: {_escape(entry.reden or '')}",
            f"Vastgelegd op {day} in `{LEDGER}`. Wat de correctie verandert:",
            lines,
        )
    if existed:
        return _block(
            "NOTE",
            f"Editie {entry.jaar} in het logboek opgenomen",
            f"Als gepubliceerd op {day}; het bestand `{EDITIES_DIR}/{entry.jaar}.yaml` bestond al.",
        )
    snapshot, _ = _snapshot(root, entry.jaar)
    vastgesteld = snapshot.vastgesteld if snapshot is not None else None
    return _block(
        "NOTE",
        f"Nieuwe editie {entry.jaar} vastgelegd",
        f"`{EDITIES_DIR}/{entry.jaar}.yaml`, op {day} gepubliceerd met "
        f"`make publiceer JAAR={entry.jaar}`"
        + (f"; vastgesteld {_escape(vastgesteld)}" if vastgesteld else "")
        + ".",
    )


def _block(kind: str, head: str, body: str, items: list[str] | None = None) -> str:
    """A GitHub alert: '> [!CAUTION]', the head in bold, the body, then `items` as a list
    (at most MAX_LINES of them)."""
    text = [f"> [!{kind}]", f"> **{head.rstrip('.')}.** {body}"]
    if items:
        shown = items[:MAX_LINES]
        text.append(">")
        text += [f"> - {line}" for line in shown]
        if len(items) > len(shown):
            text.append(f"> - … en nog {len(items) - len(shown)}; zie `{LEDGER}`.")
    return "\n".join(text) + "\n"


def _escape(text: str) -> str:
    """Content as Markdown text on one line: what diff.markdown escapes, escaped the same way."""
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", " ".join(text.split()))


def _day(iso: str) -> str:
    try:
        return dutch_date(date.fromisoformat(iso))
    except ValueError:
        return _escape(iso)
