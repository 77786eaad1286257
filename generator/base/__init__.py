"""What every stage shares: located problems, dates with precision, Dutch words, the site's
addresses and the settings read from mkdocs.yml. Imports nothing of the stages above."""
