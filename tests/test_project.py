"""tools/project.py: a copy of the project with other content fits mkdocs.yml's menu to it.

A content PR that adds, renames or removes a prose page changes the menu in mkdocs.yml with
it (check holds them to each other); the tests' frozen content must still build with that
mkdocs.yml.
"""

from __future__ import annotations

from conftest import BUILD_DATE, FIXTURE_CONTENT, ROOT
from generator.content.validate import check_project
from tools.project import copy_project, fit_nav

CONFIG = """\
nav:
  - Home: index.md
  - Over de handreiking:
      - Aanleiding: handreiking/aanleiding.md
      - Nieuw: handreiking/nieuw-in-2022.md
      - handreiking/volledig.md
not_in_nav: |
  /zoeken.md
  /handreiking/handleiding-redactie.md
"""


def test_the_menu_loses_pages_the_content_lacks_and_lists_the_others_outside_it():
    fitted = fit_nav(CONFIG, {"aanleiding", "uitgangspunten"})
    assert "nieuw-in-2022" not in fitted and "handleiding-redactie" not in fitted
    assert "      - Aanleiding: handreiking/aanleiding.md\n" in fitted
    assert "      - handreiking/volledig.md\n" in fitted  # made by the build itself
    assert "not_in_nav: |\n  /handreiking/uitgangspunten.md\n  /zoeken.md\n" in fitted


def test_the_frozen_content_checks_clean_with_a_menu_changed_by_a_content_pr(tmp_path):
    site = tmp_path / "site-files"
    site.mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # a content PR removed the first prose page and added one, in the menu too
    first = next(line for line in config.splitlines() if "handreiking/" in line and ".md" in line)
    changed = config.replace(first + "\n", "      - Nieuw: handreiking/nieuw-in-2022.md\n", 1)
    (site / "mkdocs.yml").write_text(changed, encoding="utf-8")
    for name in ("theme", "schema"):
        (site / name).symlink_to(ROOT / name)
    project = copy_project(tmp_path / "p", content=FIXTURE_CONTENT, site=site)
    checked = check_project(project, BUILD_DATE)
    assert not checked.errors, checked.errors
