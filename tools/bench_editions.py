"""Benchmark: what more published editions cost (issue 20, point 7).

    python -m tools.bench_editions --editions 1 3 10 --json bench-results/editions.json

For each count N it makes a copy of the real content with N published editions (the live
editions, then one more a year: the editie's year, its title and one maatregel's samenvatting
changed, published with `handreiking editie publiceer`), and measures, each in its own process:

- build_cold   `handreiking build` without the PDF, from an empty build/ and site/: every
               edition's pages rendered and built (in a second MkDocs beside the site's own)
- build_warm   the same build again: the editions' pages come from build/edities/
- serve_edit   (with --serve) `handreiking serve`; one maatregel's titel changed; seconds until
               the served page shows it, the median of three edits

and prints each against N = 1 (the ratio the issue asks: at most 1.6x for three editions).
Wall time and CPU time (user + system, with children) are given; on a shared machine the CPU
time is the steadier figure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tools.chromium import free_port
from tools.project import copy_project, serve_command

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "HANDREIKING_PDF": "0", "NO_MKDOCS_2_WARNING": "1"}


def cli(project: Path, *args: str, datum: str | None = None) -> subprocess.CompletedProcess:
    env = {**ENV, **({"HANDREIKING_DATUM": datum} if datum else {})}
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args, "--root", str(project)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def with_editions(target: Path, count: int) -> Path:
    """A copy of the real content with `count` published editions (at least the live ones)."""
    project = copy_project(target, content=ROOT)
    editie = project / "content/editie.yaml"
    jaar = int(re.search(r"^  jaar: (\d+)", editie.read_text(encoding="utf-8"), re.M)[1])
    published = sorted(int(p.stem) for p in (project / "content/edities").glob("[0-9]*.yaml"))
    if jaar not in published:
        _publish(project, jaar)
        published.append(jaar)
    while len(published) < count:
        jaar += 1
        text = editie.read_text(encoding="utf-8")
        text = re.sub(r"^  jaar: \d+", f"  jaar: {jaar}", text, flags=re.M)
        text = re.sub(r"(titel: .*?)\d{4}$", rf"\g<1>{jaar}", text, count=1, flags=re.M)
        text = re.sub(r'^  peildatum: "?[^"\n]*"?', f'  peildatum: "{jaar}-02"', text, flags=re.M)
        editie.write_text(text, encoding="utf-8")
        maatregelen = project / "maatregelen.yaml"
        text = maatregelen.read_text(encoding="utf-8")
        text = re.sub(
            r"^(    titel: )(.*)$",  # a one-line field (a summary may be a >- block)
            rf"\g<1>\g<2> (bijgewerkt in {jaar})",
            text,
            count=1,
            flags=re.M,
        )
        maatregelen.write_text(text, encoding="utf-8")
        _publish(project, jaar)
        published.append(jaar)
    return project


def _publish(project: Path, jaar: int) -> None:
    result = cli(project, "editie", "publiceer", str(jaar), datum=f"{jaar}-03-01")
    if result.returncode != 0:
        raise SystemExit(f"publiceer {jaar} mislukt:\n{result.stdout}{result.stderr}")


def timed_build(project: Path) -> dict:
    before = os.times()
    started = time.perf_counter()
    result = cli(project, "build")
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    if result.returncode != 0:
        raise SystemExit(f"build mislukt:\n{result.stderr[-3000:]}")
    return {"wall": round(wall, 2), "cpu": round(cpu, 2)}


def serve_edit(project: Path, edits: int = 3) -> float:
    """Median seconds from saving a new titel to the served maatregel page showing it."""
    port = free_port()
    process = subprocess.Popen(
        serve_command(project, port),
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        maatregelen = project / "maatregelen.yaml"
        match = re.search(r"^  - id: (\S+)\n    titel: (.*)$", maatregelen.read_text("utf-8"), re.M)
        id_, titel = match[1], match[2]
        url = f"http://127.0.0.1:{port}/maatregelen/{id_}/"
        _until(lambda: titel.split()[0] in (_get(url) or ""), 300)
        seconds = []
        for n in range(edits):
            new = f"{titel} bewerkt {n}"
            text = maatregelen.read_text(encoding="utf-8").replace(
                f"    titel: {titel}\n", f"    titel: {new}\n", 1
            )
            started = time.perf_counter()
            maatregelen.write_text(text, encoding="utf-8")
            _until(lambda new=new: new in (_get(url) or ""), 300)
            seconds.append(time.perf_counter() - started)
            titel = new
        return round(statistics.median(seconds), 2)
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=60)


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _until(condition, limit: float) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("the preview did not show the edit in time")
        time.sleep(0.05)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--editions", type=int, nargs="+", default=[1, 3, 10])
    parser.add_argument("--serve", action="store_true", help="also time an edit in serve")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory() as temporary:
        for count in args.editions:
            project = with_editions(Path(temporary) / f"n{count}", count)
            cold = timed_build(project)
            warm = timed_build(project)
            row = {"build_cold": cold, "build_warm": warm}
            if args.serve:
                row["serve_edit"] = serve_edit(project)
            results[count] = row
            print(f"{count} edities: {row}", flush=True)
    base = results.get(min(results))
    print("\nedities | bouw koud (s, cpu) | bouw warm (s, cpu) | t.o.v. 1 editie (warm, koud)")
    for count, row in results.items():
        ratio = [
            row[k]["wall"] / base[k]["wall"] if base[k]["wall"] else 0
            for k in ("build_warm", "build_cold")
        ]
        edit = f" | serve-edit {row['serve_edit']} s" if "serve_edit" in row else ""
        print(
            f"{count:>7} | {row['build_cold']['wall']:>5} ({row['build_cold']['cpu']}) "
            f"| {row['build_warm']['wall']:>5} ({row['build_warm']['cpu']}) "
            f"| {ratio[0]:.2f}x, {ratio[1]:.2f}x{edit}"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
