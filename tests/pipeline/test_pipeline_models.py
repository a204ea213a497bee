"""Event records round-trip through their JSON form and keep stable ids."""

from __future__ import annotations

import json

from detente.models import Article, Event


def _event(**overrides):
    fields = dict(
        doc_id="doc1",
        sentence="Beijing and Moscow have refused the US demand.",
        span=(10, 56),
        source_actor="CHN",
        source_country="CHN",
        target_actor="USA",
        target_country="USA",
        cameo_code="120",
        cameo_root="12",
        goldstein=-4.0,
        quad_class=3,
        plover_type="REJECT",
        event_date="2020-07-15",
        verb_span=(38, 45),
    )
    fields.update(overrides)
    return Event(**fields)


def test_event_record_round_trips_through_json():
    event = _event()
    again = Event.from_record(json.loads(event.to_json()))
    assert again == event
    assert again.span == (10, 56)


def test_event_id_is_stable_and_depends_on_the_coding():
    assert _event().event_id == _event().event_id
    assert _event().event_id != _event(target_actor="RUS").event_id
    assert _event().event_id != _event(doc_id="doc2").event_id


def test_article_id_ignores_whitespace_differences():
    assert Article.make_id("China and  Russia\n") == Article.make_id("China and Russia")
    assert Article.make_id("China and Russia") != Article.make_id("China or Russia")
