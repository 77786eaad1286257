"""`handreiking nieuw <soort>`: a skeleton entry with every field explained, from the schema.

Required fields are left empty, so `check` points at each one until it is filled in (an empty
value is never valid); optional fields are written as comments to uncomment when needed. The
comments are the schema's labels and help texts, so they never drift from what `check` wants.
"""

from __future__ import annotations

import re
from pathlib import Path

from .kinds import Datum, Enum, ListOf, Record
from .schema import FILES, FileSpec

KINDS = {  # soort on the command line -> the file it belongs in
    "maatregel": "maatregelen",
    "regeling": "regelingen",
    "organisatie": "organisaties",
    "opgave": "opgaven",
    "bron": "bronnen",
    "begrip": "begrippen",
}
INDENT = "  "
WIDTH = 96
HET_WOORDEN = {"begrip"}  # 'het begrip': a new one is 'nieuw begrip', not 'nieuwe begrip'


def nieuw(name: str) -> str:
    """'nieuwe maatregel', 'nieuw begrip': the adjective follows the noun's article."""
    return f"{'nieuw' if name in HET_WOORDEN else 'nieuwe'} {name}"


def spec_for(soort: str) -> FileSpec:
    return next(spec for spec in FILES if spec.key == KINDS[soort])


def skeleton(soort: str) -> str:
    """The YAML of one new list item, indented to sit under the file's top-level key."""
    record = spec_for(soort).kind.item
    lines = [
        f"{INDENT}# --- {nieuw(record.name)}: vul de lege velden in; haal '# ' weg voor "
        "de optionele velden die u nodig hebt ---"
    ]
    lines += _record_lines(record, INDENT, dash=True, filled=False)
    return "\n".join(lines) + "\n"


def _record_lines(record: Record, col: str, dash: bool, filled: bool) -> list[str]:
    """A record's fields at key column `col` (+2 when it is a list item starting with '- ')."""
    key_col = col + ("  " if dash else "")
    lines: list[str] = []
    for index, f in enumerate(record.fields):
        optional = not _wanted(record, f)
        block = _field_lines(f, key_col, filled=filled or optional)
        if optional and not filled:  # a block to uncomment: '# ' at the key's column
            block = [
                line
                if line.lstrip().startswith("#") and line.startswith(key_col + "#")
                else key_col + "# " + line[len(key_col) :]
                for line in block
            ]
        if dash and index == 0:  # the key line of the first field carries the '- '
            at = next(i for i, line in enumerate(block) if not line.lstrip().startswith("#"))
            block[at] = col + "- " + block[at][len(key_col) :]
        lines += block
    return lines


def _field_lines(f, col: str, filled: bool) -> list[str]:
    lines = _comment(col, _explain(f))
    kind = f.kind
    if isinstance(kind, ListOf) and isinstance(kind.item, Record):
        lines.append(f"{col}{f.key}:")
        lines += _record_lines(kind.item, col + INDENT, dash=True, filled=filled)
    elif isinstance(kind, Record):
        lines.append(f"{col}{f.key}:")
        lines += _record_lines(kind, col + INDENT, dash=False, filled=filled)
    elif isinstance(kind, ListOf):
        lines.append(f"{col}{f.key}: []" if filled else f"{col}{f.key}:")
    elif filled:
        lines.append(f"{col}{f.key}: {kind.example()}")
    else:
        lines.append(f"{col}{f.key}:")
    return lines


def _wanted(record: Record, f) -> bool:
    """Required fields, and what a maatregel that is not yet beschikbaar must have."""
    return (
        f.required
        or (record.name == "maatregel" and f.key in ("eindverantwoordelijken", "tijdspad"))
        or (record.name in ("maatregel", "regeling") and f.key == "sectie")  # or vermeld_in
    )


def _explain(f) -> str:
    text = f"{f.label}{' (verplicht)' if f.required else ''}: {f.help}."
    if isinstance(f.kind, Enum):
        text += f" Kies uit: {', '.join(f.kind.values)}."
    elif isinstance(f.kind, Datum):
        text += (
            " Bijvoorbeeld 2021-04-01, 2021-04, 2021-Q1, 2021-H1, 'medio 2021' of 2021-03..2021-07."
        )
    elif f.kind.description:
        text += f" ({f.kind.description})"
    if isinstance(f.kind, ListOf) and not isinstance(f.kind.item, Record):
        text += " Schrijf als [a, b]."
    return text


def _comment(indent: str, text: str) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(indent) + 2 + len(line) + 1 + len(word) > WIDTH:
            lines.append(f"{indent}# {line}")
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(f"{indent}# {line}")
    return lines


def append(root: Path, soort: str) -> tuple[Path, int, str]:
    """Append a skeleton to the file of `soort`; returns the file, its first line, the text."""
    spec = spec_for(soort)
    path = root / spec.path
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    addition = "\n" + skeleton(soort)
    path.write_text(text + addition, encoding="utf-8")
    first_line = text.count("\n") + 2
    return path, first_line, addition


# --- generated editor aids: schema files, modelines, the guide's field reference -------------

GUIDE = "content/paginas/handleiding-redactie.md"
BEGIN = (
    "[//]: # (veldenoverzicht: begin. Gegenereerd uit generator/content/model/ met "
    "`make schema`; niet met de hand bewerken.)"
)
END = "[//]: # (veldenoverzicht: eind)"


def field_reference() -> str:
    """The guide's field reference: a table per content file and per nested block."""
    parts = []
    nested: list[Record] = []
    for spec in FILES:
        record = getattr(spec.kind, "item", spec.kind)
        parts.append(
            f"### {spec.path}\n\n{spec.label.capitalize()}: elk item onder "
            f"`{spec.key}:` is een {record.name}.\n\n{_table(record, nested)}"
        )
    seen = set()
    for record in nested:
        if record.name in seen:
            continue
        seen.add(record.name)
        parts.append(f"### Blok: {record.name}\n\n{_table(record, nested)}")
    return "\n".join(parts)


def _table(record: Record, nested: list[Record]) -> str:
    rows = ["| Veld | Verplicht | Betekenis | Schrijfwijze |", "| --- | --- | --- | --- |"]
    for f in record.fields:
        kind = f.kind
        inner = kind.item if isinstance(kind, ListOf) else kind
        if isinstance(inner, Record):
            nested.append(inner)
            how = (
                f"lijst van blokken '{inner.name}'"
                if isinstance(kind, ListOf)
                else f"blok '{inner.name}'"
            )
        elif isinstance(kind, ListOf):
            how = f"lijst: {inner.description or 'tekst'}"
        elif isinstance(kind, Enum):
            how = "een van: " + ", ".join(f"`{v}`" for v in kind.values)
        else:
            how = kind.description or "tekst"
        required = "ja" if f.required else ("als niet beschikbaar" if _wanted(record, f) else "nee")
        rows.append(f"| `{f.key}` | {required} | {_cell(f.label + ': ' + f.help)} | {_cell(how)} |")
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    text = text.replace("|", "\\|").replace("<", "&lt;")
    return re.sub(r"([\[\]*])", r"\\\1", text)


def generated_files(root: Path, site: str) -> dict[str, str]:
    """Every content file generated from the schema, by path, as it should be on disk: the
    schemas (with the site's address `site` in their `$id`), the content files' modelines and
    the field reference in the editors' guide. The editions' are in history/snapshots.py."""
    from .schema import modeline, schema_files

    files = dict(schema_files(site))
    for spec in FILES:
        path = root / spec.path
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        first, _, rest = text.partition("\n")
        if first.startswith("# yaml-language-server:"):
            text = rest
        files[spec.path] = modeline(spec) + "\n" + text
    guide = root / GUIDE
    if guide.is_file():
        text = guide.read_text(encoding="utf-8")
        if BEGIN in text and END in text:
            head, _, tail = text.partition(BEGIN)
            _, _, tail = tail.partition(END)
            files[GUIDE] = f"{head}{BEGIN}\n\n{field_reference()}\n{END}{tail}"
    return files
