"""What can stop a build besides the content: MkDocs, the disk, another build (cli turns each
into one Dutch line and exit code 1; the previous site/ stays as it was)."""

from __future__ import annotations


class BuildError(Exception):
    """MkDocs failed; `output` is what it printed."""

    def __init__(self, output: str):
        super().__init__("MkDocs kon de site niet bouwen")
        self.output = output


class WriteError(Exception):
    """The site could not be written (disk full, no permission): one line for the editor."""


class BuildBusy(Exception):
    """Another build (or serve) of this project is writing its pages right now."""
