"""Editions: snapshots, URL stability, redirects, maatregel history and overdue mijlpalen.

The PDF is left out of these builds (HANDREIKING_PDF=0): it takes seconds each, nothing here
is about it, and a build without it still publishes its address (editions.published_urls).
test_print.py, test_currency.py and test_clients.py check the PDF itself.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from conftest import (
    BUILD_DATE,
    ROOT,
    copy_project,
    handreiking,
    handreiking_in_process,
    refreeze_2021,
)
from generator.content.validate import check_project
from generator.history.diff import vergelijk
from generator.history.editions import (
    as_text,
    content_of,
    published_urls,
)
from generator.history.snapshots import read_snapshot, read_snapshots, url_problems
from generator.site.build import generate

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PUBLISHED = date(2021, 2, 15)


def publish_2021(project: Path) -> Path:
    """The project's content as edition 2021: the fixture's edition, corrected to it when it
    differs (the ledger, content/edities/logboek.yaml, records that)."""
    checked, files = generate(project, PUBLISHED)
    return refreeze_2021(project, checked, files, datum=PUBLISHED)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("HANDREIKING_PDF", "0")
    root = copy_project(tmp_path / "project")
    publish_2021(root)
    return root


def test_a_snapshot_reads_back_as_the_content_it_froze(project):
    snapshot, problems = read_snapshot(project / "content/edities/2021.yaml", "2021.yaml")
    assert problems == []
    checked, files = generate(project, PUBLISHED)
    assert vergelijk(snapshot.inhoud, as_text(content_of(checked))) == []
    assert snapshot.inhoud == as_text(content_of(checked))
    assert sorted(snapshot.adressen) == published_urls(files)
    assert {"", "maatregelen/tussenvoorzieningen/", "wijzigingen/", "feed.xml"} <= set(
        snapshot.adressen
    )


def test_every_committed_edition_reads_and_every_address_it_published_still_exists(
    live_project,
):
    snapshots, problems = read_snapshots(ROOT)
    assert problems == []
    # every <jaar>.yaml is an edition; beside them stands the ledger, logboek.yaml
    files = sorted((ROOT / "content/edities").glob("*.yaml"))
    editions = [f"content/edities/{p.name}" for p in files if p.stem.isdigit()]
    assert [s.path for s in snapshots] == editions
    assert [p.name for p in files if not p.stem.isdigit()] == ["logboek.yaml"]
    assert all(s.inhoud["maatregelen"] for s in snapshots)
    published = {
        p.relative_to(live_project / "site").as_posix().removesuffix("index.html")
        for p in (live_project / "site").rglob("*")
        if p.is_file()
    }
    assert url_problems(snapshots, published) == []


def test_an_old_snapshot_with_fields_the_schema_no_longer_has_still_reads(tmp_path):
    old = tmp_path / "2020.yaml"
    old.write_text(
        "formaat: 1\neditie:\n  jaar: 2020\nadressen: [/maatregelen/x/]\ninhoud:\n"
        "  maatregelen:\n    - id: x\n      titel: X\n      oud_veld: weg\n"
        "      status: voornemen\n",
        encoding="utf-8",
    )
    snapshot, problems = read_snapshot(old, "content/edities/2020.yaml")
    assert problems == []
    new = {"maatregelen": [{"id": "x", "titel": "X", "status": "beschikbaar", "nieuw": "ja"}]}
    assert [w.zin for w in vergelijk(snapshot.inhoud, new)] == [
        "Maatregel X: status van voornemen naar beschikbaar."
    ]


def test_a_snapshot_of_a_newer_format_is_a_located_problem(tmp_path):
    path = tmp_path / "2030.yaml"
    path.write_text("formaat: 9\neditie:\n  jaar: 2030\n", encoding="utf-8")
    snapshot, problems = read_snapshot(path, "content/edities/2030.yaml")
    assert snapshot is None
    assert [str(p) for p in problems] == [
        "content/edities/2030.yaml:1:1: fout: onbekend formaat '9'; dit bestand is gemaakt met "
        "een nieuwere versie van de generator"
    ]


def test_a_rename_without_vorige_ids_is_a_warning_at_the_record_and_the_old_address_says_removed(
    project,
):
    maatregelen = project / "maatregelen.yaml"
    edit(maatregelen, "  - id: inzet-woningcorporaties\n", "  - id: woningcorporaties\n")
    line = maatregelen.read_text(encoding="utf-8").splitlines().index("  - id: woningcorporaties")
    expected = (
        f"maatregelen.yaml:{line + 1}:9: waarschuwing: maatregelen[1].id: heette deze maatregel "
        "in editie 2021 'inzet-woningcorporaties' (/maatregelen/inzet-woningcorporaties/)? Zet "
        "dan 'vorige_ids: [inzet-woningcorporaties]' bij deze maatregel, dan stuurt het oude "
        "adres door. Zonder dat zegt het oude adres dat de maatregel verwijderd is"
    )
    result = handreiking_in_process("check", root=project)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert expected in result.stderr.splitlines()
    _, files = generate(project, BUILD_DATE)
    assert (
        "Deze maatregel staat sinds de laatste bijwerking na editie 2021 niet meer in"
        in (files["maatregelen/inzet-woningcorporaties.md"])
    )


def test_a_removed_record_keeps_its_address_with_a_page_that_says_so_and_links_its_edition(
    project,
):
    maatregelen = project / "maatregelen.yaml"
    text = maatregelen.read_text(encoding="utf-8")
    start = text.index("  - id: inzet-woningcorporaties\n")
    end = text.index("  - id: ", start + 10)
    maatregelen.write_text(text[:start] + text[end:], encoding="utf-8")
    (project / "content/verwijderd.yaml").write_text(
        "verwijderd:\n  - soort: maatregel\n    id: inzet-woningcorporaties\n"
        "    reden: De afspraken met de woningcorporaties zijn afgerond.\n",
        encoding="utf-8",
    )
    result = handreiking_in_process("check", root=project)
    assert result.returncode == 0, result.stderr
    _, files = generate(project, BUILD_DATE)
    page = files["maatregelen/inzet-woningcorporaties.md"]
    assert "# Inzet woningcorporaties { #titel }" in page
    assert "Reden: De afspraken met de woningcorporaties zijn afgerond." in page
    assert (
        '<a href="../../editie/2021/maatregelen/inzet-woningcorporaties/">editie 2021</a>' in page
    )
    assert "Verhuisd" not in page and "nieuw adres" not in page
    assert "refresh" not in page  # never a redirect to another record


def test_a_reason_for_a_record_that_was_never_published_or_is_still_there_is_refused(project):
    (project / "content/verwijderd.yaml").write_text(
        "verwijderd:\n  - soort: maatregel\n    id: inzet-woningcorporatie\n"
        "    reden: Weg.\n  - soort: maatregel\n    id: tussenvoorzieningen\n"
        "    reden: Weg.\n",
        encoding="utf-8",
    )
    result = handreiking_in_process("check", root=project)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if ": fout: " in line]
    assert errors[0] == (
        "content/verwijderd.yaml:3:9: fout: verwijderd[0].id: geen editie publiceerde een "
        "maatregel 'inzet-woningcorporatie' (bedoelde u 'inzet-woningcorporaties'?); een reden "
        "staat hier alleen bij wat een editie publiceerde (iets dat nooit gepubliceerd is, "
        "haalt u gewoon weg)"
    )
    assert errors[1].startswith(
        "content/verwijderd.yaml:6:9: fout: verwijderd[1].id: maatregel 'tussenvoorzieningen' "
        "staat nog in de inhoud (maatregelen.yaml:"
    )


def test_an_unrelated_record_cannot_take_a_removed_records_address_as_its_vorige_id(project):
    maatregelen = project / "maatregelen.yaml"
    text = maatregelen.read_text(encoding="utf-8")
    start = text.index("  - id: inzet-woningcorporaties\n")
    end = text.index("  - id: ", start + 10)
    text = text[:start] + text[end:]
    text = text.replace(
        "  - id: tussenvoorzieningen\n",
        "  - id: tussenvoorzieningen\n    vorige_ids: [inzet-woningcorporaties]\n",
    )
    maatregelen.write_text(text, encoding="utf-8")
    result = handreiking("check", root=project)
    assert result.returncode == 1
    assert any(
        ": fout: maatregelen[0].vorige_ids[0]: 'inzet-woningcorporaties' was in editie 2021 een "
        "andere maatregel naast 'tussenvoorzieningen', geen eerdere id van deze maatregel." in line
        for line in result.stderr.splitlines()
    ), result.stderr


def test_an_old_id_in_vorige_ids_redirects_to_the_new_page(project):
    maatregelen = project / "maatregelen.yaml"
    edit(maatregelen, "  - id: inzet-woningcorporaties\n", "  - id: woningcorporaties\n")
    edit(
        maatregelen,
        "  - id: woningcorporaties\n",
        "  - id: woningcorporaties\n    vorige_ids: [inzet-woningcorporaties]\n",
    )
    _, files = generate(project, BUILD_DATE)
    redirect = files["maatregelen/inzet-woningcorporaties/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../woningcorporaties/">' in redirect
    assert (
        '<link rel="canonical" '
        'href="https://integrale-handreiking.nl/maatregelen/woningcorporaties/">'
    ) in redirect
    assert '<meta name="robots" content="noindex">' in redirect
    assert '<html lang="nl">' in redirect
    assert '<a href="../woningcorporaties/">Inzet woningcorporaties</a>' in redirect


def test_a_removed_prose_page_is_a_check_error_at_its_file(project):
    (project / "content/paginas/uitgangspunten.md").unlink()
    config = project / "mkdocs.yml"
    edit(config, "      - handreiking/uitgangspunten.md\n", "")
    result = handreiking_in_process("check", root=project)
    assert result.returncode == 1
    assert (
        "content/paginas/uitgangspunten.md:1:1: fout: de pagina /handreiking/uitgangspunten/ "
        "stond in editie 2021, maar content/paginas/uitgangspunten.md bestaat niet meer; zet "
        "het bestand terug (een gepubliceerd adres blijft bestaan)"
    ) in result.stderr.splitlines()


def test_the_redirect_page_is_valid_html(project, tmp_path):
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("the Nu Html Checker is missing: run `make test-deps`")
    edit(
        project / "maatregelen.yaml",
        "  - id: inzet-woningcorporaties\n",
        "  - id: woningcorporaties\n    vorige_ids: [inzet-woningcorporaties]\n",
    )
    _, files = generate(project, BUILD_DATE)
    page = tmp_path / "redirect.html"
    page.write_text(files["maatregelen/inzet-woningcorporaties/index.html"], encoding="utf-8")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_publishing_checks_the_year_and_never_overwrites_silently(project):
    result = handreiking_in_process("editie", "publiceer", "2022", "--root", str(project))
    assert result.returncode == 1
    assert result.stderr.startswith(
        "content/editie.yaml:3:9: fout: editie.jaar is 2021, maar u "
        "publiceert editie 2022; zet eerst 'jaar: 2022'"
    )
    again = handreiking_in_process("editie", "publiceer", "2021", "--root", str(project))
    assert again.returncode == 1
    assert (
        "content/edities/2021.yaml:1:1: fout: editie 2021 is al gepubliceerd; een gepubliceerde "
        "editie verandert niet. Is er een fout in de editie, herstel die dan in de inhoud en "
        'leg dat vast als correctie: make publiceer JAAR=2021 VERVANG=1 REDEN="waarom"'
    ) in again.stderr
    half = handreiking_in_process(
        "editie",
        "publiceer",
        "2021",
        "--vervang",
        "--reden",
        "vaststelling vergeten",
        "--vastgesteld",
        "2021-02-15",
        "--root",
        str(project),
    )
    assert half.returncode == 1 and "geef --vastgesteld en --door allebei op" in half.stderr


def test_publishing_with_a_vaststelling_records_it_in_both_files(project):
    result = handreiking_in_process(
        "editie",
        "publiceer",
        "2021",
        "--vervang",
        "--reden",
        "De vaststelling door de LRT ontbrak",
        "--vastgesteld",
        "2021-02-15",
        "--door",
        "de LRT",
        "--root",
        str(project),
    )
    assert result.returncode == 0, result.stderr
    assert "editie 2021 gecorrigeerd in content/edities/2021.yaml" in result.stdout
    snapshot, _ = read_snapshot(project / "content/edities/2021.yaml", "x")
    assert snapshot.vastgesteld == "15 februari 2021 door de LRT"
    checked = check_project(project, BUILD_DATE)
    assert not checked.errors
    assert checked.values["editie"]["vastgesteld"]["door"] == "de LRT"


def history_line(files: dict, maatregel: str) -> str:
    text = files[f"maatregelen/{maatregel}.md"]
    line = next(line for line in text.splitlines() if line.startswith("<p>Opgenomen sinds"))
    return re.sub(r"<[^>]+>", "", line)


def test_a_typo_fix_does_not_make_a_maatregel_look_changed_but_a_new_paragraph_does(project):
    maatregelen = project / "maatregelen.yaml"
    edit(maatregelen, "zoeken veel mensen een woning.", "zoeken heel veel mensen een woning.")
    _, files = generate(project, BUILD_DATE)
    assert history_line(files, "tussenvoorzieningen").startswith(
        "Opgenomen sinds editie 2021 · sindsdien inhoudelijk niet gewijzigd"
    )
    assert "Na editie 2021" not in files["wijzigingen.md"]

    edit(
        maatregelen,
        "      Om gemeenten hierbij te helpen,",
        "      Vanaf 2022 betaalt het Rijk de helft van de kosten.\n\n"
        "      Om gemeenten hierbij te helpen,",
    )
    _, files = generate(project, BUILD_DATE)
    assert history_line(files, "tussenvoorzieningen").startswith(
        "Opgenomen sinds editie 2021 · laatst inhoudelijk gewijzigd: na editie 2021 ·"
    )
    assert history_line(files, "inzet-woningcorporaties").startswith(
        "Opgenomen sinds editie 2021 · sindsdien inhoudelijk niet gewijzigd"
    )
    assert (
        "- Maatregel [Tussenvormen huisvesting](maatregelen/tussenvoorzieningen.md): tekst "
        "aangevuld (1 alinea toegevoegd)."
    ) in files["wijzigingen.md"]


def test_the_editor_can_say_a_maatregel_changed_in_substance(project):
    edit(
        project / "maatregelen.yaml",
        "  - id: inzet-woningcorporaties\n",
        "  - id: inzet-woningcorporaties\n    inhoudelijk_gewijzigd: 2021-09\n",
    )
    _, files = generate(project, BUILD_DATE)
    assert history_line(files, "inzet-woningcorporaties").startswith(
        "Opgenomen sinds editie 2021 · laatst inhoudelijk gewijzigd: na editie 2021 "
        "(september 2021) ·"
    )


def test_overdue_mijlpalen_are_located_warnings_saying_what_to_update(built_project):
    result = handreiking_in_process("check", "--peildatum", "2021-06-15", root=built_project)
    assert result.returncode == 0, result.stderr
    *warnings, note = result.stderr.splitlines()
    assert warnings, "the real content has overdue mijlpalen at 2021-06-15"
    # issue 15: once, after them, what they mean and what to do (or not yet)
    assert note.startswith(f"Over de {len(warnings)} waarschuwing(en) 'verlopen': ")
    assert "bereikt: ja" in note and "tijdspad" in note and "volgende editie" in note
    kinds = set()
    for warning in warnings:
        match = re.fullmatch(
            r"(maatregelen|content/opgaven|content/regelingen)\.yaml:(\d+):(\d+): waarschuwing: "
            r"verlopen: (?:de aanvraagperiode )?'.+' is "
            r"voorbij \(peildatum 2021-06-15\) maar (de maatregel '[a-z0-9-]+' staat nog op "
            r"'(in-voorbereiding|voornemen|beschikbaar)'; zet 'bereikt: ja' bij de mijlpaal "
            r"als die gehaald is, of werk de status of het tijdspad bij "
            r"\(maatregelen\[\d+\]\.tijdspad\[\d+\]\)"
            r"|deze mijlpaal van de opgave '[a-z0-9-]+' is niet bijgewerkt; zet 'bereikt: ja' als "
            r"hij gehaald is \('bereikt: nee' als hij niet doorging\), of werk de datum bij "
            r"\(opgaven\[\d+\]\.tijdspad\[\d+\]\)"
            # issue 22: a regeling whose application period has passed, by the same rule
            r"|de regeling '[a-z0-9-]+' staat nog op '(?:in-voorbereiding|voornemen)'; werk de "
            r"status of de aanvraagperiode bij \(regelingen\[\d+\]\.aanvraagperiode\))",
            warning,
        )
        assert match, warning
        kinds.add(match[1])
        line, column = int(match[2]), int(match[3])
        lines = (built_project / f"{match[1]}.yaml").read_text(encoding="utf-8").splitlines()
        assert lines[line - 1][: column - 1].strip() in (
            "datum:",
            "- datum:",
            "aanvraagperiode:",
        ), warning
    assert kinds == {"maatregelen", "content/opgaven", "content/regelingen"}

    strict = handreiking_in_process(
        "check", "--peildatum", "2021-06-15", "--strict", root=built_project
    )
    assert strict.returncode == 1
    assert strict.stderr.splitlines()[-1] == f"{len(warnings)} fout(en) gevonden; niets gebouwd."
    said = [line for line in strict.stderr.splitlines() if ": fout: verlopen: " in line]
    assert len(said) == len(warnings)  # --strict says 'fout', as it counts them
    early = handreiking_in_process(
        "check", "--peildatum", "2019-01-01", "--strict", root=built_project
    )
    assert early.returncode == 0 and early.stderr == ""


def test_the_site_marks_overdue_mijlpalen(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDREIKING_PDF", "0")
    _, files = generate(copy_project(tmp_path / "p"), BUILD_DATE)
    page = files["maatregelen/tussenvoorzieningen.md"]
    assert page.count("verlopen, niet bijgewerkt") == 2
    assert "verlopen, niet bijgewerkt" not in files["maatregelen/inzet-woningcorporaties.md"]
