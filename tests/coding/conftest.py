"""Fixtures of the coding tests: Docs parsed by spaCy, actor mentions marked by hand.

The coder's tests must not depend on the actor resolver, so :func:`mark_actors`
turns ``{"phrase": "CODE"}`` into ActorMentions over the real parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pytest

from detente.models import Actor, ActorMention, Article, Event

#: country part of a few actor codes used in the tests
_COUNTRY = {
    "IGOWHO": "IGO",
    "IGOUNO": "IGO",
    "IGOEU": "IGO",
    "WST": "WST",
    "NATO": "IGO",
}


def _actor(code: str) -> Actor:
    return Actor(code=code, country=_COUNTRY.get(code, code[:3]), name=code)


def mark_actors(
    nlp, text: str, actors: Mapping[str, str | list[str] | None]
) -> Article:
    """Parse ``text`` and mark every occurrence of each phrase as a mention.

    A phrase mapped to a list gives one mention per code over the same span
    ("the two countries" -> CHN and RUS); mapped to ``None``, an unresolved one.
    """
    doc = nlp(text)
    sentences = list(doc.sents)
    mentions: list[ActorMention] = []
    for phrase, codes in actors.items():
        found = False
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            sent_index = next(
                i for i, s in enumerate(sentences) if s.start <= span.start < s.end
            )
            code_list = codes if isinstance(codes, list) else [codes]
            for code in code_list:
                mentions.append(
                    ActorMention(
                        text=span.text,
                        start=span.start_char,
                        end=span.end_char,
                        token_start=span.start,
                        token_end=span.end,
                        sentence_index=sent_index,
                        actor=_actor(code) if code else None,
                        rule="test",
                        head=span.root.i,
                    )
                )
            found = True
        assert found, f"phrase {phrase!r} not in {text!r}"
    mentions.sort(key=lambda m: (m.start, m.end))
    return Article(doc_id="test", text=text, doc=doc, actor_mentions=mentions)


@pytest.fixture(scope="session")
def coder():
    from detente.coding import EventCoder

    return EventCoder(embedding_fallback=False)


@pytest.fixture(scope="session")
def code(nlp, coder) -> Callable[..., list[Event]]:
    """``code(text, {"phrase": "CODE"})`` -> the events the coder finds."""

    def run(text: str, actors: Mapping[str, str | list[str] | None]) -> list[Event]:
        return coder(mark_actors(nlp, text, actors)).events

    return run


def triples(events: list[Event], *, root: bool = False) -> set[tuple[str, str, str]]:
    """(source, target, code or root) of non-negated events."""
    return {
        (e.source_actor, e.target_actor, e.cameo_root if root else e.cameo_code)
        for e in events
        if not e.negated
    }


def country_triples(text: str, pipeline=None) -> set[tuple[str, str, str]]:
    """(source country, target country, CAMEO code) of the non-negated events
    the default pipeline (or ``pipeline``) codes in ``text``."""
    from detente.api import code_text

    return {
        (e.source_country, e.target_country, e.cameo_code)
        for e in code_text(text, pipeline=pipeline)
        if not e.negated
    }
