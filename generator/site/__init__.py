"""The site stage: write the pages, run MkDocs and Pagefind, swap site/ in (build); the MkDocs
bridge (mkdocs_plugin), the preview (preview, errorpage) and the web server (nginx)."""
