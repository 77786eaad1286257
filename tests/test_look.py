"""The colours in handreiking.css meet WCAG AA contrast (4.5:1 for text, 3:1 for graphics)."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

CSS = (ROOT / "theme" / "assets" / "stylesheets" / "handreiking.css").read_text(encoding="utf-8")
TEMPLATES = ROOT / "generator" / "outputs" / "templates"
SVG = (TEMPLATES / "_tijdlijn_svg.j2").read_text(encoding="utf-8")


def luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def variable(name: str) -> str:
    return re.search(rf"{re.escape(name)}:\s*(#[0-9a-fA-F]{{6}})\b", CSS)[1]


def test_contrast_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(
    ("fg", "bg"),
    [
        ("--hr-tekst", "#ffffff"),
        ("--hr-tekst-zacht", "#ffffff"),
        ("--hr-link", "#ffffff"),
        ("--hr-link-hover", "#ffffff"),
        ("--md-default-fg-color--lighter", "#ffffff"),  # placeholders, icons
        ("--hr-tekst-zacht", "--hr-vlak"),  # meta text in grey blocks
        ("--hr-link", "--hr-vlak"),
        ("#ffffff", "--hr-donker"),  # navigation bar and footer
        ("--md-footer-fg-color--lighter", "--hr-donkerder"),
    ],
)
def test_text_colours_are_aa(fg, bg):
    fg, bg = (variable(c) if c.startswith("--") else c for c in (fg, bg))
    assert contrast(fg, bg) >= 4.5, (fg, bg)


def test_every_status_badge_is_aa():
    badges = re.findall(
        r"\.hr-status--([a-z-]+) \{ color: (#[0-9a-f]{6}); background: (#[0-9a-f]{6});", CSS
    )
    assert {name for name, _, _ in badges} == {
        "beschikbaar",
        "in-voorbereiding",
        "voornemen",
        "afgerond",
        "vervallen",
    }
    for name, fg, bg in badges:
        assert contrast(fg, bg) >= 4.5, name


def test_tijdlijn_marks_stand_out_from_white_and_the_striped_rows():
    colours = set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]{6})"', SVG)) - {
        "#f3f4f6",
        "#dde1e6",
        "#8a939e",
    }
    assert colours  # the mark colours, the text and the today line
    for colour in colours:
        assert contrast(colour, "#ffffff") >= 4.5 and contrast(colour, "#f3f4f6") >= 3, colour


def test_focus_ring_is_visible_everywhere():
    assert re.search(r":focus-visible \{ outline: 3px solid var\(--hr-focus\) !important;", CSS)
    assert contrast(variable("--hr-focus"), "#ffffff") >= 3
