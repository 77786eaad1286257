"""Follow one subject (issue 24): an Atom feed and a calendar per opgave and per organisatie.

The feed of a subject lists every change that touches it (history/subjects.py decides which),
each dated by when it reached the site (history/arrivals.py), newest first, linking the
record's page and its section of /wijzigingen/. Nothing is compared here: the history did
that once. The calendar of a subject holds its mijlpalen under the rules of the site's
calendar (`ical`), the hedges included.

Addresses sit beside the subject's page, so a reader finds them from it:

    opgaven/<id>/feed.xml         organisaties/<id>/feed.xml
    opgaven/<id>/mijlpalen.ics    organisaties/<id>/mijlpalen.ics

A subject without a dated mijlpaal has no calendar (a calendar without an event is not valid
iCalendar); its page then says so.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from urllib.parse import urlsplit

from markupsafe import escape

from ..base.dates import dutch_date
from ..base.settings import Settings
from ..base.urls import FOLLOW_CALENDAR, FOLLOW_FEED, base_url, url_of
from ..content.model import Handreiking, Mijlpaal
from ..history.model import History
from . import ical
from .feed import ATOM, AUTHOR, CHANGELOG_URL, atom_name, atom_text

KINDS = ("opgave", "organisatie")
TAG_YEAR = 2021  # the year the site's host first published the handreiking (tag URIs)


@dataclass(frozen=True)
class Volgen:
    """What a reader can follow of one subject: its feed and, when it has one, its calendar."""

    kind: str  # opgave | organisatie
    id: str
    naam: str  # 'Inburgering', 'Ministerie van Sociale Zaken en Werkgelegenheid (SZW)'
    feed: str  # site path: 'opgaven/inburgering/feed.xml'
    agenda: str | None  # site path of its calendar, None without dated mijlpalen
    aantal: int  # entries in the feed
    mijlpalen: int  # events in the calendar

    @property
    def pagina(self) -> str:
        return url_of(self.kind, self.id)


def feed_path(kind: str, id_: str) -> str:
    return url_of(kind, id_) + FOLLOW_FEED


def calendar_path(kind: str, id_: str) -> str:
    return url_of(kind, id_) + FOLLOW_CALENDAR


def subjects(h: Handreiking) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(kind, id, name, every id it had) of every subject, opgaven first, in page order."""
    found = [
        ("opgave", o.id, o.titel, (o.id, *(o.vorige_ids or ())))
        for o in sorted(h.opgaven.values(), key=lambda o: (o.volgorde, o.id))
    ]
    found += [
        ("organisatie", o.id, _org_name(o), (o.id, *(o.vorige_ids or ())))
        for o in sorted(h.organisaties.values(), key=lambda o: o.naam.casefold())
    ]
    return found


def _org_name(o) -> str:
    return f"{o.naam} ({o.afkorting})" if o.afkorting and o.afkorting not in o.naam else o.naam


def mijlpalen_of(h: Handreiking, kind: str, id_: str) -> list[Mijlpaal]:
    """The dated mijlpalen of an opgave (its own and its maatregelen's) or of an organisatie
    (of the maatregelen it is eindverantwoordelijk for or involved in), in timeline order."""

    def belongs(p: Mijlpaal) -> bool:
        if p.eigenaar_kind == kind == "opgave":
            return p.eigenaar_id == id_
        if p.eigenaar_kind != "maatregel" or p.eigenaar_id not in h.maatregelen:
            return False
        m = h.maatregelen[p.eigenaar_id]
        if kind == "opgave":
            return m.opgave == id_
        return id_ in (*m.eindverantwoordelijken, *m.betrokkenen)

    return [p for p in h.mijlpalen if p.datum.dated and belongs(p)]


def follow_files(
    h: Handreiking, settings: Settings, history: History
) -> tuple[dict[str, bytes], list[Volgen]]:
    """Every subject's feed and calendar, and what the pages say about them."""
    base = base_url(settings.site_url)
    host = urlsplit(base).hostname or "localhost"
    fallback = _fallback(history, h)
    files: dict[str, bytes] = {}
    volgen: list[Volgen] = []
    for kind, id_, naam, ids in subjects(h):
        wanted = {(kind, i) for i in ids}
        meldingen = [m for m in history.meldingen if m.onderwerpen & wanted]
        path = feed_path(kind, id_)
        files[path] = subject_feed(kind, id_, naam, meldingen, base, host, h, fallback)
        mijlpalen = mijlpalen_of(h, kind, id_)
        agenda = None
        if mijlpalen:
            agenda = calendar_path(kind, id_)
            wie = f"opgave {naam}" if kind == "opgave" else naam
            files[agenda] = ical.calendar(
                h,
                settings,
                mijlpalen,
                naam=f"Mijlpalen {wie} (Integrale Handreiking)",
                over=f"De mijlpalen van {wie}",
            ).to_ical()
        volgen.append(Volgen(kind, id_, naam, path, agenda, len(meldingen), len(mijlpalen)))
    return files, volgen


def _fallback(history: History, h: Handreiking) -> datetime:
    """The feed's date while nothing touched its subject: the newest edition's, stable."""
    latest = history.latest
    day = h.editie.peildatum.begin
    if latest is not None:
        periode = latest.datum
        day = periode.begin if periode else date(latest.jaar, 1, 1)
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def subject_feed(kind, id_, naam, meldingen, base, host, h, fallback) -> bytes:
    """The Atom feed (RFC 4287) of one subject's changes, as UTF-8 bytes."""
    path = feed_path(kind, id_)
    wie = f"opgave {naam}" if kind == "opgave" else naam
    ET.register_namespace("", ATOM)
    feed = ET.Element(atom_name("feed"), {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    atom_text(feed, "id", base + path)
    atom_text(feed, "title", f"Wijzigingen voor {wie} ({h.editie.titel})")
    atom_text(
        feed,
        "subtitle",
        f"Wat er in de handreiking verandert voor {wie}: nieuwe, gewijzigde, beëindigde en "
        "niet meer opgenomen maatregelen en regelingen, verschoven verantwoordelijkheden en "
        "gehaalde mijlpalen; per wijziging de dag waarop die op de site kwam.",
    )
    atom_text(feed, "updated", _stamp(max((m.datum for m in meldingen), default=fallback)))
    author = ET.SubElement(feed, atom_name("author"))
    atom_text(author, "name", AUTHOR)
    _link(feed, "self", base + path, "application/atom+xml")
    _link(feed, "alternate", base + url_of(kind, id_), "text/html")
    for melding in meldingen:
        feed.append(_entry(melding, base, host))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry(melding, base: str, host: str) -> ET.Element:
    w = melding.wijziging
    changelog = f"{base}{CHANGELOG_URL}#{melding.anker}"
    page = f"{base}{w.url}" if w.url else changelog
    entry = ET.Element(atom_name("entry"))
    atom_text(entry, "id", f"tag:{host},{TAG_YEAR}:wijziging/{melding.sleutel}")
    atom_text(entry, "title", w.zin)
    atom_text(entry, "updated", _stamp(melding.datum))
    _link(entry, "alternate", page, "text/html")
    _link(entry, "related", changelog, "text/html")
    sinds = dutch_date(melding.dag)
    atom_text(entry, "summary", f"{w.zin} Op de site sinds {sinds} ({melding.sectie}).")
    wat = "de pagina" if w.url else "de wijzigingen"
    html = (
        f"<p>{escape(w.zin)}</p><p>Op de site sinds {escape(sinds)}, in de wijzigingen van "
        f'{escape(melding.sectie)}. <a href="{escape(page)}">Bekijk {wat}</a> · '
        f'<a href="{escape(changelog)}">Alle wijzigingen van {escape(melding.sectie)}</a></p>'
    )
    ET.SubElement(entry, atom_name("content"), {"type": "html"}).text = html
    return entry


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _link(parent: ET.Element, rel: str, href: str, type_: str) -> None:
    ET.SubElement(parent, atom_name("link"), {"rel": rel, "type": type_, "href": href})
