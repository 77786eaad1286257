"""Benchmark: the editor loop, the build and the reader's page, at several content sizes.

    python -m tools.bench --sizes 1 10 100 1000 --json bench-results/bench.json

For the real content and for synthetic content at each size (about 20 x size maatregelen, see
tools/synthetic.py) it measures, each stage in its own subprocess so that wall time and peak
memory are the stage's own:

- check       `handreiking check` (best of three runs)
- render      load, check and render the Markdown and write it to docs_dir (the generator);
              render_nopdf: the same with HANDREIKING_PDF=0, so the PDF's cost shows apart
- mkdocs      a bare `mkdocs build --strict` of that same generated Markdown
- build       the whole `handreiking build` from an empty docs_dir and site (build_nopdf: the
              same with HANDREIKING_PDF=0)
- serve_edit  `handreiking serve`; change one maatregel's titel; seconds until the served page
              shows it (median of three edits; serve_start: seconds to the first page)

and then from the built site: HTML bytes per page, the search index (raw and gzip), and in
Chromium the bytes transferred (gzip, from a small gzip-capable server) on a first visit of
the home page and of a maatregel page, with whether the search index was fetched before the
search was used. Memory is the peak resident memory of the whole process tree, sampled every
20 ms from /proc (not ru_maxrss: after fork+exec it still counts the parent's pages). CPU
seconds (user + system, with waited-for children) are given too: on a shared machine they
are the steadier figure. Growth
from size to size is printed as a ratio per 10x and an exponent k (time ~ size^k); k <= 1.15
counts as linear.

A stage that runs longer than --timeout seconds is stopped and recorded as not finished.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import math
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date, datetime
from pathlib import Path

from tools.chromium import CHROMIUM, CHROMIUM_ARGS, free_port
from tools.project import serve_command

ROOT = Path(__file__).resolve().parent.parent
BUILD_DATE = "2021-06-15"  # the date the tests build for; mid-2021 has past and due mijlpalen
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
LINEAR_MAX_EXPONENT = 1.15  # time ~ size^k; above this a figure grows worse than linearly
STAGES = (
    "check",
    "render",
    "render_nopdf",
    "mkdocs",
    "build",
    "build_nopdf",
    "serve_start",
    "serve_edit",
)
CHECK_RUNS = 3
SKIP_PDF = False  # --no-pdf: only the stages with HANDREIKING_PDF=0
SKIPPED_PDF = {"ok": False, "seconds": None, "error": "overgeslagen (--no-pdf)"}
SERVE_EDITS = 3  # the edit is timed this often in one serve session; the median is reported
COMPRESSIBLE = (
    ".html",
    ".css",
    ".js",
    ".json",
    ".svg",
    ".xml",
    ".txt",
    ".map",
    ".csv",
    ".ics",
    ".webmanifest",
)


# --- measuring a process tree ------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError), open(f"/proc/{pid}/task/{task}/children") as f:
                found.extend(int(child) for child in f.read().split())
    return found


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants, now."""
    total, todo, seen = 0, [pid], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        with (
            contextlib.suppress(OSError, ValueError, IndexError),
            open(f"/proc/{current}/statm") as f,
        ):
            total += int(f.read().split()[1]) * PAGE_SIZE
        todo.extend(_children(current))
    return total


class Tree:
    """A subprocess in its own process group, with its tree's peak memory sampled."""

    def __init__(self, command: list[str], cwd: Path, env: dict, log: Path):
        self.log = log
        self._out = open(log, "wb")  # noqa: SIM115 - closed in finish()
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdout=self._out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.peak = 0
        self.cpu: float | None = None
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.proc.pid))
            self._stop.wait(0.02)

    def poll(self) -> int | None:
        """The exit code once the process has ended, else None."""
        if self.proc.returncode is not None:
            return self.proc.returncode
        pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
        if pid == 0:
            return None
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        # CPU seconds of the process and the descendants it waited for (mkdocs under build):
        # unlike wall time, hardly affected by others using the machine at the same time.
        self.cpu = usage.ru_utime + usage.ru_stime
        return self.proc.returncode

    def stop(self) -> None:
        """End the process group this Tree started (only that one)."""
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            deadline = time.monotonic() + 10
            while self.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            if self.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                while self.poll() is None:
                    time.sleep(0.05)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)  # stragglers left by the leader

    def finish(self) -> dict:
        self._stop.set()
        self._sampler.join()
        self._out.close()
        return {"peak_mb": round(self.peak / 2**20, 1)}

    def tail(self, lines: int = 15) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(text[-lines:])


def run_stage(command: list[str], cwd: Path, env: dict, log: Path, timeout: float) -> dict:
    """Run one stage to its end; wall seconds, peak MB, ok, and why not when it failed."""
    tree = Tree(command, cwd, env, log)
    try:
        while (code := tree.poll()) is None:
            if time.perf_counter() - tree.started > timeout:
                tree.stop()
                return {
                    **tree.finish(),
                    "ok": False,
                    "seconds": None,
                    "error": f"niet klaar: gestopt na {timeout:.0f} s (timeout)",
                }
            time.sleep(0.02)
    except BaseException:  # the bench itself is stopped (Ctrl-C, SIGTERM): end this stage too
        tree.stop()
        tree.finish()
        raise
    seconds = time.perf_counter() - tree.started
    result = {**tree.finish(), "seconds": round(seconds, 3), "ok": code == 0}
    if tree.cpu is not None:
        result["cpu_s"] = round(tree.cpu, 3)
    if code != 0:
        result["error"] = f"exit {code}: {tree.tail()}"
    return result


# --- the stages ----------------------------------------------------------------------------


def _env(**extra) -> dict:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "HANDREIKING_DATUM": BUILD_DATE,
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.update(extra)
    return env


def _site_config(project: Path) -> tuple[Path, Path]:
    from generator.base.settings import SiteConfig

    config = SiteConfig.read(project)
    return config.docs_dir, config.site_dir


def render_stage(project: Path, today: date) -> dict:
    """What the render stage runs in its subprocess: the generator's whole own work."""
    from generator.site.build import generate, write_pages

    started = time.perf_counter()
    _, pages = generate(project, today)
    generated = time.perf_counter()
    docs_dir, _ = _site_config(project)
    write_pages(pages, docs_dir)
    return {
        "generate_s": round(generated - started, 3),
        "write_s": round(time.perf_counter() - generated, 3),
        "files": len(pages),
    }


def _add_steps(stage: dict, timings: Path) -> None:
    """The seconds of each step inside the build (`handreiking build --tijden`), if it ran."""
    if stage.get("ok") and timings.exists():
        stage["steps"] = json.loads(timings.read_text(encoding="utf-8"))


def measure_stages(project: Path, logs: Path, timeout: float, serve: bool) -> dict:
    python = sys.executable
    docs_dir, site_dir = _site_config(project)
    stages: dict[str, dict] = {}
    runs = [
        run_stage(
            [
                python,
                "-m",
                "generator.cli",
                "check",
                "--root",
                str(project),
                "--peildatum",
                BUILD_DATE,
            ],
            project,
            _env(),
            logs / "check.log",
            timeout,
        )
        for _ in range(CHECK_RUNS)
    ]  # short and noisy on a shared machine: best of three
    stages["check"] = min(runs, key=lambda r: (not r["ok"], r["seconds"] or math.inf))
    stages["check"]["runs_s"] = [r["seconds"] for r in runs]
    # The PDF (WeasyPrint, issue 5) is part of the generator's work; measured apart as well.
    shutil.rmtree(docs_dir, ignore_errors=True)
    stages["render"] = (
        SKIPPED_PDF
        if SKIP_PDF
        else run_stage(
            [python, "-m", "tools.bench", "--render-stage", str(project)],
            ROOT,
            _env(),
            logs / "render.log",
            timeout,
        )
    )
    shutil.rmtree(docs_dir, ignore_errors=True)
    stages["render_nopdf"] = run_stage(
        [python, "-m", "tools.bench", "--render-stage", str(project)],
        ROOT,
        _env(HANDREIKING_PDF="0"),
        logs / "render_nopdf.log",
        timeout,
    )
    bare_site = project / ".bench-bare-site"
    if stages["render_nopdf"]["ok"]:  # docs_dir holds its Markdown (the PDF is a plain file)
        stages["mkdocs"] = run_stage(
            [
                python,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "--config-file",
                str(project / "mkdocs.yml"),
                "--site-dir",
                str(bare_site),
            ],
            project,
            _env(HANDREIKING_PREGENERATED="1"),
            logs / "mkdocs.log",
            timeout,
        )
    else:
        stages["mkdocs"] = {"ok": False, "seconds": None, "error": "render mislukt"}
    shutil.rmtree(bare_site, ignore_errors=True)
    shutil.rmtree(docs_dir, ignore_errors=True)
    shutil.rmtree(site_dir, ignore_errors=True)
    command = [
        python,
        "-m",
        "generator.cli",
        "build",
        "--root",
        str(project),
        "--datum",
        BUILD_DATE,
    ]
    stages["build_nopdf"] = run_stage(
        [*command, "--tijden", str(logs / "build_nopdf.json")],
        project,
        _env(HANDREIKING_PDF="0"),
        logs / "build_nopdf.log",
        timeout,
    )
    _add_steps(stages["build_nopdf"], logs / "build_nopdf.json")
    if not SKIP_PDF:  # the build without PDF's site stays for the figures when skipping
        shutil.rmtree(docs_dir, ignore_errors=True)
        shutil.rmtree(site_dir, ignore_errors=True)
    stages["build"] = (
        SKIPPED_PDF
        if SKIP_PDF
        else run_stage(
            [*command, "--tijden", str(logs / "build.json")],
            project,
            _env(),
            logs / "build.log",
            timeout,
        )
    )
    _add_steps(stages["build"], logs / "build.json")
    if not SKIP_PDF and not stages["build"]["ok"] and stages["build_nopdf"]["ok"]:  # for figures
        run_stage(command, project, _env(HANDREIKING_PDF="0"), logs / "rebuild.log", timeout)
    if serve:
        stages.update(measure_serve(project, logs, timeout))
    return stages


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (OSError, ValueError):
        return None


def first_maatregel(project: Path) -> tuple[str, str]:
    import yaml

    data = yaml.load(
        (project / "maatregelen.yaml").read_text(encoding="utf-8"),
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
    )
    first = data["maatregelen"][0]
    return first["id"], first["titel"]


def edit_titel(path: Path, id_: str, titel: str) -> None:
    """Change the titel of maatregel `id_` in maatregelen.yaml, touching only that line."""
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"(-\s+id:\s*['\"]?{re.escape(id_)}['\"]?\s*\n\s+titel:)[^\n]*")
    new, count = pattern.subn(lambda m: f"{m.group(1)} {titel}", text, count=1)
    if count != 1:
        raise ValueError(f"titel of '{id_}' not found right after its id in {path}")
    path.write_text(new, encoding="utf-8")


def measure_serve(project: Path, logs: Path, timeout: float) -> dict:
    """Start `handreiking serve`, wait for a maatregel page, edit its titel, wait for it."""
    id_, _ = first_maatregel(project)
    port = free_port()
    url = f"http://127.0.0.1:{port}/maatregelen/{id_}/"
    tree = Tree(
        serve_command(project, port),
        project,
        _env(),
        logs / "serve.log",
    )
    result: dict[str, dict] = {}
    try:
        deadline = tree.started + timeout
        while _fetch(url) is None:
            if tree.poll() is not None:
                raise RuntimeError(f"serve stopped: {tree.tail()}")
            if time.perf_counter() > deadline:
                raise TimeoutError(f"niet klaar: geen pagina na {timeout:.0f} s (timeout)")
            time.sleep(0.1)
        result["serve_start"] = {
            "ok": True,
            "seconds": round(time.perf_counter() - tree.started, 3),
        }
        edits = []
        for number in range(1, SERVE_EDITS + 1):
            time.sleep(1.5)  # let the watcher settle after the previous build
            marker = f"Benchmarkwijziging {number}"
            edit_titel(project / "maatregelen.yaml", id_, marker)
            edited = time.perf_counter()
            while marker not in (_fetch(url) or ""):
                if tree.poll() is not None:
                    raise RuntimeError(f"serve stopped: {tree.tail()}")
                if time.perf_counter() - edited > timeout:
                    raise TimeoutError(f"niet klaar: wijziging na {timeout:.0f} s niet zichtbaar")
                time.sleep(0.05)
            edits.append(round(time.perf_counter() - edited, 3))
        result["serve_edit"] = {
            "ok": True,
            "seconds": sorted(edits)[len(edits) // 2],
            "runs_s": edits,
        }
    except (RuntimeError, TimeoutError, ValueError) as error:
        for stage in ("serve_start", "serve_edit"):
            result.setdefault(stage, {"ok": False, "seconds": None, "error": str(error)})
    finally:
        tree.stop()
        memory = tree.finish()
    for stage in result.values():
        stage.update(memory)
    return result


# --- the output and the reader -------------------------------------------------------------


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def output_figures(site: Path, maatregel_id: str | None) -> dict:
    """Bytes per HTML page and of the search index (Material's lunr or Pagefind)."""
    pages = sorted(site.rglob("*.html"))
    sizes = sorted(p.stat().st_size for p in pages)
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    figures: dict = {
        "html_pages": len(pages),
        "html_kb_mean": round(sum(sizes) / len(sizes) / 1024, 1) if sizes else None,
        "html_kb_max": round(sizes[-1] / 1024, 1) if sizes else None,
        "site_mb": round(total / 2**20, 2),
    }
    for name, path in (
        ("home", site / "index.html"),
        ("maatregel", site / "maatregelen" / str(maatregel_id) / "index.html"),
        ("organisaties", site / "organisaties" / "index.html"),
    ):
        if path.is_file():
            figures[f"{name}_html_kb"] = round(path.stat().st_size / 1024, 1)
    lunr = site / "search" / "search_index.json"
    if lunr.is_file():
        data = lunr.read_bytes()
        figures.update(
            search_engine="lunr (Material)",
            search_index_kb=round(len(data) / 1024, 1),
            search_index_gzip_kb=round(gzip_size(data) / 1024, 1),
        )
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        files = [f for f in pagefind.rglob("*") if f.is_file()]

        def kb(selected) -> float:
            return round(sum(f.stat().st_size for f in selected) / 1024, 1)

        # Pagefind writes its index gzip-compressed already: the bytes on disk are what a
        # reader downloads. The index proper (word index, filters, metadata) is loaded in
        # chunks when searching; a fragment (title and excerpt) per result shown; the engine
        # (JavaScript and WebAssembly) once.
        index = [f for f in files if f.parent.name in ("index", "filter") or f.suffix == ".pf_meta"]
        fragments = [f for f in files if f.parent.name == "fragment"]
        figures.update(
            search_engine="pagefind",
            pagefind_files=len(files),
            search_index_kb=kb(files),
            search_index_gzip_kb=kb(index),
            search_fragments_kb=kb(fragments),
            search_engine_kb=kb(set(files) - set(index) - set(fragments)),
        )
    return figures


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a directory, gzip-compressing text as a web server would; logs bytes sent."""

    sent: list[tuple[str, int, int]]  # (path, bytes on the wire, bytes before compression)

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 - the stdlib's name
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return super().do_GET()
        data = path.read_bytes()
        raw = len(data)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(data)
        self.sent.append((self.path, len(data), raw))


@contextlib.contextmanager
def gzip_server(directory: Path):
    sent: list[tuple[str, int, int]] = []
    handler = type("Handler", (GzipHandler,), {"sent": sent})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", sent
    finally:
        server.shutdown()
        server.server_close()


def _is_search_index(path: str) -> bool:
    return "search_index.json" in path or "/pagefind/" in path


def reader_figures(site: Path, maatregel_id: str) -> dict:
    """KB transferred (gzip) on a first, cache-less visit, measured in Chromium."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"error": "playwright ontbreekt"}
    if not Path(CHROMIUM).exists():
        return {"error": f"{CHROMIUM} ontbreekt (make test-deps)"}
    figures: dict = {"transfer": "gzip level 6 by the bench's own server; bodies only"}
    with gzip_server(site) as (base, sent), sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            for name, path in (("home", ""), ("maatregel", f"maatregelen/{maatregel_id}/")):
                context = browser.new_context(
                    viewport={"width": 1280, "height": 900}, locale="nl-NL"
                )
                page = context.new_page()
                sent.clear()
                page.goto(base + path, wait_until="networkidle")
                page.wait_for_timeout(1500)  # a search worker fetches its index after load
                loaded = list(sent)
                figures[f"{name}_kb"] = round(sum(s[1] for s in loaded) / 1024, 1)
                figures[f"{name}_raw_kb"] = round(sum(s[2] for s in loaded) / 1024, 1)
                figures[f"{name}_requests"] = len(loaded)
                figures[f"{name}_search_index_loaded"] = any(_is_search_index(s[0]) for s in loaded)
                if name == "maatregel":
                    sent.clear()
                    _use_search(page)
                    figures["search_use_kb"] = round(sum(s[1] for s in sent) / 1024, 1)
                context.close()
        finally:
            browser.close()
    return figures


def _use_search(page) -> None:
    """Search the way the site offers it, and let it load what it needs."""
    if page.locator("link[href*='pagefind'], script[src*='zoeken']").count():
        page.goto(
            page.url.split("/maatregelen/")[0] + "/zoeken/?q=huisvesting", wait_until="networkidle"
        )  # Pagefind: the search page (issue 3)
        page.wait_for_timeout(1000)
        return
    for selector in (".md-search__input", ".pagefind-ui__search-input", "input[type=search]"):
        box = page.locator(selector).first
        if box.count() and box.is_visible():
            box.click()
            page.keyboard.type("huisvesting", delay=30)
            with contextlib.suppress(Exception):
                page.wait_for_load_state("networkidle", timeout=10_000)
            page.wait_for_timeout(1000)
            return


# --- growth and report ---------------------------------------------------------------------


def growth(values: dict[float, float | None]) -> list[dict]:
    """From each size to the next: ratio, ratio per 10x, exponent k (value ~ size^k), class."""
    points = sorted((s, v) for s, v in values.items() if v is not None and v > 0)
    steps = []
    for (s1, v1), (s2, v2) in zip(points, points[1:], strict=False):
        exponent = math.log(v2 / v1) / math.log(s2 / s1)
        steps.append(
            {
                "from": s1,
                "to": s2,
                "ratio": round(v2 / v1, 2),
                "per_10x": round(10**exponent, 2),
                "exponent": round(exponent, 2),
                "class": classify(exponent),
            }
        )
    return steps


def classify(exponent: float) -> str:
    return "linear" if exponent <= LINEAR_MAX_EXPONENT else "worse than linear"


def _get(figures: dict, path: str):
    value = figures
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


ROWS = (  # (label, path into a size's figures, unit)
    ("maatregelen", "counts.maatregelen", ""),
    ("pages (html)", "output.html_pages", ""),
    ("machine load (1-min avg)", "loadavg_1min_end", ""),
    ("check", "stages.check.seconds", "s"),
    ("check (cpu)", "stages.check.cpu_s", "s"),
    ("check peak", "stages.check.peak_mb", "MB"),
    ("render, no PDF", "stages.render_nopdf.seconds", "s"),
    ("render (generator)", "stages.render.seconds", "s"),
    ("render peak", "stages.render.peak_mb", "MB"),
    ("render, no PDF (cpu)", "stages.render_nopdf.cpu_s", "s"),
    ("mkdocs build (bare)", "stages.mkdocs.seconds", "s"),
    ("mkdocs build (cpu)", "stages.mkdocs.cpu_s", "s"),
    ("mkdocs peak", "stages.mkdocs.peak_mb", "MB"),
    ("whole build", "stages.build.seconds", "s"),
    ("whole build peak", "stages.build.peak_mb", "MB"),
    ("whole build, no PDF", "stages.build_nopdf.seconds", "s"),
    ("whole build, no PDF (cpu)", "stages.build_nopdf.cpu_s", "s"),
    ("whole build, no PDF, peak", "stages.build_nopdf.peak_mb", "MB"),
    ("build / bare mkdocs", "derived.build_over_mkdocs", "x"),
    ("same, without the PDF", "derived.build_nopdf_over_mkdocs", "x"),
    ("generator share of build", "derived.generator_share", "%"),
    ("same, without the PDF ", "derived.generator_share_nopdf", "%"),
    ("in the build, no PDF: generate", "stages.build_nopdf.steps.generate", "s"),
    ("  mkdocs", "stages.build_nopdf.steps.mkdocs", "s"),
    ("  search index (Pagefind)", "stages.build_nopdf.steps.search", "s"),
    ("  generator share (with start-up)", "derived.generator_share_in_build_nopdf", "%"),
    ("in the build: generate (PDF)", "stages.build.steps.generate", "s"),
    ("  generator share", "derived.generator_share_in_build", "%"),
    ("serve: first page", "stages.serve_start.seconds", "s"),
    ("serve: edit visible", "stages.serve_edit.seconds", "s"),
    ("serve peak", "stages.serve_edit.peak_mb", "MB"),
    ("html per page (mean)", "output.html_kb_mean", "KB"),
    ("html per page (max)", "output.html_kb_max", "KB"),
    ("maatregel page html", "output.maatregel_html_kb", "KB"),
    ("organisaties page html", "output.organisaties_html_kb", "KB"),
    ("site total", "output.site_mb", "MB"),
    ("search: all files", "output.search_index_kb", "KB"),
    ("search index (gzip)", "output.search_index_gzip_kb", "KB"),
    ("search: excerpts (gzip)", "output.search_fragments_kb", "KB"),
    ("search: engine, all files", "output.search_engine_kb", "KB"),
    ("reader: home (gzip)", "reader.home_kb", "KB"),
    ("reader: maatregel (gzip)", "reader.maatregel_kb", "KB"),
    ("reader: index on 1st load", "reader.maatregel_search_index_loaded", ""),
    ("reader: using search", "reader.search_use_kb", "KB"),
)
GROWTH_ROWS = (
    "stages.check.cpu_s",
    "stages.render_nopdf.cpu_s",
    "stages.mkdocs.cpu_s",
    "stages.build_nopdf.cpu_s",
    "stages.check.seconds",
    "stages.render_nopdf.seconds",
    "stages.render.seconds",
    "stages.mkdocs.seconds",
    "stages.build.seconds",
    "stages.build.peak_mb",
    "stages.build_nopdf.seconds",
    "stages.build_nopdf.peak_mb",
    "stages.serve_edit.seconds",
    "output.html_kb_mean",
    "output.search_index_kb",
    "output.site_mb",
    "reader.maatregel_kb",
)


def derive(figures: dict) -> dict:
    build = _get(figures, "stages.build.seconds")
    bare = _get(figures, "stages.mkdocs.seconds")
    render = _get(figures, "stages.render.seconds")
    derived = {}
    if build and bare:
        derived["build_over_mkdocs"] = round(build / bare, 2)
    if build and render:
        derived["generator_share"] = round(100 * render / build, 1)
    nopdf = _get(figures, "stages.render_nopdf.seconds")
    build_nopdf = _get(figures, "stages.build_nopdf.seconds")
    if build_nopdf and nopdf:
        derived["generator_share_nopdf"] = round(100 * nopdf / build_nopdf, 1)
    if build_nopdf and bare:
        derived["build_nopdf_over_mkdocs"] = round(build_nopdf / bare, 2)
    # The same share from inside the build process (handreiking build --tijden): all of the
    # build's wall time except what MkDocs, Pagefind and the final swap took, so the process's
    # start-up and imports (Jinja, Markdown, YAML) count as the generator's.
    for stage, key in (
        ("build_nopdf", "generator_share_in_build_nopdf"),
        ("build", "generator_share_in_build"),
    ):
        steps = _get(figures, f"stages.{stage}.steps")
        whole = _get(figures, f"stages.{stage}.seconds")
        if steps and whole:
            others = sum(steps.get(step, 0) for step in ("mkdocs", "search", "swap"))
            derived[key] = round(100 * (whole - others) / whole, 1)
    return derived


def _cell(value, unit: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 1000 else f"{value:.0f}"
    return str(value)


def _unfinished(figures: dict, path: str) -> str | None:
    if path.startswith("stages.") and path.count(".") == 2:
        stage = _get(figures, path.rsplit(".", 1)[0])
        if isinstance(stage, dict) and not stage.get("ok", True):
            return "NF"  # not finished; the reason is in the JSON and printed below the table
    return None


def format_table(results: dict) -> str:
    columns = list(results["sizes"])
    labels = {c: ("real" if c == "real" else f"{c}x") for c in columns}
    header = ["figure", "unit"] + [labels[c] for c in columns] + ["per 10x (last step)"]
    rows = [header]
    for label, path, unit in ROWS:
        cells = [label, unit]
        for column in columns:
            figures = results["sizes"][column]
            cells.append(_unfinished(figures, path) or _cell(_get(figures, path), unit))
        steps = results["growth"].get(path) or []
        cells.append(f"{steps[-1]['per_10x']} ({steps[-1]['class']})" if steps else "")
        rows.append(cells)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = [
        "  ".join(
            c.ljust(w) if i < 2 else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    growth_lines = ["", "Growth per step (ratio; per 10x; exponent k in size^k; class):"]
    for path, steps in results["growth"].items():
        text = "; ".join(
            f"{_size(s['from'])}->{_size(s['to'])}: x{s['ratio']} "
            f"(per 10x {s['per_10x']}, k={s['exponent']}, {s['class']})"
            for s in steps
        )
        growth_lines.append(f"  {path}: {text}")
    problems = []
    for column in columns:
        for stage, figures in (results["sizes"][column].get("stages") or {}).items():
            if not figures.get("ok", True):
                problems.append(f"  {labels[column]} {stage}: {figures.get('error', '')[:300]}")
    if problems:
        growth_lines += ["", "Not finished or failed:"] + problems
    return "\n".join(lines + growth_lines)


def _size(value: float) -> str:
    return f"{value:g}x"


def compute_growth(results: dict) -> dict:
    numeric = {c: f for c, f in results["sizes"].items() if c != "real"}
    out = {}
    for path in GROWTH_ROWS:
        steps = growth({float(c): _get(f, path) for c, f in numeric.items()})
        if steps:
            out[path] = steps
    return out


# --- main ----------------------------------------------------------------------------------


def measure_size(
    scale: float | None, work: Path, timeout: float, serve: bool, reader: bool
) -> dict:
    from tools.project import copy_project
    from tools.synthetic import synthetic_project

    name = "real" if scale is None else f"{scale:g}x"
    project = work / name
    logs = work / f"{name}-logs"
    logs.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if scale is None:
        shutil.rmtree(project, ignore_errors=True)
        copy_project(project)
        counts = None
    else:
        counts = synthetic_project(project, scale)
    figures: dict = {"generate_content_s": round(time.perf_counter() - started, 1)}
    # Others may be using the machine: the load average says how far to trust the seconds.
    figures["loadavg_1min_start"] = round(os.getloadavg()[0], 2)
    if counts is None:
        from generator.content.validate import check_project

        values = check_project(project, date.fromisoformat(BUILD_DATE)).values
        counts = {k: len(v) for k, v in values.items() if isinstance(v, list)}
    figures["counts"] = counts
    print(
        f"[bench] {name}: {counts.get('maatregelen')} maatregelen, "
        f"{counts.get('organisaties')} organisaties ...",
        file=sys.stderr,
        flush=True,
    )
    figures["stages"] = measure_stages(project, logs, timeout, serve)
    _, site_dir = _site_config(project)
    id_, _ = first_maatregel(project)
    built = figures["stages"]["build"]["ok"] or figures["stages"]["build_nopdf"]["ok"]
    if built and site_dir.is_dir():
        figures["output"] = output_figures(site_dir, id_)
        if reader:
            figures["reader"] = reader_figures(site_dir, id_)
    figures["derived"] = derive(figures)
    figures["loadavg_1min_end"] = round(os.getloadavg()[0], 2)
    for stage, result in figures["stages"].items():
        print(
            f"[bench] {name} {stage}: {result.get('seconds')} s, {result.get('peak_mb')} MB"
            + ("" if result.get("ok") else f" ({str(result.get('error'))[:200]})"),
            file=sys.stderr,
            flush=True,
        )
    return figures


def _git_version() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            text=True,
            capture_output=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            text=True,
            capture_output=True,
        ).stdout.strip()
        return head + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def merge(paths: list[Path], target: Path) -> int:
    """Combine runs made with different options (say, the largest size with a shorter timeout)."""
    results: dict = {"meta": {"merged_from": [str(p) for p in paths]}, "sizes": {}}
    for path in paths:
        run = json.loads(path.read_text(encoding="utf-8"))
        results["meta"][str(path)] = run.get("meta")
        results["sizes"].update(run["sizes"])
    order = sorted(results["sizes"], key=lambda k: -1.0 if k == "real" else float(k))
    results["sizes"] = {key: results["sizes"][key] for key in order}
    for figures in results["sizes"].values():
        figures["derived"] = derive(figures)
    results["growth"] = compute_growth(results)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(format_table(results))
    print(f"\nJSON: {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--sizes",
        nargs="+",
        type=float,
        default=[1, 10, 100, 1000],
        help="content sizes as multiples of the real content (1 = 20 maatregelen)",
    )
    parser.add_argument("--json", type=Path, default=ROOT / "bench-results" / "bench.json")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per stage")
    parser.add_argument("--no-real", action="store_true", help="skip the real content")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve stages")
    parser.add_argument("--no-reader", action="store_true", help="skip the Chromium figures")
    parser.add_argument("--no-pdf", action="store_true", help="skip the stages that make the PDF")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    parser.add_argument("--work", type=Path, default=None, help="where to put the projects")
    parser.add_argument("--render-stage", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--merge",
        nargs="+",
        type=Path,
        help="only combine the sizes of earlier JSON files (later files win) into --json and "
        "print the table",
    )
    args = parser.parse_args(argv)
    if args.merge:
        return merge(args.merge, args.json)
    global SKIP_PDF
    SKIP_PDF = args.no_pdf
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the work folder is removed
    if args.render_stage:
        print(json.dumps(render_stage(args.render_stage, date.fromisoformat(BUILD_DATE))))
        return 0
    work = Path(tempfile.mkdtemp(prefix="handreiking-bench-", dir=args.work))
    results: dict = {
        "meta": {
            "when": datetime.now().isoformat(timespec="seconds"),
            "git": _git_version(),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "machine": platform.machine(),
            "timeout_s": args.timeout,
            "build_date": BUILD_DATE,
            "env": {k: v for k, v in os.environ.items() if k.startswith("HANDREIKING_")},
        },
        "sizes": {},
    }
    try:
        plan = ([None] if not args.no_real else []) + sorted(args.sizes)
        for scale in plan:
            key = "real" if scale is None else f"{scale:g}"
            results["sizes"][key] = measure_size(
                scale, work, args.timeout, not args.no_serve, not args.no_reader
            )
            if not args.keep:
                shutil.rmtree(
                    work / ("real" if scale is None else f"{scale:g}x"), ignore_errors=True
                )
            results["growth"] = compute_growth(results)
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(
                json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )  # after every size: a long run keeps its data
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(format_table(results))
    print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
