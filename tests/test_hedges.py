"""Issue 22: a fact keeps its hedge and its marks on every surface.

One inferred value and one overdue value are followed through every place they appear: the
record's page, the opgave page, the overviews, the matrix, the organisatie page, the tijdlijn,
the printed handreiking, the PDF, the calendar, the CSV files and the JSON. The fixture pins
the words; on the live content only what holds for any valid content is asserted.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from lxml import html as lxml_html

from conftest import BUILD_DATE
from generator.base.dates import Periode, Termijn
from generator.base.settings import build_date
from generator.base.urls import PDF_FILE
from generator.content.model import Mijlpaal, Regeling, verlopen
from generator.outputs.csv_cells import text_value
from generator.outputs.ical import ICS_FILE
from generator.site.build import load

INFERRED = (
    "(afgeleid"  # the mark: '(afgeleid)' or, with the reason, '(afgeleid door de redactie: …)'
)


def text_of(site: Path, url: str) -> str:
    """The visible text of a page's main content, on one line."""
    tree = lxml_html.fromstring((site / url / "index.html").read_bytes())
    main = tree.xpath("//*[@id='hoofdinhoud']")[0]
    return " ".join(main.text_content().split())


def csv_rows(site: Path, name: str) -> list[dict[str, str]]:
    text = (site / "open-data" / f"{name}.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    return [{k: text_value(v) for k, v in row.items()} for row in rows]


def ics_events(site: Path) -> list:
    return Calendar.from_ical((site / ICS_FILE).read_bytes()).walk("VEVENT")


def pdf_text(site: Path) -> str:
    found = subprocess.run(
        ["pdftotext", "-layout", str(site / PDF_FILE), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return " ".join(found.stdout.split())


def tijdlijn_list(site: Path) -> str:
    """The tijdlijn's list of mijlpalen (not the figure above it, whose labels repeat them)."""
    text = text_of(site, "tijdlijn/")
    text = text[text.index("Alle mijlpalen als lijst") :]
    return text[: text.rindex(" van de handreiking · stand:")]  # not the page's footer


def after(text: str, start: str, length: int = 400, last: bool = False) -> str:
    """The text from `start` on, `length` characters: the place one value is shown; `last`
    takes its last place (a PDF names a paragraph in its contents first)."""
    assert start in text, start
    return text[(text.rindex if last else text.index)(start) :][:length]


@pytest.fixture(scope="module")
def site(site_dir) -> Path:
    return site_dir


# --- the fixture: the words of each surface --------------------------------------------------

LRT = "LRT; in de aanloop hiernaar wordt de definitieve taakstelling 2021-II voorbereid."


def test_an_inferred_date_is_marked_on_every_surface(site):
    """The year of '15 maart a.s.' (4.1) is inferred: every surface that shows the mijlpaal
    says so, the way the tijdlijn always did."""
    opgave = text_of(site, "opgaven/huisvesting/")
    assert "15 maart 2021: " + LRT in opgave
    assert "(afgeleid door de redactie: De handreiking schrijft '15 maart a.s.'" in after(
        opgave, LRT
    )
    assert INFERRED in after(tijdlijn_list(site), LRT, 200)
    printed = text_of(site, "handreiking/volledig/")
    assert "(afgeleid door de redactie: De handreiking schrijft '15 maart a.s.'" in after(
        printed, LRT, 200
    )
    assert "(afgeleid door de redactie: De handreiking schrijft" in after(pdf_text(site), LRT)
    event = next(
        e for e in ics_events(site) if str(e["UID"]).startswith("opgave-huisvesting-2021-03-15")
    )
    assert str(event["SUMMARY"]) == "Huisvesting vergunninghouders (afgeleid) · verlopen"
    assert "Afgeleid door de redactie: De handreiking schrijft '15 maart a.s.'" in str(
        event["DESCRIPTION"]
    )
    row = next(r for r in csv_rows(site, "mijlpalen") if r["datum"] == "2021-03-15")
    assert row["afgeleid"].startswith("De handreiking schrijft '15 maart a.s.'")
    assert (row["verlopen"], row["datum_zekerheid"], row["datum_soort"]) == ("ja", "vast", "moment")
    data = json.loads((site / "open-data/handreiking.json").read_text("utf-8"))
    item = next(m for m in data["mijlpalen"] if m["datum"] == "2021-03-15")
    assert item["afgeleid"].startswith("De handreiking schrijft") and item["verlopen"] is True


def test_an_inferred_eindverantwoordelijke_is_marked_on_every_surface(site):
    """The COA is not named eindverantwoordelijk for 4.2.4: (afgeleid) wherever it is shown."""
    reason = "De handreiking noemt geen eindverantwoordelijke; het COA wijst de opvanglocaties toe"
    maatregel = text_of(site, "maatregelen/koppelen-vergunninghouders-uitplaatsingsregios/")
    assert f"Eindverantwoordelijk: COA (afgeleid door de redactie: {reason}" in maatregel
    for url in ("maatregelen/", "opgaven/huisvesting/"):
        shown = after(text_of(site, url), "Koppelen vergunninghouders en uitplaatsingsregio’s", 250)
        assert "COA (afgeleid)" in shown, url
    assert "Koppelen vergunninghouders en uitplaatsingsregio’s (4.2.4) (afgeleid" in text_of(
        site, "organisaties/coa/"
    )
    matrix = lxml_html.fromstring((site / "organisaties/index.html").read_bytes())
    cell = matrix.xpath(
        "//table[contains(@class,'hr-matrix')]//tr[th/a[@href='coa/']]"
        "/td[contains(@class,'hr-matrix--afgeleid')]"
    )
    assert len(cell) == 1 and "afgeleid door de redactie" in cell[0].text_content()
    printed = after(text_of(site, "handreiking/volledig/"), "4.2.4 Koppelen", 600)
    assert f"Eindverantwoordelijk: COA (afgeleid door de redactie: {reason}" in printed
    assert f"COA (afgeleid door de redactie: {reason}" in after(
        pdf_text(site), "4.2.4 Koppelen", 800, last=True
    )
    row = next(
        r
        for r in csv_rows(site, "maatregelen")
        if r["id"] == "koppelen-vergunninghouders-uitplaatsingsregios"
    )
    assert row["eindverantwoordelijken_afgeleid"].startswith(f"coa: {reason}")


def test_an_overdue_maatregel_and_regeling_say_verlopen_on_every_surface(site):
    """On 15 June 2021 4.2.1's first quarter is over and 4.3.1's start 'begin van het tweede
    kwartaal' has passed: the maatregel and the regeling are overdue by the same rule."""
    badge = "In voorbereiding · verlopen"
    for url in (
        "maatregelen/tussenvoorzieningen/",
        "regelingen/financiele-impuls-versneld-huisvesten/",
        "maatregelen/financiele-impuls-versneld-huisvesten-vergunninghouders/",
    ):
        assert badge in text_of(site, url), url
    for url, title in (
        ("maatregelen/", "Tussenvormen huisvesting"),
        ("regelingen/", "Financiële impuls versneld huisvesten vergunninghouders"),
        ("opgaven/huisvesting/", "Tussenvormen huisvesting"),
        ("opgaven/huisvesting/", "Financiële impuls versneld huisvesten vergunninghouders"),
        ("organisaties/bzk/", "Tussenvormen huisvesting"),
    ):
        assert badge in after(text_of(site, url), title, 200), (url, title)
    printed = after(text_of(site, "handreiking/volledig/"), "4.2.1 Tussenvormen huisvesting", 300)
    assert f"Status: {badge}" in printed
    assert f"Status: {badge}" in after(
        pdf_text(site), "4.2.1 Tussenvormen huisvesting", 300, last=True
    )
    for name, key in (
        ("maatregelen", "tussenvoorzieningen"),
        ("regelingen", "financiele-impuls-versneld-huisvesten"),
    ):
        row = next(r for r in csv_rows(site, name) if r["id"] == key)
        assert row["verlopen"] == "ja", name
    data = json.loads((site / "open-data/handreiking.json").read_text("utf-8"))
    assert next(m for m in data["maatregelen"] if m["id"] == "tussenvoorzieningen")["verlopen"]
    regeling = next(
        r for r in data["regelingen"] if r["id"] == "financiele-impuls-versneld-huisvesten"
    )
    assert regeling["verlopen"] is True
    events = [e for e in ics_events(site) if "tussenvoorzieningen-2021-q1" in str(e["UID"])]
    assert str(events[0]["SUMMARY"]).endswith(" · verlopen")
    assert "Verlopen, niet bijgewerkt" in str(events[0]["DESCRIPTION"])


def test_an_opening_is_no_period_and_has_no_end_date_anywhere(site):
    """4.3.2: 'zal in het tweede/derde kwartaal de regeling open worden gesteld'."""
    words = "geplande opening in het tweede of derde kwartaal 2021, zonder einddatum"
    for url in (
        "regelingen/middelen-huisvesting-aandachtsgroepen/",
        "regelingen/",
        "opgaven/huisvesting/",
        "handreiking/volledig/",
    ):
        text = text_of(site, url)
        assert words in text, url
        assert "tweede t/m derde kwartaal" not in text, url
    assert words in pdf_text(site)
    for row in csv_rows(site, "regelingen"):
        if row["aanvraagperiode_soort"] == "opening":
            assert row["aanvraagperiode_einde"] == "", row["id"]
            assert row["aanvraagperiode_begin"], row["id"]
    rows = [r for r in csv_rows(site, "mijlpalen") if r["datum_soort"] == "opening"]
    assert rows and all(r["datum_einde"] == "" for r in rows)
    data = json.loads((site / "open-data/handreiking.json").read_text("utf-8"))
    openings = [m for m in data["mijlpalen"] if m["datum_soort"] == "opening"]
    assert openings and all(m["einde"] is None for m in openings)
    regeling = next(
        r for r in data["regelingen"] if r["id"] == "middelen-huisvesting-aandachtsgroepen"
    )
    assert (regeling["aanvraagperiode_soort"], regeling["aanvraagperiode_zekerheid"]) == (
        "opening",
        "gepland",
    )


def test_a_hedge_stays_a_hedge_and_only_a_stated_deadline_is_uiterlijk(site):
    opgave = text_of(site, "opgaven/huisvesting/")
    assert "uiterlijk 1 april 2021: Uiterlijke datum voor vaststelling" in opgave
    assert "beoogd medio 2021: Streven dat de achterstanden" in opgave
    maatregel = text_of(site, "maatregelen/tussenvoorzieningen/")
    assert "naar verwachting april 2021: Naar verwachting is duidelijk" in maatregel
    tijdlijn = tijdlijn_list(site)
    assert "naar verwachting zomer 2021: Naar verwachting tussenrapportage" in tijdlijn
    assert "vóór 1 april 2021: Vóór 1 april 2021 wordt een eerste versie" in tijdlijn
    assert tijdlijn.count("uiterlijk ") == 1  # 4.1's 'vinden uiterlijk op 1 april 2021 plaats'


def test_a_joint_responsibility_is_shown_as_the_text_says_it(site):
    """8.2.1: the support is 'door alle overheden (…) gezamenlijk vormgegeven'."""
    said = "(samen; de handreiking zegt ‘gezamenlijk vormgegeven’)"
    assert f"JenV, BZK, SZW, VNG, IPO, COA {said}" in text_of(
        site, "maatregelen/ondersteuningsstructuur/"
    )
    assert "Ondersteuningsstructuur (8.2.1) (samen met BZK, SZW, VNG, IPO, COA;" in text_of(
        site, "organisaties/jenv/"
    )
    matrix = text_of(site, "organisaties/")
    assert "8.2.1 Ondersteuningsstructuur (samen)" in matrix.replace("\xad", "")


# --- the rule itself ------------------------------------------------------------------------------


def test_a_regeling_is_overdue_by_the_rule_of_a_maatregel():
    day = date(2021, 6, 15)
    start = Periode.parse("begin 2021-Q2")
    mijlpaal = Mijlpaal(
        datum=start, tekst="Start.", eigenaar_kind="maatregel", status="in-voorbereiding"
    )
    regeling = Regeling(
        id="r",
        titel="R",
        opgave="o",
        verstrekker="v",
        samenvatting="s",
        doelgroep="d",
        status="in-voorbereiding",
        aanvraagperiode=start,
        aanvraagperiode_soort="opening",
    )
    assert mijlpaal.is_overdue(day) and regeling.is_overdue(day)
    assert not mijlpaal.is_overdue(date(2021, 4, 5)) and not regeling.is_overdue(date(2021, 4, 5))
    opened = Regeling(**{**regeling.__dict__, "status": "beschikbaar"})
    assert not opened.is_overdue(day)  # it opened; what opened has no end
    period = Regeling(**{**opened.__dict__, "aanvraagperiode_soort": "periode"})
    assert period.is_overdue(day)  # its application period is over, yet 'beschikbaar'
    reached = Mijlpaal(**{**mijlpaal.__dict__, "bereikt": True})
    assert not reached.is_overdue(day)
    assert not verlopen("afgerond", Termijn(start), day, afgehandeld=False)


# --- any content --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def live(live_project):
    return live_project / "site", load(live_project, build_date())[1], build_date()


def test_every_inferred_mijlpaal_and_overdue_record_is_marked_everywhere(live):
    """For any content: each mijlpaal the editors inferred is '(afgeleid)' on its owner's page,
    the tijdlijn, the calendar, the CSV and the JSON; each overdue maatregel or regeling says
    'verlopen' on its page and in the open data; no calendar title says 'uiterlijk' unless
    the editors recorded a stated deadline."""
    site, h, today = live
    events = {str(e["UID"]).split("@")[0]: e for e in ics_events(site)}
    rows = csv_rows(site, "mijlpalen")
    data = json.loads((site / "open-data/handreiking.json").read_text("utf-8"))
    tijdlijn = tijdlijn_list(site)
    for index, p in enumerate(h.mijlpalen):
        row, item = rows[index], data["mijlpalen"][index]
        assert (row["tekst"], item["tekst"]) == (p.tekst, p.tekst)
        assert row["datum_woorden"] == item["woorden"] == p.termijn.words
        assert (row["verlopen"] == "ja") == item["verlopen"] == p.is_overdue(today)
        assert bool(row["afgeleid"]) == bool(item["afgeleid"]) == bool(p.afgeleid)
        if p.termijn.is_opening:
            assert row["datum_einde"] == "" and item["einde"] is None
        owner = "maatregelen" if p.eigenaar_kind == "maatregel" else "opgaven"
        shown = after(text_of(site, f"{owner}/{p.eigenaar_id}/"), f"{p.termijn.words}: {p.tekst}")
        assert (INFERRED in shown[: len(p.termijn.words) + len(p.tekst) + 60]) == bool(p.afgeleid)
        line = after(tijdlijn, f"{p.termijn.words}: {p.tekst}")
        end = len(p.termijn.words) + len(p.tekst) + len(p.eigenaar_titel) + 50
        assert (INFERRED in line[:end]) == bool(p.afgeleid), line[:end]
        if p.datum.dated:
            key = next(k for k in events if k.startswith(f"{p.eigenaar_kind}-{p.eigenaar_id}-"))
            assert key
    for event in events.values():
        title = str(event["SUMMARY"])
        if "uiterlijk" in title:
            assert any(
                p.datum_soort == "uiterlijk" and p.eigenaar_titel in title for p in h.mijlpalen
            ), title
    for kind, records in (("maatregelen", h.maatregelen), ("regelingen", h.regelingen)):
        by_id = {r["id"]: r for r in csv_rows(site, kind)}
        for record in records.values():
            overdue = record.is_overdue(today)
            assert (by_id[record.id]["verlopen"] == "ja") == overdue
            page = text_of(site, f"{kind}/{record.id}/")
            assert (" · verlopen" in page[:2000]) == overdue, record.id
            assert re.search(
                r"\buiterlijk\b", by_id[record.id].get("aanvraagperiode_woorden", "")
            ) is None or (getattr(record, "aanvraagperiode_soort", None) == "uiterlijk")


def test_the_build_date_of_the_fixture_is_what_the_words_above_assume():
    assert date(2021, 6, 15) == BUILD_DATE
