"""The admin's Decap configuration follows from the model (generator/outputs/cms.py), and the
admin's own JavaScript tests (admin/test/: the comment-keeping YAML format, unit and property
tests) pass under node's test runner."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml

from conftest import ROOT
from generator.content.kinds import Record
from generator.content.schema import FILES, RECORDS
from generator.outputs import cms


def _forms(config: dict) -> list[list[dict]]:
    """Every list of fields in the config (a form, or a block within one)."""
    found: list[list[dict]] = []

    def walk(fields):
        if fields:
            found.append(fields)
        for field in fields or []:
            walk(field.get("fields"))

    for collection in config["collections"]:
        for entry in collection.get("files", []):
            walk(entry["fields"])
        walk(collection.get("fields"))
    return found


def _matches(record: Record, fields: list[dict]) -> bool:
    return [f["name"] for f in fields] == [f.key for f in record.fields] and all(
        field["label"] == declared.label
        and field["required"] == declared.required
        and field["hint"].startswith(declared.help.rstrip("."))
        for declared, field in zip(record.fields, fields, strict=True)
    )


def test_every_record_of_every_file_is_a_form_with_its_labels_and_required_fields():
    forms = _forms(cms.config())
    for record in RECORDS:
        assert any(_matches(record, fields) for fields in forms), record.name


def test_kinds_become_the_widgets_an_editor_needs():
    config = cms.config()
    files = {e["name"]: e for e in config["collections"][0]["files"]}
    maatregel = {f["name"]: f for f in files["maatregelen"]["fields"][0]["fields"]}
    assert maatregel["status"]["widget"] == "select"
    assert [o["value"] for o in maatregel["status"]["options"]] == list(
        next(f for f in RECORDS[0].fields if f.key == "status").kind.labels
    )
    assert maatregel["opgave"]["widget"] == "relation"
    assert maatregel["opgave"]["file"] == "opgaven"
    assert maatregel["opgave"]["value_field"] == "opgaven.*.id"
    assert maatregel["betrokkenen"]["multiple"] is True
    assert maatregel["eindverantwoordelijken"]["handreiking_kort"] == "organisatie"
    assert maatregel["afgeleid"]["handreiking_per_veld"] == "veld"
    tijdspad = {f["name"]: f for f in maatregel["tijdspad"]["fields"]}
    assert tijdspad["datum"]["widget"] == "string", "a date stays text in its notation"
    assert re.fullmatch(tijdspad["datum"]["pattern"][0], "2021-03..2021-07")
    assert re.fullmatch(tijdspad["datum"]["pattern"][0], "geen")
    assert "`make check`" in maatregel["eindverantwoordelijken"]["hint"]
    assert "`make check`" in maatregel["sectie"]["hint"]


def test_the_format_sits_on_the_collections_and_editions_are_not_editable():
    config = cms.config()
    inhoud, paginas = config["collections"]
    assert inhoud["format"] == cms.YAML_FORMAT
    assert paginas["format"] == cms.FRONT_MATTER_FORMAT
    assert all("format" not in entry for entry in inhoud["files"])
    assert [e["file"] for e in inhoud["files"]] == [spec.path for spec in FILES]
    assert not any("edities" in e["file"] for e in inhoud["files"])
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["name"] == "github"


def test_a_new_field_in_the_model_appears_in_the_admin(monkeypatch):
    from generator.content.kinds import Field, Text

    record = next(r for r in RECORDS if r.name == "begrip")
    extra = Field("bron_tekst", Text(), "Brontekst", "Waar de term staat")
    monkeypatch.setattr(record, "fields", (*record.fields, extra))
    begrip = next(e for e in cms.config()["collections"][0]["files"] if e["name"] == "begrippen")
    names = [f["name"] for f in begrip["fields"][0]["fields"]]
    assert names[-1] == "bron_tekst"


def test_the_committed_config_is_valid_yaml_with_every_widget_the_bundle_registers():
    config = yaml.safe_load((ROOT / cms.CONFIG_FILE).read_text(encoding="utf-8"))
    used = set()

    def walk(fields):
        for field in fields or []:
            used.add(field.get("widget", "string"))
            walk(field.get("fields"))
            if "field" in field:
                walk([field["field"]])

    for collection in config["collections"]:
        for entry in collection.get("files", []):
            walk(entry["fields"])
        walk(collection.get("fields"))
    main = (ROOT / "admin/src/main.js").read_text(encoding="utf-8")
    registered = {m.lower() for m in re.findall(r"(\w+)Widget\.Widget\(\)", main)}
    assert used == registered, "bundle exactly the widgets the config uses"


@pytest.mark.xdist_group("admin")
def test_the_admin_format_passes_its_javascript_tests():
    if not shutil.which("node"):
        pytest.fail("node missing: the admin's tests need Node.js (apt-get install nodejs npm)")
    if not (ROOT / "admin/node_modules/yaml").is_dir():
        pytest.fail("admin/node_modules missing: run `make test-deps` (npm ci in admin/)")
    tests = sorted(str(p.relative_to(ROOT / "admin")) for p in (ROOT / "admin/test").glob("*.mjs"))
    done = subprocess.run(
        ["node", "--test", *tests], cwd=ROOT / "admin", capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert re.search(r"^# fail 0$", done.stdout, re.M), done.stdout[-2000:]
