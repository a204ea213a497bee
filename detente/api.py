"""Top-level one-shot functions: the first level of the Python API.

``code_text`` codes one string; ``code_files`` runs the whole job behind
``detente code``: read inputs, run the pipeline, write JSON Lines, store.
Both open a reusable :class:`~detente.pipeline.Pipeline` (and
:class:`~detente.store.Store`) and delegate to them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .errors import DetenteError, InputError
from .models import Article, Event
from .pipeline import Pipeline
from .settings import get_setting

logger = logging.getLogger(__name__)

#: Coded articles written to the store per transaction (``Store.add_articles``).
STORE_BATCH_SIZE = 64


@dataclass
class SkippedInput:
    """An input (file, line or document) that was not coded, and why."""

    origin: str
    reason: str
    kind: str = "error"


@dataclass
class RunSummary:
    """What a ``code_files`` run read, coded, stored and skipped."""

    read: int = 0
    coded: int = 0
    stored: int = 0
    already_stored: int = 0
    events: int = 0
    skipped: list[SkippedInput] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing was skipped."""
        return not self.skipped

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "coded": self.coded,
            "stored": self.stored,
            "already_stored": self.already_stored,
            "events": self.events,
            "skipped": [vars(s) for s in self.skipped],
            "warnings": list(self.warnings),
        }


@functools.lru_cache(maxsize=8)
def _cached_pipeline(actor_files: tuple[str, ...]) -> Pipeline:
    return Pipeline.default(actor_files=actor_files)


def get_pipeline(*, actor_files: Sequence[str | Path] = ()) -> Pipeline:
    """Return the default pipeline, built once per process for the same options."""
    return _cached_pipeline(tuple(str(p) for p in actor_files))


def code_text(
    text: str,
    *,
    date: dt.date | str | None = None,
    title: str = "",
    source: str = "",
    url: str = "",
    doc_id: str | None = None,
    pipeline: Pipeline | None = None,
) -> list[Event]:
    """Code the events in one text.

    Parameters
    ----------
    text:
        The article or sentence text (already clean).
    date:
        Publication date, the reference for relative dates and the default
        event date.

    Returns
    -------
    list of Event

    Examples
    --------
    >>> events = code_text("China and Russia held talks in Moscow.", date="2021-05-24")
    ... # doctest: +SKIP
    """
    article = make_article(
        text, date=date, title=title, source=source, url=url, doc_id=doc_id
    )
    return code_article(article, pipeline=pipeline).events


def make_article(
    text: str,
    *,
    date: dt.date | str | None = None,
    title: str = "",
    source: str = "",
    url: str = "",
    doc_id: str | None = None,
) -> Article:
    """Build an :class:`Article` from a string and optional metadata."""
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date[:10])
        except ValueError as e:
            raise InputError(f"date {date!r} is not an ISO date (YYYY-MM-DD)") from e
    return Article(
        doc_id=doc_id or Article.make_id(text),
        text=text,
        title=title,
        date=date,
        date_source="input" if date else "none",
        source=source,
        url=url,
        input_format="text",
    )


def code_article(article: Article, *, pipeline: Pipeline | None = None) -> Article:
    """Run the pipeline on one article and return it with its events."""
    return (pipeline or get_pipeline())(article)


def code_articles(
    articles: Iterable[Article],
    *,
    pipeline: Pipeline | None = None,
    batch_size: int | None = None,
    on_error: Callable[[Article, DetenteError], None] | None = None,
) -> Iterator[Article]:
    """Code a stream of articles in batches, isolating articles that fail.

    A batch that raises is re-run one article at a time so that one bad
    document costs only itself; its error goes to ``on_error`` (or is raised
    when no handler is given).
    """
    pipeline = pipeline or get_pipeline()
    size = batch_size or int(get_setting("batch_size"))
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield from _code_batch(pipeline, batch, size, on_error)
            batch = []
    if batch:
        yield from _code_batch(pipeline, batch, size, on_error)


def _code_batch(
    pipeline: Pipeline,
    batch: list[Article],
    size: int,
    on_error: Callable[[Article, DetenteError], None] | None,
) -> Iterator[Article]:
    try:
        done = list(pipeline.pipe(batch, batch_size=size))
    except DetenteError:
        logger.info("a batch of %d failed; coding its articles one by one", len(batch))
    else:
        yield from done
        return
    for article in batch:
        _reset(article)
        try:
            yield pipeline(article)
        except DetenteError as e:
            if on_error is None:
                raise
            on_error(article, e)


def _reset(article: Article) -> None:
    article.doc = None
    article.actor_mentions = []
    article.date_mentions = []
    article.events = []
    article.stages_run = []


def code_files(
    inputs: Sequence[str | Path],
    *,
    output: str | Path | IO[str] | None = None,
    db: str | Path | None = None,
    store: bool = True,
    input_format: str | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    actor_files: Sequence[str | Path] = (),
    batch_size: int | None = None,
    max_chars: int | None = None,
    fields: Any = None,
    on_article: Callable[[Article], None] | None = None,
    on_skip: Callable[[SkippedInput], None] | None = None,
    jobs: int = 1,
    dask: str | None = None,
    shard_dir: str | Path | None = None,
) -> RunSummary:
    """Code files or folders of articles: the job behind ``detente code``.

    Parameters
    ----------
    inputs:
        Files, folders or ``-`` for standard input.
    output:
        A JSON Lines file (path or open text file) to write the events to.
    db:
        The store (DuckDB path or ``postgresql://`` URL); settings ``db`` when
        None. ``store=False`` codes without storing.
    fields:
        A :class:`detente.ingest.FieldMap` naming the JSON keys / CSV columns
        of each article field (defaults: ``id``, ``title``, ``text``, ...).
    on_article, on_skip:
        Callbacks for progress reporting.
    jobs:
        Worker processes for coding (``0``: one per core). With more than
        one, articles are coded in parallel and come back in input order;
        the events are the same as with one.
    dask:
        Run on a Dask cluster instead: a scheduler address
        (``tcp://host:8786``) or ``local:N`` for a local cluster of N worker
        processes; see :func:`detente.distributed.code_files_dask`.
    shard_dir:
        With ``dask``: a folder, visible to the workers and this process,
        where coded partitions are written as Parquet shards (kept after the
        run, so an interrupted run resumes); in memory when None.

    Returns
    -------
    RunSummary
        Counts of what was read, coded, stored and skipped (with reasons).

    Notes
    -----
    Documents already in the store are not coded again (an interrupted run
    resumes where it stopped), unless ``output`` is given, in which case they
    are re-coded for the output file but not stored twice.
    """
    if dask is not None:
        from .distributed import code_files_dask

        return code_files_dask(
            inputs,
            scheduler=dask,
            db=db,
            output=output,
            store=store,
            shard_dir=shard_dir,
            input_format=input_format,
            include=include,
            exclude=exclude,
            actor_files=actor_files,
            batch_size=batch_size,
            max_chars=max_chars,
            fields=fields,
            on_article=on_article,
            on_skip=on_skip,
        )
    from ._parallel import code_articles_parallel, resolve_jobs

    n_jobs = resolve_jobs(jobs)
    summary = RunSummary()

    skip = _skip_recorder(summary, on_skip)

    with ExitStack() as stack:
        event_store, out = _open_outputs(stack, store=store, db=db, output=output)

        def to_code() -> Iterator[Article]:
            return _iter_to_code(
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

        def failed(article: Article, error: DetenteError) -> None:
            skip(article.origin or article.doc_id, str(error), "coding")

        coded: Iterator[Article]
        if n_jobs > 1:
            coded = code_articles_parallel(
                to_code(),
                jobs=n_jobs,
                actor_files=actor_files,
                batch_size=batch_size,
                on_error=failed,
            )
        else:
            coded = code_articles(
                to_code(),
                pipeline=get_pipeline(actor_files=actor_files),
                batch_size=batch_size,
                on_error=failed,
            )
        sink = _CodedSink(
            summary, event_store=event_store, out=out, on_article=on_article
        )
        for article in coded:
            sink.add(article)
        sink.flush()
    return summary


def _skip_recorder(
    summary: RunSummary, on_skip: Callable[[SkippedInput], None] | None
) -> Callable[[str, str, str], None]:
    """A function that records a skipped input in ``summary`` and reports it."""

    def skip(origin: str, reason: str, kind: str) -> None:
        record = SkippedInput(origin=origin, reason=reason, kind=kind)
        summary.skipped.append(record)
        if on_skip is not None:
            on_skip(record)

    return skip


def _open_outputs(
    stack: ExitStack,
    *,
    store: bool,
    db: str | Path | None,
    output: str | Path | IO[str] | None,
) -> tuple[Any, IO[str] | None]:
    """Open the run's store (unless ``store`` is False) and JSON Lines output on ``stack``."""
    event_store = None
    if store:
        from .store import Store

        event_store = stack.enter_context(Store.open(db or get_setting("db")))
    out: IO[str] | None = None
    if isinstance(output, (str, Path)):
        out = stack.enter_context(open(output, "w", encoding="utf-8"))  # noqa: SIM115
    elif output is not None:
        out = output
    return event_store, out


def _iter_to_code(
    inputs: Sequence[str | Path],
    *,
    summary: RunSummary,
    skip: Callable[[str, str, str], None],
    event_store: Any,
    input_format: str | None,
    include: Sequence[str],
    exclude: Sequence[str],
    max_chars: int | None,
    own_files: Sequence[str | Path | IO[str] | None] = (),
    fields: Any = None,
) -> Iterator[Article]:
    """Ingested articles still to code: skips are recorded, and documents
    already in ``event_store`` (when given) are counted and left out.

    ``own_files`` (the output file, the store) are never read as inputs, even
    when they sit in an input folder."""
    from .ingest import Skipped, iter_articles

    for item in iter_articles(
        inputs,
        input_format=input_format,
        include=include,
        exclude=[*exclude, *_own_file_globs(inputs, own_files)],
        max_chars=max_chars,
        fields=fields,
    ):
        if isinstance(item, Skipped):
            skip(item.origin, item.reason, item.kind)
            continue
        summary.read += 1
        for warning in item.metadata.get("warnings", []):
            summary.warnings.append(f"{item.origin}: {warning}")
        if event_store is not None and event_store.has_document(item.doc_id):
            summary.already_stored += 1
            continue
        yield item


def _own_file_globs(
    inputs: Sequence[str | Path], own_files: Sequence[str | Path | IO[str] | None]
) -> list[str]:
    """Exclude globs for our own output and store files inside input folders."""
    import glob

    paths = []
    for own in own_files:
        if isinstance(own, (str, Path)) and "://" not in str(own):
            path = Path(own).resolve()
            paths += [path, path.with_name(path.name + ".wal")]
    globs = []
    for entry in inputs:
        folder = Path(entry)
        if str(entry) == "-" or not folder.is_dir():
            continue
        folder = folder.resolve()
        for path in paths:
            if path.is_relative_to(folder):
                globs.append(glob.escape(path.relative_to(folder).as_posix()))
    return globs


class _CodedSink:
    """Where coded articles go: counts, the JSON Lines output, the store (in
    batches of :data:`STORE_BATCH_SIZE`, one transaction each) and the
    progress callback. Each article's parse is dropped once it is stored, so
    memory does not grow with the corpus."""

    def __init__(
        self,
        summary: RunSummary,
        *,
        event_store: Any,
        out: IO[str] | None,
        on_article: Callable[[Article], None] | None,
        batch_size: int = STORE_BATCH_SIZE,
    ) -> None:
        self.summary = summary
        self.event_store = event_store
        self.out = out
        self.on_article = on_article
        self.batch_size = batch_size
        self.pending: list[Article] = []

    def add(self, article: Article) -> None:
        self.summary.coded += 1
        self.summary.events += len(article.events)
        if self.out is not None:
            for event in article.events:
                self.out.write(json.dumps(event.to_record(), ensure_ascii=False) + "\n")
        self.pending.append(article)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        if self.event_store is not None:
            written = self.event_store.add_articles(
                self.pending, batch_size=len(self.pending)
            )
            self.summary.stored += written
            self.summary.already_stored += len(self.pending) - written
        for article in self.pending:
            if self.on_article is not None:
                self.on_article(article)
            article.doc = None  # free the parse: memory must not grow with the corpus
        self.pending = []
