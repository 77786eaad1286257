"""Rules across records: ids, references, and the handreiking's own rules.

`check_ids` and `check_refs` hold every id to be unique and every reference to name one;
`check_records` applies the rules that span fields or records (a maatregel on its way has a
tijdspad, a part is not larger than the whole, a search word in one group, ...). Each adds
what it finds to the list of problems; none raises for bad content.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import Any

from ..base.dates import Termijn
from ..base.problems import OVERDUE, WAARSCHUWING, Location, Problem
from ..base.urls import FOLDERS, RENAMEABLE, reserved_ids
from .kinds.checks import did_you_mean
from .model import OPEN, verlopen


def check_ids(ids, problems) -> dict[str, dict[str, Location]]:
    """Every id is its kind's only one and no address of the site's own; the ids per kind."""
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


def check_refs(refs, known, problems) -> None:
    """Every reference names an id of its kind (`known`: check_ids' ids)."""
    for kind, value, location, path in refs:
        if value not in known[kind]:
            hint = did_you_mean(value, sorted(known[kind]))
            problems.append(Problem(location, f"{path}: onbekende {kind} '{value}'{hint}"))


def check_records(values, known, pages, peildatum: date, problems) -> None:
    """The handreiking's own rules across the checked records (`known`: check_ids' ids)."""
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
        _check_aanvraagperiode(r, peildatum, problems)
        if isinstance(r.get("bedrag"), dict):
            _check_bedrag(r, by_id, problems)


def _check_aanvraagperiode(r, peildatum: date, problems) -> None:
    """A regeling whose aanvraagperiode is over while its status still offers it (verlopen)."""
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


def _check_bedrag(r, by_id, problems) -> None:
    """A bedrag that is part of another regeling's (soort 'deel-van') names that regeling,
    which is not the regeling itself, and is not larger than the whole."""
    bedrag = r["bedrag"]
    path = f"{r['_path']}.bedrag"
    parent_id = bedrag.get("deel_van")
    if bedrag.get("soort") == "deel-van" and not parent_id:
        problems.append(
            Problem(
                bedrag["_at"],
                f"{path}: bij soort 'deel-van' hoort 'deel_van:' met de id van de grotere regeling",
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
        return
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
