"""The published addresses of the open data: the site's address and absolute page URLs.

Shared by the JSON, the CSV files, the calendar and the editor schemas, so none of them
imports another for an address.
"""

from __future__ import annotations

from .render import Settings, url_of

OPEN_DATA = "open-data"
DEFAULT_SITE_URL = "https://localhost/"


def base_url(site_url: str | None) -> str:
    """mkdocs.yml's site_url with a trailing slash (a local default when it has none)."""
    return (site_url or DEFAULT_SITE_URL).rstrip("/") + "/"


def site_url(settings: Settings) -> str:
    """The published address with a trailing slash; every absolute URL starts with it."""
    return base_url(settings.site_url)


def page_url(settings: Settings, kind: str, id_: str | None = None) -> str:
    """Absolute URL of a page: page_url(s, 'maatregel', 'x') -> 'https://.../maatregelen/x/'."""
    return site_url(settings) + url_of(kind, id_)
