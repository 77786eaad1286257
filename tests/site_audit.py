"""The site's promise, checked on a built site: nothing in it runs script or loads from elsewhere.

`audit(site, origin)` reads every HTML, XML, JSON, ICS and CSV file (and security.txt) and
returns what breaks the promise, one line per finding, as 'path: what':

- every href, src, action, srcset, poster, ... is https:, mailto: or of the site itself; what
  loads something (src, srcset, a stylesheet, a form's action) is of the site itself only;
- no on* attribute, no style attribute, no javascript:, vbscript: or data: in any attribute
  or URL, and no 'javascript:' anywhere in a file;
- no frames, objects, embeds or <base>; scripts only from the site's own files (or JSON data);
- ids unique on a page, and the theme's ids ('__config', '__search', ...) only where the
  theme puts them;
- every page carries a strict Content-Security-Policy meta tag (default-src 'self', scripts
  only from the site or hashes, no 'unsafe-inline' or 'unsafe-eval', no plugins), before its
  first script or style, and the same one on every page;
- CSV cells that a spreadsheet would read as a formula are neutralised; the .ics has only
  CRLF line ends.

Used by tests/test_site_audit.py (the real content) and tests/test_hostile.py (the corpus).
"""

from __future__ import annotations

import csv
import html
import html.parser
import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "srcset",
    "poster",
    "data",
    "cite",
    "background",
    "xlink:href",
    "ping",
    "manifest",
    "longdesc",
    "usemap",
    "icon",
    "codebase",
    "archive",
    "lowsrc",
    "dynsrc",
}
# Attributes that make the browser fetch something, not just offer a link.
LOADING = {"src", "srcset", "poster", "data", "background", "action", "formaction", "manifest"}
LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "import"}
FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
# Material for MkDocs' own ids start with '__' ('__config' holds its settings); in the page's
# content (its <article>) or on another element they would shadow them.
THEME_IDS = re.compile(
    r"^__(config|drawer|search|consent|toc|palette_\d+|nav(_\d+)+(_label)?|tabbed_[\d_]+)$"
)
FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n")
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")


def _normal(value: str) -> str:
    """A URL as a browser reads it: entities decoded, tabs/newlines gone, leading junk off."""
    return re.sub(r"[\t\n\r]", "", html.unescape(value)).lstrip("\x00- ").lower()


def url_problem(value: str, origin: str, loads: bool) -> str | None:
    """Why a URL breaks the promise, or None. `loads`: it fetches, so same origin only."""
    url = _normal(value)
    if url.startswith(SCRIPT_SCHEMES):
        return f"script or data URL '{value[:60]}'"
    if "\\" in url:
        return f"backslash in URL '{value[:60]}'"
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", url)
    if url.startswith("//"):
        return f"protocol-relative URL '{value[:60]}'"
    if not scheme:
        return None  # relative: the site itself
    if url.startswith(origin.lower()):
        return None
    if loads:
        return f"loads from another origin: '{value[:60]}'"
    if scheme.group(1) == "webcal" and not loads:
        return None  # issue 24: a calendar subscription; the program fetches it over https
    if scheme.group(1) not in ("https", "mailto"):
        return f"scheme {scheme.group(1)}: in '{value[:60]}'"
    return None


WEAK_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*"}
REMOTE_SOURCE = re.compile(r"^(https?:|blob:|\*\.|[a-z0-9.-]+\.[a-z]{2,})")


def policy_problems(policy: str) -> list[str]:
    """Why a Content-Security-Policy is not strict enough for the site's promise."""
    directives = {}
    for part in policy.split(";"):
        name, *sources = part.split() or [""]
        directives[name.lower()] = sources
    found = []
    if directives.get("default-src") not in (["'self'"], ["'none'"]):
        found.append("default-src is not 'self'")
    for name, sources in directives.items():
        for source in sources:
            weak = source in WEAK_SOURCES or bool(REMOTE_SOURCE.match(source))
            if weak or (source == "data:" and name != "img-src"):
                found.append(f"{name} allows {source}")
    script = directives.get("script-src", directives.get("default-src", []))
    own = ("'self'", "'wasm-unsafe-eval'")
    if any(source not in own and not source.startswith("'sha") for source in script):
        found.append("script-src allows more than the site's files, hashes and WebAssembly")
    if directives.get("object-src") != ["'none'"]:
        found.append("object-src is not 'none'")
    if directives.get("base-uri") not in (["'self'"], ["'none'"]):
        found.append("base-uri is not limited")
    return found


class _Page(html.parser.HTMLParser):
    def __init__(self, origin: str, meta_policy: str | None):
        super().__init__(convert_charrefs=True)
        self.origin = origin
        self.meta_policy = meta_policy
        self.found: list[str] = []
        self.ids: dict[str, int] = {}
        self.csp_seen = False
        self.before_csp: list[str] = []
        self.in_script = False
        self.article = 0  # depth inside <article>, where the content is

    def handle_starttag(self, tag, attrs):
        self._element(tag, attrs, closed=tag in VOID)

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs, closed=True)

    def _element(self, tag, attrs, closed: bool):
        values = {name: value or "" for name, value in attrs}
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}> element")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"{name} attribute on <{tag}>")
            if name == "style":
                self.found.append(f"style attribute on <{tag}>")
            if _normal(value).startswith(SCRIPT_SCHEMES):
                self.found.append(f"{name}='{value[:60]}' on <{tag}>")
            if name in URL_ATTRIBUTES:
                loads = name in LOADING or (
                    tag == "link" and LOADING_RELS & set(values.get("rel", "").lower().split())
                )
                for url in _urls(name, value):
                    problem = url_problem(url, self.origin, bool(loads))
                    if problem:
                        self.found.append(f"{problem} in <{tag} {name}>")
        if "id" in values:
            identifier = values["id"]
            self.ids[identifier] = self.ids.get(identifier, 0) + 1
            if identifier.startswith("__") and (self.article or not THEME_IDS.match(identifier)):
                self.found.append(f"id '{identifier}' on <{tag}> shadows the theme's")
        if (tag == "article" or self.article) and not closed:
            self.article += 1
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = values.get("content", "").partition("url=")[2]
            problem = url_problem(target, self.origin, loads=False) if target else None
            if problem:
                self.found.append(f"{problem} in a meta refresh")
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            policy = values.get("content", "")
            self.found += [f"Content-Security-Policy: {p}" for p in policy_problems(policy)]
            if self.meta_policy is not None and policy != self.meta_policy:
                self.found.append(f"another Content-Security-Policy: {policy}")
            self.csp_seen = True
        if tag == "script":
            kind = values.get("type", "text/javascript").lower()
            if "src" not in values and kind not in ("application/json", "application/ld+json"):
                self.found.append("inline script")
            self.in_script = True
        if tag in ("script", "style", "link") and not self.csp_seen:
            self.before_csp.append(tag)
        if tag == "style":
            self.found.append("<style> element")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False
        if self.article and tag not in VOID:
            self.article -= 1


def _urls(name: str, value: str) -> list[str]:
    if name in ("srcset", "ping", "archive"):
        return [part.strip().split(" ")[0] for part in re.split(r",\s+|\s+", value) if part]
    return [value]


def audit_html(text: str, origin: str, page: bool = True, policy: str | None = None) -> list[str]:
    """`policy`: the meta policy every page must carry (None: any strict one)."""
    parser = _Page(origin, policy)
    parser.feed(text)
    parser.close()
    found = list(parser.found)
    found += [f"id '{i}' {n} times" for i, n in sorted(parser.ids.items()) if n > 1]
    if page:
        if not parser.csp_seen:
            found.append("no Content-Security-Policy meta tag")
        elif parser.before_csp:
            found.append(f"<{parser.before_csp[0]}> before the Content-Security-Policy")
    return found


def audit_xml(text: str, origin: str) -> list[str]:
    found = []
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        return [f"not XML: {error}"]
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        for name, value in element.attrib.items():
            name = name.rsplit("}", 1)[-1]
            if name.startswith("on") or _normal(value).startswith(SCRIPT_SCHEMES):
                found.append(f"<{tag} {name}='{value[:60]}'>")
            if name in URL_ATTRIBUTES:
                problem = url_problem(value, origin, loads=False)
                if problem:
                    found.append(f"{problem} in <{tag} {name}>")
        text_value = (element.text or "").strip()
        if tag in ("loc", "uri", "icon", "logo") and text_value:
            problem = url_problem(text_value, origin, loads=tag in ("icon", "logo"))
            if problem:
                found.append(f"{problem} in <{tag}>")
        if tag in ("content", "summary", "title") and element.get("type") in ("html", "xhtml"):
            found += [f"in <{tag}>: {f}" for f in audit_html(text_value, origin, page=False)]
    return found


def audit_json(text: str, origin: str) -> list[str]:
    found = []

    def walk(value, path: str) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, f"{path}.{key}")
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, f"{path}[{index}]")
        elif isinstance(value, str):
            key = path.rsplit(".", 1)[-1].lower()
            normal = _normal(value)
            looks_like_url = normal.startswith(SCRIPT_SCHEMES) or bool(
                re.match(r"^[a-z][a-z0-9+.-]*:\S*$", normal)
            )
            if (looks_like_url or key.endswith(("url", "href", "src"))) and value:
                problem = url_problem(value, origin, loads=False)
                if problem:
                    found.append(f"{problem} at {path}")

    try:
        walk(json.loads(text), "$")
    except json.JSONDecodeError as error:
        return [f"not JSON: {error}"]
    return found


def audit_ics(data: bytes, origin: str) -> list[str]:
    found = []
    if re.search(rb"\r(?!\n)", data):
        found.append("a lone CR")
    if re.search(rb"(?<!\r)\n", data):
        found.append("a line end without CR")
    unfolded = re.sub(r"\r\n[ \t]", "", data.decode("utf-8"))
    for line in unfolded.split("\r\n"):
        name, _, value = line.partition(":")
        if name.split(";")[0].upper() in ("URL", "ATTACH", "SOURCE", "TZURL", "CONFERENCE"):
            problem = url_problem(value, origin, loads=False)
            if problem:
                found.append(f"{problem} in {name}")
    return found


def audit_csv(data: bytes, origin: str) -> list[str]:
    found = []
    # A cell may hold a whole text (a 180 KB beschrijving): past the csv module's default limit
    # of 128 KB it raised `field larger than field limit` instead of auditing the file.
    csv.field_size_limit(max(csv.field_size_limit(), len(data) + 1))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    header = rows[0] if rows else []
    for number, row in enumerate(rows[1:], start=2):
        for column, cell in enumerate(row):
            name = header[column] if column < len(header) else str(column)
            if cell.startswith(FORMULA) and not NUMBER.match(cell):
                found.append(f"row {number}, {name}: a formula '{cell[:40]}'")
            if "url" in name.lower() and cell:
                problem = url_problem(cell, origin, loads=False)
                if problem:
                    found.append(f"row {number}, {name}: {problem}")
    return found


def audit(site: Path, origin: str, policy: str | None = None) -> list[str]:
    """Every way the built `site` breaks the promise; `origin` is its site_url, `policy` the
    meta Content-Security-Policy every page must carry (None: any strict one)."""
    origin = origin.rstrip("/") + "/"
    findings = []
    checked = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file() or "pagefind" in path.relative_to(site).parts[:1]:
            continue
        suffix = path.suffix.lower()
        relative = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if suffix in (".html", ".htm", ".xml", ".json", ".ics", ".csv", ".txt", ".svg"):
            checked += 1
            text = data.decode("utf-8-sig", errors="replace")
            if re.search(r"(?i)(java|vb)script\s*:", html.unescape(text)):
                findings.append(f"{relative}: 'javascript:' in the file")
        if suffix in (".html", ".htm"):
            found = audit_html(data.decode("utf-8"), origin, policy=policy)
        elif suffix in (".xml", ".svg"):
            found = audit_xml(data.decode("utf-8"), origin)
        elif suffix == ".json":
            found = audit_json(data.decode("utf-8"), origin)
        elif suffix == ".ics":
            found = audit_ics(data, origin)
        elif suffix == ".csv":
            found = audit_csv(data, origin)
        else:
            found = []
        findings += [f"{relative}: {f}" for f in found]
    if checked == 0:
        findings.append("no file to audit: is this a built site?")
    for entry in (site / "pagefind").glob("*.json"):  # Pagefind's entry file is plain JSON
        findings += [f"pagefind/{entry.name}: {f}" for f in audit_json(entry.read_text(), origin)]
    if (site / ".well-known" / "security.txt").is_file():
        for line in (site / ".well-known" / "security.txt").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("Contact", "Canonical", "Policy", "Encryption") and value.strip():
                problem = url_problem(value.strip(), origin, loads=False)
                if problem:
                    findings.append(f".well-known/security.txt: {problem}")
    return findings


def origin_of(site_url: str) -> str:
    parts = urlsplit(site_url)
    return f"{parts.scheme}://{parts.netloc}/"
