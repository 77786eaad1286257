"""Kinds made of other kinds: a block of named fields (`Record`, with its `Field`s), a list of
values (`ListOf`) and a value per field of the record (`PerVeld`, `Redenen`); and every
declared record by name, for hints across records (declare.py's `record` fills it)."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import Any

from ..load import Mapping, Scalar, Sequence
from .base import INVALID, Context, Kind
from .checks import did_you_mean, shown_value
from .text import Text

UNDERIVABLE = ("id", "afgeleid", "vorige_ids")  # fields no editor infers from the text


@dataclass
class PerVeld(Kind):
    """A value per field of this record: {status: ...}; `Record.check` makes sure every key is
    a field the record has. `Redenen` (why a field is inferred) and the sources of single
    fields (`bronvermelding`) are such maps."""

    item: Kind = None
    what: str = ""  # 'een reden', 'een bron met vindplaats': what each field gets, in Dutch

    def __post_init__(self):
        self.description = f"per veld {self.what}: veldnaam: ..."

    def check(self, node, path, ctx):
        if not isinstance(node, Mapping):
            ctx.problem(node.location, path, f"verwacht per veld een regel 'veldnaam: {self.what}'")
            return INVALID
        values: dict[str, Any] = {"_loc": {}}
        for key, (key_location, child) in node.items.items():
            value = self.item.check(child, f"{path}.{key}", ctx)
            values["_loc"][key] = key_location
            if value is not INVALID:
                values[key] = value
        return values

    def build(self, value):
        return {k: self.item.build(v) for k, v in value.items() if not k.startswith("_")}

    def written(self, value):
        return {k: self.item.written(v) for k, v in value.items()}

    def json_schema(self):
        return {"type": "object", "additionalProperties": self.item.json_schema()}

    def example(self):
        return "{}"


class Redenen(PerVeld):
    """Per field of this record that the editors inferred, why: {status: "De tekst …"}."""

    def __init__(self):
        super().__init__(item=Text(single_line=False), what="de reden")
        self.description = (
            "per veld dat de redactie heeft afgeleid (de handreiking zegt het niet zo), waarom: "
            "veldnaam: reden"
        )

    def json_schema(self):
        return {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}}


@dataclass
class ListOf(Kind):
    item: Kind = None
    min_items: int = 0

    def check(self, node, path, ctx):
        if isinstance(node, Scalar) and node.value == "" and not node.quoted:
            return []  # `veld:` with nothing after it is an empty list
        if not isinstance(node, Sequence):
            hint = (
                " (schrijf [a, b] of elk item op een eigen regel met '- ')"
                if isinstance(node, Scalar)
                else ""
            )
            ctx.problem(node.location, path, f"verwacht een lijst{hint}")
            return INVALID
        values = [self.item.check(child, f"{path}[{i}]", ctx) for i, child in enumerate(node.items)]
        if len(node.items) < self.min_items:
            ctx.problem(
                node.location, path, f"de lijst moet minstens {self.min_items} item(s) bevatten"
            )
        if INVALID in values:
            return INVALID  # already reported; rules about this list must not pile on
        return values

    def build(self, value):
        return tuple(self.item.build(item) for item in value)

    def written(self, value):
        return [self.item.written(item) for item in value]

    def json_schema(self):
        schema = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema


@dataclass
class Field:
    key: str
    kind: Kind
    label: str
    help: str
    required: bool = False


@dataclass
class Record(Kind):
    """A block of named fields; unknown fields are errors, with a suggestion."""

    name: str = ""  # Dutch noun for one record, e.g. 'maatregel'
    fields: tuple[Field, ...] = ()
    id_kind: str | None = None  # registers the `id` field under this kind
    cls: type | None = None  # the model dataclass that declares the fields (see `record`)

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    def has(self, key: str) -> bool:
        return any(f.key == key for f in self.fields)

    def written(self, value) -> dict[str, Any]:
        """The declared fields of a model object, in their order, empty ones left out."""
        fields = ((f, getattr(value, f.key)) for f in self.fields)
        return {f.key: f.kind.written(v) for f, v in fields if not _empty(v)}

    def check(self, node, path, ctx):
        if not isinstance(node, Mapping):
            found = "een lijst" if isinstance(node, Sequence) else f"'{getattr(node, 'value', '')}'"
            ctx.problem(
                node.location,
                path,
                f"verwacht een {self.name} met velden (sleutel: waarde), maar vond {found}",
            )
            return INVALID
        known = {f.key: f for f in self.fields}
        value: dict[str, Any] = {"_at": node.location, "_path": path, "_loc": {}}
        for key, (key_location, child) in node.items.items():
            if key not in known:
                hint = did_you_mean(key, known) or _elsewhere(key, self)
                ctx.problem(
                    key_location, path, f"onbekend veld '{shown_value(key)}' in {self.name}{hint}"
                )
                continue
            checked = known[key].kind.check(child, f"{path}.{key}", ctx)
            value["_loc"][key] = child.location
            if checked is not INVALID:
                value[key] = checked
        for f in self.fields:
            if f.required and f.key not in node.items:
                ctx.problem(
                    node.location,
                    path,
                    f"verplicht veld '{f.key}' ({f.label}) ontbreekt in {self.name}",
                )
        for name, f in known.items():
            if isinstance(f.kind, PerVeld) and isinstance(value.get(name), dict):
                self._check_per_veld(name, value, node, ctx)
        if self.id_kind and isinstance(value.get("id"), str):
            ctx.ids.append((self.id_kind, value["id"], value["_loc"]["id"], path))
        return value

    def _check_per_veld(self, name: str, value: dict, node: Mapping, ctx: Context) -> None:
        """The keys of a map per field (afgeleid, bronvermelding) are fields this record has,
        and one field is either inferred or stated in a source, not both."""
        path, known = value["_path"], {f.key: f for f in self.fields}
        verb = "afleiden" if name == "afgeleid" else "met een bron vermelden"
        per_field = [f.key for f in self.fields if isinstance(f.kind, PerVeld)]
        for key, at in value[name]["_loc"].items():
            if key not in known or key in UNDERIVABLE or key in per_field:
                ctx.problem(
                    at,
                    f"{path}.{name}",
                    f"'{key}' is geen veld van een {self.name} dat de redactie kan {verb}"
                    f"{did_you_mean(key, known)}",
                )
            elif key not in node.items:
                ctx.problem(
                    at,
                    f"{path}.{name}",
                    f"'{key}' staat bij {name}, maar de {self.name} heeft geen '{key}'",
                )
            elif name != "afgeleid" and key in (value.get("afgeleid") or {}):
                ctx.problem(
                    at,
                    f"{path}.{name}",
                    f"'{key}' staat ook bij afgeleid; een gegeven staat in een bron of is "
                    "afgeleid door de redactie, niet allebei",
                )

    def build(self, value: dict) -> Any:
        """The record's dataclass from checked values: every field through its own kind, and
        the record's place in the content files as `location` when the class has one."""
        data = {f.key: f.kind.build(value[f.key]) for f in self.fields if f.key in value}
        if self._located:
            data["location"] = value["_at"]
        return self.cls(**data)

    @functools.cached_property
    def _located(self) -> bool:
        return "location" in {f.name for f in dataclasses.fields(self.cls)}

    def json_schema(self):
        return {"$ref": f"#/$defs/{self.name}"}

    def definition(self) -> dict:
        properties = {
            f.key: {
                **f.kind.json_schema(),
                "title": f.label,
                "description": f.help + (f" ({f.kind.description})" if f.kind.description else ""),
            }
            for f in self.fields
        }
        per_field = [f.key for f in self.fields if isinstance(f.kind, PerVeld)]
        for f in self.fields:  # the keys of `afgeleid` are this record's other fields
            if isinstance(f.kind, PerVeld):
                names = [g.key for g in self.fields if g.key not in (*UNDERIVABLE, *per_field)]
                properties[f.key]["propertyNames"] = {"enum": names}
        return {
            "type": "object",
            "title": self.name,
            "additionalProperties": False,
            "required": [f.key for f in self.fields if f.required],
            "properties": properties,
        }


def _empty(value: Any) -> bool:
    """What the open data leaves out: a field without a value, or an empty list."""
    return value is None or value == () or value == []


RECORDS: dict[str, Record] = {}  # every declared record by name, for hints across records


def _elsewhere(key: str, here: Record) -> str:
    """ " (het veld 'kenmerk' hoort bij een bron of een regeling, ...)" when a few other
    records declare the field: the editor put a fact in the wrong place."""
    owners = [f"een {r.name}" for r in RECORDS.values() if r is not here and r.has(key)]
    if not owners or len(owners) > 3:
        return ""
    names = owners[0] if len(owners) == 1 else ", ".join(owners[:-1]) + " of " + owners[-1]
    return f" (het veld '{key}' hoort bij {names}, niet bij een {here.name})"
