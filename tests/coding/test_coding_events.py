"""Event records: every field filled, the stage contract, the registry factory."""

from __future__ import annotations

import datetime as dt

from detente.models import Event
from detente.registry import stages

from .conftest import mark_actors


def test_coding_event_fields_are_filled(nlp, coder):
    text = "Talks were hard. Washington imposed sanctions on Tehran."
    article = mark_actors(nlp, text, {"Washington": "USA", "Tehran": "IRN"})
    article.date = dt.date(2021, 5, 24)
    article.source = "Example News"
    article.url = "https://example.org/a"
    (event,) = coder(article).events
    assert isinstance(event, Event)
    assert (event.source_actor, event.target_actor, event.cameo_code) == (
        "USA",
        "IRN",
        "163",
    )
    assert event.cameo_root == "16"
    assert event.sentence == "Washington imposed sanctions on Tehran."
    assert text[event.span[0] : event.span[1]] == event.sentence
    assert event.sentence_index == 1
    assert text[slice(*event.source_span)] == "Washington"
    assert text[slice(*event.target_span)] == "Tehran"
    assert event.verb_text == "imposed sanctions"
    assert text[slice(*event.verb_span)] == "imposed sanctions"
    assert event.goldstein < 0
    assert event.quad_class == 4
    assert event.quad_class_mapping
    assert event.plover_type
    assert event.rule == "det:sanction" and event.coder == "lexicon"
    assert 0 < event.confidence <= 1
    assert event.event_date == "2021-05-24" and event.event_date_source == "article"
    assert (event.source_name, event.url) == ("Example News", "https://example.org/a")
    assert event.source_country == "USA" and event.target_country == "IRN"


def test_coding_stage_contract(coder):
    assert coder.name == "coding"
    assert coder.requires == ("doc", "actor_mentions")
    assert coder.assigns == ("events",)


def test_coding_registered_factory_reads_options():
    coder = stages.get("detente.cameo_coder.v1")(
        embedding_fallback=False, embedding_threshold=0.9, unrelated_option=1
    )
    assert coder.embedding_fallback is False
    assert coder.embedding_threshold == 0.9


def test_coding_article_without_actors_codes_nothing(nlp, coder):
    article = mark_actors(nlp, "Go to home page. Back to top.", {})
    assert coder(article).events == []
