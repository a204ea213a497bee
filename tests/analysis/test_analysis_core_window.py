"""Historical references do not stretch a claim's series over decades of empty periods."""

from __future__ import annotations

import pandas as pd

from detente.analysis.claims import core_window


def _events(dates):
    return pd.DataFrame({"event_date": pd.to_datetime(dates)})


def test_a_few_historical_dates_are_trimmed():
    bulk = list(pd.date_range("2017-01-01", periods=200, freq="D"))
    frame = _events(bulk + ["1953-07-27", "1917-11-07"])
    kept, trimmed = core_window(frame)
    assert kept["event_date"].min() >= pd.Timestamp("2017-01-01")
    assert trimmed >= 2


def test_an_evenly_spread_series_is_left_alone():
    frame = _events(pd.date_range("2010-01-01", periods=300, freq="W"))
    kept, trimmed = core_window(frame)
    assert trimmed == 0 and len(kept) == 300
