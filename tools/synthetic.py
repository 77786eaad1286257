"""Synthetic but valid content at N times the real size, for the benchmark.

The real content is the template: every synthetic record is a copy of a real one (so every
field the real content uses is exercised), with a new id, title and paragraph number, and with
its references pointed at copies of the records the original referred to. That keeps the
shape of the graph: an organisatie is eindverantwoordelijk for about as many maatregelen at
100x as at 1x, so page sizes stay realistic and only the number of pages grows.

Scale N means about 20 x N maatregelen (the real content has 15), with organisaties,
regelingen and bronnen in the same proportion as in the real content. Opgaven, begrippen and
the editie stay as they are: they are the fixed frame of the handreiking. The outcome is
deterministic: the same real content, N and seed give the same bytes.

Usage: python -m tools.synthetic TARGET --scale 10 [--source .]
"""

from __future__ import annotations

import argparse
import copy
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

from generator.content.kinds import ListOf, Record, Ref, Toekenning
from generator.content.schema import FILES
from tools.project import copy_project

ROOT = Path(__file__).resolve().parent.parent
MAATREGELEN_PER_SCALE = 20
SCALED = ("maatregelen", "organisaties", "regelingen", "bronnen")  # file keys that grow
ID_KIND = {
    "maatregelen": "maatregel",
    "organisaties": "organisatie",
    "regelingen": "regeling",
    "bronnen": "bron",
    "opgaven": "opgave",
}
HEADER = "# Synthetische inhoud voor de benchmark (tools/synthetic.py, schaal {scale}).\n"


def targets(real: dict[str, int], scale: float) -> dict[str, int]:
    """How many records of each scaled kind: maatregelen = 20 x scale, the rest proportionate."""
    wanted = MAATREGELEN_PER_SCALE * scale
    factor = wanted / max(real["maatregelen"], 1)
    return {
        key: max(real[key], round(real[key] * factor)) if key in SCALED else real[key]
        for key in real
    }


def _record_spec(key: str) -> Record:
    spec = next(s for s in FILES if s.key == key)
    assert isinstance(spec.kind, ListOf) and isinstance(spec.kind.item, Record)
    return spec.kind.item


def _clone_id(original: str, copy_index: int) -> str:
    return original if copy_index == 0 else f"{original}-s{copy_index}"


class Scaler:
    """Copies real records into synthetic ones and rewires their references."""

    def __init__(self, real: dict[str, list[dict]], counts: dict[str, int], seed: int):
        self.real = real
        self.counts = counts
        self.rng = random.Random(seed)
        # kind -> original id -> every id that is a copy of it (the original first)
        self.copies: dict[str, dict[str, list[str]]] = {}
        for key, records in real.items():
            kind = ID_KIND.get(key)
            if kind is None:
                continue
            ids: dict[str, list[str]] = {r["id"]: [] for r in records}
            for index in range(counts[key]):
                original = records[index % len(records)]["id"]
                ids[original].append(_clone_id(original, index // len(records)))
            self.copies[kind] = ids

    def records(self, key: str) -> list[dict]:
        records = self.real[key]
        if key not in SCALED:
            return records
        spec = _record_spec(key)
        out = []
        for index in range(self.counts[key]):
            original = records[index % len(records)]
            copy_index = index // len(records)
            out.append(original if copy_index == 0 else self._clone(spec, original, copy_index))
        return out

    def _clone(self, spec: Record, original: dict, copy_index: int) -> dict:
        record = copy.deepcopy(original)
        record["id"] = _clone_id(original["id"], copy_index)
        record.pop("vorige_ids", None)  # an old address belongs to one record only
        for title in ("titel", "naam"):
            if title in record:
                record[title] = f"{record[title]} (synthetisch {copy_index})"
        if "afkorting" in record:
            record["afkorting"] = f"{record['afkorting']}{copy_index}"
        if "sectie" in record:
            record["sectie"] = f"{record['sectie']}.{copy_index}"
        self._rewire(spec, record, copy_index)
        return record

    def _rewire(self, spec: Record, record: dict, copy_index: int) -> None:
        """Point every reference in `record` at a copy of what the original referred to."""
        for field in spec.fields:
            if field.key not in record or field.key == "id":
                continue
            value = record[field.key]
            kind = field.kind
            if isinstance(kind, Ref):
                record[field.key] = self._pick(kind.target, value, copy_index, field.key)
            elif isinstance(kind, ListOf) and isinstance(kind.item, Ref):
                record[field.key] = [
                    self._pick(kind.item.target, v, copy_index, field.key) for v in value
                ]
            elif isinstance(kind, ListOf) and isinstance(kind.item, Toekenning):
                record[field.key] = [self._toekenning(kind.item, v, copy_index) for v in value]
            elif isinstance(kind, ListOf) and isinstance(kind.item, Record):
                for item in value:
                    if isinstance(item, dict):
                        self._rewire(kind.item, item, copy_index)
            elif isinstance(kind, Record) and isinstance(value, dict):
                self._rewire(kind, value, copy_index)

    def _toekenning(self, kind: Toekenning, item: Any, copy_index: int) -> Any:
        """An eindverantwoordelijke at a copy: the id, or the id in its {organisatie} block."""
        if isinstance(item, dict):
            return {
                **item,
                "organisatie": self._pick(kind.target, item["organisatie"], copy_index, ""),
            }
        return self._pick(kind.target, item, copy_index, "")

    def _pick(self, target: str, original: Any, copy_index: int, key: str) -> Any:
        choices = self.copies.get(target, {}).get(original)
        if not choices:
            return original  # an unscaled kind (opgave) or an id we do not know: keep it
        if key == "deel_van":  # the same copy of the whole, so 'part <= whole' still holds
            return choices[copy_index % len(choices)]
        return self.rng.choice(choices)


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def scale_project(project: Path, scale: float, seed: int = 20210615) -> dict[str, int]:
    """Rewrite the content files of `project` (a copy of the real one) at `scale`."""
    real: dict[str, list[dict]] = {}
    for spec in FILES:
        data = _read(project / spec.path)
        if isinstance(spec.kind, ListOf):
            real[spec.key] = (data or {}).get(spec.key) or []
    counts = targets({key: len(records) for key, records in real.items()}, scale)
    scaler = Scaler(real, counts, seed)
    for spec in FILES:
        if spec.key not in SCALED:
            continue
        records = scaler.records(spec.key)
        text = HEADER.format(scale=scale) + _dump({spec.key: records})
        (project / spec.path).write_text(text, encoding="utf-8")
    return counts


def synthetic_project(
    target: Path, scale: float, source: Path = ROOT, seed: int = 20210615
) -> dict[str, int]:
    """A fresh copy of the project at `target` with content at `scale`; returns the counts."""
    if target.exists():
        shutil.rmtree(target)
    copy_project(target, content=source, site=source)
    return scale_project(target, scale, seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--scale", type=float, default=1)
    parser.add_argument("--source", type=Path, default=ROOT)
    parser.add_argument("--seed", type=int, default=20210615)
    args = parser.parse_args(argv)
    counts = synthetic_project(args.target, args.scale, args.source, args.seed)
    print(", ".join(f"{n} {key}" for key, n in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
