"""The HTML pages of a built site, as URLs relative to its root: '', 'maatregelen/x/'."""

from __future__ import annotations

from pathlib import Path


def html_files(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if "pagefind" not in p.parts)


def page_url(site_dir: Path, file: Path) -> str:
    relative = file.relative_to(site_dir).as_posix()
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


def is_redirect(file: Path) -> bool:
    """The small pages at old addresses (editions' vorige_ids) that forward to the new one."""
    return 'http-equiv="refresh"' in file.read_text(encoding="utf-8")[:2000]


def site_pages(site_dir: Path) -> list[str]:
    """Every page a reader can stay on: all HTML files except redirect stubs."""
    return [page_url(site_dir, f) for f in html_files(site_dir) if not is_redirect(f)]
