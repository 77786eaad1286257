"""The sitemap index (issue 6): small for the reader, within the protocol for crawlers."""

from __future__ import annotations

import gzip
import re
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from site_checks import html_files, is_redirect, page_url, site_pages

from conftest import BUILD_DATE
from generator.base.settings import SiteConfig, build_date
from generator.site.sitemap import NAMESPACE, split_sitemap

NS = {"s": NAMESPACE}


def _sitemap(urls: list[str]) -> str:
    entries = "".join(
        f"<url><loc>{escape(url)}</loc><lastmod>2026-06-0{i % 3 + 1}</lastmod></url>"
        for i, url in enumerate(urls)
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{NAMESPACE}">{entries}</urlset>'


def test_the_urls_move_into_parts_under_an_index(tmp_path):
    urls = [f"https://example.nl/pagina-{n}/?a=1&b=2" for n in range(5)]
    (tmp_path / "sitemap.xml").write_text(_sitemap(urls), encoding="utf-8")

    assert split_sitemap(tmp_path, "https://example.nl/", per_part=2) == 3

    index = ElementTree.parse(tmp_path / "sitemap.xml").getroot()
    assert index.tag == f"{{{NAMESPACE}}}sitemapindex"
    locs = [e.text for e in index.findall("s:sitemap/s:loc", NS)]
    assert locs == [f"https://example.nl/sitemap-{n}.xml" for n in (1, 2, 3)]
    assert [e.text for e in index.findall("s:sitemap/s:lastmod", NS)] == [
        "2026-06-02",
        "2026-06-03",
        "2026-06-02",
    ]
    found = []
    for n in (1, 2, 3):
        part = ElementTree.parse(tmp_path / f"sitemap-{n}.xml").getroot()
        assert part.tag == f"{{{NAMESPACE}}}urlset"
        found += [e.text for e in part.findall("s:url/s:loc", NS)]
    assert found == urls  # every URL once, in order, the & still escaped on disk
    assert "&amp;b=2" in (tmp_path / "sitemap-1.xml").read_text(encoding="utf-8")
    gz = gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes())
    assert gz == (tmp_path / "sitemap.xml").read_bytes()


def test_a_site_without_a_sitemap_is_left_alone(tmp_path):
    assert split_sitemap(tmp_path, "https://example.nl/") == 0
    assert list(tmp_path.iterdir()) == []


def test_an_exact_multiple_makes_no_empty_part_and_a_second_run_changes_nothing(tmp_path):
    urls = [f"https://example.nl/{n}/" for n in range(4)]
    (tmp_path / "sitemap.xml").write_text(_sitemap(urls), encoding="utf-8")
    assert split_sitemap(tmp_path, "https://example.nl", per_part=2) == 2
    assert sorted(p.name for p in tmp_path.glob("sitemap-*.xml")) == [
        "sitemap-1.xml",
        "sitemap-2.xml",
    ]
    index = (tmp_path / "sitemap.xml").read_bytes()
    assert split_sitemap(tmp_path, "https://example.nl", per_part=2) == 0  # already an index
    assert (tmp_path / "sitemap.xml").read_bytes() == index


def test_parts_without_lastmod_are_listed_without_one(tmp_path):
    (tmp_path / "sitemap.xml").write_text(
        f'<urlset xmlns="{NAMESPACE}"><url><loc>https://example.nl/</loc></url></urlset>',
        encoding="utf-8",
    )
    assert split_sitemap(tmp_path, "https://example.nl/") == 1
    index = ElementTree.parse(tmp_path / "sitemap.xml").getroot()
    assert [e.text for e in index.findall("s:sitemap/s:loc", NS)] == [
        "https://example.nl/sitemap-1.xml"
    ]
    assert index.findall("s:sitemap/s:lastmod", NS) == []


def test_an_empty_sitemap_is_left_alone(tmp_path):
    empty = f'<urlset xmlns="{NAMESPACE}"></urlset>'
    (tmp_path / "sitemap.xml").write_text(empty, encoding="utf-8")
    assert split_sitemap(tmp_path, "https://example.nl/") == 0
    assert (tmp_path / "sitemap.xml").read_text(encoding="utf-8") == empty


def test_the_site_lists_every_page_in_its_parts_and_no_redirect(live_site_dir):
    site_dir = live_site_dir
    site_url = SiteConfig.read(site_dir.parent).site_url.rstrip("/") + "/"
    index = ElementTree.parse(site_dir / "sitemap.xml").getroot()
    assert index.tag == f"{{{NAMESPACE}}}sitemapindex"
    assert (site_dir / "sitemap.xml").stat().st_size < 1000  # Material fetches it on every visit
    listed, dates = set(), set()
    for loc in index.findall("s:sitemap/s:loc", NS):
        name = loc.text.rsplit("/", 1)[1]
        part = ElementTree.parse(site_dir / name).getroot()
        listed |= {e.text for e in part.findall("s:url/s:loc", NS)}
        dates |= {e.text for e in part.findall("s:url/s:lastmod", NS)}
    assert dates == {build_date().isoformat()}  # the build date, not the day it ran
    # A published edition's own fixed pages (issue 20) are not the site's current pages.
    pages = {
        site_url + url
        for url in site_pages(site_dir)
        if url.endswith("/") and not re.match(r"editie/\d{4}/", url)
    }
    editions = {u for u in listed if re.match(rf"{re.escape(site_url)}editie/\d{{4}}/", u)}
    assert editions == set(), sorted(editions)[:5]
    redirects = {site_url + page_url(site_dir, f) for f in html_files(site_dir) if is_redirect(f)}
    assert pages <= listed, sorted(pages - listed)[:5]
    assert not redirects & listed, sorted(redirects & listed)


def test_the_fixture_site_lists_its_maatregelen_at_the_build_date(site_dir):
    index = ElementTree.parse(site_dir / "sitemap.xml").getroot()
    part = ElementTree.parse(site_dir / index.find("s:sitemap/s:loc", NS).text.rsplit("/")[-1])
    listed = {e.text for e in part.getroot().findall("s:url/s:loc", NS)}
    dates = {e.text for e in part.getroot().findall("s:url/s:lastmod", NS)}
    assert "https://integrale-handreiking.nl/maatregelen/tussenvoorzieningen/" in listed
    assert dates == {BUILD_DATE.isoformat()}
