"""Benchmark: `handreiking check` on 20,000 bad lines against 20,000 good ones (issue 12).

    python -m tools.bad_input [--lines 20000] [--json FILE]

Each variant is a maatregelen.yaml of about --lines lines in a copy of the minimal fixture:
two good ones, then one mistake on every line (HTML, a javascript: link, a control character,
an alias), or in every record (an unknown field, a duplicate id, a tab in the indentation).
Linear means the bad files take about as long as the good ones; before issue 12, 20,000
lines of HTML took 107 s (every problem was located by scanning the file from its start).
A '[' left open on every line made Python-Markdown read to the end of the text for each one
(20,000 took 80 s in a page); past 32 open at once the text is refused before it is parsed.
One paragraph of 20,000 links is slow either way: Python-Markdown's inline processing grows
faster than linearly with the links in one paragraph (good https: links as much as bad ones).
Part of `make bench`; not a test (timings are not asserted).

It also times `handreiking diff` between two contents that differ in one word of one long
paragraph (4, 16 and 64 KB): the changelog compares texts in time linear in their size
(issue 20: SequenceMatcher took 114 s at 64 KB; the target is under 2 s).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--alleen-diff", action="store_true", help="only time `diff`")
    args = parser.parse_args(argv)
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
