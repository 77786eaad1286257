"""The MkDocs bridge: regenerate the Markdown pages before each build of `mkdocs serve`.

Only connects; all logic lives in `build`, `errorpage` and `search`. `handreiking build`
generates the pages and the search index itself and sets HANDREIKING_PREGENERATED, so this
does neither there. In the preview, content errors replace every page by the error page until
they are fixed, and Pagefind indexes the served site so that search works there too.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from pathlib import Path

from mkdocs.plugins import BasePlugin

from ..base.problems import FOUT, Problem
from ..base.settings import build_date, nav_files
from ..base.urls import PDF_FILE
from ..outputs.headers import preview_policy
from . import build, frozen
from .errorpage import PLACEHOLDER, error_page
from .search import SearchIndexError, index_site

log = logging.getLogger("mkdocs.plugins.handreiking")


class NavCache:
    """The tabs and sidebar nav of pages outside the nav, rendered once per directory.

    Every generated maatregel, regeling and organisatie page sits outside the nav, so nothing
    in its nav is active, and MkDocs writes nav links relative to the page: the HTML is the
    same for every such page in one directory. At 2,000 maatregelen this rendering was 13 % of
    the MkDocs build (docs/performance.md). theme/base.html asks for it when the plugin is
    there and renders the nav itself otherwise.
    """

    def __init__(self) -> None:
        self._html: dict[str, str] = {}
        self._nav_urls: list[str] | None = None  # the nav is the same for every page

    def key(self, part: str, page, nav) -> str | None:
        """The cache key, or None when this page's nav must be rendered for it alone."""
        if page is None or not page.url or page in nav.pages:
            return None
        if self._nav_urls is None:
            self._nav_urls = _nav_urls(nav.items)
        # A nav entry under this page's directory would be linked to differently from here.
        if any(url.startswith(page.url) for url in self._nav_urls):
            return None
        return f"{part}:{page.url.rstrip('/').rpartition('/')[0]}/"

    def get(self, key: str) -> str | None:
        return self._html.get(key)

    def put(self, key: str, html: str) -> str:
        self._html[key] = html
        return html


def _nav_urls(items) -> list[str]:
    """The URL of every page and link in the nav, sections included."""
    urls = []
    for item in items:
        if getattr(item, "url", None) is not None:
            urls.append(item.url)
        urls += _nav_urls(getattr(item, "children", None) or [])
    return urls


class HandreikingPlugin(BasePlugin):
    def __init__(self) -> None:
        self.problems: list[Problem] = []  # the content errors of the current preview build
        self.serving = False
        self.seen: tuple = ()  # the watched files as the last build started to read them
        self.editions: Path | None = None  # the published editions' kept pages (frozen.py)

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        # The preview's pages get MkDocs' inline live-reload script (headers.preview_policy).
        policy = config.extra.get("content_security_policy")
        if self.serving and policy:
            config.extra["content_security_policy"] = preview_policy(policy)
        return config

    def on_serve(self, server, config, builder):
        # MkDocs watches docs_dir, but this plugin writes it from content/ and maatregelen.yaml
        # (watched through `watch:` in mkdocs.yml): the pages it writes would start a second,
        # useless rebuild after every edit (issue 6: at 2,000 maatregelen, 100 s each).
        if not os.environ.get(build.PREGENERATED):
            server.unwatch(config.docs_dir)
        root = Path(config.config_file_path).parent
        _no_edit_missed(server, lambda: self.seen != _fingerprint(root, config))
        _reload_not_found(server)
        return server

    def on_env(self, env, config, files):
        env.globals["hr_nav_cache"] = NavCache()  # a new one for every (re)build
        return env

    def on_pre_build(self, config) -> None:
        self.problems = []
        if os.environ.get(build.PREGENERATED):
            return
        root = Path(config.config_file_path).parent
        self.seen = _fingerprint(root, config)  # what this build reads (see _no_edit_missed)
        try:
            with build.build_lock(root):
                generated = build.generate_all(root, build_date())
                pages = generated.files
                written = build.write_pages(pages, Path(config.docs_dir))
                # Issue 20: the editions' pages are built once and kept; an edit of the
                # content does not build them again (only a new edition or template does).
                started = frozen.start(root, generated.history, generated.settings, pages)
                self.editions = started.wait()
        except build.ContentError as error:
            # Every page of the preview shows the errors (on_post_page) until they are fixed.
            self.problems = [p for p in error.problems if p.severity == FOUT]
            for problem in error.problems:
                (log.error if problem.severity == FOUT else log.warning)("%s", problem)
            log.error(
                "handreiking: de inhoud bevat fouten; elke pagina in de browser toont ze tot "
                "ze hersteld zijn"
            )
            _placeholders(config)
            return
        except (build.BuildBusy, build.WriteError, OSError) as error:
            log.error("handreiking: %s; de site toont de laatste versie", error)
            return
        if written:
            log.info("handreiking: %d pagina('s) bijgewerkt", written)

    def on_files(self, files, config):
        # Issue 15: theme/main.html says why the PDF is missing (the preview skips it).
        config.extra["hr_pdf"] = files.get_file_from_path(PDF_FILE) is not None
        return files

    def on_post_page(self, output, page, config):
        if not self.problems:
            return output
        root = Path(config.config_file_path).parent
        return error_page(self.problems, root, page.title)

    def on_post_template(self, output_content, template_name, config):
        # The 404 page too: a page that the broken content would have made is not there yet.
        if self.problems and template_name == "404.html":
            return error_page(self.problems, Path(config.config_file_path).parent)
        return output_content

    def on_post_build(self, config) -> None:
        if os.environ.get(build.PREGENERATED) or self.problems:
            return  # `handreiking build` indexes the staging site itself
        if self.editions is not None:
            frozen.copy_into(self.editions, Path(config.site_dir))
        try:
            index_site(Path(config.site_dir))
        except SearchIndexError as error:
            log.warning("handreiking: geen zoekindex in de voorbeeldweergave: %s", error.output)


def _fingerprint(root: Path, config) -> tuple:
    """Every watched file (mkdocs.yml's `watch:`) with its size and modification time."""
    found = []
    for watched in config.watch or []:
        path = Path(watched) if Path(watched).is_absolute() else root / watched
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            with contextlib.suppress(OSError):
                info = file.stat()
                found.append((str(file), info.st_size, info.st_mtime_ns))
    return tuple(found)


def _no_edit_missed(server, changed_since_build) -> None:
    """An edit saved while the first build ran, or just after, shows without another save.

    MkDocs' server accepts requests before watchdog has set its watches (each emitter thread
    sets them when it starts), and it builds before it watches at all: an edit in between was
    never seen, and the preview kept showing the old content (issue 23). So the observer's
    start waits until every watch is set, and then a rebuild is asked for when a watched file
    changed since the build began reading. Uses the server's own rebuild request, as its
    watcher does (mkdocs/livereload, pinned in requirements.txt).
    """
    observer = server.observer
    start = observer.start

    def start_and_wait() -> None:
        start()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not all(
            getattr(emitter, "_inotify", True) is not None for emitter in observer.emitters
        ):
            time.sleep(0.01)
        if changed_since_build():
            with server._rebuild_cond:
                server._want_rebuild = True
                server._rebuild_cond.notify_all()

    observer.start = start_and_wait


def _reload_not_found(server) -> None:
    """The preview's 404 page reloads by itself after the next build, as every page does.

    MkDocs adds its live-reload script to the files it serves, not to the 404 page. A preview
    that starts on broken content has no page for a record yet: the reader saw the error page
    as a 404, and after the fix it stayed there (issue 23: "1 fout in de inhoud" for 90 s).
    """
    handler = server.error_handler

    def with_reload(code: int) -> bytes | None:
        content = handler(code)
        if content is not None and code == 404:
            content = server._inject_js_into_html(content, server._visible_epoch)
        return content

    server.error_handler = with_reload


def _placeholders(config) -> None:
    """A page for every nav entry missing from docs_dir (a preview that starts with errors)."""
    docs = Path(config.docs_dir)
    for page in nav_files(config.nav or []):
        target = docs / page
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(PLACEHOLDER, encoding="utf-8")
