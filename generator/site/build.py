"""Write the generated pages, run MkDocs, and swap the new site in only when it succeeded."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from ..base.problems import ContentError
from ..base.settings import Settings, SiteConfig
from ..base.urls import base_url
from ..content.files import dutch_os_error
from ..content.model import Handreiking
from ..content.validate import Checked
from ..history.arrivals import announce
from ..history.checks import check_with_editions
from ..history.editions import published_urls
from ..history.ledger import corrections
from ..history.model import History, compute
from ..history.snapshots import url_problems
from ..outputs.export import site_files, write_open_data  # noqa: F401 (for the CLI)
from ..outputs.feed import FEED_FILE, atom_feed
from ..outputs.follow import follow_files
from ..outputs.pages import render_pages
from ..outputs.redirects import redirect_pages
from . import frozen, nginx
from .deployment import production_problems
from .errors import BuildBusy, BuildError, WriteError
from .search import SearchIndexError, index_site
from .sitemap import split_sitemap

PREGENERATED = "HANDREIKING_PREGENERATED"
LOCK_FILE = ".handreiking.lock"  # in the project folder; git-ignored
STAGING_PREFIX = ".site-"  # a site being built, next to site/; git-ignored


@contextlib.contextmanager
def build_lock(root: Path):
    """Hold the project's build lock; raise BuildBusy at once when someone else holds it.

    Yields the lock's file descriptor: a child process that inherits it (MkDocs) keeps the
    lock until it ends too, so a build killed with kill -9 blocks the next one only as long
    as its orphaned MkDocs still writes.
    """
    try:
        descriptor = os.open(root / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as error:
        raise WriteError(f"{root / LOCK_FILE}: {dutch_os_error(error)}") from error
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise WriteError(f"{root / LOCK_FILE}: {dutch_os_error(error)}") from error
            raise BuildBusy(
                "er wordt in deze map al een site gebouwd (handreiking build of serve); "
                "wacht tot die klaar is en probeer het dan opnieuw"
            ) from None
        yield descriptor
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def _writing(what: Path):
    """Turn an OSError while writing into WriteError, in Dutch, naming the path."""
    try:
        yield
    except OSError as error:
        where = error.filename or what
        raise WriteError(f"schrijven mislukt: {where}: {dutch_os_error(error)}") from error


# What MkDocs prints when it cannot write; shown to the editor as one line instead.
_MKDOCS_OS_ERRORS = {
    "No space left on device": errno.ENOSPC,
    "Disk quota exceeded": errno.EDQUOT,
    "Permission denied": errno.EACCES,
    "Read-only file system": errno.EROFS,
}


def load(root: Path, today: date) -> tuple[Checked, Handreiking]:
    """Check the content under `root`; raise ContentError with every error found."""
    checked, _ = _checked(root, today)
    return checked, Handreiking.from_checked(checked.values, checked.pages, checked.files)


def _checked(root: Path, today: date):
    checked, snapshots = check_with_editions(root, today)
    if checked.errors:
        raise ContentError(checked.problems)
    return checked, snapshots


@dataclass
class Generated:
    """What one build renders: the checked content, its history, the files of docs_dir."""

    checked: Checked
    history: History
    files: dict[str, str | bytes]
    settings: Settings


def generate_all(root: Path, today: date, correcties=None) -> Generated:
    """Check, compute the history once, and render every file of docs_dir: Markdown pages
    (text) and downloads (bytes). The published editions' own pages are frozen.py's."""
    config = SiteConfig.read(root)
    checked, snapshots = _checked(root, today)
    handreiking = Handreiking.from_checked(checked.values, checked.pages, checked.files)
    settings = config.settings(today)
    if correcties is None:
        correcties = corrections(root)
    history = compute(snapshots, checked, correcties)
    announce(history, root, today)  # issue 24: each change dated from git, once
    follow, volgen = follow_files(handreiking, settings, history)
    files: dict[str, str | bytes] = dict(render_pages(handreiking, settings, history, volgen))
    files.update(follow)
    # Editions (issues 4, 20): redirects for vorige_ids, the Atom feed, no lost addresses.
    policy = config.content_security_policy
    files.update(redirect_pages(history.redirects, config.site_url, policy))
    files[FEED_FILE] = atom_feed(
        history,
        base_url(config.site_url),
        handreiking.editie.titel,
        handreiking.editie.peildatum.begin,
    )
    # Open data, calendar, print page and PDF (issue 5); HANDREIKING_PDF=0 skips the PDF.
    files.update(site_files(handreiking, settings, history=history, volgen=volgen))
    problems = url_problems(snapshots, set(published_urls(files)))
    if problems:
        raise ContentError(checked.problems + problems)
    return Generated(checked, history, dict(sorted(files.items())), settings)


def generate(root: Path, today: date) -> tuple[Checked, dict[str, str | bytes]]:
    """`generate_all`'s checked content and files (publishing an edition needs those)."""
    generated = generate_all(root, today)
    return generated.checked, generated.files


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


def run_mkdocs(root: Path, site_dir: Path, today: date, pass_fds: tuple[int, ...] = ()) -> None:
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
        pass_fds=pass_fds,
    )
    if result.returncode != 0:
        output = result.stdout + result.stderr
        for phrase, number in _MKDOCS_OS_ERRORS.items():
            if phrase in output:
                raise WriteError(
                    f"schrijven mislukt: {site_dir}: {dutch_os_error(OSError(number, phrase))}"
                )
        raise BuildError(output)


def build(
    root: Path, today: date, timings: dict[str, float] | None = None, production: bool = False
) -> Checked:
    """The whole build; the previous site stays as it was unless everything succeeded.

    `timings`, when given, gets the seconds of each step: generate (load, check, render the
    pages and the open data), write, mkdocs, search (Pagefind), sitemap and swap.
    `production` refuses the placeholder deployment settings (deployment.py) first.
    """
    timings = {} if timings is None else timings
    clock = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[step] = round(now - clock, 3)
        clock = now

    config = SiteConfig.read(root)
    site = config.site_dir
    if production and (problems := production_problems(config.deployment, root)):
        raise ContentError(problems)
    with build_lock(root) as lock:
        generated = generate_all(root, today)
        checked, pages = generated.checked, generated.files
        lap("generate")
        # The published editions' pages (issue 20): kept, or built beside the site's own.
        editions = frozen.start(root, generated.history, generated.settings, pages)
        remove_leftovers(site)
        with _writing(config.docs_dir):
            write_pages(pages, config.docs_dir)
        lap("write")
        with _writing(site.parent):
            site.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=site.parent))
        try:
            run_mkdocs(root, staging, today, pass_fds=(lock,))
            with _writing(staging):
                frozen.copy_into(editions.wait(), staging)
            lap("mkdocs")
            try:  # issue 3: the Pagefind search index belongs to the site it indexes
                index_site(staging)
            except SearchIndexError as error:
                raise BuildError(error.output) from error
            lap("search")
            with _writing(staging):
                if config.site_url:  # the index needs absolute addresses
                    split_sitemap(staging, config.site_url)
                lap("sitemap")
                make_readable(staging)
                server = write_nginx_config(root, generated.history.redirects, config)
                swap_in(staging, site)
                server.replace(root / nginx.CONF_FILE)  # goes with the site it serves
            lap("swap")
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return checked


def write_nginx_config(
    root: Path, redirects: list[tuple[str, str, str]], config: SiteConfig
) -> Path:
    """The web server's configuration (nginx.py) in a temporary file next to its place."""
    deployment = config.deployment
    text = nginx.config(
        [(old, new) for old, new, _ in redirects],
        deployment,
        config.content_security_policy,
        root=deployment.server_root or str(config.site_dir.resolve()),
    )
    target = root / nginx.CONF_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    return temporary


def remove_leftovers(site: Path) -> None:
    """Remove what a killed build left next to site/ (called with the build lock held)."""
    for leftover in sorted(site.parent.glob(STAGING_PREFIX + "*")):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
    shutil.rmtree(site.with_name(site.name + ".old"), ignore_errors=True)


def make_readable(folder: Path) -> None:
    """Everything in `folder` readable by everyone: a web server's own user serves it.

    tempfile.mkdtemp makes a folder only its owner can open (0700), so nginx's worker gave
    403 on every page; a builder's umask of 077 does the same to every file (issue 12).
    """
    readable_dir = stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH
    readable_file = stat.S_IRGRP | stat.S_IROTH
    folder.chmod(folder.stat().st_mode | readable_dir)
    for directory, folders, files in os.walk(folder):
        for name in folders:
            path = os.path.join(directory, name)
            os.chmod(path, os.lstat(path).st_mode | readable_dir)
        for name in files:
            path = os.path.join(directory, name)
            mode = os.lstat(path).st_mode
            if stat.S_ISREG(mode) and mode & readable_file != readable_file:
                os.chmod(path, mode | readable_file)


def swap_in(new: Path, site: Path) -> None:
    """Replace `site` by `new` with two renames, so a reader never sees a half-written site."""
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    try:
        new.rename(site)
    except OSError:
        if old.exists() and not site.exists():
            old.rename(site)  # the previous site stays
        raise
    shutil.rmtree(old, ignore_errors=True)
