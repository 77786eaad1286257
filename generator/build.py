"""Write the generated pages, run MkDocs, and swap the new site in only when it succeeded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from .editions import history, published_urls, redirect_pages, url_problems
from .export import site_files
from .feed import FEED_FILE, atom_feed
from .model import Handreiking
from .problems import ContentError
from .render import Settings, render_pages
from .search import SearchIndexError, index_site
from .sitemap import split_sitemap
from .validate import Checked, check_project

PREGENERATED = "HANDREIKING_PREGENERATED"


class BuildError(Exception):
    """MkDocs failed; `output` is what it printed."""

    def __init__(self, output: str):
        super().__init__("MkDocs kon de site niet bouwen")
        self.output = output


@dataclass(frozen=True)
class SiteConfig:
    """The few mkdocs.yml settings the generator needs, read as plain YAML."""

    docs_dir: Path
    site_dir: Path
    repo_url: str | None
    site_url: str | None
    site_author: str | None = None

    @classmethod
    def read(cls, root: Path) -> SiteConfig:
        config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
        return cls(
            root / config.get("docs_dir", "docs"),
            root / config.get("site_dir", "site"),
            config.get("repo_url"),
            config.get("site_url"),
            config.get("site_author"),
        )

    def settings(self, today: date) -> Settings:
        """The rendering settings for a build on `today`."""
        return Settings(
            today=today,
            repo_url=self.repo_url,
            site_url=self.site_url,
            site_author=self.site_author,
        )


def build_date() -> date:
    """The date the site is built for: HANDREIKING_DATUM, SOURCE_DATE_EPOCH, or today."""
    if value := os.environ.get("HANDREIKING_DATUM"):
        return date.fromisoformat(value)
    if value := os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(value), tz=UTC).date()
    return date.today()


def load(root: Path, today: date) -> tuple[Checked, Handreiking]:
    """Check the content under `root`; raise ContentError with every error found."""
    checked = check_project(root, today)
    if checked.errors:
        raise ContentError(checked.problems)
    return checked, Handreiking.from_checked(checked.values, checked.pages, checked.files)


def generate(root: Path, today: date) -> tuple[Checked, dict[str, str | bytes]]:
    """Check and render every file of docs_dir: Markdown pages (text) and downloads (bytes)."""
    config = SiteConfig.read(root)
    checked, handreiking = load(root, today)
    settings = config.settings(today)
    editions, problems = history(root, checked)
    files: dict[str, str | bytes] = dict(render_pages(handreiking, settings, editions))
    # Editions (issue 4): redirects for vorige_ids, the Atom feed, and no lost addresses.
    files.update(redirect_pages(checked, config.site_url))
    files[FEED_FILE] = atom_feed(
        editions,
        config.site_url or "https://localhost/",
        handreiking.editie.titel,
        handreiking.editie.peildatum.begin,
    )
    # Open data, calendar, print page and PDF (issue 5); HANDREIKING_PDF=0 skips the PDF.
    files.update(site_files(handreiking, settings))
    problems += url_problems(editions.snapshots, set(published_urls(files)))
    if problems:
        raise ContentError(checked.problems + problems)
    return checked, dict(sorted(files.items()))


def write_pages(pages: dict[str, str | bytes], docs_dir: Path) -> int:
    """Make docs_dir hold exactly `pages`, touching only what changed; returns files written."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for relative, content in pages.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = docs_dir / relative
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(target)
        written += 1
    wanted = {docs_dir / relative for relative in pages}
    for existing in sorted(docs_dir.rglob("*"), reverse=True):
        if existing.is_file() and existing not in wanted:
            existing.unlink()
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return written


def run_mkdocs(root: Path, site_dir: Path, today: date) -> None:
    """`mkdocs build --strict` into `site_dir`; raise BuildError with its output on failure.

    MkDocs dates the sitemap by SOURCE_DATE_EPOCH, else by the clock: given the build date,
    the same content builds the same files on any day.
    """
    epoch = int(datetime(today.year, today.month, today.day, tzinfo=UTC).timestamp())
    env = {
        **os.environ,
        PREGENERATED: "1",
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": str(epoch),
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(root / "mkdocs.yml"),
            "--site-dir",
            str(site_dir),
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BuildError(result.stdout + result.stderr)


def build(root: Path, today: date, timings: dict[str, float] | None = None) -> Checked:
    """The whole build; the previous site stays as it was unless everything succeeded.

    `timings`, when given, gets the seconds of each step: generate (load, check, render the
    pages and the open data), write, mkdocs, search (Pagefind), sitemap and swap.
    """
    timings = {} if timings is None else timings
    clock = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[step] = round(now - clock, 3)
        clock = now

    config = SiteConfig.read(root)
    checked, pages = generate(root, today)
    lap("generate")
    write_pages(pages, config.docs_dir)
    lap("write")
    site = config.site_dir
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
    try:
        run_mkdocs(root, staging, today)
        lap("mkdocs")
        try:  # issue 3: the Pagefind search index belongs to the site it indexes
            index_site(staging)
        except SearchIndexError as error:
            raise BuildError(error.output) from error
        lap("search")
        if config.site_url:  # the index needs absolute addresses
            split_sitemap(staging, config.site_url)
        lap("sitemap")
        swap_in(staging, site)
        lap("swap")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return checked


def swap_in(new: Path, site: Path) -> None:
    """Replace `site` by `new` with two renames, so a reader never sees a half-written site."""
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    new.rename(site)
    shutil.rmtree(old, ignore_errors=True)
