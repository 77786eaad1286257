"""`handreiking serve` and `make serve`: the editor's preview (issue 15).

A content error shows in the browser, on every page, until it is fixed; then the browser
reloads the fixed page by itself. The preview has search (Pagefind over the served site) and
says why the PDF is missing. A busy port is one Dutch line; Ctrl-C and SIGTERM stop the
whole server with exit code 0 and no make error. The browser tests use the minimal fixture's
content in the real site configuration and theme, so they do not depend on the live content.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from checkout import editor_checkout, make_env
from serving import (
    listening,
    preview_project,
    save_and_wait_for_rebuild,
    start,
    wait_until_serving,
)

from conftest import ARTIFACTS, ROOT
from tools.chromium import free_port

PAGE = "maatregelen/koppelen/"
TITLE = "Koppelen vergunninghouders en uitplaatsingsregio’s"
LIMIT = 90  # seconds; generous, this is not a timing test


def serve_command(root: Path, port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "generator.cli",
        "serve",
        "--root",
        str(root),
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]


@pytest.fixture
def broken_preview(tmp_path):
    """A preview that starts on content with an unclosed quote and no pages built before.

    One for each test: a preview shared by the module started broken only for the first test
    that used it, and the content the other found depended on the order (issue 23).
    """
    project = preview_project(tmp_path / "preview")
    source = project / "maatregelen.yaml"
    good = source.read_text(encoding="utf-8")
    lines = good.split("\n")
    number = next(i for i, line in enumerate(lines, 1) if line.strip() == 'sectie: "4.2.4"')
    column = lines[number - 1].index('"') + 1
    source.write_text(good.replace('sectie: "4.2.4"', 'sectie: "4.2.4', 1), encoding="utf-8")
    port = free_port()
    server = start(serve_command(project, port), ROOT)
    url = f"http://127.0.0.1:{port}/"
    wait_until_serving(url, server)
    yield {"url": url, "source": source, "good": good, "at": f"maatregelen.yaml:{number}:{column}"}
    os.killpg(server.pid, signal.SIGTERM)
    server.communicate(timeout=30)


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_content_errors_show_on_every_page_until_fixed_then_the_page_reloads(
    broken_preview, tab, browser
):
    from playwright.sync_api import expect

    url, at = broken_preview["url"], broken_preview["at"]
    tab.goto(url)  # a preview started on broken content, with no good pages to show
    expect(tab.locator("h1")).to_have_text("1 fout in de inhoud", timeout=LIMIT * 1000)
    expect(tab.locator(".waar")).to_have_text(at)
    expect(tab.locator(".melding")).to_contain_text(
        'YAML-fout: het aanhalingsteken (") dat hier opent, wordt pas op regel'
    )
    expect(tab.locator("pre .regel")).to_contain_text('sectie: "4.2.4')
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (375, 1280):
        tab.set_viewport_size({"width": width, "height": 900})
        tab.screenshot(path=str(ARTIFACTS / f"serve-foutpagina-{width}.png"), full_page=True)

    broken_preview["source"].write_text(broken_preview["good"], encoding="utf-8")
    # no navigation: the open tab reloads by itself once the rebuild is done
    expect(tab.locator("h1")).not_to_have_text("1 fout in de inhoud", timeout=LIMIT * 1000)
    tab.goto(url + PAGE)
    expect(tab.locator("h1")).to_contain_text(TITLE)

    broken_preview["source"].write_text(
        broken_preview["good"].replace("status: beschikbaar", "status: klaar", 1),
        encoding="utf-8",
    )
    expect(tab.locator("h1")).to_have_text("1 fout in de inhoud", timeout=LIMIT * 1000)
    expect(tab.locator(".melding")).to_contain_text("'klaar' is geen toegestane waarde")
    other = browser.new_page()  # every page, not only the one that was open
    for address in (url, url + "tijdlijn/", url + "bestaat-niet/"):
        other.goto(address)
        expect(other.locator("h1")).to_have_text("1 fout in de inhoud")
    other.close()

    broken_preview["source"].write_text(broken_preview["good"], encoding="utf-8")
    expect(tab.locator("h1")).to_contain_text(TITLE, timeout=LIMIT * 1000)
    assert tab.url == url + PAGE


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_the_preview_has_search_and_says_why_the_pdf_is_missing(broken_preview, tab):
    from playwright.sync_api import expect

    url = broken_preview["url"]
    # The fix, and the build it sets off done: a page that reloads under the search field
    # loses the query typed into it (the "search found nothing" failure, issue 23).
    save_and_wait_for_rebuild(broken_preview["source"], broken_preview["good"], url, LIMIT)
    tab.goto(url + PAGE)
    expect(tab.locator("h1")).to_contain_text(TITLE, timeout=LIMIT * 1000)
    note = tab.locator(".hr-pdf")
    expect(note).to_contain_text("De PDF van de hele handreiking ontbreekt hier")
    expect(note).to_contain_text("make build")
    assert tab.locator(".hr-pdf a").count() == 0  # no link to a PDF that is not there

    tab.goto(url + "zoeken/")
    tab.fill("#hr-zoekterm", "tussenvormen")
    tab.press("#hr-zoekterm", "Enter")
    expect(tab.locator("#hr-zoeklijst li a").first).to_have_attribute(
        "href", "/maatregelen/tussenvoorzieningen/", timeout=LIMIT * 1000
    )


def test_a_busy_port_is_one_dutch_line_without_traceback():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            serve_command(ROOT, port), cwd=ROOT, capture_output=True, text=True, timeout=60
        )
    assert result.returncode == 1
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"fout: poort {port} is al in gebruik")
    assert "make serve PORT=" in line


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_and_sigterm_stop_the_whole_server_with_exit_zero(stop, tmp_path):
    project = preview_project(tmp_path / "p")
    temporary = tmp_path / "tmp"  # where MkDocs keeps the site it serves
    temporary.mkdir()
    port = free_port()
    server = start(serve_command(project, port), ROOT, {**os.environ, "TMPDIR": str(temporary)})
    wait_until_serving(f"http://127.0.0.1:{port}/", server)
    assert list(temporary.glob("mkdocs_*"))
    os.killpg(server.pid, stop)  # Ctrl-C signals the whole foreground process group
    output = server.communicate(timeout=60)[0]
    assert server.returncode == 0, output
    assert "Traceback" not in output
    assert output.rstrip().endswith("voorbeeldweergave gestopt")
    assert not listening(port)
    assert not list(temporary.glob("mkdocs_*"))


@pytest.mark.parametrize("stop", ["ctrl-c", "sigterm"])
def test_make_serve_on_a_chosen_port_stops_without_a_make_error(stop, tmp_path):
    checkout = editor_checkout(tmp_path / "clone")
    port = free_port()
    make = start(["make", "serve", f"PORT={port}"], checkout, make_env())
    wait_until_serving(f"http://127.0.0.1:{port}/", make)
    if stop == "ctrl-c":
        os.killpg(make.pid, signal.SIGINT)  # the terminal signals make and the server
    else:
        os.kill(make.pid, signal.SIGTERM)  # make passes it on to the server
    output = make.communicate(timeout=60)[0]
    assert "voorbeeldweergave gestopt" in output
    assert "make: ***" not in output and "Error" not in output, output
    assert "Traceback" not in output
    assert not listening(port)


def test_make_serve_on_a_busy_port_is_the_dutch_line_and_no_make_error(tmp_path):
    checkout = editor_checkout(tmp_path / "clone")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            ["make", "serve", f"PORT={port}"],
            cwd=checkout,
            capture_output=True,
            text=True,
            env=make_env(),
            timeout=60,
        )
    output = result.stdout + result.stderr
    assert f"fout: poort {port} is al in gebruik" in output
    assert "make: ***" not in output and "Traceback" not in output
