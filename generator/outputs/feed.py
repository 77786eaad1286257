"""The Atom feed (RFC 4287) of changes: one entry per published edition and one per change.

Written with xml.etree rather than feedgen: Atom needs a handful of elements, ElementTree
escapes correctly and gives byte-identical output for the same input, and feedgen would add
lxml, a generator element and a default of "now" for missing dates that we must then keep
overriding. Only published editions enter the feed: their dates are fixed, so the feed does
not change from build to build.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from datetime import date
from urllib.parse import urlsplit

from markupsafe import escape

from ..history.diff import Wijziging, per_groep
from ..history.model import History, Sectie

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"
CHANGELOG_URL = "wijzigingen/"
AUTHOR = "Redactie Integrale Handreiking (JenV, BZK, SZW, COA, VNG en IPO)"


def atom_feed(editions: History, site_url: str, titel: str, fallback: date) -> bytes:
    """The feed as UTF-8 bytes; `fallback` is its date while no edition is published yet."""
    base = site_url.rstrip("/") + "/"
    host = urlsplit(base).hostname or "localhost"
    published = [s for s in editions.secties if s.versie.gepubliceerd]
    entries = []
    for sectie in published:  # newest first
        entries.append(_edition_entry(sectie, base, host))
        for change in sectie.wijzigingen:
            entries.append(_change_entry(sectie, change, base, host))
    updated = max((_day(s) for s in published), default=fallback)

    ET.register_namespace("", ATOM)
    feed = ET.Element(atom_name("feed"), {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    atom_text(feed, "id", f"{base}{FEED_FILE}")
    atom_text(feed, "title", f"{titel}: wat is er veranderd")
    atom_text(
        feed, "subtitle", "Nieuwe, gewijzigde en beëindigde maatregelen en regelingen, per editie."
    )
    atom_text(feed, "updated", _stamp(updated))
    author = ET.SubElement(feed, atom_name("author"))
    atom_text(author, "name", AUTHOR)
    ET.SubElement(
        feed,
        atom_name("link"),
        {"rel": "self", "type": "application/atom+xml", "href": f"{base}{FEED_FILE}"},
    )
    ET.SubElement(
        feed,
        atom_name("link"),
        {"rel": "alternate", "type": "text/html", "href": f"{base}{CHANGELOG_URL}"},
    )
    for entry in entries:
        feed.append(entry)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _edition_entry(sectie: Sectie, base: str, host: str) -> ET.Element:
    jaar = sectie.versie.snapshot.jaar
    entry = ET.Element(atom_name("entry"))
    atom_text(entry, "id", f"tag:{host},{jaar}:editie-{jaar}")
    count = len(sectie.wijzigingen)
    atom_text(
        entry,
        "title",
        f"Editie {jaar}"
        + ("" if sectie.eerste else f": {count} wijziging{'' if count == 1 else 'en'}"),
    )
    atom_text(entry, "updated", _stamp(_day(sectie)))
    ET.SubElement(
        entry,
        atom_name("link"),
        {
            "rel": "alternate",
            "type": "text/html",
            "href": f"{base}{CHANGELOG_URL}#{sectie.versie.anker}",
        },
    )
    if sectie.eerste:
        summary = f"Editie {jaar} is de eerste editie op deze site."
        atom_text(entry, "summary", summary)
        return entry
    atom_text(entry, "summary", f"Wat er veranderde sinds {sectie.vorige.label}.")
    html = "".join(
        f"<h2>{escape(heading)}</h2><ul>"
        + "".join(f"<li>{escape(w.zin)}</li>" for w in items)
        + "</ul>"
        for heading, items in per_groep(sectie.wijzigingen)
    )
    ET.SubElement(entry, atom_name("content"), {"type": "html"}).text = html
    return entry


def _change_entry(sectie: Sectie, change: Wijziging, base: str, host: str) -> ET.Element:
    jaar = sectie.versie.snapshot.jaar
    entry = ET.Element(atom_name("entry"))
    # The id follows from what changed, not from its place in the list: re-rendering an
    # edition (a fix with --vervang, a new line above it) keeps every reader's 'seen' marks.
    what = hashlib.sha256(change.wat.encode("utf-8")).hexdigest()[:12]
    atom_text(entry, "id", f"tag:{host},{jaar}:editie-{jaar}/{change.kind}/{change.id}/{what}")
    atom_text(entry, "title", change.zin)
    atom_text(entry, "updated", _stamp(_day(sectie)))
    href = f"{base}{change.url}" if change.url else f"{base}{CHANGELOG_URL}#{sectie.versie.anker}"
    ET.SubElement(entry, atom_name("link"), {"rel": "alternate", "type": "text/html", "href": href})
    atom_text(entry, "summary", f"{change.zin} (editie {jaar})")
    return entry


def _day(sectie: Sectie) -> date:
    periode = sectie.versie.snapshot.datum
    return periode.begin if periode else date(sectie.versie.snapshot.jaar, 1, 1)


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_name(name: str) -> str:
    """An Atom element's qualified name ('entry' -> '{http://www.w3.org/2005/Atom}entry')."""
    return f"{{{ATOM}}}{name}"


def atom_text(parent: ET.Element, name: str, value: str) -> ET.Element:
    """A child Atom element of `parent` with `value` as its text (escaped by ElementTree)."""
    element = ET.SubElement(parent, atom_name(name))
    element.text = value
    return element
