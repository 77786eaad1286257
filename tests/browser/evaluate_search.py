"""Measure Material's lunr search against Pagefind on tests/search_queries.yaml.

    .venv/bin/python tests/browser/evaluate_search.py [--write docs/search-evaluation.md]

Builds the real content twice at BUILD_DATE: once as the site is (Pagefind), once with Material's
search plugin (`lang: nl`) and its own header search put back (lunr). Both are served on
127.0.0.1 and every query is typed into each engine's real user interface in Chromium. Prints
a Markdown report (hit/miss per query, index size raw/gzip, bytes fetched by a first search).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent.parent)]

from search_engines import TOP, hit, lunr_results, pagefind_results, queries  # noqa: E402

from conftest import BUILD_DATE, CHROMIUM, CHROMIUM_ARGS, copy_project  # noqa: E402
from generator.site.build import build  # noqa: E402

LUNR_PLUGIN = "plugins:\n  - search:\n      lang: nl\n"


def build_variant(target: Path, engine: str) -> Path:
    project = copy_project(target)
    if engine == "lunr":
        config = project / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8").replace("plugins:\n", LUNR_PLUGIN, 1),
            encoding="utf-8",
        )
        for override in ("header.html", "search.html"):  # Material's own search UI again
            (project / "theme" / "partials" / override).unlink(missing_ok=True)
    build(project, BUILD_DATE)
    return project / "site"


@contextmanager
def serve(site: Path):
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def sizes(files: list[Path]) -> tuple[int, int]:
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
    return raw, packed


def index_files(site: Path, engine: str) -> list[Path]:
    if engine == "lunr":
        return [site / "search" / "search_index.json"]
    return sorted(f for f in (site / "pagefind").rglob("*") if f.is_file())


def first_search_bytes(page, base: str, engine: str, query: str) -> int:
    """Bytes of the responses a reader's first search fetches (index, worker, wasm)."""
    fetched: list = []

    def record(response):
        fetched.append(response)

    page.on("response", record)
    if engine == "lunr":
        lunr_results(page, base, query)
        wanted = ("search_index.json", "/workers/search")
    else:
        pagefind_results(page, base, query)
        wanted = ("/pagefind/",)
    page.remove_listener("response", record)
    return sum(len(r.body()) for r in fetched if any(w in r.url for w in wanted))


def evaluate() -> dict:
    from playwright.sync_api import sync_playwright

    report: dict = {"queries": queries(), "engines": {}}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        for engine, run in (("lunr", lunr_results), ("pagefind", pagefind_results)):
            site = build_variant(Path(tmp) / engine, engine)
            with serve(site) as base:
                page = browser.new_context(locale="nl-NL").new_page()
                first = first_search_bytes(page, base, engine, "opvang")
                results = {q["query"]: run(page, base, q["query"]) for q in queries()}
                page.context.close()
            report["engines"][engine] = {
                "results": results,
                "index": sizes(index_files(site, engine)),
                "first_search": first,
            }
        browser.close()
    return report


def markdown(report: dict) -> str:
    lunr, pagefind = report["engines"]["lunr"], report["engines"]["pagefind"]
    rows = []
    totals = {"lunr": 0, "pagefind": 0}
    for q in report["queries"]:
        cells = []
        for engine in ("lunr", "pagefind"):
            results = report["engines"][engine]["results"][q["query"]]
            ok = hit(results, q["expect"])
            totals[engine] += ok
            rank = max(results.index(u) + 1 for u in q["expect"]) if ok else 0
            cells.append(f"hit ({rank})" if ok else "**mis**")
        expect = ", ".join(f"`{u}`" for u in q["expect"])
        rows.append(f"| {q['query']} | {expect} | {cells[0]} | {cells[1]} | {q['why']} |")
    n = len(report["queries"])

    def kb(value: int) -> str:
        return f"{value / 1024:,.1f} KB".replace(",", " ")

    return "\n".join(
        [
            f"| zoekvraag | verwachte pagina('s) in de eerste {TOP} (plaats) "
            "| lunr | Pagefind | waarom |",
            "| --- | --- | --- | --- | --- |",
            *rows,
            f"| **totaal** | | **{totals['lunr']}/{n}** | **{totals['pagefind']}/{n}** | |",
            "",
            "| | lunr (Material, `lang: nl`) | Pagefind 1.5.2 |",
            "| --- | --- | --- |",
            f"| index op schijf, raw | {kb(lunr['index'][0])} | {kb(pagefind['index'][0])} |",
            f"| index op schijf, gzip -9 | {kb(lunr['index'][1])} | {kb(pagefind['index'][1])} |",
            f"| opgehaald bij de eerste zoekvraag ('opvang') | {kb(lunr['first_search'])} "
            f"| {kb(pagefind['first_search'])} |",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", type=Path, help="replace the generated part of this file")
    args = parser.parse_args()
    table = markdown(evaluate())
    print(table)
    if args.write:
        start, end = "<!-- evaluatie:begin -->", "<!-- evaluatie:eind -->"
        text = args.write.read_text(encoding="utf-8")
        before, _, rest = text.partition(start)
        _, _, after = rest.partition(end)
        args.write.write_text(f"{before}{start}\n{table}\n{end}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
