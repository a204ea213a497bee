"""Change points: a planted level shift is found within one period."""

from __future__ import annotations

import pytest

from detente.analysis import change_points
from detente.errors import AnalysisError

from .synthetic import level_shift_events


@pytest.mark.parametrize("method", ["pelt", "binseg"])
@pytest.mark.parametrize("shift_week", [20, 37])
def test_level_shift_found_within_one_period(method, shift_week):
    events = level_shift_events(shift_week=shift_week)
    found = change_points(events, "CHN", "RUS", period="week", method=method)
    assert len(found) == 1
    point = found[0]
    assert abs(point.index - shift_week) <= 1
    assert point.mean_before > 0 > point.mean_after
    assert point.direction == "down"
    assert point.events and all(e["goldstein"] for e in point.events)


def test_no_shift_no_change_point():
    events = level_shift_events(shift_week=60, weeks=60)
    assert change_points(events, "CHN", "RUS") == []


def test_too_short_series_is_insufficient():
    with pytest.raises(AnalysisError, match="insufficient data"):
        change_points(level_shift_events(weeks=3, shift_week=2), "CHN", "RUS")


def test_unknown_method():
    with pytest.raises(AnalysisError, match="unknown change-point method"):
        change_points(level_shift_events(), "CHN", "RUS", method="magic")
