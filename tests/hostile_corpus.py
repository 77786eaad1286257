"""The hostile-content corpus (tests/hostile/): how a case is read and put into a project.

A case is one file. Its first comment lines (in a Markdown page: inside the front matter) say

    # doel: maatregelen.yaml         the file of the project it replaces (or adds)
    # aanval: ...                    what an attacker tries, in a few words
    # maak: fifo | map | symlink P | groot | binair | diep N | lijst N | tekst N | herhaal N
                                     optional: what to make instead of writing the case's
                                     text (for `diep N`, '@@DIEP@@' becomes N nested YAML
                                     lists; for `lijst N`, '@@LIJST@@' N nested Markdown
                                     list items, each line indented like the marker; for
                                     `tekst N`, '@@TEKST@@' N words on one line; for
                                     `herhaal N`, every '@@HERHAAL:unit@@' the unit N times,
                                     '\\n' in it a new line indented like the marker's line
                                     and '{n}' the number of the repetition)
    # verwacht: bouwt                the site builds and passes the audit, or
    # verwacht: 13:19: message       every error check reports, in order, as line:col in the
                                     doel (or path:line:col for another file)
    # verwacht-aantal: 72            optional: this many errors, the listed ones first
    # pdf: ja                        optional, for a case that builds: with the PDF too (the
                                     others skip it, seconds each; what content does to the
                                     PDF a few cases show)
    # logboek: gepubliceerd          optional, for an edition file (content/edities/<jaar>.yaml):
                                     the ledger records it as published, as `publiceer` of
                                     an earlier version would have (without it, check refuses
                                     the file as never published)

The project is the minimal fixture (tests/fixtures/minimal) with the real theme and the real
mkdocs.yml, its nav reduced to the fixture's pages: a site that builds like the real one.

A case for the settings (`# doel: mkdocs.yml`, issue 21) holds only the top-level keys it
changes, each with its whole block (`extra:` with everything under it). They replace the
project's, and come first in the new mkdocs.yml, with the case's own comment lines: a
'verwacht: line:col' counts in the case file, whatever the real mkdocs.yml looks like.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from tools.project import fit_nav

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "hostile"
FIXTURE = ROOT / "tests" / "fixtures" / "minimal"


@dataclass
class Case:
    path: Path
    doel: str
    aanval: str
    expected: list[str] = field(default_factory=list)  # full 'file:line:col: fout: ...' lines
    count: int | None = None
    maak: str | None = None
    pdf: bool = False
    logboek: bool = False

    @property
    def builds(self) -> bool:
        return self.expected == ["bouwt"]

    @property
    def name(self) -> str:
        return self.path.name


def cases() -> list[Case]:
    return [read_case(p) for p in sorted(CORPUS.iterdir()) if p.suffix in (".yaml", ".md")]


def read_case(path: Path) -> Case:
    text = path.read_bytes().decode("utf-8", errors="replace")
    doel = re.search(r"^# doel: (.+?)\s*$", text, re.M).group(1)
    aanval = re.search(r"^# aanval: (.+?)\s*$", text, re.M).group(1)
    maak = re.search(r"^# maak: (.+?)\s*$", text, re.M)
    count = re.search(r"^# verwacht-aantal: (\d+)\s*$", text, re.M)
    expected = []
    for line in re.findall(r"^# verwacht: (.*?)\s*$", text, re.M):
        if line == "TODO":
            continue
        if line == "bouwt":
            expected.append(line)
        elif re.match(r"^\d+:\d+: ", line):
            at, _, message = line.partition(": ")
            expected.append(f"{doel}:{at}: fout: {message}")
        else:  # another file: path:line:col: message
            where = re.match(r"^(.+?:\d+:\d+): (.*)$", line)
            expected.append(f"{where.group(1)}: fout: {where.group(2)}")
    return Case(
        path,
        doel,
        aanval,
        expected,
        int(count.group(1)) if count else None,
        maak.group(1) if maak else None,
        re.search(r"^# pdf: ja\s*$", text, re.M) is not None,
        re.search(r"^# logboek: gepubliceerd\s*$", text, re.M) is not None,
    )


def corpus_project(target: Path) -> Path:
    """The fixture as a buildable project: its content, the theme, a reduced mkdocs.yml."""
    shutil.copytree(FIXTURE, target)
    shutil.copytree(ROOT / "theme", target / "theme")
    fixture = (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8")
    lines = []
    for line in fixture_nav(ROOT / "mkdocs.yml").splitlines():
        key = line.split(":", 1)[0]
        if key in ("site_url", "repo_url"):
            line = re.search(rf"^{key}:.*$", fixture, re.M).group(0)
        lines.append(line)
    (target / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def fixture_nav(config: Path) -> str:
    """mkdocs.yml with its menu fitted to the fixture's prose pages (tools/project.py)."""
    pages = {p.stem for p in (FIXTURE / "content" / "paginas").glob("*.md")}
    return fit_nav(config.read_text(encoding="utf-8"), pages)


def apply(case: Case, project: Path) -> Path:
    """Put the case into the project; returns the file (or thing) it made."""
    target = project / case.doel
    target.parent.mkdir(parents=True, exist_ok=True)
    base = corpus_settings(project)
    if target.exists() or target.is_symlink():
        shutil.rmtree(target) if target.is_dir() and not target.is_symlink() else target.unlink()
    kind, _, argument = (case.maak or "").partition(" ")
    if case.doel == "mkdocs.yml" and not kind:
        target.write_text(settings(case.path.read_text(encoding="utf-8"), base), encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "map":
        target.mkdir()
    elif kind == "symlink":
        target.symlink_to(argument)
    elif kind == "groot":
        with target.open("wb") as stream:  # sparse: no disk space, but st_size says 65 MB
            stream.truncate(65 * 1024 * 1024)
    elif kind == "binair":
        target.write_bytes(bytes(range(256)) * 64)
    elif kind == "diep":
        depth = int(argument)
        text = case.path.read_text(encoding="utf-8")
        target.write_text(text.replace("@@DIEP@@", "[" * depth + "]" * depth), encoding="utf-8")
    elif kind == "lijst":
        text = case.path.read_text(encoding="utf-8")
        margin = text[: text.index("@@LIJST@@")].rsplit("\n", 1)[-1]
        items = "\n".join(margin + "    " * i + "- punt" for i in range(int(argument)))
        target.write_text(text.replace(margin + "@@LIJST@@", items), encoding="utf-8")
    elif kind == "herhaal":
        text = case.path.read_text(encoding="utf-8")
        target.write_text(REPEAT.sub(lambda m: repeated(m, text, int(argument)), text), "utf-8")
    elif kind == "tekst":
        text = case.path.read_text(encoding="utf-8")
        words = " ".join(["Tekst"] * int(argument))
        target.write_text(text.replace("@@TEKST@@", words), encoding="utf-8")
    else:
        shutil.copyfile(case.path, target)
    if case.logboek:
        record_publication(project, target)
    return target


def record_publication(project: Path, edition: Path) -> None:
    """The ledger (content/edities/logboek.yaml) with `edition` published, as it is now."""
    from generator.history.ledger import GEPUBLICEERD, LEDGER, Entry, ledger_text, sha256

    entry = Entry(int(edition.stem), GEPUBLICEERD, "2021-03-01", sha256(edition.read_bytes()))
    (project / LEDGER).write_text(ledger_text([entry]), encoding="utf-8")


def corpus_settings(project: Path) -> str:
    """The corpus project's own mkdocs.yml (the one `corpus_project` wrote)."""
    config = project / "mkdocs.yml"
    return config.read_text(encoding="utf-8") if config.is_file() else ""


def settings(case: str, base: str) -> str:
    """mkdocs.yml for a settings case: its top-level keys, then `base` without them."""
    keys = set(re.findall(r"^([A-Za-z_][\w-]*):", case, re.M))
    kept, skipping = [], False
    for line in base.splitlines():
        top = re.match(r"^([A-Za-z_][\w-]*):", line)
        if top:
            skipping = top.group(1) in keys
        elif line and not line.startswith((" ", "#")):
            skipping = False
        if not skipping:
            kept.append(line)
    return case.rstrip("\n") + "\n" + "\n".join(kept) + "\n"


REPEAT = re.compile(r"@@HERHAAL:(.*?)@@")


def repeated(match: re.Match, text: str, times: int) -> str:
    """A '@@HERHAAL:unit@@' marker's unit `times` times (see the module's docstring)."""
    margin = re.match(r" *", text[text.rfind("\n", 0, match.start()) + 1 :]).group(0)
    unit = match.group(1).replace("\\n", "\n" + margin)
    return "".join(unit.replace("{n}", str(number)) for number in range(times))
