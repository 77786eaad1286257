"""History is append-only, and a correction is visible (issue 20, point 6).

Each attack on the published editions is made the way a pull request would make it: in a
git repository made here (`git init` and commits), then `handreiking check` through the real
CLI must refuse it with the exact located message. The one legitimate change, a correction
through `publiceer --vervang --reden`, is accepted and recorded; `handreiking diff <base>`
reports every change under content/edities/ at the top of the pull request's changelog.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import checkout
import pytest

from conftest import copy_project, handreiking
from generator.history.ledger import (
    GECORRIGEERD,
    GEPUBLICEERD,
    LEDGER,
    MODELINE,
    Correctie,
    Entry,
    corrections,
    ledger_text,
    read_ledger,
    sha256,
)
from generator.history.snapshots import MODELINE as SNAPSHOT_MODELINE

EDITION = "content/edities/2021.yaml"
CORRECTED = date(2021, 3, 1)
REDEN = "De titel van de maatregel Tussenvormen huisvesting was fout overgenomen"
FIX = (
    "Moet editie 2021 echt anders, pas daarna de inhoud aan en leg dat vast als correctie met "
    '`make publiceer JAAR=2021 VERVANG=1 REDEN="..."`'
)


COMMITTED = "2021-02-28T12:00:00+00:00"  # every commit made here: messages name its day
COMMITTED_WORDS = "28 februari 2021"


def git(project: Path, *args: str) -> str:
    return checkout.git(project, *args, when=COMMITTED).strip()


def first(project: Path) -> str:
    """The short id of the repository's first commit: where the fixture's edition was added."""
    return git(project, "rev-list", "--max-parents=0", "HEAD")[:7]


def commit(project: Path, message: str) -> str:
    """Commit everything; the short id a message names."""
    git(project, "add", "-A")
    git(project, "commit", "-qm", message)
    return git(project, "rev-parse", "HEAD")[:7]


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """The frozen 2021 fixture (edition and ledger) as the first commit of a repository."""
    monkeypatch.setenv("HANDREIKING_PDF", "0")
    project = copy_project(tmp_path / "p")
    git(project, "init", "-q", "-b", "main")
    commit(project, "editie 2021")
    return project


def check(project: Path) -> tuple[int, list[str], str]:
    result = handreiking("check", "--peildatum", "2021-01-15", root=project)
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if ": fout: " in line]
    return result.returncode, errors, result.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def changed_after_publication(first: str) -> str:
    return (
        f"{EDITION}:1:1: fout: editie 2021 is veranderd nadat zij is gepubliceerd: het bestand "
        f"past niet bij het logboek ({LEDGER}, regel 7). Een gepubliceerde editie verandert "
        f"niet: zet het terug met `git checkout {first} -- {EDITION}`. " + FIX
    )


# --- the ledger's own shape and the interface the site reads ---------------------------------


def test_the_fixture_ledger_records_its_edition_and_shares_the_editions_schema():
    ledger = read_ledger(Path(__file__).parent / "fixtures" / "handreiking-2021")
    assert ledger.problems == []
    assert [(e.jaar, e.handeling) for e in ledger.entries] == [(2021, GEPUBLICEERD)]
    assert MODELINE == SNAPSHOT_MODELINE


def test_the_live_ledger_records_the_publication_and_every_rewrite_of_2021():
    root = Path(__file__).parent.parent
    ledger = read_ledger(root)
    assert ledger.problems == []
    # live content: true for every valid ledger, however many editions and corrections follow
    editions = sorted({e.jaar for e in ledger.entries})
    assert 2021 in editions
    for jaar in editions:
        acts = [e for e in ledger.entries if e.jaar == jaar]
        assert [e.handeling for e in acts] == [GEPUBLICEERD] + [GECORRIGEERD] * (len(acts) - 1)
        # each correction starts where the act before it left the file, and ends at the file
        for before, after in zip(acts, acts[1:], strict=False):
            assert after.sha256_voor == before.sha256
        path = root / f"content/edities/{jaar}.yaml"
        assert acts[-1].sha256 == sha256(path.read_bytes())
    assert all(isinstance(c, Correctie) for c in corrections(root)[2021])


def test_a_ledger_with_a_broken_entry_is_located_and_corrections_stay_tolerant(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / LEDGER
    path.write_text(
        path.read_text(encoding="utf-8")
        + "- editie: '2021'\n  handeling: verbeterd\n  datum: gisteren\n  sha256: abc\n",
        encoding="utf-8",
    )
    assert [str(p) for p in read_ledger(project).problems] == [
        f"{LEDGER}:12:14: fout: logboek[1].handeling: 'verbeterd' bestaat niet; verwacht "
        "gepubliceerd of gecorrigeerd; alleen `make publiceer` schrijft het logboek: zet het "
        "terug met git",
        f"{LEDGER}:13:10: fout: logboek[1].datum: 'gisteren' is geen datum als 2022-03-01; "
        "alleen `make publiceer` schrijft het logboek: zet het terug met git",
        f"{LEDGER}:14:11: fout: logboek[1].sha256: 'abc' is geen sha256 (64 tekens 0-9 en a-f); "
        "alleen `make publiceer` schrijft het logboek: zet het terug met git",
    ]
    assert corrections(project) == {}
    (project / LEDGER).write_bytes(b"\xff\xfe")
    assert corrections(project) == {}


# --- every refusal, through the real CLI in a git repository --------------------------------


def test_a_changed_title_and_status_in_a_published_edition_is_refused(repo):
    edit(repo / EDITION, "    titel: Tussenvormen huisvesting\n", "    titel: Iets anders\n")
    edit(repo / EDITION, "    status: in-voorbereiding\n", "    status: beschikbaar\n")
    commit(repo, "2021 bijgewerkt")
    code, errors, _ = check(repo)
    assert code == 1
    assert errors == [changed_after_publication(first(repo))]


def test_a_deleted_address_in_a_published_edition_is_refused(repo):
    edit(repo / EDITION, "- /maatregelen/inzet-woningcorporaties/\n", "")
    commit(repo, "adres weg")
    code, errors, _ = check(repo)
    assert code == 1
    assert errors == [changed_after_publication(first(repo))]


def test_a_deleted_edition_file_is_refused(repo):
    (repo / EDITION).unlink()
    commit(repo, "editie weg")
    code, errors, _ = check(repo)
    assert code == 1
    assert errors == [
        f"{EDITION}:1:1: fout: editie 2021 is gepubliceerd ({LEDGER}, regel 7), maar dit "
        "bestand ontbreekt. Een gepubliceerde editie blijft bestaan: zet het terug met "
        f"`git checkout {first(repo)} -- {EDITION}`"
    ]


def test_a_forged_edition_newer_than_the_current_one_is_refused(repo):
    forged = (repo / EDITION).read_text(encoding="utf-8").replace("jaar: 2021", "jaar: 2099", 1)
    (repo / "content/edities/2099.yaml").write_text(forged, encoding="utf-8")
    commit(repo, "editie 2099")
    code, errors, _ = check(repo)
    assert code == 1
    assert errors == [
        "content/edities/2099.yaml:1:1: fout: editie 2099 is nieuwer dan de huidige editie "
        "(2021 in content/editie.yaml) en kan dus niet gepubliceerd zijn. Verwijder dit "
        "bestand; een nieuwe editie ontstaat met `make publiceer JAAR=...` nadat het jaar in "
        "content/editie.yaml is bijgewerkt"
    ]


def test_an_edition_never_published_is_refused_and_may_then_be_removed(repo):
    older = (repo / EDITION).read_text(encoding="utf-8").replace("jaar: 2021", "jaar: 2020", 1)
    (repo / "content/edities/2020.yaml").write_text(older, encoding="utf-8")
    commit(repo, "editie 2020")
    code, errors, _ = check(repo)
    assert code == 1
    assert errors == [
        "content/edities/2020.yaml:1:1: fout: editie 2020 is nooit gepubliceerd: het logboek "
        f"({LEDGER}) noemt haar niet. Een editie ontstaat alleen met `make publiceer "
        "JAAR=2020`, dat ook het logboek bijwerkt; verwijder dit bestand"
    ]
    (repo / "content/edities/2020.yaml").unlink()  # never published: removing it is the fix
    commit(repo, "editie 2020 weg")
    assert check(repo)[0] == 0


def test_a_backdated_edition_is_refused(repo):
    older = (repo / EDITION).read_text(encoding="utf-8").replace("jaar: 2021", "jaar: 2020", 1)
    (repo / "content/edities/2020.yaml").write_text(older, encoding="utf-8")
    ledger = read_ledger(repo)
    forged = Entry(2020, GEPUBLICEERD, "2021-03-01", sha256(older.encode("utf-8")))
    (repo / LEDGER).write_text(ledger_text([*ledger.entries, forged]), encoding="utf-8")
    commit(repo, "editie 2020 erbij")
    code, errors, _ = check(repo)
    assert code == 1
    assert errors == [
        f"{LEDGER}:11:11: fout: logboek[1].editie: editie 2020 is gepubliceerd na editie 2021 "
        f"({LEDGER}, regel 7); een editie kan niet met terugwerkende kracht worden toegevoegd. "
        "Verwijder content/edities/2020.yaml en deze regel"
    ]


def test_a_rewritten_or_removed_ledger_entry_is_refused(repo):
    edit(repo / LEDGER, "  datum: '2026-12-01'\n", "  datum: '2021-02-15'\n")
    commit(repo, "logboek verbeterd")
    code, errors, _ = check(repo)
    assert code == 1
    assert errors == [
        f"{LEDGER}:7:11: fout: logboek[0]: deze regel is anders dan in commit {first(repo)} "
        f"({COMMITTED_WORDS}), waar stond: editie 2021, gepubliceerd op 2026-12-01. Het logboek "
        f"wordt alleen aangevuld, nooit veranderd: zet het terug met `git checkout {first(repo)} "
        f"-- {LEDGER}`"
    ]
    # an entry inserted before the published ones (a backdated edition) is a rewrite too
    git(repo, "checkout", "-q", first(repo), "--", LEDGER)
    older = (repo / EDITION).read_text(encoding="utf-8").replace("jaar: 2021", "jaar: 2020", 1)
    (repo / "content/edities/2020.yaml").write_text(older, encoding="utf-8")
    forged = Entry(2020, GEPUBLICEERD, "2021-01-01", sha256(older.encode("utf-8")))
    (repo / LEDGER).write_text(ledger_text([forged, *read_ledger(repo).entries]), encoding="utf-8")
    assert check(repo)[1][0].startswith(
        f"{LEDGER}:7:11: fout: logboek[0]: deze regel is anders dan in commit {first(repo)}"
    )
    # the whole ledger removed: and then the edition is no longer published either
    (repo / "content/edities/2020.yaml").unlink()
    (repo / LEDGER).unlink()
    assert check(repo)[1] == [
        f"{EDITION}:1:1: fout: editie 2021 is nooit gepubliceerd: het logboek ({LEDGER}) "
        "ontbreekt. Een editie ontstaat alleen met `make publiceer JAAR=2021`, dat ook het "
        "logboek bijwerkt; verwijder dit bestand",
        f"{LEDGER}:1:1: fout: het logboek ontbreekt, maar stond in commit {first(repo)} "
        f"({COMMITTED_WORDS}); het wordt alleen aangevuld, nooit verwijderd. Zet het terug met "
        f"`git checkout {first(repo)} -- {LEDGER}`",
    ]


def test_an_edition_added_before_its_ledger_must_be_what_the_ledger_says_was_published(
    tmp_path, monkeypatch
):
    """As this repository's own 2021 was: the file first, the ledger later (the migration)."""
    monkeypatch.setenv("HANDREIKING_PDF", "0")
    project = copy_project(tmp_path / "p")
    (project / LEDGER).unlink()
    git(project, "init", "-q", "-b", "main")
    commit(project, "editie 2021, nog zonder logboek")
    edit(project / EDITION, "    titel: Tussenvormen huisvesting\n", "    titel: Iets anders\n")
    changed = sha256((project / EDITION).read_bytes())
    publication = Entry(2021, GEPUBLICEERD, "2026-12-01", changed)  # as if published like this
    (project / LEDGER).write_text(ledger_text([publication]), encoding="utf-8")
    commit(project, "logboek met de editie zoals ze nu is")
    code, errors, _ = check(project)
    assert code == 1
    assert errors == [
        f"{LEDGER}:10:11: fout: logboek[0].sha256: editie 2021 is in commit {first(project)} "
        f"({COMMITTED_WORDS}) toegevoegd met andere inhoud dan het logboek als publicatie "
        "vastlegt: het logboek is achteraf aangepast, of de editie is buiten `make publiceer` om "
        "toegevoegd. Zet het logboek terug met git"
    ]


def test_an_edition_published_and_corrected_before_its_first_commit_is_accepted(repo):
    edit(repo / "content/editie.yaml", "jaar: 2021", "jaar: 2022")
    published = handreiking("editie", "publiceer", "2022", root=repo, datum=date(2022, 3, 1))
    assert published.returncode == 0, published.stderr
    edit(repo / "maatregelen.yaml", "titel: Tussenvormen huisvesting", "titel: Tussenvoorzieningen")
    corrected = handreiking(
        "editie",
        "publiceer",
        "2022",
        "--vervang",
        "--reden",
        REDEN,
        root=repo,
        datum=date(2022, 3, 2),
    )
    assert corrected.returncode == 0, corrected.stderr
    commit(repo, "editie 2022, met een correctie voor de eerste commit")
    assert check(repo)[:2] == (0, [])


def test_a_shallow_clone_cannot_verify_and_says_how_to_fetch_the_history(repo, tmp_path):
    (repo / "NOTITIE.txt").write_text("een commit erbij, zodat de kloon ondiep is\n")
    commit(repo, "notitie")
    clone = tmp_path / "kloon"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    code, errors, _ = check(clone)
    assert code == 1
    assert errors == [
        f"{LEDGER}:1:1: fout: deze kopie van de repository is ondiep (shallow clone): de "
        "git-geschiedenis van content/edities/ ontbreekt, dus check kan niet nagaan of een "
        "gepubliceerde editie is veranderd, verwijderd of met terugwerkende kracht toegevoegd. "
        "Haal de hele geschiedenis op met `git fetch --unshallow` (in GitHub Actions: "
        "`fetch-depth: 0` bij actions/checkout)"
    ]
    git(clone, "fetch", "-q", "--unshallow")
    assert check(clone)[0] == 0


def test_without_git_the_ledger_still_refuses_and_the_summary_says_git_was_not_used(tmp_path):
    project = copy_project(tmp_path / "p")  # not a git work tree
    code, errors, summary = check(project)
    assert code == 0 and errors == []
    assert (
        "; edities: 1 gepubliceerd, getoetst aan het logboek; niet aan git (deze map is geen "
        "git-werkmap) ("
    ) in summary
    edit(project / EDITION, "    titel: Tussenvormen huisvesting\n", "    titel: Iets anders\n")
    code, errors, _ = check(project)
    assert errors == [
        f"{EDITION}:1:1: fout: editie 2021 is veranderd nadat zij is gepubliceerd: het bestand "
        f"past niet bij het logboek ({LEDGER}, regel 7). Een gepubliceerde editie verandert "
        "niet: zet het bestand terug zoals het is gepubliceerd (met git). " + FIX
    ]


def test_a_correction_is_recorded_and_then_accepted(repo):
    edit(repo / "maatregelen.yaml", "titel: Tussenvormen huisvesting", "titel: Tussenvoorzieningen")
    usage = handreiking("editie", "publiceer", "2021", "--vervang", root=repo)
    assert usage.returncode == 2 and "--vervang vraagt om --reden" in usage.stderr
    result = handreiking(
        "editie", "publiceer", "2021", "--vervang", "--reden", REDEN, root=repo, datum=CORRECTED
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        f"editie 2021 gecorrigeerd in {EDITION} en vastgelegd in {LEDGER}; commit beide"
    )
    commit(repo, "correctie van editie 2021")
    code, errors, summary = check(repo)
    assert code == 0, errors
    assert "; edities: 1 gepubliceerd, getoetst aan het logboek en de git-geschiedenis (" in summary
    entry = read_ledger(repo).entries[-1]
    assert (entry.handeling, entry.datum, entry.reden) == (GECORRIGEERD, "2021-03-01", REDEN)
    assert entry.sha256 == sha256((repo / EDITION).read_bytes())
    assert "Maatregel Tussenvoorzieningen: titel was eerst ‘Tussenvormen huisvesting’." in (
        entry.wijzigingen
    )
    assert corrections(repo) == {2021: [Correctie(2021, "2021-03-01", REDEN, entry.wijzigingen)]}
    again = handreiking(
        "editie", "publiceer", "2021", "--vervang", "--reden", "nog eens", root=repo
    )
    assert again.returncode == 1
    assert f"{EDITION}:1:1: fout: er is niets te corrigeren: editie 2021 is al precies zo " in (
        again.stderr
    )


# --- the pull request's changelog: loud about content/edities/ -------------------------------


def diff(base: Path, project: Path) -> str:
    result = handreiking("diff", str(base), "--kop", "Wat verandert", root=project)
    assert "Traceback" not in result.stderr
    return result.stdout


def test_the_pr_changelog_starts_with_a_warning_for_a_rewritten_edition(repo, tmp_path):
    base = shutil.copytree(repo, tmp_path / "basis", ignore=shutil.ignore_patterns(".git"))
    edit(repo / EDITION, "    titel: Tussenvormen huisvesting\n", "    titel: Iets *anders*\n")
    edit(repo / EDITION, "- /maatregelen/inzet-woningcorporaties/\n", "")
    (repo / "content/edities/2099.yaml").write_text(
        (base / EDITION).read_text(encoding="utf-8").replace("jaar: 2021", "jaar: 2099", 1),
        encoding="utf-8",
    )
    assert diff(base, repo).startswith(
        "> [!CAUTION]\n"
        "> **Editie 2021 gewijzigd zonder correctie.** `content/edities/2021.yaml` is "
        "veranderd, maar het logboek (`content/edities/logboek.yaml`) legt geen correctie vast; "
        "`make check` weigert dit. Een gepubliceerde editie verandert alleen met "
        '`make publiceer JAAR=2021 VERVANG=1 REDEN="..."`. Wat er in het bestand veranderde:\n'
        ">\n"
        "> - Maatregel **Iets \\*anders\\***: titel was eerst ‘Tussenvormen huisvesting’.\n"
        "> - Webadres /maatregelen/inzet-woningcorporaties/ weggehaald.\n"
        "\n"
        "> [!CAUTION]\n"
        "> **Editie 2099 toegevoegd buiten `make publiceer` om.** "
        "`content/edities/2099.yaml` is nieuw, maar ze is nieuwer dan de huidige editie (2021 "
        "in `content/editie.yaml`); `make check` weigert dit.\n"
        "\n"
        "## Wat verandert\n"
    )
    (repo / EDITION).unlink()
    assert diff(base, repo).startswith(
        "> [!CAUTION]\n> **Editie 2021 verwijderd.** `content/edities/2021.yaml` is weggehaald."
    )


def test_the_pr_changelog_shows_a_correction_and_a_new_edition(repo, tmp_path):
    base = shutil.copytree(repo, tmp_path / "basis", ignore=shutil.ignore_patterns(".git"))
    edit(repo / "maatregelen.yaml", "titel: Tussenvormen huisvesting", "titel: Tussen*vormen*")
    result = handreiking(
        "editie",
        "publiceer",
        "2021",
        "--vervang",
        "--reden",
        "Titel *fout*",
        root=repo,
        datum=CORRECTED,
    )
    assert result.returncode == 0, result.stderr
    report = diff(base, repo)
    assert report.startswith(
        "> [!IMPORTANT]\n"
        "> **Correctie in editie 2021: Titel \\*fout\\*.** Vastgelegd op 1 maart 2021 in "
        "`content/edities/logboek.yaml`. Wat de correctie verandert:\n"
        ">\n"
        "> - Maatregel Tussen\\*vormen\\*: titel was eerst ‘Tussenvormen huisvesting’.\n"
        "\n"
        "## Wat verandert\n"
    ), report
    corrected = shutil.copytree(
        repo, tmp_path / "gecorrigeerd", ignore=shutil.ignore_patterns(".git")
    )
    edit(repo / "content/editie.yaml", "jaar: 2021", "jaar: 2022")
    published = handreiking("editie", "publiceer", "2022", root=repo, datum=date(2022, 3, 1))
    assert published.returncode == 0, published.stderr
    assert diff(corrected, repo).startswith(
        "> [!NOTE]\n"
        "> **Nieuwe editie 2022 vastgelegd.** `content/edities/2022.yaml`, op 1 maart 2022 "
        "gepubliceerd met `make publiceer JAAR=2022`.\n"
        "\n"
        "## Wat verandert\n"
    )
    commit(repo, "correctie en editie 2022")
    assert check(repo)[0] == 0
