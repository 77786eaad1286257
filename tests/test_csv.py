"""The CSV files of the open data: their published headers pinned in a golden file, and how
every cell is written so that a spreadsheet opens it right with its default settings."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import ROOT
from generator.outputs.csv_cells import text_cell, text_value
from generator.outputs.csv_tables import tables
from generator.outputs.render import Settings
from generator.site.build import load

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


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("Tussenvormen huisvesting", "Tussenvormen huisvesting"),
        ("eerste kwartaal 2021", "eerste kwartaal 2021"),
        ("maart t/m juli 2021", "maart t/m juli 2021"),
        ("https://example.org/", "https://example.org/"),
        ("2021", "'2021"),  # a number
        ("2021-04", "'2021-04"),  # a month in Excel
        ("6.2", "'6.2"),  # a number in an English locale
        ("april 2021", "'april 2021"),  # a date with 'Detect special numbers'
        ("1 april 2021", "'1 april 2021"),
        ("Nov. 2019", "'Nov. 2019"),
        ('=HYPERLINK("https://x")', '\'=HYPERLINK("https://x")'),  # a formula
        ("+31 70 123", "'+31 70 123"),
        ("-", "'-"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tverborgen", "'\tverborgen"),
        ("\rverborgen", "'\rverborgen"),
        ("WAAR", "'WAAR"),  # a truth value in Dutch Calc
        ("'s-Hertogenbosch", "''s-Hertogenbosch"),  # the escape itself
    ],
)
def test_a_text_a_spreadsheet_would_read_otherwise_gets_an_apostrophe(text, cell):
    assert text_cell(text) == cell
    assert text_value(text_cell(text)) == text
