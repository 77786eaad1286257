"""The CSV files of the open data: their published headers pinned in a golden file, and how
every cell is written so that a spreadsheet opens it right with its default settings."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import ROOT
from generator.build import load
from generator.export import tables
from generator.render import Settings

MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
HEADERS = ROOT / "tests" / "golden" / "open-data" / "csv-headers.txt"
SETTINGS = Settings(today=date(2021, 6, 15), site_url="https://example.org/")


def headers() -> str:
    """Each CSV file and its columns, one line per column: what users build on."""
    model = load(MINIMAL, SETTINGS.today)[1]
    lines = []
    for table in tables(model, SETTINGS):
        lines.append(table.file)
        lines += [f"  {column.name}" for column in table.columns]
    return "\n".join(lines) + "\n"


def test_published_csv_headers_match_the_golden_file(request):
    """A column renamed, dropped or moved breaks the spreadsheets and scripts built on the
    files: change them on purpose, with `pytest --update-goldens`, and review the diff."""
    if request.config.getoption("--update-goldens"):
        HEADERS.write_text(headers(), encoding="utf-8")
        pytest.skip("golden file rewritten; review the diff")
    assert headers() == HEADERS.read_text(encoding="utf-8")
