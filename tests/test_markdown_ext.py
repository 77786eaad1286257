"""content/markdown_ext.py: lettered lists and an abbreviation explained at its first use."""

from __future__ import annotations

import markdown

from generator.content import markup
from generator.content.markdown_ext import HandreikingExtension, first_abbreviations


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["abbr", "md_in_html", HandreikingExtension()])


def test_a_bullet_list_lettered_in_its_text_becomes_a_lettered_list():
    assert render("- a. een\n- b. twee") == '<ol type="a">\n<li>een</li>\n<li>twee</li>\n</ol>'
    nested = render("1. Opvang\n    - a. kort\n    - b. lang\n2. Inburgering")
    assert '<ol type="a">\n<li>kort</li>\n<li>lang</li>\n</ol>' in nested


def test_a_list_that_is_not_lettered_a_b_c_stays_as_it_is():
    for text in ("- a. een\n- c. drie", "- b. twee\n- c. drie", "- a. alleen", "- een\n- twee"):
        assert "<ul>" in render(text) and 'type="a"' not in render(text), text


def test_only_the_first_use_of_an_abbreviation_is_explained():
    text = "Het COA en *het COA*.\n\n- COA en BZK\n\n*[COA]: Centraal Orgaan\n*[BZK]: Ministerie"
    html = first_abbreviations(render(text))
    assert html.count("<abbr") == 2
    assert html.startswith('<p>Het <abbr title="Centraal Orgaan">COA</abbr> en <em>het COA</em>.')
    assert '<li>COA en <abbr title="Ministerie">BZK</abbr></li>' in html


def test_the_first_use_counts_across_the_editors_texts_on_a_page():
    """An editor's text is a raw HTML block of the page (markup.py): its <abbr>s count too."""
    glossary = (("COA", "Centraal Orgaan"),)
    first = markup.to_html(markup.blocks("Het COA.", glossary=glossary))
    second = markup.to_html(markup.blocks("Weer het COA.", glossary=glossary))
    page = f"## Over het COA\n\n{first}\n\n{second}\n\n*[COA]: Centraal Orgaan\n"
    html = render(page)
    assert html.count("<abbr") == 1
    assert html.startswith('<h2>Over het <abbr title="Centraal Orgaan">COA</abbr></h2>')
    assert html.endswith("<p>Het COA.</p>\n\n<p>Weer het COA.</p>")


def test_an_editors_lettered_list_is_a_lettered_list():
    html = markup.to_html(markup.blocks("1. Opvang\n    - a. kort\n    - b. lang"))
    assert '<ol type="a"> <li>kort</li> <li>lang</li> </ol>' in html
