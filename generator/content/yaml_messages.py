"""PyYAML's error messages in Dutch, located where the mistake is rather than where it surfaced.

PyYAML notices some mistakes lines later than they were made (an unclosed quote, a missing
':', an unclosed '['): `yaml_problem` moves such an error to the opening quote, bracket or
key, with a message that says what to do. `check_quote` finds the quoted value that is valid
YAML but swallowed the fields below it.
"""

from __future__ import annotations

import re

import yaml

from ..base.problems import Location, Problem

_YAML_PROBLEMS = (
    # (fragment of PyYAML's problem text, what an editor should read)
    (
        "mapping values are not allowed here",
        "dubbele punt op een plek waar dat niet kan; "
        "zet tekst met ': ' erin tussen aanhalingstekens, of controleer de inspringing",
    ),
    (
        "could not find expected ':'",
        "deze regel is geen 'veld: waarde': ontbreekt de dubbele punt of de spatie erna? "
        "Hoort de regel bij een tekst erboven, spring hem dan even ver in als die tekst",
    ),
    (
        "expected <block end>",
        "de inspringing klopt niet; elk veld van een item moet even ver inspringen",
    ),
    ("expected <block mapping start>", "de inspringing klopt niet"),
    ("found character '\\t'", "tab-teken gevonden; gebruik spaties om in te springen"),
    ("found undefined alias", "onbekende verwijzing met '*'; zet de tekst tussen aanhalingstekens"),
    (
        "found unexpected end of stream",
        "het bestand houdt midden in een waarde op; ontbreekt er een afsluitend aanhalingsteken?",
    ),
    ("found unexpected ':'", "onverwachte dubbele punt; zet de tekst tussen aanhalingstekens"),
    (
        "did not find expected key",
        "hier verwacht de regel een nieuw veld of lijstitem; "
        "controleer de inspringing en de aanhalingstekens op de regel ervoor",
    ),
    (
        "did not find expected '-' indicator",
        "hier verwacht de lijst een nieuw item met '- '; controleer de inspringing",
    ),
    (
        "found unknown escape character",
        "onbekende '\\'-code tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens",
    ),
    (
        "expected alphabetic or numeric character",
        "een '*' of '&' aan het begin van een waarde "
        "heeft in YAML een betekenis; zet de tekst tussen aanhalingstekens",
    ),
    (
        "found character that cannot start any token",
        "dit teken kan een waarde niet beginnen "
        "(bijvoorbeeld '@' of '`'); zet de tekst tussen aanhalingstekens",
    ),
    (
        "special characters are not allowed",
        "het bestand bevat een onzichtbaar stuurteken; verwijder het",
    ),
)
# PyYAML notices some mistakes only where they start to hurt, lines later: an unclosed quote
# where the next quote turns up, a missing ':' on the next line, an unclosed '[' at the next
# key. These are located where the mistake is: the opening quote, bracket or the key's line.
QUOTES = {'"': 'het aanhalingsteken (")', "'": "het enkele aanhalingsteken (')"}
_BRACKETS = {  # an opening token -> (the thing, its pronoun, how it closes)
    yaml.FlowSequenceStartToken: ("de lijst", "die", "]"),
    yaml.FlowMappingStartToken: ("het blok", "dat", "}"),
}
# A line that reads as YAML structure: a list item or a 'key:'.
_STRUCTURE = re.compile(r"^( *)(?:-(?: |$)|[^\s#'\"-][^:]*:(?: |$))")


def yaml_problem(error: yaml.MarkedYAMLError, display: str, text: str) -> Problem:
    """PyYAML's error as a located Dutch problem, at the mistake rather than where it surfaced."""
    problem = f"{error.problem or ''} {error.context or ''}"
    mark = error.problem_mark or error.context_mark
    opening = error.context_mark
    message = next((m for fragment, m in _YAML_PROBLEMS if fragment in problem), None)
    if error.context == "while scanning a quoted scalar" and opening:
        quote = text[opening.index : opening.index + 1]
        mark = opening
        message = f"{_quote(quote)} dat hier opent, wordt nergens gesloten; " + _close(quote)
    elif error.context == "while scanning a simple key" and opening:
        mark = opening  # 'titel Tussenvormen' surfaces on the line after it
    elif mark:
        previous, bracket = _tokens_before(text, mark.index)
        quoted = previous if getattr(previous, "style", None) in QUOTES else None
        if bracket and bracket.start_mark.line < mark.line:
            name, pronoun, close = _BRACKETS[type(bracket)]
            begin = text[bracket.start_mark.index]
            mark = bracket.start_mark
            message = (
                f"{name} {pronoun} hier met '{begin}' begint, wordt niet gesloten; "
                f"zet '{close}' aan het eind, op deze regel"
            )
        elif quoted and quoted.start_mark.line < quoted.end_mark.line:
            mark = quoted.start_mark
            message = (
                f"{_quote(quoted.style)} dat hier opent, wordt pas op regel "
                f"{quoted.end_mark.line + 1} gesloten; " + _close(quoted.style)
            )
        elif quoted and quoted.end_mark.line == mark.line:  # 'titel: "De" nieuwe regeling'
            message = (
                "na het afsluitende aanhalingsteken mag niets meer staan; "
                "zet de hele tekst tussen de aanhalingstekens"
            )
    location = (
        Location(display, mark.line + 1, mark.column + 1) if mark else Location(display, 1, 1)
    )
    return Problem(
        location,
        "YAML-fout: "
        + (
            message
            or "deze regel is niet te lezen; controleer inspringing, dubbele punten en "
            "aanhalingstekens"
        ),
    )


def _quote(quote: str) -> str:
    return QUOTES.get(quote, QUOTES['"'])


def _close(quote: str) -> str:
    return "sluit de tekst op deze regel af met " + (quote or '"')


def _tokens_before(text: str, index: int) -> tuple[yaml.Token | None, yaml.Token | None]:
    """The token right before a parse error at `index`, and the '[' or '{' still open there.

    A quote that is not closed on its own line swallows the lines below it up to the next
    quote, and an unclosed '[' the lines up to the next ':'; PyYAML then trips over what
    follows, often many lines further on.
    """
    previous, open_brackets = None, []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= index:
                break
            if isinstance(token, yaml.FlowSequenceStartToken | yaml.FlowMappingStartToken):
                open_brackets.append(token)
            elif (
                isinstance(token, yaml.FlowSequenceEndToken | yaml.FlowMappingEndToken)
                and open_brackets
            ):
                open_brackets.pop()
            if not isinstance(token, yaml.BlockEndToken):
                previous = token
    except yaml.YAMLError:
        pass
    return previous, (open_brackets[0] if open_brackets else None)


def _swallowed(lines: list[str], node: yaml.ScalarNode, column: int) -> int | None:
    """The first line inside a multi-line quoted value that reads as a field or list item of
    its own (at or left of `column`): the quote should have been closed before it."""
    for number in range(node.start_mark.line + 1, min(node.end_mark.line + 1, len(lines))):
        match = _STRUCTURE.match(lines[number])
        if match and len(match.group(1)) <= column:
            return number + 1
    return None


def _location(node: yaml.Node, display: str) -> Location:
    return Location(display, node.start_mark.line + 1, node.start_mark.column + 1)


def check_quote(
    node: yaml.Node, column: int, display: str, problems: list[Problem], lines: list[str]
) -> None:
    """A quoted value that swallowed the fields below it: valid YAML, but not what was meant."""
    if not (
        isinstance(node, yaml.ScalarNode | yaml.ScalarEvent)  # `compose` checks events
        and node.style in QUOTES
        and node.end_mark.line > node.start_mark.line
    ):
        return
    line = _swallowed(lines, node, column)
    if line:
        problems.append(
            Problem(
                _location(node, display),
                f"YAML-fout: {_quote(node.style)} dat hier opent, wordt pas op regel "
                f"{node.end_mark.line + 1} gesloten, zodat regel {line} bij deze tekst hoort; "
                + _close(node.style),
            )
        )
