"""The preview's two repairs to MkDocs' live-reload server (generator/site/mkdocs_plugin.py),
without a browser: against a fake server and observer that record what is asked of them, and
against MkDocs' own LiveReloadServer and watchdog observer, whose internals they use.

- `_no_edit_missed`: an edit saved while the first build ran, before the watches were set,
  asks for a rebuild as soon as the observer has started; without an edit, none.
- `_reload_not_found`: the 404 page gets the live-reload script (with the current build's
  epoch), so a reader on a page that did not exist yet sees it appear after the next build.
"""

from __future__ import annotations

import io
import threading
import time
from types import SimpleNamespace

from mkdocs.livereload import LiveReloadServer

from generator.site.mkdocs_plugin import _fingerprint, _no_edit_missed, _reload_not_found

NOT_FOUND = b"<html><body><h1>1 fout in de inhoud</h1></body></html>"


class FakeEmitter:
    """An inotify emitter whose watch is set a moment after its observer started."""

    def __init__(self, delay: float):
        self._inotify = None
        self.delay = delay

    def set_watch(self) -> None:
        time.sleep(self.delay)
        self._inotify = object()


class FakeObserver:
    def __init__(self, emitters):
        self.emitters = emitters
        self.started = False

    def start(self) -> None:
        self.started = True
        for emitter in self.emitters:
            threading.Thread(target=emitter.set_watch, daemon=True).start()


class FakeServer:
    """What the repairs use of mkdocs.livereload.LiveReloadServer."""

    def __init__(self, emitters=()):
        self.observer = FakeObserver(list(emitters))
        self._rebuild_cond = threading.Condition()
        self._want_rebuild = False
        self._visible_epoch = 1733600000
        self.injected: list[tuple[bytes, int]] = []
        self.error_handler = lambda code: NOT_FOUND if code in (404, 500) else None

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        self.injected.append((content, epoch))
        return content.replace(b"</body>", b"<script>livereload(%d)</script></body>" % epoch)


# --- _no_edit_missed ------------------------------------------------------------------------


def test_an_edit_during_the_first_build_asks_for_a_rebuild_when_the_observer_starts():
    server = FakeServer()
    _no_edit_missed(server, lambda: True)
    assert not server._want_rebuild  # nothing asked before the observer starts
    woken = threading.Event()

    def build_loop():  # as LiveReloadServer._build_loop waits for a rebuild request
        with server._rebuild_cond:
            if server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=10):
                woken.set()

    waiting = threading.Thread(target=build_loop)
    waiting.start()
    server.observer.start()
    waiting.join(timeout=10)
    assert server.observer.started
    assert server._want_rebuild and woken.is_set()


def test_without_an_edit_no_rebuild_is_asked():
    server = FakeServer()
    _no_edit_missed(server, lambda: False)
    server.observer.start()
    assert server.observer.started and not server._want_rebuild


def test_the_check_for_an_edit_waits_until_every_watch_is_set():
    emitters = [FakeEmitter(0.05), FakeEmitter(0.3)]
    server = FakeServer(emitters)
    watches_when_asked = []

    def changed() -> bool:
        watches_when_asked.append([e._inotify is not None for e in emitters])
        return True

    _no_edit_missed(server, changed)
    server.observer.start()  # returns once the watches are set and the check is done
    assert watches_when_asked == [[True, True]]
    assert server._want_rebuild


def test_with_mkdocs_own_server_and_observer_an_edit_is_a_rebuild_request(tmp_path):
    """The real LiveReloadServer and its watchdog observer: the names the repair uses exist,
    and a change seen after the build asks for exactly one rebuild."""
    watched = tmp_path / "maatregelen.yaml"
    watched.write_text("maatregelen: []\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))
    config = SimpleNamespace(watch=[str(watched)])
    seen = _fingerprint(tmp_path, config)  # what the first build read
    watched.write_text("maatregelen: [x]\n", encoding="utf-8")  # saved during that build
    _no_edit_missed(server, lambda: seen != _fingerprint(tmp_path, config))
    try:
        server.observer.start()
        assert server._want_rebuild
        assert server.observer.emitters, "no emitter: the watch was not scheduled"
    finally:
        server.observer.stop()
        server.observer.join(timeout=10)
        server.server_close()


def test_the_fingerprint_changes_with_an_edit_and_only_then(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "opgaven.yaml").write_text("opgaven: []\n", encoding="utf-8")
    config = SimpleNamespace(watch=["content", str(tmp_path / "maatregelen.yaml")])
    (tmp_path / "maatregelen.yaml").write_text("maatregelen: []\n", encoding="utf-8")
    before = _fingerprint(tmp_path, config)
    assert len(before) == 2
    assert _fingerprint(tmp_path, config) == before
    (content / "opgaven.yaml").write_text("opgaven: [a]\n", encoding="utf-8")
    assert _fingerprint(tmp_path, config) != before


# --- _reload_not_found ----------------------------------------------------------------------


def test_the_404_page_gets_the_reload_script_with_the_current_epoch():
    server = FakeServer()
    _reload_not_found(server)
    page = server.error_handler(404)
    assert b"livereload(1733600000)" in page and page.startswith(NOT_FOUND[:20])
    server._visible_epoch = 1733600500  # after the next build: the next 404 has the new epoch
    assert b"livereload(1733600500)" in server.error_handler(404)


def test_other_errors_and_a_missing_page_are_left_alone():
    server = FakeServer()
    _reload_not_found(server)
    assert server.error_handler(500) == NOT_FOUND
    assert server.error_handler(403) is None
    assert server.injected == []


def test_mkdocs_own_server_serves_its_404_with_the_reload_script(tmp_path):
    """Through LiveReloadServer.serve_request, as a browser asks for a page not built yet."""
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.error_handler = lambda code: NOT_FOUND if code == 404 else None
    _reload_not_found(server)
    statuses = []
    environ = {
        "PATH_INFO": "/maatregelen/koppelen/",
        "REQUEST_METHOD": "GET",
        "wsgi.input": io.BytesIO(),
    }
    try:
        body = b"".join(
            server.serve_request(environ, lambda status, headers: statuses.append(status))
        )
    finally:
        server.server_close()
    assert statuses == ["404 Not Found"]
    assert b"1 fout in de inhoud" in body
    assert b"livereload(%d," % server._visible_epoch in body


def test_without_the_repair_mkdocs_404_has_no_reload_script(tmp_path):
    """Why the repair exists: MkDocs itself serves its 404 page as it is."""
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.error_handler = lambda code: NOT_FOUND
    environ = {"PATH_INFO": "/bestaat-niet/", "REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO()}
    try:
        body = b"".join(server.serve_request(environ, lambda status, headers: None))
    finally:
        server.server_close()
    assert body == NOT_FOUND
