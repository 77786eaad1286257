"""The site's Content-Security-Policy (mkdocs.yml `extra.content_security_policy`), read as a
browser reads it and held to what the site promises: nothing runs or loads from elsewhere.

A pull request can change the policy as easily as a title, and the policy is what keeps an
editor's text from running script (README, "Untrusted content"). So `check` parses it
directive by directive (CSP level 3) and refuses, each with a Dutch message:

- an unknown directive, one written twice, a policy without `default-src`;
- a source from another origin: a host (`https://cdn.example`), a scheme that allows every
  host (`https:`, `*`), `data:` outside `img-src` and `font-src`, `blob:`;
- what weakens the policy: `'unsafe-inline'`, `'unsafe-eval'`, `'unsafe-hashes'`,
  `'strict-dynamic'`, a nonce (a static site would repeat it on every page);
  `'wasm-unsafe-eval'` (Pagefind's WebAssembly) only in `script-src`;
- `frame-ancestors`: nginx sends `frame-ancestors 'none'` itself (outputs/headers.py);
- a report address that is not a plain path on this site (`report-uri /r?$arg_x` let a
  request's query string rewrite the header in nginx);
- a quote, comma, semicolon or character where the grammar has none: `"self"`, `'self`,
  `self` (a host named 'self'), non-ASCII.

`problems(policy)` gives (the offset in the policy to point at, the message) for each.
"""

from __future__ import annotations

import re

from .kinds.checks import did_you_mean

FETCH = frozenset(
    {
        "default-src",
        "script-src",
        "script-src-elem",
        "script-src-attr",
        "style-src",
        "style-src-elem",
        "style-src-attr",
        "img-src",
        "font-src",
        "connect-src",
        "media-src",
        "object-src",
        "frame-src",
        "child-src",
        "worker-src",
        "manifest-src",
    }
)
SOURCE_LISTS = FETCH | {"base-uri", "form-action"}
SANDBOX = frozenset(
    {
        "allow-downloads",
        "allow-forms",
        "allow-modals",
        "allow-orientation-lock",
        "allow-pointer-lock",
        "allow-popups",
        "allow-popups-to-escape-sandbox",
        "allow-presentation",
        "allow-same-origin",
        "allow-scripts",
        "allow-top-navigation",
        "allow-top-navigation-by-user-activation",
        "allow-top-navigation-to-custom-protocols",
    }
)
OTHER = frozenset(
    {
        "upgrade-insecure-requests",
        "report-uri",
        "report-to",
        "sandbox",
        "require-trusted-types-for",
        "trusted-types",
    }
)
KNOWN = SOURCE_LISTS | OTHER | {"frame-ancestors"}
SCRIPTS = frozenset({"script-src", "script-src-elem", "script-src-attr"})
STYLES = frozenset({"style-src", "style-src-elem", "style-src-attr"})
WEAKENING = {
    "'unsafe-inline'": "staat scripts en stijlen in de pagina zelf toe",
    "'unsafe-eval'": "staat eval() van JavaScript toe",
    "'unsafe-hashes'": "staat event-handlers in de pagina toe",
    "'strict-dynamic'": "laat elk script dat een toegestaan script laadt ook toe",
    "'unsafe-allow-redirects'": "staat doorverwijzingen naar elders toe",
    "'inline-speculation-rules'": "staat regels in de pagina zelf toe",
}
HASH = re.compile(r"^'sha(256|384|512)-[A-Za-z0-9+/_-]+={0,2}'$")
REPORT_PATH = re.compile(r"^/(?!/)[A-Za-z0-9/._~-]*$")
TOKEN = re.compile(r"^[A-Za-z0-9_-]+$")
# What a policy may hold: printable ASCII (a header is ASCII); ';' separates directives.
_WRONG_CHARACTER = re.compile(r"[^\x21-\x7e \t\n]|[\",]")


class Word(str):
    """A word of the policy that knows where it stands in it (for locating a problem)."""

    offset: int

    def __new__(cls, text: str, offset: int):
        word = super().__new__(cls, text)
        word.offset = offset
        return word


Problems = list[tuple[Word, str]]  # (the word to point at, the message)


def directives(policy: str) -> list[tuple[Word, list[Word]]]:
    """The policy as (name, values) in order: "default-src 'self'; img-src 'self' data:"
    gives [('default-src', ["'self'"]), ('img-src', ["'self'", 'data:'])]."""
    result = []
    for part in re.finditer(r"[^;]+", policy):
        words = [
            Word(m.group(0), part.start() + m.start()) for m in re.finditer(r"\S+", part.group(0))
        ]
        if words:
            result.append((words[0], words[1:]))
    return result


def problems(policy: str) -> list[tuple[int, str]]:
    """Everything in `policy` the site does not allow (see the module's docstring), as
    (offset in `policy`, message) in reading order."""
    wrong = _WRONG_CHARACTER.search(policy)
    if wrong:  # the words around it cannot be read as the browser would
        return [(wrong.start(), _character(wrong.group(0)))]
    found: Problems = []
    seen: set[str] = set()
    for word, values in directives(policy):
        name = word.lower()
        if name in seen:
            found.append(
                (word, f"'{name}' staat twee keer in het beleid; de browser negeert de tweede")
            )
            continue
        seen.add(name)
        found += _directive(name, word, values)
    if policy.strip() and "default-src" not in seen:
        first = directives(policy)[0][0]
        found.append(
            (
                first,
                "het beleid mist 'default-src'; begin met default-src 'self', zodat alles wat "
                "niet apart genoemd is alleen van de site zelf komt",
            )
        )
    return sorted(((word.offset, message) for word, message in found), key=lambda p: p[0])


def _character(character: str) -> str:
    if character == '"':
        return (
            'een dubbel aanhalingsteken (") hoort niet in het beleid; een sleutelwoord staat '
            "tussen enkele aanhalingstekens, zoals 'self'"
        )
    if character == ",":
        return (
            "een komma (,) scheidt twee beleidsregels in een header, waarvan de browser beide "
            "toepast; zet ';' tussen de richtlijnen"
        )
    return (
        f"het teken U+{ord(character):04X} ('{character}') hoort niet in het beleid; "
        "gebruik alleen letters, cijfers en de tekens van de richtlijnen (ASCII)"
    )


def _directive(name: str, word: Word, values: list[Word]) -> Problems:
    if name not in KNOWN:
        hint = did_you_mean(name, sorted(KNOWN), cutoff=0.7)
        return [(word, f"onbekende richtlijn '{name}'{hint}; de browser slaat hem over")]
    if name == "frame-ancestors":
        return [
            (
                word,
                "frame-ancestors staat al in de header die nginx stuurt (frame-ancestors "
                "'none'); haal hem hier weg",
            )
        ]
    if name in SOURCE_LISTS:
        return _sources(name, word, values)
    return _other(name, word, values)


def _sources(name: str, word: Word, values: list[Word]) -> Problems:
    if not values:
        return [(word, f"'{name}' heeft geen bron; schrijf bijvoorbeeld {name} 'self'")]
    if "'none'" in (value.lower() for value in values) and len(values) > 1:
        return [(word, f"'{name}': 'none' kan niet samen met andere bronnen staan")]
    found: Problems = []
    for value in values:
        message = _source(name, value)
        if message:
            found.append((value, f"{name}: {message}"))
    return found


def _source(name: str, value: str) -> str | None:
    """Why `value` is not allowed as a source of directive `name` (None: it is)."""
    lower = value.lower()
    if lower in ("'self'", "'none'"):
        return None
    quoted = value.startswith("'") and value.endswith("'") and len(value) > 2
    if "'" in value and (not quoted or value.count("'") != 2):
        return (
            f"{value} heeft zijn aanhalingstekens niet op de goede plek; een sleutelwoord "
            "staat tussen twee enkele aanhalingstekens, zoals 'self'"
        )
    if lower in ("self", "none", "unsafe-inline", "unsafe-eval", "wasm-unsafe-eval"):
        return (
            f"{value} zonder aanhalingstekens is voor de browser de naam van een andere "
            f"website; schrijf '{lower}' tussen enkele aanhalingstekens"
        )
    if name == "default-src":
        return (
            f"{value} kan niet in default-src; daar staat alleen 'self' (of 'none'), "
            "een uitzondering hoort bij de richtlijn zelf (zoals img-src 'self' data:)"
        )
    if quoted:
        return _keyword(name, value)
    if lower == "data:":
        if name in ("img-src", "font-src"):
            return None
        return "data: hoort alleen bij img-src of font-src (een data:-adres kan code bevatten)"
    if lower == "blob:":
        return "blob: staat inhoud toe die een script zelf maakt; de site heeft dat niet nodig"
    if lower == "*" or re.fullmatch(r"[a-z][a-z0-9+.-]*:", lower):
        return f"{value} staat elke website toe; de site laadt alleen van zichzelf ('self')"
    return (
        f"{value} is een andere website; de site laadt niets van elders (alleen 'self'), "
        "zet wat nodig is op de site zelf"
    )


def _keyword(name: str, value: str) -> str | None:
    """Why the quoted source `value` ('unsafe-inline', a hash) is not allowed in `name`."""
    lower = value.lower()
    if lower in WEAKENING:
        return f"{value} {WEAKENING[lower]}; dat is wat het beleid moet voorkomen"
    if lower == "'wasm-unsafe-eval'":
        return None if name == "script-src" else f"{value} hoort alleen bij script-src"
    if lower.startswith("'nonce-"):
        return (
            f"{value}: een nonce moet per opgevraagde pagina anders zijn; een vaste site "
            "herhaalt hem op elke pagina, dan beschermt hij niets"
        )
    if lower == "'report-sample'" or HASH.match(value):
        if name in SCRIPTS | STYLES:
            return None
        return f"{value} hoort bij script-src of style-src"
    return f"{value} is geen bron die de browser kent"


def _other(name: str, word: Word, values: list[Word]) -> Problems:
    if name == "upgrade-insecure-requests":
        return [(values[0], f"{name} heeft geen waarde")] if values else []
    if not values:
        return [(word, f"'{name}' heeft een waarde nodig")]
    found: Problems = []
    for value in values:
        message = None
        if name == "report-uri" and not REPORT_PATH.match(value):
            if value.startswith("/") and not value.startswith("//"):
                bad = sorted(set(re.findall(r"[^A-Za-z0-9/._~-]", value)))
                message = (
                    f"'{value}' mag alleen letters, cijfers en / - . _ ~ bevatten, niet "
                    + " en ".join(f"'{c}'" for c in bad)
                    + "; schrijf een pad als /csp-meldingen"
                )
            else:
                message = (
                    f"'{value}' is geen pad op de site; meldingen gaan niet naar elders: "
                    "schrijf een pad als /csp-meldingen"
                )
        elif name == "report-to" and not TOKEN.match(value):
            message = f"'{value}' is geen naam van een meldpunt (letters, cijfers, - en _)"
        elif name == "sandbox" and value.lower() not in SANDBOX:
            hint = did_you_mean(value.lower(), sorted(SANDBOX), cutoff=0.7)
            message = f"'{value}' is geen sandbox-waarde{hint}"
        elif name == "require-trusted-types-for" and value != "'script'":
            message = f"'{value}': hier kan alleen 'script' staan"
        elif name == "trusted-types" and not (
            TOKEN.match(value) or value in ("'none'", "'allow-duplicates'")
        ):
            message = f"'{value}' is geen naam van een beleid voor Trusted Types"
        if message:
            found.append((value, f"{name}: {message}"))
    return found
