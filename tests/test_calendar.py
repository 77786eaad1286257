"""The mijlpalen calendar of a real build, parsed back with icalendar and compared to the model."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
import yaml
from icalendar import Calendar

from conftest import BUILD_DATE, ROOT
from generator.outputs.ical import ICS_FILE
from generator.site.build import load

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


@pytest.fixture(scope="module")
def model(built_project):
    return load(built_project, BUILD_DATE)[1]


@pytest.fixture(scope="module")
def calendar(site_dir) -> Calendar:
    return Calendar.from_ical((site_dir / ICS_FILE).read_bytes())


@pytest.fixture(scope="module")
def events(calendar):
    return calendar.walk("VEVENT")


def test_calendar_header(calendar, model):
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == f"Mijlpalen {model.editie.titel}"
    assert str(calendar["PRODID"]).startswith("-//")


def test_one_all_day_event_per_mijlpaal_in_order(events, model):
    assert len(events) == len(model.mijlpalen) > 20
    assert len({str(e["UID"]) for e in events}) == len(events)
    for event, p in zip(events, model.mijlpalen, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and type(end) is date, "all-day: VALUE=DATE, no time"
        assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert (start, end) == (p.datum.einde, p.datum.einde + timedelta(days=1)), p.datum
        url = (
            f"{SITE_URL}{'maatregelen' if p.eigenaar_kind == 'maatregel' else 'opgaven'}/"
            f"{p.eigenaar_id}/"
        )
        assert str(event["URL"]) == url
        description = str(event["DESCRIPTION"])
        assert p.tekst in description and url in description and p.termijn.words in description
        assert str(event["SUMMARY"]).startswith(p.eigenaar_titel)
        assert event.decoded("DTSTAMP") == datetime(2021, 6, 15, tzinfo=UTC)


def _event(events, uid_start: str):
    found = [e for e in events if str(e["UID"]).startswith(uid_start)]
    assert len(found) == 1, uid_start
    return found[0]


def test_a_coarser_mijlpaal_is_one_day_at_the_end_of_its_period(events):
    quarter = _event(events, "maatregel-tussenvoorzieningen-2021-q1@")
    assert (quarter.decoded("DTSTART"), quarter.decoded("DTEND")) == (
        date(2021, 3, 31),
        date(2021, 4, 1),
    )
    # Issue 22: BZK "werkt in het eerste kwartaal" the possibilities out: no deadline, a period
    assert str(quarter["SUMMARY"]) == "Tussenvormen huisvesting (eerste kwartaal 2021) · verlopen"
    assert "de periode januari t/m maart 2021" in str(quarter["DESCRIPTION"])
    month = _event(events, "maatregel-tussenvoorzieningen-2021-04@")
    assert (month.decoded("DTSTART"), month.decoded("DTEND")) == (
        date(2021, 4, 30),
        date(2021, 5, 1),
    )
    day = _event(events, "opgave-huisvesting-2021-04-01@")
    assert (day.decoded("DTSTART"), day.decoded("DTEND")) == (date(2021, 4, 1), date(2021, 4, 2))
    # "Vaststelling en publicatie vinden uiterlijk op 1 april 2021 plaats" (4.1): stated
    assert str(day["SUMMARY"]) == (
        "Huisvesting vergunninghouders (uiterlijk 1 april 2021) · verlopen"
    )
    span = _event(
        events, "maatregel-middelen-huisvesting-aandachtsgroepen-vergunninghouders-2021-q2-2021-q3@"
    )
    assert (span.decoded("DTSTART"), span.decoded("DTEND")) == (
        date(2021, 9, 30),
        date(2021, 10, 1),
    )
    # "zal in het tweede/derde kwartaal de regeling open worden gesteld" (4.3.2): an opening,
    # one quarter or the other, planned; it has no end date
    assert str(span["SUMMARY"]).endswith("(geplande opening in het tweede of derde kwartaal 2021)")
    assert "Wat dan opengaat, heeft geen einddatum" in str(span["DESCRIPTION"])


def test_uids_come_from_ids_and_notation(events, model):
    """Stable across builds: a calendar that subscribed updates events instead of doubling."""
    domain = SITE_URL.split("//")[1].rstrip("/")
    for event, p in zip(events, model.mijlpalen, strict=True):
        notation = re.sub(r"[^a-z0-9]+", "-", p.datum.notatie.lower()).strip("-")
        assert str(event["UID"]).startswith(f"{p.eigenaar_kind}-{p.eigenaar_id}-{notation}")
        assert str(event["UID"]).endswith(f"@{domain}")


def test_eind_2021_is_one_day_at_the_end_of_the_last_quarter(events):
    """Issue 13: 'eind 2021' is October to December, shown on 31 December, not from 1 January."""
    eind = _event(events, "maatregel-inzet-bestuurlijke-aanjager-eind-2021@")
    assert (eind.decoded("DTSTART"), eind.decoded("DTEND")) == (
        date(2021, 12, 31),
        date(2022, 1, 1),
    )
    assert str(eind["SUMMARY"]).endswith("(naar verwachting eind 2021)")
    assert "de periode oktober t/m december 2021" in str(eind["DESCRIPTION"])


def test_no_title_says_uiterlijk_unless_the_text_states_a_deadline(events, model):
    """Issue 22: 'naar verwachting', 'beoogd' and 'gepland' stay what they are; only a mijlpaal
    the editors recorded as a stated deadline (datum_soort: uiterlijk) is called "uiterlijk",
    and an inferred date says "afgeleid", an overdue one "verlopen"."""
    for event, p in zip(events, model.mijlpalen, strict=True):
        title = str(event["SUMMARY"])
        assert ("uiterlijk" in title) == (p.datum_soort == "uiterlijk"), title
        assert ("afgeleid" in title) == bool(p.afgeleid), title
        assert title.endswith(" · verlopen") == p.is_overdue(BUILD_DATE), title
    aanjager = _event(events, "maatregel-inzet-bestuurlijke-aanjager-2021-zomer@")
    assert str(aanjager["SUMMARY"]) == "Bestuurlijke aanjager (naar verwachting zomer 2021)"
    start = _event(events, "maatregel-financiele-impuls-versneld-huisvesten-vergunninghouders-")
    assert "(beoogd begin tweede kwartaal 2021)" in str(start["SUMMARY"])
