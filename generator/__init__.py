"""The Integrale Handreiking generator: YAML content in, a static site out.

The stages, each a package, every import pointing down (import-linter holds it, `make lint`):

    cli       `handreiking check|build|serve|diff|editie|...`: arguments and exit codes only
    site      the build (write pages, run MkDocs, swap site/ in), the MkDocs bridge, the preview,
              the web server's configuration
    outputs   the model (and its history) -> Markdown pages, open data, the feed, the PDF
    history   published editions: snapshots, the changelog, addresses that must keep answering
    content   YAML -> located nodes -> checked values -> the typed model
    base      what every stage shares: problems, dates, Dutch words, addresses, settings
"""
