"""The mijlpalen as an iCalendar file (RFC 5545), made with the `icalendar` library.

Every mijlpaal is an all-day event over the whole period its date allows: one day for
'2021-04-01', January to March for '2021-Q1', March to July for '2021-03..2021-07'. DTEND is
the day after the last day, as RFC 5545 wants for all-day events. UIDs come from the owner's
id and the date notation, so a calendar that subscribed updates an event instead of adding a
copy; DTSTAMP is the build date, so the same content gives the same bytes.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta

from icalendar import Calendar, Event

from .export import OPEN_DATA, page_url, site_url
from .model import STATUS_LABELS, Handreiking, Mijlpaal
from .render import Settings

ICS_FILE = f"{OPEN_DATA}/mijlpalen.ics"
PRODID = "-//Integrale Handreiking//Mijlpalen//NL"


def uid(p: Mijlpaal, domain: str) -> str:
    """A stable UID: 'maatregel-tussenvoorzieningen-2021-q1@integrale-handreiking.nl'."""
    notatie = re.sub(r"[^a-z0-9]+", "-", p.datum.notatie.lower()).strip("-")
    return f"{p.eigenaar_kind}-{p.eigenaar_id}-{notatie}@{domain}"


def summary(p: Mijlpaal) -> str:
    """The event title: the owner's title and, for a period, its words."""
    if p.datum.precisie == "dag":
        return p.eigenaar_titel
    return f"{p.eigenaar_titel} ({p.datum.words})"


def calendar(h: Handreiking, settings: Settings) -> Calendar:
    """One VEVENT per mijlpaal of every opgave and maatregel, in timeline order."""
    base = site_url(settings)
    domain = re.sub(r"^https?://", "", base).split("/")[0] or "localhost"
    stamp = datetime.combine(settings.today, time(0, 0), tzinfo=UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"Mijlpalen {h.editie.titel}")
    cal.add(
        "x-wr-caldesc",
        f"Alle mijlpalen uit de tijdspaden van de handreiking, editie "
        f"{h.editie.jaar}. Bron: {base}",
    )
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    cal.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    seen: dict[str, int] = {}
    for p in h.mijlpalen:
        url = page_url(settings, p.eigenaar_kind, p.eigenaar_id)
        event = Event()
        key = uid(p, domain)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:  # two mijlpalen of one owner on the same date
            key = key.replace("@", f"-{seen[key]}@", 1)
        event.add("uid", key)
        event.add("dtstamp", stamp)
        event.add("dtstart", p.datum.begin)
        event.add("dtend", p.datum.einde + timedelta(days=1))
        event.add("summary", summary(p))
        status = f"Status: {STATUS_LABELS[p.status]}.\n" if p.status else ""
        event.add(
            "description",
            f"{p.tekst}\n\nDatum in de handreiking: {p.datum.words}.\n"
            f"{status}Meer informatie: {url}",
        )
        event.add("url", url)
        event.add("categories", [p.eigenaar_kind])
        event.add("transp", "TRANSPARENT")
        event.add("class", "PUBLIC")
        cal.add_component(event)
    return cal


def calendar_bytes(h: Handreiking, settings: Settings) -> bytes:
    return calendar(h, settings).to_ical()
