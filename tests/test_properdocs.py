"""A second renderer (issue 23): ProperDocs, the maintained MkDocs 1.x fork, builds the
generated pages of the fixture content with the same mkdocs.yml, Material theme and
handreiking plugin into the same site as MkDocs, every file byte for byte apart from the
generator tag. It keeps open the way off MkDocs 1.x (docs/renderer-plan.md).

ProperDocs runs from its own virtualenv, .venv-properdocs (`make test-deps`,
tools/properdocs/requirements.txt), which has no mkdocs: Material pulls mkdocs in, and the
Makefile removes it again, so the build there can only be ProperDocs'.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import BUILD_DATE, ROOT, missing
from generator.base.settings import SiteConfig
from generator.site.build import PREGENERATED

VENV = ROOT / ".venv-properdocs"


def pinned(requirements: Path, package: str) -> str:
    """The version `requirements` pins `package` to (`package==version`)."""
    lines = requirements.read_text(encoding="utf-8").splitlines()
    return next(line.split("==")[1].strip() for line in lines if line.startswith(package + "=="))


PROPERDOCS_VERSION = pinned(ROOT / "tools/properdocs/requirements.txt", "properdocs")
MKDOCS_VERSION = pinned(ROOT / "requirements.txt", "mkdocs")
MATERIAL_VERSION = pinned(ROOT / "requirements.txt", "mkdocs-material")
PROPERDOCS = VENV / "bin" / "properdocs"
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="([^"]*)">')


def _build(command: list[str], project: Path, site: Path) -> subprocess.CompletedProcess:
    """`COMMAND build --strict` of the generated pages, as build.run_mkdocs runs MkDocs."""
    epoch = datetime(BUILD_DATE.year, BUILD_DATE.month, BUILD_DATE.day, tzinfo=UTC).timestamp()
    return subprocess.run(
        [*command, "build", "--strict", "--config-file", str(project / "mkdocs.yml")]
        + ["--site-dir", str(site)],
        cwd=project,
        env={
            **os.environ,
            PREGENERATED: "1",  # the pages are in docs_dir already (handreiking build did it)
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": str(int(epoch)),
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


@pytest.fixture(scope="module")
def sites(built_project, tmp_path_factory) -> dict[str, Path]:
    """The fixture's generated pages (build/docs of the built project) built by each."""
    if not PROPERDOCS.exists():
        missing(f"ProperDocs is not installed ({PROPERDOCS}): run `make test-deps`")
    assert any(SiteConfig.read(built_project).docs_dir.rglob("*.md"))
    out = tmp_path_factory.mktemp("renderers")
    built = {}
    for name, command in (
        ("mkdocs", [sys.executable, "-m", "mkdocs"]),
        ("properdocs", [str(PROPERDOCS)]),
    ):
        result = _build(command, built_project, out / name)
        assert result.returncode == 0, f"{name}:\n{result.stdout}{result.stderr}"
        assert "WARNING" not in result.stderr, f"{name}:\n{result.stderr}"
        built[name] = out / name
    return built


def test_the_properdocs_virtualenv_has_properdocs_and_no_mkdocs():
    if not PROPERDOCS.exists():
        missing(f"ProperDocs is not installed ({PROPERDOCS}): run `make test-deps`")
    probe = (
        "import importlib.metadata as m, importlib.util as u\n"
        "print(m.version('properdocs'), m.version('mkdocs-material'))\n"
        "print(u.find_spec('mkdocs') is None)\n"
        "try:\n    m.version('mkdocs')\nexcept m.PackageNotFoundError:\n    print('no mkdocs')\n"
    )
    result = subprocess.run(
        [str(VENV / "bin" / "python"), "-c", probe], capture_output=True, text=True, check=True
    )
    versions = f"{PROPERDOCS_VERSION} {MATERIAL_VERSION}"
    assert result.stdout.split("\n")[:3] == [versions, "True", "no mkdocs"]


def test_every_page_is_identical_apart_from_the_generator_tag(sites):
    mkdocs, properdocs = sites["mkdocs"], sites["properdocs"]
    files = sorted(p.relative_to(mkdocs) for p in mkdocs.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(properdocs) for p in properdocs.rglob("*") if p.is_file())
    pages = [f for f in files if f.suffix == ".html"]
    assert len(pages) > 60
    differ = []
    for relative in files:
        one, other = (mkdocs / relative).read_bytes(), (properdocs / relative).read_bytes()
        if relative.suffix == ".html":
            tags = GENERATOR_TAG.findall(one), GENERATOR_TAG.findall(other)
            material = f"mkdocs-material-{MATERIAL_VERSION}"
            assert tags == (
                [f"mkdocs-{MKDOCS_VERSION}, {material}".encode()],
                [f"mkdocs-ProperDocs {PROPERDOCS_VERSION}, {material}".encode()],
            ), relative  # each page says which renderer made it: ProperDocs did
            one, other = GENERATOR_TAG.sub(b"", one), GENERATOR_TAG.sub(b"", other)
        if one != other:
            differ.append(str(relative))
    assert differ == [], f"{len(differ)} of {len(files)} files differ"
