"""The typed records of the handreiking, built from checked values, with derived relations.

`Handreiking.from_checked` is only called on content without errors, so it may rely on every
reference resolving.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .dates import Periode
from .problems import Location

STATUS_LABELS = {
    "beschikbaar": "Beschikbaar",
    "in-voorbereiding": "In voorbereiding",
    "voornemen": "Voornemen",
    "afgerond": "Afgerond",
    "vervallen": "Vervallen",
}
SOORT_ORGANISATIE_LABELS = {
    "rijk": "Rijksoverheid",
    "uitvoeringsorganisatie": "Uitvoeringsorganisatie",
    "koepel": "Koepelorganisatie",
    "decentrale-overheid": "Decentrale overheid",
    "overleg": "Overleg of samenwerkingsverband",
    "persoon-rol": "Persoon of rol",
    "maatschappelijke-organisatie": "Maatschappelijke organisatie",
}
SOORT_BEDRAG_LABELS = {
    "per-jaar": "per jaar",
    "cumulatief": "cumulatief",
    "eenmalig": "eenmalig",
    "deel-van": "deel van",
    "totaal": "totaal",
}


@dataclass(frozen=True)
class Link:
    titel: str
    url: str


@dataclass(frozen=True)
class Mijlpaal:
    datum: Periode
    tekst: str
    location: Location
    eigenaar_kind: str  # 'maatregel' or 'opgave'
    eigenaar_id: str
    eigenaar_titel: str
    status: str | None  # the owning maatregel's status (None for an opgave)

    def is_overdue(self, today: date) -> bool:
        """Past its period while the maatregel still says it is coming."""
        return self.status in ("in-voorbereiding", "voornemen") and self.datum.is_past(today)

    def moment(self, today: date) -> str:
        """'voorbij', 'nu' or 'gepland' relative to `today`."""
        if self.datum.is_past(today):
            return "voorbij"
        return "nu" if self.datum.contains(today) else "gepland"


@dataclass(frozen=True)
class Kerncijfer:
    label: str
    waarde: int | float
    eenheid: str
    peildatum: Periode | None = None
    bron: str | None = None
    toelichting: str | None = None


@dataclass(frozen=True)
class Contact:
    email: str | None = None
    url: str | None = None
    toelichting: str | None = None


@dataclass
class Organisatie:
    id: str
    naam: str
    soort: str
    rol: str
    location: Location
    afkorting: str | None = None
    contact: Contact | None = None
    vorige_ids: tuple[str, ...] = ()
    eindverantwoordelijk_voor: list[Maatregel] = field(default_factory=list)
    betrokken_bij: list[Maatregel] = field(default_factory=list)
    verstrekt: list[Regeling] = field(default_factory=list)

    @property
    def korte_naam(self) -> str:
        return self.afkorting or self.naam


@dataclass(frozen=True)
class Bedrag:
    waarde: int | float
    soort: str
    deel_van: str | None = None
    toelichting: str | None = None


@dataclass
class Regeling:
    id: str
    titel: str
    sectie: str
    opgave: str
    verstrekker: str
    samenvatting: str
    doelgroep: str
    status: str
    location: Location
    beschrijving: str | None = None
    bedrag: Bedrag | None = None
    aanvraagperiode: Periode | None = None
    bronnen: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    vorige_ids: tuple[str, ...] = ()
    maatregelen: list[Maatregel] = field(default_factory=list)
    delen: list[Regeling] = field(default_factory=list)


@dataclass
class Maatregel:
    id: str
    titel: str
    opgave: str
    sectie: str
    samenvatting: str
    beschrijving: str
    status: str
    location: Location
    eindverantwoordelijken: tuple[str, ...] = ()
    betrokkenen: tuple[str, ...] = ()
    tijdspad: tuple[Mijlpaal, ...] = ()
    regelingen: tuple[str, ...] = ()
    bronnen: tuple[str, ...] = ()
    contact: str | None = None
    links: tuple[Link, ...] = ()
    voetnoten: tuple[str, ...] = ()
    vorige_ids: tuple[str, ...] = ()
    inhoudelijk_gewijzigd: Periode | None = None

    @property
    def sectie_key(self) -> tuple[int, ...]:
        return tuple(int(part) for part in self.sectie.split("."))


@dataclass
class Opgave:
    id: str
    titel: str
    volgorde: int
    hoofdstuk: str
    samenvatting: str
    beschrijving: str
    location: Location
    kerncijfers: tuple[Kerncijfer, ...] = ()
    tijdspad: tuple[Mijlpaal, ...] = ()
    vorige_ids: tuple[str, ...] = ()
    maatregelen: list[Maatregel] = field(default_factory=list)
    regelingen: list[Regeling] = field(default_factory=list)


@dataclass(frozen=True)
class Bron:
    id: str
    titel: str
    soort: str
    kenmerk: str | None = None
    datum: Periode | None = None
    afzender: str | None = None
    url: str | None = None
    toelichting: str | None = None


@dataclass(frozen=True)
class Begrip:
    term: str
    betekenis: str
    uitleg: str | None = None


@dataclass(frozen=True)
class Vaststelling:
    datum: Periode
    door: str


@dataclass(frozen=True)
class Editie:
    jaar: int
    titel: str
    peildatum: Periode
    vastgesteld: Vaststelling | None = None
    toelichting: str | None = None


@dataclass(frozen=True)
class Pagina:
    slug: str
    titel: str
    volgorde: int
    body: str
    path: str
    samenvatting: str | None = None


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

    @classmethod
    def from_checked(cls, values: dict[str, Any], pages: list[dict], files: dict[str, str]):
        maatregelen = [_maatregel(v) for v in values["maatregelen"]]
        maatregelen.sort(key=lambda m: (m.sectie_key, m.id))
        opgaven = sorted((_opgave(v) for v in values["opgaven"]), key=lambda o: o.volgorde)
        organisaties = sorted(
            (_organisatie(v) for v in values["organisaties"]), key=lambda o: o.korte_naam.casefold()
        )
        regelingen = sorted(
            (_regeling(v) for v in values["regelingen"]),
            key=lambda r: (tuple(int(p) for p in r.sectie.split(".")), r.id),
        )
        bronnen = sorted(
            (Bron(**_plain(v)) for v in values["bronnen"]),
            key=lambda b: (b.datum.sort_key if b.datum else (date.max,), b.id),
        )
        handreiking = cls(
            editie=_editie(values["editie"]),
            opgaven={o.id: o for o in opgaven},
            maatregelen={m.id: m for m in maatregelen},
            organisaties={o.id: o for o in organisaties},
            regelingen={r.id: r for r in regelingen},
            bronnen={b.id: b for b in bronnen},
            begrippen=sorted(
                (Begrip(**_plain(v)) for v in values["begrippen"]), key=lambda b: b.term.casefold()
            ),
            paginas=sorted(
                (Pagina(**{k: p[k] for k in p if not k.startswith("_")}) for p in pages),
                key=lambda p: (p.volgorde, p.slug),
            ),
            files=files,
        )
        handreiking._link()
        return handreiking

    def _link(self) -> None:
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
            if r.bedrag and r.bedrag.deel_van:
                self.regelingen[r.bedrag.deel_van].delen.append(r)

    @property
    def mijlpalen(self) -> list[Mijlpaal]:
        """Every mijlpaal, of opgaven and maatregelen, sorted by start."""
        items = [p for o in self.opgaven.values() for p in o.tijdspad]
        items += [p for m in self.maatregelen.values() for p in m.tijdspad]
        return sorted(items, key=lambda p: (p.datum.sort_key, p.eigenaar_id, p.tekst))


def _plain(value: dict) -> dict:
    return {k: v for k, v in value.items() if not k.startswith("_")}


def _mijlpalen(values, kind: str, owner: dict) -> tuple[Mijlpaal, ...]:
    items = [
        Mijlpaal(
            v["datum"],
            v["tekst"],
            v["_loc"]["datum"],
            kind,
            owner["id"],
            owner["titel"],
            owner.get("status") if kind == "maatregel" else None,
        )
        for v in values
    ]
    return tuple(sorted(items, key=lambda p: p.datum.sort_key))


def _links(values) -> tuple[Link, ...]:
    return tuple(Link(**_plain(v)) for v in values)


def _maatregel(v: dict) -> Maatregel:
    data = _plain(v)
    data["tijdspad"] = _mijlpalen(v.get("tijdspad", []), "maatregel", v)
    data["links"] = _links(v.get("links", []))
    for key in (
        "eindverantwoordelijken",
        "betrokkenen",
        "regelingen",
        "bronnen",
        "voetnoten",
        "vorige_ids",
    ):
        data[key] = tuple(v.get(key, ()))
    return Maatregel(location=v["_at"], **data)


def _opgave(v: dict) -> Opgave:
    data = _plain(v)
    data["kerncijfers"] = tuple(Kerncijfer(**_plain(k)) for k in v.get("kerncijfers", []))
    data["tijdspad"] = _mijlpalen(v.get("tijdspad", []), "opgave", v)
    data["vorige_ids"] = tuple(v.get("vorige_ids", ()))
    return Opgave(location=v["_at"], **data)


def _organisatie(v: dict) -> Organisatie:
    data = _plain(v)
    if "contact" in v:
        data["contact"] = Contact(**_plain(v["contact"]))
    data["vorige_ids"] = tuple(v.get("vorige_ids", ()))
    return Organisatie(location=v["_at"], **data)


def _regeling(v: dict) -> Regeling:
    data = _plain(v)
    if "bedrag" in v:
        data["bedrag"] = Bedrag(**_plain(v["bedrag"]))
    data["links"] = _links(v.get("links", []))
    data["bronnen"] = tuple(v.get("bronnen", ()))
    data["vorige_ids"] = tuple(v.get("vorige_ids", ()))
    return Regeling(location=v["_at"], **data)


def _editie(v: dict) -> Editie:
    data = _plain(v)
    if "vastgesteld" in v:
        data["vastgesteld"] = Vaststelling(**_plain(v["vastgesteld"]))
    return Editie(**data)
