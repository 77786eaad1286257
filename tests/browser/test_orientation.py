"""Finding one's way in a real Chromium (issue 14): the phone's menu drawer, focus order,
search results that say what they are, filters that say what they filter (also on paper),
a link and a citation to copy, an anchor per begrip and an opgave on one printed page."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from pypdf import PdfReader
from reading import SETTLED
from search_engines import pagefind_results

from conftest import BUILD_DATE
from generator.base.settings import build_date
from generator.base.urls import url_of
from generator.site.build import load

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser-lezen")]


def _page(browser, width=1280, height=900, **options):
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="nl-NL", **options
    )
    return context, context.new_page()


def test_the_closed_drawer_takes_no_focus_and_the_open_one_does(browser, site_url):
    context, page = _page(browser, 375, 740)
    try:
        page.goto(site_url + "maatregelen/tussenvoorzieningen/")
        drawer = page.locator(".md-sidebar--primary")
        assert drawer.evaluate("e => getComputedStyle(e).visibility") == "hidden"
        link = drawer.locator("a.md-nav__link").first
        link.focus()
        assert not link.evaluate("e => e === document.activeElement")
        page.click("label.md-header__button[for=__drawer]")
        page.wait_for_function(
            "() => getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility"
            " === 'visible'"
        )
        link.focus()
        assert link.evaluate("e => e === document.activeElement")
        page.wait_for_function(
            "() => document.activeElement.getBoundingClientRect().left >= 0"
        )  # the drawer has slid in
    finally:
        context.close()


@pytest.mark.parametrize("which", ["fixture", "live"])
def test_focus_reaches_the_table_of_contents_after_the_content(browser, request, which):
    root = request.getfixturevalue("site_url" if which == "fixture" else "live_site_url")
    project = request.getfixturevalue("built_project" if which == "fixture" else "live_project")
    _, h = load(project, build_date() if which == "live" else BUILD_DATE)
    maatregel = next(iter(h.maatregelen.values()))
    context, page = _page(browser)
    try:
        page.goto(root + url_of("maatregel", maatregel.id))
        order = []
        for _ in range(400):
            page.keyboard.press("Tab")
            where = page.evaluate(
                """() => { const e = document.activeElement;
                if (e === document.body) return null;
                if (e.closest('#hoofdinhoud')) return 'inhoud';
                if (e.closest('.md-sidebar--secondary')) return 'inhoudsopgave';
                return 'elders'; }"""
            )
            if where is None:
                break
            if not order or order[-1] != where:
                order.append(where)
        assert "inhoud" in order and "inhoudsopgave" in order, order
        assert order.index("inhoudsopgave") > order.index("inhoud"), order
        assert order.count("inhoud") == 1, order  # the content is one run of stops
    finally:
        context.close()


def test_a_search_from_the_header_lands_in_the_field_with_the_count_announced(browser, site_url):
    context, page = _page(browser)
    try:
        page.goto(site_url + "opgaven/")
        page.focus("#hr-kopzoekterm")
        page.keyboard.type("grote gezinnen")
        page.keyboard.press("Enter")
        page.wait_for_selector("form[data-hr-zoeken][data-hr-klaar]")
        assert page.evaluate("() => document.activeElement.id") == "hr-zoekterm"  # no tabbing
        status = page.locator("#hr-zoekstatus")
        assert status.get_attribute("role") == "status"
        assert status.get_attribute("aria-live") == "polite"
        assert status.inner_text() == "2 resultaten voor ‘grote gezinnen’."
    finally:
        context.close()


def test_each_result_shows_its_kind_and_status_and_no_pilcrow(browser, site_url):
    context, page = _page(browser)
    try:
        pagefind_results(page, site_url, "grote gezinnen")
        items = page.eval_on_selector_all(
            "#hr-zoeklijst > li",
            "els => els.map(li => [li.querySelector('a').textContent,"
            " li.querySelector('.hr-zoeklijst__soort').textContent, li.textContent])",
        )
        name = "Financiële impuls versneld huisvesten vergunninghouders"
        assert sorted((title, kind) for title, kind, _ in items) == [
            (name, "Maatregel · In voorbereiding · verlopen"),  # its start was 2021-Q2 (begin)
            (name, "Regeling · In voorbereiding · verlopen"),  # the same rule since issue 22
        ]
        pagefind_results(page, site_url, "contact")
        texts = page.eval_on_selector_all(
            "#hr-zoeklijst > li", "els => els.map(e => e.textContent)"
        )
        assert texts and not [t for t in texts if "¶" in t]
        kinds = page.eval_on_selector_all(
            "#hr-zoeklijst .hr-zoeklijst__soort", "els => els.map(e => e.textContent)"
        )
        assert {k.split(" · ")[0] for k in kinds} <= {
            "Maatregel",
            "Regeling",
            "Organisatie",
            "Opgave",
            "Pagina",
        }
        assert {"Organisatie", "Pagina"} <= {k.split(" · ")[0] for k in kinds}
    finally:
        context.close()


def test_every_live_result_has_a_kind_and_no_pilcrow(browser, live_site_url, live_project):
    _, h = load(live_project, build_date())
    context, page = _page(browser)
    try:
        for record in (next(iter(h.maatregelen.values())), next(iter(h.organisaties.values()))):
            query = getattr(record, "titel", None) or record.naam
            pagefind_results(page, live_site_url, query)
            items = page.eval_on_selector_all(
                "#hr-zoeklijst > li",
                "els => els.map(li => [li.textContent, li.querySelector('.hr-zoeklijst__soort')"
                " && li.querySelector('.hr-zoeklijst__soort').textContent])",
            )
            assert items, query
            assert all(kind for _, kind in items) and not [t for t, _ in items if "¶" in t], items
    finally:
        context.close()


def test_search_filters_are_slugs_and_an_unknown_one_says_so(browser, site_url):
    context, page = _page(browser)
    try:
        results = pagefind_results(page, site_url, "opvang")
        page.goto(site_url + "zoeken/?q=opvang&status=in-voorbereiding&organisatie=coa")
        page.wait_for_selector("form[data-hr-zoeken][data-hr-klaar]")
        assert page.eval_on_selector("#hr-zoek-status", "s => s.value") == "in-voorbereiding"
        filtered = page.eval_on_selector_all("#hr-zoeklijst > li > a", "e => e.map(a => a.href)")
        assert filtered and len(filtered) < len(results)
        assert [u for u in filtered if "escalatiemogelijkheden-opvangtekort" in u]
        page.goto(site_url + "zoeken/?q=opvang&status=bestaat-niet")
        page.wait_for_selector("form[data-hr-zoeken][data-hr-klaar]")
        assert "Onbekende status ‘bestaat-niet’ in het adres" in page.inner_text("#hr-zoekstatus")
        page.goto(site_url + "maatregelen/?status=bestaat-niet")
        count = page.locator(".hr-filter__aantal")
        count.filter(has_text="Onbekende status ‘bestaat-niet’").wait_for()
        assert count.inner_text().startswith("Alle ")
    finally:
        context.close()


def _printed_text(page) -> tuple[int, str]:
    data = page.pdf(format="A4", print_background=True)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    return len(PdfReader(io.BytesIO(data)).pages), " ".join(text.split())


def test_a_filtered_overview_prints_its_filter(browser, site_url):
    context, page = _page(browser, 794, 1123)
    try:
        page.goto(site_url + "maatregelen/?opgave=huisvesting&status=in-voorbereiding")
        page.wait_for_function("() => document.querySelector('form[data-hr-getoond]')")
        _, printed = _printed_text(page)
        assert (
            "4 van de 15 maatregelen worden getoond. Filter: opgave Huisvesting "
            "vergunninghouders, status In voorbereiding." in printed
        )
        assert "Tussenvormen" in printed and "Interdepartementale" in printed  # in voorbereiding
        assert "woningcorporaties" not in printed  # 4.2.2, beschikbaar: filtered out
        assert "Alle 15" not in printed and "Filter de maatregelen" not in printed
    finally:
        context.close()


def test_every_opgave_prints_as_one_page(browser, site_url, built_project):
    _, h = load(built_project, BUILD_DATE)
    context, page = _page(browser, 794, 1123)
    try:
        for opgave in h.opgaven.values():
            page.goto(site_url + url_of("opgave", opgave.id))
            pages, printed = _printed_text(page)
            assert pages == 1, opgave.id
            assert opgave.titel in printed
            assert f"https://integrale-handreiking.nl/{url_of('opgave', opgave.id)}" in printed
            for m in opgave.maatregelen:
                assert " ".join(m.titel.split()) in printed, (opgave.id, m.id)
            assert "Over deze opgave" not in printed and "Kopieer link" not in printed
    finally:
        context.close()


def test_kopieer_link_and_citeer_copy_to_the_clipboard(browser, site_url):
    context, page = _page(browser)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    try:
        page.goto(site_url + "regelingen/financiele-impuls-versneld-huisvesten/")
        page.click("button:has-text('Kopieer link')")
        page.locator(".hr-delen__melding", has_text="Link gekopieerd.").wait_for()
        # issue 20: unchanged since edition 2021, so its fixed address in that edition
        address = (
            "https://integrale-handreiking.nl/editie/2021/regelingen/"
            "financiele-impuls-versneld-huisvesten/"
        )
        assert page.evaluate("navigator.clipboard.readText()") == address
        page.click("summary:has-text('Citeer')")
        page.click("button:has-text('Kopieer citaat')")
        page.locator(".hr-delen__melding", has_text="Citaat gekopieerd.").wait_for()
        citation = page.evaluate("navigator.clipboard.readText()")
        assert re.fullmatch(
            r"Integrale Handreiking Huisvesting, Opvang en Inburgering 2021 \(editie 2021\), "
            r"financieringsregeling 4\.3\.1 Financiële impuls versneld huisvesten "
            rf"vergunninghouders, {re.escape(address)}, geraadpleegd op \d{{1,2}} \w+ \d{{4}}\.",
            citation,
        ), citation
    finally:
        context.close()


def test_without_javascript_the_citation_is_there_and_no_dead_buttons(browser, site_url):
    context, page = _page(browser, java_script_enabled=False)
    try:
        page.goto(site_url + "opgaven/huisvesting/")
        page.click("summary:has-text('Citeer')")
        assert page.locator("#citaat").is_visible()
        assert "geraadpleegd op" in page.inner_text("#citaat")
        assert not page.locator(".hr-delen button").first.is_visible()
    finally:
        context.close()


def test_a_begrip_anchor_lands_on_its_term_in_view(browser, site_url):
    context, page = _page(browser, 375, 740)
    try:
        page.goto(site_url + "begrippen/#coa")
        page.evaluate(SETTLED)
        box = page.locator("dt#coa").bounding_box()
        header = page.locator(".md-header").bounding_box()
        assert box and box["y"] >= header["y"] + header["height"] - 1 and box["y"] < 740
        assert page.evaluate("() => document.querySelector(':target').id") == "coa"
    finally:
        context.close()
