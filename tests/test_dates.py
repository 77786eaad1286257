"""Dates keep the precision the handreiking gives them and read back in Dutch words."""

from __future__ import annotations

from datetime import date

import pytest

from generator.base.dates import DateNotationError, Periode

CASES = [
    ("2021-04-01", "1 april 2021", date(2021, 4, 1), date(2021, 4, 1), "dag"),
    ("2021-04", "april 2021", date(2021, 4, 1), date(2021, 4, 30), "maand"),
    ("2021-Q1", "eerste kwartaal 2021", date(2021, 1, 1), date(2021, 3, 31), "kwartaal"),
    ("2021-Q4", "vierde kwartaal 2021", date(2021, 10, 1), date(2021, 12, 31), "kwartaal"),
    ("2021-H1", "eerste helft 2021", date(2021, 1, 1), date(2021, 6, 30), "helft"),
    ("2021-H2", "tweede helft 2021", date(2021, 7, 1), date(2021, 12, 31), "helft"),
    ("2021-zomer", "zomer 2021", date(2021, 6, 1), date(2021, 8, 31), "seizoen"),
    ("2021-winter", "winter 2021", date(2021, 12, 1), date(2022, 2, 28), "seizoen"),
    ("2021", "2021", date(2021, 1, 1), date(2021, 12, 31), "jaar"),
    # begin, medio and eind are periods of their own (QUALIFIED in dates.py)
    ("begin 2021", "begin 2021", date(2021, 1, 1), date(2021, 3, 31), "begin jaar"),
    ("medio 2021", "medio 2021", date(2021, 6, 1), date(2021, 7, 31), "medio jaar"),
    ("eind 2021", "eind 2021", date(2021, 10, 1), date(2021, 12, 31), "eind jaar"),
    ("eind 2021-H1", "eind eerste helft 2021", date(2021, 5, 1), date(2021, 6, 30), "eind helft"),
    (
        "begin 2021-Q2",
        "begin tweede kwartaal 2021",
        date(2021, 4, 1),
        date(2021, 4, 30),
        "begin kwartaal",
    ),
    ("medio 2021-zomer", "medio zomer 2021", date(2021, 7, 1), date(2021, 7, 31), "medio seizoen"),
    ("begin 2021-02", "begin februari 2021", date(2021, 2, 1), date(2021, 2, 10), "begin maand"),
    ("eind 2021-02", "eind februari 2021", date(2021, 2, 21), date(2021, 2, 28), "eind maand"),
    (
        "eind 2021..2022-Q1",
        "eind 2021 t/m eerste kwartaal 2022",
        date(2021, 10, 1),
        date(2022, 3, 31),
        "periode",
    ),
    ("2021-03..2021-07", "maart t/m juli 2021", date(2021, 3, 1), date(2021, 7, 31), "periode"),
    (
        "2021-Q2..2021-Q3",
        "tweede t/m derde kwartaal 2021",
        date(2021, 4, 1),
        date(2021, 9, 30),
        "periode",
    ),
    (
        "2021-12..2022-01",
        "december 2021 t/m januari 2022",
        date(2021, 12, 1),
        date(2022, 1, 31),
        "periode",
    ),
    ("2024-02-29", "29 februari 2024", date(2024, 2, 29), date(2024, 2, 29), "dag"),
]


@pytest.mark.parametrize(("notatie", "words", "begin", "einde", "precisie"), CASES)
def test_notation_reads_as_a_period_in_dutch(notatie, words, begin, einde, precisie):
    periode = Periode.parse(notatie)
    assert (periode.words, periode.begin, periode.einde, periode.precisie) == (
        words,
        begin,
        einde,
        precisie,
    )


@pytest.mark.parametrize(
    ("notatie", "message"),
    [
        ("april 2021", "onbekende datumnotatie 'april 2021'"),
        ("2021-13", "maand moet tussen 01 en 12 liggen"),
        ("2021-02-29", "'2021-02-29' is geen bestaande dag"),
        ("2021-Q5", "kwartaal Q1 tot en met Q4"),
        ("2021-H3", "alleen H1 en H2"),
        ("2021-07..2021-03", "eindigt vóór ze begint"),
        ("eind 2021-04-01", "'eind' past niet bij een precieze dag"),
        ("21-04-01", "onbekende datumnotatie"),
        ("0000-01-01", "het jaar 0 ligt niet tussen 1900 en 2100"),
        ("9999-winter", "het jaar 9999 ligt niet tussen 1900 en 2100"),
        ("2100-winter", "de winter van 2100 loopt door na 2100"),
        ("geen", "'geen' kan alleen bij een mijlpaal"),
    ],
)
def test_wrong_notation_is_explained_in_dutch(notatie, message):
    with pytest.raises(DateNotationError, match=message):
        Periode.parse(notatie)


def test_sorting_is_by_start_then_end():
    notations = ["2021-04", "2021-Q2", "2021-03..2021-07", "2021-04-01", "2021", "2020-12"]
    ordered = sorted((Periode.parse(n) for n in notations), key=lambda p: p.sort_key)
    assert [p.notatie for p in ordered] == [
        "2020-12",
        "2021",
        "2021-03..2021-07",
        "2021-04-01",
        "2021-04",
        "2021-Q2",
    ]


def test_a_period_is_past_only_after_its_last_day():
    kwartaal = Periode.parse("2021-Q1")
    assert not kwartaal.is_past(date(2021, 3, 31))
    assert kwartaal.is_past(date(2021, 4, 1))
    assert kwartaal.contains(date(2021, 2, 15))


def test_the_qualified_periods_keep_the_order_of_the_text():
    """The aanjager's tijdspad and the Huisvesting one (issue 13): in true order, not with
    'eind 2021' or 'medio 2021' as a whole year at its start."""
    aanjager = ["eind 2021", "2021-02-01", "2020-12-15", "2021-zomer"]
    huisvesting = ["medio 2021", "2021-04-01", "2021-01", "2021-03-15"]
    for notations, expected in (
        (aanjager, ["2020-12-15", "2021-02-01", "2021-zomer", "eind 2021"]),
        (huisvesting, ["2021-01", "2021-03-15", "2021-04-01", "medio 2021"]),
    ):
        ordered = sorted((Periode.parse(n) for n in notations), key=lambda p: p.sort_key)
        assert [p.notatie for p in ordered] == expected


def test_a_mijlpaal_without_a_date_is_never_past_and_sorts_last():
    geen = Periode.parse("geen", geen=True)
    assert (geen.words, geen.begin, geen.precisie, geen.dated) == (
        "geen datum genoemd",
        None,
        "geen",
        False,
    )
    assert not geen.is_past(date(2100, 1, 1)) and not geen.contains(date(2021, 1, 1))
    ordered = sorted([geen, Periode.parse("2099")], key=lambda p: p.sort_key)
    assert ordered[-1] is geen


def test_every_precision_is_listed_for_the_open_data():
    from generator.base.dates import PRECISIES

    for notatie in (
        "2021-04-01",
        "medio 2021",
        "begin 2021-Q2",
        "eind 2021-03",
        "2021-03..2021-07",
    ):
        assert Periode.parse(notatie).precisie in PRECISIES
    assert Periode.parse("geen", geen=True).precisie in PRECISIES


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("28-10-2021", "2021-10-28"),
        ("1/4/2021", "2021-04-01"),
        ("1 april 2021", "2021-04-01"),
        ("1 apr. 2021", "2021-04-01"),
        ("april 2021", "2021-04"),
        ("Maart 2021", "2021-03"),
        ("2021-4", "2021-04"),
        ("eerste kwartaal 2021", "2021-Q1"),
        ("Q3 2021", "2021-Q3"),
        ("tweede helft 2021", "2021-H2"),
        ("herfst 2021", "2021-najaar"),
        ("medio april 2021", "medio 2021-04"),
        ("maart t/m juli 2021", "2021-03..2021-07"),
        ("1 maart - 15 juni 2021", "2021-03-01..2021-06-15"),
    ],
)
def test_a_date_written_the_dutch_way_gets_our_notation_as_a_hint(written, meant):
    with pytest.raises(DateNotationError) as raised:
        Periode.parse(written)
    assert str(raised.value) == f"onbekende datumnotatie '{written}'; bedoelde u {meant}?"
    assert Periode.parse(meant)  # the hint itself is a valid notation


@pytest.mark.parametrize("written", ["30-02-2021", "na de zomer", "21-04-01"])
def test_no_hint_where_nothing_fits_only_the_general_help(written):
    with pytest.raises(DateNotationError, match="gebruik bijvoorbeeld 2021-04-01") as raised:
        Periode.parse(written)
    assert "bedoelde u" not in str(raised.value)
