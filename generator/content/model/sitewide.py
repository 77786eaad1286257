"""The records of the site as a whole rather than of one subject: why a published record is
gone (`Verwijdering`), words a search treats alike (`Zoekwoorden`), the edition and who
adopted it (`Editie`, `Vaststelling`), and the front matter of a prose page (`Pagina`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...base.dates import Periode, one_year_after
from ...base.problems import Location
from ..kinds import Datum, Integer, Jaar, ListOf, Markdown, Ref, Slug, Text, content, record
from .fields import ORG, _afgeleid
from .vocabularies import PAGINA_VOOR, SOORT_VERWIJDERD


@record("verwijdering")
@dataclass(frozen=True, kw_only=True)
class Verwijdering:
    """Why a record that an edition published is no longer in the handreiking.

    Removing a record is deleting it from its file; its address then says since which edition
    it is gone and links the last edition that had it. This optional note adds the reason.
    """

    soort: str = content(SOORT_VERWIJDERD, "Soort", "Wat er is verwijderd", required=True)
    id: str = content(Slug(), "Id", "De id die het item had", required=True)
    reden: str = content(
        Text(single_line=False),
        "Reden",
        "Waarom het niet meer in de handreiking staat, in één of twee zinnen",
        required=True,
    )
    bron: str | None = content(
        Ref(target="bron"), "Bron", "Het stuk dat het besluit noemt (een id uit bronnen.yaml)"
    )
    location: Location | None = None


@record("zoekwoordgroep")
@dataclass(frozen=True, kw_only=True)
class Zoekwoorden:
    """Words people search for that mean the same or nearly (issue 22): a search for one of
    them also looks for the others, so 'flexwoning' finds the regeling for flexibele
    huisvesting. Kept by the editors in content/zoekwoorden.yaml; not part of an edition's
    text, only of how the site is searched."""

    woorden: tuple[str, ...] = content(
        ListOf(item=Text(), min_items=2),
        "Woorden",
        "Twee of meer woorden of korte zinnen die lezers door elkaar gebruiken, zoals "
        "'flexwoning' en 'flexibele huisvesting'; in kleine letters, enkelvoud (het zoeken "
        "vindt het meervoud zelf). Minstens één ervan staat in de handreiking",
        required=True,
    )
    toelichting: str | None = content(
        Text(single_line=False), "Toelichting", "Waarom deze woorden bij elkaar horen"
    )


@record("vaststelling")
@dataclass(frozen=True, kw_only=True)
class Vaststelling:
    datum: Periode = content(Datum(), "Datum", "Wanneer de editie is vastgesteld", required=True)
    door: str = content(Text(), "Door", "Wie de editie heeft vastgesteld", required=True)


# Issue 22: the date a next edition was due is the editors' inference, never the text's:
# shown with this reason wherever it appears (the notice on every page, the PDF, the JSON).
VOLGENDE_EDITIE_AFGELEID = (
    "de handreiking wordt 'minimaal jaarlijks geactualiseerd' (hoofdstuk 2 van de editie van "
    "2021); de redactie rekent daarom een jaar na het einde van de stand"
)


@record("editie")
@dataclass(frozen=True, kw_only=True)
class Editie:
    jaar: int = content(Jaar(), "Jaar", "Het jaar van deze editie", required=True)
    titel: str = content(Text(), "Titel", "De volledige titel van de handreiking", required=True)
    peildatum: Periode = content(
        Datum(), "Peildatum", "Tot welk moment de inhoud is bijgewerkt", required=True
    )
    vastgesteld: Vaststelling | None = content(
        Vaststelling.record, "Vastgesteld", "Wanneer en door wie vastgesteld"
    )
    toelichting: str | None = content(Markdown(), "Toelichting", "Wat deze editie kenmerkt")
    uitgevers: tuple[str, ...] = content(
        ListOf(item=ORG),
        "Uitgevers",
        "De organisaties die de handreiking uitgeven (ids uit organisaties.yaml); de colofon "
        "van de PDF noemt ze",
    )
    afgeleid: dict[str, str] | None = _afgeleid()

    @property
    def volgende_uiterlijk(self) -> date:
        """When the next edition is due: the handreiking "wordt minimaal jaarlijks
        geactualiseerd" (hoofdstuk 2), so a year after the end of this one's peildatum."""
        return one_year_after(self.peildatum.einde)

    def is_verouderd(self, today: date) -> bool:
        """The next edition was due before `today` and this is still the one shown."""
        return today > self.volgende_uiterlijk


@record("pagina")
@dataclass(frozen=True, kw_only=True)
class Pagina:
    """A prose page of content/paginas/: its front matter is declared here, its body is text."""

    titel: str = content(Text(), "Titel", "Titel van de pagina", required=True)
    volgorde: int = content(Integer(), "Volgorde", "Plaats in het menu", required=True)
    samenvatting: str | None = content(
        Text(single_line=False), "Samenvatting", "Eén zin over de pagina"
    )
    voor: str | None = content(
        PAGINA_VOOR,
        "Voor",
        "Voor wie de pagina is: lezers (zo ook als u het weglaat; in het menu en het zoeken) "
        "of redactie (onder 'Voor de redactie' onderaan elke pagina, niet in het zoeken)",
    )
    slug: str = ""
    body: str = ""
    path: str = ""

    @property
    def for_editors(self) -> bool:
        return self.voor == "redactie"
