"""Issue 20, point 7: a published edition's pages are built once and kept.

`generator/site/frozen.py` keys the editions' pages by what they depend on. An edit of the
live content, another build date or another build must reuse them (no MkDocs run for them);
a change of the theme, the templates or the editions must build them again.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import BUILD_DATE, copy_project
from generator.site import frozen
from generator.site.build import build, generate_all


@pytest.fixture
def built(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("HANDREIKING_PDF", "0")
    project = copy_project(tmp_path / "p")
    build(project, BUILD_DATE)
    return project


def start(project: Path, today: date = BUILD_DATE) -> frozen.FrozenBuild:
    generated = generate_all(project, today)
    return frozen.start(project, generated.history, generated.settings, generated.files)


def test_the_editions_pages_are_built_once_and_reused_by_the_next_build(built):
    kept = list((built / frozen.CACHE).iterdir())
    assert len(kept) == 1 and (kept[0] / frozen.DONE).exists()
    assert (built / "site/editie/2021/maatregelen/tussenvoorzieningen/index.html").is_file()
    again = start(built)
    assert again.process is None and again.folder == kept[0]


def test_an_edit_of_the_content_or_another_build_date_does_not_rebuild_them(built):
    maatregelen = built / "maatregelen.yaml"
    text = maatregelen.read_text(encoding="utf-8")
    maatregelen.write_text(
        text.replace("titel: Tussenvormen huisvesting", "titel: Tussenvoorzieningen", 1),
        encoding="utf-8",
    )
    assert start(built).process is None
    assert start(built, date(2023, 1, 1)).process is None


def test_a_changed_theme_builds_them_again(built):
    css = built / "theme/assets/stylesheets/handreiking.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* anders */\n", encoding="utf-8")
    rebuilt = start(built)
    assert rebuilt.process is not None
    folder = rebuilt.wait()
    assert (folder / "editie/2021/index.html").is_file()
    assert [p.name for p in (built / frozen.CACHE).iterdir()] == [folder.name]  # one kept


def test_the_editions_pages_say_nothing_of_the_build_date(built):
    page = built / "site/editie/2021/maatregelen/tussenvoorzieningen/index.html"
    html = page.read_text(encoding="utf-8")
    assert "2021-06-15" not in html and "15 juni 2021" not in html
