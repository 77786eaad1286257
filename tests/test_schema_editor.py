"""Editor experience: the committed JSON Schemas, the YAML first lines, VS Code, CI, the guide."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from test_broken_content import CASES, FIXTURE, expectations

from conftest import FIXTURE_CONTENT, ROOT, handreiking_in_process
from generator.cli.commands import generated_files
from generator.content.scaffold import BEGIN, END, GUIDE, field_reference
from generator.content.schema import FILES, file_schema_path, modeline


class Yaml12Loader(yaml.SafeLoader):
    """What an editor's YAML 1.2 language server sees: no timestamps, only true/false."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

# Cases the JSON Schema cannot see, with the reason. The test below asserts the schema really
# accepts each (or cannot read it), so a case moves out of this list once the schema catches it.
NOT_SCHEMA_MATTERS = {
    "bom": "YAML-syntax: a BOM is invisible to the YAML parser",
    "windows-regeleinden": "YAML-syntax: CRLF line endings",
    "tab-in-inspringing": "YAML-syntax: a tab in the indentation",
    "dubbel-veld": "YAML-syntax: a duplicate key (the parser keeps the last one)",
    "twee-documenten": "YAML-syntax: a second document",
    "aanhalingsteken-niet-gesloten": "YAML-syntax: the file cannot be parsed",
    "dubbele-punt-in-tekst": "YAML-syntax: the file cannot be parsed",
    "aanhalingsteken-te-laat-gesloten": "YAML-syntax: the file cannot be parsed",
    "enkel-aanhalingsteken-niet-gesloten": "YAML-syntax: the file cannot be parsed",
    "lijst-niet-gesloten": "YAML-syntax: the file cannot be parsed",
    "dubbele-punt-ontbreekt": "YAML-syntax: the file cannot be parsed",
    "tekst-na-aanhalingsteken": "YAML-syntax: the file cannot be parsed",
    "tekstregel-springt-te-weinig-in": "YAML-syntax: the file cannot be parsed",
    "dubbele-id": "a rule across records: ids must be unique in the file",
    "dubbele-volgorde": "a rule across records: volgorde must be unique",
    "onbekende-organisatie": "a reference: the id must exist in another file",
    "vorige-id-bestaat-nog": "a reference: the old id must be free",
    "deel-groter-dan-geheel": "a rule across records: compares two amounts",
    "datum-bestaat-niet": "the calendar: 2021-02-30 has the right shape",
    "periode-achterstevoren": "the calendar: the range's order",
    "script-link-in-beschrijving": "Markdown links inside a text block",
    "getal-met-duizendtalpunt": "YAML itself reads 13.500 as the number 13.5; only check sees "
    "the text as written",
}


def load_12(text: str):
    return yaml.load(text, Loader=Yaml12Loader)


def validator(spec) -> jsonschema.Validator:
    schema = json.loads((ROOT / file_schema_path(spec)).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_committed_schemas_guide_and_first_lines_are_up_to_date():
    stale = [
        path
        for path, text in generated_files(ROOT).items()
        if not (ROOT / path).exists() or (ROOT / path).read_text(encoding="utf-8") != text
    ]
    assert stale == [], "stale: run `make schema` and commit the result"


def test_the_schema_command_reports_stale_files_and_rewrites_them(tmp_path):
    from conftest import copy_project

    project = copy_project(tmp_path / "p")
    (project / "content/paginas").mkdir(exist_ok=True)
    (project / GUIDE).write_text((ROOT / GUIDE).read_text(encoding="utf-8"), encoding="utf-8")
    (project / "schema/opgaven.schema.json").write_text("{}\n", encoding="utf-8")
    first = (project / "content/bronnen.yaml").read_text(encoding="utf-8").split("\n", 1)[1]
    (project / "content/bronnen.yaml").write_text(first, encoding="utf-8")

    def run(*args):
        return handreiking_in_process("schema", "--root", str(project), *args)

    check = run()
    assert check.returncode == 1
    assert check.stderr.splitlines() == [
        "schema/opgaven.schema.json:1:1: fout: verouderd; draai `make schema`",
        "content/bronnen.yaml:1:1: fout: verouderd; draai `make schema`",
    ]
    assert run("--write").returncode == 0
    assert run().returncode == 0


def test_every_content_file_names_its_own_schema_relative_to_itself():
    for spec in FILES:
        first = (ROOT / spec.path).read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == modeline(spec)
        target = first.split("$schema=", 1)[1]
        assert ((ROOT / spec.path).parent / target).resolve() == ROOT / file_schema_path(spec)


def test_the_schema_accepts_the_real_content():
    for spec in FILES:
        data = load_12((ROOT / spec.path).read_text(encoding="utf-8"))
        errors = [
            f"{spec.path}: {list(e.absolute_path)}: {e.message}"
            for e in validator(spec).iter_errors(data)
        ]
        assert errors == []


def test_the_schema_rejects_a_typo_in_a_field_and_a_wrong_status():
    spec = FILES[0]
    data = load_12((FIXTURE_CONTENT / spec.path).read_text(encoding="utf-8"))
    data["maatregelen"][0]["eindverantwoordelijke"] = ["bzk"]
    data["maatregelen"][1]["status"] = "klaar"
    messages = sorted(e.message for e in validator(spec).iter_errors(data))
    assert any("'eindverantwoordelijke' was unexpected" in m for m in messages)
    assert any(m.startswith("'klaar' is not one of") for m in messages)
    # 'klaar' is not 'beschikbaar', so the rule for maatregelen in preparation applies too
    assert "'tijdspad' is a required property" in messages


SCHEMA_CASES = [c for c in CASES if c.stem not in NOT_SCHEMA_MATTERS]
CHECK_ONLY_CASES = [c for c in CASES if c.stem in NOT_SCHEMA_MATTERS]


def _schema_errors(case: Path) -> list | None:
    """The schema's errors for a broken case, or None when no YAML parser can read it."""
    target, _ = expectations(case)
    spec = next(s for s in FILES if s.path == target)
    try:
        data = load_12(case.read_bytes().decode("utf-8"))
    except yaml.YAMLError:
        return None
    return list(validator(spec).iter_errors(data))


def test_the_list_of_what_only_check_sees_names_cases_that_exist():
    assert set(NOT_SCHEMA_MATTERS) <= {c.stem for c in CASES}
    assert SCHEMA_CASES and CHECK_ONLY_CASES


@pytest.mark.parametrize("case", SCHEMA_CASES, ids=[c.stem for c in SCHEMA_CASES])
def test_the_schema_rejects_the_broken_corpus(case):
    errors = _schema_errors(case)
    assert errors is not None, f"{case.name}: unreadable YAML, not in NOT_SCHEMA_MATTERS"
    assert errors, f"the schema accepts {case.name}"


@pytest.mark.parametrize("case", CHECK_ONLY_CASES, ids=[c.stem for c in CHECK_ONLY_CASES])
def test_what_only_check_sees_is_unreadable_yaml_or_passes_the_schema(case):
    """Each listed case is a mistake the editor's schema cannot show (the reason is in
    NOT_SCHEMA_MATTERS): the YAML cannot be read at all, or the schema accepts it."""
    errors = _schema_errors(case)
    assert not errors, f"the schema now catches {case.name}: remove it from NOT_SCHEMA_MATTERS"


def test_the_minimal_fixture_passes_the_schema_too():
    for spec in FILES:
        if spec.optional and not (FIXTURE / spec.path).exists():
            continue
        data = load_12((FIXTURE / spec.path).read_text(encoding="utf-8"))
        assert list(validator(spec).iter_errors(data)) == []


def test_vscode_recommends_the_yaml_extension_and_maps_every_file_to_its_schema():
    extensions = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {f"./{file_schema_path(s)}": s.path for s in FILES}
    assert settings["[yaml]"]["editor.insertSpaces"] is True


def test_the_editor_guide_is_linked_and_its_example_messages_are_real():
    guide = (ROOT / GUIDE).read_text(encoding="utf-8")
    assert "content/paginas/handleiding-redactie.md" in (ROOT / "CONTRIBUTING.md").read_text(
        encoding="utf-8"
    )
    assert "handreiking/handleiding-redactie.md" in (ROOT / "mkdocs.yml").read_text(
        encoding="utf-8"
    )
    head, _, rest = guide.partition(BEGIN)
    assert field_reference() in rest.partition(END)[0]
    table = head.split("## Meldingen die u kunt tegenkomen", 1)[1].split("\n## ", 1)[0]
    examples = re.findall(r"^\| `([^`]+)`", table, re.M)
    assert len(examples) >= 15
    corpus = [message for case in CASES for message in expectations(case)[1]]
    own = [  # test_editions pins these
        "verlopen: 'eerste kwartaal 2021' is voorbij",
        "heette deze maatregel in editie 2021 'inzet-woningcorporaties'",
        "'inzet-woningcorporaties' was in editie 2021 een andere maatregel naast",
        "geen editie publiceerde een maatregel 'inzet-woningcorporatie'",
        # and test_ledger these: attacks on the published editions in a git repository
        "editie 2021 is veranderd nadat zij is gepubliceerd",
        "editie 2020 is nooit gepubliceerd: het logboek (content/edities/logboek.yaml) noemt "
        "haar niet",
        "editie 2099 is nieuwer dan de huidige editie (2021 in content/editie.yaml)",
        "editie 2021 is gepubliceerd (content/edities/logboek.yaml, regel 7), maar dit bestand "
        "ontbreekt",
        "editie 2020 is gepubliceerd na editie 2021 (content/edities/logboek.yaml, regel 7); "
        "een editie kan niet met terugwerkende kracht worden toegevoegd",
        "logboek[0]: deze regel is anders dan in commit",
        "deze kopie van de repository is ondiep (shallow clone)",
    ]
    for example in examples:
        assert any(example in message for message in corpus + own), example


def test_the_schema_of_each_file_is_self_contained():
    for spec in FILES:
        text = (ROOT / file_schema_path(spec)).read_text(encoding="utf-8")
        refs = set(re.findall(r'"\$ref": "([^"]+)"', text))
        assert all(ref.startswith("#/$defs/") for ref in refs)
        defs = json.loads(text)["$defs"]
        assert {ref.removeprefix("#/$defs/") for ref in refs} <= set(defs)


def test_the_field_reference_explains_every_field():
    reference = field_reference()
    for spec in FILES:
        for f in spec.kind.item.fields if hasattr(spec.kind, "item") else spec.kind.fields:
            assert f"| `{f.key}` |" in reference
    assert Path(ROOT / GUIDE).exists()
