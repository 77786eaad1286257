"""Helpers for tests that start a preview server: wait for it, probe its port, its content."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from hostile_corpus import fixture_nav

from conftest import ROOT, copy_project

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"


def get(url: str) -> tuple[int, str]:
    """(status, body) of a GET, also for an error status."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def wait_until_serving(url: str, process: subprocess.Popen, limit: float = 180) -> int:
    """Poll `url` until the server answers (its status); fail at once when it exited."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited: {process.communicate()[0]}")
        try:
            return get(url)[0]
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"nothing answered at {url} within {limit} s")


def build_epoch(url: str, timeout: float = 90) -> int:
    """Which build of the preview serves `url`: the epoch MkDocs' live-reload script carries.

    A request made while MkDocs rebuilds waits for the rebuild (up to `timeout`), so the
    answer is always a finished build's epoch; it grows with every build.
    """
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            status, body = response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:  # the 404 page while the content is broken
        status, body = error.code, error.read().decode("utf-8", "replace")
    found = re.search(r"livereload\((\d+),", body)
    assert found, f"{url} ({status}) has no live-reload script"
    return int(found[1])


def save_and_wait_for_rebuild(path: Path, text: str, url: str, limit: float = 90) -> None:
    """Save `text` to `path`, as an editor does, and wait until the preview at `url` has
    finished the build that the save set off, so no reload comes after this returns.

    Every save sets off a build, also one that changes nothing, and the open pages reload
    when it is done: a test that uses a page meanwhile loses what it typed.
    """
    before = build_epoch(url, limit)
    path.write_text(text, encoding="utf-8")
    deadline = time.monotonic() + limit
    while build_epoch(url, limit) <= before:
        assert time.monotonic() < deadline, f"no rebuild within {limit} s after saving {path}"
        time.sleep(0.2)


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def preview_project(target: Path) -> Path:
    """The real mkdocs.yml and theme with the minimal fixture's content."""
    copy_project(target)
    shutil.rmtree(target / "content")
    shutil.copytree(FIXTURE / "content", target / "content")
    shutil.copy2(FIXTURE / "maatregelen.yaml", target / "maatregelen.yaml")
    (target / "mkdocs.yml").write_text(fixture_nav(target / "mkdocs.yml"), encoding="utf-8")
    return target


def start(args: list[str], cwd: Path, env: dict | None = None) -> subprocess.Popen:
    """Start a server in its own process group, as a terminal runs a command; output piped."""
    return subprocess.Popen(
        args,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env={"HANDREIKING_DATUM": "2021-06-15", **(env or os.environ)},
    )
