"""Orientation on the built site (issue 14), without a browser: breadcrumbs and the active
section on every record page, a link and a citation on each, a maatregel and its regeling
naming each other's kind, the begrippen with an anchor per term and every abbreviation on
them, and the editors' material out of the readers' way.

Tests named `..._live` run on the live content and assert only what holds for any valid
content; the others pin texts of the frozen 2021 fixture.
"""

from __future__ import annotations

import html as entities
import re
from pathlib import Path

import pytest
from site_checks import ABBREVIATION, _ReadText, is_abbreviation, unexplained_abbreviations

from conftest import BUILD_DATE
from generator.base.settings import build_date
from generator.base.urls import anchors, url_of
from generator.outputs.render import SECTION_TITLES
from generator.site.build import load

KINDS = {  # record kind -> (its records in the model, the attribute with its title)
    "maatregel": ("maatregelen", "titel"),
    "regeling": ("regelingen", "titel"),
    "organisatie": ("organisaties", "naam"),
    "opgave": ("opgaven", "titel"),
}


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def text(markup: str) -> str:
    return " ".join(entities.unescape(re.sub(r"<[^>]+>", "", markup)).split())


ACTIVE_TAB = re.compile(
    r'md-tabs__item--active">\s*<a href="[^"]*" class="md-tabs__link" aria-current="true">'
    r"\s*([^<]+?)\s*</a>"
)


def record_pages(project: Path, today):
    _, h = load(project, today)
    for kind, (key, title) in KINDS.items():
        for record in getattr(h, key).values():
            yield h, kind, record, " ".join(getattr(record, title).split())


def orientation_problems(project: Path, today) -> list[str]:
    """Every record page: breadcrumbs Home > its overview > itself, its section's tab
    marked, and 'Kopieer link' and 'Citeer' with the edition and its address."""
    site = project / "site"
    problems = []
    for h, kind, record, title in record_pages(project, today):
        url = url_of(kind, record.id)
        markup = page(site, url)
        crumbs = re.search(
            r'<nav class="hr-kruimelpad" aria-label="Kruimelpad"[^>]*>(.*?)</nav>', markup
        )
        if not crumbs:
            problems.append(f"/{url}: no breadcrumbs")
        else:
            links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', crumbs.group(1))
            if [name for _, name in links] != ["Home", SECTION_TITLES[kind]]:
                problems.append(f"/{url}: breadcrumbs {links}")
            if entities.unescape(title) not in text(crumbs.group(1)):
                problems.append(f"/{url}: breadcrumbs do not end with ‘{title}’")
        tab = re.search(ACTIVE_TAB, markup)
        if not tab or tab.group(1) != SECTION_TITLES[kind]:
            problems.append(f"/{url}: active tab {tab and tab.group(1)}")
        if "Kopieer link</button>" not in markup or "<summary>Citeer</summary>" not in markup:
            problems.append(f"/{url}: no 'Kopieer link' or 'Citeer'")
        citation = re.search(r'<p class="hr-citeer__tekst" id="citaat">(.*?)</p>', markup)
        named = "financieringsregeling" if kind == "regeling" else kind
        # Issue 20: a version unchanged since the last edition is cited at its fixed address.
        opening = rf"{re.escape(h.editie.titel)}( \(editie (\d{{4}})\))?, {named} "
        found = citation and re.match(opening, text(citation.group(1)))
        if not found:
            problems.append(f"/{url}: citation {citation and text(citation.group(1))}")
            continue
        fixed = f"editie/{found.group(2)}/" if found.group(2) else ""
        if not re.search(
            rf", https?://[^ ]+/{re.escape(fixed + url)}, geraadpleegd op ", citation.group(1)
        ):
            problems.append(f"/{url}: the citation lacks its address or date of consultation")
    return problems


def test_every_record_page_has_breadcrumbs_its_tab_a_link_and_a_citation(built_project):
    assert orientation_problems(built_project, BUILD_DATE) == []


def test_every_record_page_has_breadcrumbs_its_tab_a_link_and_a_citation_live(live_project):
    assert orientation_problems(live_project, build_date()) == []


def test_the_citation_names_edition_paragraph_title_and_address(site_dir):
    markup = page(site_dir, "maatregelen/tussenvoorzieningen/")
    citation = text(re.search(r'id="citaat">(.*?)</p>', markup).group(1))
    assert citation == (
        "Integrale Handreiking Huisvesting, Opvang en Inburgering 2021 (editie 2021), maatregel "
        "4.2.1 Tussenvormen huisvesting, https://integrale-handreiking.nl/editie/2021/"
        "maatregelen/tussenvoorzieningen/, geraadpleegd op [datum]."
    )
    note = text(re.search(r'<p class="hr-citeer__noot">(.*?)</p>', markup).group(1))
    assert note == (
        "Dit adres blijft deze versie tonen. Altijd de nieuwste versie: "
        "https://integrale-handreiking.nl/maatregelen/tussenvoorzieningen/"
    )


def test_a_maatregel_and_its_regeling_of_the_same_name_point_at_each_other_by_kind(site_dir):
    maatregel = page(
        site_dir, "maatregelen/financiele-impuls-versneld-huisvesten-vergunninghouders/"
    )
    regeling = page(site_dir, "regelingen/financiele-impuls-versneld-huisvesten/")
    name = "Financiële impuls versneld huisvesten vergunninghouders"
    assert f"<title>Maatregel: {name} - " in maatregel
    assert f"<title>Regeling: {name} - " in regeling
    assert (
        f'Regeling <a href="../../regelingen/financiele-impuls-versneld-huisvesten/">{name}</a>'
        in maatregel
    )
    maatregel_url = "../../maatregelen/financiele-impuls-versneld-huisvesten-vergunninghouders/"
    assert f'Maatregel <a href="{maatregel_url}">{name}</a>' in regeling
    assert "Maatregel · " in text(maatregel) and "Financieringsregeling · " in text(regeling)


# --- begrippen -------------------------------------------------------------------------------


def begrippen_problems(project: Path, today) -> list[str]:
    """The begrippen page is a definition list with every term once, each with its anchor."""
    _, h = load(project, today)
    markup = page(project / "site", "begrippen/")
    terms = dict(re.findall(r'<dt id="([^"]+)">([^<]*)</dt>', markup))
    problems = []
    if not re.search(r'<dl class="hr-begrippen">', markup):
        problems.append("no definition list")
    expected = anchors([b.term for b in h.begrippen])
    for term, anchor in expected.items():
        if entities.unescape(terms.get(anchor, "")) != term:
            problems.append(f"{term}: no <dt id={anchor!r}>")
    if len(terms) != len(h.begrippen) or len(set(expected.values())) != len(expected):
        problems.append("an anchor is missing or used twice")
    return problems


def test_begrippen_is_a_definition_list_with_an_anchor_per_term(built_project, site_dir):
    assert begrippen_problems(built_project, BUILD_DATE) == []
    markup = page(site_dir, "begrippen/")
    coa = '<dt id="coa">COA</dt>\n<dd class="hr-begrip__betekenis">Centraal Orgaan opvang'
    assert coa in markup
    assert '<dt id="cdk">CdK</dt>' in markup and '<dt id="vng">VNG</dt>' in markup
    # the meaning and the explanation are separate descriptions, no longer one run of text
    azc = markup[markup.index('<dt id="azc">') :].split("</div>", 1)[0]
    assert azc.count("<dd") >= 2 and "Asielzoekerscentrum</dd>" in azc


def test_begrippen_is_a_definition_list_with_an_anchor_per_term_live(live_project):
    assert begrippen_problems(live_project, build_date()) == []


def test_every_abbreviation_on_a_page_is_on_the_begrippen_page(built_project):
    assert unexplained_abbreviations(built_project, BUILD_DATE) == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [("VNG", True), ("CdK", True), ("JenV", True), ("COVID", True), ("PRT", True)]
    + [("II", False), ("JavaScript", False), ("Opvang", False), ("A", False), ("GitHub", False)],
)
def test_what_counts_as_an_abbreviation(word, expected):
    assert is_abbreviation(word) is expected


def test_the_abbreviation_check_reads_the_content_and_not_the_breadcrumbs():
    reader = _ReadText()
    reader.feed(
        '<nav>NAV</nav><article id="hoofdinhoud"><nav data-pagefind-ignore>IGN <b>IGN</b></nav>'
        "<p>Met de VNG en <abbr>CdK</abbr>’s<br>en het <i>IPO</i></p><script>JSX</script></article>"
        "<footer>FOOT</footer>"
    )
    words = [w for w in ABBREVIATION.findall(" ".join(reader.parts)) if is_abbreviation(w)]
    assert words == ["VNG", "CdK", "IPO"]


# --- the editors' material -----------------------------------------------------------------


def editors_problems(project: Path, today) -> list[str]:
    """Pages 'voor: redactie' are under /redactie/, linked from every footer, out of the menu
    and the readers' search; no page has an edit link unless mkdocs.yml names a repository."""
    _, h = load(project, today)
    site = project / "site"
    home = page(site, "")
    listing = page(site, "redactie/")
    problems = []
    for pagina in h.paginas:
        url = url_of("pagina", pagina.slug)
        markup = page(site, url)
        article = markup[markup.index('id="hoofdinhoud"') :].split(">", 1)[0]
        indexed = "data-pagefind-body" in article
        in_menu = re.search(rf'<a href="{url}" class="md-(?:tabs|nav)__link', home) is not None
        if pagina.for_editors and (indexed or in_menu or f"{pagina.slug}/" not in listing):
            problems.append(f"/{url}: for editors, but indexed, in the menu or not on /redactie/")
        if not pagina.for_editors and not (indexed and in_menu):
            problems.append(f"/{url}: a readers' page out of the search or the menu")
    for file in sorted(site.rglob("index.html")):
        markup = file.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in markup[:2000]:
            continue
        if ">Voor de redactie</a>" not in markup:
            problems.append(f"{file.relative_to(site)}: no 'Voor de redactie' in the footer")
        if "Bewerk het bronbestand" in markup:
            problems.append(f"{file.relative_to(site)}: an edit link without a repository")
    return problems


def test_the_editors_material_is_in_its_own_section(built_project, site_dir):
    assert editors_problems(built_project, BUILD_DATE) == []
    assert any(p.for_editors for p in load(built_project, BUILD_DATE)[1].paginas)
    assert "Handleiding voor de redactie" in page(site_dir, "redactie/")


def test_the_editors_material_is_in_its_own_section_live(live_project):
    assert editors_problems(live_project, build_date()) == []


# --- landmarks -----------------------------------------------------------------------------

MATERIAL_ENGLISH = {"Header", "Footer", "Tabs", "Navigation", "Table of contents", "Search"}


def english_landmarks(site: Path) -> list[str]:
    """Landmark labels left in Material's English ('Header', 'Tabs', ...), as 'page: label'."""
    found = []
    for file in sorted(site.rglob("*.html")):
        if "pagefind" in file.parts:
            continue
        markup = file.read_text(encoding="utf-8")
        for tag, label in re.findall(
            r'<(nav|header|footer|aside|main|form)\b[^>]*aria-label="([^"]*)"', markup
        ):
            if label in MATERIAL_ENGLISH:
                found.append(f"{file.relative_to(site)}: <{tag} aria-label={label!r}>")
    return sorted(set(found))


def test_landmarks_are_labelled_in_dutch(site_dir):
    assert english_landmarks(site_dir) == []
    markup = page(site_dir, "maatregelen/tussenvoorzieningen/")
    labels = re.findall(r'<(?:nav|header|footer)\b[^>]*aria-label="([^"]*)"', markup)
    assert {"Kop van de website", "Hoofdmenu", "Kruimelpad", "Over deze website"} <= set(labels)


def test_landmarks_are_labelled_in_dutch_live(live_site_dir):
    assert english_landmarks(live_site_dir) == []
