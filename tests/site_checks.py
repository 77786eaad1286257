"""Checks that hold for every valid content, run on any built site.

The live content's tests (test_site_files.py, test_axe.py, test_live_content.py) and the yearly
update (test_yearly_update.py) share them, so a content pull request is checked the same way
as the content it replaces. Each returns what is wrong (empty when all is well); the test
asserts on that, so its failure lists every problem at once.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from site_audit import VOID

from conftest import ROOT
from generator.history.snapshots import read_snapshots
from generator.outputs.render import url_of
from generator.site.build import load

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# Material sizes the sidebars from JavaScript after `load`; under load axe could otherwise catch
# a sidebar mid-layout (scrollable-region-focusable). Two frames later the layout is final.
SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


# --- the pages of a site ---------------------------------------------------------------------


def html_files(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if "pagefind" not in p.parts)


def page_url(site_dir: Path, file: Path) -> str:
    relative = file.relative_to(site_dir).as_posix()
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


def is_redirect(file: Path) -> bool:
    """The small pages at old addresses (editions' vorige_ids) that forward to the new one."""
    return 'http-equiv="refresh"' in file.read_text(encoding="utf-8")[:2000]


def site_pages(site_dir: Path) -> list[str]:
    """Every page a reader can stay on: all HTML files except redirect stubs."""
    return [page_url(site_dir, f) for f in html_files(site_dir) if not is_redirect(f)]


def one_of_each_kind(site_dir: Path, pages: list[str]) -> list[str]:
    """Every top-level page, and the first and the largest page of each folder."""
    kinds: dict[str, list[str]] = {}
    for url in pages:
        parts = url.strip("/").split("/")
        kinds.setdefault(parts[0] + "/*" if len(parts) > 1 else url, []).append(url)

    def size(url: str) -> int:
        return (site_dir / url / "index.html").stat().st_size if url.endswith("/") else 0

    return sorted({pick for group in kinds.values() for pick in (group[0], max(group, key=size))})


# --- the page set follows the model ------------------------------------------------------------


def _heading(markup: str) -> str:
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", markup, re.S)
    if not h1:
        return ""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", h1.group(1))).split())


def page_set_problems(project: Path, today) -> list[str]:
    """Every record of the project's content has its page with its title in the h1, every
    old id redirects, and the site has no record page the content does not have."""
    _, h = load(project, today)
    site = project / "site"
    snapshots, _ = read_snapshots(project)
    published = {url for s in snapshots for url in s.adressen}
    problems = []
    expected: set[str] = set()
    for kind, records, title in (
        ("maatregel", h.maatregelen, "titel"),
        ("regeling", h.regelingen, "titel"),
        ("organisatie", h.organisaties, "naam"),
        ("opgave", h.opgaven, "titel"),
    ):
        for record in records.values():
            url = url_of(kind, record.id)
            expected.add(url)
            file = site / url / "index.html"
            if not file.is_file():
                problems.append(f"/{url}: missing")
                continue
            wanted = " ".join(getattr(record, title).split())
            if wanted not in _heading(file.read_text(encoding="utf-8")):
                problems.append(f"/{url}: h1 is not ‘{wanted}’")
            for old in record.vorige_ids:
                old_file = site / url_of(kind, old) / "index.html"
                expected.add(url_of(kind, old))
                if not old_file.is_file() or not is_redirect(old_file):
                    problems.append(f"/{url_of(kind, old)}: no redirect to /{url}")
        folder = url_of(kind)
        for file in sorted((site / folder).glob("*/index.html")):
            url = page_url(site, file)
            if url in expected:
                continue
            if url in published and _says_removed(file):
                continue  # issue 20: a removed record's address says so
            problems.append(f"/{url}: a {kind} page without a {kind}")
    for pagina in h.paginas:
        if not (site / url_of("pagina", pagina.slug) / "index.html").is_file():
            problems.append(f"/{url_of('pagina', pagina.slug)}: missing")
    return problems


def _says_removed(file: Path) -> bool:
    """The page at the address of a record an edition published and the content no longer has
    (issue 20): it says the record is gone, never a redirect to another record."""
    return "niet meer in de handreiking" in file.read_text(encoding="utf-8")


# --- abbreviations are explained ------------------------------------------------------------

# The pages made from the handreiking's content; the service pages about the website itself
# (accessibility, privacy, open data, search, the editors' section) are not part of it.
CONTENT_PAGES = re.compile(
    r"^(|(opgaven|maatregelen|regelingen|organisaties|handreiking)/.*|"
    r"begrippen/|bronnen/|tijdlijn/|wijzigingen/|contact/)$"
)
ABBREVIATION = re.compile(r"[^\W\d_]+")


def is_abbreviation(word: str) -> bool:
    """COA, CdK, JenV, COVID: two or more capitals, at least half the letters; not a Roman
    numeral (2021-II) and not a name in camel case (JavaScript)."""
    capitals = sum(c.isupper() for c in word)
    return capitals >= 2 and 2 * capitals >= len(word) and not re.fullmatch("[IVXLCDM]+", word)


class _ReadText(HTMLParser):
    """The text of a page's main content, without what is not content (data-pagefind-ignore:
    breadcrumbs, the PDF link) and without scripts."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # inside the article, counted in open elements
        self.skip = 0  # open elements since the outermost ignored one
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        if self.depth == 0 and attrs.get("id") == "hoofdinhoud":
            self.depth = 1
            return
        if self.depth:
            self.depth += 1
            if self.skip or "data-pagefind-ignore" in attrs or tag in ("script", "style"):
                self.skip += 1

    def handle_endtag(self, tag):
        if tag in VOID or not self.depth:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def unexplained_abbreviations(project: Path, today) -> list[str]:
    """Every abbreviation on a content page that the begrippen page does not explain, as
    'ABBR (on n pages, e.g. /x/)'."""
    _, h = load(project, today)
    explained = {w for b in h.begrippen for w in ABBREVIATION.findall(b.term) if is_abbreviation(w)}
    for_editors = {url_of("pagina", p.slug) for p in h.paginas if p.for_editors}
    site = project / "site"
    found: dict[str, list[str]] = {}
    for url in site_pages(site):
        if not CONTENT_PAGES.match(url) or url in for_editors:
            continue
        reader = _ReadText()
        reader.feed((site / url / "index.html").read_text(encoding="utf-8"))
        for word in ABBREVIATION.findall(" ".join(reader.parts)):
            if is_abbreviation(word) and word not in explained:
                found.setdefault(word, []).append("/" + url)
    return [
        f"{word} (on {len(set(urls))} pages, e.g. {urls[0]})"
        for word, urls in sorted(found.items())
    ]


# --- links and origins ---------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(name):
                self.ids.add(attrs[name])
        for name in ("href", "src"):
            if attrs.get(name) is not None and tag != "base":
                self.refs.append(attrs[name])


def _parse(file: Path) -> _Links:
    parser = _Links()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser


def broken_links(site_dir: Path) -> list[str]:
    """Every internal link or anchor that leads nowhere, as 'page: href'."""
    parsed = {f: _parse(f) for f in html_files(site_dir)}
    broken = []
    for file, links in parsed.items():
        for ref in links.refs:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or ref.startswith(("mailto:", "tel:", "data:")):
                continue
            if not parts.path:
                target = file
            elif parts.path.startswith("/"):  # 404.html links from the root (site_url is /)
                target = (site_dir / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = (file.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or site_dir.resolve() not in target.parents:
                broken.append(f"{file.relative_to(site_dir)}: {ref}")
                continue
            if parts.fragment and target.suffix == ".html" and not is_redirect(target):
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{file.relative_to(site_dir)}: {ref} (anchor)")
    return broken


FETCHING = [
    re.compile(
        r"""<(?:script|img|iframe|source|video|audio|embed|input)\b[^>]*\bsrc=["']?(https?:)?//""",
        re.I,
    ),
    re.compile(
        r"""<link\b(?=[^>]*\brel=["']?(?:stylesheet|preload|modulepreload|icon|prefetch|preconnect|dns-prefetch|manifest))[^>]*\bhref=["']?(https?:)?//""",
        re.I,
    ),
    re.compile(r"""@import\s+(?:url\()?["']?(https?:)?//""", re.I),
    re.compile(r"""url\(\s*["']?(https?:)?//""", re.I),
]


def fetches_from_elsewhere(site_dir: Path) -> list[str]:
    """Everything in HTML, CSS or JavaScript that would make the browser fetch off-origin."""
    found = []
    for file in sorted(site_dir.rglob("*")):
        if file.suffix not in {".html", ".css", ".js"}:
            continue
        text = file.read_text(encoding="utf-8", errors="replace")
        for pattern in FETCHING:
            for match in pattern.finditer(text):
                found.append(f"{file.relative_to(site_dir)}: {match.group(0)[:120]}")
    return found


def vnu_errors(site_dir: Path) -> str:
    """The Nu Html Checker's errors over every HTML file ('' when valid)."""
    if not VNU.exists() or not shutil.which("java"):
        return "vnu.jar or java missing: run `make test-deps`"
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", str(site_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    return "" if result.returncode == 0 else result.stderr[:5000]


# --- in Chromium -----------------------------------------------------------------------------


def axe_problems(browser, root_url: str, pages: list[str], width: int) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on `pages`, and every request off 127.0.0.1."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="nl-NL")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    problems = []
    try:
        for url in pages:
            page.goto(root_url + url, wait_until="load")
            page.evaluate(SETTLED)
            results = axe.run(page, options=AXE_OPTIONS)
            problems += [
                f"{url or '/'} at {width} px: {v['id']}: {len(v['nodes'])}x, "
                f"e.g. {v['nodes'][0]['target']}"
                for v in (results.response["violations"] if results.violations_count else [])
            ]
    finally:
        context.close()
    foreign = sorted({r for r in requests if urlsplit(r).hostname != "127.0.0.1"})
    return problems + [f"request to another origin: {r}" for r in foreign]
