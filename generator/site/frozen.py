"""Every published edition as HTML at its fixed address, built once and kept (issue 20).

An edition's pages are Markdown rendered from its snapshot with today's templates
(history/frozen.py, outputs/pages.py `render_edition`), built by MkDocs with the site's own
configuration and theme, and kept in build/edities/<key>/. The key covers everything those
pages depend on: each snapshot's bytes, its corrections and whether it is the latest, the
generator's code and templates, the theme, mkdocs.yml and the menu's titles. So a build or an
edit in `serve` copies the kept pages instead of rendering what cannot have changed; the first
build after a new edition, a correction or a change of the templates renders them again, in
a second MkDocs process that runs beside the site's own.

The pages link to the current site (its menu, contact, the changelog); for MkDocs' link
check they are built next to a title-only stand-in of each of those pages, which is left out.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..base.problems import ContentError
from ..base.settings import Settings, nav_files
from ..base.urls import FIXED_PAGES, page_file
from ..history.frozen import Frozen, UnshowableEdition, model_of
from ..history.model import History
from ..outputs.export import edition_json
from ..outputs.pages import render_edition
from .errors import BuildError

CACHE = "build/edities"  # in the project folder; git-ignored (build/)
DONE = ".klaar"  # written last: a folder without it is half-built and never used
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "nh3")
GENERATOR = Path(__file__).resolve().parent.parent


@dataclass
class FrozenBuild:
    """The editions' pages: ready in `folder` (`process` is None), or being built there."""

    folder: Path
    process: subprocess.Popen | None = None
    staging: Path | None = None

    def wait(self) -> Path:
        """The folder with editie/<jaar>/...; raise BuildError with MkDocs' output on failure."""
        if self.process is None:
            return self.folder
        output, _ = self.process.communicate()
        if self.process.returncode != 0:
            shutil.rmtree(self.staging, ignore_errors=True)
            raise BuildError(output)
        site = self.staging / "site"
        kept = self.staging / "kept"
        (kept / "editie").mkdir(parents=True)
        for edition in sorted((site / "editie").glob("[0-9]*")):  # not the stand-ins
            shutil.move(str(edition), kept / "editie" / edition.name)
        (kept / DONE).write_text("", encoding="utf-8")
        with contextlib.suppress(OSError):  # another build kept the same pages first
            kept.rename(self.folder)
        shutil.rmtree(self.staging, ignore_errors=True)
        _forget_others(self.folder)
        return self.folder


def start(root: Path, history: History, settings: Settings, pages: dict) -> FrozenBuild:
    """Start building the editions' pages unless they are kept; `pages` are the current
    site's docs (their menu titles enter the key)."""
    frozen = _editions(history)
    stand_ins = _stand_ins(root, pages)
    key = _key(root, frozen, settings, stand_ins)
    folder = root / CACHE / key
    if (folder / DONE).exists():
        return FrozenBuild(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".bouw-", dir=folder.parent))
    docs = staging / "docs"
    files = dict(stand_ins)
    for edition in frozen:
        try:
            model = model_of(root, edition.snapshot)
        except UnshowableEdition as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise ContentError(error.problems) from None
        shown = Frozen(edition.snapshot, model, edition.nieuwste, edition.jaren, edition.correcties)
        files.update(render_edition(shown, settings, history))
        files[f"editie/{edition.snapshot.jaar}/open-data/handreiking.json"] = edition_json(
            model, settings, edition.nieuwste
        )
    for relative, content in files.items():
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        target.write_bytes(data)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator.site.mkdocs_build",
            str(root / "mkdocs.yml"),
            str(docs),
            str(staging / "site"),
            "/editie/",
        ],
        cwd=root,
        # Their HTML depends on no date: dated by a fixed epoch, they stay what the key says.
        env={
            **os.environ,
            "HANDREIKING_PREGENERATED": "1",
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": "0",
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return FrozenBuild(folder, process, staging)


def copy_into(folder: Path, site: Path) -> None:
    """The kept editions' pages into a built site (next to its own editie/ page)."""
    source = folder / "editie"
    if source.is_dir():
        shutil.copytree(source, site / "editie", dirs_exist_ok=True)


# --- what the key covers ----------------------------------------------------------------------


def _editions(history: History) -> list[Frozen]:
    """Each published edition with what its pages say about it (no model yet: not needed
    when the pages are kept)."""
    jaren = tuple(s.jaar for s in history.snapshots)
    latest = jaren[-1] if jaren else None
    return [
        Frozen(s, None, s.jaar == latest, jaren, list(history.correcties.get(s.jaar, [])))
        for s in history.snapshots
    ]


def _stand_ins(root: Path, pages: dict) -> dict[str, str]:
    """A title-only page for every page of the current site that the menu names or that an
    edition's page links to (the fixed pages): MkDocs checks those links against them."""
    from ..base.settings import read_config

    config = read_config(root)
    named = set(nav_files(config.get("nav") or []))
    named |= {page_file(url) for url in FIXED_PAGES}
    stand_ins = {}
    for path in sorted(named):
        title = _title(pages.get(path))
        stand_ins[path] = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n"
    return stand_ins


def _title(text) -> str:
    if isinstance(text, str) and text.startswith("---\n"):
        for line in text.split("---\n", 2)[1].splitlines():
            if line.startswith("title: "):
                return line[len("title: ") :].strip().strip("'\"")
    return "Pagina"


def _key(root: Path, frozen: list[Frozen], settings: Settings, stand_ins: dict) -> str:
    digest = hashlib.sha256()
    parts = {
        "code": code_fingerprint(root),
        "site_url": settings.site_url,
        "stand_ins": stand_ins,
        "editions": [
            {
                "sha256": hashlib.sha256((root / e.snapshot.path).read_bytes()).hexdigest(),
                "nieuwste": e.nieuwste,
                "jaren": e.jaren,
                "correcties": [repr(c) for c in e.correcties],
            }
            for e in frozen
        ],
    }
    digest.update(json.dumps(parts, sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()[:20]


def code_fingerprint(root: Path) -> str:
    """What renders a page: the generator, its templates, the theme, mkdocs.yml, the versions
    of the packages that turn Markdown into the site."""
    digest = hashlib.sha256()
    for folder in (GENERATOR, root / "theme"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(path.read_bytes())
    digest.update((root / "mkdocs.yml").read_bytes())
    for package in PACKAGES:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            digest.update(f"{package}={importlib.metadata.version(package)}".encode())
    return digest.hexdigest()


def _forget_others(keep: Path) -> None:
    """Only the current editions' pages are kept; older keys and leftovers go."""
    for other in keep.parent.iterdir():
        if other != keep and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)
