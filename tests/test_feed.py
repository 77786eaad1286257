"""The Atom feed: valid per RFC 4287's rules, deterministic, and linked from every page.

The projects here are generated without the PDF (HANDREIKING_PDF=0): seconds a build, and the
feed does not depend on it.
"""

from __future__ import annotations

import html.parser
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from conftest import BUILD_DATE, copy_project, refreeze_2021
from generator.history.editions import publish
from generator.site.build import generate

ATOM = "{http://www.w3.org/2005/Atom}"
REDEN = "De testkopie opnieuw vastgelegd met de inhoud van nu"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@pytest.fixture(scope="module")
def feed_bytes(tmp_path_factory) -> bytes:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HANDREIKING_PDF", "0")
        return _feed_of_two_editions(copy_project(tmp_path_factory.mktemp("feed")))


def _feed_of_two_editions(project: Path) -> bytes:
    checked, files = generate(project, date(2021, 2, 15))
    refreeze_2021(project, checked, files)
    maatregelen = project / "maatregelen.yaml"
    text = maatregelen.read_text(encoding="utf-8")
    maatregelen.write_text(text.replace("status: voornemen", "status: beschikbaar", 1), "utf-8")
    editie = project / "content/editie.yaml"
    editie.write_text(
        editie.read_text(encoding="utf-8")
        .replace("jaar: 2021", "jaar: 2022")
        .replace('"2021-02"', '"2022-02"'),
        encoding="utf-8",
    )
    checked, files = generate(project, date(2022, 3, 1))
    publish(project, 2022, checked, files)
    _, files = generate(project, date(2022, 3, 1))
    _, again = generate(project, date(2022, 3, 2))
    assert again["feed.xml"] == files["feed.xml"], "the feed must not depend on the build date"
    return files["feed.xml"]


def one(element, name):
    found = element.findall(f"{ATOM}{name}")
    assert len(found) == 1, f"{element.tag} must have exactly one {name}"
    return found[0]


def test_the_feed_follows_rfc_4287(feed_bytes):
    assert feed_bytes.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    feed = ET.fromstring(feed_bytes)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert one(feed, name).text.strip()
    assert RFC3339.match(one(feed, "updated").text)
    assert one(one(feed, "author"), "name").text  # so entries may omit their own author
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"] == "https://integrale-handreiking.nl/feed.xml"
    assert links["alternate"] == "https://integrale-handreiking.nl/wijzigingen/"
    entries = feed.findall(f"{ATOM}entry")
    ids = [one(entry, "id").text for entry in entries]
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    for entry in entries:
        assert re.match(r"^tag:integrale-handreiking\.nl,\d{4}:\S+$", one(entry, "id").text)
        assert one(entry, "title").text.strip()
        assert RFC3339.match(one(entry, "updated").text)
        alternate = [
            link
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        assert alternate and alternate[0].get("href").startswith("https://")
        content = entry.find(f"{ATOM}content")
        if content is not None:
            assert content.get("type") == "html"
            html.parser.HTMLParser().feed(content.text)
        else:
            assert one(entry, "summary").text.strip()


def test_the_feed_lists_editions_newest_first_with_one_entry_per_change(feed_bytes):
    feed = ET.fromstring(feed_bytes)
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert titles[0] == "Editie 2022: 1 wijziging"
    assert titles[1] == (
        "Maatregel Werkgroep Procesverbetering: status van voornemen naar beschikbaar."
    )
    assert titles[-1] == "Editie 2021"
    # published without --vastgesteld: the edition's date is the start of its peildatum
    assert feed.findtext(f"{ATOM}updated") == "2022-02-01T00:00:00Z"
    change = feed.findall(f"{ATOM}entry")[1]
    assert change.find(f"{ATOM}link").get("href") == (
        "https://integrale-handreiking.nl/maatregelen/werkgroep-procesverbetering/"
    )


def test_entry_ids_follow_what_changed_not_where_it_stands_in_the_list(tmp_path, monkeypatch):
    """Re-rendering an edition with one more change above an old one keeps the old one's id:
    a feed reader then shows only the new line as unread (issue 11)."""
    monkeypatch.setenv("HANDREIKING_PDF", "0")
    project = copy_project(tmp_path / "p")
    checked, files = generate(project, date(2021, 2, 15))
    refreeze_2021(project, checked, files)
    maatregelen = project / "maatregelen.yaml"
    original = maatregelen.read_text(encoding="utf-8")
    editie = project / "content/editie.yaml"
    editie.write_text(
        editie.read_text(encoding="utf-8").replace("jaar: 2021", "jaar: 2022"), encoding="utf-8"
    )

    def ids_after(text: str) -> dict[str, str]:
        maatregelen.write_text(text, encoding="utf-8")
        checked, files = generate(project, date(2022, 3, 1))
        again = (project / "content/edities/2022.yaml").exists()  # then a correction
        publish(project, 2022, checked, files, replace=again, reden=REDEN if again else None)
        _, files = generate(project, date(2022, 3, 1))
        feed = ET.fromstring(files["feed.xml"])
        return {
            e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}id")
            for e in feed.findall(f"{ATOM}entry")
        }

    one = ids_after(original.replace("status: voornemen", "status: beschikbaar", 1))
    # 'Inzet woningcorporaties' sorts before the first change; its line comes above it
    two = ids_after(
        original.replace("status: voornemen", "status: beschikbaar", 1).replace(
            "    titel: Inzet woningcorporaties\n", "    titel: Inzet van woningcorporaties\n", 1
        )
    )
    kept = [title for title in one if not title.startswith("Editie")]
    assert kept and all(one[title] == two[title] for title in kept)
    assert len(two) == len(one) + 1


def test_every_page_links_the_feed(site_dir):
    pages = sorted(site_dir.rglob("index.html"))
    linked = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue
        match = re.search(
            r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', text
        )
        assert match, page
        assert (page.parent / match[1]).resolve() == (site_dir / "feed.xml").resolve(), page
        linked += 1
    assert linked > 40


def test_the_site_serves_the_feed_of_its_editions_whatever_the_build_date(
    built_project, site_dir, monkeypatch
):
    """The fixture, built on BUILD_DATE, serves the feed of its one edition (2021, peildatum
    February 2021); generated a year later the feed is the same bytes."""
    served = (site_dir / "feed.xml").read_bytes()
    feed = ET.fromstring(served)
    assert [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")] == ["Editie 2021"]
    assert feed.findtext(f"{ATOM}updated") == "2021-02-01T00:00:00Z"
    monkeypatch.setenv("HANDREIKING_PDF", "0")
    _, files = generate(built_project, BUILD_DATE.replace(year=BUILD_DATE.year + 1))
    assert files["feed.xml"] == served
