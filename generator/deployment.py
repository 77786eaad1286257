"""What differs per deployment, read from mkdocs.yml; a production build refuses placeholders.

One place (README, "Publiceren"): `site_url` and `repo_url` at the top of mkdocs.yml, and the
block `extra.deployment` with the security contact and the web server's paths. The values the
repository ships with are placeholders: fine for `make serve`, the tests and a preview build,
refused by `handreiking build --productie` (`make build PRODUCTIE=1`) with one located Dutch
line per value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .problems import Location, Problem

CONFIG = "mkdocs.yml"
# The addresses this repository ships with. Nobody runs the site there yet: a production
# build must name the real ones.
SHIPPED = frozenset(
    {
        "https://integrale-handreiking.nl/",
        "https://github.com/integrale-handreiking/handreiking",
    }
)
# Names reserved for examples and tests (RFC 2606, RFC 6761); never a real deployment.
RESERVED_HOST = re.compile(
    r"(^|\.)(example(\.(com|net|org|nl))?|test|invalid|localhost|local)$|^127\.|^\[?::1\]?$"
)
# A path or server name goes into the nginx configuration as it is.
SAFE_PATH = re.compile(r"^/[A-Za-z0-9._/@+-]*$")


@dataclass(frozen=True)
class Deployment:
    """The deployment's settings; a missing optional one is None."""

    site_url: str | None = None
    repo_url: str | None = None
    content_security_policy: str | None = None  # extra.content_security_policy (headers.py)
    security_contact: str | None = None  # 'mailto:...' or 'https://...' (security.txt)
    server_root: str | None = None  # where site/ is on the web server
    tls_certificate: str | None = None
    tls_certificate_key: str | None = None

    @classmethod
    def from_config(cls, config: dict) -> Deployment:
        """From mkdocs.yml read as plain YAML."""
        extra = config.get("extra") or {}
        extra = extra if isinstance(extra, dict) else {}
        block = extra.get("deployment") or {}
        if not isinstance(block, dict):
            block = {}

        def text(value) -> str | None:
            return str(value).strip() or None if value is not None else None

        return cls(
            site_url=text(config.get("site_url")),
            repo_url=text(config.get("repo_url")),
            content_security_policy=text(
                (config.get("extra") or {}).get("content_security_policy")
            ),
            security_contact=text(block.get("security_contact")),
            server_root=text(block.get("server_root")),
            tls_certificate=text(block.get("tls_certificate")),
            tls_certificate_key=text(block.get("tls_certificate_key")),
        )

    @property
    def server_name(self) -> str:
        return urlsplit(self.site_url or "https://localhost/").hostname or "localhost"

    def production_problems(self, root: Path) -> list[Problem]:
        """Every setting a production build cannot use, as a located Dutch problem."""
        text = (root / CONFIG).read_text(encoding="utf-8")
        problems = []

        def refuse(key: str, message: str) -> None:
            problems.append(Problem(_locate(text, key), f"{key}: {message}"))

        # repo_url is optional: without it the pages have no edit links (issue 14).
        for key, value in (("site_url", self.site_url), ("repo_url", self.repo_url)):
            if not value:
                if key == "site_url":
                    refuse(key, "ontbreekt; vul het echte adres in")
            elif _placeholder_url(value):
                refuse(key, f"'{value}' is een voorbeeldwaarde; vul het echte adres in")
            elif not value.startswith("https://"):
                refuse(key, f"'{value}' moet beginnen met https://")
        if self.site_url and urlsplit(self.site_url).path not in ("", "/"):
            refuse(
                "site_url", "de nginx-configuratie verwacht de site op de hoofdmap (https://host/)"
            )
        policy = self.content_security_policy or ""
        if (
            "default-src 'self'" not in policy
            or "unsafe-inline" in policy
            or ("unsafe-eval" in policy.replace("wasm-unsafe-eval", ""))
        ):
            refuse(
                "content_security_policy",
                "ontbreekt of is niet streng genoeg (default-src 'self', geen 'unsafe-inline' "
                "of 'unsafe-eval'); zie generator/headers.py",
            )
        contact = self.security_contact
        if not contact:
            refuse("security_contact", "ontbreekt; wie krijgt meldingen over beveiliging?")
        elif not re.fullmatch(r"mailto:[^@\s]+@[^@\s]+\.[a-z]{2,}|https://\S+", contact):
            refuse("security_contact", f"'{contact}' is geen mailto:-adres of https://-adres")
        elif RESERVED_HOST.search(_host(contact)):
            refuse("security_contact", f"'{contact}' is een voorbeeldwaarde")
        for key, value in (
            ("server_root", self.server_root),
            ("tls_certificate", self.tls_certificate),
            ("tls_certificate_key", self.tls_certificate_key),
        ):
            if not value:
                refuse(key, "ontbreekt; het pad op de webserver")
            elif not SAFE_PATH.match(value):
                refuse(key, f"'{value}' is geen volledig pad (beginnend met /, zonder spaties)")
        return problems


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: a tag for MkDocs ('!ENV', '!!python/name:') reads as None."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(root: Path) -> dict:
    """mkdocs.yml of the project as plain data (an empty dict when it is not a mapping)."""
    data = yaml.load((root / CONFIG).read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return data if isinstance(data, dict) else {}


def locate(root: Path, key: str) -> Location:
    """Where `key:` (or a nav entry) is written in mkdocs.yml."""
    return _locate((root / CONFIG).read_text(encoding="utf-8"), key)


def _placeholder_url(value: str) -> bool:
    if value in SHIPPED or value.rstrip("/") + "/" in SHIPPED:
        return True
    host = _host(value)
    return not host or bool(RESERVED_HOST.search(host))


def _host(address: str) -> str:
    """The host of an https:// address or of a mailto: address."""
    if address.startswith("mailto:"):
        return address.rsplit("@", 1)[-1].lower()
    try:
        return urlsplit(address).hostname or ""
    except ValueError:
        return ""


def _locate(text: str, key: str) -> Location:
    """Where `key:` is written in mkdocs.yml (the top of the file when it is not)."""
    match = re.search(rf"^(\s*(?:- )?(?:[^:\n]+: )?){re.escape(key)}\s*(?::|$)", text, re.M)
    if not match:
        return Location(CONFIG, 1, 1)
    line = text[: match.start()].count("\n") + 1
    return Location(CONFIG, line, len(match.group(1)) + 1)
