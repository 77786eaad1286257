"""`python -m generator.site.mkdocs_build CONFIG DOCS SITE [PATTERN...]`: MkDocs elsewhere.

The site's own build runs `mkdocs build --strict` on build/docs (build.py run_mkdocs). The
published editions' pages (frozen.py) are built with the same mkdocs.yml, theme and plugins
from a folder of their own, which MkDocs' command line cannot name: this runs MkDocs' build
with docs_dir and site_dir changed and their pages kept out of the menu (PATTERN, as in
not_in_nav), strict, and exits 1 with MkDocs' own messages on failure.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from ..base.settings import read_config


def main(argv: list[str]) -> int:
    config_file, docs, site, *unlisted = argv
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    # Pages outside the menu (`not_in_nav`), as listed in the file and the ones given here.
    listed = str(read_config(Path(config_file).parent).get("not_in_nav") or "")
    not_in_nav = "\n".join([listed.rstrip("\n"), *unlisted]) + "\n"
    try:
        config = load_config(
            config_file, docs_dir=docs, site_dir=site, strict=True, not_in_nav=not_in_nav
        )
        build(config)
    except (Abort, MkDocsException) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
