"""A change as one Dutch sentence, the subjects it can be about and the groups it is listed in.

Shared by everything that shows the changelog: `diff.vergelijk` makes the `Wijziging`s, the
/wijzigingen/ page, the Atom feed and the pull request comment (`changelog_md`) show them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..base.urls import url_of
from ..content.model import Bron, Maatregel, Opgave, Organisatie, Regeling

KINDS = (  # (key in Inhoud, kind, label, record): the records compared by id, each with a page
    ("maatregelen", "maatregel", "Maatregel", Maatregel.record),
    ("regelingen", "regeling", "Regeling", Regeling.record),
    ("opgaven", "opgave", "Opgave", Opgave.record),
    ("organisaties", "organisatie", "Organisatie", Organisatie.record),
    ("bronnen", "bron", "Bron", Bron.record),
)
# Every subject of a change and its label, in the order of the changelog: the edition itself
# first, then the records, then the glossary and the prose pages (which have no page per
# change to link: the site's templates link the five kinds of KINDS only).
LABELS = {
    "editie": "Editie",
    **{kind: label for _, kind, label, _ in KINDS},
    "begrip": "Begrip",
    "pagina": "Pagina",
}
LINKED = frozenset(kind for _, kind, _, _ in KINDS)
GROUPS = (  # (soort of change, heading); a change's group decides where it is listed
    ("nieuw", "Nieuw"),
    ("beeindigd", "Beëindigd"),
    ("hernoemd", "Nieuw adres"),
    ("gewijzigd", "Gewijzigd"),
    ("verwijderd", "Niet meer opgenomen"),
)


@dataclass(frozen=True)
class Wijziging:
    """One change, as one sentence: '<Soort> <titel>: <wat>.'"""

    groep: str  # nieuw | beeindigd | hernoemd | gewijzigd | verwijderd
    kind: str  # maatregel | regeling | opgave | organisatie | bron | begrip | pagina | editie
    id: str  # the id in the newer version (the old id when the record is gone)
    titel: str
    wat: str  # plain Dutch, without the subject: 'status van voornemen naar beschikbaar'
    inhoudelijk: bool = True  # counts as a change in substance ('laatst gewijzigd')
    aanwezig: bool = True  # the record exists in the newer version (so it can be linked)

    @property
    def onderwerp(self) -> str:
        """'Regeling', or '' when the title says it already ('Regeling specifieke …')."""
        label = LABELS[self.kind]
        return "" if self.titel.casefold().startswith(label.casefold() + " ") else label

    @property
    def zin(self) -> str:
        return f"{self.onderwerp} {self.titel}: {self.wat.rstrip('.')}.".lstrip()

    @property
    def url(self) -> str | None:
        """Site-relative URL of the record's page in the newer version ('bronnen/#id')."""
        if not self.aanwezig or self.kind not in LINKED:
            return None
        return (
            f"{url_of('bronnen')}#{self.id}" if self.kind == "bron" else url_of(self.kind, self.id)
        )


def ordered(changes: list[Wijziging]) -> list[Wijziging]:
    """Grouped (nieuw first), then by subject and title; stable, so the changes of one record
    keep the order of its fields."""
    groups = {groep: index for index, (groep, _) in enumerate(GROUPS)}
    kinds = {kind: index for index, kind in enumerate(LABELS)}
    return sorted(changes, key=lambda w: (groups[w.groep], kinds[w.kind], w.titel.casefold(), w.id))


def per_groep(changes: list[Wijziging]) -> list[tuple[str, list[Wijziging]]]:
    """The changes under their headings, in the fixed order, leaving out empty groups."""
    return [
        (heading, [w for w in changes if w.groep == groep])
        for groep, heading in GROUPS
        if any(w.groep == groep for w in changes)
    ]
