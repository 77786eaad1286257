"""The corpus runs `check` through `main()` in the test process: proof that this says what the
real command says, and that no run reaches the next (caches, environment, working directory,
signal handlers, argparse's texts, logging, threads, open files).

conftest.handreiking_in_process compares the process before and after every run and fails on
any difference; these tests show that the comparison catches a leak, that the output equals
the real command's, and that the order of runs changes no output.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import threading
from pathlib import Path

import pytest
from hostile_corpus import CORPUS, apply, corpus_project, read_case

from conftest import ROOT, handreiking, handreiking_in_process

BROKEN = ROOT / "tests" / "broken"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
# Cases that go through the parts with state worth leaking: Markdown's cached converter and
# its abbreviations (a definition in one text, the begrippen as glossary), the cached parse
# of a text with a forbidden link, YAML nested to the recursion guard, and argparse's Dutch.
HOSTILE = (
    "abbr-definitie-in-tekst.yaml",
    "begrip-term-als-link.yaml",
    "link-javascript.yaml",
    "diep-genest-1000.yaml",
    "pagina-html.md",
)
BROKEN_CASES = ("onbekende-status.yaml", "onbekende-organisatie.yaml")
USAGE = (("check", "--peildatum", "28-10-2021"), ("check", "--help"), ("bestaat-niet",))


@pytest.fixture(scope="module")
def projects(tmp_path_factory) -> dict[str, tuple[str, ...]]:
    """{case: the arguments of its `check`}, every project made once for the module."""
    base = tmp_path_factory.mktemp("cases")
    runs: dict[str, tuple[str, ...]] = {}
    for name in HOSTILE:
        project = corpus_project(base / name)
        apply(read_case(CORPUS / name), project)
        runs[name] = _check(project)
    for name in BROKEN_CASES:
        case = BROKEN / name
        target = re.search(r"^# doel: (\S+)", case.read_text(encoding="utf-8"), re.M)[1]
        project = base / name
        shutil.copytree(MINIMAL, project)
        (project / target).write_bytes(case.read_bytes())
        runs[name] = _check(project)
    runs["minimal"] = _check(MINIMAL)
    for args in USAGE:
        runs[" ".join(args)] = args
    return runs


def _check(project: Path) -> tuple[str, ...]:
    return ("check", "--root", str(project), "--peildatum", "2021-01-15")


def outcome(result: subprocess.CompletedProcess) -> tuple[int, str, str]:
    """Exit code and output, without the seconds `check` says it took."""
    seconds = re.compile(r" \(\d+\.\d\d s\)$", re.M)
    return result.returncode, seconds.sub(" (… s)", result.stdout), result.stderr


def test_the_cases_cover_what_they_are_chosen_for(projects):
    for name in (*HOSTILE, *BROKEN_CASES):
        assert (CORPUS / name).exists() or (BROKEN / name).exists(), name
    codes = {name: handreiking_in_process(*args).returncode for name, args in projects.items()}
    assert codes["minimal"] == 0 and codes["abbr-definitie-in-tekst.yaml"] == 0
    assert codes["link-javascript.yaml"] == 1 and codes["onbekende-status.yaml"] == 1
    assert codes["check --help"] == 0 and codes["bestaat-niet"] == 2


def test_in_process_says_what_the_real_command_says(projects):
    """The same exit code, stdout and stderr as `python -m generator.cli` for every case."""
    for name, args in projects.items():
        real = handreiking(*args, timeout=240)
        assert outcome(handreiking_in_process(*args)) == outcome(real), name


def test_the_order_of_runs_changes_nothing(projects):
    """Every case run forwards, then backwards, then twice more: always the same output."""
    names = list(projects)
    first = {name: outcome(handreiking_in_process(*projects[name])) for name in names}
    backwards = {name: outcome(handreiking_in_process(*projects[name])) for name in names[::-1]}
    assert backwards == first
    for name in names:
        assert outcome(handreiking_in_process(*projects[name])) == first[name], name


@pytest.mark.parametrize(
    "leak",
    ["environment", "signal handlers", "open files", "threads", "argparse texts"],
)
def test_a_run_that_leaves_the_process_changed_fails(leak, monkeypatch, tmp_path):
    """The guard around every in-process run catches each kind of leak it looks for."""
    import argparse

    import generator.cli.main

    kept = []
    stop = threading.Event()

    def leaky_main(argv):
        if leak == "environment":
            os.environ["HANDREIKING_LEK"] = "1"
        elif leak == "signal handlers":
            signal.signal(signal.SIGTERM, lambda *_: None)
        elif leak == "open files":
            kept.append(open(tmp_path / "open", "w"))  # noqa: SIM115 (the leak itself)
        elif leak == "threads":
            threading.Thread(target=stop.wait, daemon=True).start()
        else:
            argparse._ = lambda message: message
        return 0

    saved = (signal.getsignal(signal.SIGTERM), argparse._)
    monkeypatch.setattr(generator.cli.main, "main", leaky_main)
    try:
        with pytest.raises(AssertionError, match=f"left the process changed: .*{leak}"):
            handreiking_in_process("check")
    finally:
        os.environ.pop("HANDREIKING_LEK", None)
        signal.signal(signal.SIGTERM, saved[0])
        argparse._ = saved[1]
        for stream in kept:
            stream.close()
        stop.set()


def test_every_run_starts_in_the_repository_and_leaves_the_working_directory_as_it_was(
    monkeypatch, tmp_path
):
    """As `handreiking()` runs its child in ROOT: `--root .` is the repository."""
    import generator.cli.main

    seen = []

    def moving_main(argv):
        seen.append(os.getcwd())
        os.chdir(tmp_path)
        return 0

    monkeypatch.setattr(generator.cli.main, "main", moving_main)
    before = os.getcwd()
    assert handreiking_in_process("check").returncode == 0
    assert seen == [str(ROOT)]
    assert os.getcwd() == before


def test_a_traceback_and_an_exit_code_come_back_as_from_a_process(monkeypatch):
    import generator.cli.main

    def failing_main(argv):
        raise RuntimeError("stuk")

    monkeypatch.setattr(generator.cli.main, "main", failing_main)
    result = handreiking_in_process("check")
    assert result.returncode == 1
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert result.stderr.rstrip().endswith("RuntimeError: stuk")
