"""The handreiking as a document: the print page and the PDF of a real build, read back with
pdftotext, pdfinfo, pdffonts and pypdf, and compared to the model."""

from __future__ import annotations

import re
import subprocess
import unicodedata

import pytest
import yaml
from pypdf import PdfReader

from conftest import BUILD_DATE, ROOT
from generator.base.dates import dutch_date
from generator.base.settings import PDF_ENV, pdf_enabled
from generator.base.urls import PDF_FILE
from generator.outputs.export import site_files
from generator.outputs.printed import Document
from generator.outputs.render import Settings, euro
from generator.site.build import load

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


def normal(text: str) -> str:
    """Text as pdftotext gives it, comparable: ligatures undone, all whitespace one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def model(built_project):
    return load(built_project, BUILD_DATE)[1]


@pytest.fixture(scope="module")
def pdf_path(site_dir):
    return site_dir / PDF_FILE


@pytest.fixture(scope="module")
def pages(pdf_path) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf_path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [normal(page) for page in text.split("\f")[:-1]]


@pytest.fixture(scope="module")
def body(pages, model) -> str:
    """Everything after the table of contents."""
    text = " ".join(pages)
    last_toc_entry = normal(Document(model, Settings(today=BUILD_DATE)).toc()[-1][1])
    return text[text.index(last_toc_entry) + len(last_toc_entry) :]


def test_page_count_and_metadata(pdf_path, pages, model):
    info = subprocess.run(
        ["pdfinfo", str(pdf_path)], check=True, capture_output=True, text=True
    ).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert count == len(pages) >= 15
    assert re.search(r"^Tagged:\s+yes", info, re.M)
    assert re.search(rf"^Title:\s+{re.escape(model.editie.titel)}$", info, re.M)
    assert "A4" in info


def test_every_page_says_where_the_authoritative_version_lives(pages):
    """The cover says it in its text and carries no page number (issue 14); every other page
    in its footer, with its number."""
    footer = normal(f"integrale-handreiking.nl · gemaakt op {dutch_date(BUILD_DATE)}")
    assert "De actuele versie staat op integrale-handreiking.nl" in pages[0]
    assert footer not in pages[0] and "Pagina 1 van" not in pages[0]
    for number, page in enumerate(pages[1:], start=2):
        assert footer in page, number
        assert f"Pagina {number} van {len(pages)}" in page, number


def test_cover_shows_the_edition(pages, model):
    cover = pages[0]
    assert normal(model.editie.titel) in cover
    assert f"Editie {model.editie.jaar}" in cover
    assert model.editie.peildatum.words in cover


def test_table_of_contents_has_page_numbers(pages):
    toc = pages[1]
    assert toc.startswith("Inhoud")
    for entry in ("1. Aanleiding", "4.2.1 Tussenvormen huisvesting", "4.3 Financiering"):
        match = re.search(re.escape(entry) + r" \.+ (\d+)", toc)
        assert match, entry
        assert entry.split(" ", 1)[1] in pages[int(match.group(1)) - 1], entry


def test_every_maatregel_title_and_amount_in_order(body, model):
    position = 0
    for m in model.maatregelen.values():  # model order: by paragraph number
        found = body.find(normal(m.titel), position)
        assert found >= 0, f"{m.sectie} {m.titel} missing or out of order"
        position = found
    position = 0
    for r in model.regelingen.values():
        if r.bedrag:
            found = body.find(f"Bedrag: {euro(r.bedrag.waarde)}", position)
            assert found >= 0, f"{r.titel}: {euro(r.bedrag.waarde)} missing or out of order"
            position = found
    chapters = [body.find(f"{n}. ") for n in range(1, 9)]
    assert chapters == sorted(chapters) and -1 not in chapters


def test_footnotes_sit_on_the_page_of_their_call(pages, model):
    with_notes = [m for m in model.maatregelen.values() if m.voetnoten]
    assert with_notes, "the 2021 content has footnotes"
    for m in with_notes:
        first_block = m.beschrijving.strip().split("\n\n")[0]
        call_words = " ".join(re.sub(r"[*_`]", "", first_block).split()[-3:])
        call_page = next(
            i
            for i, page in enumerate(pages)
            if call_words in page and normal(m.titel) in " ".join(pages[max(0, i - 1) : i + 1])
        )
        for note in m.voetnoten:
            start = normal(note)[:60]
            assert start in pages[call_page], (m.id, call_page + 1)


def test_pdf_is_tagged_with_bookmarks_and_system_fonts(pdf_path, model):
    reader = PdfReader(pdf_path)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "nl"
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:2] == ["Inhoud", "1. Aanleiding"]
    assert "4. Huisvesting vergunninghouders" in titles
    fonts = subprocess.run(
        ["pdffonts", str(pdf_path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes yes " in line for line in fonts), fonts  # embedded subsets
    assert all(re.search(r"\+(Liberation|DejaVu)", line) for line in fonts), fonts


def test_print_html_fetches_nothing(model):
    html = Document(model, Settings(today=BUILD_DATE, site_url=SITE_URL)).html()
    assert not re.search(r"<(img|link|script|iframe)\b|@import|url\(|@font-face", html)


def test_print_page_reads_like_the_handreiking(site_dir, model):
    html = (site_dir / "handreiking" / "volledig" / "index.html").read_text(encoding="utf-8")
    text = normal(re.sub(r"<[^>]+>", " ", html))
    headings = ["1. Aanleiding", "2. Doel en reikwijdte", "3. Uitgangspunten"]
    headings += [f"{o.hoofdstuk}. {o.titel}" for o in model.opgaven.values()]
    positions = [text.find(normal(h)) for h in headings]
    assert -1 not in positions and positions == sorted(positions), headings
    for section in (
        "4.1 Opgave",
        "4.2 Ondersteuningsmaatregelen",
        "4.3 Financiering",
        "4.2.1 Tussenvormen huisvesting",
    ):
        assert section in text
    assert 'class="hr-voetnoten"' in html and 'href="#noot-1"' in html
    assert 'href="../../open-data/handreiking.pdf"' in html


def test_pdf_can_be_skipped(model, monkeypatch):
    monkeypatch.setenv(PDF_ENV, "0")
    assert not pdf_enabled()
    files = site_files(model, Settings(today=BUILD_DATE, site_url=SITE_URL))
    assert PDF_FILE not in files
    assert "handreiking.pdf" not in files["open-data.md"]
    assert "handreiking.pdf" not in files["handreiking/volledig.md"]
    assert "open-data/handreiking.json" in files


# --- issue 14: colofon, annexes, one marker per list item -----------------------------------


def test_the_colofon_names_the_publishers_of_the_content(pages, model):
    colofon = pages[-1]
    assert "Colofon" in colofon and normal(model.editie.titel) in colofon
    assert model.editie.uitgevers, "the 2021 content names its publishers"
    for id_ in model.editie.uitgevers:
        assert normal(model.organisaties[id_].naam) in colofon, id_
    team = model.organisaties["ondersteuningsteam"]
    assert team.contact.email in colofon


def test_begrippen_and_bronnen_are_annexes_in_the_contents(pages, body, model):
    toc = pages[1]
    for entry in ("Bijlage 1. Begrippen", "Bijlage 2. Bronnen", "Colofon"):
        match = re.search(re.escape(entry) + r" \.+ (\d+)", toc)
        assert match, entry
        assert entry in pages[int(match.group(1)) - 1], entry
    begrippen = body[body.index("Bijlage 1. Begrippen") : body.index("Bijlage 2. Bronnen")]
    for b in model.begrippen:
        assert normal(b.term) in begrippen and normal(b.betekenis) in begrippen, b.term
    bronnen = body[body.index("Bijlage 2. Bronnen") :]
    for b in model.bronnen.values():
        assert normal(b.titel) in bronnen, b.id


def test_a_lettered_list_has_one_marker_per_item(pdf_path, site_dir):
    layout = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf_path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "a. Extra opvangplekken" in normal(layout)  # the handreiking's own lettering
    assert not re.findall(r"[•◦▪‣∙·]\s*[a-e]\.\s", layout)
    html = (site_dir / "handreiking" / "aanleiding" / "index.html").read_text(encoding="utf-8")
    assert '<ol type="a">' in html and not re.search(r"<li>\s*[a-e]\. ", html)
