"""Coding on a Dask cluster (``detente code --dask ADDRESS|local:N``).

The client reads the inputs (ingestion is cheap next to the parse), cuts the
stream of articles into partitions and submits one task per partition. A task
codes its partition on a worker (the pipeline is built once per worker
process) and turns it into a Parquet shard: one row per article with the
coded :class:`~detente.models.Article` (its spaCy ``Doc`` reduced to a
:class:`~detente._parallel.SentenceDoc`), plus, when ``shard_dir`` is given,
a flat ``*.events.parquet`` table of the events for analysis without a store.
The client loads the shards into the store with the same
:meth:`Store.add_article` the single-process run uses, in input order, so the
events table is the same.

Fault tolerance: a task is pure and idempotent. Its shard is named after a
hash of its content (and of the detente version and actor files), written to
a temporary name and renamed, so a worker that dies mid-task leaves nothing
behind; the scheduler re-runs the task on another worker (lost workers are
recomputed automatically, failing tasks are retried ``retries`` times). The
client loads each partition exactly once, and the store ignores a document it
already holds, so nothing is lost and nothing is stored twice.

Memory: at most ``max_in_flight`` partitions are submitted and not yet loaded.
"""

from __future__ import annotations

import io
import json
import logging
import os
import pickle
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .errors import ConfigError, DetenteError, PipelineError
from .models import EVENT_FIELDS, Article, stable_hash
from .settings import get_setting

logger = logging.getLogger(__name__)

#: Articles per Dask task.
DEFAULT_PARTITION_SIZE = 64
#: Failed tasks are retried this many times (lost workers do not count).
DEFAULT_RETRIES = 2
#: Shard format version: part of the shard name, bump when the layout changes.
SHARD_VERSION = "1"

__all__ = ["DEFAULT_PARTITION_SIZE", "PartitionResult", "code_files_dask", "read_shard"]


@dataclass
class PartitionResult:
    """What one task returns: where its shard is (or the shard itself) and counts.

    ``payload`` holds the Parquet bytes when the run keeps shards in memory
    (no ``shard_dir``); ``path`` is set otherwise.
    """

    key: str
    articles: int
    events: int
    path: str | None = None
    payload: bytes | None = None
    # (article origin or doc_id, error message) for articles not coded
    errors: list[tuple[str, str]] = field(default_factory=list)
    reused: bool = False  # the shard was already there (an earlier run)


def partition_key(
    articles: Sequence[Article], *, actor_files: Sequence[str] = ()
) -> str:
    """The content hash that names a partition's shard."""
    from .about import __version__

    parts: list[object] = [SHARD_VERSION, __version__, *actor_files]
    for path in actor_files:
        try:
            parts.append(os.stat(path).st_mtime_ns)
        except OSError:
            parts.append("missing")
    for article in articles:
        parts.extend(
            (article.doc_id, stable_hash(article.text), article.date, article.title)
        )
    return stable_hash(*parts, length=24)


# -- worker side ---------------------------------------------------------------


def _code_partition(
    articles: list[Article],
    *,
    shard_key: str,
    shard_dir: str | None,
    actor_files: tuple[str, ...],
    batch_size: int | None,
) -> PartitionResult:
    """Code one partition on a worker and write (or return) its shard."""
    key = shard_key
    if shard_dir is not None:
        path = Path(shard_dir) / f"part-{key}.parquet"
        if path.exists():
            table = _read_table(path)
            return PartitionResult(
                key=key,
                articles=table.num_rows,
                events=int(sum(table.column("events").to_pylist())),
                path=str(path),
                errors=json.loads(table.schema.metadata.get(b"detente_errors", b"[]")),
                reused=True,
            )
    from ._parallel import strip_doc
    from .api import code_articles, get_pipeline

    errors: list[tuple[str, str]] = []

    def failed(article: Article, error: DetenteError) -> None:
        errors.append((article.origin or article.doc_id, str(error)))

    coded = [
        strip_doc(article)
        for article in code_articles(
            articles,
            pipeline=get_pipeline(actor_files=actor_files),
            batch_size=batch_size,
            on_error=failed,
        )
    ]
    table = _articles_table(coded, errors)
    n_events = sum(len(article.events) for article in coded)
    if shard_dir is None:
        sink = io.BytesIO()
        _write_table(table, sink)
        return PartitionResult(
            key, len(coded), n_events, payload=sink.getvalue(), errors=errors
        )
    folder = Path(shard_dir)
    _atomic_write(_events_table(coded), folder / f"part-{key}.events.parquet")
    _atomic_write(table, folder / f"part-{key}.parquet")
    return PartitionResult(key, len(coded), n_events, path=str(path), errors=errors)


def _articles_table(articles: list[Article], errors: list[tuple[str, str]]) -> Any:
    import pyarrow as pa

    schema = pa.schema(
        [
            ("doc_id", pa.string()),
            ("origin", pa.string()),
            ("events", pa.int32()),
            ("article", pa.binary()),
        ],
        metadata={
            "detente_shard_version": SHARD_VERSION,
            "detente_errors": json.dumps(errors),
        },
    )
    return pa.table(
        {
            "doc_id": [a.doc_id for a in articles],
            "origin": [a.origin for a in articles],
            "events": [len(a.events) for a in articles],
            "article": [
                pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL) for a in articles
            ],
        },
        schema=schema,
    )


def _events_table(articles: list[Article]) -> Any:
    import pyarrow as pa

    records = [event.to_record() for article in articles for event in article.events]
    if not records:
        return pa.table({name: pa.array([], pa.string()) for name in EVENT_FIELDS})
    return pa.Table.from_pylist(records)


def _write_table(table: Any, where: Any) -> None:
    import pyarrow.parquet as pq

    pq.write_table(table, where, compression="zstd")


def _read_table(where: Any) -> Any:
    import pyarrow.parquet as pq

    return pq.read_table(where)


def _atomic_write(table: Any, path: Path) -> None:
    # A worker killed mid-write leaves only a temporary file, never a half shard.
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    _write_table(table, tmp)
    os.replace(tmp, path)


def read_shard(source: str | Path | bytes) -> list[Article]:
    """Read the coded articles of a shard (a path or the Parquet bytes).

    Shards hold pickled articles: read only shards this library wrote.

    Raises
    ------
    PipelineError
        If the shard is not a detente shard of this version.
    """
    import pyarrow as pa

    where: Any = pa.BufferReader(source) if isinstance(source, bytes) else str(source)
    table = _read_table(where)
    metadata = table.schema.metadata or {}
    version = metadata.get(b"detente_shard_version", b"").decode()
    if version != SHARD_VERSION:
        name = "in-memory shard" if isinstance(source, bytes) else str(source)
        raise PipelineError(
            f"{name}: shard version {version or 'missing'!r}, expected {SHARD_VERSION!r}; "
            "delete the shard folder and run again"
        )
    return [pickle.loads(blob) for blob in table.column("article").to_pylist()]


# -- client side ---------------------------------------------------------------


@contextmanager
def _client(scheduler: str) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    if scheduler.startswith("local:") or scheduler == "local":
        raw = scheduler.partition(":")[2] or str(os.cpu_count() or 1)
        try:
            n_workers = int(raw)
        except ValueError as e:
            raise ConfigError(
                f"--dask {scheduler!r}: expected local:N with N a number of workers, "
                "or a scheduler address like tcp://host:8786"
            ) from e
        if n_workers < 1:
            raise ConfigError(
                f"--dask {scheduler!r}: a local cluster needs at least 1 worker"
            )
        with (
            LocalCluster(
                n_workers=n_workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as e:
        raise ConfigError(
            f"--dask {scheduler!r}: cannot reach the Dask scheduler ({e}); start one "
            "with `dask scheduler` and workers with `dask worker ADDRESS`, or use local:N"
        ) from e
    with client:
        yield client


def _partitions(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    partition: list[Article] = []
    for article in articles:
        partition.append(article)
        if len(partition) >= size:
            yield partition
            partition = []
    if partition:
        yield partition


def code_files_dask(
    inputs: Sequence[str | Path],
    *,
    scheduler: str,
    db: str | Path | None = None,
    output: str | Path | IO[str] | None = None,
    store: bool = True,
    shard_dir: str | Path | None = None,
    input_format: str | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    actor_files: Sequence[str | Path] = (),
    batch_size: int | None = None,
    max_chars: int | None = None,
    fields: Any = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    retries: int = DEFAULT_RETRIES,
    max_in_flight: int | None = None,
    on_article: Callable[[Article], None] | None = None,
    on_skip: Callable[[Any], None] | None = None,
) -> Any:
    """Code files or folders of articles on a Dask cluster and store the events.

    Same inputs, store and output as :func:`detente.api.code_files`, and the
    same events table as a single-process run.

    Parameters
    ----------
    inputs:
        Files, folders or ``-`` for standard input (read by this process).
    scheduler:
        A Dask scheduler address (``tcp://host:8786``) or ``local:N`` to start
        a local cluster of N single-threaded worker processes for the run.
    db, output, store:
        As for :func:`~detente.api.code_files`.
    shard_dir:
        Folder for the Parquet shards, visible to the workers and to this
        process (a shared file system for a remote cluster). Shards are kept,
        so a run interrupted before loading resumes from them. When None,
        shards travel back to the client in memory.
    partition_size:
        Articles per task.
    retries:
        Times a failing task is retried; a task whose worker dies is
        re-run on another worker anyway.
    max_in_flight:
        Partitions submitted and not yet loaded (default: 2 per worker + 2).
    on_article, on_skip:
        Progress callbacks, as for :func:`~detente.api.code_files`.

    Returns
    -------
    RunSummary

    Raises
    ------
    ConfigError
        If ``scheduler`` is malformed or cannot be reached.
    """
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    from .api import (
        RunSummary,
        _CodedSink,
        _iter_to_code,
        _open_outputs,
        _skip_recorder,
    )

    if partition_size < 1:
        raise ConfigError(f"partition_size {partition_size}: expected at least 1")
    summary = RunSummary()
    actor_names = tuple(str(p) for p in actor_files)
    shard_folder = str(shard_dir) if shard_dir is not None else None
    if shard_folder is not None:
        Path(shard_folder).mkdir(parents=True, exist_ok=True)

    skip = _skip_recorder(summary, on_skip)

    with ExitStack() as stack:
        event_store, out = _open_outputs(stack, store=store, db=db, output=output)

        sink = _CodedSink(
            summary, event_store=event_store, out=out, on_article=on_article
        )

        def load(
            partition: list[Article], outcome: PartitionResult | BaseException
        ) -> None:
            if isinstance(outcome, BaseException):
                for article in partition:
                    skip(
                        article.origin or article.doc_id,
                        f"the Dask task coding it failed: {type(outcome).__name__}: {outcome}",
                        "coding",
                    )
                return
            for origin, reason in outcome.errors:
                skip(origin, reason, "coding")
            source = outcome.payload if outcome.payload is not None else outcome.path
            for article in read_shard(source or b""):
                sink.add(article)
            sink.flush()

        client = stack.enter_context(_client(scheduler))
        n_workers = max(len(client.scheduler_info().get("workers", {})), 1)
        window = max_in_flight or 2 * n_workers + 2
        articles = _iter_to_code(
            inputs,
            summary=summary,
            skip=skip,
            event_store=event_store if out is None else None,
            input_format=input_format,
            include=include,
            exclude=exclude,
            max_chars=max_chars,
            own_files=(output, (db or get_setting("db")) if store else None),
            fields=fields,
        )
        partitions = enumerate(_partitions(articles, partition_size))
        held: dict[int, list[Article]] = {}
        finished: dict[int, PartitionResult | BaseException] = {}
        index_of: dict[str, int] = {}
        futures = as_completed()
        state = {"next_load": 0, "submitted": 0, "exhausted": False}

        def submit_more() -> None:
            while (
                not state["exhausted"]
                and state["submitted"] - state["next_load"] < window
            ):
                try:
                    index, partition = next(partitions)
                except StopIteration:
                    state["exhausted"] = True
                    return
                shard_key = partition_key(partition, actor_files=actor_names)
                future = client.submit(
                    _code_partition,
                    partition,
                    key=f"detente-code-{index}-{shard_key}",
                    shard_key=shard_key,
                    shard_dir=shard_folder,
                    actor_files=actor_names,
                    batch_size=batch_size,
                    retries=retries,
                    pure=False,
                )
                held[index] = partition
                index_of[future.key] = index
                futures.add(future)
                state["submitted"] += 1

        submit_more()
        for future in futures:
            index = index_of.pop(future.key)
            try:
                finished[index] = future.result()
            except (KilledWorker, DetenteError, OSError) as e:
                logger.warning("partition %d failed on the cluster: %s", index, e)
                finished[index] = e
            future.release()
            while state["next_load"] in finished:
                position = state["next_load"]
                load(held.pop(position), finished.pop(position))
                state["next_load"] += 1
            submit_more()
    return summary
