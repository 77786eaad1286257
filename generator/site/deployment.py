"""What differs per deployment, read from mkdocs.yml; a production build refuses placeholders.

One place (README, "Publiceren"): `site_url` and `repo_url` at the top of mkdocs.yml, and the
block `extra.deployment` with the security contact and the web server's paths. The values the
repository ships with are placeholders: fine for `make serve`, the tests and a preview build,
refused by `handreiking build --productie` (`make build PRODUCTIE=1`) with one located Dutch
line per value.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from ..base.problems import Problem
from ..base.settings import CONFIG, Deployment, _locate

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


def production_problems(deployment: Deployment, root: Path) -> list[Problem]:
    """Every setting a production build cannot use, as a located Dutch problem."""
    text = (root / CONFIG).read_text(encoding="utf-8")
    problems = []

    def refuse(key: str, message: str) -> None:
        problems.append(Problem(_locate(text, key), f"{key}: {message}"))

    # repo_url is optional: without it the pages have no edit links (issue 14).
    for key, value in (("site_url", deployment.site_url), ("repo_url", deployment.repo_url)):
        if not value:
            if key == "site_url":
                refuse(key, "ontbreekt; vul het echte adres in")
        elif _placeholder_url(value):
            refuse(key, f"'{value}' is een voorbeeldwaarde; vul het echte adres in")
        elif not value.startswith("https://"):
            refuse(key, f"'{value}' moet beginnen met https://")
    if deployment.site_url and urlsplit(deployment.site_url).path not in ("", "/"):
        refuse("site_url", "de nginx-configuratie verwacht de site op de hoofdmap (https://host/)")
    policy = deployment.content_security_policy or ""
    if (
        "default-src 'self'" not in policy
        or "unsafe-inline" in policy
        or ("unsafe-eval" in policy.replace("wasm-unsafe-eval", ""))
    ):
        refuse(
            "content_security_policy",
            "ontbreekt of is niet streng genoeg (default-src 'self', geen 'unsafe-inline' "
            "of 'unsafe-eval'); zie generator/outputs/headers.py",
        )
    contact = deployment.security_contact
    if not contact:
        refuse("security_contact", "ontbreekt; wie krijgt meldingen over beveiliging?")
    elif not re.fullmatch(r"mailto:[^@\s]+@[^@\s]+\.[a-z]{2,}|https://\S+", contact):
        refuse("security_contact", f"'{contact}' is geen mailto:-adres of https://-adres")
    elif RESERVED_HOST.search(_host(contact)):
        refuse("security_contact", f"'{contact}' is een voorbeeldwaarde")
    for key, value in (
        ("server_root", deployment.server_root),
        ("tls_certificate", deployment.tls_certificate),
        ("tls_certificate_key", deployment.tls_certificate_key),
    ):
        if not value:
            refuse(key, "ontbreekt; het pad op de webserver")
        elif not SAFE_PATH.match(value):
            refuse(key, f"'{value}' is geen volledig pad (beginnend met /, zonder spaties)")
    return problems


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
