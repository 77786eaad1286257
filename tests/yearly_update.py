"""A realistic yearly content update, applied to any valid content the way an editor would.

Issue 11: the reason the handreiking is kept as YAML is the yearly actualisation as a pull
request, and a correct content PR must never turn the suite red. This module makes that PR
on a copy of a project: it publishes the current edition if that was not done yet, then

- ends a maatregel (status afgerond);
- changes an eindverantwoordelijke;
- changes an amount and an aanvraagperiode;
- renames a maatregel's id (the old id goes into vorige_ids);
- adds a maatregel, two regelingen with their amounts (one with a Staatscourant kenmerk),
  and a Kamerbrief with a bijlage as bron that a maatregel now links;
- marks a mijlpaal as reached (`bereikt: ja`);
- lets time pass: at the new peildatum mijlpalen of maatregelen still in preparation lie in
  the past without anyone editing them;
- moves content/editie.yaml to the next year and publishes that edition, with the changes the
  content already had since the last edition (they are in its changelog too).

Records are picked by rule, never by id or title, and every edit is made where the loader
found the value, so the update follows whatever the content is. `Plan` records what was
changed and the sentences the changelog must show for it. Run it as a script to look at the
result: `python tests/yearly_update.py /tmp/editie-volgend-jaar`.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tests"):  # also when run as a script
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from conftest import handreiking_in_process  # noqa: E402
from generator.base.dates import Periode  # noqa: E402
from generator.base.problems import Location  # noqa: E402
from generator.content.model import SOORT_BEDRAG_LABELS  # noqa: E402
from generator.content.validate import check_project  # noqa: E402
from generator.history.diff import vergelijk  # noqa: E402
from generator.history.editions import as_text, content_of  # noqa: E402
from generator.history.snapshots import read_snapshot  # noqa: E402
from generator.history.wording import sentences  # noqa: E402
from generator.outputs.render import euro  # noqa: E402

NOT_YET = ("in-voorbereiding", "voornemen")
STATUS_WORDS = {"in-voorbereiding": "in voorbereiding", "voornemen": "voornemen"}
VASTGESTELD_DOOR = "de Landelijke Regietafel"


@dataclass
class Plan:
    """What the update changed, and the sentences the changelog must show for it."""

    oud_jaar: int = 0
    nieuw_jaar: int = 0
    datum: date = date.min  # the new edition's peildatum month, day 1: build date of the tests
    nieuw_id: str = ""
    beeindigd_id: str = ""
    hernoemd_oud: str = ""
    hernoemd_nieuw: str = ""
    bedrag_regeling: str = ""
    periode_regeling: str = ""
    eigenaar_id: str = ""
    bron_id: str = ""
    bron_maatregel: str = ""
    nieuwe_regelingen: tuple[str, ...] = ()
    gehaald_id: str = ""
    lines: list[str] = field(default_factory=list)


def _publish(project: Path, jaar: int, datum: date, *extra: str) -> None:
    result = handreiking_in_process(
        "editie", "publiceer", str(jaar), *extra, root=project, datum=datum
    )
    assert result.returncode == 0, result.stdout + result.stderr


class _Edits:
    """Edits at the places the loader found values, applied bottom-up per file."""

    def __init__(self, project: Path, files: dict[str, str]):
        self.project, self.files = project, files
        self.replace: dict[Path, list[tuple[Location, str]]] = {}
        self.insert: dict[Path, list[tuple[int, str]]] = {}  # before line n (1-based)
        self.append: dict[Path, list[str]] = {}

    def path(self, key: str) -> Path:
        return self.project / self.files[key]

    def value(self, key: str, at: Location, text: str) -> None:
        """Replace the one-line value that starts at `at` (up to the end of its line)."""
        self.replace.setdefault(self.path(key), []).append((at, text))

    def field(self, key: str, record: dict, text: str) -> None:
        """Add the field `text` to `record`, on the line after its first field."""
        at = record["_at"]  # the block's first key: its column is the fields' indent
        self.insert.setdefault(self.path(key), []).append(
            (at.line + 1, " " * (at.column - 1) + text)
        )

    def record(self, key: str, yaml_text: str) -> None:
        self.append.setdefault(self.path(key), []).append(yaml_text)

    def apply(self) -> None:
        for path in sorted(set(self.replace) | set(self.insert) | set(self.append)):
            lines = path.read_text(encoding="utf-8").split("\n")
            for at, text in self.replace.get(path, []):
                line = lines[at.line - 1]
                lines[at.line - 1] = line[: at.column - 1] + text
            for number, text in sorted(self.insert.get(path, []), reverse=True):
                lines.insert(number - 1, text)
            body = "\n".join(lines).rstrip("\n") + "\n"
            for record in self.append.get(path, []):
                body += "\n" + record.strip("\n") + "\n"
            path.write_text(body, encoding="utf-8")


def _one_line(lines_of: dict[str, list[str]], key: str, at: Location) -> bool:
    """The value at `at` is written on its own line (a plain scalar or a [flow, list])."""
    return lines_of[key][at.line - 1][at.column - 1 :].strip() not in ("", "|", ">", "|-", ">-")


def _shift_year(notatie: str) -> str:
    """Every four-digit year in a date notation one higher."""
    return re.sub(r"\b(\d{4})\b", lambda m: str(int(m[1]) + 1), notatie)


def apply_update(project: Path) -> Plan:
    """Make the yearly update on `project` (a copy of a project); see the module docstring."""
    before = check_project(project, date.today())
    assert not before.errors, before.errors
    editie = before.values["editie"]
    plan = Plan(oud_jaar=editie["jaar"], nieuw_jaar=editie["jaar"] + 1)
    peildatum = Periode.parse(f"{plan.nieuw_jaar}-02")
    plan.datum = peildatum.begin
    published = project / "content/edities" / f"{plan.oud_jaar}.yaml"
    if not published.exists():
        _publish(project, plan.oud_jaar, editie["peildatum"].einde)
    else:
        plan.lines += _pending(published, before)

    checked = check_project(project, plan.datum)
    assert not checked.errors, checked.errors
    values = checked.values
    lines_of = {
        key: (project / path).read_text(encoding="utf-8").split("\n")
        for key, path in checked.files.items()
    }
    maatregelen = values["maatregelen"]
    names = {o["id"]: o.get("afkorting") or o["naam"] for o in values["organisaties"]}
    edits = _Edits(project, checked.files)

    ended = next(m for m in maatregelen if m["status"] in NOT_YET)
    plan.beeindigd_id = ended["id"]
    edits.value("maatregelen", ended["_loc"]["status"], "afgerond")
    plan.lines.append(
        f"Maatregel {_title(ended)}: afgerond (was: {STATUS_WORDS[ended['status']]})."
    )

    owner = next(
        m
        for m in maatregelen
        if m is not ended
        and len(m.get("eindverantwoordelijken", [])) == 1
        and _one_line(lines_of, "maatregelen", m["_loc"]["eindverantwoordelijken"])
    )
    previous_owner = owner["eindverantwoordelijken"][0]
    new_owner = next(
        o["id"]
        for o in values["organisaties"]
        if o["soort"] == "rijk"
        and o["id"] != previous_owner
        and o["id"] not in owner.get("betrokkenen", [])
    )
    plan.eigenaar_id = owner["id"]
    edits.value("maatregelen", owner["_loc"]["eindverantwoordelijken"], f"[{new_owner}]")
    plan.lines.append(
        f"Maatregel {_title(owner)}: eindverantwoordelijke was {names[previous_owner]}, "
        f"nu {names[new_owner]}."
    )

    regeling = next(
        r for r in values["regelingen"] if r.get("bedrag") and r["bedrag"]["soort"] != "deel-van"
    )
    old_amount = regeling["bedrag"]["waarde"]
    new_amount = old_amount + 10_000_000
    plan.bedrag_regeling = regeling["id"]
    edits.value("regelingen", regeling["bedrag"]["_loc"]["waarde"], str(new_amount))
    soort = SOORT_BEDRAG_LABELS[regeling["bedrag"]["soort"]]
    plan.lines.append(
        f"Regeling {_title(regeling)}: bedrag van {euro(old_amount)} {soort} naar "
        f"{euro(new_amount)} {soort}."
    )

    periode = next(
        (r for r in values["regelingen"] if r.get("aanvraagperiode") and r is not regeling),
        None,
    )
    if periode is not None:
        plan.periode_regeling = periode["id"]
        shifted = Periode.parse(_shift_year(periode["aanvraagperiode"].notatie))
        edits.value("regelingen", periode["_loc"]["aanvraagperiode"], f'"{shifted.notatie}"')
        plan.lines.append(
            f"Regeling {_title(periode)}: aanvraagperiode van "
            f"{periode['aanvraagperiode'].words} naar {shifted.words}."
        )

    renamed = next(
        m
        for m in maatregelen
        if m["status"] == "beschikbaar" and m is not owner and not m.get("vorige_ids")
    )
    plan.hernoemd_oud, plan.hernoemd_nieuw = renamed["id"], f"{renamed['id']}-{plan.nieuw_jaar}"
    edits.value("maatregelen", renamed["_loc"]["id"], plan.hernoemd_nieuw)
    edits.field("maatregelen", renamed, f"vorige_ids: [{plan.hernoemd_oud}]")
    plan.lines.append(
        f"Maatregel {_title(renamed)}: nieuw adres "
        f"/maatregelen/{plan.hernoemd_nieuw}/ (was /maatregelen/{plan.hernoemd_oud}/; "
        "het oude adres stuurt door)."
    )

    # A new Kamerbrief, with a bijlage, that an existing maatregel now links.
    plan.bron_id = f"kamerbrief-voortgang-{plan.nieuw_jaar}"
    bron_titel = "Kamerbrief over de voortgang van de huisvesting van vergunninghouders"
    kenmerk = f"TK, vergaderjaar {plan.oud_jaar}–{plan.nieuw_jaar}, 19 637, nr. 2800"
    edits.record(
        "bronnen",
        f"""
  - id: {plan.bron_id}
    titel: {bron_titel}
    soort: kamerstuk
    kenmerk: {kenmerk}
    datum: "{plan.oud_jaar}-12-10"
    url: https://zoek.officielebekendmakingen.nl/kst-19637-2800.html
    bijlagen:
      - titel: Monitor huisvesting vergunninghouders
        url: https://zoek.officielebekendmakingen.nl/blg-2800.pdf
""",
    )
    plan.lines.append(
        f"Bron {bron_titel}: nieuw opgenomen (kamerstuk; kenmerk: {kenmerk}; datum: 10 december "
        f"{plan.oud_jaar})."
    )
    linker = next(
        m
        for m in maatregelen
        if m.get("bronnen")
        and m not in (ended, owner, renamed)
        and _one_line(lines_of, "maatregelen", m["_loc"]["bronnen"])
    )
    plan.bron_maatregel = linker["id"]
    edits.value(
        "maatregelen",
        linker["_loc"]["bronnen"],
        f"[{', '.join([*linker['bronnen'], plan.bron_id])}]",
    )
    plan.lines.append(f"Maatregel {_title(linker)}: bronnen: ‘{bron_titel}’ toegevoegd.")

    # A mijlpaal that was reached: the editor marks it, and says what happened.
    def open_mijlpalen(m: dict) -> list[dict]:  # dated and not marked yet
        return [p for p in m.get("tijdspad", []) if "bereikt" not in p and p["datum"].dated]

    reached_in = next(
        m for m in maatregelen if m not in (ended, owner, renamed, linker) and open_mijlpalen(m)
    )
    mijlpaal = open_mijlpalen(reached_in)[0]
    plan.gehaald_id = reached_in["id"]
    edits.field("maatregelen", mijlpaal, "bereikt: ja")
    plan.lines.append(
        f"Maatregel {_title(reached_in)}: mijlpaal ‘{sentences(mijlpaal['tekst'])}’ gehaald "
        f"({mijlpaal['datum'].words})."
    )

    # Two new regelingen with their amounts, in the opgave of the first one.
    verstrekker = regeling["verstrekker"]
    opgave = regeling["opgave"]
    sectie = regeling["sectie"]
    specifiek = f"specifieke-uitkering-huisvesting-{plan.nieuw_jaar}"
    impuls = f"impuls-flexwonen-{plan.nieuw_jaar}"
    plan.nieuwe_regelingen = (specifiek, impuls)
    edits.record(
        "regelingen",
        f"""
  - id: {specifiek}
    titel: Regeling specifieke uitkering huisvesting aandachtsgroepen {plan.nieuw_jaar}
    kenmerk: Staatscourant {plan.nieuw_jaar}, 12345
    sectie: "{sectie}"
    opgave: {opgave}
    verstrekker: {verstrekker}
    samenvatting: >-
      Een specifieke uitkering aan gemeenten voor de huisvesting van aandachtsgroepen,
      waaronder vergunninghouders.
    bedrag:
      waarde: 40000000
      soort: eenmalig
    doelgroep: Gemeenten die huisvesting voor aandachtsgroepen realiseren
    aanvraagperiode: "{plan.nieuw_jaar}-04-01..{plan.nieuw_jaar}-06-30"
    status: beschikbaar
    bronnen: [{plan.bron_id}]

  - id: {impuls}
    titel: Impuls flexwonen {plan.nieuw_jaar}
    sectie: "{sectie}"
    opgave: {opgave}
    verstrekker: {verstrekker}
    samenvatting: Geld voor gemeenten die flexibele woningen bouwen.
    bedrag:
      waarde: 25000000
      soort: per-jaar
    doelgroep: Gemeenten
    status: in-voorbereiding
""",
    )
    giver = names[verstrekker]
    jaar = plan.nieuw_jaar
    plan.lines += [
        f"Regeling Impuls flexwonen {jaar}: nieuw opgenomen (€ 25 miljoen per jaar; verstrekker: "
        f"{giver}; status: in voorbereiding).",
        f"Regeling specifieke uitkering huisvesting aandachtsgroepen {jaar}: nieuw opgenomen "
        f"(€ 40 miljoen eenmalig; verstrekker: {giver}; kenmerk: Staatscourant {jaar}, 12345; "
        f"aanvraagperiode: 1 april t/m 30 juni {jaar}; status: beschikbaar).",
    ]

    plan.nieuw_id = f"kennisbank-tussenvoorzieningen-{plan.nieuw_jaar}"
    nieuwe_sectie = _free_sectie(values, ended["opgave"])
    edits.record(
        "maatregelen",
        f"""
  - id: {plan.nieuw_id}
    titel: Kennisbank tussenvoorzieningen {plan.nieuw_jaar}
    opgave: {ended["opgave"]}
    sectie: "{nieuwe_sectie}"
    samenvatting: Voorbeelden van gemeenten die vergunninghouders tijdelijk huisvesten.
    beschrijving: |
      De kennisbank verzamelt voorbeelden van tussenvoorzieningen uit {plan.oud_jaar}.
    status: beschikbaar
    eindverantwoordelijken: [{new_owner}]
    regelingen: [{specifiek}]
""",
    )
    plan.lines.append(
        f"Maatregel Kennisbank tussenvoorzieningen {plan.nieuw_jaar}: nieuw opgenomen "
        f"(paragraaf {nieuwe_sectie}; status: beschikbaar; "
        f"eindverantwoordelijke: {names[new_owner]})."
    )

    edits.value("editie", editie["_loc"]["jaar"], str(plan.nieuw_jaar))
    edits.value(
        "editie",
        editie["_loc"]["titel"],
        editie["titel"].replace(str(plan.oud_jaar), str(plan.nieuw_jaar)),
    )
    edits.value("editie", editie["_loc"]["peildatum"], f'"{peildatum.notatie}"')
    vastgesteld = [f"{plan.nieuw_jaar}-03-01", VASTGESTELD_DOOR]
    flags = ["--vastgesteld", vastgesteld[0], "--door", vastgesteld[1]]
    if "vastgesteld" in editie:  # the last edition's: the editor writes this one's in its place
        where = editie["vastgesteld"]["_loc"]
        edits.value("editie", where["datum"], f'"{vastgesteld[0]}"')
        edits.value("editie", where["door"], vastgesteld[1])
        flags = []
    edits.apply()

    after = check_project(project, plan.datum)
    assert not after.errors, after.errors
    _publish(project, plan.nieuw_jaar, plan.datum, *flags)
    return plan


def _pending(published: Path, checked) -> list[str]:
    """The changes the content already had since its last edition (a new begrip, an edited
    page): the new edition publishes them too. The edition's own record is left out: the
    update changes it, and its lines are the update's."""
    snapshot, problems = read_snapshot(published, published.name)
    assert snapshot is not None and not problems, problems
    old = {k: v for k, v in snapshot.inhoud.items() if k != "editie"}
    new = {k: v for k, v in as_text(content_of(checked)).items() if k != "editie"}
    return [w.zin for w in vergelijk(old, new)]


def _title(record: dict) -> str:
    return " ".join(record["titel"].split())


def _free_sectie(values: dict, opgave_id: str) -> str:
    """A paragraph number in the opgave's chapter that no maatregel uses yet."""
    hoofdstuk = next(o["hoofdstuk"] for o in values["opgaven"] if o["id"] == opgave_id)
    used = {m["sectie"] for m in values["maatregelen"]}
    number = 90
    while f"{hoofdstuk}.{number}" in used:
        number += 1
    return f"{hoofdstuk}.{number}"


if __name__ == "__main__":
    from conftest import copy_project

    target = copy_project(Path(sys.argv[1]), content=ROOT)
    result = apply_update(target)
    print("\n".join(result.lines))
