"""Rendering: golden Markdown for the minimal fixture, Dutch notation, and escaping."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, in_fresh_process
from generator.content.model import Handreiking
from generator.content.validate import check_project
from generator.outputs.pages import render_pages
from generator.outputs.printed import Document
from generator.outputs.render import (
    Renderer,
    Settings,
    euro,
    inline_text,
    number,
    relative,
)

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
GOLDEN = ROOT / "tests" / "golden" / "minimal"
SETTINGS = Settings(
    today=date(2021, 6, 15), repo_url="https://example.org/repo", site_url="https://example.org/"
)


def fixture_pages(root: Path = FIXTURE) -> dict[str, str | bytes]:
    """The site's pages of the fixture, and its print page (the PDF's text): the fixture
    fills every field (tests/test_fixture_fields.py), so the golden files show each one."""
    checked = check_project(root, SETTINGS.today)
    assert not checked.errors, checked.errors
    handreiking = Handreiking.from_checked(checked.values, checked.pages, checked.files)
    pages = render_pages(handreiking, SETTINGS)
    return {**pages, **Document(handreiking, SETTINGS).page(None)}


def test_rendered_markdown_matches_the_golden_files(request):
    pages = {path: text for path, text in fixture_pages().items() if path.endswith(".md")}
    if request.config.getoption("--update-goldens"):
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for path, text in pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
        pytest.skip("golden files rewritten; review the diff")
    golden = {
        str(p.relative_to(GOLDEN)): p.read_text(encoding="utf-8")
        for p in sorted(GOLDEN.rglob("*.md"))
    }
    assert sorted(pages) == sorted(golden), "page set changed; run pytest --update-goldens"
    for path, text in pages.items():
        assert text == golden[path], f"{path} differs; run pytest --update-goldens and review"


def test_a_page_defines_only_the_abbreviations_it_uses():
    checked = check_project(FIXTURE, SETTINGS.today)
    renderer = Renderer(
        Handreiking.from_checked(checked.values, checked.pages, checked.files), SETTINGS
    )
    assert renderer.abbreviations("Geen afkorting hier.") == ""
    # Python-Markdown's abbr extension wraps COA in `_COA_` (emphasis) and in `CdK's`,
    # but not in `COAX` or `CdKs`.
    for text, terms in (
        ("Het _COA_ zegt", ["COA"]),
        ("De CdK's en het COA.", ["COA", "CdK"]),
        ("COAX en CdKs", []),
    ):
        lines = renderer.abbreviations(text).split()
        assert sorted(t for t in ("COA", "CdK") if f"*[{t}]:" in lines) == sorted(terms), text


def test_rendering_is_deterministic():
    """The same pages here and in two other processes, each ordering sets of strings its own
    way (PYTHONHASHSEED), none sharing this one's caches."""
    pages = fixture_pages()
    for seed in (1, 2):
        assert in_fresh_process("test_render:fixture_pages", hash_seed=seed) == pages, seed


def test_html_in_content_never_reaches_a_page_unescaped():
    checked = check_project(FIXTURE, SETTINGS.today)
    values = checked.values
    values["maatregelen"][0]["titel"] = "<script>alert('titel')</script>"
    values["maatregelen"][0]["beschrijving"] = "<img src=x onerror=alert(1)> & meer"
    values["organisaties"][0]["naam"] = "BZK <b>vet</b>"
    handreiking = Handreiking.from_checked(values, checked.pages, checked.files)
    pages = render_pages(handreiking, SETTINGS)
    for path, text in pages.items():
        if isinstance(text, str):
            assert "<script>" not in text and "<img" not in text and "<b>" not in text, path
    assert (
        "<p>&#60;img src=x onerror=alert(1)&#62; &#38; meer</p>"
        in pages["maatregelen/tussenvoorzieningen.md"]
    )


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (50_000_000, "€ 50 miljoen"),
        (3_000_000, "€ 3 miljoen"),
        (25_500_000, "€ 25,5 miljoen"),
        (417, "€ 417"),
        (12_500, "€ 12.500"),
    ],
)
def test_euro_amounts_in_dutch(value, words):
    assert euro(value) == words


def test_numbers_in_dutch():
    assert (number(13500), number(5000), number(417), number(25.5)) == (
        "13.500",
        "5.000",
        "417",
        "25,5",
    )


def test_plain_text_cannot_become_markdown_or_html():
    assert inline_text("a *b* [c](d) <e>") == r"a \*b\* \[c\](d) &lt;e&gt;"
    # Issue 12: an attribute list after a title, and a line break, stay text.
    assert inline_text('Titel {: onclick="x" }\nmeer') == r'Titel \{: onclick="x" \} meer'


def test_relative_links_between_directory_urls():
    assert relative("maatregelen/a/", "organisaties/bzk/") == "../../organisaties/bzk/"
    assert relative("", "maatregelen/") == "maatregelen/"
    assert relative("maatregelen/", "maatregelen/") == "./"


def test_long_overviews_are_nested_blocks_that_markdown_turns_into_every_item(
    tmp_path, monkeypatch
):
    """Issue 6: past 100 items the overviews nest their sections in blocks of 100."""
    import markdown
    import yaml

    from generator.site.build import generate
    from tools.synthetic import synthetic_project

    monkeypatch.setenv("HANDREIKING_PDF", "0")
    project = tmp_path / "synthetisch"
    counts = synthetic_project(project, 10)  # 173 bronnen, 320 organisaties
    _, pages = generate(project, SETTINGS.today)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    options = {
        k: v for e in config["markdown_extensions"] if isinstance(e, dict) for k, v in e.items()
    }
    bronnen = yaml.safe_load((project / "content" / "bronnen.yaml").read_text(encoding="utf-8"))
    assert counts["bronnen"] > 100
    for page, section, ids in (
        ("bronnen.md", "hr-bron", [b["id"] for b in bronnen["bronnen"]]),
        ("organisaties.md", "hr-organisatie", None),
    ):
        text = pages[page].split("---\n", 2)[2]
        assert text.count("\n<div markdown>\n") >= 2, page  # more than one block of 100
        html = markdown.Markdown(extensions=names, extension_configs=options).convert(text)
        assert "markdown" not in html.replace("Markdown", ""), page  # no attribute or tag leaks
        assert html.count(f'<section class="{section}">') == text.count(f'class="{section}"')
        for id_ in ids or []:
            assert html.count(f'id="{id_}"') == 1, (page, id_)


def test_a_bijlage_title_is_text_not_markdown():
    """Issue 12: a bijlage's title went into the bronnen page's Markdown with only HTML
    escaping, so `*a*{: onclick=... }` and `![i](https://...)` in it were live."""
    checked = check_project(FIXTURE, SETTINGS.today)
    values = checked.values
    titel = "Bijlage *a*{: onclick=alert(1) } ![i](https://evil.example/p.png) `c`"
    bron = next(b for b in values["bronnen"] if b.get("url"))
    bron["bijlagen"] = [{"titel": titel, "url": "https://www.vng.nl/a"}]
    handreiking = Handreiking.from_checked(values, checked.pages, checked.files)
    page = render_pages(handreiking, SETTINGS)["bronnen.md"]
    assert f'<a href="https://www.vng.nl/a">{inline_text(titel)}</a>' in page


# Where a template line starts with a block-level tag, Python-Markdown keeps the block as raw
# HTML (its text is never Markdown, blank lines included); elsewhere a value is Markdown.
RAW_BLOCK = re.compile(
    r"^\s*<(p|li|ul|ol|tr|th|td|div|nav|table|section|form|option|select|h[1-6]|details"
    r"|dl|dt|dd|pre|svg|text|title|desc|caption|main|blockquote|fieldset|label)\b"
)
ESCAPED = re.compile(
    r"\|\s*(inline|number|euro|dutch_date|length)\b|\b(tekst|platte_tekst|voetnoot|front_matter"
    r"|link|mdlink)\(|^\s*(status|status_text|orgs|orgs_html|bedrag|reden|herkomst|afgeleid"
    r"|mijlpaal_state|edit_note|kruimelpad|delen|caller|swatch|mark_shape|online|names"
    r"|regeling)\("
)
# Reviewed: what the templates write into Markdown unescaped is generated, never an editor's
# text: labels, dates in words, ids and anchors, counts, the site's own constants. The one
# content value, an organisatie's korte_naam, is in `orgs_html`, used only in raw HTML.
GENERATED = {
    '" (afgeleid)" if record.afgeleid and "status" in record.afgeleid',
    '" · verlopen" if record.is_overdue(today)',
    '" · verlopen" if verlopen',
    '", " if not loop.last',
    '"; " if not loop.last else "."',
    *("H1", "H2", "H3", "adres(page_url)", "ankers[voorbeeld]", "b.datum.words", "b.id"),
    *("bijlagen.begrippen", "bijlagen.bronnen", 'body.rstrip("\\n")', "c.name", "c.soort"),
    *("ch.anchor", "ch.number", "d.file", 'd.file.split("/")[-1]', "d.formaat", "d.size"),
    "document.body(pdf=False, base=2, link=mdlink, tekst=tekst, voetnoot=voetnoot)",
    *("document.chapters[-1].number", "e.anchor", "g.gewijzigd", "g.redactiedatum"),
    *("g.verschenen", "gebouwd", "h.editie.jaar", "h.editie.peildatum.words"),
    *("h.editie.vastgesteld.datum.words", "h.organisaties[id].korte_naam", "heading"),
    *("ics_url", "jaar", "kind", "leeg", "licentie.id", "licentie.naam", "licentie.url"),
    *("n", "nu", "o.id", "p.datum.words", "pdf_file.href", "pdf_file.pages", "pdf_file.size"),
    'r.aanvraagperiode.words if r.aanvraagperiode else "de handreiking noemt geen aanvraagperiode"',
    *("record.record.field(key).label|lower", "regel(p)", "s.anchor", "s.number", "s.titel"),
    *("s.vorige.label", "sectie_titels.maatregel", "sectie_titels.opgave"),
    *("sectie_titels.organisatie", "sectie_titels.redactie", "sectie_titels.regeling"),
    *("separator", "site", "soort_bedrag_labels[r.bedrag.soort]"),
    *("soort_organisatie_labels[o.soort]", "status_labels[record.status]"),
    *('telling|join(", ")', "v.anker", "v.label|capitalize", "verlopen", "w.onderwerp"),
}
NOT_MARKDOWN = ("foutpagina.html.j2", "print.css.j2", "print.html.j2", "security.txt.j2")


def test_no_template_writes_a_content_value_into_markdown_unescaped():
    """Issue 12: every value in a Markdown context goes through |inline (or tekst(),
    platte_tekst(), an attribute, raw HTML); a new `{{ x.titel }}` in a Markdown line fails."""
    found = []
    for template in sorted((ROOT / "generator" / "templates").glob("*.j2")):
        if template.name in NOT_MARKDOWN or template.name.startswith("_tijdlijn_svg"):
            continue
        for at, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            if RAW_BLOCK.match(line):
                continue
            for match in re.finditer(r"\{\{-?\s*(.*?)\s*-?\}\}", line):
                before = line[: match.start()]
                in_attribute = before.rfind("<") > before.rfind(">")
                expression = match.group(1)
                if in_attribute or ESCAPED.search(expression) or expression in GENERATED:
                    continue
                found.append(f"{template.name}:{at}: {{{{ {expression} }}}}")
    assert found == []
