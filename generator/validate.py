"""Rules across records: ids, references, and the handreiking's own rules.

`check_project` reads every content file, checks each against the schema and then the rules
across them, and returns everything it found at once. Nothing here raises for bad content.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .kinds import HTML, INVALID, Context, inside_code
from .load import Page, Source, read_page, read_source
from .model import NOT_YET
from .problems import FOUT, WAARSCHUWING, Location, Problem
from .schema import FILES, PAGINA, check_file

PAGES_DIR = "content/paginas"


@dataclass
class Checked:
    """The outcome of checking a project: plain values per file key, pages, problems."""

    values: dict[str, Any]
    pages: list[dict[str, Any]]
    problems: list[Problem]
    files: dict[str, str] = field(default_factory=dict)  # file key -> path, for edit links

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == FOUT]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WAARSCHUWING]


def check_project(root: Path, peildatum: date) -> Checked:
    """Check every content file under `root`; `peildatum` decides what counts as overdue."""
    problems: list[Problem] = []
    ids: list = []
    refs: list = []
    values: dict[str, Any] = {}
    for spec in FILES:
        path = root / spec.path
        if not path.exists():
            problems.append(
                Problem(
                    Location(spec.path, 1, 1),
                    f"bestand ontbreekt; het hoort {spec.label} te bevatten",
                )
            )
            continue
        source = read_source(path, spec.path)
        problems.extend(source.problems)
        ctx = Context(source, problems)
        value = check_file(spec, source, ctx)
        ids.extend(ctx.ids)
        refs.extend(ctx.refs)
        values[spec.key] = value if value is not INVALID else ([] if spec.key != "editie" else None)
    pages = _check_pages(root, problems)
    known = _check_ids(ids, problems)
    _check_refs(refs, known, problems)
    _check_maatregelen(values.get("maatregelen") or [], peildatum, problems)
    _check_regelingen(values.get("regelingen") or [], problems)
    _check_aliases(values, known, problems)
    _check_unique(values.get("begrippen") or [], "term", "begrip", problems)
    _check_unique(values.get("opgaven") or [], "volgorde", "opgave", problems)
    problems = sorted(set(problems), key=lambda p: p.sort_key)
    return Checked(values, pages, problems, {spec.key: spec.path for spec in FILES})


def _check_pages(root: Path, problems: list[Problem]) -> list[dict[str, Any]]:
    pages = []
    folder = root / PAGES_DIR
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        display = f"{PAGES_DIR}/{path.name}"
        page: Page = read_page(path, display)
        problems.extend(page.front.problems)
        if page.front.root is None:
            continue
        ctx = Context(page.front, problems)
        front = PAGINA.check(page.front.root, "", ctx)
        if front is INVALID:
            continue
        body_source = Source(display, page.body, None, [])
        body_ctx = Context(body_source, problems)
        body = _check_body(page, body_ctx)
        slug = path.stem
        pages.append({**front, "slug": slug, "body": body, "path": display})
    return pages


def _check_body(page: Page, ctx: Context) -> str:
    for number, line in enumerate(page.body.split("\n"), start=page.body_line):
        for match in HTML.finditer(line):
            if not inside_code(line, match.start()):
                ctx.problems.append(
                    Problem(
                        Location(page.path, number, match.start() + 1),
                        f"HTML is niet toegestaan (gevonden: '{match.group(0)[:30]}');"
                        " gebruik Markdown",
                    )
                )
    return page.body


def _check_ids(ids, problems) -> dict[str, dict[str, Location]]:
    known: dict[str, dict[str, Location]] = defaultdict(dict)
    for kind, value, location, path in ids:
        if value in known[kind]:
            first = known[kind][value]
            problems.append(
                Problem(
                    location,
                    f"{path}.id: id '{value}' bestaat al "
                    f"({first.file} regel {first.line}); elke {kind} "
                    "heeft een eigen id",
                )
            )
            continue
        known[kind][value] = location
    return known


def _check_refs(refs, known, problems) -> None:
    for kind, value, location, path in refs:
        if value not in known[kind]:
            close = difflib.get_close_matches(value, sorted(known[kind]), n=1, cutoff=0.6)
            hint = f" (bedoelde u '{close[0]}'?)" if close else ""
            problems.append(Problem(location, f"{path}: onbekende {kind} '{value}'{hint}"))


def _check_maatregelen(maatregelen, peildatum: date, problems) -> None:
    for m in maatregelen:
        at, path, status = m["_at"], m["_path"], m.get("status")
        if status and status != "beschikbaar":
            if not m.get("tijdspad") and not _unreadable(m, "tijdspad"):
                problems.append(
                    Problem(
                        m["_loc"].get("tijdspad", at),
                        f"{path}: maatregel met "
                        f"status '{status}' moet een tijdspad hebben (wanneer is hij "
                        "beschikbaar?)",
                    )
                )
            if not m.get("eindverantwoordelijken") and not _unreadable(m, "eindverantwoordelijken"):
                problems.append(
                    Problem(
                        m["_loc"].get("eindverantwoordelijken", at),
                        f"{path}: "
                        f"maatregel met status '{status}' moet minstens één "
                        "eindverantwoordelijke hebben",
                    )
                )
        for list_key in ("eindverantwoordelijken", "betrokkenen", "regelingen", "bronnen"):
            _check_no_repeats(m, list_key, problems)
        both = set(m.get("eindverantwoordelijken", [])) & set(m.get("betrokkenen", []))
        for org in sorted(both):
            problems.append(
                Problem(
                    m["_loc"]["betrokkenen"],
                    f"{path}.betrokkenen: '{org}' "
                    "staat al bij eindverantwoordelijken; noem een organisatie één keer",
                )
            )
        if status in NOT_YET:
            for index, mijlpaal in enumerate(m.get("tijdspad", [])):
                periode = mijlpaal.get("datum")
                if periode is not None and periode.is_past(peildatum):
                    problems.append(
                        Problem(
                            mijlpaal["_loc"]["datum"],
                            f"verlopen: '{periode.words}' is voorbij (peildatum "
                            f"{peildatum.isoformat()}) maar de maatregel '{m.get('id')}' staat nog "
                            f"op '{status}'; werk de status of het tijdspad bij "
                            f"({path}.tijdspad[{index}])",
                            WAARSCHUWING,
                        )
                    )


def _unreadable(record: dict, key: str) -> bool:
    """The field was written but could not be read; that problem is reported already."""
    return key in record["_loc"] and key not in record


def _check_no_repeats(record, key, problems) -> None:
    seen = set()
    for index, value in enumerate(record.get(key, [])):
        if value in seen:
            problems.append(
                Problem(
                    record["_loc"][key],
                    f"{record['_path']}.{key}[{index}]: '{value}' staat twee keer in de lijst",
                )
            )
        seen.add(value)


def _check_regelingen(regelingen, problems) -> None:
    by_id = {r.get("id"): r for r in regelingen}
    for r in regelingen:
        bedrag = r.get("bedrag")
        if not isinstance(bedrag, dict):
            continue
        path = f"{r['_path']}.bedrag"
        parent_id = bedrag.get("deel_van")
        if bedrag.get("soort") == "deel-van" and not parent_id:
            problems.append(
                Problem(
                    bedrag["_at"],
                    f"{path}: bij soort 'deel-van' hoort "
                    "'deel_van:' met de id van de grotere regeling",
                )
            )
        if parent_id and bedrag.get("soort") != "deel-van":
            problems.append(
                Problem(
                    bedrag["_loc"]["deel_van"],
                    f"{path}.deel_van: alleen toegestaan bij soort 'deel-van'",
                )
            )
        if parent_id and parent_id == r.get("id"):
            problems.append(
                Problem(
                    bedrag["_loc"]["deel_van"],
                    f"{path}.deel_van: een regeling kan geen deel van zichzelf zijn",
                )
            )
            continue
        parent = by_id.get(parent_id)
        parent_bedrag = parent.get("bedrag") if parent else None
        if (
            isinstance(parent_bedrag, dict)
            and "waarde" in bedrag
            and "waarde" in parent_bedrag
            and bedrag["waarde"] > parent_bedrag["waarde"]
        ):
            problems.append(
                Problem(
                    bedrag["_loc"]["waarde"],
                    f"{path}.waarde: het deel "
                    f"({bedrag['waarde']}) is groter dan het geheel "
                    f"({parent_bedrag['waarde']} van '{parent_id}')",
                )
            )


def _check_aliases(values, known, problems) -> None:
    kinds = {
        "maatregelen": "maatregel",
        "opgaven": "opgave",
        "organisaties": "organisatie",
        "regelingen": "regeling",
    }
    for key, kind in kinds.items():
        seen: dict[str, str] = {}
        for record in values.get(key) or []:
            for index, old in enumerate(record.get("vorige_ids", [])):
                location = record["_loc"]["vorige_ids"]
                path = f"{record['_path']}.vorige_ids[{index}]"
                if old in known[kind]:
                    problems.append(
                        Problem(
                            location,
                            f"{path}: '{old}' is nog de id van een "
                            f"bestaande {kind}; een vorige id moet vrij zijn",
                        )
                    )
                elif old in seen:
                    problems.append(
                        Problem(
                            location, f"{path}: '{old}' staat ook als vorige id bij '{seen[old]}'"
                        )
                    )
                seen[old] = record.get("id", "?")


def _check_unique(records, key, kind, problems) -> None:
    seen: dict[Any, Location] = {}
    for record in records:
        value = record.get(key)
        if value is None:
            continue
        if value in seen:
            problems.append(
                Problem(
                    record["_loc"][key],
                    f"{record['_path']}.{key}: '{value}' "
                    f"komt al voor bij {'een ander' if kind == 'begrip' else 'een andere'} {kind} "
                    f"(regel {seen[value].line})",
                )
            )
        else:
            seen[value] = record["_loc"][key]
