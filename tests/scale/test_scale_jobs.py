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
    assert (
        len(single_run.records) >= 12
    )  # the corpus has events: the comparison means something
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


def test_code_command_takes_jobs(
    single_run: Run, diplomatic_jsonl: Path, tmp_path: Path
) -> None:
    import json

    from typer.testing import CliRunner

    from detente.cli import app

    output = tmp_path / "events.jsonl"
    db = tmp_path / "events.duckdb"
    result = CliRunner().invoke(
        app,
        [
            "code",
            str(diplomatic_jsonl),
            "--jobs",
            "2",
            "-o",
            str(output),
            "--db",
            str(db),
            "-q",
        ],
    )
    assert result.exit_code == 0, result.output
    records = [
        json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()
    ]
    assert records == single_run.records
