"""The MkDocs bridge: regenerate the Markdown pages before each build of `mkdocs serve`.

Only connects; all logic lives in `build`. `handreiking build` generates the pages itself and
sets HANDREIKING_PREGENERATED, so this does nothing there.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.plugins import BasePlugin

from . import build
from .problems import FOUT

log = logging.getLogger("mkdocs.plugins.handreiking")


class HandreikingPlugin(BasePlugin):
    def on_pre_build(self, config) -> None:
        if os.environ.get(build.PREGENERATED):
            return
        root = Path(config.config_file_path).parent
        try:
            _, pages = build.generate(root, build.build_date())
        except build.ContentError as error:
            # Keep serving the last good pages; the editor sees every problem in the terminal.
            for problem in error.problems:
                (log.error if problem.severity == FOUT else log.warning)("%s", problem)
            log.error("handreiking: de site toont de laatste versie zonder fouten")
            return
        written = build.write_pages(pages, Path(config.docs_dir))
        if written:
            log.info("handreiking: %d pagina('s) bijgewerkt", written)
