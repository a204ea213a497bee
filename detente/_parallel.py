"""Coding over several cores (``detente code --jobs N``).

Each worker process builds its own :class:`~detente.pipeline.Pipeline` once,
codes chunks of articles with :func:`detente.api.code_articles` and sends the
coded articles back. A spaCy ``Doc`` pickles together with its whole
vocabulary, so before an article crosses a process boundary its ``doc`` is
replaced by a :class:`SentenceDoc`: the sentences (text and offsets) that the
store writes, and nothing else. Results come back in input order, and at most
``2 * jobs`` chunks are in flight, so memory does not grow with the corpus.

The same :func:`strip_doc` is used by :mod:`detente.distributed` for the
articles it writes to Parquet shards.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError, DetenteError, PipelineError
from .models import Article

logger = logging.getLogger(__name__)

#: Chunks in flight per worker process (bounds memory, keeps workers busy).
DEFAULT_CHUNKS_PER_JOB = 2

# Native thread pools (BLAS, OpenMP) would fight over the cores the worker
# processes already use; one thread each is the fastest on a busy machine.
_THREAD_ENV = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
)


@dataclass(frozen=True)
class SentenceSpan:
    """One sentence of a :class:`SentenceDoc` (the attributes of a spaCy ``Span`` we keep)."""

    text: str
    start_char: int
    end_char: int
    start: int  # token index
    end: int  # token index, exclusive


@dataclass
class SentenceDoc:
    """What remains of a spaCy ``Doc`` once an article is coded: its sentences.

    Duck-types the part of ``Doc`` that the store reads (``doc.sents``,
    ``doc.text``, ``len(doc)``) and pickles in a few hundred bytes instead of
    the model's vocabulary.
    """

    text: str
    sentences: list[SentenceSpan] = field(default_factory=list)
    n_tokens: int = 0

    @property
    def sents(self) -> Iterator[SentenceSpan]:
        return iter(self.sentences)

    def __len__(self) -> int:
        return self.n_tokens

    @classmethod
    def from_doc(cls, doc: Any) -> SentenceDoc:
        """Keep the sentences of a spaCy ``Doc``."""
        return cls(
            text=doc.text,
            sentences=[
                SentenceSpan(
                    sent.text, sent.start_char, sent.end_char, sent.start, sent.end
                )
                for sent in doc.sents
            ],
            n_tokens=len(doc),
        )


def strip_doc(article: Article) -> Article:
    """Replace ``article.doc`` by a picklable :class:`SentenceDoc` (in place)."""
    if article.doc is not None and not isinstance(article.doc, SentenceDoc):
        article.doc = SentenceDoc.from_doc(article.doc)
    return article


def resolve_jobs(jobs: int | None) -> int:
    """Return the number of worker processes for ``jobs`` (0 or None: all cores).

    Raises
    ------
    ConfigError
        If ``jobs`` is negative.
    """
    if jobs is None or jobs == 0:
        return os.cpu_count() or 1
    if jobs < 0:
        raise ConfigError(
            f"--jobs {jobs}: expected a number of processes >= 0 (0 = all cores)"
        )
    return jobs


@dataclass
class _ChunkResult:
    articles: list[Article]
    # (position in the chunk, the error) for articles that could not be coded
    errors: list[tuple[int, DetenteError]]


_worker_state: dict[str, Any] = {}


def _init_worker(actor_files: tuple[str, ...], batch_size: int | None) -> None:
    for name in _THREAD_ENV:
        os.environ.setdefault(name, "1")
    from .api import get_pipeline

    _worker_state["pipeline"] = get_pipeline(actor_files=actor_files)
    _worker_state["batch_size"] = batch_size


def _picklable(error: DetenteError) -> DetenteError:
    try:
        pickle.loads(pickle.dumps(error))
    except (pickle.PicklingError, TypeError, AttributeError):
        return PipelineError(f"{type(error).__name__}: {error}")
    return error


def _code_chunk(articles: list[Article]) -> _ChunkResult:
    from .api import code_articles

    by_identity = {id(article): i for i, article in enumerate(articles)}
    errors: list[tuple[int, DetenteError]] = []

    def failed(article: Article, error: DetenteError) -> None:
        errors.append((by_identity[id(article)], _picklable(error)))

    coded = [
        strip_doc(article)
        for article in code_articles(
            articles,
            pipeline=_worker_state["pipeline"],
            batch_size=_worker_state["batch_size"],
            on_error=failed,
        )
    ]
    return _ChunkResult(coded, errors)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def code_articles_parallel(
    articles: Iterable[Article],
    *,
    jobs: int,
    actor_files: Sequence[str | Path] = (),
    batch_size: int | None = None,
    chunk_size: int | None = None,
    on_error: Callable[[Article, DetenteError], None] | None = None,
) -> Iterator[Article]:
    """Code a stream of articles in ``jobs`` worker processes, in input order.

    Parameters
    ----------
    articles:
        Ingested articles (read lazily: at most ``2 * jobs`` chunks are held).
    jobs:
        Worker processes (0: one per core).
    actor_files:
        Extra actor dictionaries, as for :func:`detente.api.get_pipeline`.
    batch_size:
        Documents per ``nlp.pipe`` batch inside a worker.
    chunk_size:
        Articles sent to a worker at a time (default: ``batch_size``, at least 16).
    on_error:
        Called with each article that could not be coded and its error; when
        None the first such error is raised.

    Yields
    ------
    Article
        Coded articles whose ``doc`` is a :class:`SentenceDoc`.

    Raises
    ------
    PipelineError
        If a worker process dies (the message names the fix).
    """
    from .settings import get_setting

    n_jobs = resolve_jobs(jobs)
    size = chunk_size or max(int(batch_size or get_setting("batch_size")), 16)
    import multiprocessing

    # spawn, not fork: the parent may hold DuckDB, rich or dask threads, and a
    # forked child inheriting their locks can deadlock.
    context = multiprocessing.get_context("spawn")
    window: deque[tuple[list[Article], Future[_ChunkResult]]] = deque()
    with ProcessPoolExecutor(
        max_workers=n_jobs,
        mp_context=context,
        initializer=_init_worker,
        initargs=(tuple(str(p) for p in actor_files), batch_size),
    ) as pool:
        try:
            for chunk in _chunks(articles, size):
                window.append((chunk, pool.submit(_code_chunk, chunk)))
                if len(window) >= n_jobs * DEFAULT_CHUNKS_PER_JOB:
                    yield from _collect(*window.popleft(), on_error)
            while window:
                yield from _collect(*window.popleft(), on_error)
        except BrokenProcessPool as e:
            raise PipelineError(
                f"a coding worker process died ({e}); the machine may be out of "
                "memory: retry with fewer --jobs or a smaller --batch-size"
            ) from e
        finally:
            for _, future in window:
                future.cancel()


def _collect(
    chunk: list[Article],
    future: Future[_ChunkResult],
    on_error: Callable[[Article, DetenteError], None] | None,
) -> Iterator[Article]:
    result = future.result()
    for position, error in result.errors:
        if on_error is None:
            raise error
        on_error(chunk[position], error)
    yield from result.articles
