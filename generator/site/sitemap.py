"""Turn the renderer's one sitemap into a sitemap index with the URLs in numbered parts.

Two reasons, both measured in issue 6:

- Material's JavaScript fetches `sitemap.xml` on every first page load (it follows each
  `<link rel="alternate">`, here the Atom feed, to look for translations). A sitemap with every
  page grows with the content: at 20,000 maatregelen it was 170 of the 249 KB (gzip) a reader
  downloaded on a first visit. The index stays a few hundred bytes.
- The sitemap protocol allows 50,000 URLs per file; the site passes that at about 17,000
  maatregelen. An index is the protocol's answer (https://www.sitemaps.org/protocol.html).

Material only needs the full list for `navigation.instant` and its version selector; this site
uses neither (mkdocs.yml). The step runs on the built site, like the search index, so it does
not depend on which renderer wrote `sitemap.xml`.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape

SITEMAP = "sitemap.xml"
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
# The protocol's maximum is 50,000 URLs and 50 MB per file; a part here stays near 2 MB.
URLS_PER_PART = 10_000


def part_name(number: int) -> str:
    return f"sitemap-{number}.xml"


def split_sitemap(site_dir: Path, base_url: str, per_part: int = URLS_PER_PART) -> int:
    """Move the URLs of `site_dir/sitemap.xml` into parts under an index; returns how many.

    `base_url` is the site's published address (site_url), which the index's links need.
    A site without a sitemap, or whose sitemap is no list of URLs (already an index, say),
    is left alone.
    """
    sitemap = site_dir / SITEMAP
    if not sitemap.exists():
        return 0
    root = ElementTree.parse(sitemap).getroot()
    urls = root.findall(f"{{{NAMESPACE}}}url")
    if root.tag != f"{{{NAMESPACE}}}urlset" or not urls:
        return 0
    parts = [urls[start : start + per_part] for start in range(0, len(urls), per_part)]
    index = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{NAMESPACE}">']
    for number, part in enumerate(parts, start=1):
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{NAMESPACE}">']
        lines += [_url(url) for url in part]
        lines.append("</urlset>")
        (site_dir / part_name(number)).write_text("\n".join(lines) + "\n", encoding="utf-8")
        changed = max((_text(url, "lastmod") for url in part), default="")
        index.append(
            f"<sitemap><loc>{escape(base_url.rstrip('/') + '/' + part_name(number))}</loc>"
            + (f"<lastmod>{escape(changed)}</lastmod>" if changed else "")
            + "</sitemap>"
        )
    index.append("</sitemapindex>")
    data = ("\n".join(index) + "\n").encode("utf-8")
    sitemap.write_bytes(data)
    # MkDocs also writes a gzip copy; keep it the same document (mtime 0: deterministic output).
    (site_dir / (SITEMAP + ".gz")).write_bytes(gzip.compress(data, mtime=0))
    return len(parts)


def _url(url: ElementTree.Element) -> str:
    fields = "".join(
        f"<{name}>{escape(text)}</{name}>"
        for name in ("loc", "lastmod", "changefreq", "priority")
        if (text := _text(url, name))
    )
    return f"<url>{fields}</url>"


def _text(url: ElementTree.Element, name: str) -> str:
    return (url.findtext(f"{{{NAMESPACE}}}{name}") or "").strip()
