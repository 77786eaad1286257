"""A second yearly update after the first (tests/yearly_update.py): the history across editions.

Issue 20: the handreiking lives for years. After `apply_update` published edition N+1, this
update makes edition N+3 (an editor skips a year, as 2022 -> 2024 did) with the kinds of
change that only show across editions:

- a removal: the maatregel the first update ended is deleted, with a reason in
  content/verwijderd.yaml (its address then says since when it is gone);
- a succession: a new ministry takes over tasks of a rijksorganisatie on 2 July of that year
  (`voorgangers`), and the responsibility for one of its maatregelen moves with it;
- a fact from a new bron: a law, and a maatregel stated in it (`vermeld_in`, no paragraph);
- a new begrip, and a changed prose page;
- the edition itself: new year, peildatum and vaststelling, then published;
- and then (`correct_later`) a correction: the editor finds a wrong article number in the new
  maatregel, fixes it and records the correction (`publiceer --vervang --reden`).

Records are picked by rule, never by id, so the update follows whatever the content is.
`Later` records what was changed, for the tests to find it on the site.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from yearly_update import Plan, _Edits, _one_line, _publish

from conftest import handreiking
from generator.base.dates import Periode
from generator.history.checks import check_all

CORRECTION = "In de eerste publicatie stond bij de nieuwe maatregel een verkeerd artikel."


@dataclass
class Later:
    """What the second update changed (ids and years), for the tests."""

    vorig_jaar: int = 0  # the edition of the first update
    jaar: int = 0  # this update's edition
    datum: date = date.min  # its peildatum's first day: the build date of the tests
    verwijderd_id: str = ""
    verwijderd_titel: str = ""
    voorganger_id: str = ""
    opvolger_id: str = "aenm"
    overgedragen_id: str = ""  # the maatregel whose responsibility moved
    wet_id: str = ""
    nieuw_id: str = ""  # the maatregel stated in the law
    begrip: str = "AenM"
    pagina: str = ""  # the prose page that changed
    correctie: str = CORRECTION


def apply_later_update(project: Path, first: Plan) -> Later:
    """The second update on `project`, after `first` (yearly_update.apply_update) ran on it."""
    later = Later(vorig_jaar=first.nieuw_jaar, jaar=first.nieuw_jaar + 2)
    peildatum = Periode.parse(f"{later.jaar}-09")
    later.datum = peildatum.begin
    checked = check_all(project, later.datum)
    assert not checked.errors, checked.errors
    values = checked.values
    lines_of = {
        key: (project / path).read_text(encoding="utf-8").split("\n")
        for key, path in checked.files.items()
    }
    edits = _Edits(project, checked.files)
    maatregelen = values["maatregelen"]
    texts = "\n".join("\n".join(lines) for lines in lines_of.values())

    # A removal: the maatregel the first update ended, when no text links to its page.
    removed = next(m for m in maatregelen if m["id"] == first.beeindigd_id)
    assert f"/maatregelen/{removed['id']}" not in texts and f"{removed['id']}.md" not in texts
    later.verwijderd_id, later.verwijderd_titel = removed["id"], " ".join(removed["titel"].split())
    verwijderd = project / "content" / "verwijderd.yaml"
    entry = (
        f"  - soort: maatregel\n    id: {removed['id']}\n"
        f"    reden: De maatregel is afgerond en staat niet meer in editie {later.jaar}.\n"
    )
    if verwijderd.exists() and "verwijderd: []" not in verwijderd.read_text(encoding="utf-8"):
        verwijderd.write_text(verwijderd.read_text(encoding="utf-8") + entry, encoding="utf-8")
    else:
        head = (
            verwijderd.read_text(encoding="utf-8").replace("verwijderd: []\n", "")
            if (verwijderd.exists())
            else ""
        )
        verwijderd.write_text(head + "verwijderd:\n" + entry, encoding="utf-8")

    # A succession: a new ministry takes over from a rijksorganisatie that is the one owner of
    # a maatregel, and that maatregel's responsibility moves with it.
    moved = next(
        m
        for m in maatregelen
        if m is not removed
        and len(m.get("eindverantwoordelijken", [])) == 1
        and _one_line(lines_of, "maatregelen", m["_loc"]["eindverantwoordelijken"])
        and next(
            o for o in values["organisaties"] if o["id"] == _id(m["eindverantwoordelijken"][0])
        )["soort"]
        == "rijk"
    )
    later.overgedragen_id = moved["id"]
    later.voorganger_id = _id(moved["eindverantwoordelijken"][0])
    edits.value("maatregelen", moved["_loc"]["eindverantwoordelijken"], f"[{later.opvolger_id}]")
    later.wet_id = f"wet-taken-asiel-{later.jaar}"
    edits.record(
        "bronnen",
        f"""
  - id: besluit-aenm-{later.jaar}
    titel: Besluit tot instelling van het Ministerie van Asiel en Migratie
    soort: document
    datum: "{later.jaar}-07-02"

  - id: {later.wet_id}
    titel: Wet taken asiel en migratie
    soort: wet
    kenmerk: Stb. {later.jaar}, 123
    datum: "{later.jaar}-06-01"
""",
    )
    edits.record(
        "organisaties",
        f"""
  - id: {later.opvolger_id}
    naam: Ministerie van Asiel en Migratie
    afkorting: AenM
    soort: rijk
    rol: >-
      Is sinds 2 juli {later.jaar} verantwoordelijk voor asiel en migratie, taken die het
      ministerie overnam.
    voorgangers:
      - organisatie: {later.voorganger_id}
        sinds: "{later.jaar}-07-02"
        taken: asiel, opvang en migratie
        bron: besluit-aenm-{later.jaar}
""",
    )

    # A fact from a new bron: a maatregel stated in the law, without a paragraph.
    later.nieuw_id = f"regionale-opvangplannen-{later.jaar}"
    edits.record(
        "maatregelen",
        f"""
  - id: {later.nieuw_id}
    titel: Regionale opvangplannen
    opgave: {moved["opgave"]}
    vermeld_in:
      bron: {later.wet_id}
      vindplaats: artikel 5
    samenvatting: Provincies stellen samen met gemeenten een plan op voor de opvang in hun regio.
    beschrijving: |
      De wet vraagt elke provincie om met de gemeenten een regionaal opvangplan te maken.
    status: in-voorbereiding
    eindverantwoordelijken: [{later.opvolger_id}]
    tijdspad:
      - datum: {later.jaar + 1}-Q1
        tekst: De eerste regionale plannen zijn klaar.
""",
    )

    # A new begrip, and a prose page with a paragraph more.
    edits.record(
        "begrippen",
        f"""
  - term: {later.begrip}
    betekenis: Ministerie van Asiel en Migratie
""",
    )
    page = next(
        p for p in sorted((project / "content/paginas").glob("*.md")) if "redactie" not in p.stem
    )
    later.pagina = page.stem
    page.write_text(
        page.read_text(encoding="utf-8").rstrip("\n")
        + f"\n\nSinds 2 juli {later.jaar} heeft het Ministerie van Asiel en Migratie taken op "
        "het gebied van asiel en opvang overgenomen.\n",
        encoding="utf-8",
    )

    # The edition itself: its year, title, peildatum and vaststelling.
    editie = values["editie"]
    edits.value("editie", editie["_loc"]["jaar"], str(later.jaar))
    edits.value(
        "editie",
        editie["_loc"]["titel"],
        editie["titel"].replace(str(later.vorig_jaar), str(later.jaar)),
    )
    edits.value("editie", editie["_loc"]["peildatum"], f'"{peildatum.notatie}"')
    if "vastgesteld" in editie:
        edits.value("editie", editie["vastgesteld"]["_loc"]["datum"], f'"{later.jaar}-10-01"')
    edits.apply()  # replaces values and appends records: no line above them moves
    _delete_record(project / checked.files["maatregelen"], removed)
    after = check_all(project, later.datum)
    assert not after.errors, after.errors
    _publish(project, later.jaar, later.datum)

    return later


def correct_later(project: Path, later: Later) -> None:
    """After the second update's edition was published: the editor finds the new maatregel's
    article was 6, not 5, fixes it and records the fix as a correction of that edition."""
    maatregelen = project / "maatregelen.yaml"
    text = maatregelen.read_text(encoding="utf-8")
    assert text.count("      vindplaats: artikel 5\n") == 1
    fixed = text.replace("      vindplaats: artikel 5\n", "      vindplaats: artikel 6\n")
    maatregelen.write_text(fixed, encoding="utf-8")
    result = handreiking(
        "editie",
        "publiceer",
        str(later.jaar),
        "--vervang",
        "--reden",
        CORRECTION,
        root=project,
        datum=later.datum,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _id(value) -> str:
    return value["organisatie"] if isinstance(value, dict) else value


def _delete_record(path: Path, record: dict) -> None:
    """Delete the list item `record` from its file: its '- ' line and everything indented
    under it, up to the next item or a comment at the items' own indent."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = record["_at"].line - 1  # the line of its first key, which carries the '- '
    dash = lines[start].index("- ")
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith(" " * (dash + 1))):
        end += 1
    del lines[start:end]
    path.write_text("\n".join(lines), encoding="utf-8")
