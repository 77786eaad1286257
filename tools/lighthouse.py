"""Lighthouse on the reader's pages, served the way production serves them (`make bench`).

    python -m tools.lighthouse --json bench-results/lighthouse.json [--runs 3] [--site DIR]
                               [--pagina matrix ...]

Builds the live content (or takes a built --site), serves it with Debian's nginx on
127.0.0.1 with gzip and cache headers, and runs Lighthouse 12.2.3 (tools/lighthouse/, the
last release for Node 20; installed there with `npm ci` when missing) with its default
mobile settings (a Moto G Power on slow 4G, simulated) against Debian's Chromium, on six pages:
home, an opgave, a maatregel, financiering, the matrix and the tijdlijn. Each page runs
--runs times; the table gives the median of each category and of the metrics behind the
performance score. Targets (issue 14): performance >= 0.95 on mobile, accessibility, best
practices and SEO 1.0. It is not part of `make test`: a score depends on the machine's load.

nginx runs with the configuration the build generates (tools/nginx_server.py): what
production sends, with the Content-Security-Policy, gzip for text, a year's cache for files
with a hash in their name and five minutes for the rest.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from tools.chromium import CHROMIUM, free_port
from tools.nginx_server import NginxError, serving

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "lighthouse"
LIGHTHOUSE = TOOL / "node_modules" / ".bin" / "lighthouse"
ATTEMPTS = 3  # per run, for Lighthouse's own recording errors
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
METRICS = {  # Lighthouse audit id -> (column, unit)
    "first-contentful-paint": ("FCP", "s"),
    "largest-contentful-paint": ("LCP", "s"),
    "total-blocking-time": ("TBT", "ms"),
    "cumulative-layout-shift": ("CLS", ""),
    "speed-index": ("SI", "s"),
}


def pages(site: Path) -> dict[str, str]:
    """The six page kinds: the first opgave and maatregel of the built site's overviews."""
    from generator.base.settings import build_date
    from generator.base.urls import url_of
    from generator.site.build import load

    _, h = load(site.parent, build_date())
    return {
        "home": "",
        "opgave": url_of("opgave", next(iter(h.opgaven))),
        "maatregel": url_of("maatregel", next(iter(h.maatregelen))),
        "financiering": url_of("regeling"),
        "matrix": url_of("organisatie"),
        "tijdlijn": url_of("tijdlijn"),
    }


def install() -> None:
    """Lighthouse into tools/lighthouse/node_modules, from its lock file, when missing."""
    if not LIGHTHOUSE.exists():
        print("Lighthouse installeren in tools/lighthouse/ (npm ci, eenmalig)", flush=True)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=TOOL, check=True)


def build_live(into: Path) -> Path:
    """The live content built as `make build` builds it; returns its site/."""
    from generator.base.settings import build_date
    from generator.site.build import build
    from tools.project import copy_project

    project = copy_project(into)
    build(project, build_date())
    return project / "site"


@contextmanager
def nginx(site: Path):
    """A built `site` (its project is the folder above) served by nginx with the generated
    configuration; yields its URL."""
    for path in [site, *site.rglob("*")]:  # the worker runs as nobody
        path.chmod(0o755 if path.is_dir() else 0o644)
    port = free_port()
    try:
        with serving(site.parent, port, site):
            yield f"http://127.0.0.1:{port}/"
    except NginxError as error:
        sys.exit(str(error))


def lighthouse(url: str, work: Path) -> dict:
    """One Lighthouse run (mobile, its defaults): the categories' scores and the metrics."""
    report = work / "report.json"
    for attempt in range(1, ATTEMPTS + 1):
        run = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                "--only-categories=" + ",".join(CATEGORIES),
                "--chrome-flags=--headless --no-sandbox --disable-gpu --no-first-run",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode == 0:
            break
        # On a loaded machine Chromium's trace sometimes misses the navigation (NO_NAVSTART,
        # "Please run Lighthouse again"): a failed recording, not a score; run it again.
        print(f"  Lighthouse-poging {attempt} op {url} mislukt; opnieuw", flush=True)
    else:
        sys.exit(f"Lighthouse faalde {ATTEMPTS} keer op {url}:\n{run.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    result = {name: data["categories"][name]["score"] for name in CATEGORIES}
    result.update({audit: data["audits"][audit]["numericValue"] for audit in METRICS})
    weighed = {
        ref["id"]
        for c in CATEGORIES[1:]
        for ref in data["categories"][c]["auditRefs"]
        if ref["weight"]
    }
    result["fouten"] = [
        f"{audit['id']}: {audit['title']}"
        for audit in data["audits"].values()
        if audit["id"] in weighed and audit.get("score") is not None and audit["score"] < 1
    ]
    return result


def measure(root: str, kinds: dict[str, str], runs: int) -> dict[str, dict]:
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="hr-lighthouse-") as work:
        for name, path in kinds.items():
            samples = [lighthouse(root + path, Path(work)) for _ in range(runs)]
            median = {
                key: statistics.median(s[key] for s in samples)
                for key in samples[0]
                if key != "fouten"
            }
            median["fouten"] = sorted({f for s in samples for f in s["fouten"]})
            median["pad"] = "/" + path
            median["runs"] = [s["performance"] for s in samples]
            results[name] = median
            print(f"  {name:<13} {median['performance']:.2f}", flush=True)
    return results


def table(results: dict[str, dict]) -> str:
    head = ["pagina", *CATEGORIES, *(column for column, _ in METRICS.values())]
    rows = [head, ["---"] * len(head)]
    for name, r in results.items():
        metrics = []
        for audit, (_, unit) in METRICS.items():
            value = r[audit]
            metrics.append(
                f"{value / 1000:.2f} s"
                if unit == "s"
                else f"{value:.0f} ms"
                if unit == "ms"
                else f"{value:.3f}"
            )
        rows.append([f"{name} ({r['pad']})", *(f"{r[c]:.2f}" for c in CATEGORIES), *metrics])
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    missed = [
        f"{name}: {category} {r[category]:.2f} < {target}"
        for name, r in results.items()
        for category, target in TARGETS.items()
        if r[category] < target
    ]
    lines.append("")
    lines.append("Doelen gehaald." if not missed else "Doel niet gehaald: " + "; ".join(missed))
    for name, r in results.items():
        if r["fouten"]:
            lines.append(f"{name}: " + "; ".join(r["fouten"]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site/ (default: build the live content)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median counts")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument(
        "--pagina",
        action="append",
        choices=("home", "opgave", "maatregel", "financiering", "matrix", "tijdlijn"),
        help="only this page kind (again for more); default: all six",
    )
    args = parser.parse_args(argv)
    install()
    with tempfile.TemporaryDirectory(prefix="hr-lighthouse-site-") as work:
        Path(work).chmod(0o755)  # nginx's worker (nobody) must reach site/ in it
        site = args.site or build_live(Path(work) / "project")
        kinds = {k: v for k, v in pages(site).items() if not args.pagina or k in args.pagina}
        print(f"Lighthouse {args.runs}x per pagina, mobiel, achter nginx (gzip, cache-headers):")
        with nginx(site) as root:
            results = measure(root, kinds, args.runs)
    print(table(results))
    load = os.getloadavg()
    print(
        "Belasting van de machine (load average, 1/5/15 min): "
        + " ".join(f"{value:.1f}" for value in load)
        + f" op {os.cpu_count()} kernen; een hoge belasting verlaagt vooral TBT en dus performance."
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
