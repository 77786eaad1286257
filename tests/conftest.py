"""Shared fixtures: a copy of the project, a real build of it, a local server and Chromium.

The browser is Debian's chromium driven by the pip package playwright through
`executable_path`; no browser is ever downloaded.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from tools.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
BUILD_DATE = date(2021, 6, 15)  # mid-2021: some mijlpalen past, some overdue, some upcoming
PROJECT_FILES = ("mkdocs.yml", "maatregelen.yaml", "content", "theme", "schema")
ARTIFACTS = ROOT / "test-artifacts"


def pytest_addoption(parser):
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/ from the current output instead of comparing",
    )


def handreiking(*args: str) -> subprocess.CompletedProcess:
    """Run the real CLI (`handreiking ARGS`) as an editor would; never raises on its exit code."""
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def copy_project(target: Path, source: Path = ROOT) -> Path:
    """Copy what a build reads (not .git, .venv, site/ or build/) into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name)
        elif path.exists():
            shutil.copy2(path, target / name)
    return target


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """The real content, built once per test worker with `build` at BUILD_DATE."""
    from generator.build import build

    project = copy_project(tmp_path_factory.mktemp("project"))
    build(project, BUILD_DATE)
    return project


@pytest.fixture(scope="session")
def site_dir(built_project) -> Path:
    return built_project / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_url(site_dir):
    """The built site served on 127.0.0.1 at a free port."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run `make test-deps` (installs Debian's chromium)")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh page; `page.requests` lists every URL the page asked for."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()
