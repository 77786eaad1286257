"""Every command the editor guide, README.md and CONTRIBUTING.md name works as written.

The commands are read from the documents themselves (inline code and code blocks that start
with make, git, handreiking, .venv/bin/ or .ci/), never restated here, and each one runs in
a copy of the repository as a clone has it (tests/checkout.py), through bash, as an
editor types it. A few commands run the test suite or the benchmark itself; those are
checked with `make -n` (the target exists and resolves) instead, each with the reason.

A command that changes the clone (CHANGES_THE_CLONE) gets a fresh one; the others share one
clone per test worker, and each of them must leave it as git sees it (`git status` as just
after the clone was made: what they write, site/ and build/, is ignored), or the test fails.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess

import pytest
from checkout import editor_checkout, make_env
from serving import listening, start, wait_until_serving

from conftest import FIXTURE_CONTENT, ROOT
from tools.chromium import free_port

DOCUMENTS = ("content/paginas/handleiding-redactie.md", "README.md", "CONTRIBUTING.md")
STARTS = ("make", "git ", "handreiking ", ".venv/bin/", ".ci/")
PATH_STEP = "source .venv/bin/activate"  # the documented way to put handreiking on the PATH
# Commands that run the tests or the benchmark: running them here would recurse or take
# hours, so only their make target is resolved (`make -n`), or the file is checked.
NOT_RUN = {
    "make test": "runs this suite",
    "make test-each-module": "runs this suite, one module at a time",
    ".ci/run": "CI's entry point: make lint and make test",
    "make bench": "the benchmark: long, and not part of make test",
    'make bench SIZES="1 100" BENCH_JSON=/tmp/b.json': "the benchmark",
    "make lighthouse": "the benchmark's Lighthouse part: minutes, and it measures the machine",
    ".venv/bin/python -m pytest tests/test_render.py --update-goldens": "rewrites the goldens",
    # The editors' admin (issue 25): tests/test_admin.py builds it and drives tools.bewerken.
    "make bewerken": "serves the admin until Ctrl-C; tests/test_admin.py drives it",
    "make bewerken-bouwen": "npm ci of the admin's packages (45 s); tests/test_admin.py builds it",
}
# make exits 2 when the command it ran failed: check --strict fails on any overdue mijlpaal,
# which the live content may have; it must still be the located report.
MAY_REPORT_PROBLEMS = {
    "make check STRICT=1": "fout(en) gevonden; niets gebouwd.",
    # A production build refuses the placeholder addresses a clone has (issue 12).
    "make build PRODUCTIE=1": "fout(en) gevonden; niets gebouwd.",
}
BROKEN = ("command not found", "No rule to make target", "Traceback", "make: ***")
# Commands that change what the next command would find: a branch, a new record, a published
# edition, or files outside what .gitignore ignores (export writes open-data/).
CHANGES_THE_CLONE = ("git ", "make nieuw", "make publiceer", ".venv/bin/handreiking export")


def _commands() -> list[tuple[str, str]]:
    """(command, document) for every command in the documents, in order, without repeats."""
    found: dict[str, str] = {}
    for document in DOCUMENTS:
        text = (ROOT / document).read_text(encoding="utf-8")
        spans = re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.S))
        for block in re.findall(r"```(?:sh|bash)?\n(.*?)```", text, flags=re.S):
            spans += [line.split("  #")[0] for line in block.splitlines()]
        for span in spans:
            command = span.strip()
            if command.startswith(STARTS) and "|" not in command and "..." not in command:
                found.setdefault(command, document)
    return list(found.items())


COMMANDS = _commands()


def test_the_documents_name_the_editors_commands():
    named = {command for command, _ in COMMANDS}
    for expected in ("make check", "make serve", "make nieuw SOORT=maatregel", "make diff"):
        assert expected in named
    assert any(c.startswith("make publiceer JAAR=") for c in named)
    assert not [c for c in named if c.startswith("handreiking ") and "--help" not in c], (
        "the guide names `handreiking ...`; editors type make targets"
    )
    assert set(NOT_RUN) <= named, "NOT_RUN names a command that no document has any more"
    assert set(MAY_REPORT_PROBLEMS) <= named


def _run(command: str, cwd, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, capture_output=True, text=True, env=env, timeout=600
    )


def _serve(command: str, checkout, env) -> str:
    """Start a `make serve ...` as written, see it serve, stop it as Ctrl-C does."""
    words = dict(w.split("=", 1) for w in shlex.split(command) if "=" in w)
    port = int(words.get("PORT", env["PORT"]))
    if listening(port):  # someone else's preview: then the answer is the Dutch line
        result = _run(command, checkout, env)
        assert f"fout: poort {port} is al in gebruik" in result.stdout + result.stderr
        return result.stdout + result.stderr
    server = start(["bash", "-c", command], checkout, env)
    status = wait_until_serving(f"http://127.0.0.1:{port}/", server)
    assert status == 200, command
    os.killpg(server.pid, signal.SIGINT)  # as a terminal does on Ctrl-C
    output = server.communicate(timeout=60)[0]
    assert "voorbeeldweergave gestopt" in output, output
    return output


@pytest.fixture(scope="module")
def shared_clone(tmp_path_factory):
    """One clone for the commands that leave it as it was (per test worker), and its status."""
    clone = editor_checkout(tmp_path_factory.mktemp("gedeeld") / "clone", content=FIXTURE_CONTENT)
    return clone, _git_status(clone)  # clean: .gitignore ignores /.venv, a link to ours


def _git_status(checkout) -> str:
    return subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=checkout,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_a_change_to_the_shared_clone_shows_in_its_status(shared_clone):
    """The check after each shared command can fail: a changed or new file shows."""
    clone, status = shared_clone
    assert status == ""  # .gitignore ignores /.venv, the link to this worktree's venv
    readme = clone / "README.md"
    text = readme.read_bytes()
    try:
        readme.write_bytes(text + b"\n")
        (clone / "nieuw.txt").write_text("x", encoding="utf-8")
        assert _git_status(clone) != status
    finally:
        readme.write_bytes(text)
        (clone / "nieuw.txt").unlink()
    assert _git_status(clone) == status


def test_the_commands_that_change_a_clone_get_their_own():
    changing = [c for c, _ in COMMANDS if c.startswith(CHANGES_THE_CLONE)]
    assert {"git switch -c editie-2022", "make nieuw SOORT=maatregel"} <= set(changing)
    assert any(c.startswith("make publiceer") for c in changing)
    assert len(changing) < len(COMMANDS) / 4


@pytest.mark.parametrize(("command", "document"), COMMANDS, ids=[c for c, _ in COMMANDS])
def test_a_command_from_the_documents_works_as_written(command, document, request, tmp_path):
    # The frozen 2021 content: `make publiceer JAAR=2022` as written must still work after the
    # live content has published 2022 (issue 11: a content PR leaves the suite green).
    if command.startswith(CHANGES_THE_CLONE):
        checkout = editor_checkout(tmp_path / "clone", content=FIXTURE_CONTENT)
    else:
        checkout, status = request.getfixturevalue("shared_clone")
        assert _git_status(checkout) == status, "the shared clone was changed before this"
        request.addfinalizer(
            lambda: _assert_unchanged(checkout, status, command)  # also when the command failed
        )
    env = make_env(PORT=str(free_port()), HANDREIKING_DATUM="2021-06-15")
    if command in NOT_RUN:
        target = command.split()[1] if command.startswith("make ") else None
        if target:
            result = _run(f"make -n {target}", checkout, env)
            assert result.returncode == 0, result.stderr
        else:
            assert (checkout / command.split()[0]).exists() or "pytest" in command
        return
    if command.startswith("make publiceer"):
        # step 2 of the guide comes first: the new year in content/editie.yaml
        jaar = re.search(r"JAAR=(\d{4})", command).group(1)
        editie = checkout / "content" / "editie.yaml"
        text = editie.read_text(encoding="utf-8")
        editie.write_text(re.sub(r"(?m)^(\s*jaar:) \d{4}", rf"\1 {jaar}", text, count=1))
    if command.startswith("handreiking "):
        assert any(PATH_STEP in (ROOT / d).read_text(encoding="utf-8") for d in DOCUMENTS)
        command_line = f"{PATH_STEP} && {command}"
    else:
        command_line = command
    if command.startswith("make serve"):
        output = _serve(command_line, checkout, env)
    else:
        result = _run(command_line, checkout, env)
        output = result.stdout + result.stderr
        report = MAY_REPORT_PROBLEMS.get(command)
        if not (report and result.returncode == 2 and report in output):
            assert result.returncode == 0, f"{command} ({document}):\n{output}"
    if command not in MAY_REPORT_PROBLEMS:
        assert not [b for b in BROKEN if b in output], f"{command} ({document}):\n{output}"
    assert "Traceback" not in output


def _assert_unchanged(checkout, before: str, command: str) -> None:
    after = _git_status(checkout)
    assert after == before, f"{command} changed the clone; list it in CHANGES_THE_CLONE:\n{after}"
