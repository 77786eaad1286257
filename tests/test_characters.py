"""Text is what it looks like (issue 21): hidden characters, NFC, names that look alike."""

from __future__ import annotations

import re
import shutil
import sys
import unicodedata

import pytest

from generator.content.characters import (
    BIDI,
    FORMAT_RANGES,
    INVISIBLE,
    find_hidden,
    folded,
    nfc,
    without_hidden,
)

# Format characters since Unicode 15 (Egyptian hieroglyph controls): in the ranges already.
NEWER = range(0x13439, 0x13440)


def test_the_format_ranges_are_every_format_character_of_this_python():
    """FORMAT_RANGES is written out (a regex cannot ask for a category); it must be all of
    Unicode's category Cf as this Python knows it, and nothing else."""
    pattern = re.compile("[" + FORMAT_RANGES + "]")
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        is_format = unicodedata.category(character) == "Cf" or code in NEWER
        assert bool(pattern.match(character)) == is_format, f"U+{code:04X}"


@pytest.mark.parametrize("code", sorted({*BIDI, *INVISIBLE}))
def test_every_named_character_is_found_with_its_code_and_dutch_name(code):
    text = f"Tussenvormen{chr(code)} huisvesting"
    hidden = find_hidden(text)
    assert hidden is not None and hidden.offset == len("Tussenvormen")
    assert hidden.code == f"U+{code:04X}"
    assert hidden.name == (BIDI.get(code) or INVISIBLE[code])
    kind = "richtingteken" if code in BIDI else "onzichtbaar teken"
    assert hidden.message(14).startswith(f"{kind} U+{code:04X} ({hidden.name}) op kolom 14: ")
    assert without_hidden(text) == "Tussenvormen huisvesting"


def test_ordinary_dutch_text_has_nothing_hidden():
    for text in ("Koppelen vergunninghouders en uitplaatsingsregio’s", "één café – ‘zo’", "中文"):
        assert find_hidden(text) is None


def test_text_is_stored_in_nfc():
    assert nfc("Cafe\u0301") == "Café"
    assert nfc("Café") == "Café"


@pytest.mark.parametrize(
    "look_alike",
    ["COA", "coa", "ＣＯＡ", "CO\u200bA", "\u0421\u041e\u0410", " COA "],
)
def test_names_that_look_alike_fold_to_one(look_alike):
    assert folded(look_alike) == folded("COA") == "coa"


def test_names_that_differ_stay_different():
    assert folded("BZK") != folded("BKZ")
    assert folded("Regeling 1") != folded("Regeling 2")


def test_check_stores_a_title_written_decomposed_as_nfc(tmp_path):
    from conftest import ROOT
    from generator.content.validate import check_project

    project = tmp_path / "p"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", project)
    source = project / "maatregelen.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("Tussenvormen", "Financie\u0308le tussenvormen", 1), "utf-8")
    checked = check_project(project)
    assert not checked.errors
    assert checked.values["maatregelen"][0]["titel"].startswith("Financi\u00eble ")
