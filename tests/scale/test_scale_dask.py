"""``--dask``: a real local cluster gives the events of one process, even when
a worker dies in the middle of the run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .conftest import Run, coded_run


def test_local_cluster_codes_the_same_events_as_one_process(
    single_run: Run, diplomatic_jsonl: Path, tmp_path: Path
) -> None:
    from detente.distributed import code_files_dask

    db = tmp_path / "events.duckdb"
    output = tmp_path / "events.jsonl"
    summary = code_files_dask(
        [str(diplomatic_jsonl)],
        scheduler="local:2",
        db=str(db),
        output=str(output),
        partition_size=3,
        batch_size=4,
    )
    run = _read_run(summary, db, output)
    assert summary.to_dict() == single_run.summary.to_dict()
    assert run.records == single_run.records
    assert run.stored == single_run.stored
    assert run.documents == 12


def test_shards_go_to_the_shard_dir_and_hold_every_event(
    single_run: Run, diplomatic_jsonl: Path, tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    shards = tmp_path / "shards"
    run = coded_run(
        [diplomatic_jsonl],
        tmp_path / "run",
        dask="local:2",
        shard_dir=shards,
        batch_size=4,
    )
    assert run.records == single_run.records
    events = pq.read_table(sorted(shards.glob("*.events.parquet"))).to_pylist()
    assert sorted(e["event_id"] for e in events) == sorted(
        r["event_id"] for r in single_run.records
    )
    assert not list(shards.glob(".*.tmp"))


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(
    single_run: Run, diplomatic_jsonl: Path, tmp_path: Path
) -> None:
    import cloudpickle
    from distributed import Client, LocalCluster

    from detente.distributed import code_files_dask

    from . import _faults

    # The plugin class travels to the workers by value: they need not import tests/.
    cloudpickle.register_pickle_by_value(sys.modules[_faults.__name__])
    marker = tmp_path / "killed"
    db = tmp_path / "events.duckdb"
    output = tmp_path / "events.jsonl"
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        client.register_plugin(_faults.ExitOnFirstTask(str(marker)))
        summary = code_files_dask(
            [str(diplomatic_jsonl)],
            scheduler=cluster.scheduler_address,
            db=str(db),
            output=str(output),
            partition_size=3,
            batch_size=4,
        )
    assert marker.exists(), "no worker was killed: the test did not test anything"
    run = _read_run(summary, db, output)
    assert summary.to_dict() == single_run.summary.to_dict()
    assert run.records == single_run.records
    assert run.stored == single_run.stored
    assert run.documents == 12


def test_a_bad_scheduler_is_a_config_error(
    diplomatic_jsonl: Path, tmp_path: Path
) -> None:
    from detente.distributed import code_files_dask
    from detente.errors import ConfigError

    with pytest.raises(ConfigError, match="local:N"):
        code_files_dask([str(diplomatic_jsonl)], scheduler="local:two", store=False)


def _read_run(summary, db: Path, output: Path) -> Run:  # type: ignore[no-untyped-def]
    import json

    from .conftest import stored_events

    with output.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    stored, documents = stored_events(db)
    return Run(summary, records, stored, documents)
