"""The `handreiking` command: exit codes and what it prints.

The real entry points (`python -m generator.cli` and the `handreiking` console script) run as
a process here, as does every `build`; the help and usage texts and `check` run the same
`main()` in this process (conftest.handreiking_in_process), without a Python start each.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, handreiking, handreiking_in_process

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
CONSOLE_SCRIPT = Path(sys.executable).parent / "handreiking"  # pyproject's [project.scripts]


def test_check_on_the_real_content_is_clean():
    result = handreiking("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("inhoud in orde: ")
    assert len(result.stdout.strip().splitlines()) == 1


def test_the_console_script_and_python_m_are_main_with_its_exit_code_and_output():
    """Both real entry points give what main() gives: a clean check, warnings, usage errors."""
    cases = (
        ("check", "--root", str(FIXTURE), "--peildatum", "2021-06-15"),  # 0, with warnings
        ("check", "--root", str(FIXTURE), "--peildatum", "2021-06-15", "--strict"),  # 1
        ("check", "--streng"),  # 2
    )
    for args in cases:
        in_process = handreiking_in_process(*args)
        script = subprocess.run(
            [str(CONSOLE_SCRIPT), *args], capture_output=True, text=True, cwd=ROOT, check=False
        )
        module = handreiking(*args)
        for real in (script, module):
            assert real.returncode == in_process.returncode, args
            assert real.stderr == in_process.stderr, args
            assert strip_seconds(real.stdout) == strip_seconds(in_process.stdout), args
    assert [handreiking_in_process(*args).returncode for args in cases] == [0, 1, 2]


def strip_seconds(stdout: str) -> str:
    """check's last words are the seconds it took."""
    return stdout.rsplit(" (", 1)[0]


def test_warnings_alone_exit_zero_and_strict_makes_them_errors():
    args = ("check", "--root", str(FIXTURE), "--peildatum", "2021-06-15")
    relaxed = handreiking_in_process(*args)
    assert relaxed.returncode == 0
    assert "maatregelen.yaml:15:16: waarschuwing: " in relaxed.stderr
    strict = handreiking_in_process(*args, "--strict")
    assert strict.returncode == 1


def test_wrong_usage_exits_two_without_traceback():
    for args in (["bestaat-niet"], ["check", "--peildatum", "gisteren"], ["check", "--root", "/"]):
        result = handreiking_in_process(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr


def test_failed_build_leaves_the_previous_site_untouched(tmp_path):
    from conftest import copy_project

    project = copy_project(tmp_path / "p")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("vorige versie", encoding="utf-8")
    maatregelen = project / "maatregelen.yaml"
    maatregelen.write_text(
        maatregelen.read_text(encoding="utf-8").replace("status: beschikbaar", "status: klaar", 1),
        encoding="utf-8",
    )

    result = handreiking("build", "--root", str(project))

    assert result.returncode == 1
    assert ": fout: " in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige versie"


def test_mkdocs_failure_also_leaves_the_previous_site_untouched(tmp_path):
    from conftest import copy_project

    project = copy_project(tmp_path / "p")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("vorige versie", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - Tijdlijn: tijdlijn.md", "  - Tijdlijn: bestaat-niet.md"
        ),
        encoding="utf-8",
    )

    # The PDF is made before MkDocs runs; it has nothing to do with what is tested here.
    result = handreiking("build", "--root", str(project), environment={"HANDREIKING_PDF": "0"})

    assert result.returncode == 1
    assert "de vorige versie in site/ is ongewijzigd" in result.stderr
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "vorige versie"
    assert not list(project.glob(".site-*"))


ARGPARSE_ENGLISH = (
    "usage:",
    "show this help",
    "positional arguments",
    "options:",
    "error:",
    "required",
    "invalid choice",
    "unrecognized",
    "expected one argument",
)


def _commands(parser, path=()):
    """Every command path of the real parser: (), ('check',), ('editie', 'publiceer'), ..."""
    import argparse

    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


def test_every_help_text_is_dutch_and_every_option_is_explained():
    from generator.cli.arguments import parser

    commands = list(_commands(parser()))
    assert len(commands) > 5
    for path, sub in commands:
        result = handreiking_in_process(*path, "--help")
        assert result.returncode == 0, path
        assert result.stdout.startswith("gebruik: handreiking"), path
        assert "toon deze uitleg en stop" in result.stdout
        english = [w for w in ARGPARSE_ENGLISH if w in result.stdout.lower()]
        assert not english, (path, result.stdout)
        for action in sub._actions:
            assert action.help, f"{' '.join(path)} {action.option_strings or action.dest}: no help"


def test_usage_errors_are_dutch_one_line_and_name_what_to_do():
    cases = {
        ("bestaat-niet",): "handreiking: fout: opdracht: 'bestaat-niet' bestaat niet; kies uit ",
        ("nieuw",): "handreiking nieuw: fout: dit ontbreekt: SOORT; typ --help voor een voorbeeld",
        ("check", "--peildatum", "28-10-2021"): (
            "handreiking check: fout: --peildatum: '28-10-2021' is geen datum als 2021-04-01; "
            "bedoelde u 2021-10-28?"
        ),
        ("serve", "--dev-addr", "8001"): (
            "handreiking serve: fout: --dev-addr: '8001' is geen adres:poort; schrijf bijvoorbeeld "
            "127.0.0.1:8001 (met make: make serve PORT=8001)"
        ),
        ("check", "--streng"): "handreiking: fout: onbekend: --streng; typ --help voor wat er kan",
    }
    for args, expected in cases.items():
        result = handreiking_in_process(*args)
        assert result.returncode == 2, args
        usage, message = result.stderr.strip().split("\n")[-2:]
        assert usage.startswith("gebruik: handreiking") or usage.startswith(" "), args
        assert message.startswith(expected), (args, result.stderr)
        assert not [w for w in ARGPARSE_ENGLISH if w in result.stderr.lower()], result.stderr


def test_argparse_is_english_again_outside_our_parser():
    import argparse

    from generator.cli.arguments import parser

    parser().format_help()
    assert "usage: x" in argparse.ArgumentParser(prog="x").format_usage()


def test_diff_compares_with_the_last_published_edition_by_default():
    latest = max(int(p.stem) for p in (ROOT / "content" / "edities").glob("[0-9]*.yaml"))
    default = handreiking_in_process("diff")
    explicit = handreiking_in_process("diff", str(latest))
    assert default.returncode == 0, default.stderr
    assert default.stdout == explicit.stdout
    assert f"Wat is er veranderd: editie {latest} → de huidige inhoud" in default.stdout
