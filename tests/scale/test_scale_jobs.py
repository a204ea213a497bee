"""``--jobs N``: coding in worker processes gives the events of one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Run, coded_run


def test_jobs_two_codes_the_same_events_as_one(
    single_run: Run, diplomatic_jsonl: Path, tmp_path: Path
) -> None:
    parallel = coded_run([diplomatic_jsonl], tmp_path, jobs=2, batch_size=4)
    assert single_run.summary.coded == 12
    assert parallel.summary.to_dict() == single_run.summary.to_dict()
    # same events, in the same order, with the same ids and fields
    assert parallel.records == single_run.records
    assert parallel.stored == single_run.stored
    assert parallel.documents == single_run.documents == 12


def test_jobs_zero_means_one_per_core() -> None:
    import os

    from detente._parallel import resolve_jobs

    assert resolve_jobs(0) == (os.cpu_count() or 1)
    assert resolve_jobs(3) == 3


def test_negative_jobs_is_a_config_error() -> None:
    from detente._parallel import resolve_jobs
    from detente.errors import ConfigError

    with pytest.raises(ConfigError, match="--jobs -1"):
        resolve_jobs(-1)
