"""mkdocs.yml is content too: every setting that reaches a page, a header or the web server.

A pull request changes mkdocs.yml as easily as maatregelen.yaml, and what it holds ends up
in every page (the site's name, the footer, the menu), in the headers nginx sends (the
Content-Security-Policy) and in nginx's configuration itself (the host name, the folders,
the certificate). `check_settings` reads it as the content is read (load.read_source: located
nodes, no aliases, core YAML tags only, except in `plugins` and `markdown_extensions`) and
reports every value that cannot be used, located, in Dutch:

- every text: no control, direction or invisible character (characters.py); texts that the
  theme writes into a page without escaping (site_name, copyright, the menu, `theme`,
  `extra`) hold no '<', '>' or '"';
- `site_url`, `repo_url`: https:// with a host name a server can have (no '_', ASCII or
  xn--), no user, query or fragment, a plain path;
- `extra.content_security_policy`: policy.py, directive by directive;
- `extra.deployment`: `security_contact` a mailto: or https:// address, `server_root` and the
  TLS files absolute paths without what nginx would read as its own ('$', quotes, '\\', ';',
  '{', '}', '#');
- `extra` and `extra.deployment` hold only the settings the site knows.

`build` runs the same check first (it is part of validate.check_project), so it never meets a
value check let through; site/nginx.py still writes every value so that nginx reads it
literally.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from urllib.parse import urlsplit

from ..base.problems import Location, Problem
from ..base.settings import CONFIG, MAX_CONFIG_BYTES
from . import policy
from .characters import find_hidden
from .kinds import CONTROL, EMAIL, locate_character
from .load import Mapping, Node, Scalar, Sequence, Source, read_source

# Texts the theme (MkDocs' Jinja, which does not escape) writes into every page.
PAGE_TEXTS = ("site_name", "site_description", "site_author", "copyright", "repo_name")
PAGE_BLOCKS = ("nav", "theme", "extra")  # every text below these too
MARKUP = re.compile(r'[<>"]')
# Where tags such as !!python/name: configure code (an extension's option), not a value.
CODE_BLOCKS = ("plugins", "markdown_extensions", "hooks")
EXTRA = ("generator", "content_security_policy", "deployment")
DEPLOYMENT = ("security_contact", "server_root", "tls_certificate", "tls_certificate_key")
POLICY = "extra.content_security_policy"
LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
URL_PATH = re.compile(r"^(?:/(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})*)*$")
# What nginx reads as its own in a path: a variable, a quote, an escape, the end of a
# directive or block, a comment. site/nginx.py quotes a path, so a space is fine.
NGINX_SPECIAL = re.compile(r"[$\"'\\;{}#]")


def check_settings(root: Path) -> list[Problem]:
    """Every setting of root/mkdocs.yml that cannot be used, as located problems."""
    path = root / CONFIG
    if not path.exists() and not path.is_symlink():
        return []
    if path.is_file() and path.stat().st_size > MAX_CONFIG_BYTES:
        return [
            Problem(
                Location(CONFIG, 1, 1),
                f"mkdocs.yml is {path.stat().st_size // 1024} kB; een configuratie is hoogstens "
                f"{MAX_CONFIG_BYTES // 1024} kB",
            )
        ]
    source = read_source(path, CONFIG, root)
    if source.root is None:
        return source.problems
    if not isinstance(source.root, Mapping):
        return [
            Problem(source.root.location, "mkdocs.yml moet uit 'sleutel: waarde'-regels bestaan")
        ]
    checker = _Checker(source, _without_code_tags(source))
    checker.run(source.root)
    return sorted(set(checker.problems), key=lambda p: p.sort_key)


def _without_code_tags(source: Source) -> list[Problem]:
    """The loader's problems, minus tags in the blocks that configure code (CODE_BLOCKS)."""
    tops = sorted((at.line, key) for key, (at, _) in source.root.items.items())
    code_lines = []
    for index, (line, key) in enumerate(tops):
        end = tops[index + 1][0] if index + 1 < len(tops) else 1 << 30
        if key in CODE_BLOCKS:
            code_lines.append(range(line, end))
    return [
        p
        for p in source.problems
        if not (
            p.message.startswith("YAML-label")
            and any(p.location.line in lines for lines in code_lines)
        )
    ]


class _Checker:
    def __init__(self, source: Source, problems: list[Problem]):
        self.source = source
        self.problems = problems

    def problem(self, at: Location, path: str, message: str) -> None:
        self.problems.append(Problem(at, f"{path}: {message}"))

    def run(self, root: Mapping) -> None:
        for key, (key_at, node) in root.items.items():
            self._characters(Scalar(key, key_at), key, markup=False)
            if key in CODE_BLOCKS:
                continue
            markup = key in PAGE_TEXTS or key in PAGE_BLOCKS
            self._texts(node, key, markup=markup)
        self._url(root, "site_url", path_allowed=True)
        self._url(root, "repo_url", path_allowed=True)
        for key in ("docs_dir", "site_dir"):
            if key in root.items:
                self._text(root.items[key][1], key)
        extra = self._block(root, "extra", EXTRA)
        if extra is None:
            return
        if POLICY.split(".")[1] in extra.items:
            self._policy(extra.items["content_security_policy"][1])
        deployment = self._block(extra, "deployment", DEPLOYMENT, "extra.")
        if deployment is None:
            return
        self._contact(deployment, "extra.deployment.security_contact")
        for key in DEPLOYMENT[1:]:
            self._server_path(deployment, f"extra.deployment.{key}")
        given = [k for k in DEPLOYMENT[2:] if self._value(deployment, k)]
        if len(given) == 1:
            at = deployment.items[given[0]][1].location
            self.problem(
                at,
                f"extra.deployment.{given[0]}",
                "tls_certificate en tls_certificate_key horen bij elkaar: vul beide in, of "
                "geen van beide",
            )

    # --- every text ---------------------------------------------------------------------

    def _texts(self, node: Node, path: str, markup: bool) -> None:
        """Control and hidden characters anywhere; '<', '>' and '"' where the theme writes
        the text into a page as it is."""
        if isinstance(node, Scalar):
            self._characters(node, path, markup and path != POLICY)
        elif isinstance(node, Sequence):
            for index, item in enumerate(node.items):
                self._texts(item, f"{path}[{index}]", markup)
        elif isinstance(node, Mapping):
            for key, (key_at, child) in node.items.items():
                if self._characters(Scalar(key, key_at), path, markup):  # a menu title
                    self._texts(child, f"{path}.{key}", markup)

    def _characters(self, scalar: Scalar, path: str, markup: bool) -> bool:
        """Report the first character of `scalar` that cannot be there; False if so."""
        value = scalar.value
        hidden = find_hidden(value)
        control = CONTROL.search(value.replace("\n", " ") if scalar.block else value)
        special = MARKUP.search(value) if markup else None
        first = min(
            (m for m in (hidden, control, special) if m is not None),
            key=lambda m: m.offset if m is hidden else m.start(),
            default=None,
        )
        if first is None:
            return True
        offset = first.offset if first is hidden else first.start()
        at = locate_character(scalar, offset, self.source)
        where = at or scalar.location
        if first is hidden:
            self.problem(where, path, hidden.message(at.column if at else None))
        elif first is control:
            self.problem(
                where,
                path,
                f"de waarde bevat een stuurteken (U+{ord(value[offset]):04X}); verwijder het",
            )
        else:
            self.problem(
                where,
                path,
                f"het teken '{value[offset]}' kan hier niet: de site zet deze tekst zoals hij "
                "is in elke pagina, waar '<', '>' en '\"' HTML-code zijn; laat het weg of "
                "schrijf het anders",
            )
        return False

    def _setting(self, block: Mapping, path: str) -> tuple[Node, str] | None:
        """The one-line setting at `path` ('extra.deployment.server_root') in `block`, with
        its node; None when it is absent or empty (fine), or not one line (reported)."""
        key = path.rsplit(".", 1)[1]
        if key not in block.items:
            return None
        node = block.items[key][1]
        value = self._text(node, path)
        return None if value is None else (node, value)

    def _text(self, node: Node, path: str) -> str | None:
        """A setting that must be one line of text (an empty one is None, and fine; one with
        a character _texts reported is None too)."""
        if isinstance(node, Scalar):
            if find_hidden(node.value) or CONTROL.search(node.value):
                return None
            if not node.value.strip() and not node.quoted:
                return None
            if "\n" in node.value.strip():
                self.problem(node.location, path, "verwacht één regel tekst")
                return None
            return node.value.strip()
        self.problem(node.location, path, "verwacht tekst, maar vond een blok of een lijst")
        return None

    def _value(self, block: Mapping, key: str) -> str | None:
        node = block.items.get(key, (None, None))[1]
        return node.value.strip() or None if isinstance(node, Scalar) else None

    def _block(
        self, parent: Mapping, key: str, known: tuple[str, ...], prefix: str = ""
    ) -> Mapping | None:
        """The block `key` of `parent` with only `known` keys in it; None when absent."""
        if key not in parent.items:
            return None
        node = parent.items[key][1]
        if isinstance(node, Scalar) and not node.value and not node.quoted:
            return None
        if not isinstance(node, Mapping):
            self.problem(node.location, prefix + key, "verwacht een blok met instellingen")
            return None
        for name, (at, _) in node.items.items():
            if name not in known:
                close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
                hint = f"bedoelde u '{close[0]}'? " if close else ""
                self.problem(
                    at,
                    f"{prefix}{key}.{name}",
                    f"onbekende instelling ({hint}de site kent hier alleen "
                    + ", ".join(known)
                    + ")",
                )
        return node

    # --- addresses --------------------------------------------------------------------------

    def _url(self, block: Mapping, key: str, path_allowed: bool, path: str = "") -> None:
        if key not in block.items:
            return
        node = block.items[key][1]
        value = self._text(node, path or key)
        if value is None:
            return
        problem = address_problem(value, path_allowed)
        if problem:
            self.problem(node.location, path or key, problem)

    def _contact(self, block: Mapping, path: str) -> None:
        found = self._setting(block, path)
        if found is None:
            return
        node, value = found
        if value.startswith("mailto:"):
            if not EMAIL.fullmatch(value.removeprefix("mailto:")):
                self.problem(node.location, path, f"'{value}' is geen geldig e-mailadres")
        elif value.startswith("https://"):
            problem = address_problem(value, path_allowed=True)
            if problem:
                self.problem(node.location, path, problem)
        else:
            self.problem(
                node.location,
                path,
                f"'{value}' is geen mailto:-adres of https://-adres "
                "(bijvoorbeeld mailto:security@example.nl)",
            )

    def _server_path(self, block: Mapping, path: str) -> None:
        found = self._setting(block, path)
        if found is None:
            return
        node, value = found
        if not value.startswith("/"):
            self.problem(
                node.location, path, f"'{value}' is geen volledig pad; begin met / (de hoofdmap)"
            )
            return
        special = NGINX_SPECIAL.search(node.value)
        if special:
            at = locate_character(node, special.start(), self.source)
            meaning = {"$": "een variabele", "#": "commentaar", ";": "het einde van een regel"}
            self.problem(
                at or node.location,
                path,
                f"het teken '{special.group(0)}' kan niet in een pad op de webserver: nginx leest "
                f"het als {meaning.get(special.group(0), 'deel van zijn eigen taal')}; "
                "kies een map of bestand zonder dat teken",
            )

    # --- the policy ---------------------------------------------------------------------

    def _policy(self, node: Node) -> None:
        value = self._text_block(node, POLICY)
        if value is None:
            return
        for offset, message in policy.problems(value):
            self.problem(self._at_offset(node, offset), POLICY, message)

    def _text_block(self, node: Node, path: str) -> str | None:
        if not isinstance(node, Scalar):
            self.problem(node.location, path, "verwacht tekst, maar vond een blok of een lijst")
            return None
        if find_hidden(node.value) or CONTROL.search(node.value.replace("\n", " ")):
            return None  # reported by _texts
        return node.value

    def _at_offset(self, node: Scalar, offset: int) -> Location:
        """Where the character at `offset` of a (possibly folded) value is written: folding
        changes only the white space, so the n-th word of the value is the n-th word written
        from the value's start on (the line after '>-' for a block)."""
        words = list(re.finditer(r"\S+", node.value))
        index = next((i for i, m in enumerate(words) if m.start() <= offset < m.end()), None)
        if index is None:
            return node.location
        lines = self.source.lines
        line, column = node.location.line - 1, node.location.column - 1
        if node.block:
            line, column = line + 1, 0
        elif node.quoted:
            column += 1
        seen = 0
        while line < len(lines):
            for match in re.finditer(r"\S+", lines[line][column:]):
                if seen == index:
                    start = column + match.start() + offset - words[index].start()
                    return Location(CONFIG, line + 1, start + 1)
                seen += 1
            line, column = line + 1, 0
        return node.location


def address_problem(value: str, path_allowed: bool = True) -> str | None:
    """Why `value` is not an https:// address the site and nginx can use (Dutch), or None."""
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return f"'{value}' is geen geldig webadres; schrijf het als https://naam.nl/"
    if parts.scheme != "https" or not value.startswith("https://"):
        return f"'{value}' moet beginnen met https://"
    if "@" in parts.netloc:
        return f"'{value}': een webadres met een gebruikersnaam ('...@') kan niet"
    if parts.query or parts.fragment or "?" in value or "#" in value:
        return f"'{value}': een webadres zonder '?' of '#' erin"
    host = parts.hostname or ""
    problem = host_problem(host)
    if problem:
        return f"'{value}': {problem}"
    if port is not None and not 0 < port < 65536:
        return f"'{value}': de poort {port} bestaat niet"
    if not URL_PATH.match(parts.path):
        bad = re.search(r"[^A-Za-z0-9._~/%-]", parts.path)
        found = f" (gevonden: '{bad.group(0)}')" if bad else ""
        return (
            f"'{value}': het pad na de hostnaam mag alleen letters, cijfers en / - . _ ~ "
            f"bevatten{found}"
        )
    if not path_allowed and parts.path not in ("", "/"):
        return f"'{value}': alleen een hostnaam, zonder pad"
    return None


def host_problem(host: str) -> str | None:
    """Why `host` is no host name a web server can answer to (Dutch), or None."""
    if not host:
        return "de hostnaam ontbreekt"
    if not host.isascii():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            ascii_host = ""
        hint = f" ({ascii_host})" if ascii_host else ""
        return (
            f"schrijf de hostnaam '{host}' in letters zonder accent, cijfers en '-', "
            f"of in de xn---vorm{hint}"
        )
    if len(host) > 253:
        return "de hostnaam is langer dan 253 tekens"
    if re.fullmatch(r"[0-9.]+", host):
        return None if all(0 <= int(p) < 256 for p in host.split(".") if p) else "geen IP-adres"
    for label in host.rstrip(".").split("."):
        if not LABEL.match(label):
            bad = re.search(r"[^A-Za-z0-9-]", label)
            if bad:
                return (
                    f"het teken '{bad.group(0)}' kan niet in een hostnaam ('{host}'); "
                    "gebruik letters, cijfers en '-'"
                )
            return (
                f"'{label}' kan geen deel van een hostnaam zijn ('{host}'): elk deel is 1 tot "
                "63 tekens en begint en eindigt met een letter of cijfer"
            )
    return None
