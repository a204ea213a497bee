"""A fake pipeline for scoring tests: a stage that returns fixed events per doc."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from detente.models import Article, Event
from detente.ontology import get_ontology
from detente.pipeline import Pipeline
from detente.registry import stages


def make_event(
    code: str,
    source: str,
    target: str,
    *,
    plover: str | None = None,
    negated: bool = False,
    source_text: str = "",
    target_text: str = "",
) -> Event:
    """An event as the coder would emit it, with the ontology's fields."""
    entry = get_ontology().cameo(code)
    return Event(
        doc_id="",
        sentence="",
        span=(0, 0),
        source_actor=source,
        source_country=source,
        target_actor=target,
        target_country=target,
        cameo_code=code,
        cameo_root=entry.root,
        goldstein=entry.goldstein,
        quad_class=get_ontology().quad_class(code),
        plover_type=entry.plover_type if plover is None else plover,
        event_date=None,
        negated=negated,
        source_text=source_text,
        target_text=target_text,
    )


class FixedEvents:
    """Stage returning the events listed for each ``doc_id``."""

    name = "fixed_events"
    requires = ("text",)
    assigns = ("events",)

    def __init__(self, *, events: Mapping[str, Sequence[Event]], **_: Any) -> None:
        self.events = events

    def __call__(self, article: Article) -> Article:
        article.events = list(self.events.get(article.doc_id, ()))
        return article


stages.register("tests.fixed_events.v1")(FixedEvents)


def fake_pipeline(events: Mapping[str, Sequence[Event]]) -> Pipeline:
    """A pipeline made of the registered fixed-events stage only."""
    return Pipeline([stages.get("tests.fixed_events.v1")(events=events)])
