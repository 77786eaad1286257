"""Issue 21: the changelog comment on a pull request is inert on GitHub.

`handreiking diff` goes verbatim into a PR comment and the job summary. Whatever an editor
writes in a title or a reason must not mention a person or team, reference an issue, or link
another host there, and must still read the same. Rendered with cmark-gfm, GitHub's own
Markdown implementation, with raw HTML let through (so escaping, not a sanitiser, is tested);
mentions and issue references GitHub adds afterwards, on the rendered text outside code and
links, so those are looked for in the text nodes.
"""

from __future__ import annotations

import html.parser
import re

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from generator.history.changelog_md import ZWJ, code, markdown
from generator.history.changes import Wijziging
from generator.history.diff import vergelijk

HOSTILE = [
    "Opvang cc @octocat @integrale-handreiking/beheer",
    "zie https://evil.example/login",
    "www.evil.example",
    "fixes #12",
    "org/repo#12",
    "GH-12 en gh-13",
    "<img src=x onerror=alert(1)>",
    "![beeld](https://evil.example/p.png)",
    "[klik hier](https://evil.example)",
    "mail info@evil.example",
    "&#64;octocat &#35;12 &lt;b&gt;",
    "_www.evil.example_ en (http://evil.example).",
    "`https://evil.example` in ``code``",
    "xmpp:iemand@evil.example en mailto:iemand@evil.example",
    "**vet** ~~weg~~ $x$ | kolom",
    "regel\n# kop\n- lijst",
]
SITE = "https://handreiking.example/"
MENTION = re.compile(r"(?<![\w`])@[A-Za-z0-9][A-Za-z0-9-]*")
ISSUE = re.compile(r"(?i)(?<![\w&])#\d+|[\w.-]+/[\w.-]+#\d+|\bgh-\d+")


class _Rendered(html.parser.HTMLParser):
    """The tags of rendered HTML, its text, and the text outside <code> and <a>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.linkable, self.inside = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("code", "a"):
            self.inside.append(tag)

    def handle_endtag(self, tag):
        if self.inside and self.inside[-1] == tag:
            self.inside.pop()

    def handle_data(self, data):
        self.text.append(data)
        if not self.inside:
            self.linkable.append(data)


def render(markdown_text: str) -> _Rendered:
    rendered = cmarkgfm.github_flavored_markdown_to_html(
        markdown_text, options=Options.CMARK_OPT_UNSAFE
    )
    parser = _Rendered()
    parser.feed(rendered)
    parser.html = rendered
    return parser


def comment(titel: str, wat: str = "nieuw opgenomen", link=None) -> _Rendered:
    change = Wijziging("nieuw", "maatregel", "x", titel, wat)
    return render(markdown([change], "Wat is er veranderd: editie 2021 → de huidige inhoud", link))


@pytest.mark.parametrize("titel", HOSTILE)
def test_a_hostile_title_renders_as_its_own_text_and_nothing_else(titel):
    page = comment(titel)
    assert [tag for tag, _ in page.tags if tag not in ("h2", "h3", "ul", "li", "strong", "p")] in (
        [],
        ["code"],
        ["code", "code"],
    ), page.html
    linkable = "".join(page.linkable)
    assert not MENTION.search(linkable), page.html
    assert not ISSUE.search(linkable), page.html
    shown = " ".join("".join(page.text).replace(ZWJ, "").split())  # entities: the parser's
    assert f"Maatregel {' '.join(titel.split())}: nieuw opgenomen." in shown


@pytest.mark.parametrize("titel", HOSTILE)
def test_with_links_to_the_site_every_link_goes_to_the_site(titel):
    page = comment(titel, link=lambda url: SITE + url)
    links = [attrs.get("href", "") for tag, attrs in page.tags if tag == "a"]
    assert links == [SITE + "maatregelen/x/"], page.html
    assert not any(tag == "img" for tag, _ in page.tags)


def test_a_reason_from_content_is_as_inert_as_a_title():
    old = {"maatregelen": [{"id": "x", "titel": "X", "status": "voornemen"}]}
    new = {
        "maatregelen": [],
        "verwijderd": [
            {"soort": "maatregel", "id": "x", "reden": "Zie https://evil.example, cc @octocat #7."}
        ],
    }
    page = render(markdown(vergelijk(old, new), "Wat is er veranderd"))
    assert not [tag for tag, _ in page.tags if tag in ("a", "img")], page.html
    assert not MENTION.search("".join(page.linkable)) and not ISSUE.search("".join(page.linkable))
    shown = "".join(page.text).replace(ZWJ, "")
    assert "niet meer opgenomen: Zie https://evil.example, cc @octocat #7." in shown


def test_a_code_span_holds_any_backticks_literally():
    assert code("a`b") == "``a`b``"
    assert code("`x`") == "`` `x` ``"
    page = render(code("``https://evil.example``"))
    assert "".join(page.text).strip() == "``https://evil.example``"


def test_the_rendered_comment_for_a_hostile_title(capsys):
    """The comment as GitHub shows it, for the record (pytest -s prints it)."""
    page = comment("Opvang cc @octocat, zie https://evil.example/login en fixes #12")
    print(page.html)
    assert "<code>https://evil.example/login</code>" in page.html
    assert f"@{ZWJ}octocat" in page.html and f"#{ZWJ}12" in page.html
