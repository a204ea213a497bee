"""The strategic-triangle VAR finds a planted lagged effect, and only that."""

from __future__ import annotations

import pandas as pd
import pytest

from detente.analysis import reciprocity, triangle

from .synthetic import triangle_events


def test_planted_effect_is_found(triangle_result):
    assert triangle_result.status == "ok"
    test = triangle_result.granger_test("USA->CHN", "CHN->RUS")
    assert test["p_value"] < 0.01
    assert test["lag"] == triangle_result.lag_order >= 1
    assert test["f_stat"] > 10


def test_reverse_direction_is_not_found(triangle_result):
    assert triangle_result.granger_test("CHN->RUS", "USA->CHN")["p_value"] > 0.05


def test_response_has_the_planted_sign(triangle_result):
    # more US conflict (lower Goldstein) -> more CHN->RUS cooperation: negative response
    assert triangle_result.response("USA->CHN", "CHN->RUS")["cumulative_response"] < 0


def test_joint_test_of_pressure_on_partnership(triangle_result):
    joint = triangle_result.joint_granger(
        ["USA->CHN", "USA->RUS"], ["CHN->RUS", "RUS->CHN"]
    )
    assert joint["p_value"] < 0.01


def test_granger_lists_every_ordered_pair(triangle_result):
    pairs = {(g["cause"], g["effect"]) for g in triangle_result.granger}
    assert len(pairs) == 30
    assert set(triangle_result.to_dict()["granger"][0]) >= {
        "cause",
        "effect",
        "p_value",
        "lag",
        "f_stat",
    }


def test_no_effect_when_none_is_planted():
    result = triangle(triangle_events(effect=0.0, seed=11), "USA", "CHN", "RUS")
    assert result.granger_test("USA->CHN", "CHN->RUS")["p_value"] > 0.05


@pytest.mark.parametrize(
    ("weeks", "kwargs"),
    [
        pytest.param(12, {}, id="twelve-weeks"),
        pytest.param(40, {"min_periods": 52}, id="under-a-year-required"),
    ],
)
def test_too_little_data_is_insufficient_not_a_crash(weeks, kwargs):
    result = triangle(triangle_events(weeks=weeks), "USA", "CHN", "RUS", **kwargs)
    assert not result.sufficient
    assert result.status == "insufficient data"
    assert "insufficient data" in result.reason
    assert result.granger == []


def test_silent_dyads_are_excluded():
    events = triangle_events(weeks=120)
    quiet = events[
        ~((events["source_country"] == "RUS") & (events["target_country"] == "USA"))
    ]
    result = triangle(quiet, "USA", "CHN", "RUS")
    assert "RUS->USA" in result.excluded
    assert "RUS->USA" not in result.variables
    assert result.sufficient


def test_reciprocity_of_one_dyad():
    rng_events = triangle_events(weeks=150)
    result = reciprocity(rng_events, "USA", "CHN", period="week")
    assert {r["dyad"] for r in result.reciprocity} == {"USA->CHN", "CHN->USA"}


def test_monthly_periods_need_more_months():
    result = triangle(triangle_events(weeks=100), "USA", "CHN", "RUS", period="month")
    assert not result.sufficient  # 23 months < 30
    assert isinstance(result.series.index, pd.DatetimeIndex)
