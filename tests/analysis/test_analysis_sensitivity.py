"""Sensitivity: a conclusion that changes with the de-duplication mode is flagged."""

from __future__ import annotations

import pandas as pd
import pytest

from detente.analysis import sensitivity
from detente.errors import StoreError

from .synthetic import event_rows, frame


def _loader(goldstein_by_mode):
    def load(dedup, mapping):
        if mapping == "phoenix.v1" and dedup == "story":
            raise StoreError("no story clusters for phoenix.v1")
        return frame(
            event_rows(
                pd.Timestamp("2020-01-01"), "CHN", "RUS", goldstein_by_mode[dedup], 1, 3
            )
        )

    return load


def _mean_goldstein(events):
    return {"estimate": events["goldstein"].mean(), "p_value": 0.01}


def test_stable_conclusion_survives():
    result = sensitivity(
        _loader({"one-a-day": 2.0, "none": 3.0, "story": 1.0}), _mean_goldstein
    )
    assert result.survives is True
    assert len(result.table) == 9
    assert result.table["error"].astype(bool).sum() == 1
    assert "holds in all 8" in result.summary


def test_sign_flip_is_fragile():
    result = sensitivity(
        _loader({"one-a-day": 2.0, "none": 3.0, "story": -1.0}), _mean_goldstein
    )
    assert result.survives is False
    assert "fragile" in result.summary


def test_baseline_failure_gives_unknown():
    def load(dedup, mapping):
        raise StoreError("store missing")

    result = sensitivity(load, _mean_goldstein)
    assert result.survives is None


@pytest.mark.parametrize("value", [None, float("nan")], ids=["none", "nan"])
def test_uncomputable_runs_are_recorded(value):
    result = sensitivity(
        _loader({"one-a-day": 1.0, "none": 1.0, "story": 1.0}), lambda events: value
    )
    assert result.survives is None
    assert result.table["error"].str.contains("insufficient|no story").all()
