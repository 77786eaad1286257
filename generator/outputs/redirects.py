"""The small HTML pages at old addresses: an id in `vorige_ids` points to its new page.

The nginx configuration answers these addresses with a real 301 (site/nginx.py); the pages are
for hosts without it.
"""

from __future__ import annotations

from markupsafe import escape

from ..base.urls import relative
from .headers import content_security_policy


def redirect_pages(
    redirects: list[tuple[str, str, str]], site_url: str | None, policy: str = ""
) -> dict[str, str]:
    """A small HTML page at every old address in `vorige_ids`, pointing to the new one.

    The nginx configuration answers these addresses with a real 301 (nginx.py); the page is
    for hosts without it.
    """
    pages = {}
    for old_url, new_url, titel in redirects:
        target = relative(old_url, new_url)
        canonical = site_url.rstrip("/") + "/" + new_url if site_url else target
        pages[old_url + "index.html"] = redirect_html(titel, target, canonical, policy)
    return dict(sorted(pages.items()))


def redirect_html(titel: str, target: str, canonical: str, policy: str = "") -> str:
    titel, target, canonical = escape(titel), escape(target), escape(canonical)
    csp = (
        f'<meta http-equiv="Content-Security-Policy" '
        f'content="{escape(content_security_policy(policy, meta=True))}">\n'
        if policy
        else ""
    )
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
{csp}<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Verhuisd: {titel}</title>
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<main>
<h1>Deze pagina heeft een nieuw adres</h1>
<p>U wordt doorgestuurd naar <a href="{target}">{titel}</a>. Gebeurt dat niet? Volg dan de link.</p>
</main>
</body>
</html>
"""
