"""The same name means different roles on different dates."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.mark.parametrize(
    ("name", "date", "code", "role_label"),
    [
        pytest.param(
            "Medvedev",
            dt.date(2010, 6, 1),
            "RUSGOV",
            "head of state",
            id="Medvedev 2010 head of state",
        ),
        pytest.param(
            "Medvedev",
            dt.date(2021, 6, 1),
            "RUSGOV",
            "deputy chairman of the Security Council",
            id="Medvedev 2021 Security Council",
        ),
        pytest.param(
            "Trump",
            dt.date(2018, 6, 1),
            "USAGOV",
            "head of state",
            id="Trump 2018 head of state",
        ),
        pytest.param(
            "Trump",
            dt.date(2022, 6, 1),
            "USAELI",
            "former head of state",
            id="Trump 2022 former",
        ),
        pytest.param(
            "Merkel",
            dt.date(2015, 6, 1),
            "DEUGOV",
            "head of government",
            id="Merkel 2015 chancellor",
        ),
        pytest.param(
            "Merkel",
            dt.date(2023, 6, 1),
            "DEUELI",
            "former head of government",
            id="Merkel 2023 former",
        ),
        pytest.param(
            "Putin",
            dt.date(2010, 6, 1),
            "RUSGOV",
            "head of government",
            id="Putin 2010 prime minister",
        ),
        pytest.param(
            "Wang Yi",
            dt.date(2023, 3, 1),
            "CHNGOV",
            "senior foreign-affairs official (director of the Office of the Central Foreign Affairs Commission)",
            id="Wang Yi 2023 CFAC office",
        ),
        pytest.param(
            "Nikolai Patrushev",
            dt.date(2021, 5, 26),
            "RUSGOV",
            "Security Council secretary",
            id="Patrushev 2021",
        ),
        pytest.param(
            "Ban Ki-moon",
            dt.date(2010, 1, 1),
            "IGOUNO",
            "UN Secretary-General",
            id="Ban Ki-moon 2010 IGO",
        ),
    ],
)
def test_actors_lookup_on_date(resolver, name, date, code, role_label):
    best = resolver.lookup(name, date=date)[0]
    assert best.code == code
    assert best.role_label == role_label


def test_actors_lookup_igo_country(resolver):
    best = resolver.lookup("Ban Ki-moon", date=dt.date(2010, 1, 1))[0]
    assert best.country == "IGO"


def test_actors_dated_role_in_text(resolver):
    text = "Medvedev met the delegation."
    in_2010 = resolver.resolve_text(text, date=dt.date(2010, 3, 1))[0].actor
    in_2021 = resolver.resolve_text(text, date=dt.date(2021, 3, 1))[0].actor
    assert in_2010.role_label == "head of state"
    assert in_2021.role_label != "head of state"
    assert in_2021.code == "RUSGOV"


def test_actors_bush_depends_on_date(resolver):
    assert (
        resolver.lookup("President Bush", date=dt.date(1990, 1, 1))[0].entry_id
        == "person:george-h-w-bush"
    )
    assert (
        resolver.lookup("President Bush", date=dt.date(2005, 1, 1))[0].entry_id
        == "person:george-w-bush"
    )
