"""The site audit (tests/site_audit.py) on the real built site, and that each rule bites."""

from __future__ import annotations

import pytest
from site_audit import (
    audit,
    audit_csv,
    audit_html,
    audit_ics,
    audit_json,
    audit_xml,
    policy_problems,
)

from conftest import ROOT
from generator.base.settings import SiteConfig
from generator.outputs.headers import content_security_policy

ORIGIN = "https://example.org/"
POLICY = content_security_policy(SiteConfig.read(ROOT).content_security_policy, meta=True)
CSP = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'


def test_the_real_site_keeps_the_promise(built_project, site_dir):
    """Holds for any valid content: nothing in the built site runs script or loads elsewhere."""
    config = SiteConfig.read(built_project)
    policy = content_security_policy(config.content_security_policy, meta=True)
    assert audit(site_dir, config.site_url, policy) == []


def test_every_page_of_the_real_site_is_audited(site_dir):
    pages = list(site_dir.rglob("*.html"))
    assert len(pages) >= 20
    assert all(CSP in page.read_text(encoding="utf-8") for page in pages)


def test_the_policy_shipped_is_strict_and_a_weak_one_is_found():
    assert policy_problems(POLICY) == []
    weak = POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline' https://cdn.x")
    assert policy_problems(weak) == [
        "script-src allows 'unsafe-inline'",
        "script-src allows https://cdn.x",
        "script-src allows more than the site's files, hashes and WebAssembly",
    ]


@pytest.mark.parametrize(
    ("html", "finding"),
    [
        ('<p onclick="alert(1)">x</p>', "onclick attribute"),
        ('<a href="javascript:alert(1)">x</a>', "script or data URL"),
        ('<a href=" JaVa&#115;cript:alert(1)">x</a>', "script or data URL"),
        ('<a href="data:text/html,hi">x</a>', "script or data URL"),
        ('<a href="//evil.example/">x</a>', "protocol-relative"),
        ('<a href="/\\evil.example/">x</a>', "backslash"),
        ('<a href="http://evil.example/">x</a>', "scheme http"),
        ('<img src="https://evil.example/p.png" alt="">', "loads from another origin"),
        ('<img srcset="/a.png 1x, https://evil.example/b.png 2x" alt="">', "another origin"),
        ('<link rel="stylesheet" href="https://evil.example/x.css">', "another origin"),
        ('<form action="https://evil.example/"></form>', "another origin"),
        ('<p style="position:fixed">x</p>', "style attribute"),
        ("<script>alert(1)</script>", "inline script"),
        ('<script src="https://evil.example/x.js"></script>', "another origin"),
        ('<iframe src="/x/"></iframe>', "<iframe> element"),
        ('<base href="https://evil.example/">', "<base> element"),
        ('<meta http-equiv="refresh" content="0; url=javascript:alert(1)">', "meta refresh"),
        ('<article><h2 id="__config">x</h2></article>', "shadows the theme"),
        ('<h2 id="kop">a</h2><h2 id="kop">b</h2>', "2 times"),
        ("<style>body{}</style>", "<style> element"),
    ],
)
def test_each_html_rule_finds_its_attack(html, finding):
    found = audit_html(f"<html><head>{CSP}</head><body>{html}</body></html>", ORIGIN)
    assert any(finding in f for f in found), found


def test_what_the_site_itself_does_passes():
    page = (
        f"<html><head>{CSP}<link rel='stylesheet' href='../assets/x.css'>"
        '<link rel="canonical" href="https://example.org/x/"></head><body>'
        '<script id="__config" type="application/json">{}</script>'
        '<script src="../assets/bundle.js"></script><input id="__drawer">'
        '<a href="https://www.vng.nl">a</a> <a href="mailto:a@example.org">b</a>'
        '<a href="#kop-a">c</a><article><h2 id="kop-a">x</h2></article></body></html>'
    )
    assert audit_html(page, ORIGIN) == []


def test_a_page_without_the_policy_or_with_a_script_before_it_is_found():
    assert audit_html("<html><head></head><body></body></html>", ORIGIN) == [
        "no Content-Security-Policy meta tag"
    ]
    late = f"<html><head><script src='x.js'></script>{CSP}</head></html>"
    assert audit_html(late, ORIGIN) == ["<script> before the Content-Security-Policy"]


def test_csv_formulas_and_urls():
    data = "titel;url;bedrag\r\n=HYPERLINK(1);https://www.vng.nl;-5\r\n'=veilig;javascript:x;3\r\n"
    found = audit_csv(data.encode("utf-8-sig"), ORIGIN)
    assert found == [
        "row 2, titel: a formula '=HYPERLINK(1)'",
        "row 3, url: script or data URL 'javascript:x'",
    ]


def test_csv_with_a_whole_text_in_a_cell():
    """A beschrijving of 180 KB in one cell (issue 12): past the csv module's 128 KB default
    the audit raised instead of reading on to the formula in the next row."""
    long = "Tekst " * 30_000
    data = f"titel;beschrijving\r\nA;{long}\r\n=1+1;kort\r\n"
    assert audit_csv(data.encode("utf-8-sig"), ORIGIN) == ["row 3, titel: a formula '=1+1'"]


def test_ics_line_ends_and_urls():
    good = b"BEGIN:VCALENDAR\r\nURL:https://example.org/x/\r\nEND:VCALENDAR\r\n"
    assert audit_ics(good, ORIGIN) == []
    assert audit_ics(good.replace(b"URL:", b"SUMMARY:a\rb\r\nURL:"), ORIGIN) == ["a lone CR"]
    assert "scheme http" in audit_ics(good.replace(b"https:", b"http:"), ORIGIN)[0]


def test_json_and_xml():
    assert audit_json('{"url": "javascript:alert(1)", "tekst": "Doel: iets"}', ORIGIN) == [
        "script or data URL 'javascript:alert(1)' at $.url"
    ]
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><link href="http://evil.example/"/>'
        '<content type="html">&lt;a href="javascript:x"&gt;a&lt;/a&gt;</content></feed>'
    )
    found = audit_xml(feed, ORIGIN)
    assert "scheme http" in found[0] and found[-1].startswith("in <content>: script or data URL")
