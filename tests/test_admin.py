"""The editors' admin (/redactie/bewerken/, issue 25), driven in Chromium.

- The acceptance loop: `tools/bewerken.py` (what `make bewerken` runs) serves the admin
  against `decap-server` in git mode on a git clone of the fixture content; an editor edits a
  title, a date and a summary and adds a mijlpaal; the save is a commit on its own branch with
  the editor's name as author, its diff holds exactly those lines, and `check` passes on it.
- Every case of the hostile corpus shown in the admin's preview: as text, no script runs.
- Behind the generated nginx configuration: the admin has its own policy on its own path, the
  public pages keep theirs and load nothing of the admin.

The admin is built once (admin/build.mjs, its npm packages from admin/package-lock.json, which
`make test-deps` installs); its format's own tests are JavaScript (tests/test_admin_format.py).
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from checkout import git
from hostile_corpus import cases

from conftest import FIXTURE_CONTENT, ROOT, copy_project, handreiking
from generator.outputs.headers import ADMIN_POLICY, content_security_policy
from generator.site.nginx import ADMIN_PATH
from tools.chromium import free_port
from tools.nginx_server import NGINX, serving

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("admin")]

ADMIN = ROOT / "admin"
EDITOR = ("Redacteur Test", "redacteur@example.nl")
BRANCH = "cms/inhoud/maatregelen"


@pytest.fixture(scope="module")
def admin_build(tmp_path_factory) -> Path:
    """The admin as the deployment builds it, in a folder nginx's user may read."""
    if not (ADMIN / "node_modules" / "decap-cms-core").is_dir():
        pytest.fail("admin/node_modules missing: run `make test-deps` (npm ci in admin/)")
    folder = Path(tempfile.mkdtemp(prefix="handreiking-admin-", dir="/tmp"))
    folder.chmod(0o755)
    built = subprocess.run(
        ["node", str(ADMIN / "build.mjs"), str(folder / "bewerken")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    yield folder / "bewerken"
    shutil.rmtree(folder, ignore_errors=True)


def clone_with(tmp: Path, change=None) -> Path:
    """A git repository of the fixture project on branch main, as an editor's clone is."""
    repo = copy_project(tmp / "repo", content=FIXTURE_CONTENT)
    if change:
        change(repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", EDITOR[0])
    git(repo, "config", "user.email", EDITOR[1])
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "De inhoud")
    return repo


class Admin:
    """tools/bewerken.py on free ports: the admin against decap-server for `repo`."""

    def __init__(self, repo: Path, build: Path):
        self.port, self.backend = free_port(), free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tools.bewerken", "--port", str(self.port)]
            + ["--backend-port", str(self.backend), "--repo", str(repo), "--admin", str(build)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{self.port}{ADMIN_PATH}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"tools.bewerken stopped: {self.process.stdout.read()}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.2)
        self.stop()
        pytest.fail("tools.bewerken did not start within 60 s")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  e.violatedDirective + ' ' + e.blockedURI));
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  window[name] = () => { window.__ran = (window.__ran || 0) + 1; };
}
"""


def open_admin(browser, url: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    context.add_init_script(WATCH)
    page = context.new_page()
    page.requests, page.dialogs, page.errors = [], [], []
    page.in_flight = set()  # requests to decap-server's API without an answer yet
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("request", lambda r: page.in_flight.add(r) if "/api/v1" in r.url else None)
    page.on("requestfinished", lambda r: page.in_flight.discard(r))
    page.on("requestfailed", lambda r: page.in_flight.discard(r))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    page.get_by_role("button", name="Inloggen").click()
    return context, page


def open_record(page, url: str, entry: str, title: str) -> None:
    page.goto(f"{url}#/collections/inhoud/entries/{entry}")
    summary = page.locator(f"xpath=//div[normalize-space(text())={json.dumps(title)}]").first
    summary.wait_for(timeout=90_000)
    summary.locator("xpath=preceding-sibling::div[1]/button[1]").click()


def settled(page, repo: Path, quiet: float = 0.5, limit: float = 60) -> None:
    """Wait until decap-server is done with the repository: the branch exists, main is checked
    out again, and the admin has had no API request open for `quiet` seconds (Playwright's own
    measure of network idle). decap-server checks a branch out for each operation on it (the
    save, the reload of the entry after it) and main again after; stopped in between, it would
    leave the clone on the branch."""
    deadline = time.monotonic() + limit
    idle_since = None
    while True:
        page.wait_for_timeout(100)  # lets Playwright deliver the request events meanwhile
        busy = bool(page.in_flight) or BRANCH not in git(repo, "branch", "--list", BRANCH)
        busy = busy or git(repo, "rev-parse", "--abbrev-ref", "HEAD").strip() != "main"
        now = time.monotonic()
        idle_since = None if busy else (idle_since or now)
        if idle_since is not None and now - idle_since >= quiet:
            return
        assert now < deadline, "decap-server did not finish: no branch, or not back on main"


def changed_lines(diff: str) -> list[str]:
    return [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_an_edit_in_the_admin_is_a_commit_on_its_own_branch_that_passes_check(
    browser, admin_build, tmp_path
):
    repo = clone_with(tmp_path)
    admin = Admin(repo, admin_build)
    context, page = open_admin(browser, admin.url)
    try:
        open_record(page, admin.url, "maatregelen", "Tussenvormen huisvesting")
        page.get_by_label("Titel", exact=True).first.fill("Tussenvoorzieningen huisvesting")
        page.get_by_label("Datum", exact=True).first.fill("2021-Q2")
        summary = page.get_by_label("Samenvatting", exact=True).first
        summary.fill(summary.input_value() + " De eerste gemeenten beginnen in juni 2021.")
        page.get_by_role("button", name="Voeg mijlpaal toe").first.click()
        page.get_by_label("Datum", exact=True).nth(2).fill("2021-06")
        page.get_by_label("Wat er dan gebeurt", exact=True).nth(2).fill(
            "De eerste gemeenten beginnen met een tussenvoorziening."
        )
        page.get_by_role("button", name="Opslaan", exact=True).click()
        page.get_by_text("Item opgeslagen").wait_for(timeout=60_000)
        settled(page, repo)
        violations = page.evaluate("window.__violations")
        requests = [u for u in page.requests if not u.startswith(f"http://127.0.0.1:{admin.port}/")]
    finally:
        context.close()
        admin.stop()

    assert violations == [], "the admin runs under its own policy without a violation"
    assert requests == [], "the admin loads nothing from another origin"
    assert git(repo, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    author = git(repo, "log", "-1", "--format=%an <%ae>", BRANCH).strip()
    assert author == f"{EDITOR[0]} <{EDITOR[1]}>"
    assert git(repo, "diff", "--name-only", "main", BRANCH).split() == ["maatregelen.yaml"]
    diff = git(repo, "diff", "main", BRANCH)
    assert changed_lines(diff) == [
        "-    titel: Tussenvormen huisvesting",
        "+    titel: Tussenvoorzieningen huisvesting",
        "+      De eerste gemeenten beginnen in juni 2021.",
        '-      - datum: "2021-Q1"',
        '+      - datum: "2021-Q2"',
        '+      - datum: "2021-06"',
        "+        tekst: De eerste gemeenten beginnen met een tussenvoorziening.",
    ], diff

    checkout = tmp_path / "tak"
    git(repo, "worktree", "add", "-q", str(checkout), BRANCH)
    checked = handreiking("check", root=checkout)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def _hostile_texts() -> dict[str, str]:
    """Every case's text that a file can hold (not the ones made at test time)."""
    texts = {}
    for case in cases():
        if case.maak:
            continue
        raw = case.path.read_bytes()
        if len(raw) > 20_000:
            continue
        texts[case.name] = raw.decode("utf-8", errors="replace")
    return texts


def _hostile_maatregelen(repo: Path, texts: dict[str, str]) -> None:
    """maatregelen.yaml with one record per case, the case's whole text its beschrijving."""
    lines = ["maatregelen:"]
    for index, (name, text) in enumerate(sorted(texts.items())):
        lines += [
            f"  - id: geval-{index}",
            f"    titel: {json.dumps('Geval ' + name)}",
            f"    beschrijving: {json.dumps(text)}",
        ]
    (repo / "maatregelen.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_preview_shows_the_hostile_corpus_as_text_and_runs_no_script(
    browser, admin_build, tmp_path
):
    texts = _hostile_texts()
    assert len(texts) > 80
    repo = clone_with(tmp_path, lambda r: _hostile_maatregelen(r, texts))
    admin = Admin(repo, admin_build)
    context, page = open_admin(browser, admin.url)
    try:
        page.goto(f"{admin.url}#/collections/inhoud/entries/maatregelen")
        preview = page.frame_locator("iframe").first
        try:
            preview.locator("article.voorbeeld").wait_for(timeout=90_000)
        except Exception:
            page.screenshot(path=str(tmp_path / "admin.png"))
            pytest.fail(f"no preview ({tmp_path / 'admin.png'}); page errors: {page.errors}")
        last = "Geval " + sorted(texts)[-1]
        preview.get_by_role("heading", name=last).wait_for(timeout=90_000)
        frame = next(f for f in page.frames if f != page.main_frame)
        # A script of the content would run when the preview is inserted or when it has
        # loaded: wait for the load, and for two frames painted after it.
        frame.wait_for_function("document.readyState === 'complete'")
        frame.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        found = frame.evaluate(
            """() => {
              const article = document.querySelector('article.voorbeeld');
              const all = [...article.querySelectorAll('*')];
              return {
                tags: [...new Set(all.map(e => e.tagName.toLowerCase()))].sort(),
                handlers: all.filter(e => [...e.attributes].some(a => /^on/i.test(a.name)
                  || /javascript:/i.test(a.value))).length,
                text: article.textContent,
                ran: (window.__ran || 0) + (window.parent.__ran || 0),
              };
            }"""
        )
        violations = page.evaluate("window.__violations")
        requests = [u for u in page.requests if not u.startswith(f"http://127.0.0.1:{admin.port}/")]
    finally:
        context.close()
        admin.stop()

    assert page.dialogs == [] and found["ran"] == 0, "no script of the content ran"
    assert requests == [], "nothing was loaded from another origin"
    assert violations == [], "nothing even tried what the policy forbids"
    assert found["handlers"] == 0
    assert set(found["tags"]) <= {"h2", "h3", "p", "section", "dl", "dt", "dd", "div", "ul", "li"}
    scripts = [t for t in texts.values() if "<script" in t]
    assert scripts, "the corpus has a <script> case"
    assert "<script" in found["text"], "HTML in the content is shown as text"


@pytest.fixture(scope="module")
def served_with_admin(built_project, admin_build):
    """The fixture site with the admin copied under /redactie/bewerken/, behind nginx."""
    if not Path(NGINX).exists():
        pytest.fail("nginx missing: run `make test-deps` (installs Debian's nginx-light)")
    base = Path(tempfile.mkdtemp(prefix="handreiking-nginx-admin-", dir="/tmp"))
    base.chmod(0o755)
    site = base / "site"
    shutil.copytree(built_project / "site", site)
    shutil.copytree(admin_build, site / ADMIN_PATH.strip("/"))
    for path in [site, *site.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    port = free_port()
    try:
        with serving(built_project, port, site=site):
            yield port, site
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _get(port: int, path: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response


def test_nginx_sends_the_admin_its_own_policy_and_the_public_pages_theirs(
    served_with_admin, built_project
):
    port, site = served_with_admin
    from generator.base.settings import SiteConfig

    public = content_security_policy(SiteConfig.read(built_project).content_security_policy)
    assert "'unsafe-eval'" not in public.split(), "the admin's allowance stays the admin's"
    for path in ("/", "/redactie/", "/maatregelen/tussenvoorzieningen/"):
        response = _get(port, path)
        assert response.status == 200, path
        assert response.getheader("Content-Security-Policy") == public, path
    script = next(p.name for p in (site / ADMIN_PATH.strip("/")).glob("*.min.js"))
    for path in (ADMIN_PATH, ADMIN_PATH + script):
        response = _get(port, path)
        assert response.status == 200, path
        assert response.getheader("Content-Security-Policy") == content_security_policy(
            ADMIN_POLICY
        )
        assert response.getheader("Cross-Origin-Opener-Policy") == "same-origin-allow-popups"
        assert response.getheader("X-Robots-Tag") == "noindex, nofollow"
        assert response.getheader("Strict-Transport-Security")
    assert "immutable" in _get(port, ADMIN_PATH + script).getheader("Cache-Control")


def test_public_pages_load_not_a_byte_of_the_admin(served_with_admin, browser):
    port, site = served_with_admin
    admin = site / ADMIN_PATH.strip("/")
    for path in site.rglob("*"):
        if (
            path.is_file()
            and admin not in path.parents
            and path.suffix in (".html", ".js", ".css", ".json", ".xml", ".txt")
        ):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert ADMIN_PATH.strip("/") not in text, path
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        for path in ("/", "/redactie/", "/maatregelen/tussenvoorzieningen/", "/tijdlijn/"):
            page.goto(f"http://127.0.0.1:{port}{path}")
            page.wait_for_load_state("networkidle")
        page.goto(f"http://127.0.0.1:{port}{ADMIN_PATH}")
        page.get_by_text("Inloggen met GitHub").wait_for(timeout=90_000)
    finally:
        context.close()
    public = [u for u in requests[: requests.index(f"http://127.0.0.1:{port}{ADMIN_PATH}")]]
    assert not [u for u in public if ADMIN_PATH in u]
    assert [u for u in requests if u.endswith(".min.js") and ADMIN_PATH in u]
