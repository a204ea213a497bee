"""The pipeline: stages that each take an :class:`Article` and return it.

Default order (names are registry names, see :mod:`detente.registry`)::

    detente.nlp.v1          -> doc                     (spaCy parse)
    detente.actors.v1       -> actor_mentions          (ActorResolver)
    detente.cameo_coder.v1  -> events                  (EventCoder)
    detente.dates.v1        -> date_mentions, events   (DateResolver: event dates)
    detente.tone.v1         -> tone, sentence_tones    (ToneScorer)

Each stage declares ``requires`` and ``assigns`` (Article attribute names). The
pipeline checks them when it is assembled and checks the return type after
each step, with an error naming the stage.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol, runtime_checkable

from .errors import PipelineError
from .models import Article
from .registry import stages

#: What ingestion provides before any stage runs.
INGESTED = ("text", "doc_id", "date", "title", "source", "url")

DEFAULT_STAGES: tuple[str, ...] = (
    "detente.nlp.v1",
    "detente.actors.v1",
    "detente.cameo_coder.v1",
    "detente.dates.v1",
    "detente.tone.v1",
)


@runtime_checkable
class Stage(Protocol):
    """What a pipeline stage looks like."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


def _ensure_builtin_stages() -> None:
    # Importing the stage modules registers their factories.
    from . import actors, coding, dates, nlp, tone  # noqa: F401


class Pipeline:
    """An ordered list of stages with checked ``requires``/``assigns``.

    Parameters
    ----------
    stage_list:
        Stage objects, in order.

    Examples
    --------
    >>> pipeline = Pipeline.default()            # doctest: +SKIP
    >>> article = pipeline(Article(doc_id="x", text="China and Russia held talks."))
    """

    def __init__(self, stage_list: Sequence[Stage]) -> None:
        self.stages: list[Stage] = list(stage_list)
        available = set(INGESTED)
        for stage in self.stages:
            missing = [need for need in stage.requires if need not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no "
                    f"earlier stage assigns; put a stage that assigns it before {stage.name!r}"
                )
            available.update(stage.assigns)

    @classmethod
    def default(
        cls, *, names: Sequence[str] = DEFAULT_STAGES, **options: Any
    ) -> Pipeline:
        """Build the standard pipeline; ``options`` go to every stage factory."""
        _ensure_builtin_stages()
        return cls([stages.get(name)(**options) for name in names])

    @property
    def stage_names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def get_stage(self, name: str) -> Stage:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise PipelineError(f"no stage named {name!r}; stages: {self.stage_names}")

    def _run_stage(self, stage: Stage, article: Article) -> Article:
        result = stage(article)
        if not isinstance(result, Article):
            raise PipelineError(
                f"stage {stage.name!r} returned {type(result).__name__}, expected Article"
            )
        result.stages_run.append(stage.name)
        return result

    def __call__(self, article: Article) -> Article:
        """Run every stage on one article."""
        for stage in self.stages:
            article = self._run_stage(stage, article)
        return article

    def pipe(
        self, articles: Iterable[Article], *, batch_size: int = 32
    ) -> Iterator[Article]:
        """Run the stages over many articles, batching stages that support it.

        A stage with a ``pipe(articles, batch_size=...)`` method (the spaCy
        parse) receives the stream; the others are called article by article.
        """
        stream: Iterable[Article] = articles
        for stage in self.stages:
            stream = self._stream_stage(stage, stream, batch_size)
        yield from stream

    def _stream_stage(
        self, stage: Stage, stream: Iterable[Article], batch_size: int
    ) -> Iterator[Article]:
        batched = getattr(stage, "pipe", None)
        if batched is not None:
            for result in batched(stream, batch_size=batch_size):
                if not isinstance(result, Article):
                    raise PipelineError(
                        f"stage {stage.name!r} yielded {type(result).__name__}, expected Article"
                    )
                result.stages_run.append(stage.name)
                yield result
        else:
            for article in stream:
                yield self._run_stage(stage, article)
