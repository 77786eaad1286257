"""The Content-Security-Policy read as a browser reads it (issue 21, content/policy.py).

The corpus (tests/hostile/instellingen-beleid-*.yaml) shows the messages located in
mkdocs.yml; this shows which policies pass and what each refusal points at.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from generator.base.settings import SiteConfig
from generator.content.policy import directives, problems

REAL = SiteConfig.read(ROOT).content_security_policy


def test_the_sites_own_policy_passes():
    assert REAL and problems(REAL) == []
    names = [str(name) for name, _ in directives(REAL)]
    assert "default-src" in names and "frame-ancestors" not in names


@pytest.mark.parametrize(
    "policy",
    [
        "default-src 'none'",
        "default-src 'self'; img-src 'self' data:; font-src data:",
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AbC+/9=' 'report-sample'",
        "DEFAULT-SRC 'SELF'; upgrade-insecure-requests; report-uri /csp-meldingen",
        "default-src 'self';; sandbox allow-scripts allow-same-origin; report-to csp",
        "default-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'",
    ],
)
def test_a_strict_policy_passes(policy):
    assert problems(policy) == []


@pytest.mark.parametrize(
    ("policy", "at", "says"),
    [
        ("default-src 'self'; report-uri /r?$arg_x", "/r?$arg_x", "niet '$' en '?'"),
        ("default-src 'self'; report-uri //evil.example", "//evil.example", "geen pad"),
        ('default-src "self"', '"', "dubbel aanhalingsteken"),
        ("default-src 'self', img-src *", ",", "komma"),
        ("default-src 'self'; script-src https://cdn.example", "https://cdn.example", "andere"),
        ("default-src 'self'; img-src https:", "https:", "elke website"),
        ("default-src 'self'; img-src *", "*", "elke website"),
        ("default-src 'self'; script-src 'unsafe-inline'", "'unsafe-inline'", "in de pagina"),
        ("default-src 'self'; script-src 'unsafe-eval'", "'unsafe-eval'", "eval()"),
        ("default-src 'self'; style-src 'wasm-unsafe-eval'", "'wasm-unsafe-eval'", "script-src"),
        ("default-src 'self'; script-src 'nonce-abc'", "'nonce-abc'", "nonce"),
        ("default-src 'self'; script-src data:", "data:", "img-src of font-src"),
        ("default-src 'self'; worker-src blob:", "blob:", "blob:"),
        ("default-src 'self' data:", "data:", "default-src"),
        ("default-src 'self'; style-src self", "self", "zonder aanhalingstekens"),
        ("default-src 'self'; style-src 'self", "'self", "aanhalingstekens niet op de goede"),
        ("default-src 'self'; scirpt-src 'self'", "scirpt-src", "bedoelde u 'script-src'"),
        ("default-src 'self'; frame-ancestors 'none'", "frame-ancestors", "header"),
        ("default-src 'self'; img-src 'self'; img-src *", "img-src", "twee keer"),
        ("default-src 'none' 'self'", "default-src", "'none' kan niet samen"),
        ("img-src 'self'", "img-src", "mist 'default-src'"),
        ("default-src 'self'; sandbox allow-evrything", "allow-evrything", "sandbox-waarde"),
        ("default-src 'self' \u00e9", "\u00e9", "U+00E9"),
    ],
)
def test_a_weak_or_broken_policy_is_refused_at_the_word(policy, at, says):
    found = problems(policy)
    assert found, policy
    offset, message = found[0]
    assert policy[offset : offset + len(at)] == at
    assert says in message
