"""Faults around the build (issue 12): one build at a time, nothing left by a killed build,
disk full and no permission as one Dutch line with site/ as it was, and a site the web
server's own user can read whatever the builder's umask."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hostile_corpus import corpus_project

from conftest import ROOT, handreiking, missing
from generator.site import build

DATE = "2021-06-15"


def run_build(
    project: Path, prefix: tuple[str, ...] = (), **options
) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "generator.cli", "build", "--root", str(project)]
    return subprocess.run(
        [*prefix, *command, "--datum", DATE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=300,
        env={**os.environ, "HANDREIKING_PDF": "0"},
        **options,
    )


def fingerprint(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def one_dutch_line(result: subprocess.CompletedProcess, *phrases: str) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("fout: ") and lines[0].endswith("site/ is ongewijzigd"), lines
    for phrase in phrases:
        assert phrase in lines[0], lines[0]


@pytest.fixture
def built(tmp_path) -> Path:
    project = corpus_project(tmp_path / "p")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project


def test_a_second_build_in_the_same_tree_is_refused_in_dutch(built):
    before = fingerprint(built / "site")
    with build.build_lock(built):
        result = run_build(built)
    one_dutch_line(result, "er wordt in deze map al een site gebouwd")
    assert fingerprint(built / "site") == before
    assert run_build(built).returncode == 0  # the lock went with its holder


def test_a_build_killed_with_kill_9_leaves_nothing_after_the_next(built):
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "build", "--root", str(built), "--datum", DATE],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "HANDREIKING_PDF": "0"},
    )
    deadline = time.monotonic() + 120
    while not list(built.glob(build.STAGING_PREFIX + "*")):  # MkDocs is writing its site
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    # The orphaned MkDocs inherited the lock: the next build waits for it to end.
    deadline = time.monotonic() + 120
    while True:
        try:
            with build.build_lock(built):
                break
        except build.BuildBusy:
            assert time.monotonic() < deadline
            time.sleep(0.1)
    assert list(built.glob(build.STAGING_PREFIX + "*"))  # what the kill left
    (built / "site.old").mkdir()
    assert run_build(built).returncode == 0
    assert not list(built.glob(build.STAGING_PREFIX + "*")) and not (built / "site.old").exists()


def test_leftovers_and_the_lock_are_ignored_by_git():
    ignored = subprocess.run(
        ["git", "check-ignore", ".handreiking.lock", ".site-abc123/x", "site.old/x"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    assert ignored == [".handreiking.lock", ".site-abc123/x", "site.old/x"]


def test_a_strict_umask_still_gives_a_site_everyone_can_read(tmp_path):
    project = corpus_project(tmp_path / "p")
    result = run_build(project, preexec_fn=lambda: os.umask(0o077))
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for path in [site, *site.rglob("*")]:
        mode = path.stat().st_mode
        wanted = (stat.S_IROTH | stat.S_IXOTH) if path.is_dir() else stat.S_IROTH
        assert mode & wanted == wanted, (path, oct(mode))


@pytest.fixture
def small_disk():
    """A 24 MB tmpfs of its own (mount needs root): a disk that can really fill up."""
    mount_point = Path(tempfile.mkdtemp(prefix="handreiking-vol-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=24m,mode=0755", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        mount_point.rmdir()
        missing(f"cannot mount a tmpfs here (needs root): {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)
        mount_point.rmdir()


def test_disk_full_is_one_dutch_line_and_the_site_stays(small_disk):
    project = corpus_project(small_disk / "p")
    assert run_build(project).returncode == 0
    before = fingerprint(project / "site")
    free = shutil.disk_usage(small_disk).free
    with (small_disk / "vulling").open("wb") as filler:  # leave 200 kB
        filler.write(b"\0" * (free - 200_000))
    (project / "content" / "editie.yaml").write_text(
        (project / "content" / "editie.yaml").read_text().replace("2021-02", "2021-03")
    )
    result = run_build(project)
    one_dutch_line(result, "de schijf is vol")
    assert fingerprint(project / "site") == before
    (small_disk / "vulling").unlink()
    assert run_build(project).returncode == 0  # and with room again, it builds


# Root may write anywhere; without these capabilities it obeys the file modes like anyone.
AS_ORDINARY_USER = (
    "setpriv",
    "--bounding-set=-dac_override,-dac_read_search,-fowner",
    "--inh-caps=-dac_override,-dac_read_search,-fowner",
)


def test_no_permission_is_one_dutch_line_and_the_site_stays(built):
    site, docs = built / "site", built / "build" / "docs"
    before = fingerprint(site)
    editie = built / "content" / "editie.yaml"
    editie.write_text(editie.read_text().replace("2021-02", "2021-03"))  # every page changes
    folders = [docs, *(p for p in docs.rglob("*") if p.is_dir())]
    for folder in folders:
        folder.chmod(0o555)
    try:
        result = run_build(built, prefix=AS_ORDINARY_USER if os.geteuid() == 0 else ())
    finally:
        for folder in folders:
            folder.chmod(0o755)
    one_dutch_line(result, "schrijven mislukt", "geen toestemming")
    assert fingerprint(site) == before


def test_a_production_build_refuses_the_placeholders_located(tmp_path):
    project = corpus_project(tmp_path / "p")
    result = handreiking("build", "--root", str(project), "--productie")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("mkdocs.yml:") and "site_url" in lines[0]
    assert any("security_contact: ontbreekt" in line for line in lines)
    assert lines[-1].endswith("niets gebouwd.")
    assert not (project / "site").exists()
