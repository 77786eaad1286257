"""The built site as files: valid HTML (Nu Html Checker), no broken internal link or anchor,
and nothing in HTML, CSS or JavaScript that would fetch from another origin."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from crawl import html_files, is_redirect

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_nu_html_checker_reports_no_errors(site_dir):
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("vnu.jar or java missing: run `make test-deps`")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", str(site_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[:5000]


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


def test_no_broken_internal_link_or_anchor(site_dir):
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
    assert not broken, "\n".join(broken[:50])


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


def test_nothing_is_fetched_from_another_origin(site_dir):
    found = []
    for file in sorted(site_dir.rglob("*")):
        if file.suffix not in {".html", ".css", ".js"}:
            continue
        text = file.read_text(encoding="utf-8", errors="replace")
        for pattern in FETCHING:
            for match in pattern.finditer(text):
                found.append(f"{file.relative_to(site_dir)}: {match.group(0)[:120]}")
    assert not found, "\n".join(found)
