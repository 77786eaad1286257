"""The `handreiking` command through its real entry point: exit codes and what it prints."""

from __future__ import annotations

from conftest import ROOT, handreiking

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"


def test_check_on_the_real_content_is_clean():
    result = handreiking("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("inhoud in orde: ")
    assert len(result.stdout.strip().splitlines()) == 1


def test_warnings_alone_exit_zero_and_strict_makes_them_errors():
    relaxed = handreiking("check", "--root", str(FIXTURE), "--peildatum", "2021-06-15")
    assert relaxed.returncode == 0
    assert "maatregelen.yaml:15:16: waarschuwing: " in relaxed.stderr
    strict = handreiking("check", "--root", str(FIXTURE), "--peildatum", "2021-06-15", "--strict")
    assert strict.returncode == 1


def test_wrong_usage_exits_two_without_traceback():
    for args in (["bestaat-niet"], ["check", "--peildatum", "gisteren"], ["check", "--root", "/"]):
        result = handreiking(*args)
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

    result = handreiking("build", "--root", str(project))

    assert result.returncode == 1
    assert "de vorige versie in site/ is ongewijzigd" in result.stderr
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "vorige versie"
    assert not list(project.glob(".site-*"))
