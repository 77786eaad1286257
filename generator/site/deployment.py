"""What differs per deployment, read from mkdocs.yml; a production build refuses placeholders.

One place (README, "Publiceren"): `site_url` and `repo_url` at the top of mkdocs.yml, and the
block `extra.deployment` with the security contact and the web server's paths. The values the
repository ships with are placeholders: fine for `make serve`, the tests and a preview build,
refused by `handreiking build --productie` (`make build PRODUCTIE=1`) with one located Dutch
line per value. What any build refuses (a host with '_', a '$' in a path, a policy that
loads from elsewhere) is content/config_check.py's, run by check and by every build.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from ..base.problems import Problem
from ..base.settings import CONFIG, Deployment, _locate
from ..content.config_check import check_settings

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


def production_problems(deployment: Deployment, root: Path) -> list[Problem]:
    """Every setting a production build cannot use, as a located Dutch problem: what check
    refuses in any build (content/config_check.py), and the placeholders and empty values
    that are fine for a preview."""
    problems = check_settings(root)
    try:
        text = (root / CONFIG).read_text(encoding="utf-8")
    except UnicodeDecodeError:  # check_settings says where
        return problems

    def refuse(key: str, message: str) -> None:
        problems.append(Problem(_locate(text, key), f"{key}: {message}"))

    # repo_url is optional: without it the pages have no edit links (issue 14).
    for key, value in (("site_url", deployment.site_url), ("repo_url", deployment.repo_url)):
        if not value:
            if key == "site_url":
                refuse(key, "ontbreekt; vul het echte adres in")
        elif _placeholder_url(value):
            refuse(key, f"'{value}' is een voorbeeldwaarde; vul het echte adres in")
    if deployment.site_url and urlsplit(deployment.site_url).path not in ("", "/"):
        refuse("site_url", "de nginx-configuratie verwacht de site op de hoofdmap (https://host/)")
    if not deployment.content_security_policy:
        refuse(
            "content_security_policy",
            "ontbreekt; zonder beleid kan een pagina script van elders laden (zie "
            "generator/outputs/headers.py)",
        )
    contact = deployment.security_contact
    if not contact:
        refuse("security_contact", "ontbreekt; wie krijgt meldingen over beveiliging?")
    elif RESERVED_HOST.search(_host(contact)):
        refuse("security_contact", f"'{contact}' is een voorbeeldwaarde")
    for key, value in (
        ("server_root", deployment.server_root),
        ("tls_certificate", deployment.tls_certificate),
        ("tls_certificate_key", deployment.tls_certificate_key),
    ):
        if not value:
            refuse(key, "ontbreekt; het pad op de webserver")
    return sorted(set(problems), key=lambda p: p.sort_key)


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
