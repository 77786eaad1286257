"""The published addresses of the open data: the site's address and absolute page URLs.

Shared by the JSON, the CSV files, the calendar and the editor schemas, so none of them
imports another for an address.
"""

from __future__ import annotations

from .render import Settings, url_of

OPEN_DATA = "open-data"
DEFAULT_SITE_URL = "https://localhost/"


def site_url(settings: Settings) -> str:
    """The published address with a trailing slash; every absolute URL starts with it."""
    return (settings.site_url or DEFAULT_SITE_URL).rstrip("/") + "/"


def page_url(settings: Settings, kind: str, id_: str | None = None) -> str:
    """Absolute URL of a page: page_url(s, 'maatregel', 'x') -> 'https://.../maatregelen/x/'."""
    return site_url(settings) + url_of(kind, id_)
