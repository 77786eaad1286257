"""The site served by Debian's nginx with the configuration the build generates (issue 12).

A fixture project with a renamed maatregel is built in a folder the server's own user may
read, `handreiking nginx` writes the configuration for 127.0.0.1, and nginx runs with its
worker as `nobody` (when the tests run as root, as in CI). Checked over HTTP: the headers on
every kind of response, caching, gzip, the site's 404 page, the 301 of the old address; and
in Chromium: no page reports a Content-Security-Policy violation while search, the filters
and the tijdlijn work.
"""

from __future__ import annotations

import http.client
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hostile_corpus import corpus_project

from conftest import ROOT, handreiking
from generator.base.settings import Deployment, SiteConfig
from generator.content.validate import check_project
from generator.history.model import redirects
from generator.outputs.headers import content_security_policy, security_headers
from generator.site import nginx
from tools.chromium import free_port
from tools.nginx_server import NGINX, check_configuration, running, serving

pytestmark = pytest.mark.xdist_group("nginx")
# An old id of 68 characters: nginx's default map bucket (64 bytes) refused its address.
OLD = "tussenvormen-huisvesting-voor-vergunninghouders-buiten-de-coa-opvang"
NEW = "tussenvoorzieningen"
POLICY = SiteConfig.read(ROOT).content_security_policy  # the corpus project uses the real one


@pytest.fixture(scope="module")
def served():
    """(port, site folder, nginx process) for the built fixture behind nginx."""
    if not Path(NGINX).exists():
        pytest.fail("nginx missing: run `make test-deps` (installs Debian's nginx-light)")
    # pytest's tmp folders are 0700: the server's user could not even reach the site.
    base = Path(tempfile.mkdtemp(prefix="handreiking-nginx-", dir="/tmp"))
    base.chmod(0o755)
    try:
        project = corpus_project(base / "project")
        source = project / "maatregelen.yaml"
        text = source.read_text(encoding="utf-8")
        source.write_text(
            text.replace(f"  - id: {NEW}\n", f"  - id: {NEW}\n    vorige_ids: [{OLD}]\n", 1),
            encoding="utf-8",
        )
        with pytest.MonkeyPatch.context() as patch:  # the PDF is not what this test is about
            patch.setenv("HANDREIKING_PDF", "0")
            built = handreiking("build", "--root", str(project), "--datum", "2021-06-15")
        assert built.returncode == 0, built.stderr
        port = free_port()
        with serving(project, port) as server:
            yield port, project / "site", server
    finally:
        shutil.rmtree(base, ignore_errors=True)


def get(port: int, path: str, gzip: bool = False) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip else {})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def _has_security_headers(response) -> None:
    for name, value in security_headers(POLICY).items():
        assert response.getheader(name) == value, name


def test_a_page_has_every_header_and_a_short_cache(served):
    port, _, _ = served
    page = get(port, "/maatregelen/tussenvoorzieningen/")
    assert page.status == 200
    assert page.getheader("Content-Type") == "text/html; charset=utf-8"
    _has_security_headers(page)
    assert "frame-ancestors 'none'" in page.getheader("Content-Security-Policy")
    assert page.getheader("Cache-Control") == "public, max-age=300"
    assert b"Tussenvormen huisvesting" in page.body


def test_hashed_assets_are_cached_for_a_year_and_text_is_gzipped(served):
    port, site, _ = served
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    asset = get(port, f"/assets/javascripts/{bundle}", gzip=True)
    assert asset.status == 200
    assert asset.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert asset.getheader("Content-Encoding") == "gzip"
    _has_security_headers(asset)
    page = get(port, "/", gzip=True)
    assert page.getheader("Content-Encoding") == "gzip"
    assert len(page.body) < (site / "index.html").stat().st_size / 2
    own = get(port, "/assets/stylesheets/handreiking.css")
    assert own.getheader("Cache-Control") == "public, max-age=300"  # no hash in its name


def test_an_unknown_address_gets_the_sites_own_404_page(served):
    port, _, _ = served
    missing = get(port, "/bestaat/niet/")
    assert missing.status == 404
    assert b"Pagina niet gevonden" in missing.body
    _has_security_headers(missing)


def test_the_old_address_of_a_renamed_id_moves_with_a_301(served):
    port, _, _ = served
    for old in (f"/maatregelen/{OLD}/", f"/maatregelen/{OLD}", f"/maatregelen/{OLD}/index.html"):
        moved = get(port, old)
        assert moved.status == 301, old
        assert moved.getheader("Location") == f"/maatregelen/{NEW}/"
        _has_security_headers(moved)


def test_open_data_types_and_hidden_files(served):
    port, _, _ = served
    assert (
        get(port, "/open-data/mijlpalen.ics").getheader("Content-Type").startswith("text/calendar")
    )
    assert get(port, "/open-data/maatregelen.csv").getheader("Content-Type").startswith("text/csv")
    assert get(port, "/.well-known/security.txt").status == 200
    assert get(port, "/.hidden").status == 404


def test_every_file_is_served_by_an_unprivileged_worker(served):
    """The build's site/ is readable by the server's own user: no 403 anywhere."""
    port, site, server = served
    if os.geteuid() == 0:
        workers = subprocess.run(
            ["ps", "-o", "user=", "--ppid", str(server.pid)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        assert workers and set(workers) == {pwd.getpwnam("nobody").pw_name}
    statuses = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            url = "/" + path.relative_to(site).as_posix()
            statuses[url] = get(port, url).status
    # The meta-refresh pages of every old id: this test's rename and the fixture's own
    # vorige_ids (issue 23: a record of each kind fills every field); nginx answers 301.
    moved = sorted(f"/{old}index.html" for old, _, _ in redirects(check_project(site.parent)))
    assert f"/maatregelen/{OLD}/index.html" in moved and len(moved) == 5, moved
    assert {url: statuses.pop(url) for url in moved} == dict.fromkeys(moved, 301)
    assert statuses and set(statuses.values()) == {200}, {
        u: s for u, s in statuses.items() if s != 200
    }


PAGES = [
    "",
    "opgaven/",
    "opgaven/huisvesting/",
    "maatregelen/",
    "maatregelen/tussenvoorzieningen/",
    "regelingen/",
    "regelingen/middelen-aandachtsgroepen/",
    "organisaties/",
    "organisaties/coa/",
    "tijdlijn/",
    "begrippen/",
    "bronnen/",
    "wijzigingen/",
    "open-data/",
    "contact/",
    "toegankelijkheid/",
    "privacy/",
    "handreiking/aanleiding/",
    "handreiking/volledig/",
    "zoeken/",
    "bestaat-niet/",
    f"maatregelen/{OLD}/",
]
LISTEN = """() => { window.hrViolations = [];
  document.addEventListener('securitypolicyviolation', e => window.hrViolations.push(
    e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber)); }"""


@pytest.mark.browser
def test_no_page_reports_a_csp_violation_and_search_filters_tijdlijn_work(served, browser):
    port, _, _ = served
    base = f"http://127.0.0.1:{port}/"
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(f"({LISTEN})()")
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        for path in PAGES:
            tab.goto(base + path)
            tab.wait_for_load_state("load")
            assert tab.evaluate("window.hrViolations") == [], path
            meta = tab.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
            assert meta == content_security_policy(POLICY, meta=True), path
        # Search: Pagefind's WebAssembly runs under 'wasm-unsafe-eval'.
        tab.goto(base + "zoeken/?q=tussenvormen")
        tab.wait_for_selector("#hr-zoeklijst li a")
        found = tab.eval_on_selector_all("#hr-zoeklijst li > a", "e => e.map(a => a.href)")
        assert f"{base}maatregelen/tussenvoorzieningen/" in found
        # Filters on the overview of maatregelen.
        tab.goto(base + "maatregelen/?status=beschikbaar")
        tab.wait_for_function(
            "() => document.querySelector('.hr-filter__aantal').textContent.includes('van de')"
        )
        hidden = tab.evaluate(
            "() => [...document.querySelectorAll('table[data-hr-filterbaar] tbody tr')]"
            ".filter(r => r.hidden).length"
        )
        assert hidden >= 1
        # The tijdlijn draws its figure.
        tab.goto(base + "tijdlijn/")
        assert tab.locator("svg.hr-tijdlijn__figuur").is_visible()
        assert tab.locator("svg.hr-tijdlijn__figuur g").count() >= 3
        assert tab.evaluate("window.hrViolations") == []
        assert errors == []
    finally:
        context.close()


def test_a_setting_reaches_nginx_literally():
    """Issue 21: `report-uri /r?$arg_x` in the policy let a request's query string rewrite
    the Content-Security-Policy header. check refuses it (tests/hostile/); if such a value
    reaches the configuration anyway (a folder named so, `handreiking nginx --webroot`),
    nginx reads every character as written: `nginx -t` accepts it and a request gets it back."""
    base = Path(tempfile.mkdtemp(prefix="handreiking-nginx-", dir="/tmp"))
    base.chmod(0o755)
    try:
        folder = base / 'site $arg_x "q" \\ {;} #'
        folder.mkdir()
        folder.chmod(0o755)
        (folder / "index.html").write_text("hallo", encoding="utf-8")
        (folder / "index.html").chmod(0o644)
        policy = "default-src 'self'; report-uri /r?$arg_x"
        port = free_port()
        text = nginx.config(
            [],
            Deployment(site_url="https://example.org/"),
            policy,
            root=str(folder),
            listen=f"127.0.0.1:{port}",
        )
        assert "$arg_x" not in text and "$handreiking_dollar" in text
        tested = check_configuration(text)
        assert tested.returncode == 0, tested.stderr
        with running(text, port):
            answer = get(port, "/?x=;script-src%20https://evil.example")
        assert answer.status == 200 and answer.body == b"hallo"
        assert answer.getheader("Content-Security-Policy") == (
            "default-src 'self'; report-uri /r?$arg_x; frame-ancestors 'none'"
        )
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_what_cannot_be_written_literally_is_refused():
    deployment = Deployment(site_url="https://example.org/")
    with pytest.raises(ValueError, match="stuurteken"):
        nginx.config([], deployment, "default-src 'self'", root="/srv/a\nb")
    with pytest.raises(ValueError, match="buiten ASCII"):
        nginx.config([], deployment, "default-src 'self' é", root="/srv/x")
    with pytest.raises(ValueError, match="hostnaam"):
        nginx.config([], Deployment(site_url="https://a_b.nl/"), "", root="/srv/x")
    tls = Deployment(
        site_url="https://example.org/", tls_certificate="/a$b", tls_certificate_key="/k"
    )
    with pytest.raises(ValueError, match="certificaat"):
        nginx.config([], tls, "", root="/srv/x")
