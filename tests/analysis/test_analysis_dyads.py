"""Dyad series: counts and Goldstein sums checked by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from detente.analysis import dyad_series
from detente.errors import AnalysisError

from .synthetic import event_rows, frame


@pytest.fixture
def small():
    d = pd.Timestamp
    rows = (
        event_rows(d("2021-01-04"), "CHN", "RUS", 4.0, 1)  # week 1
        + event_rows(d("2021-01-05"), "RUS", "CHN", 7.0, 2)
        + event_rows(d("2021-01-06"), "CHN", "RUS", -2.0, 3)
        + event_rows(d("2021-01-20"), "CHN", "RUS", -10.0, 4)  # week 3; week 2 empty
        + event_rows(d("2021-01-05"), "USA", "CHN", -5.0, 4)  # another dyad
    )
    events = frame(rows)
    events.loc[1, "num_sources"] = 5
    return events


def test_dyad_counts_and_sums_by_hand(small):
    series = dyad_series(small, "CHN", "RUS", period="week")
    assert list(series.index) == [
        pd.Timestamp("2021-01-04"),
        pd.Timestamp("2021-01-11"),
        pd.Timestamp("2021-01-18"),
    ]
    week1, week2, week3 = (series.iloc[i] for i in range(3))
    assert week1["events"] == 3
    assert (week1["verbal_coop"], week1["material_coop"], week1["verbal_conflict"]) == (
        1,
        1,
        1,
    )
    assert week1["net_cooperation"] == 1  # 2 cooperative - 1 conflictual
    assert week1["goldstein_sum"] == pytest.approx(9.0)
    assert week1["goldstein_mean"] == pytest.approx(3.0)
    assert week1["conflict_share"] == pytest.approx(1 / 3)
    assert week2["events"] == 0 and week2["goldstein_sum"] == 0
    assert np.isnan(week2["goldstein_mean"])
    assert week3["material_conflict"] == 1 and week3["goldstein_sum"] == -10.0


def test_directed_series_keeps_one_direction(small):
    series = dyad_series(small, "CHN", "RUS", period="month", directed=True)
    assert series["events"].sum() == 3
    assert series["goldstein_sum"].sum() == pytest.approx(-8.0)


def test_weight_by_sources(small):
    series = dyad_series(small, "CHN", "RUS", period="month", weight="sources")
    # every synthetic event has 2 sources, the RUS->CHN one 5
    assert series["events"].iloc[0] == pytest.approx(2 + 5 + 2 + 2)
    assert series["goldstein_sum"].iloc[0] == pytest.approx(
        2 * 4 + 5 * 7 - 2 * 2 - 2 * 10
    )


def test_series_spans_the_whole_frame_so_dyads_line_up(small):
    series = dyad_series(small, "USA", "CHN", period="day")
    assert series.index[0] == pd.Timestamp("2021-01-04")
    assert series.index[-1] == pd.Timestamp("2021-01-20")
    assert series["events"].sum() == 1


def test_actor_pattern_matches_igo():
    events = frame(
        event_rows(pd.Timestamp("2020-07-07"), "USA", "IGO", -4.0, 4)
        + event_rows(pd.Timestamp("2020-07-08"), "USA", "CHN", -4.0, 4)
    )
    events.loc[0, "target_actor"] = "IGOWHO"
    series = dyad_series(
        events, "USA*", "IGO*", level="actor", directed=True, period="month"
    )
    assert series["events"].sum() == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"period": "fortnight"}, "unknown period", id="bad-period"),
        pytest.param({"weight": "mentions"}, "unknown weight", id="bad-weight"),
        pytest.param({"level": "city"}, "unknown level", id="bad-level"),
        pytest.param({"start": "2030-01-01"}, "no events", id="empty-range"),
    ],
)
def test_bad_requests_raise_analysis_error(small, kwargs, message):
    with pytest.raises(AnalysisError, match=message):
        dyad_series(small, "CHN", "RUS", **kwargs)


def test_missing_column_is_named():
    with pytest.raises(AnalysisError, match="goldstein"):
        dyad_series(
            pd.DataFrame(
                {
                    "event_date": [],
                    "source_country": [],
                    "target_country": [],
                    "quad_class": [],
                }
            ),
            "A",
            "B",
        )
