"""The changelog as Markdown for a pull request: `handreiking diff`, the PR comment and the
job summary on GitHub.

That text is posted verbatim under the project's name, and its titles and reasons come from
content anyone can propose, so every piece of content text is written *inert* (issue 21):

- Markdown and HTML are escaped with a backslash (`*`, `[`, `<`, `&`, …), so no emphasis,
  link, image, raw HTML or character reference is made from content;
- a web or e-mail address (`https://…`, `http://…`, `www.…`, `naam@host.nl`, `mailto:…`) is a
  code span: GitHub's autolink extension makes links of them in text, never in code;
- '@' and '#' are followed by a zero-width joiner (U+200D), and 'GH-' gets one before its
  '-': GitHub turns '@name', '@org/team', '#12', 'org/repo#12' and 'GH-12' in rendered text
  into mentions and issue links, which notify people and point elsewhere. The joiner is
  invisible, so a reader still sees '@octocat' and '#12'.

`tests/test_changelog_md.py` renders the result with cmark-gfm, GitHub's own Markdown
implementation, and checks the HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .changes import Wijziging, per_groep

ZWJ = "\u200d"
# Addresses GitHub would autolink: a scheme, 'www.', or an e-mail address; up to whitespace.
ADDRESS = re.compile(
    r"(?i)(?<![a-z0-9])(?:(?:https?|ftp|mailto|xmpp|file):|www\.)[^\s]*"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # from the start of a word only: linear
)
TRAILING = ".,;:!?)’'\""  # punctuation after an address belongs to the sentence
ESCAPED = re.compile(r"([\\`*_\[\]<>|~&$!])")
LINKED = re.compile(r"(?i)[@#]|(?<![a-z0-9])gh(?=-)")


def markdown(changes: list[Wijziging], titel: str, link: Callable[[str], str] | None = None) -> str:
    """Markdown for a pull request description; `link(url)` may turn URLs into links."""
    lines = [f"## {inert(titel)}", ""]
    if not changes:
        lines += ["Geen inhoudelijke wijzigingen.", ""]
    for heading, items in per_groep(changes):
        lines += [f"### {heading}", ""]
        for w in items:
            subject = inert(w.titel)
            if link and w.url:
                subject = f"[{subject}](<{link(w.url)}>)"
            subject = f"{w.onderwerp} **{subject}**" if w.onderwerp else f"**{subject}**"
            lines.append(f"- {subject}: {inert(w.wat.rstrip('.'))}.")
        lines.append("")
    return "\n".join(lines)


def inert(text: str) -> str:
    """Content text as Markdown that renders as the same text and nothing else on GitHub:
    no markup, no link, no mention, no issue reference. One line: whitespace runs are one
    space (a line break could start a heading or a list)."""
    text = " ".join(str(text).split())
    parts, start = [], 0
    for match in ADDRESS.finditer(text):
        address = match.group().rstrip(TRAILING)
        if not address:
            continue
        parts.append(_escape(text[start : match.start()]))
        parts.append(code(address))
        start = match.start() + len(address)
    parts.append(_escape(text[start:]))
    return "".join(parts)


def code(text: str) -> str:
    """A code span holding `text` literally, whatever backticks it contains."""
    run = max((len(r) for r in re.findall(r"`+", text)), default=0)
    fence = "`" * (run + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _escape(text: str) -> str:
    text = ESCAPED.sub(r"\\\1", text)
    return LINKED.sub(lambda m: m.group() + ZWJ, text)
