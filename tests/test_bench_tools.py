"""The benchmark's own parts: synthetic content, growth ratios, the report, stage limits.

No timing asserts: these check that the generator makes valid content and that the numbers
the benchmark prints are computed right. Plus one browser test of what the benchmark found:
a page loads without the search index, and the search still works once used.
"""

from __future__ import annotations

import sys

import pytest
import yaml

from conftest import BUILD_DATE, ROOT
from generator.content.validate import check_project
from tools import bench
from tools.synthetic import synthetic_project


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    project = tmp_path_factory.mktemp("synthetic") / "p"
    counts = synthetic_project(project, 2)
    return project, counts


def _maatregelen(project):
    return yaml.safe_load((project / "maatregelen.yaml").read_text(encoding="utf-8"))["maatregelen"]


def test_synthetic_content_passes_check(synthetic):
    project, counts = synthetic
    checked = check_project(project, BUILD_DATE)
    assert checked.errors == []
    real = check_project(ROOT, BUILD_DATE).values
    assert len(checked.values["maatregelen"]) == counts["maatregelen"] == 40
    for key in ("organisaties", "regelingen", "bronnen"):  # in proportion: real x 40 / real
        share = len(real[key]) * 40 / len(real["maatregelen"])
        assert len(checked.values[key]) == counts[key] == max(len(real[key]), round(share)), key
    assert counts["opgaven"] == len(real["opgaven"])  # the frame stays


def test_synthetic_content_exercises_every_field_the_real_content_uses(synthetic):
    project, _ = synthetic
    real = _maatregelen(ROOT)
    copies = [m for m in _maatregelen(project) if "-s" in m["id"]]
    used = {key for m in real for key in m} - {"vorige_ids"}  # an old id belongs to one record
    assert used <= {key for m in copies for key in m}


def test_synthetic_references_point_at_copies(synthetic):
    project, _ = synthetic
    organisaties = {
        o["id"]
        for o in yaml.safe_load(
            (project / "content/organisaties.yaml").read_text(encoding="utf-8")
        )["organisaties"]
    }
    referenced = {
        org["organisatie"] if isinstance(org, dict) else org  # {organisatie, afgeleid} blocks
        for m in _maatregelen(project)
        for org in m.get("eindverantwoordelijken", []) + m.get("betrokkenen", [])
    }
    assert referenced <= organisaties
    assert any("-s" in org for org in referenced)  # the graph spreads over the copies


def test_synthetic_content_is_deterministic(synthetic, tmp_path):
    project, _ = synthetic
    again = tmp_path / "again"
    synthetic_project(again, 2)
    for name in ("maatregelen.yaml", "content/organisaties.yaml", "content/regelingen.yaml"):
        assert (again / name).read_bytes() == (project / name).read_bytes()


def test_growth_per_10x_and_class():
    linear = bench.growth({1: 2.0, 10: 20.0, 100: 200.0})
    assert [s["per_10x"] for s in linear] == [10.0, 10.0]
    assert {s["class"] for s in linear} == {"linear"}
    assert linear[0]["exponent"] == 1.0
    quadratic = bench.growth({1: 1.0, 10: 100.0})
    assert quadratic[0]["per_10x"] == 100.0 and quadratic[0]["class"] == "worse than linear"
    # a step of 100x is normalised to 10x; fixed costs make small steps sublinear
    assert bench.growth({1: 1.0, 100: 100.0})[0]["per_10x"] == 10.0
    assert bench.growth({1: 5.0, 10: 6.0})[0]["class"] == "linear"
    assert bench.growth({1: None, 10: 3.0, 100: 30.0})[0]["from"] == 10  # unfinished: skipped


def test_report_table_marks_unfinished_stages_and_shows_growth():
    def size(seconds, ok=True):
        stage = {"seconds": seconds, "peak_mb": 50.0, "ok": ok}
        if not ok:
            stage["error"] = "niet klaar: gestopt na 600 s (timeout)"
        stages = {name: dict(stage) for name in bench.STAGES}
        stages["check"] = {"seconds": 0.5, "peak_mb": 40.0, "ok": True}
        return {
            "counts": {"maatregelen": 20},
            "stages": stages,
            "output": {"search_index_kb": 100.0},
            "derived": {},
        }

    results = {"sizes": {"1": size(2.0), "10": size(20.0), "100": size(None, ok=False)}}
    for figures in results["sizes"].values():
        figures["derived"] = bench.derive(figures)
    results["growth"] = bench.compute_growth(results)
    table = bench.format_table(results)
    build_row = next(line for line in table.splitlines() if line.startswith("whole build "))
    assert build_row.split()[-5:] == ["2.00", "20.0", "NF", "10.0", "(linear)"]
    assert "100x build: niet klaar" in table
    assert results["growth"]["stages.build.seconds"][0]["per_10x"] == 10.0


def test_edit_titel_changes_only_that_maatregel(tmp_path):
    path = tmp_path / "maatregelen.yaml"
    path.write_text(
        "maatregelen:\n  - id: a\n    titel: Eerste\n  - id: ab\n    titel: Tweede\n",
        encoding="utf-8",
    )
    bench.edit_titel(path, "ab", "Nieuw 1")
    assert yaml.safe_load(path.read_text())["maatregelen"] == [
        {"id": "a", "titel": "Eerste"},
        {"id": "ab", "titel": "Nieuw 1"},
    ]


def test_stage_limit_stops_a_stage_and_says_why(tmp_path):
    result = bench.run_stage(
        [sys.executable, "-c", "import time; time.sleep(60)"],
        tmp_path,
        {},
        tmp_path / "log",
        timeout=0.5,
    )
    assert result["ok"] is False and result["seconds"] is None
    assert "timeout" in result["error"]


def test_stage_memory_counts_the_process_tree(tmp_path):
    child = "x = bytearray(80 * 2**20); import time; time.sleep(0.5)"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}])"
    result = bench.run_stage(
        [sys.executable, "-c", parent], tmp_path, {}, tmp_path / "log", timeout=60
    )
    assert result["ok"] and result["peak_mb"] >= 80


@pytest.mark.browser
def test_first_load_of_a_maatregel_page_does_not_fetch_the_search_index(page, site_url):
    """The index grows with the content; a reader who does not search must not pay for it."""
    page.goto(site_url + "maatregelen/tussenvoorzieningen/", wait_until="networkidle")
    # Nothing to wait for: what is tested is that a request does not come. A search worker
    # would fetch its index just after load, so give it a second.
    page.wait_for_timeout(1000)
    assert page.title()
    assert [url for url in page.requests if bench._is_search_index(url)] == []
    # The same page and counter do see the index once the reader searches: the check above
    # could have failed.
    page.goto(site_url + "zoeken/?q=huisvesting")
    page.wait_for_function("() => document.querySelectorAll('#hr-zoeklijst li').length > 0")
    assert [url for url in page.requests if bench._is_search_index(url)]
