"""Rules across records: ids, references, and the handreiking's own rules.

`check_project` reads every content file, checks each against the schema and then the rules
across them, and returns everything it found at once. Nothing here raises for bad content.
"""

from __future__ import annotations

import bisect
import difflib
import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..base.dates import Termijn
from ..base.problems import FOUT, OVERDUE, WAARSCHUWING, Location, Problem
from ..base.settings import CONFIG, locate, nav_files, read_config
from ..base.urls import (
    FILE_PREFIXES,
    FIXED_PAGES,
    FOLDERS,
    RENAMEABLE,
    reserved_ids,
)
from . import markup
from .characters import find_hidden, nfc
from .config_check import check_settings
from .files import symlink_problem
from .kinds import INVALID, MAX_ID, SCRIPT_URL, SLUG, Context
from .limits import check_counts, text_problem
from .load import read_source
from .model import OPEN, verlopen
from .names import check_names
from .page_source import Page, read_page
from .schema import FILES, PAGINA, check_file

PAGES_DIR = "content/paginas"


@dataclass
class Checked:
    """The outcome of checking a project: plain values per file key, pages, problems."""

    values: dict[str, Any]
    pages: list[dict[str, Any]]
    problems: list[Problem]
    files: dict[str, str] = field(default_factory=dict)  # file key -> path, for edit links
    peildatum: date | None = None  # the day overdue was judged against
    tops: dict[str, Location] = field(default_factory=dict)  # file key -> its top-level key

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == FOUT]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WAARSCHUWING]


def check_project(root: Path, peildatum: date | None = None) -> Checked:
    """Check every content file under `root` (the editions are history/checks.py's).

    `peildatum` decides what counts as overdue; by default it is the last day of the
    edition's own peildatum (content/editie.yaml), the moment the content claims to describe.
    """
    problems: list[Problem] = []
    ids: list = []
    refs: list = []
    values: dict[str, Any] = {}
    tops: dict[str, Location] = {}  # file key -> where its top-level key stands
    contexts: list[Context] = []
    for spec in FILES:
        path = root / spec.path
        if not path.exists():
            if spec.optional:
                values[spec.key] = []
                continue
            problems.append(
                Problem(
                    Location(spec.path, 1, 1),
                    f"bestand ontbreekt; het hoort {spec.label} te bevatten",
                )
            )
            continue
        source = read_source(path, spec.path, root)
        problems.extend(source.problems)
        ctx = Context(source, problems)
        contexts.append(ctx)
        value = check_file(spec, source, ctx)
        ids.extend(ctx.ids)
        refs.extend(ctx.refs)
        values[spec.key] = value if value is not INVALID else ([] if spec.key != "editie" else None)
        if hasattr(source.root, "items") and spec.key in source.root.items:
            tops[spec.key] = source.root.items[spec.key][0]
    peildatum = peildatum or edition_peildatum(values) or date.today()
    links: list = []
    for spec_ctx in contexts:
        links.extend(spec_ctx.links)
    pages = _check_pages(root, problems, links)
    problems.extend(check_settings(root))  # mkdocs.yml is content too (issue 21)
    _check_nav(root, pages, problems)
    known = _check_ids(ids, problems)
    _check_refs(refs, known, problems)
    _check_links(links, known, values, pages, problems)
    _check_maatregelen(values.get("maatregelen") or [], peildatum, problems)
    for key, kind in (("maatregelen", "maatregel"), ("regelingen", "regeling")):
        _check_placed(values.get(key) or [], kind, problems)
    _check_succession(values.get("organisaties") or [], problems)
    _check_roles(values, problems)
    _check_opgaven(values.get("opgaven") or [], peildatum, problems)
    _check_regelingen(values.get("regelingen") or [], peildatum, problems)
    _check_termijnen(values, problems)
    _check_zoekwoorden(values, pages, problems)
    _check_aliases(values, known, problems)
    _check_unique(values.get("begrippen") or [], "term", "begrip", problems)
    _check_unique(values.get("opgaven") or [], "volgorde", "opgave", problems)
    check_names(values, pages, problems)
    check_counts(values, problems)
    problems = sorted(set(problems), key=lambda p: p.sort_key)
    files = {spec.key: spec.path for spec in FILES if spec.key in tops or not spec.optional}
    return Checked(values, pages, problems, files, peildatum, tops)


def edition_peildatum(values: dict[str, Any]) -> date | None:
    """The last day of the edition's peildatum ('2021-02' -> 28 February 2021), if readable."""
    editie = values.get("editie")
    periode = editie.get("peildatum") if isinstance(editie, dict) else None
    return periode.einde if periode is not None else None


def _check_pages(root: Path, problems: list[Problem], links: list) -> list[dict[str, Any]]:
    pages = []
    folder = root / PAGES_DIR
    linked = symlink_problem(folder, root) if folder.is_symlink() else None
    if linked:  # its files are not read, nor listed: they are somewhere else
        problems.append(Problem(Location(PAGES_DIR, 1, 1), linked))
        return pages
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        display = f"{PAGES_DIR}/{path.name}"
        slug = path.stem
        if path.suffix != ".md" or (path.is_dir() and not path.is_symlink()):
            _not_a_page(path, display, problems)
            continue
        if _bad_page_name(slug, display, problems):
            continue
        page: Page = read_page(path, display, root)
        problems.extend(page.front.problems)
        if page.front.root is None:
            continue
        ctx = Context(page.front, problems)
        front = PAGINA.check(page.front.root, "", ctx)
        if front is INVALID:
            continue
        body = _check_body(page, problems, links)
        pages.append({**front, "slug": slug, "body": body, "path": display})
    return pages


def _check_nav(root: Path, pages: list[dict[str, Any]], problems: list[Problem]) -> None:
    """A prose page is in the menu (nav in mkdocs.yml), and the menu names no page that is gone.

    `mkdocs build --strict` fails on both, with an English message and no file to point at.
    """
    config = read_config(root) if (root / CONFIG).is_file() else {}
    nav = config.get("nav")
    if not nav:
        return
    listed = set(nav_files(nav))
    ignored = [p.strip() for p in str(config.get("not_in_nav") or "").splitlines() if p.strip()]
    folder = FOLDERS["pagina"]
    for page in pages:
        path = f"{folder}/{page['slug']}.md"
        if path not in listed and not any(_matches(pattern, path) for pattern in ignored):
            problems.append(
                Problem(
                    Location(page["path"], 1, 1),
                    f"deze pagina staat niet in het menu: zet '{path}' onder 'nav:' in "
                    "mkdocs.yml (bij 'Over de handreiking')",
                )
            )
    present = {p.stem for p in (root / PAGES_DIR).glob("*.md")}
    for path in sorted(listed):
        slug = path.removeprefix(folder + "/").removesuffix(".md")
        if not path.startswith(folder + "/") or f"{folder}/{slug}/" in FIXED_PAGES:
            continue
        if slug not in present:
            problems.append(
                Problem(
                    locate(root, path),
                    f"het menu (nav) noemt '{path}', maar {PAGES_DIR}/{slug}.md bestaat niet; "
                    "haal de regel weg of zet de pagina terug",
                )
            )


def _matches(pattern: str, path: str) -> bool:
    """A not_in_nav line ('/opgaven/', '/zoeken.md') against a docs path."""
    anchored = "/" + path
    return anchored.startswith(pattern) if pattern.endswith("/") else anchored == pattern


def _not_a_page(path: Path, display: str, problems: list[Problem]) -> None:
    """Something in content/paginas/ that the site would silently leave out (issue 12)."""
    if path.name.startswith("."):  # hidden: an editor's own (.DS_Store, a swap file)
        return
    at = Location(display, 1, 1)
    if path.is_dir() and not path.is_symlink():
        message = (
            f"de map {display}/ wordt niet gepubliceerd: een pagina staat direct in "
            f"{PAGES_DIR}/; zet de pagina's daar neer en haal de map weg"
        )
    elif path.suffix.lower() in (".md", ".markdown"):
        message = (
            f"een pagina eindigt op '.md' in kleine letters; hernoem het bestand naar "
            f"'{path.stem.lower()}.md', anders komt het niet op de site"
        )
    else:
        message = (
            f"alleen pagina's (bestanden op '.md') horen in {PAGES_DIR}/; dit bestand komt niet "
            "op de site: haal het weg of maak er een pagina van"
        )
    problems.append(Problem(at, message))


def _bad_page_name(slug: str, display: str, problems: list[Problem]) -> bool:
    """A page's file name is its address: an id, and not one of a page the site makes."""
    at = Location(display, 1, 1)
    if len(slug) > MAX_ID or not SLUG.fullmatch(slug):
        problems.append(
            Problem(
                at,
                f"de bestandsnaam '{slug[:60]}.md' is ook het webadres van de pagina: gebruik "
                f"alleen kleine letters, cijfers en koppeltekens (hoogstens {MAX_ID} tekens)",
            )
        )
        return True
    if slug in reserved_ids("pagina"):
        problems.append(
            Problem(
                at,
                f"de bestandsnaam '{slug}.md' is al in gebruik voor een pagina die de site zelf "
                "maakt (/" + FOLDERS["pagina"] + f"/{slug}/); kies een andere naam",
            )
        )
        return True
    return False


def _check_body(page: Page, problems: list[Problem], links: list) -> str:
    body = page.body
    starts = [0] + [match.end() for match in re.finditer("\n", body)]
    cursor = 0

    def at(offset: int) -> Location:
        index = bisect.bisect_right(starts, offset) - 1
        return Location(page.path, page.body_line + index, offset - starts[index] + 1)

    def where(target: str) -> Location:
        """Where `target` stands in the body, searched in reading order (stays linear)."""
        nonlocal cursor
        offset = body.find(target, cursor) if target else -1
        if offset < 0:
            offset = body.find(target) if target else -1
        if offset < 0:
            return Location(page.path, page.body_line, 1)
        cursor = offset + len(target)
        return at(offset)

    if (too_long := text_problem(body)) is not None:
        problems.append(Problem(at(too_long[0]), too_long[1]))
        return ""
    if (hidden := find_hidden(body)) is not None:
        location = at(hidden.offset)
        problems.append(Problem(location, hidden.message(location.column)))
    for tag in markup.html_outside_code(page.body):
        message = f"HTML is niet toegestaan (gevonden: '{tag[:30]}'); gebruik Markdown"
        problems.append(Problem(where(tag), message))
    link_problems = markup.link_problems(page.body)
    for problem in link_problems:
        location = where(problem.target) if problem.offset is None else at(problem.offset)
        problems.append(Problem(location, problem.message))
    for text in () if link_problems else {page.body, html.unescape(page.body)}:
        match = SCRIPT_URL.search(text)
        if match:
            problems.append(
                Problem(
                    where(match.group(0)),
                    f"'{match.group(0)}' is niet toegestaan in de tekst: zo'n adres kan in "
                    "een browser code uitvoeren; gebruik een webadres dat begint met https://",
                )
            )
            break
    for target in markup.internal_links(page.body):
        links.append((FOLDERS["pagina"], target, where(target), ""))
    return nfc(page.body)


def _check_links(links, known, values, pages, problems) -> None:
    """Every link in a text to a page of this site must find that page (or a download)."""
    if not links:
        return
    targets = set(FIXED_PAGES)
    for kind, ids in known.items():
        if kind in FOLDERS:
            targets.update(f"{FOLDERS[kind]}/{id_}/" for id_ in ids)
    for key, kind in RENAMEABLE:  # an old address still works: it redirects
        for record in values.get(key) or []:
            targets.update(f"{FOLDERS[kind]}/{old}/" for old in record.get("vorige_ids", []))
    targets.update(f"{FOLDERS['pagina']}/{page['slug']}/" for page in pages)
    for folder, target, location, path in links:
        resolved = markup.site_path(target, folder)
        prefix = f"{path}: " if path else ""
        address = (resolved or "").partition("#")[0]
        if resolved is not None and (address in targets or address.startswith(FILE_PREFIXES)):
            continue
        close = difflib.get_close_matches(address, sorted(targets), n=1, cutoff=0.7)
        hint = f" (bedoelde u '/{close[0]}'?)" if close and resolved is not None else ""
        problems.append(
            Problem(
                location,
                f"{prefix}link naar '{target[:60]}' wijst naar een pagina die niet bestaat"
                f"{hint}; schrijf een link naar een pagina van de site als /maatregelen/<id>/ "
                "of als ../<pagina>.md",
            )
        )


def _check_ids(ids, problems) -> dict[str, dict[str, Location]]:
    known: dict[str, dict[str, Location]] = defaultdict(dict)
    for kind, value, location, path in ids:
        if value in _reserved(kind):
            taken = (
                f"het webadres /{FOLDERS[kind]}/{value}/ is al van een pagina die de site "
                "zelf maakt"
                if kind in FOLDERS
                else f"de pagina /bronnen/ gebruikt '#{value}' al zelf"
            )
            message = f"{path}.id: '{value}' kan geen id zijn: {taken}; kies een ander id"
            problems.append(Problem(location, message))
            continue
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


def _reserved(kind: str) -> frozenset[str]:
    if kind in FOLDERS:
        return reserved_ids(kind)
    if kind == "bron":  # an anchor on the page bronnen/, next to its title and the content
        return frozenset({"bronnen", "hoofdinhoud"})
    return frozenset()


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
        both = set(map(_id, m.get("eindverantwoordelijken", []))) & set(m.get("betrokkenen", []))
        for org in sorted(both):
            problems.append(
                Problem(
                    m["_loc"]["betrokkenen"],
                    f"{path}.betrokkenen: '{org}' "
                    "staat al bij eindverantwoordelijken; noem een organisatie één keer",
                )
            )
        if status in OPEN:
            for index, mijlpaal in _open_mijlpalen_past(m, peildatum):
                problems.append(
                    Problem(
                        mijlpaal["_loc"]["datum"],
                        f"{OVERDUE}'{_words(mijlpaal)}' is voorbij (peildatum "
                        f"{peildatum.isoformat()}) maar de maatregel '{m.get('id')}' staat nog op "
                        f"'{status}'; zet 'bereikt: ja' bij de mijlpaal als die gehaald is, of "
                        f"werk de status of het tijdspad bij ({path}.tijdspad[{index}])",
                        WAARSCHUWING,
                    )
                )


def _open_mijlpalen_past(record: dict, peildatum: date):
    """(index, mijlpaal) of each mijlpaal whose period is over and that nobody marked."""
    for index, mijlpaal in enumerate(record.get("tijdspad") or []):
        periode = mijlpaal.get("datum")
        if periode is not None and "bereikt" not in mijlpaal and periode.is_past(peildatum):
            yield index, mijlpaal


def _words(mijlpaal: dict) -> str:
    """A checked mijlpaal's date as the site says it: 'naar verwachting april 2021'."""
    return Termijn(
        mijlpaal["datum"], mijlpaal.get("datum_soort"), mijlpaal.get("datum_zekerheid")
    ).words


def _check_placed(records, kind: str, problems) -> None:
    """Every maatregel and regeling says where it is stated: a paragraph of the handreiking
    (`sectie`), or another source with its place in it (`vermeld_in`)."""
    for r in records:
        if "sectie" in r["_loc"] or "vermeld_in" in r["_loc"]:
            continue
        problems.append(
            Problem(
                r["_at"],
                f"{r['_path']}: noem waar deze {kind} staat: 'sectie' (de paragraaf in de "
                "handreiking) of 'vermeld_in' (een andere bron, met de vindplaats)",
            )
        )


def _check_succession(organisaties, problems) -> None:
    """A voorganger is another organisatie, and no two organisaties succeed each other."""
    before = {
        o.get("id"): {v.get("organisatie") for v in o.get("voorgangers") or []}
        for o in organisaties
    }
    for o in organisaties:
        for index, opvolging in enumerate(o.get("voorgangers") or []):
            other = opvolging.get("organisatie")
            path = f"{o['_path']}.voorgangers[{index}].organisatie"
            at = opvolging["_loc"].get("organisatie", opvolging["_at"])
            if other == o.get("id"):
                problems.append(Problem(at, f"{path}: een organisatie volgt zichzelf niet op"))
            elif o.get("id") in before.get(other, set()):
                problems.append(
                    Problem(
                        at,
                        f"{path}: '{other}' noemt '{o.get('id')}' ook als voorganger; één van "
                        "beide nam de taken over, zet de voorganger alleen bij de opvolger",
                    )
                )


def _check_roles(values, problems) -> None:
    """An organisatie whose rol calls it eindverantwoordelijk while no maatregel or regeling
    names it so: the rol text contradicts the relations (after a succession, say)."""
    holders = {
        _id(e)
        for key in ("maatregelen", "regelingen")
        for r in values.get(key) or []
        for e in r.get("eindverantwoordelijken") or []
    }
    holders |= {r.get("verstrekker") for r in values.get("regelingen") or []}
    for o in values.get("organisaties") or []:
        rol = o.get("rol") or ""
        if re.search(r"(?i)\beindverantwoordelijk", rol) and o.get("id") not in holders:
            problems.append(
                Problem(
                    o["_loc"]["rol"],
                    f"{o['_path']}.rol: de rol noemt {o.get('afkorting') or o.get('naam')} "
                    "eindverantwoordelijk, maar geen maatregel of regeling noemt haar zo; werk "
                    "de rol bij (of de eindverantwoordelijken)",
                    WAARSCHUWING,
                )
            )


def _check_opgaven(opgaven, peildatum: date, problems) -> None:
    for o in opgaven:
        for index, mijlpaal in _open_mijlpalen_past(o, peildatum):
            problems.append(
                Problem(
                    mijlpaal["_loc"]["datum"],
                    f"{OVERDUE}'{_words(mijlpaal)}' is voorbij (peildatum "
                    f"{peildatum.isoformat()}) maar deze mijlpaal van de opgave '{o.get('id')}' "
                    "is niet bijgewerkt; zet 'bereikt: ja' als hij gehaald is ('bereikt: nee' "
                    "als hij niet doorging), of werk de datum bij "
                    f"({o['_path']}.tijdspad[{index}])",
                    WAARSCHUWING,
                )
            )


def _unreadable(record: dict, key: str) -> bool:
    """The field was written but could not be read; that problem is reported already."""
    return key in record["_loc"] and key not in record


def _id(value: str | dict) -> str:
    """The id of a list item: 'bzk', or the organisatie of {organisatie: bzk, afgeleid: …}."""
    return value["organisatie"] if isinstance(value, dict) else value


def _check_no_repeats(record, key, problems) -> None:
    seen = set()
    for index, value in enumerate(map(_id, record.get(key, []))):
        if value in seen:
            problems.append(
                Problem(
                    record["_loc"][key],
                    f"{record['_path']}.{key}[{index}]: '{value}' staat twee keer in de lijst",
                )
            )
        seen.add(value)


def _check_regelingen(regelingen, peildatum: date, problems) -> None:
    by_id = {r.get("id"): r for r in regelingen}
    for r in regelingen:
        _check_no_repeats(r, "eindverantwoordelijken", problems)
        periode, status = r.get("aanvraagperiode"), r.get("status")
        termijn = periode and Termijn(
            periode, r.get("aanvraagperiode_soort"), r.get("aanvraagperiode_zekerheid")
        )
        opened = termijn and termijn.is_opening and status == "beschikbaar"
        if termijn and verlopen(status, termijn, peildatum, afgehandeld=opened):
            problems.append(
                Problem(
                    r["_loc"]["aanvraagperiode"],
                    f"verlopen: de aanvraagperiode '{termijn.words}' is voorbij (peildatum "
                    f"{peildatum.isoformat()}) maar de regeling '{r.get('id')}' staat nog op "
                    f"'{status}'; werk de status of de aanvraagperiode bij "
                    f"({r['_path']}.aanvraagperiode)",
                    WAARSCHUWING,
                )
            )
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


def _check_termijnen(values, problems) -> None:
    """Issue 22: `<datum>_soort` and `<datum>_zekerheid` say something about a date, so that
    date is there; a deadline is one day, month or quarter, not a range; and `gezamenlijk`
    names at least two eindverantwoordelijken."""
    dates = [(r, "aanvraagperiode") for r in values.get("regelingen") or []]
    for key in ("maatregelen", "opgaven"):
        dates += [(p, "datum") for r in values.get(key) or [] for p in r.get("tijdspad") or []]
    for record, key in dates:
        periode = record.get(key)
        for extra in (f"{key}_soort", f"{key}_zekerheid"):
            if extra not in record["_loc"]:
                continue
            if key not in record["_loc"] or (periode is not None and not periode.dated):
                missing = "die ontbreekt" if key not in record["_loc"] else "er is geen datum"
                problems.append(
                    Problem(
                        record["_loc"][extra],
                        f"{record['_path']}.{extra}: zegt iets over de datum in '{key}', maar "
                        f"{missing}; haal '{extra}' weg of vul '{key}' in",
                    )
                )
        soort = record.get(f"{key}_soort")
        if soort in ("uiterlijk", "voor") and periode and periode.precisie == "periode":
            problems.append(
                Problem(
                    record["_loc"][f"{key}_soort"],
                    f"{record['_path']}.{key}_soort: '{soort}' hoort bij één datum, niet "
                    f"bij de reeks '{periode.notatie}'; kies 'moment' of 'periode'",
                )
            )
    for m in values.get("maatregelen") or []:
        if "gezamenlijk" in m["_loc"] and len(m.get("eindverantwoordelijken") or []) < 2:
            problems.append(
                Problem(
                    m["_loc"]["gezamenlijk"],
                    f"{m['_path']}.gezamenlijk: hoort bij twee of meer eindverantwoordelijken, "
                    "die de handreiking samen noemt",
                )
            )


def _check_zoekwoorden(values, pages, problems) -> None:
    """Issue 22: a search word belongs to one group, and each group has a word that the
    handreiking itself uses (otherwise the group finds nothing)."""
    groups = values.get("zoekwoorden") or []
    if not groups:
        return
    text = " ".join(_texts({k: v for k, v in values.items() if k != "zoekwoorden"}))
    text = (text + " " + " ".join(p.get("body", "") for p in pages)).casefold()
    seen: dict[str, int] = {}
    for number, group in enumerate(groups):
        words = group.get("woorden") or []
        at = group["_loc"].get("woorden", group["_at"])
        for word in words:
            key = " ".join(word.casefold().split())
            if key in seen:
                problems.append(
                    Problem(
                        at,
                        f"{group['_path']}.woorden: '{word}' staat al in zoekwoorden"
                        f"[{seen[key]}]; een woord hoort in één groep (voeg de groepen samen)",
                    )
                )
            seen.setdefault(key, number)
        if words and not any(" ".join(w.casefold().split()) in text for w in words):
            problems.append(
                Problem(
                    at,
                    f"{group['_path']}.woorden: geen van deze woorden staat in de handreiking, "
                    "dus zoeken erop vindt niets; zet er een woord bij dat in de tekst staat",
                    WAARSCHUWING,
                )
            )


def _texts(value: Any):
    """Every text in checked values (for what the handreiking says, in any field)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if not key.startswith("_"):
                yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def _check_aliases(values, known, problems) -> None:
    for key, kind in RENAMEABLE:
        seen: dict[str, str] = {}
        for record in values.get(key) or []:
            for index, old in enumerate(record.get("vorige_ids", [])):
                location = record["_loc"]["vorige_ids"]
                path = f"{record['_path']}.vorige_ids[{index}]"
                if old in reserved_ids(kind):
                    problems.append(
                        Problem(
                            location,
                            f"{path}: '{old}' kan geen vorige id zijn: het webadres "
                            f"/{FOLDERS[kind]}/{old}/ is van een pagina die de site zelf maakt",
                        )
                    )
                elif old in known[kind]:
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
