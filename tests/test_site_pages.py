"""What a visitor sees in the built site: service pages, skip link, footer, status badges,
abbreviations, the matrix, the tijdlijn figure and the home page (no browser needed)."""

from __future__ import annotations

import html as entities
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from site_checks import is_redirect

from generator.content.model import STATUS_LABELS

TEAM_MAIL = "flexibilisering.asielketen@minjenv.nl"


def html(site_dir: Path, url: str) -> str:
    return (site_dir / url / "index.html").read_text(encoding="utf-8")


def text_of(markup: str) -> str:
    """Visible-ish text: tags dropped, whitespace collapsed."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def main_text(markup: str) -> str:
    start = markup.index('id="hoofdinhoud"')
    return text_of(markup[start : markup.index("</article>", start)])


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(v for k, v in attrs if k == "id" and v)


def ids_of(markup: str) -> set[str]:
    parser = Ids()
    parser.feed(markup)
    return parser.ids


def all_pages(site_dir: Path) -> list[Path]:
    return [p for p in sorted(site_dir.rglob("index.html")) if not is_redirect(p)]


def test_security_txt_lands_in_well_known_with_the_fields_rfc_9116_asks(site_dir):
    text = (site_dir / ".well-known" / "security.txt").read_text(encoding="utf-8")
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith("#"))
    assert fields["Contact"] == f"mailto:{TEAM_MAIL}"
    assert fields["Expires"] == "2022-06-15T00:00:00Z"  # a year after the build date
    assert fields["Preferred-Languages"] == "nl, en"
    assert fields["Canonical"] == "https://integrale-handreiking.nl/.well-known/security.txt"


def test_the_accessibility_statement_says_what_was_tested_and_how_to_report(site_dir):
    text = main_text(html(site_dir, "toegankelijkheid"))
    assert "Status: voldoet gedeeltelijk" in text
    for word in (
        "WCAG 2.1",
        "niveau AA",
        "axe-core",
        "Nu Html Checker",
        "Toetsenbord",
        TEAM_MAIL,
        "15 juni 2021",
        "Nationale ombudsman",
    ):
        assert word in text, word


def test_privacy_and_contact_pages(site_dir):
    privacy = main_text(html(site_dir, "privacy"))
    assert "geen cookies" in privacy and "Geen tracking" in privacy
    assert "logbestand" in privacy
    assert TEAM_MAIL in main_text(html(site_dir, "contact"))


def test_every_page_has_the_dutch_skip_link_to_its_content_and_the_service_links(site_dir):
    pages = all_pages(site_dir)
    assert len(pages) > 30
    for page in pages:
        markup = page.read_text(encoding="utf-8")
        assert '<a href="#hoofdinhoud" class="md-skip hr-skip">Naar de inhoud</a>' in markup, page
        assert "hoofdinhoud" in ids_of(markup), page
        footer = markup[markup.index('class="hr-voet__links"') :]
        for label in ("Contact", "Toegankelijkheid", "Privacy"):
            assert f">{label}</a>" in footer, (page, label)


def test_no_page_carries_the_repository_widget_that_calls_github(site_dir):
    for page in all_pages(site_dir):
        assert 'data-md-component="source"' not in page.read_text(encoding="utf-8"), page


def test_status_is_the_same_badge_with_its_word_on_every_page_that_shows_one(site_dir):
    badge = re.compile(
        r'<span class="hr-status hr-status--([a-z-]+)( hr-status--verlopen)?">([^<]+)</span>'
    )
    seen = 0
    for page in all_pages(site_dir):
        for kind, verlopen, label in badge.findall(page.read_text(encoding="utf-8")):
            assert label == STATUS_LABELS[kind] + (" · verlopen" if verlopen else ""), page
            seen += 1
    assert seen > 50
    for folder in ("maatregelen", "regelingen"):
        for page in sorted((site_dir / folder).glob("*/index.html")):
            if not is_redirect(page):
                assert badge.search(page.read_text(encoding="utf-8")), page


def test_abbreviations_are_abbr_elements_with_their_meaning(site_dir):
    markup = html(site_dir, "opgaven/huisvesting")
    assert '<abbr title="Centraal Orgaan opvang asielzoekers">COA</abbr>' in markup


def test_the_matrix_is_a_real_table_with_headers_caption_and_spelled_out_cells(site_dir):
    markup = html(site_dir, "organisaties")
    table = markup[markup.index('<table class="hr-tabel hr-matrix">') : markup.index("</table>")]
    assert '<caption id="matrix-tabel">' in table
    assert table.count('scope="colgroup"') >= 3
    assert 'scope="row"' in table and 'scope="col"' in table
    assert '<span class="hr-sr">eindverantwoordelijk</span>' in table
    assert '<span class="hr-sr">betrokken</span>' in table
    region = markup[markup.rindex("<div", 0, markup.index('<table class="hr-tabel hr-matrix">')) :]
    assert region.startswith(
        '<div class="hr-scroll" role="region" aria-labelledby="matrix-tabel" tabindex="0"'
    )
    text = main_text(markup)
    assert "E voor eindverantwoordelijk en B voor betrokken" in text
    assert "Per organisatie" in text


def test_the_tijdlijn_figure_is_named_and_has_the_list_as_its_text_equivalent(site_dir):
    markup = html(site_dir, "tijdlijn")
    start = markup.index('<svg class="hr-tijdlijn__figuur"')
    svg = markup[start : markup.index("</svg>", start)]
    assert 'role="img"' in svg and 'aria-labelledby="tijdlijn-titel tijdlijn-uitleg"' in svg
    assert {"tijdlijn-titel", "tijdlijn-uitleg"} <= ids_of(markup)
    assert "vandaag, 15 juni 2021" in svg
    marks = svg.count("<g><")
    lijst = markup[markup.index('id="lijst"') :]
    assert marks == lijst.count('class="hr-moment ')
    legend = text_of(markup[markup.index('class="hr-legenda"') :])
    for word in ("voorbij", "loopt nu", "gepland", "verlopen, niet bijgewerkt"):
        assert word in legend


@pytest.mark.parametrize(
    "opgave",
    [
        "Huisvesting vergunninghouders",
        "Opvang korte termijn",
        "Opvang middellange termijn",
        "Inburgering",
        "Ondersteuning",
    ],
)
def test_home_shows_the_opgaven_search_and_the_team(site_dir, opgave):
    markup = html(site_dir, "")
    cards = markup[markup.index('<ul class="hr-kaarten">') :]
    assert opgave in text_of(cards[: cards.index("</ul>\n")])
    assert '<form class="hr-zoekblok" role="search" action="zoeken/"' in markup
    assert 'name="q"' in markup
    assert TEAM_MAIL in main_text(markup)


def test_home_has_one_card_for_opvang_with_both_parts(site_dir):
    markup = html(site_dir, "")
    headings = re.findall(r'<h3 class="hr-kaart__kop">(.*?)</h3>', markup)
    assert [text_of(h) for h in headings][:3] == [
        "Huisvesting vergunninghouders",
        "Opvang",
        "Inburgering",
    ]


def test_opgave_page_puts_kerncijfers_then_maatregelen_then_financiering(site_dir):
    text = main_text(html(site_dir, "opgaven/huisvesting"))
    order = [
        text.index(h) for h in ("Kerncijfers", "Maatregelen", "Financiering", "Over deze opgave")
    ]
    assert order == sorted(order)
    assert "13.500 vergunninghouders" in text
