"""`handreiking serve` rebuilds when an editor saves the YAML, and survives a mistake."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT, copy_project
from tools.chromium import free_port

PAGE = "maatregelen/koppelen-vergunninghouders-uitplaatsingsregios/"


def _wait_for(url: str, text: str, limit: float = 90) -> str:
    """Poll until the page contains `text`; generous limit, this is not a timing test."""
    deadline = time.monotonic() + limit
    last = ""
    while time.monotonic() < deadline:
        try:
            last = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if text in last:
                return last
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{text!r} did not appear at {url}")


def test_serve_shows_a_yaml_edit_and_keeps_serving_after_a_mistake(tmp_path):
    project = copy_project(tmp_path / "p")
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "serve",
            "--root",
            str(project),
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env={**os.environ, "HANDREIKING_DATUM": "2021-06-15"},
    )
    url = f"http://127.0.0.1:{port}/{PAGE}"
    try:
        _wait_for(url, "Koppelen vergunninghouders")
        source = project / "maatregelen.yaml"
        text = source.read_text(encoding="utf-8")
        source.write_text(
            text.replace(
                "titel: Koppelen vergunninghouders en",
                "titel: Gewijzigd koppelen van vergunninghouders en",
                1,
            ),
            encoding="utf-8",
        )
        _wait_for(url, "Gewijzigd koppelen van vergunninghouders")

        source.write_text(
            source.read_text(encoding="utf-8").replace("status: beschikbaar", "status: klaar", 1),
            encoding="utf-8",
        )
        time.sleep(3)
        assert "Gewijzigd koppelen" in _wait_for(url, "Gewijzigd koppelen")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output = server.communicate(timeout=30)[0]
    assert "'klaar' is geen toegestane waarde" in output
