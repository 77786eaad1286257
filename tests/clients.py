"""The real programs people open the open data with, driven from the tests.

- LibreOffice Calc (headless): imports CSV files with the Text Import defaults and saves them
  as flat ODS, which says per cell what Calc made of it (text, number, date).
- khal: imports the calendar into a fresh local calendar and lists it day by day.
- check-jsonschema and pdfua: run as commands from the test environment.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lxml import etree

BIN = Path(sys.executable).parent
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DUTCH = 1043  # LibreOffice's language id of nl-NL


# LibreOffice's own defaults of its Text Import dialog (officecfg Office.Calc/Dialogs/
# CSVImport: Separators ",;<tab>", TextSeparators '"', QuotedFieldAsText, DetectSpecialNumbers,
# EvaluateFormulas and RemoveSpace all false) as CSV filter options; the character set is
# UTF-8, as the dialog detects from the BOM. Tokens: separators, text delimiter, charset,
# first row, column formats, language, quoted as text, detect special numbers, (two export
# tokens), remove spaces, (an export token), evaluate formulas.
def csv_filter(detect_special_numbers: bool = False, language: int = DUTCH) -> str:
    options = [
        "44/59/9",
        "34",
        "76",
        "1",
        "",
        str(language),
        "false",
        "true" if detect_special_numbers else "false",
        "false",
        "false",
        "false",
        "0",
        "false",
    ]
    return "CSV:" + ",".join(options)


@dataclass(frozen=True)
class Cell:
    """What Calc made of a cell: its type ('string', 'float', 'date', ... or None for an
    empty cell), its value (for a number or date) and its text."""

    type: str | None
    value: str | None
    text: str


def soffice() -> str:
    found = shutil.which("soffice")
    if not found:
        raise AssertionError("soffice missing: run `make test-deps` (libreoffice-calc-nogui)")
    return found


def libreoffice_import(
    files: list[Path], out: Path, detect_special_numbers: bool = False
) -> dict[str, list[list[Cell]]]:
    """Import every CSV file in one soffice run; the cells of each, by file name."""
    out.mkdir(parents=True, exist_ok=True)
    profile = out / "profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            f"--infilter={csv_filter(detect_special_numbers)}",
            "--convert-to",
            "fods",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {f.name: read_fods(out / (f.stem + ".fods")) for f in files}


def read_fods(path: Path) -> list[list[Cell]]:
    """The first sheet's rows, without the empty cells and rows Calc pads them with."""
    sheet = etree.parse(str(path)).find(f".//{{{TABLE}}}table")
    rows: list[list[Cell]] = []
    for row in sheet.iter(f"{{{TABLE}}}table-row"):
        cells: list[Cell] = []
        for cell in row:
            if cell.tag not in (f"{{{TABLE}}}table-cell", f"{{{TABLE}}}covered-table-cell"):
                continue
            repeat = int(cell.get(f"{{{TABLE}}}number-columns-repeated", "1"))
            kind = cell.get(f"{{{OFFICE}}}value-type")
            value = cell.get(f"{{{OFFICE}}}value") or cell.get(f"{{{OFFICE}}}date-value")
            text = "\n".join(_text(p) for p in cell.iter(f"{{{TEXT}}}p"))
            cells += [Cell(kind, value, text)] * min(repeat, 1000)
        while cells and cells[-1].type is None and not cells[-1].text:
            cells.pop()
        repeat = int(row.get(f"{{{TABLE}}}number-rows-repeated", "1"))
        rows += [cells] * (min(repeat, 1000) if cells else 1)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _text(element) -> str:
    """A paragraph's text, with ODF's encoded spaces, tabs and line breaks decoded."""
    parts = [element.text or ""]
    for child in element:
        tag = etree.QName(child).localname
        if tag == "s":
            parts.append(" " * int(child.get(f"{{{TEXT}}}c", "1")))
        elif tag == "tab":
            parts.append("\t")
        elif tag == "line-break":
            parts.append("\n")
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


KHAL_CONFIG = """\
[calendars]
[[mijlpalen]]
path = {path}
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/Amsterdam
default_timezone = Europe/Amsterdam
[default]
default_calendar = mijlpalen
"""


def khal_days(ics: Path, work: Path, start: date, end: date) -> list[tuple[date, str, str]]:
    """Import `ics` into a new khal calendar and list it: (day, title, url) per event-day,
    as `khal list` shows them from `start` to `end`."""
    calendar = work / "kalender"
    calendar.mkdir(parents=True)
    config = work / "khal.conf"
    config.write_text(KHAL_CONFIG.format(path=calendar), encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(work), "XDG_DATA_HOME": str(work / "data")}
    khal = [str(BIN / "khal"), "-c", str(config)]
    subprocess.run([*khal, "import", "--batch", str(ics)], check=True, capture_output=True, env=env)
    days = (end - start).days + 1
    listed = subprocess.run(
        [
            *khal,
            "list",
            "--day-format",
            "DAY {date}",
            "--format",
            "{title}\t{url}",
            start.isoformat(),
            f"{days}d",
        ],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    result, day = [], None
    for line in listed.splitlines():
        if line.startswith("DAY "):
            day = date.fromisoformat(line[4:])
        elif line.strip():
            title, _, url = line.partition("\t")
            result.append((day, title, url))
    return result


def run(command: str, *args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """A command of the test environment (check-jsonschema, pdfua); never raises on its exit."""
    return subprocess.run(
        [str(BIN / command), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        timeout=300,
    )
