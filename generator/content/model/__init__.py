"""The typed records of the handreiking, each declared once, with derived relations.

Every field an editor writes is declared in this package, on its record's dataclass, with its
kind, its label and its help text (`content(...)`). `@record` derives the schema's `Record`
from those fields, so the check, the JSON Schema, the scaffolds, the editor guide's field
reference, the open data and the changelog all follow from this one declaration: a new field
is one line here, a line in the templates that show it (its page, the print page) and a value
in the test fixture, which tests/test_fixture_fields.py asks for by name. Fields without
`content(...)` are derived (locations, relations both ways) and never read from YAML.

This package's public names are imported from here (`from generator.content.model import
Maatregel`); they live in one module per concern, each importing its siblings directly:

    vocabularies.py  the fixed sets of values (STATUS, SOORT_*, ZEKERHEID, ...), their labels,
                     and `verlopen`, what a status means for a date that has passed
    fields.py        what several records declare alike: ORG, EINDVERANTWOORDELIJKE, the
                     afgeleid, zekerheid, soort and vorige_ids fields; sectie_key
    parts.py         the blocks records are made of: Vermelding (and the vermeld_in and
                     bronvermelding fields), Link, Bijlage, Mijlpaal, Kerncijfer, Contact
    records.py       the subjects: Maatregel, Opgave, Opvolging, Organisatie, Bedrag, Regeling,
                     Bron, Begrip
    sitewide.py      the site as a whole: Verwijdering, Zoekwoorden, Vaststelling, Editie,
                     Pagina
    handreiking.py   all content as one value: Handreiking

Each record is registered when its module is imported (`kinds.record`), and the outputs list
the records and their fields in declaration order, so the modules below are imported in the
order they declare: parts, then records, then sitewide.
"""

# isort: off
from .vocabularies import (
    NOT_YET,
    OPEN,
    PAGINA_VOOR,
    SOORT_BEDRAG,
    SOORT_BEDRAG_LABELS,
    SOORT_BRON,
    SOORT_DATUM,
    SOORT_ORGANISATIE,
    SOORT_ORGANISATIE_LABELS,
    SOORT_VERWIJDERD,
    STATUS,
    STATUS_LABELS,
    ZEKERHEID,
    verlopen,
)
from .fields import EINDVERANTWOORDELIJKE, ORG, sectie_key
from .parts import Bijlage, Contact, Kerncijfer, Link, Mijlpaal, Vermelding
from .records import Bedrag, Begrip, Bron, Maatregel, Opgave, Opvolging, Organisatie, Regeling
from .sitewide import (
    VOLGENDE_EDITIE_AFGELEID,
    Editie,
    Pagina,
    Vaststelling,
    Verwijdering,
    Zoekwoorden,
)
from .handreiking import Handreiking
# isort: on

__all__ = [
    "EINDVERANTWOORDELIJKE",
    "NOT_YET",
    "OPEN",
    "ORG",
    "PAGINA_VOOR",
    "SOORT_BEDRAG",
    "SOORT_BEDRAG_LABELS",
    "SOORT_BRON",
    "SOORT_DATUM",
    "SOORT_ORGANISATIE",
    "SOORT_ORGANISATIE_LABELS",
    "SOORT_VERWIJDERD",
    "STATUS",
    "STATUS_LABELS",
    "VOLGENDE_EDITIE_AFGELEID",
    "ZEKERHEID",
    "Bedrag",
    "Begrip",
    "Bijlage",
    "Bron",
    "Contact",
    "Editie",
    "Handreiking",
    "Kerncijfer",
    "Link",
    "Maatregel",
    "Mijlpaal",
    "Opgave",
    "Opvolging",
    "Organisatie",
    "Pagina",
    "Regeling",
    "Vaststelling",
    "Verwijdering",
    "Vermelding",
    "Zoekwoorden",
    "sectie_key",
    "verlopen",
]
