"""All content as one value (`Handreiking`), sorted, with relations in both directions.

`Handreiking.from_checked` is only called on content without errors, so it may rely on every
reference resolving.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from .parts import Mijlpaal
from .records import Begrip, Bron, Maatregel, Opgave, Organisatie, Regeling
from .sitewide import Editie, Pagina, Verwijdering, Zoekwoorden


@dataclass
class Handreiking:
    """All content, sorted, with relations in both directions."""

    editie: Editie
    opgaven: dict[str, Opgave]
    maatregelen: dict[str, Maatregel]
    organisaties: dict[str, Organisatie]
    regelingen: dict[str, Regeling]
    bronnen: dict[str, Bron]
    begrippen: list[Begrip]
    paginas: list[Pagina]
    files: dict[str, str]
    verwijderd: list[Verwijdering] = field(default_factory=list)
    zoekwoorden: list[Zoekwoorden] = field(default_factory=list)

    @classmethod
    def from_checked(cls, values: dict[str, Any], pages: list[dict], files: dict[str, str]):
        def build(kind: type, key: str) -> list:
            return [kind.record.build(v) for v in values[key]]

        maatregelen = sorted(
            (_owned(m, "maatregel") for m in build(Maatregel, "maatregelen")),
            key=lambda m: (m.sectie_key, m.id),
        )
        opgaven = sorted(
            (_owned(o, "opgave") for o in build(Opgave, "opgaven")), key=lambda o: o.volgorde
        )
        organisaties = sorted(
            build(Organisatie, "organisaties"), key=lambda o: o.korte_naam.casefold()
        )
        regelingen = sorted(build(Regeling, "regelingen"), key=lambda r: (r.sectie_key, r.id))
        bronnen = sorted(
            build(Bron, "bronnen"),
            key=lambda b: (b.datum.sort_key if b.datum else (date.max,), b.id),
        )
        paginas = [
            replace(Pagina.record.build(p), slug=p["slug"], body=p["body"], path=p["path"])
            for p in pages
        ]
        handreiking = cls(
            editie=Editie.record.build(values["editie"]),
            opgaven={o.id: o for o in opgaven},
            maatregelen={m.id: m for m in maatregelen},
            organisaties={o.id: o for o in organisaties},
            regelingen={r.id: r for r in regelingen},
            bronnen={b.id: b for b in bronnen},
            begrippen=sorted(build(Begrip, "begrippen"), key=lambda b: b.term.casefold()),
            paginas=sorted(paginas, key=lambda p: (p.volgorde, p.slug)),
            files=files,
            verwijderd=build(Verwijdering, "verwijderd") if values.get("verwijderd") else [],
            zoekwoorden=build(Zoekwoorden, "zoekwoorden") if values.get("zoekwoorden") else [],
        )
        handreiking._link()
        return handreiking

    def _link(self) -> None:
        for o in self.organisaties.values():
            for opvolging in o.voorgangers:
                self.organisaties[opvolging.organisatie].opvolgers.append((o, opvolging))
        for m in self.maatregelen.values():
            self.opgaven[m.opgave].maatregelen.append(m)
            for org in m.eindverantwoordelijken:
                self.organisaties[org].eindverantwoordelijk_voor.append(m)
            for org in m.betrokkenen:
                self.organisaties[org].betrokken_bij.append(m)
            for regeling in m.regelingen:
                self.regelingen[regeling].maatregelen.append(m)
        for r in self.regelingen.values():
            self.opgaven[r.opgave].regelingen.append(r)
            self.organisaties[r.verstrekker].verstrekt.append(r)
            for org in r.eindverantwoordelijken:
                self.organisaties[org].eindverantwoordelijk_voor_regelingen.append(r)
            if r.bedrag and r.bedrag.deel_van:
                self.regelingen[r.bedrag.deel_van].delen.append(r)

    def huidige_id(self, kind: str, id_: str) -> str | None:
        """The id a record of an earlier edition has now: itself, the record that lists it in
        `vorige_ids` (through renames after renames), or None when it is gone.

        The changelog of an older edition links its records by this id, so a rename in a later
        edition never leaves a link to an old address behind.
        """
        records = {
            "maatregel": self.maatregelen,
            "regeling": self.regelingen,
            "organisatie": self.organisaties,
            "opgave": self.opgaven,
            "bron": self.bronnen,
        }[kind]
        if id_ in records:
            return id_
        return next((r.id for r in records.values() if id_ in getattr(r, "vorige_ids", ())), None)

    @property
    def mijlpalen(self) -> list[Mijlpaal]:
        """Every mijlpaal, of opgaven and maatregelen, sorted by start."""
        items = [p for o in self.opgaven.values() for p in o.tijdspad]
        items += [p for m in self.maatregelen.values() for p in m.tijdspad]
        return sorted(items, key=lambda p: (p.datum.sort_key, p.eigenaar_id, p.tekst))


def _owned(owner: Maatregel | Opgave, kind: str) -> Maatregel | Opgave:
    """The owner with its tijdspad sorted by start, each mijlpaal knowing whose it is."""
    owner.tijdspad = tuple(
        sorted(
            (
                replace(
                    p,
                    eigenaar_kind=kind,
                    eigenaar_id=owner.id,
                    eigenaar_titel=owner.titel,
                    status=getattr(owner, "status", None),
                )
                for p in owner.tijdspad
            ),
            key=lambda p: p.datum.sort_key,
        )
    )
    return owner
