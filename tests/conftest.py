"""Shared fixtures: a copy of the project, a real build of it, a local server and Chromium.

The browser is Debian's chromium driven by the pip package playwright through
`executable_path`; no browser is ever downloaded.
"""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
import functools
import http.server
import io
import logging
import os
import pickle
import signal
import subprocess
import sys
import threading
import traceback
import warnings
from datetime import date
from pathlib import Path

import pytest

import tools.project
from tools.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
# Tests that pin texts, counts, URLs or dates build this frozen copy of the 2021 content, so a
# correct content pull request never turns them red (issue 11). Tests on the live content
# (the `live_*` fixtures) assert only what holds for every valid content.
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "handreiking-2021"
BUILD_DATE = date(2021, 6, 15)  # mid-2021: some mijlpalen past, some overdue, some upcoming
ARTIFACTS = ROOT / "test-artifacts"


def pytest_addoption(parser):
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/ from the current output instead of comparing",
    )


def handreiking(
    *args: str,
    root: Path | None = None,
    datum: date | None = None,
    timeout: float | None = None,
    environment: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """Run the real CLI (`handreiking ARGS`) as an editor would; never raises on its exit code.

    `root` adds `--root ROOT` (default: this repository, the live content); `datum` sets the
    build date (HANDREIKING_DATUM); `timeout` turns a hang into a test failure; `environment`
    adds variables (HANDREIKING_PDF=0 skips the PDF).
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(environment or {})}
    env.pop("GITHUB_ACTIONS", None)  # check's annotations only where a test asks for them
    if datum is not None:
        env["HANDREIKING_DATUM"] = datum.isoformat()
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args, *(["--root", str(root)] if root else [])],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
        timeout=timeout,
    )


def handreiking_in_process(
    *args: str,
    root: Path | None = None,
    datum: date | None = None,
    environment: dict[str, str] | None = None,
    timeout: float = 240,
) -> subprocess.CompletedProcess:
    """`handreiking ARGS` through `generator.cli.main.main(argv)` in this process.

    The same arguments, environment and working directory as `handreiking()` and the same
    result (exit code, stdout, stderr), without starting Python and importing the generator
    again: for the corpus cases that only run `check`. What the interpreter would do around
    `main()` is done here too: an exit code from argparse's SystemExit, and an uncaught
    exception printed as a traceback with exit code 1. A hang fails the test: the worker
    prints every thread's stack and exits after `timeout` seconds (faulthandler), as
    `handreiking(timeout=...)` fails on a child that hangs. After the run, the process must
    be as it was before (`leaked_state`): nothing of one run can reach the next.
    """
    from generator.cli.main import main

    argv = [*args, *(["--root", str(root)] if root else [])]
    # as handreiking(): check's annotations only where a test asks for them
    changes = {"NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": None, **(environment or {})}
    if datum is not None:
        changes["HANDREIKING_DATUM"] = datum.isoformat()
    before = process_state()
    stdout, stderr = io.StringIO(), io.StringIO()
    faulthandler.dump_traceback_later(timeout, exit=True, file=sys.__stderr__)
    try:
        with (
            _environment(changes),
            contextlib.chdir(ROOT),
            contextlib.redirect_stdout(stdout),
            contextlib.redirect_stderr(stderr),
        ):
            try:
                code = main(argv)
            except SystemExit as stop:  # argparse: usage errors (2) and --help (0)
                code = _exit_code(stop.code)
            except Exception:  # as the interpreter reports an uncaught exception
                traceback.print_exc()
                code = 1
    finally:
        faulthandler.cancel_dump_traceback_later()
    leaked = leaked_state(before, process_state())
    assert not leaked, f"handreiking {' '.join(argv)} left the process changed: {leaked}"
    return subprocess.CompletedProcess(argv, code, stdout.getvalue(), stderr.getvalue())


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)  # sys.exit("message"): printed, exit code 1
    return 1


@contextlib.contextmanager
def _environment(changes: dict[str, str | None]):
    """Set the variables in `changes` (None: unset it) for the block, then put them back."""
    saved = {name: os.environ.get(name) for name in changes}
    for name, value in changes.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGALRM, signal.SIGCHLD)


def process_state() -> dict[str, object]:
    """What one in-process run of the CLI could leave changed for the next one."""
    mask = os.umask(0o022)
    os.umask(mask)
    loggers = [logging.getLogger(name) for name in ("", "mkdocs", "generator")]
    return {
        "working directory": os.getcwd(),
        "environment": dict(os.environ),
        "signal handlers": {s.name: signal.getsignal(s) for s in SIGNALS},
        "argparse texts": (argparse._, argparse.ngettext),
        "stdout and stderr": (sys.stdout, sys.stderr),
        "logging": [(lg.name, lg.level, tuple(lg.handlers), lg.disabled) for lg in loggers]
        + [logging.root.manager.disable],
        "warning filters": list(warnings.filters),
        "recursion limit": sys.getrecursionlimit(),
        "umask": mask,
        "threads": {t.ident for t in threading.enumerate()},
        "open files": _open_files(),
    }


def _open_files() -> set[tuple[str, str]]:
    """(descriptor, path) of every open file or folder; sockets and pipes are left out, as
    the test servers' threads open and close those at any time."""
    found = set()
    for descriptor in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # the listing's own descriptor is closed by now
            target = os.readlink(f"/proc/self/fd/{descriptor}")
            if target.startswith("/"):
                found.add((descriptor, target))
    return found


def leaked_state(before: dict[str, object], after: dict[str, object]) -> dict[str, object]:
    """What differs after a run: (before, after) per value; for threads and open files only
    those that are new (one that ended meanwhile, in another thread, is no leak)."""
    leaked: dict[str, object] = {}
    for key, old in before.items():
        new = after[key]
        if isinstance(old, set):
            if new - old:
                leaked[key] = sorted(new - old, key=str)
        elif old != new:
            leaked[key] = (old, new)
    return leaked


def in_fresh_process(function: str, *args, hash_seed: int) -> object:
    """`function(*args)` ("module:name", importable from tests/) in a new Python process whose
    string hashing uses `hash_seed`; returns its (pickled) result.

    For determinism tests: two calls in one process share its caches and its order of sets
    and dicts of strings, so comparing them proves little; another process with another
    PYTHONHASHSEED orders every set of strings differently.
    """
    module, name = function.split(":")
    script = (
        "import pickle, sys\n"
        f"sys.path[:0] = [{str(ROOT / 'tests')!r}, {str(ROOT)!r}]\n"
        f"from {module} import {name}\n"
        "args = pickle.loads(sys.stdin.buffer.read())\n"
        f"sys.stdout.buffer.write(pickle.dumps({name}(*args)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=pickle.dumps(args),
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": str(hash_seed), "NO_MKDOCS_2_WARNING": "1"},
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")[-3000:]
    return pickle.loads(result.stdout)


def start_serve(project: Path, port: int, **environment: str) -> subprocess.Popen:
    """`handreiking serve` on 127.0.0.1:`port` in its own process group, output in .stdout."""
    return subprocess.Popen(
        tools.project.serve_command(project, port),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env={**os.environ, "HANDREIKING_DATUM": "2021-06-15", **environment},
    )


def copy_project(target: Path, content: Path = FIXTURE_CONTENT) -> Path:
    """A project to build or change: this repository's site files with `content`.

    The content defaults to the frozen fixture; pass `content=ROOT` for the live content.
    """
    return tools.project.copy_project(target, content=content)


def refreeze_2021(project: Path, checked, files, **options) -> Path:
    """Edition 2021 of `project` as its content is now: a correction in the ledger when the
    content differs from the frozen edition, nothing when it is already exactly that."""
    from generator.history.editions import EditionError, publish

    reden = "De testkopie opnieuw vastgelegd met de inhoud van nu"
    try:
        return publish(project, 2021, checked, files, replace=True, reden=reden, **options)
    except EditionError as error:
        if not any("er is niets te corrigeren" in p.message for p in error.problems):
            raise
        return project / "content/edities/2021.yaml"


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """The frozen fixture content, built once per test worker with `build` at BUILD_DATE."""
    from generator.site.build import build

    project = copy_project(tmp_path_factory.mktemp("project"))
    build(project, BUILD_DATE)
    return project


@pytest.fixture(scope="session")
def site_dir(built_project) -> Path:
    return built_project / "site"


@pytest.fixture(scope="session")
def live_project(tmp_path_factory) -> Path:
    """The live content (maatregelen.yaml, content/), built once per worker at the build date
    an editor's `make build` would use (HANDREIKING_DATUM, SOURCE_DATE_EPOCH or today)."""
    from generator.base.settings import build_date
    from generator.site.build import build

    project = copy_project(tmp_path_factory.mktemp("live"), content=ROOT)
    build(project, build_date())
    return project


@pytest.fixture(scope="session")
def live_site_dir(live_project) -> Path:
    return live_project / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """`directory` served on 127.0.0.1 at a free port; yields its root URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(site_dir):
    """The fixture site served on 127.0.0.1 at a free port."""
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def live_site_url(live_site_dir):
    """The live site served on 127.0.0.1 at a free port."""
    with serve(live_site_dir) as url:
        yield url


def in_ci() -> bool:
    """True on CI (`.ci/run` sets CI=true, GitHub Actions sets both)."""
    return any(os.environ.get(name, "").lower() not in ("", "0", "false") for name in CI_FLAGS)


CI_FLAGS = ("CI", "GITHUB_ACTIONS")


def missing(reason: str) -> None:
    """A tool the tests need is missing: a skip on a developer's machine, a failure on CI,
    where a skipped browser test would let the suite pass without a browser."""
    if in_ci():
        pytest.fail(f"{reason} (on CI every test must run: `make test-deps` installs it)")
    pytest.skip(reason)


def playwright_api():
    """playwright.sync_api, or skip (fail on CI) when the pip package is missing."""
    try:
        import playwright.sync_api
    except ImportError as error:
        missing(f"Playwright is not installed ({error}): run `make test-deps`")
    return playwright.sync_api


@pytest.fixture(scope="session")
def browser():
    api = playwright_api()
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run `make test-deps` (installs Debian's chromium)")
    with api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def new_page(browser, root_url: str, width: int = 1280):
    """A fresh page in its own context; `page.requests` lists every URL it asked for."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.root_url = root_url
    return context, tab


@pytest.fixture
def page(browser, site_url):
    """A fresh page on the fixture site."""
    context, tab = new_page(browser, site_url)
    yield tab
    context.close()


@pytest.fixture
def live_page(browser, live_site_url):
    """A fresh page on the live site."""
    context, tab = new_page(browser, live_site_url)
    yield tab
    context.close()
