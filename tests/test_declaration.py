"""One declaration drives every output (issue 23): a field declared on a record kind in
generator/content/model/ reaches the JSON, its JSON Schema, the CSV (or stands in
csv_tables.OMITTED with why), the editors' scaffold, the guide's field reference and the
changelog's labels, without a line elsewhere. Read from the minimal fixture's model."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from conftest import FIXTURE_CONTENT
from generator.base.settings import Settings
from generator.content import scaffold
from generator.content.kinds import ADDRESSED, RESERVED_FIELDS, Text, content, record
from generator.content.kinds.compound import RECORDS
from generator.content.schema import (
    KERNCIJFER,
    MAATREGEL,
    MIJLPAAL,
    OPGAVE,
    ORGANISATIE,
    REGELING,
)
from generator.outputs import csv_tables
from generator.outputs.csv_tables import OMITTED, tables
from generator.outputs.export import content_json, export_schema
from generator.site.build import load

TODAY = date(2021, 6, 15)
SETTINGS = Settings(today=TODAY)
# Which CSV file shows which record kind.
SHOWN_IN = {
    "open-data/maatregelen.csv": MAATREGEL,
    "open-data/regelingen.csv": REGELING,
    "open-data/organisaties.csv": ORGANISATIE,
    "open-data/opgaven.csv": OPGAVE,
    "open-data/mijlpalen.csv": MIJLPAAL,
    "open-data/kerncijfers.csv": KERNCIJFER,
}
PAGE_RECORDS = (MAATREGEL, REGELING, ORGANISATIE, OPGAVE)


def missing_from_csv(model) -> list[str]:
    """'<record>.<field>' for each declared field that its CSV file neither shows (a column
    named after it, or starting with it) nor leaves out on purpose in OMITTED."""
    headers = {t.file: [c.name for c in t.columns] for t in tables(model, SETTINGS)}
    missing = []
    for file, kind in SHOWN_IN.items():
        for field in kind.fields:
            shown = any(h == field.key or h.startswith(field.key + "_") for h in headers[file])
            if not shown and field.key not in OMITTED[kind.name]:
                missing.append(f"{kind.name}.{field.key}")
    return missing


@pytest.fixture(scope="module")
def model():
    return load(FIXTURE_CONTENT.parent / "minimal", TODAY)[1]


def test_every_declared_field_is_in_its_csv_file_or_left_out_on_purpose(model):
    assert missing_from_csv(model) == []
    for kind in SHOWN_IN.values():
        declared = {f.key for f in kind.fields}
        # an omission names a real field, with a reason, and that field is really left out
        assert set(OMITTED[kind.name]) <= declared, kind.name
        assert all(reason.strip() for reason in OMITTED[kind.name].values())


def test_the_walk_fails_when_a_csv_column_is_dropped(model, monkeypatch):
    """The test above can fail: drop the columns of one field, as a lost line would."""
    original = csv_tables.field_columns

    def without_samenvatting(record, key, **options):
        if record is OPGAVE and key == "samenvatting":
            return ()
        return original(record, key, **options)

    monkeypatch.setattr(csv_tables, "field_columns", without_samenvatting)
    assert missing_from_csv(model) == ["opgave.samenvatting"]


def test_a_field_not_in_a_tables_order_still_gets_its_columns():
    """A field added to a record later appears in its CSV file by itself, at the end."""
    shown = csv_tables.declared(OPGAVE, ("id",))
    names = [c.name for c in shown]
    assert names[0] == "id"
    for field in OPGAVE.fields:
        if field.key not in OMITTED["opgave"]:
            assert any(n == field.key or n.startswith(field.key + "_") for n in names)


def test_every_declared_field_is_in_the_json_schema_the_scaffold_and_the_guide():
    schema = export_schema(SETTINGS)["$defs"]
    reference = scaffold.field_reference()
    for kind in (*PAGE_RECORDS, MIJLPAAL, KERNCIJFER):
        properties = schema[kind.name]["properties"]
        for field in kind.fields:
            assert field.key in properties, f"{kind.name}.{field.key} not in the JSON Schema"
            assert f"`{field.key}`" in reference, f"{kind.name}.{field.key} not in the guide"
    for soort in ("maatregel", "regeling", "organisatie", "opgave"):
        skeleton = scaffold.skeleton(soort)
        for field in scaffold.spec_for(soort).kind.item.fields:
            assert f"{field.key}:" in skeleton, f"{soort}.{field.key} not in the scaffold"


def test_every_field_the_fixture_fills_is_in_the_json(model):
    data = content_json(model, SETTINGS)
    for key, kind in (("maatregelen", MAATREGEL), ("regelingen", REGELING)):
        for item in data[key]:
            source = getattr(model, key)[item["id"]]
            for field in kind.fields:
                value = getattr(source, field.key)
                if value not in (None, (), [], {}, ""):
                    assert field.key in item, f"{kind.name}.{field.key} of {item['id']}"


@pytest.mark.parametrize("name", sorted(RESERVED_FIELDS))
def test_a_reserved_name_is_refused_when_the_record_is_declared(name):
    def declare(record_name: str):
        fields = [(name, str | None, content(Text(), "Veld", "een veld"))]
        return record(record_name)(dataclasses.make_dataclass("Test", fields, frozen=True))

    for addressed in sorted(ADDRESSED):
        with pytest.raises(TypeError, match=f"{name} is reserved"):
            declare(addressed)
    # the same name on a record without a page of its own (a link's address) is content
    try:
        assert declare("testrecord-zonder-pagina").record.has(name)
    finally:
        RECORDS.pop("testrecord-zonder-pagina", None)
