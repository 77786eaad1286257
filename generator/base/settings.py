"""The settings every stage reads: mkdocs.yml as plain data, what differs per deployment, the
rendering settings and the build date.

Low in the pipeline on purpose: `check` reads the menu and the security contact from
mkdocs.yml, the renderer the site's address, the build the folders, and none of them imports
a higher stage for it. MkDocs itself is never imported here: mkdocs.yml is read as YAML.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .problems import Location

CONFIG = "mkdocs.yml"
DEFAULT_SITE_URL = "https://localhost/"  # a local build without site_url
PDF_ENV = "HANDREIKING_PDF"  # '0' skips the PDF (benchmarks, quick previews)


def pdf_enabled() -> bool:
    """False when HANDREIKING_PDF=0 (or 'nee', 'false'): the build then skips the PDF."""
    return os.environ.get(PDF_ENV, "1").strip().lower() not in ("0", "nee", "no", "false")


def build_date() -> date:
    """The date the site is built for: HANDREIKING_DATUM, SOURCE_DATE_EPOCH, or today."""
    if value := os.environ.get("HANDREIKING_DATUM"):
        return date.fromisoformat(value)
    if value := os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(value), tz=UTC).date()
    return date.today()


@dataclass(frozen=True)
class Settings:
    """What rendering needs besides the content; `today` is the one place the date enters."""

    today: date
    repo_url: str | None = None
    edit_branch: str = "main"
    site_url: str | None = None
    site_author: str | None = None  # the publishers (mkdocs.yml site_author): the PDF's author
    security_contact: str | None = None  # security.txt; else the ondersteuningsteam's e-mail


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
            """A text setting; anything else (a block, a list) is None: check reports it."""
            return value.strip() or None if isinstance(value, str) else None

        return cls(
            site_url=text(config.get("site_url")),
            repo_url=text(config.get("repo_url")),
            content_security_policy=text(extra.get("content_security_policy")),
            security_contact=text(block.get("security_contact")),
            server_root=text(block.get("server_root")),
            tls_certificate=text(block.get("tls_certificate")),
            tls_certificate_key=text(block.get("tls_certificate_key")),
        )

    @property
    def server_name(self) -> str:
        return urlsplit(self.site_url or DEFAULT_SITE_URL).hostname or "localhost"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: a tag for MkDocs ('!ENV', '!!python/name:') reads as None."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


MAX_CONFIG_BYTES = 1024 * 1024  # content/config_check.py refuses a bigger one, located


def nav_files(nav) -> list[str]:
    """The Markdown files that mkdocs.yml's `nav` names, in its order, at any depth."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [f for value in nav.values() for f in nav_files(value)]
    if isinstance(nav, list):
        return [f for item in nav for f in nav_files(item)]
    return []


def read_config(root: Path) -> dict:
    """mkdocs.yml of the project as plain data: an empty dict when it is no mapping, too big,
    or no YAML (content/config_check.py reports why, located, before anything is built)."""
    path = root / CONFIG
    if path.stat().st_size > MAX_CONFIG_BYTES:
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def locate(root: Path, key: str) -> Location:
    """Where `key:` (or a nav entry) is written in mkdocs.yml."""
    return _locate((root / CONFIG).read_text(encoding="utf-8"), key)


def _locate(text: str, key: str) -> Location:
    """Where `key:` is written in mkdocs.yml (the top of the file when it is not)."""
    match = re.search(rf"^(\s*(?:- )?(?:[^:\n]+: )?){re.escape(key)}\s*(?::|$)", text, re.M)
    if not match:
        return Location(CONFIG, 1, 1)
    line = text[: match.start()].count("\n") + 1
    return Location(CONFIG, line, len(match.group(1)) + 1)


@dataclass(frozen=True)
class SiteConfig:
    """The few mkdocs.yml settings the generator needs, read as plain YAML."""

    docs_dir: Path
    site_dir: Path
    repo_url: str | None
    site_url: str | None
    site_author: str | None = None
    deployment: Deployment = Deployment()

    @property
    def content_security_policy(self) -> str:
        return self.deployment.content_security_policy or ""

    @classmethod
    def read(cls, root: Path) -> SiteConfig:
        config = read_config(root)

        def text(key: str, default: str | None = None) -> str | None:
            value = config.get(key, default)  # check reports a value that is no text
            return value if isinstance(value, str) else default

        return cls(
            root / text("docs_dir", "docs"),
            root / text("site_dir", "site"),
            text("repo_url"),
            text("site_url"),
            text("site_author"),
            Deployment.from_config(config),
        )

    def settings(self, today: date) -> Settings:
        """The rendering settings for a build on `today`."""
        return Settings(
            today=today,
            repo_url=self.repo_url,
            site_url=self.site_url,
            site_author=self.site_author,
            security_contact=self.deployment.security_contact,
        )
