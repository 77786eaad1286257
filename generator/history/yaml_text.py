"""The block-style YAML of the files the history writes (content/edities/<jaar>.yaml and
logboek.yaml): one layout for both, so they read, diff and hash alike."""

from __future__ import annotations

from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Block style; multi-line text as '|' blocks, so a file reads (and diffs) like content."""


def _represent_str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def block_yaml(data: Any) -> str:
    """`data` as block-style YAML: keys in their order, Unicode as it is, lines up to 100."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
