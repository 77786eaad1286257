"""The tijdlijn figure: where marks go, how states are told apart, and that it is stable."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from conftest import BUILD_DATE, ROOT, in_fresh_process
from generator.base.dates import Periode
from generator.base.problems import Location
from generator.content.model import Mijlpaal
from generator.outputs.timeline import layout, state_of
from generator.site.build import load

TODAY = date(2021, 6, 15)


def mijlpaal(notatie: str, status: str | None = "beschikbaar", owner: str = "m1") -> Mijlpaal:
    return Mijlpaal(
        datum=Periode.parse(notatie),
        tekst=f"tekst {notatie}",
        location=Location("f.yaml", 1, 1),
        eigenaar_kind="maatregel",
        eigenaar_id=owner,
        eigenaar_titel=f"Maatregel {owner}",
        status=status,
    )


@pytest.fixture(scope="module")
def handreiking():
    return load(ROOT, BUILD_DATE)[1]


def real_layout():
    """The figure of the live content at BUILD_DATE (for a run in another process)."""
    return layout(load(ROOT, BUILD_DATE)[1].mijlpalen, BUILD_DATE)


@pytest.mark.parametrize(
    ("notatie", "status", "state"),
    [
        ("2021-01-15", "beschikbaar", "verlopen"),  # available, yet its tijdspad not updated
        ("2021-01-15", "afgerond", "voorbij"),
        ("2021-Q1", "in-voorbereiding", "verlopen"),
        ("2021-Q1", "voornemen", "verlopen"),
        ("2021-Q1", "afgerond", "voorbij"),
        ("2021-H1", "in-voorbereiding", "lopend"),
        ("2021-07-01", "in-voorbereiding", "gepland"),
        ("2021-06-15", "beschikbaar", "lopend"),
    ],
)
def test_states_follow_the_lists_reading(notatie, status, state):
    assert state_of(mijlpaal(notatie, status), TODAY) == state


def test_a_day_is_a_point_and_a_period_is_a_bar_between_its_ends():
    figure = layout([mijlpaal("2021-04-01"), mijlpaal("2021-Q3", owner="m2")], TODAY)
    point, bar = figure.marks
    assert (point.shape, point.width) == ("punt", 0)
    assert bar.shape == "balk"
    # The axis runs over Q2 and Q3 2021 (183 days); Q3 is 92 of them.
    axis = figure.chart_right - figure.chart_left - 16
    assert bar.width == pytest.approx(axis * 92 / 183, abs=0.2)
    assert figure.chart_left < point.x < bar.x < figure.chart_right


def test_a_running_bar_is_cut_at_today_and_today_is_marked():
    figure = layout([mijlpaal("2021-H1", "in-voorbereiding")], TODAY)
    (bar,) = figure.marks
    assert bar.state == "lopend"
    assert bar.x < bar.split == figure.today_x < bar.x + bar.width
    assert figure.today_label == "vandaag, 15 juni 2021"


def test_overlapping_marks_of_one_owner_get_their_own_lane_and_the_row_grows():
    alone = layout([mijlpaal("2021")], TODAY)
    stacked = layout([mijlpaal("2021"), mijlpaal("2021-zomer"), mijlpaal("2021-H2")], TODAY)
    ys = [m.y for m in stacked.marks]
    assert ys[0] != ys[1]  # zomer lies inside 2021
    assert stacked.rows[0].height > alone.rows[0].height


def test_the_axis_covers_every_mark_and_today():
    figure = layout([mijlpaal("2019-11"), mijlpaal("2023", owner="m2")], date(2024, 3, 1))
    # From the quarter of the first mark (Q4 2019) to the end of the quarter of today.
    # Q4 2019 alone is too narrow for its label next to 2020's.
    assert [t.label for t in figure.ticks if t.label] == ["2020", "2021", "2022", "2023", "2024"]
    assert len(figure.ticks) == 1 + 4 * 4 + 1 + 1  # Q4 2019 .. Q1 2024 and the end line
    assert all(figure.chart_left <= m.x <= figure.chart_right for m in figure.marks)
    assert figure.chart_left < figure.today_x < figure.chart_right


def test_long_owner_titles_are_cut_to_two_lines():
    long = mijlpaal("2021-04")
    long = replace(long, eigenaar_id="x", eigenaar_titel="woord " * 30, status=None)
    (row,) = layout([long], TODAY).rows
    assert len(row.lines) == 2 and row.lines[-1].endswith("…")


def test_nothing_to_draw():
    assert layout([], TODAY) is None


def test_the_real_content_gives_one_mark_per_mijlpaal_and_the_same_figure_twice(handreiking):
    first = layout(handreiking.mijlpalen, BUILD_DATE)
    assert first.count == sum(p.datum.dated for p in handreiking.mijlpalen)  # 'geen': only listed
    assert sum(first.states.values()) == first.count
    assert first.states["verlopen"] == sum(p.is_overdue(BUILD_DATE) for p in handreiking.mijlpalen)
    assert in_fresh_process("test_timeline:real_layout", hash_seed=1) == first
