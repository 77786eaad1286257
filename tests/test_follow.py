"""Issue 24: follow an opgave or an organisatie: its feed, its calendar, and record pages that
say when they last changed in substance.

The project is the frozen fixture in a git repository: the fixture's edition 2021 is the first
commit, the yearly update (`yearly_update.apply_update`, which publishes edition 2022) the
second, and a change after that edition a third. The expected content of each feed is read
from the YAML and from the site-wide feed, not from the code under test.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import checkout
import feedparser
import pytest
import yaml
from clients import khal_days
from icalendar import Calendar
from yearly_update import apply_update

from conftest import copy_project, handreiking
from generator.site.build import generate_all

ATOM = "{http://www.w3.org/2005/Atom}"
PUBLISHED_2021 = "2021-02-28T12:00:00+00:00"
UPDATE_MERGED = "2022-02-14T15:30:00+01:00"  # the yearly update (edition 2022) reached main
LATER = "2022-05-03T09:15:00+02:00"  # a change after edition 2022
LATER_UTC = "2022-05-03T07:15:00Z"
UNRELATED = "2022-06-20T10:00:00+02:00"
SITE = "https://integrale-handreiking.nl/"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def git(project: Path, *args: str, when: str = PUBLISHED_2021) -> str:
    return checkout.git(project, *args, when=when)


def commit(project: Path, message: str, when: str) -> None:
    git(project, "add", "-A", when=when)
    git(project, "commit", "-qm", message, when=when)


def later_change(project: Path) -> tuple[str, str, str]:
    """Make the last maatregel not yet available 'beschikbaar' (in the fixture one of another
    opgave than the yearly update touched): (id, opgave, its status before)."""
    path = project / "maatregelen.yaml"
    records = yaml.safe_load(path.read_text(encoding="utf-8"))["maatregelen"]
    target = [m for m in records if m["status"] in ("voornemen", "in-voorbereiding")][-1]
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {target['id']}\n")
    old = f"status: {target['status']}"
    at = text.index(old, start)
    path.write_text(text[:at] + "status: beschikbaar" + text[at + len(old) :], encoding="utf-8")
    return target["id"], target["opgave"], target["status"].replace("-", " ")


@pytest.fixture(autouse=True)
def _no_pdf(monkeypatch):
    """The builds in the tests leave the PDF out (seconds each; nothing here reads it). The
    module's fixtures run before this one, so they set it themselves."""
    monkeypatch.setenv("HANDREIKING_PDF", "0")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The fixture after the yearly update and one later change, each a commit."""
    root = copy_project(tmp_path_factory.mktemp("volgen") / "p")
    git(root, "init", "-q", "-b", "main")
    commit(root, "editie 2021", PUBLISHED_2021)
    before = {key: _records(root, key) for key in ("maatregelen", "regelingen")}
    with pytest.MonkeyPatch.context() as patch:  # publishing edition 2022 builds its pages
        patch.setenv("HANDREIKING_PDF", "0")
        plan = apply_update(root)
    commit(root, "jaarlijkse actualisatie, editie 2022", UPDATE_MERGED)
    changed = later_change(root)
    commit(root, "een maatregel is beschikbaar", LATER)
    return root, plan, before, changed


@pytest.fixture(scope="module")
def files(project):
    root, plan, _, _ = project
    # without the PDF (seconds, nothing here reads it); only for this build, so no other
    # module in this worker loses its PDF
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HANDREIKING_PDF", "0")
        return generate_all(root, plan.datum).files


def _records(root: Path, key: str) -> dict[str, dict]:
    name = "maatregelen.yaml" if key == "maatregelen" else f"content/{key}.yaml"
    found = {}
    for record in yaml.safe_load((root / name).read_text(encoding="utf-8"))[key]:
        for id_ in (record["id"], *(record.get("vorige_ids") or [])):
            found[id_] = record
    return found


def entries(feed: bytes) -> list[dict]:
    root = ET.fromstring(feed)
    return [
        {
            "id": e.find(f"{ATOM}id").text,
            "title": e.find(f"{ATOM}title").text,
            "updated": e.find(f"{ATOM}updated").text,
            "links": {link.get("rel"): link.get("href") for link in e.findall(f"{ATOM}link")},
        }
        for e in root.findall(f"{ATOM}entry")
    ]


def feeds(files) -> dict[str, bytes]:
    return {
        path: data
        for path, data in files.items()
        if re.fullmatch(r"(opgaven|organisaties)/[^/]+/feed\.xml", path)
    }


def calendars(files) -> dict[str, bytes]:
    return {
        path: data
        for path, data in files.items()
        if re.fullmatch(r"(opgaven|organisaties)/[^/]+/mijlpalen\.ics", path)
    }


def test_every_opgave_and_organisatie_has_a_feed_that_parses_as_atom(project, files):
    root = project[0]
    opgaven = yaml.safe_load((root / "content/opgaven.yaml").read_text("utf-8"))["opgaven"]
    orgs = yaml.safe_load((root / "content/organisaties.yaml").read_text("utf-8"))
    expected = {f"opgaven/{o['id']}/feed.xml" for o in opgaven}
    expected |= {f"organisaties/{o['id']}/feed.xml" for o in orgs["organisaties"]}
    assert set(feeds(files)) == expected
    for path, data in feeds(files).items():
        parsed = feedparser.parse(data)
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        assert parsed.version == "atom10", path
        assert parsed.feed.links[0].href == SITE + path  # self
        ids = [e.id for e in parsed.entries]
        assert len(ids) == len(set(ids)), f"{path}: an entry id twice"
        for entry, raw in zip(parsed.entries, entries(data), strict=True):
            assert RFC3339.match(raw["updated"]), path
            assert raw["links"]["alternate"].startswith(SITE)
            assert raw["links"]["related"].startswith(SITE + "wijzigingen/#")
            assert entry.title and entry.summary


def test_an_opgave_feed_lists_exactly_the_changes_that_touch_it(project, files):
    """Oracle: the edition's changes from the site-wide feed, each placed by the opgave its
    maatregel or regeling has in the YAML before or after the update."""
    root, _, before, (later_id, later_opgave, was) = project
    after = {key: _records(root, key) for key in ("maatregelen", "regelingen")}
    site_wide = [
        e
        for e in entries(files["feed.xml"])
        if ":editie-2022/" in e["id"] and not e["title"].startswith("Editie ")
    ]
    assert len(site_wide) > 5, "the yearly update must have changed several records"
    expected: dict[str, set[str]] = {}
    for e in site_wide:
        match = re.match(
            SITE + r"(maatregelen|regelingen|opgaven)/([^/]+)/$", e["links"]["alternate"]
        )
        if not match:
            continue
        key, id_ = match.groups()
        if key == "opgaven":
            opgaven = {id_}
        else:
            opgaven = {r[id_]["opgave"] for r in (before[key], after[key]) if id_ in r}
        for opgave in opgaven:
            expected.setdefault(opgave, set()).add(e["title"])
    titel = " ".join(after["maatregelen"][later_id]["titel"].split())
    later = f"Maatregel {titel}: status van {was} naar beschikbaar."
    expected.setdefault(later_opgave, set()).add(later)
    opgaven = yaml.safe_load((root / "content/opgaven.yaml").read_text("utf-8"))["opgaven"]
    assert len([o for o in opgaven if expected.get(o["id"])]) >= 2
    for opgave in opgaven:
        got = _titles(files, opgave["id"])
        assert sorted(got) == sorted(expected.get(opgave["id"], set())), opgave["id"]


def _titles(files, opgave: str) -> list[str]:
    return [e["title"] for e in entries(files[f"opgaven/{opgave}/feed.xml"])]


def test_a_change_after_the_edition_has_its_commit_date_and_the_edition_its_merge(project, files):
    _, _, _, (later_id, opgave, was) = project
    found = entries(files[f"opgaven/{opgave}/feed.xml"])
    mine = [e for e in found if e["links"]["alternate"] == f"{SITE}maatregelen/{later_id}/"]
    latest = [e for e in mine if e["links"]["related"].endswith("#na-editie-2022")]
    assert len(latest) == 1 and latest[0]["updated"] == LATER_UTC
    assert f"status van {was} naar beschikbaar" in latest[0]["title"]
    assert found[0] == latest[0], "newest first"
    edition = [
        e
        for path, data in feeds(files).items()
        for e in entries(data)
        if e["links"]["related"].endswith("#editie-2022")
    ]
    assert edition and {e["updated"] for e in edition} == {"2022-02-14T14:30:00Z"}
    page = files[f"maatregelen/{later_id}.md"]
    assert "laatst inhoudelijk gewijzigd: 3 mei 2022</strong> (na editie 2022)" in page
    assert f">3 mei 2022 (na editie 2022)</a>: status van {was} naar beschikbaar." in page


def test_rebuilds_give_the_same_bytes_and_a_later_edition_announces_nothing_twice(
    project, files, tmp_path
):
    root, plan, _, (later_id, opgave, _) = project
    follow = {**feeds(files), **calendars(files)}
    again = generate_all(root, plan.datum).files
    next_day = generate_all(root, date.fromordinal(plan.datum.toordinal() + 1)).files
    for path, data in follow.items():
        assert again[path] == data, path
        if path.endswith(".xml"):
            assert next_day[path] == data, f"{path} depends on the build date"
    # An unrelated commit, then the change published in the next edition: same id, same date.
    work = tmp_path / "p"
    subprocess.run(["cp", "-a", str(root), str(work)], check=True)
    (work / "content/begrippen.yaml").write_text(
        (work / "content/begrippen.yaml").read_text("utf-8") + "\n", "utf-8"
    )
    commit(work, "witregel", UNRELATED)
    editie = work / "content/editie.yaml"
    editie.write_text(editie.read_text("utf-8").replace("2022", "2023"), "utf-8")
    result = handreiking("editie", "publiceer", "2023", root=work, datum=date(2023, 3, 1))
    assert result.returncode == 0, result.stdout + result.stderr
    commit(work, "editie 2023", "2023-03-01T12:00:00+01:00")
    published = generate_all(work, date(2023, 3, 1)).files
    before = [e for e in entries(files[f"opgaven/{opgave}/feed.xml"]) if later_id in e["id"]]
    now = [e for e in entries(published[f"opgaven/{opgave}/feed.xml"]) if later_id in e["id"]]
    assert [(e["id"], e["updated"]) for e in now] == [(e["id"], e["updated"]) for e in before]
    assert [e["links"]["related"].rsplit("#", 1)[1] for e in now if e["updated"] == LATER_UTC] == [
        "editie-2023"
    ]


def test_without_git_a_published_change_is_dated_by_its_edition(tmp_path):
    root = copy_project(tmp_path / "p")
    plan = apply_update(root)
    files = generate_all(root, plan.datum).files
    snapshot = yaml.safe_load((root / "content/edities/2022.yaml").read_text("utf-8"))
    editie = snapshot["editie"]
    day = (editie.get("vastgesteld") or {}).get("datum") or f"{editie['peildatum']}-01"
    dates = {e["updated"] for f in feeds(files).values() for e in entries(f)}
    assert dates == {f"{day}T00:00:00Z"}


def test_every_calendar_follows_the_site_calendar_and_imports_in_khal(project, files, tmp_path):
    root = project[0]
    site = {
        str(e["UID"]): e
        for e in Calendar.from_ical(files["open-data/mijlpalen.ics"]).walk("VEVENT")
    }
    maatregelen = _records(root, "maatregelen")
    assert calendars(files)
    for path, data in calendars(files).items():
        kind, id_ = path.split("/")[:2]
        events = Calendar.from_ical(data).walk("VEVENT")
        assert events, path
        for event in events:
            same = site[str(event["UID"])]  # the same event as in the site's calendar
            for name in ("SUMMARY", "DESCRIPTION", "DTSTART", "DTEND", "URL"):
                assert event.get(name) == same.get(name), (path, name)
            if " uiterlijk " in f" {event['SUMMARY']} ":
                assert "uiterlijk" in str(event["DESCRIPTION"])
            owner = str(event["URL"]).removeprefix(SITE).strip("/").split("/")
            if owner[0] == "maatregelen":
                m = maatregelen[owner[1]]
                if kind == "opgaven":
                    assert m["opgave"] == id_, path
                else:
                    held = m.get("eindverantwoordelijken") or []
                    orgs = [o if isinstance(o, str) else o["organisatie"] for o in held]
                    orgs += m.get("betrokkenen") or []
                    assert id_ in orgs, path
            else:
                assert owner == ["opgaven", id_], path
        target = tmp_path / path.replace("/", "-")
        target.write_bytes(data)
        days = khal_days(
            target, tmp_path / f"khal-{kind}-{id_}", date(2015, 1, 1), date(2035, 12, 31)
        )
        assert len(days) == len(events), f"{path}: khal lists {len(days)} of {len(events)}"


def test_pages_link_their_feed_and_calendar(files):
    page = files["opgaven/inburgering.md"]
    assert "feed: opgaven/inburgering/feed.xml" in page
    assert '<strong>Volg deze opgave:</strong> <a href="feed.xml"' in page
    assert 'href="webcal://integrale-handreiking.nl/opgaven/inburgering/mijlpalen.ics"' in page
    org = files["organisaties/szw.md"]
    assert "<strong>Volg deze organisatie:</strong>" in org
    for name in ("index.md", "open-data.md"):
        assert "(opgaven/inburgering/feed.xml)" in files[name], name
        assert "Abonneren vanaf internet" in files[name]
    assert "(organisaties/szw/feed.xml)" in files["open-data.md"]


def test_every_record_page_says_when_it_last_changed(files):
    pages = [
        p
        for p in files
        if re.fullmatch(r"(maatregelen|regelingen|opgaven|organisaties)/[^/]+\.md", p)
    ]
    assert len(pages) > 40
    for path in pages:
        text = files[path]
        if "hr-versies" not in text:
            continue  # a removed record's page
        assert "laatst inhoudelijk gewijzigd: " in text or "inhoudelijk niet gewijzigd" in text, (
            path
        )


def test_a_moved_responsibility_is_in_the_feeds_of_both_organisaties(project, files):
    root = project[0]
    orgs = yaml.safe_load((root / "content/organisaties.yaml").read_text("utf-8"))
    by_name = {o.get("afkorting") or o["naam"]: o["id"] for o in orgs["organisaties"]}
    moved = [
        (e["title"], m.groups())
        for e in entries(files["feed.xml"])
        if (m := re.search(r"eindverantwoordelijke was (\S+), nu (\S+)\.$", e["title"]))
    ]
    assert moved, "the yearly update moves a responsibility"
    for title, (old, new) in moved:
        for name in (old, new):
            feed = files[f"organisaties/{by_name[name]}/feed.xml"]
            assert title in [e["title"] for e in entries(feed)], name
    others = set(by_name.values()) - {by_name[n] for _, pair in moved for n in pair}
    assert any(
        title not in [e["title"] for e in entries(files[f"organisaties/{o}/feed.xml"])]
        for o in others
        for title, _ in moved
    )
