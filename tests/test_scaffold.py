"""`handreiking nieuw`: a skeleton that fails `check` only on its empty fields, and passes
once they are filled in."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT, handreiking_in_process
from generator.content.scaffold import KINDS, skeleton, spec_for

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
FILLED = {  # what an editor would write into the empty fields, per soort
    "maatregel": {
        "id": "nieuwe-maatregel",
        "titel": "Nieuwe maatregel",
        "opgave": "huisvesting",
        "sectie": '"4.2.9"',
        "samenvatting": "Kort.",
        "beschrijving": "Lang.",
        "status": "in-voorbereiding",
        "eindverantwoordelijken": "[bzk]",
        "datum": "2022-Q1",
        "tekst": "Start.",
    },
    "regeling": {
        "id": "nieuwe-regeling",
        "titel": "Nieuwe regeling",
        "sectie": '"4.3.9"',
        "opgave": "huisvesting",
        "verstrekker": "bzk",
        "samenvatting": "Kort.",
        "doelgroep": "gemeenten",
        "status": "voornemen",
    },
    "organisatie": {
        "id": "nieuwe-organisatie",
        "naam": "Nieuwe organisatie",
        "soort": "koepel",
        "rol": "Helpt.",
    },
    "opgave": {
        "id": "nieuwe-opgave",
        "titel": "Nieuwe opgave",
        "volgorde": "99",
        "hoofdstuk": '"9"',
        "samenvatting": "Kort.",
        "beschrijving": "Lang.",
    },
    "bron": {"id": "nieuwe-bron", "titel": "Nieuwe brief", "soort": "brief"},
    "begrip": {"term": "NB", "betekenis": "Nieuw begrip"},
}


@pytest.mark.parametrize("soort", sorted(KINDS))
def test_a_new_skeleton_fails_only_on_its_empty_fields_and_passes_when_filled(soort, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    path = root / spec_for(soort).path
    before = path.read_text(encoding="utf-8").count("\n")

    added = handreiking_in_process("nieuw", soort, "--root", str(root))
    assert added.returncode == 0, added.stderr
    article = "nieuw" if soort == "begrip" else "nieuwe"  # het begrip, de maatregel
    assert added.stdout.startswith(
        f"{spec_for(soort).path}:{before + 2}: {article} {soort} toegevoegd"
    )

    result = handreiking_in_process("check", "--root", str(root), "--peildatum", "2021-01-15")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if ": fout: " in line]
    text = path.read_text(encoding="utf-8").split("\n")
    empty = {
        number
        for number, line in enumerate(text, start=1)
        if re.match(r"^\s*(- )?[a-z_]+:\s*$", line) and number > before
    }
    located = {int(line.split(":")[1]) for line in errors}
    assert errors and all(line.startswith(spec_for(soort).path + ":") for line in errors)
    assert located <= empty, "an error outside the skeleton's empty fields"
    assert all("verwacht" in line or "niet leeg" in line for line in errors), errors

    filled = []
    for number, line in enumerate(text, start=1):
        match = re.match(r"^(\s*(?:- )?)([a-z_]+):\s*$", line)
        if number > before and match and match[2] in FILLED[soort]:
            line = f"{match[1]}{match[2]}: {FILLED[soort][match[2]]}"
        filled.append(line)
    path.write_text("\n".join(filled), encoding="utf-8")
    clean = handreiking_in_process("check", "--root", str(root), "--peildatum", "2021-01-15")
    assert clean.returncode == 0, clean.stderr


def test_every_field_is_explained_and_optional_fields_are_commented_out():
    text = skeleton("maatregel")
    from generator.content.schema import MAATREGEL

    for f in MAATREGEL.fields:
        assert f"# {f.label}" in text, f.key
        # sectie or vermeld_in is required; a new maatregel most often has a paragraph
        optional = not f.required and f.key not in ("eindverantwoordelijken", "tijdspad", "sectie")
        key_lines = [
            line for line in text.splitlines() if re.match(rf"^\s*(# )?(- )?{f.key}:", line)
        ]
        assert key_lines, f.key
        assert key_lines[0].lstrip().startswith("# ") == optional, f.key


def test_toon_prints_without_changing_a_file(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    before = (root / "maatregelen.yaml").read_bytes()
    result = handreiking_in_process("nieuw", "regeling", "--toon", "--root", str(root))
    assert result.returncode == 0
    assert result.stdout == skeleton("regeling")
    assert (root / "maatregelen.yaml").read_bytes() == before
