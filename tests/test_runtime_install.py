"""An editor's install holds only requirements.txt; check, build and serve need nothing else.

`make serve` and `make check` install requirements.txt alone (issue 15: the one install was
477 MB with Playwright, pytest, ruff and Hypothesis). These tests run the real commands with
every module of requirements-test.txt made unimportable, and read what make would install on
a clone that has no .venv yet.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import signal
import subprocess
import sys

from checkout import editor_checkout, make_env
from serving import preview_project, start, wait_until_serving

from conftest import ROOT
from tools.chromium import free_port


def _names(requirements: str) -> set[str]:
    text = (ROOT / requirements).read_text(encoding="utf-8")
    return {
        re.split(r"[=<>\[ ]", line)[0].lower().replace("_", "-")
        for line in text.splitlines()
        if line.strip() and not line.startswith(("#", "-r"))
    }


def _test_modules() -> list[str]:
    """The top-level modules that the test requirements, and only they, install."""
    test_only = _names("requirements-test.txt")
    modules = []
    for module, distributions in importlib.metadata.packages_distributions().items():
        names = {d.lower().replace("_", "-") for d in distributions}
        if names & test_only and not module.startswith("_"):
            modules.append(module)
    return sorted(modules)


BLOCKER = """
import sys
from importlib.abc import MetaPathFinder
BLOCKED = set(sys.argv.pop(1).split(","))
class Blocker(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"{name} is a test requirement", name=name)
sys.meta_path.insert(0, Blocker())
from generator.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def _without_test_requirements(*args: str) -> list[str]:
    return [sys.executable, "-c", BLOCKER, ",".join(_test_modules()), *args]


def test_the_two_requirement_files_are_pinned_and_do_not_overlap():
    site, tests = _names("requirements.txt"), _names("requirements-test.txt")
    assert site and tests and not site & tests
    for requirements in ("requirements.txt", "requirements-test.txt"):
        for line in (ROOT / requirements).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith(("#", "-r")):
                assert re.fullmatch(r"[A-Za-z0-9_.\[\]-]+==[\w.]+", line), line
    assert "-r requirements.txt" in (ROOT / "requirements-test.txt").read_text(encoding="utf-8")
    assert {"pytest", "playwright"} <= set(_test_modules()), "the blocker would block nothing"


def test_make_installs_only_the_site_requirements_for_serve_and_check(tmp_path):
    checkout = editor_checkout(tmp_path / "clone")
    (checkout / ".venv").unlink()  # a fresh clone: nothing installed yet
    for target in ("serve", "check", "build"):
        plan = subprocess.run(
            ["make", "-n", target], cwd=checkout, capture_output=True, text=True, env=make_env()
        ).stdout
        assert "install -r requirements.txt" in plan, plan
        assert "requirements-test.txt" not in plan, plan
        assert "properdocs" not in plan, plan
    plan = subprocess.run(
        ["make", "-n", "test"], cwd=checkout, capture_output=True, text=True, env=make_env()
    ).stdout
    assert "install --quiet -r requirements-test.txt" in plan
    # the second renderer, in its own virtualenv without mkdocs (tests/test_properdocs.py)
    assert "-r tools/properdocs/requirements.txt" in plan
    assert "uninstall --quiet -y mkdocs" in plan


def test_check_runs_without_the_test_requirements():
    result = subprocess.run(
        _without_test_requirements("check", "--peildatum", "2021-01-15"),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("inhoud in orde")


def test_serve_runs_without_the_test_requirements(tmp_path):
    project = preview_project(tmp_path / "p")
    port = free_port()
    args = ("serve", "--root", str(project), "--dev-addr", f"127.0.0.1:{port}")
    server = start(_without_test_requirements(*args), ROOT)
    served = wait_until_serving(f"http://127.0.0.1:{port}/pagefind/pagefind.js", server)
    os.killpg(server.pid, signal.SIGTERM)
    output = server.communicate(timeout=60)[0]
    assert served == 200, output  # the preview is up, search index included
    assert server.returncode == 0, output
    assert "ModuleNotFoundError" not in output and "Traceback" not in output
