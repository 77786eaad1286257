"""Benchmark: `handreiking check` on 20,000 bad lines against 20,000 good ones (issue 12), and
the growth of `check` and `build` with the size of each worst-case shape (issue 21).

    python -m tools.bad_input [--lines 20000] [--json FILE]
    python -m tools.bad_input --groei [--vormen a,b] [--basis 16000] [--zonder-pdf]

Each variant is a maatregelen.yaml of about --lines lines in a copy of the minimal fixture:
two good ones, then one mistake on every line (HTML, a javascript: link, a control character,
an alias), or in every record (an unknown field, a duplicate id, a tab in the indentation).
Linear means the bad files take about as long as the good ones; before issue 12, 20,000
lines of HTML took 107 s (every problem was located by scanning the file from its start).
A '[' left open on every line made Python-Markdown read to the end of the text for each one
(20,000 took 80 s in a page); past 32 open at once the text is refused before it is parsed.
One paragraph of 20,000 links is slow either way: Python-Markdown's inline processing grows
faster than linearly with the links in one paragraph (good https: links as much as bad ones).

It also times `handreiking diff` between two contents that differ in one word of one long
paragraph (4, 16 and 64 KB): the changelog compares texts in time linear in their size
(issue 20: SequenceMatcher took 114 s at 64 KB; the target is under 2 s).

`--groei` (issue 21) puts each shape a parser may be slow on into a copy of the minimal
fixture with the real site files, at 1x, 4x and 16x `--basis` bytes (16 kB: 16x is the
256 kB a text may have, docs/content-format.md, "Limits"), and times `check` and `build`
(with the PDF unless `--zonder-pdf`): linear means about 4x the time per step. A shape that
a library parses in quadratic time is refused with a located limit, so it is measured up to
the limit and then gets its error, fast. The table shows seconds per step and the ratio of
16x to 1x.

Part of `make bench`; not a test (timings are not asserted; tests/test_growth.py holds the
ratios).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
RECORD_LINES = 8


def record(number: int, extra: str = "") -> str:
    return (
        f"  - id: m{number}\n    titel: Maatregel {number}\n    opgave: huisvesting\n"
        f'    sectie: "4.2.1"\n    samenvatting: Tekst {number}.\n'
        f"    beschrijving: Tekst {number}.\n    status: beschikbaar\n"
        f"    eindverantwoordelijken: [bzk]\n{extra}"
    )


def variants(lines: int) -> dict[str, str]:
    """Name -> the text of maatregelen.yaml, each about `lines` lines long."""

    def block(line) -> str:
        body = "".join("      " + line(i) + "\n" for i in range(lines))
        return "maatregelen:\n" + record(0).replace(
            "    beschrijving: Tekst 0.\n", "    beschrijving: |\n" + body
        )

    records = lines // RECORD_LINES
    return {
        "goed: een tekst van zoveel regels": block(lambda i: f"Regel {i} met gewone tekst."),
        "goed: zoveel regels aan maatregelen": "maatregelen:\n"
        + "".join(record(i) for i in range(records)),
        "goed: https:-link op elke regel": block(lambda i: f"[klik {i}](https://www.vng.nl/{i})"),
        "HTML op elke regel": block(lambda i: f"Regel <b{i}> met html."),
        "javascript:-link op elke regel": block(lambda i: f"[klik {i}](javascript:alert({i}))"),
        "stuurteken op elke regel": block(lambda i: f"Regel {i} \x07 met een bel."),
        "'[' zonder ']' op elke regel": block(lambda i: f"Regel {i} [ met een open haak."),
        "verwijzing (alias) op elke regel": "a: &a x\nmaatregelen:\n"
        + "".join("  - *a\n" for _ in range(lines)),
        "onbekend veld in elke maatregel": "maatregelen:\n"
        + "".join(record(i, f"    onbekend{i % 7}: x\n") for i in range(records)),
        "dubbele id in elke maatregel": "maatregelen:\n"
        + "".join(record(0) for _ in range(records)),
        "tab in de inspringing van elke maatregel": "maatregelen:\n"
        + "".join(record(i).replace("    titel", "\ttitel") for i in range(records)),
    }


def measure(text: str) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="handreiking-bad-input-"))
    try:
        project = folder / "project"
        shutil.copytree(FIXTURE, project)
        (project / "maatregelen.yaml").write_text(text, encoding="utf-8")
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "generator.cli", "check", "--root", str(project)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
            timeout=1800,
        )
        seconds = time.perf_counter() - started
        return {
            "lines": text.count("\n"),
            "errors": result.stderr.count(": fout: "),
            "seconds": round(seconds, 2),
            "exit": result.returncode,
            "traceback": "Traceback" in result.stderr,
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


DIFF_SIZES_KB = (4, 16, 64)
DIFF_WORDS = (
    *("gemeenten", "huisvesten", "vergunninghouders", "vaak", "in", "sociale", "huurwoningen"),
    *("waar", "veel", "mensen", "een", "woning", "zoeken", "daarom", "zet", "het", "rijk"),
    *("samen", "met", "de", "provincies", "in", "op", "tussenvoorzieningen"),
)


def paragraph(size: int) -> str:
    """One paragraph of about `size` bytes of plain words (no names, numbers or dates)."""
    words, length, index = [], 0, 0
    while length < size:
        word = DIFF_WORDS[index * 7 % len(DIFF_WORDS)]
        words.append(word)
        length, index = length + len(word) + 1, index + 1
    return " ".join(words)


def measure_diff(size: int) -> dict:
    """Seconds of `handreiking diff` between two copies of the minimal fixture whose first
    maatregel's beschrijving is one paragraph of `size` bytes, one word apart."""
    folder = Path(tempfile.mkdtemp(prefix="handreiking-diff-"))
    try:
        text = paragraph(size)
        for name, body in (("oud", text), ("nieuw", text.replace(" woning ", " huis ", 1))):
            shutil.copytree(FIXTURE, folder / name)
            path = folder / name / "maatregelen.yaml"
            yaml = path.read_text(encoding="utf-8")
            first = re.search(r"    beschrijving: \|\n(?:      .*\n|\n)+", yaml)
            block = f"    beschrijving: |\n      {body}\n"
            path.write_text(yaml[: first.start()] + block + yaml[first.end() :], encoding="utf-8")
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "generator.cli", "diff", "--root", str(folder / "oud")]
            + [str(folder / "oud"), str(folder / "nieuw")],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
            timeout=1800,
        )
        seconds = time.perf_counter() - started
        done = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = done.ru_utime - used.ru_utime + done.ru_stime - used.ru_stime
        return {
            "kb": size // 1024,
            "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu, 2),  # what a busy machine does not inflate
            "exit": result.returncode,
            "lines": result.stdout.count("\n- "),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- growth (issue 21) ----------------------------------------------------------------------

BASIS = 16_000  # bytes at 1x; 16x is the 256 kB a text may have
STEPS = (1, 4, 16)


def repeat(unit: str, size: int) -> str:
    """`unit` (with '{i}' for a counter) repeated up to `size` characters."""
    parts, length, index = [], 0, 0
    while length < size:
        part = unit.format(i=index)
        parts.append(part)
        length += len(part)
        index += 1
    return "".join(parts)


def blocks(line: str, size: int, lines: int = 100) -> str:
    """`line` repeated up to `size`, a blank line after every `lines` of them (a shape that is
    refused in one long block still fits in blocks within the limit)."""
    return repeat("".join(line.replace("{i}", "{i}" + f"_{n}") for n in range(lines)) + "\n", size)


# Each shape: a text for one Markdown field of a maatregel (the beschrijving), at a size. A
# shape written "één blok" or past a limit is refused at the limit (an 'f' in the table);
# its "in blokken" form stays within the limits and shows the parser's own growth.
SHAPES: dict[str, Callable[[int], str]] = {
    "gewone alinea's": lambda size: repeat(
        "Regel {i} met gewone tekst over huisvesting.\n\n", size
    ),
    "korte alinea's (a)": lambda size: repeat("a\n\n", size),
    "alinea's van 25 tekens": lambda size: repeat("alinea nummer {i:011d}\n\n", size),
    "afkortingen (*[X]: ...), één blok": lambda size: repeat("*[A{i}]: Afkorting {i}\n", size),
    "afkortingen, in blokken van 100": lambda size: blocks("*[A{i}]: Afkorting {i}\n", size),
    "100 afkortingen en hun gebruik": lambda size: (
        "".join(f"*[A{i}]: Afkorting {i}\n" for i in range(100))
        + "\n"
        + repeat("A{i} en A7 ", size - 2_000)
    ),
    "nesting *_ ... _*": lambda size: "*_" * (size // 4) + "x" + "_*" * (size // 4),
    "nesting *_ zonder sluiten": lambda size: "*_" * (size // 2),
    "definitielijst (term / : uitleg), in blokken": lambda size: blocks(
        "begrip nummer {i}\n: de uitleg van begrip {i}\n", size, 50
    ),
    "links in één alinea": lambda size: repeat("[klik {i}](https://www.vng.nl/{i}) ", size),
    "verwijzingen [r][] en hun definities": lambda size: (
        repeat("[r{i}][] ", size // 2)
        + "\n\n"
        + blocks("[r{i}]: https://www.vng.nl/{i}\n", size // 2)
    ),
    "koppen (# a), één blok": lambda size: repeat("# kop {i}\n", size),
    "koppen, in blokken van 100": lambda size: blocks("# de kop met nummer {i}\n", size),
    "lijnen (***), één blok": lambda size: repeat("***\n", size),
    "lijnen, in blokken van 100": lambda size: blocks("*************\n", size),
    "setext-koppen (a / ===), één blok": lambda size: repeat("kop {i}\n===\n", size),
    "setext-koppen, in blokken van 50": lambda size: blocks(
        "een kop met het nummer {i}\n=====\n", size, 50
    ),
    "citaten (> a), in blokken van 100": lambda size: blocks(
        "> een regel {i} uit een citaat\n", size
    ),
    "lijst van één woord per punt, één blok": lambda size: repeat("- punt {i}\n", size),
    "lijst, in blokken van 100": lambda size: blocks("- punt {i}\n", size),
    "tabel, in blokken van 100 rijen": lambda size: repeat(
        "| a | b |\n| - | - |\n" + "| x{i} | y en z |\n" * 100 + "\n", size
    ),
}
# And one for the begrippen: every term with two capitals is an abbreviation on every page.
GLOSSARY = "begrippen (afkortingen op elke pagina)"


def shaped_project(folder: Path, shape: str, size: int) -> Path:
    """A buildable project (the real site files, the minimal fixture) with `shape` at `size`."""
    sys.path.insert(0, str(ROOT))
    from tools.project import copy_project

    project = copy_project(folder / "project", content=FIXTURE)
    if shape == GLOSSARY:
        path = project / "content" / "begrippen.yaml"
        terms = repeat("  - term: AB{i}X\n    betekenis: Afkorting {i}\n", size)
        path.write_text(path.read_text(encoding="utf-8") + terms, encoding="utf-8")
        return project
    text = SHAPES[shape](size)
    body = "".join("      " + line + "\n" if line else "\n" for line in text.split("\n"))
    path = project / "maatregelen.yaml"
    original = path.read_text(encoding="utf-8")
    start = original.index("    beschrijving: |\n")
    end = original.index("    status:", start)
    path.write_text(
        original[:start] + "    beschrijving: |\n" + body + original[end:], encoding="utf-8"
    )
    return project


def timed(command: list[str], pdf: bool, limit: float) -> dict:
    """The command's wall-clock seconds and its CPU seconds (user + system, MkDocs and
    Pagefind included): on a shared machine the CPU time is what stays comparable."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDREIKING_PDF": "1" if pdf else "0"}
    env.pop("GITHUB_ACTIONS", None)
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "generator.cli", *command],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            check=False,
            timeout=limit,
        )
    except subprocess.TimeoutExpired:
        return {"seconds": None, "cpu": None, "exit": None, "errors": 0, "traceback": False}
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "cpu": round(cpu, 2),
        "seconds": round(time.perf_counter() - started, 2),
        "exit": result.returncode,
        "errors": result.stderr.count(": fout: "),
        "traceback": "Traceback" in result.stderr,
    }


def growth(shape: str, basis: int, pdf: bool, limit: float) -> list[dict]:
    """check and build of `shape` at every step of `basis`."""
    figures = []
    for step in STEPS:
        folder = Path(tempfile.mkdtemp(prefix="handreiking-groei-"))
        try:
            project = shaped_project(folder, shape, basis * step)
            check = timed(
                ["check", "--root", str(project), "--peildatum", "2021-01-15"], pdf, limit
            )
            build = (
                timed(["build", "--root", str(project), "--datum", "2021-06-15"], pdf, limit)
                if check["exit"] == 0
                else None
            )
            figures.append({"step": step, "bytes": basis * step, "check": check, "build": build})
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return figures


def _seconds(figures: dict | None) -> str:
    if figures is None:
        return "       -"
    if figures["cpu"] is None:
        return "  > grens"
    mark = "!" if figures["traceback"] else ("f" if figures["exit"] else " ")
    return f"{figures['cpu']:7.2f}{mark}"


def growth_table(shapes: list[str], basis: int, pdf: bool, limit: float) -> dict:
    print(
        f"{'vorm':42s} "
        + " ".join(f"{'check ' + str(s) + 'x':>9s}" for s in STEPS)
        + "   "
        + " ".join(f"{'build ' + str(s) + 'x':>9s}" for s in STEPS)
        + "  check 16x/1x"
    )
    results = {}
    for shape in shapes:
        figures = results[shape] = growth(shape, basis, pdf, limit)
        checks = [f["check"] for f in figures]
        first, last = checks[0]["cpu"], checks[-1]["cpu"]
        ratio = f"{last / first:8.1f}" if first and last else "       -"
        print(
            f"{shape[:42]:42s} "
            + " ".join(f"{_seconds(c):>9s}" for c in checks)
            + "   "
            + " ".join(f"{_seconds(f['build']):>9s}" for f in figures)
            + f"  {ratio}",
            flush=True,
        )
    print(
        "(CPU-seconden; f: check of build weigerde de tekst met een gelokaliseerde fout; "
        "!: een traceback; -: niet gebouwd)"
    )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--alleen-diff", action="store_true", help="only time `diff`")
    parser.add_argument("--groei", action="store_true", help="growth per shape (issue 21)")
    parser.add_argument("--vormen", default=None, help="only these shapes (comma-separated)")
    parser.add_argument("--basis", type=int, default=BASIS, help="bytes at 1x")
    parser.add_argument("--zonder-pdf", action="store_true", help="build without the PDF")
    parser.add_argument("--grens", type=float, default=600, help="seconds before giving up")
    args = parser.parse_args(argv)
    if args.groei:
        names = [*SHAPES, GLOSSARY]
        if args.vormen:
            wanted = [w.strip() for w in args.vormen.split(",")]
            names = [n for n in names if any(n.startswith(w) for w in wanted)]
        results = growth_table(names, args.basis, not args.zonder_pdf, args.grens)
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        return 0
    results: dict = {}
    if not args.alleen_diff:
        print(f"{'variant':45s} {'lines':>7s} {'errors':>7s} {'seconds':>8s}")
    for name, text in {} if args.alleen_diff else variants(args.lines).items():
        results[name] = figures = measure(text)
        flag = " TRACEBACK" if figures["traceback"] else ""
        print(
            f"{name:45s} {figures['lines']:7d} {figures['errors']:7d} "
            f"{figures['seconds']:8.2f}{flag}",
            flush=True,
        )
    print("\nhandreiking diff, één woord anders in één alinea van:")
    results["diff"] = []
    for kb in DIFF_SIZES_KB:
        figures = measure_diff(kb * 1024)
        results["diff"].append(figures)
        flag = "" if figures["exit"] == 0 and figures["lines"] == 0 else " ONVERWACHT"
        print(
            f"{kb:>5d} KB {figures['seconds']:8.2f} s ({figures['cpu_seconds']:.2f} s CPU){flag}",
            flush=True,
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
