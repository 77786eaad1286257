"""Declaring a record once, on its model dataclass: `content(...)` declares a field editors
write, `@record` derives the record's `Record` kind from those fields and registers it."""

from __future__ import annotations

import dataclasses
from typing import Any

from .base import Kind
from .compound import RECORDS, Field, ListOf, Record

_SPEC = (
    "handreiking.veld"  # the dataclass field metadata key that holds (kind, label, help, required)
)


def content(kind: Kind, label: str, help: str, required: bool = False) -> Any:
    """A field editors write, declared on the model dataclass: its kind, label and help text.

        titel: str = content(Text(), "Titel", "De titel zoals in de handreiking", required=True)

    From these the schema check, the JSON Schema, the scaffolds, the editor guide, the open
    data and the changelog follow. An optional field defaults to None (an empty tuple for a
    list); a required one has no default.
    """
    metadata = {_SPEC: (kind, label, help, required)}
    if required:
        return dataclasses.field(metadata=metadata)
    if isinstance(kind, ListOf):
        return dataclasses.field(default=(), metadata=metadata)
    return dataclasses.field(default=None, metadata=metadata)


# Names the outputs give the records with a page (and a mijlpaal, its owner's) themselves:
# 'url' is the address of its page in handreiking.json, its JSON Schema and the CSV files,
# 'verlopen' whether it is overdue (outputs/export.py, csv_tables.py). A content field with
# such a name would be overwritten there silently, so `record` refuses it at import. A link's
# or a contact's own 'url' is content, and stays allowed.
RESERVED_FIELDS = frozenset({"url", "verlopen"})
ADDRESSED = frozenset({"maatregel", "opgave", "regeling", "organisatie", "mijlpaal"})


def record(name: str, id_kind: str | None = None):
    """Class decorator: derive the `Record` kind of a dataclass from its `content` fields.

    The Record is the class attribute `record`, in the order the fields are declared.
    """

    def derive(cls: type) -> type:
        fields = tuple(
            Field(f.name, *f.metadata[_SPEC])
            for f in dataclasses.fields(cls)
            if _SPEC in f.metadata
        )
        taken = sorted({f.key for f in fields} & RESERVED_FIELDS)
        # at import, so such a field never ships: the outputs would overwrite it
        if taken and name in ADDRESSED:
            raise TypeError(
                f"{cls.__name__}: {', '.join(taken)} is reserved (RESERVED_FIELDS): the JSON, "
                "its schema and the CSV write their own value there. Choose another name"
            )
        cls.record = RECORDS[name] = Record(name=name, fields=fields, id_kind=id_kind, cls=cls)
        return cls

    return derive
