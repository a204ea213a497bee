"""Polarity: concentration of activity and bloc structure."""

from __future__ import annotations

import pandas as pd
import pytest

from detente.analysis import polarity, polarity_index, signed_network
from detente.analysis.polarity import concentration

from .synthetic import bloc_events, event_rows, frame


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        pytest.param([5, 5, 5, 5], 0.0, id="even"),
        pytest.param([3, 1], 0.5, id="two-unequal"),
        pytest.param([1], None, id="single-actor"),
    ],
)
def test_concentration_formula(values, expected):
    assert concentration(values) == (
        pytest.approx(expected) if expected is not None else None
    )


def test_hub_network_is_concentrated():
    d = pd.Timestamp("2020-01-01")
    hub = frame(
        sum(
            (event_rows(d, "USA", x, -5.0, 4, 3) for x in ("CHN", "RUS", "IRN", "PRK")),
            [],
        )
    )
    index = polarity_index(signed_network(hub))
    assert index["poles"][0]["actor"] == "USA"
    assert index["poles"][0]["share"] == pytest.approx(0.5)
    # shares 1/2, 1/8 x4: HHI = 5/16, N = 5 -> CON = sqrt((5/16 - 1/5) / (4/5))
    assert index["concentration"] == pytest.approx(((5 / 16 - 1 / 5) / (4 / 5)) ** 0.5)
    assert index["effective_poles"] == pytest.approx(16 / 5)


def test_polarity_over_years():
    bipolar = bloc_events([["USA", "GBR"], ["CHN", "RUS"]], date="2019-05-05")
    united = bloc_events([["USA", "GBR", "CHN", "RUS"]], date="2020-05-05")
    table = polarity(pd.concat([bipolar, united]), period="year")
    assert list(table.index.year) == [2019, 2020]
    assert table.loc["2019-01-01", "n_blocs"] == 2
    assert table.loc["2019-01-01", "negative_between_share"] == 1.0
    assert table.loc["2020-01-01", "n_blocs"] == 1
