"""Layout of the tijdlijn figure: every mijlpaal as a mark on a time axis.

Python decides where everything goes; the template `_tijdlijn_svg.j2` only draws it. The
result depends on nothing but the mijlpalen and `today`, so the same content and build date
give the same picture. One row per owner (opgave or maatregel), ordered by its first mijlpaal;
a mijlpaal of one day is a point, anything longer (month, quarter, season, year, range) a bar.

    >>> figure = layout(handreiking.mijlpalen, date(2021, 6, 15))
    >>> figure.rows[0].lines
    ('Opvang korte termijn (opgave)',)
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..base.dates import dutch_date
from ..content.model import Mijlpaal

WIDTH = 1000  # viewBox units; the CSS scales the figure to the column and scrolls below that
LABEL_WIDTH = 270
RIGHT_MARGIN = 20
AXIS_HEIGHT = 52  # year labels and the "vandaag" label above the first row
LANE_HEIGHT = 16
LINE_HEIGHT = 15
ROW_PADDING = 8
POINT_RADIUS = 6
LABEL_CHARS = 36  # characters per label line at font-size 13 in LABEL_WIDTH
LABEL_LINES = 2

# State -> what the legend and the mark's tooltip say. Told apart by shape and fill, not only
# by colour: gehaald solid green with a white check, voorbij solid grey, niet gehaald open
# grey, lopend solid up to today then open, gepland open blue, verlopen hatched.
STATE_LABELS = {
    "gehaald": "gehaald",
    "niet-gehaald": "niet gehaald",
    "voorbij": "voorbij",
    "lopend": "loopt nu",
    "gepland": "gepland",
    "verlopen": "verlopen, niet bijgewerkt",
}


@dataclass(frozen=True)
class Mark:
    """One mijlpaal: a point (width 0) or a bar from x to x + width, in lane `y` (centre)."""

    x: float
    width: float
    y: float
    state: str
    shape: str  # 'punt' or 'balk'
    tooltip: str
    split: float | None = None  # for a 'lopend' bar: where today cuts it (solid before)


@dataclass(frozen=True)
class Row:
    top: float
    height: float
    lines: tuple[str, ...]
    title: str
    kind: str  # 'opgave' or 'maatregel'


@dataclass(frozen=True)
class Tick:
    x: float
    label: str | None  # the year for a year line, None for a quarter line


@dataclass(frozen=True)
class Figure:
    width: int
    height: float
    chart_left: float
    chart_right: float
    axis_top: float
    rows: tuple[Row, ...]
    marks: tuple[Mark, ...]
    ticks: tuple[Tick, ...]
    today_x: float
    today_label: str
    count: int
    first_words: str
    last_words: str
    states: dict[str, int]


def state_of(mijlpaal: Mijlpaal, today: date) -> str:
    """One of STATE_LABELS; the same reading as the list's labels."""
    if mijlpaal.is_overdue(today):
        return "verlopen"
    moment = mijlpaal.moment(today)
    return "lopend" if moment == "nu" else moment


def layout(mijlpalen: list[Mijlpaal], today: date) -> Figure | None:
    """The whole figure, or None when there is nothing to draw. A mijlpaal without a date
    ('geen datum genoemd') is not drawn: the list under the figure names it."""
    mijlpalen = [p for p in mijlpalen if p.datum.dated]
    if not mijlpalen:
        return None
    # The axis runs from the quarter of the first mark to the quarter after the last one.
    start = _quarter_start(min(min(p.datum.begin for p in mijlpalen), today))
    end = _quarter_after(max(max(p.datum.einde for p in mijlpalen), today))
    chart_left, chart_right = LABEL_WIDTH + 10, WIDTH - RIGHT_MARGIN
    x_of = _scale(start, end, chart_left, chart_right)
    rows, marks, bottom = _rows(_by_owner(mijlpalen), x_of, today)
    states = {s: 0 for s in STATE_LABELS}
    for mark in marks:
        states[mark.state] += 1
    ordered = sorted(mijlpalen, key=lambda p: p.datum.sort_key)
    return Figure(
        width=WIDTH,
        height=bottom + 10,
        chart_left=chart_left,
        chart_right=chart_right,
        axis_top=AXIS_HEIGHT,
        rows=tuple(rows),
        marks=tuple(marks),
        ticks=_ticks(start, end, x_of),
        today_x=x_of(today),
        today_label=f"vandaag, {dutch_date(today)}",
        count=len(marks),
        first_words=ordered[0].datum.words,
        last_words=max(mijlpalen, key=lambda p: p.datum.einde).datum.words,
        states=states,
    )


def _scale(
    start: date, end: date, chart_left: float, chart_right: float
) -> Callable[[date], float]:
    """Where a day is on the axis from `start` to `end`, between the chart's edges."""
    span = (end - start).days
    inner_left, inner_right = chart_left + 8, chart_right - 8  # room for a point on the edge

    def x_of(day: date) -> float:
        return round(inner_left + (day - start).days / span * (inner_right - inner_left), 1)

    return x_of


def _by_owner(mijlpalen: list[Mijlpaal]) -> dict[tuple[str, str], list[Mijlpaal]]:
    """The mijlpalen per owner (kind, id), the owners in the order of their first mijlpaal."""
    owners: dict[tuple[str, str], list[Mijlpaal]] = {}
    for p in sorted(mijlpalen, key=lambda p: (p.datum.sort_key, p.eigenaar_id, p.tekst)):
        owners.setdefault((p.eigenaar_kind, p.eigenaar_id), []).append(p)
    return owners


def _rows(
    owners: dict[tuple[str, str], list[Mijlpaal]], x_of: Callable[[date], float], today: date
) -> tuple[list[Row], list[Mark], float]:
    """A row per owner, below the axis, its marks in lanes that do not overlap; and where
    the last row ends."""
    rows: list[Row] = []
    marks: list[Mark] = []
    top = float(AXIS_HEIGHT)
    for (kind, _), items in owners.items():
        title = items[0].eigenaar_titel + (" (opgave)" if kind == "opgave" else "")
        lines = _wrap(title)
        lanes = _lanes(items, x_of)
        height = max(len(lines) * LINE_HEIGHT, (max(lanes) + 1) * LANE_HEIGHT) + 2 * ROW_PADDING
        for p, lane in zip(items, lanes, strict=True):
            y = top + ROW_PADDING + lane * LANE_HEIGHT + LANE_HEIGHT / 2
            marks.append(_mark(p, y, x_of, today))
        rows.append(Row(top, height, lines, title, kind))
        top += height
    return rows, marks, top


def _mark(p: Mijlpaal, y: float, x_of: Callable[[date], float], today: date) -> Mark:
    """A mijlpaal of one day as a point, anything longer as a bar, at height `y`."""
    state = state_of(p, today)
    # Issue 22: the date as the text says it, and the marks the list shows too.
    marks_ = STATE_LABELS[state] + (", afgeleid" if p.afgeleid else "")
    tooltip = f"{p.termijn.words}: {p.tekst} ({marks_})"
    if p.datum.precisie == "dag":
        return Mark(x_of(p.datum.begin), 0, y, state, "punt", tooltip)
    x0, x1 = x_of(p.datum.begin), x_of(_day_after(p.datum.einde))
    split = x_of(today) if state == "lopend" else None
    return Mark(x0, max(round(x1 - x0, 1), 3.0), y, state, "balk", tooltip, split)


def _ticks(start: date, end: date, x_of: Callable[[date], float]) -> tuple[Tick, ...]:
    """A line per quarter, labelled with its year where a year starts."""
    ticks = []
    quarter = start
    while quarter <= end:
        # A part-year at the start gets its year only when the label fits before January.
        starts_year = quarter.month == 1 or (
            quarter == start and x_of(date(start.year + 1, 1, 1)) - x_of(start) >= 45
        )
        label = str(quarter.year) if starts_year and quarter < end else None
        ticks.append(Tick(x_of(quarter), label))
        quarter = _quarter_after(quarter)
    return tuple(ticks)


def _wrap(title: str) -> tuple[str, ...]:
    lines = textwrap.wrap(title, LABEL_CHARS) or [""]
    if len(lines) > LABEL_LINES:
        lines = lines[:LABEL_LINES]
        lines[-1] = lines[-1][: LABEL_CHARS - 1].rstrip() + "…"
    return tuple(lines)


def _lanes(items: list[Mijlpaal], x_of) -> list[int]:
    """Greedy interval packing: each mark goes in the first lane where it does not overlap."""
    ends: list[float] = []
    lanes = []
    for p in items:
        if p.datum.precisie == "dag":
            left, right = x_of(p.datum.begin) - POINT_RADIUS, x_of(p.datum.begin) + POINT_RADIUS
        else:
            left, right = x_of(p.datum.begin), x_of(_day_after(p.datum.einde))
        for lane, lane_end in enumerate(ends):
            if left > lane_end + 2:
                ends[lane] = right
                lanes.append(lane)
                break
        else:
            ends.append(right)
            lanes.append(len(ends) - 1)
    return lanes


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _quarter_after(day: date) -> date:
    start = _quarter_start(day)
    return date(start.year + 1, 1, 1) if start.month == 10 else date(start.year, start.month + 3, 1)


def _day_after(day: date) -> date:
    return date.fromordinal(day.toordinal() + 1)
