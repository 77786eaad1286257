"""What a build reads, and a copy of it: used by the tests, the benchmark and the synthetic content.

A project is the site's own files (mkdocs.yml, the theme, the committed schemas) plus its
content (maatregelen.yaml and content/). A copy can take its content from another folder, so
the tests build a frozen copy of the content with today's theme and configuration.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_FILES = ("mkdocs.yml", "theme", "schema")
CONTENT_FILES = ("maatregelen.yaml", "content")
PROJECT_FILES = SITE_FILES + CONTENT_FILES


def copy_project(target: Path, content: Path = ROOT, site: Path = ROOT) -> Path:
    """Copy what a build reads (not .git, .venv, site/ or build/) into `target`.

    The site's files come from `site`, the content from `content`; both default to this
    repository.
    """
    target.mkdir(parents=True, exist_ok=True)
    for source, names in ((site, SITE_FILES), (content, CONTENT_FILES)):
        for name in names:
            path = source / name
            if path.is_dir():
                shutil.copytree(path, target / name, dirs_exist_ok=True)
            elif path.exists():
                shutil.copy2(path, target / name)
    return target
