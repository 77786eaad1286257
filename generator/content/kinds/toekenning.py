"""An organisatie assigned to a record as a fact (`Toekenning`), and the id that knows where
that fact comes from (`Toegekend`): named in this paragraph, named in another, or inferred."""

from __future__ import annotations

from dataclasses import dataclass

from ..load import Mapping
from .base import INVALID, Kind
from .compound import Field, Record
from .text import Ref, Sectie, Text


class Toegekend(str):
    """An organisatie id as a fact of a record, knowing where the fact comes from.

    It *is* the id: it compares, hashes, joins and prints as 'bzk', so every lookup and list
    that takes an id takes it. Besides, `afgeleid` holds the editors' reason when the
    handreiking does not name this organisatie here (the fact is inferred), and `genoemd` the
    paragraph that names it when that is not the record's own.
    """

    afgeleid: str | None
    genoemd: str | None

    def __new__(cls, id_: str, afgeleid: str | None = None, genoemd: str | None = None):
        value = super().__new__(cls, id_)
        value.afgeleid, value.genoemd = afgeleid, genoemd
        return value


@dataclass
class Toekenning(Kind):
    """An organisatie as eindverantwoordelijke: its id (the handreiking names it in this
    record's paragraph), or a block that says where it comes from:

        - organisatie: jenv
          afgeleid: De handreiking noemt geen eindverantwoordelijke; JenV werkt het uit.
        - organisatie: coa
          genoemd: "5.1"
    """

    target: str = "organisatie"

    def __post_init__(self):
        self.ref = Ref(target=self.target)
        self.block = Record(
            name="toekenning",
            fields=(
                Field("organisatie", self.ref, "Organisatie", "De organisatie", True),
                Field(
                    "afgeleid",
                    Text(single_line=False),
                    "Afgeleid",
                    "Waarom de redactie deze organisatie noemt, als de handreiking dat hier "
                    "niet doet",
                ),
                Field(
                    "genoemd",
                    Sectie(),
                    "Genoemd in",
                    "De paragraaf die de organisatie noemt, als dat een andere is",
                ),
            ),
        )
        self.description = (
            f"{self.ref.description}, of een blok met 'organisatie:' en 'afgeleid: <reden>' "
            "(de handreiking noemt haar hier niet) of 'genoemd: <paragraaf>'"
        )

    def check(self, node, path, ctx):
        if not isinstance(node, Mapping):
            return self.ref.check(node, path, ctx)
        value = self.block.check(node, path, ctx)
        if value is INVALID or "organisatie" not in value:
            return INVALID
        given = [key for key in ("afgeleid", "genoemd") if key in node.items]
        if len(given) != 1:
            ctx.problem(
                node.location,
                path,
                "schrijf bij deze organisatie 'afgeleid: <waarom>' (de handreiking noemt haar "
                "hier niet) of 'genoemd: <paragraaf>', één van beide; of alleen de id als de "
                "handreiking haar in deze paragraaf noemt",
            )
            return INVALID
        return value

    def build(self, value):
        if isinstance(value, str):
            return Toegekend(value)
        return Toegekend(value["organisatie"], value.get("afgeleid"), value.get("genoemd"))

    def written(self, value):
        if not (value.afgeleid or value.genoemd):
            return str(value)
        extra = {"afgeleid": value.afgeleid} if value.afgeleid else {"genoemd": value.genoemd}
        return {"organisatie": str(value), **extra}

    def json_schema(self):
        block = self.block.definition()
        block["oneOf"] = [{"required": ["afgeleid"]}, {"required": ["genoemd"]}]
        return {"anyOf": [self.ref.json_schema(), block]}

    def example(self):
        return self.ref.example()
