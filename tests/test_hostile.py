"""The hostile-content corpus (tests/hostile/, issue 12) through the CLI.

Every case either gets a located Dutch message from `check` (exit 1, no traceback, no hang),
or is content that check accepts: then `build` succeeds and the built site passes the audit
(tests/site_audit.py). `serve` keeps running through all of them. Adding a case means adding a
file (tests/hostile_corpus.py says how one is written).

`check` runs through the CLI's `main()` in this process (conftest.handreiking_in_process: the
same output and exit code, a hang still fails the test); `build` and `serve` run as the real
command in their own process, as an editor starts them.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
import urllib.request
from datetime import date
from pathlib import Path

import pytest
from hostile_corpus import Case, apply, cases, corpus_project
from site_audit import audit

from conftest import handreiking, handreiking_in_process, start_serve
from generator.base.settings import SiteConfig
from generator.base.urls import (
    FIXED_FILES,
    FIXED_PAGES,
    FOLDERS,
    FOLLOW_FILE,
    PDF_FILE,
    SECURITY_TXT,
    reserved_ids,
)
from generator.content.schema import FILES
from generator.history.ledger import LEDGER
from generator.history.snapshots import RENAMEABLE
from generator.outputs.headers import content_security_policy
from generator.outputs.render import page_file
from generator.site.build import generate
from tools.chromium import free_port

CASES = cases()
ORIGIN = "https://example.org/"  # the fixture's site_url
LOCATED = re.compile(r"^[^:]+:\d+:\d+: (fout|waarschuwing): \S")


def cli(*args: str, pdf: bool = True) -> subprocess.CompletedProcess:
    """The real CLI in its own process; a hang fails the test instead of the suite."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HANDREIKING_PDF", "1" if pdf else "0")
        return handreiking(*args, timeout=240)


def check(project: Path) -> subprocess.CompletedProcess:
    """`handreiking check` of a case's project, in this process; a hang fails the test."""
    return handreiking_in_process(
        "check", "--root", str(project), "--peildatum", "2021-01-15", timeout=240
    )


def test_the_corpus_covers_every_content_file_and_both_outcomes():
    assert len(CASES) >= 40
    targets = {case.doel for case in CASES}
    assert {spec.path for spec in FILES} <= targets
    assert any(t.startswith("content/paginas/") for t in targets)
    assert any(t.startswith("content/edities/") for t in targets)
    for case in CASES:
        assert case.expected, f"{case.name}: no '# verwacht:' line"
    assert sum(case.builds for case in CASES) >= 10
    assert sum(not case.builds for case in CASES) >= 30
    assert sum(case.pdf for case in CASES if case.builds) >= 3


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(case: Case, tmp_path):
    project = corpus_project(tmp_path / "p")
    apply(case, project)

    result = check(project)

    output = result.stdout + result.stderr
    assert "Traceback" not in output and result.returncode in (0, 1), output[-3000:]
    if case.builds:
        assert result.returncode == 0, result.stderr
        built = cli("build", "--root", str(project), "--datum", "2021-06-15", pdf=case.pdf)
        assert built.returncode == 0, built.stderr[-3000:]
        policy = content_security_policy(SiteConfig.read(project).content_security_policy, True)
        assert audit(project / "site", ORIGIN, policy) == []
        return
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if ": fout: " in line]
    if case.count is None:
        assert errors == case.expected
    else:
        assert errors[: len(case.expected)] == case.expected
        assert len(errors) == case.count
    for line in result.stderr.splitlines()[:-1]:
        assert LOCATED.match(line), line
    assert result.stderr.splitlines()[-1].endswith("niets gebouwd.")


def test_fixed_pages_are_the_pages_the_build_makes(tmp_path, monkeypatch):
    """urls.FIXED_PAGES (reserved ids, content links) matches what the build writes."""
    monkeypatch.setenv("HANDREIKING_PDF", "0")
    project = corpus_project(tmp_path / "p")
    checked, files = generate(project, date(2021, 6, 15))
    pages = {path for path in files if path.endswith(".md")}
    own = {
        page_file(f"{FOLDERS[kind]}/{record['id']}/")
        for key, kind in RENAMEABLE
        for record in checked.values[key]
    } | {page_file(f"{FOLDERS['pagina']}/{page['slug']}/") for page in checked.pages}
    assert pages - own == {page_file(url) for url in FIXED_PAGES}
    assert reserved_ids("pagina") == {"index", "volledig"}
    assert reserved_ids("maatregel") == {"index"}
    # urls.FIXED_FILES (what check expects of an edition's addresses): the other files.
    others = {path for path in files if not path.endswith((".md", "/index.html"))}
    # Issue 24: each opgave's and organisatie's feed (and calendar) follow their subject.
    follow = {path for path in others if FOLLOW_FILE.match(path)}
    assert {p for p in follow if p.endswith("feed.xml")} == {
        f"{FOLDERS[kind]}/{record['id']}/feed.xml"
        for key, kind in (("opgaven", "opgave"), ("organisaties", "organisatie"))
        for record in checked.values[key]
    }
    assert others - follow == FIXED_FILES - {PDF_FILE} | {SECURITY_TXT}


@pytest.mark.xdist_group("serve")
def test_serve_keeps_serving_through_every_case(tmp_path):
    """Issue 12: 100,000-deep nesting killed `serve`; now no case stops it."""
    project = corpus_project(tmp_path / "p")
    originals = {case.doel: (project / case.doel) for case in CASES}
    saved = {doel: path.read_bytes() for doel, path in originals.items() if path.is_file()}
    port = free_port()
    server = start_serve(project, port)
    log = _Log(server)
    home = f"http://127.0.0.1:{port}/"
    try:
        log.wait_for_build(since=0)
        for case in CASES:
            if _unseen_by_serve(case, project):
                apply(case, project)  # nothing to wait for; serve must still answer
            else:
                log.after(lambda case=case: apply(case, project))
            assert server.poll() is None, f"serve stopped after {case.name}:\n{log.text()[-3000:]}"
            # A settings case makes MkDocs refuse its own configuration: its server then holds
            # every request until mkdocs.yml is valid again ("will appear stuck"), so only the
            # recovery is checked, by the next case's build and the page at the end.
            if case.doel != "mkdocs.yml":
                assert urllib.request.urlopen(home, timeout=10).status == 200, case.name
            _restore(project / case.doel, saved.get(case.doel))
            if case.logboek:  # the ledger it recorded the edition in
                _restore(project / LEDGER, saved.get(LEDGER))
            made = (project / case.doel).parent  # a folder the case made (a page in sub/)
            if made.is_dir() and not made.is_symlink() and not any(made.iterdir()):
                made.rmdir()
        log.after(lambda: (project / "maatregelen.yaml").write_bytes(saved["maatregelen.yaml"]))
        assert "Tussenvormen huisvesting" in urllib.request.urlopen(
            home + "maatregelen/tussenvoorzieningen/", timeout=10
        ).read().decode("utf-8")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert "Traceback" not in log.text()


def _unseen_by_serve(case: Case, project: Path) -> bool:
    """A symbolic link to nothing (or to itself): MkDocs' file watcher sees no change, so
    serve shows the site as it was until the next save. check and build report it."""
    kind, _, argument = (case.maak or "").partition(" ")
    return kind == "symlink" and not ((project / case.doel).parent / argument).exists()


def _restore(path: Path, data: bytes | None) -> None:
    if path.is_symlink() or path.is_file() or path.exists():
        if path.is_dir() and not path.is_symlink():
            path.rmdir()
        else:
            path.unlink()
    if data is not None:
        path.write_bytes(data)


class _Log:
    """serve's output, read as it comes, with the time each line arrived."""

    def __init__(self, process: subprocess.Popen):
        self.lines: list[tuple[float, str]] = []
        self._thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._thread.start()

    def _read(self, process) -> None:
        for line in process.stdout:
            self.lines.append((time.monotonic(), line))

    def text(self) -> str:
        return "".join(line for _, line in self.lines)

    def after(self, change, attempts: int = 4) -> None:
        """Make `change` and wait for a build that saw it.

        A build that started just before the change (set off by the restore of the previous
        case) may not start another one: then the change is made again.
        """
        for _ in range(attempts - 1):
            started = time.monotonic()
            change()
            if self.wait_for_build(since=started, limit=20, fail=False):
                return
        started = time.monotonic()
        change()
        self.wait_for_build(since=started)

    def wait_for_build(self, since: float, limit: float = 120, fail: bool = True) -> bool:
        """Until MkDocs has finished a build that started after `since`."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            started = [
                t for t, line in self.lines if "Building documentation" in line and t > since
            ]
            if started and any(
                marker in line
                for t, line in self.lines
                if t >= started[0]
                # a bad mkdocs.yml (a settings case) stops that build in MkDocs itself, before
                # our plugin can show the problems; serve keeps the last site and goes on
                for marker in (
                    "Documentation built",
                    "Reloading browsers",
                    "Serving on",
                    "An error happened during the rebuild",
                )
            ):
                return True
            time.sleep(0.1)
        if fail:
            raise AssertionError(f"no rebuild after the change:\n{self.text()[-3000:]}")
        return False
