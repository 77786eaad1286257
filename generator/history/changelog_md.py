"""The changelog as Markdown for a pull request: `handreiking diff`, the PR comment and the
job summary on GitHub."""

from __future__ import annotations

import re
from collections.abc import Callable

from .changes import Wijziging, per_groep

ESCAPED = re.compile(r"([\\`*_\[\]<>|])")


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
                subject = f"[{subject}]({link(w.url)})"
            subject = f"{w.onderwerp} **{subject}**" if w.onderwerp else f"**{subject}**"
            lines.append(f"- {subject}: {inert(w.wat.rstrip('.'))}.")
        lines.append("")
    return "\n".join(lines)


def inert(text: str) -> str:
    return ESCAPED.sub(r"\\\1", " ".join(str(text).split()))
