"""The mijlpalen as an iCalendar file (RFC 5545), made with the `icalendar` library.

Every mijlpaal is one all-day event on one day, so a calendar shows it once instead of as a
banner over weeks or months:

- a mijlpaal on a day ('2021-04-01') is on that day;
- a coarser one (a month, quarter, half year, season, year or range: '2021-Q1') is on the last
  day of its period, the day after which the site calls it overdue. The description names the
  whole period ("1 januari t/m 31 maart 2021").

The title says the date as the text does (issue 22): "naar verwachting april 2021", "beoogd
begin tweede kwartaal 2021", "uiterlijk 1 april 2021" only where the handreiking states that
deadline, and it carries the marks the site shows: "afgeleid" for a date the editors inferred,
"verlopen" for one that passed without anyone updating it.

DTEND is the day after DTSTART, as RFC 5545 wants for an all-day event. Every event links to
the page of its maatregel or opgave (URL, and in the description). UIDs come from the owner's
id and the date notation, so a calendar that subscribed updates an event instead of adding a
copy; DTSTAMP is the build date, so the same content gives the same bytes.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from ..base.settings import Settings
from ..base.urls import OPEN_DATA, page_url, site_url
from ..content.model import STATUS_LABELS, Handreiking, Mijlpaal

ICS_FILE = f"{OPEN_DATA}/mijlpalen.ics"
PRODID = "-//Integrale Handreiking//Mijlpalen//NL"


def uid(p: Mijlpaal, domain: str) -> str:
    """A stable UID: 'maatregel-tussenvoorzieningen-2021-q1@integrale-handreiking.nl'."""
    notatie = re.sub(r"[^a-z0-9]+", "-", p.datum.notatie.lower()).strip("-")
    return f"{p.eigenaar_kind}-{p.eigenaar_id}-{notatie}@{domain}"


def day(p: Mijlpaal) -> date:
    """The day of the event: the mijlpaal's day, or the last day of its period."""
    return p.datum.einde


def summary(p: Mijlpaal, today: date) -> str:
    """The event title: the owner's title; the date as the text says it, unless it is just
    the day the event is on; '(afgeleid)'; and ' · verlopen' when it passed unnoticed."""
    termijn = p.termijn
    plain_day = p.datum.precisie == "dag" and termijn.words == p.datum.words
    notes = ([] if plain_day else [termijn.words]) + (["afgeleid"] if p.afgeleid else [])
    title = p.eigenaar_titel + (f" ({', '.join(notes)})" if notes else "")
    return one_line(title + (" · verlopen" if p.is_overdue(today) else ""))


def description(p: Mijlpaal, url: str, today: date) -> str:
    """What happens, when according to the handreiking (and why the editors inferred it),
    the status with the overdue mark, and the page."""
    when = f"Datum in de handreiking: {p.termijn.words}"
    if p.datum.begin != p.datum.einde:
        when += f" (de periode {p.datum.span_words}; in de agenda op de laatste dag)"
    if p.termijn.is_opening:
        when += ". Wat dan opengaat, heeft geen einddatum"
    if p.afgeleid:
        when += f". Afgeleid door de redactie: {p.afgeleid.rstrip('.')}"
    status = f"Status: {STATUS_LABELS[p.status]}.\n" if p.status else ""
    if p.is_overdue(today):
        status += (
            "Verlopen, niet bijgewerkt: de datum is voorbij en niemand heeft de mijlpaal als "
            "gehaald gemarkeerd.\n"
        )
    return _text(f"{p.tekst}\n\n{when}.\n{status}Meer informatie: {url}")


def one_line(text: str) -> str:
    """A title on one line: a CR or LF in it would end the property in some calendars."""
    return " ".join(text.split())


def _text(text: str) -> str:
    """A text with its line breaks as LF only (icalendar escapes LF; a lone CR it passes)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def calendar(
    h: Handreiking,
    settings: Settings,
    mijlpalen: list[Mijlpaal] | None = None,
    naam: str | None = None,
    over: str | None = None,
) -> Calendar:
    """One VEVENT per mijlpaal of every opgave and maatregel, in timeline order.

    `mijlpalen` narrows it to some of them (a calendar per opgave or organisatie, issue 24),
    with the calendar's name `naam` and `over` saying whose mijlpalen they are.
    """
    base = site_url(settings)
    domain = re.sub(r"^https?://", "", base).split("/")[0] or "localhost"
    stamp = datetime.combine(settings.today, time(0, 0), tzinfo=UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", naam or f"Mijlpalen {h.editie.titel}")
    cal.add(
        "x-wr-caldesc",
        f"{over or 'Alle mijlpalen'} uit de tijdspaden van de handreiking, editie {h.editie.jaar} "
        f"(stand: {h.editie.peildatum.words})"
        + (", mogelijk verouderd" if h.editie.is_verouderd(settings.today) else "")
        + f". Bron: {base}",
    )
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    cal.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    seen: dict[str, int] = {}
    for p in h.mijlpalen if mijlpalen is None else mijlpalen:
        if not p.datum.dated:  # 'geen datum genoemd': nothing to put in a calendar
            continue
        url = page_url(settings, p.eigenaar_kind, p.eigenaar_id)
        event = Event()
        key = uid(p, domain)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:  # two mijlpalen of one owner on the same date
            key = key.replace("@", f"-{seen[key]}@", 1)
        event.add("uid", key)
        event.add("dtstamp", stamp)
        event.add("dtstart", day(p))
        event.add("dtend", day(p) + timedelta(days=1))
        event.add("summary", summary(p, settings.today))
        event.add("description", description(p, url, settings.today))
        event.add("url", url)
        event.add("categories", [p.eigenaar_kind])
        event.add("transp", "TRANSPARENT")
        event.add("class", "PUBLIC")
        cal.add_component(event)
    return cal


def calendar_bytes(h: Handreiking, settings: Settings) -> bytes:
    return calendar(h, settings).to_ical()
