"""The outputs stage: the model and its history -> Markdown pages with front matter (render,
templates/), open data (export, csv_tables, ical), the printed handreiking (printed), the feed.
Nothing here imports MkDocs."""
