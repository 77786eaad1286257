"""The HTTP security headers of the site and its Content-Security-Policy.

The policy is written once, in mkdocs.yml (`extra.content_security_policy`), so the theme puts
it into every page as a <meta> tag with or without our plugin (theme/base.html), and the
nginx configuration (nginx.py) sends it as a header, with what only a header can carry
(frame-ancestors). Measured in Chromium (tests/test_nginx.py): no page type reports a
violation, and search, the filters and the tijdlijn work. What each source is for:

- script-src 'self': Material's bundle and our scripts are files; Material's two inline
  scripts are files too (theme/partials/javascripts/). 'wasm-unsafe-eval' lets Pagefind
  compile its WebAssembly search engine; it does not allow eval() of JavaScript.
- style-src 'self': stylesheets are files; no page has a style attribute or <style> element.
- img-src 'self' data:: Material's stylesheet draws its icons from data: SVG images.
- everything else from the site itself, no plugins, no frames, forms only to the site.
"""

from __future__ import annotations

# Ignored in a <meta> tag (CSP level 3), so only in the header.
HEADER_ONLY = "frame-ancestors 'none'"


def content_security_policy(policy: str, meta: bool = False) -> str:
    """The policy as one line; `meta=True` leaves out what a <meta> tag cannot carry."""
    directives = [d.strip() for d in " ".join(policy.split()).split(";") if d.strip()]
    if not meta:
        directives.append(HEADER_ONLY)
    return "; ".join(directives)


def security_headers(policy: str) -> dict[str, str]:
    """Every header a page (and every other file) is sent with, as nginx sends them."""
    return {
        "Content-Security-Policy": content_security_policy(policy),
        "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": (
            "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
            "microphone=(), payment=(), usb=()"
        ),
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }


def preview_policy(policy: str) -> str:
    """The policy for `handreiking serve`: MkDocs injects its live-reload script inline, with a
    new number in it on every page and reload, so no hash can allow it; only the preview (on
    127.0.0.1, for the editor) allows inline scripts. The published site never does."""
    directives = [d.strip() for d in " ".join(policy.split()).split(";") if d.strip()]
    return "; ".join(
        f"{d} 'unsafe-inline'" if d.split()[0] == "script-src" else d for d in directives
    )


# The editors' admin (/redactie/bewerken/, Decap CMS; generator/outputs/cms.py) has its own
# policy, sent only on its own path (or host): it never relaxes the readers' policy above.
# Decap compiles its configuration schema with ajv, which needs eval ('unsafe-eval'), and its
# styles are injected by emotion ('unsafe-inline' styles). It talks to GitHub's API and shows
# the editor's avatar from GitHub; nothing else leaves the admin's origin. Its preview is an
# iframe of its own (frame-src 'self'); it opens GitHub's sign-in in a pop-up, which only
# COOP 'same-origin-allow-popups' (not 'same-origin') lets answer.
ADMIN_POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: https://avatars.githubusercontent.com; font-src 'self'; "
    "connect-src 'self' https://api.github.com; frame-src 'self'; worker-src 'none'; "
    "manifest-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"
)


def admin_headers() -> dict[str, str]:
    """The headers of every response under the admin's path: its own policy, a popup for the
    GitHub login, and no search engine (nginx adds the caching of every page)."""
    headers = security_headers(ADMIN_POLICY)
    headers["Cross-Origin-Opener-Policy"] = "same-origin-allow-popups"
    headers["X-Robots-Tag"] = "noindex, nofollow"
    return headers
