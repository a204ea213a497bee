"""What add_article writes comes back unchanged, on both backends."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.models import Actor, ActorMention, Event
from detente.store import EVENT_FRAME_COLUMNS, Store

from .factories import make_article, make_event


def _article():
    article = make_article(
        "doc-1",
        dt.date(2024, 5, 2),
        [("CHNGOV", "RUSGOV", "040", "2024-05-01"), ("USAGOV", "IRN", "111", None)],
        source="Reuters",
        title="China and Russia hold talks",
        tone=-1.5,
    )
    article.author = "A. Writer"
    article.actor_mentions = [
        ActorMention(
            text="China",
            start=0,
            end=5,
            token_start=0,
            token_end=1,
            sentence_index=0,
            actor=Actor(
                code="CHNGOV", country="CHN", name="China", role="GOV", kind="country"
            ),
            rule="dictionary:name",
        ),
        ActorMention(
            text="the envoy",
            start=30,
            end=39,
            token_start=6,
            token_end=8,
            sentence_index=1,
            actor=None,
            rule="unresolved",
            country_guess="USA",
        ),
    ]
    article.events[0].modality = "reported"
    article.events[0].event_date_source = "text"
    article.events[0].event_date_raw = "yesterday"
    article.events[0].confidence = 0.75
    return article


def test_store_roundtrip_events_come_back_as_written(any_store: Store):
    article = _article()
    assert any_store.add_article(article) is True
    stored = {e.event_id: e for e in any_store.iter_events(include_negated=True)}
    assert set(stored) == {e.event_id for e in article.events}
    for event in article.events:
        assert stored[event.event_id].to_record() == event.to_record()


def test_store_roundtrip_document_keeps_metadata_sentences_and_mentions(
    any_store: Store,
):
    any_store.add_article(_article())
    document = any_store.document("doc-1")
    assert document is not None
    assert (
        document["title"],
        document["date"],
        document["author"],
        document["source"],
    ) == ("China and Russia hold talks", "2024-05-02", "A. Writer", "Reuters")
    assert document["tone"] == pytest.approx(-1.5)
    assert [s["text"] for s in document["sentences"]] == [
        "CHNGOV held talks with RUSGOV.",
        "USAGOV criticised IRN.",
    ]
    resolved = [m["resolved"] for m in document["actor_mentions"]]
    assert resolved == [True, False]
    assert document["actor_mentions"][0]["actor_code"] == "CHNGOV"
    assert document["actor_mentions"][1]["country_guess"] == "USA"
    assert [e["event_date_raw"] for e in document["events"]] == ["yesterday", ""]
    assert any_store.document("no-such-doc") is None


def test_store_roundtrip_events_frame_has_the_contract_columns(any_store: Store):
    any_store.add_article(_article())
    frame = any_store.events_frame()
    assert tuple(frame.columns) == EVENT_FRAME_COLUMNS
    assert str(frame["event_date"].dtype) == "datetime64[ns]"
    row = frame.iloc[0]
    assert (row.source_actor, row.target_actor, row.cameo_code) == (
        "CHNGOV",
        "RUSGOV",
        "040",
    )
    assert row.dedup_mode == "one-a-day"
    assert row.quad_class_mapping == "gdelt.v1"


def test_store_roundtrip_counts(any_store: Store):
    any_store.add_article(_article())
    counts = any_store.counts()
    assert counts["documents"] == 1
    assert counts["sentences"] == 2
    assert counts["actor_mentions"] == 2
    assert counts["event_mentions"] == 2
    assert counts["events"] == {"none": 2, "one-a-day": 2, "story": 2}


def test_store_reopen_read_only_sees_the_data(duckdb_path):
    with Store.open(duckdb_path) as store:
        store.add_article(_article())
    with Store.open(duckdb_path, read_only=True) as reader:
        assert reader.has_document("doc-1")
        assert reader.document_ids() == {"doc-1"}
        with pytest.raises(Exception, match="read-only"):
            reader.add_article(
                make_article("doc-2", None, [("GBR", "FRAGOV", "040", None)])
            )


def test_store_event_with_foreign_doc_id_is_refused(store: Store):
    article = make_article("doc-1", None, [("GBR", "FRAGOV", "040", None)])
    article.events.append(make_event("other-doc", "GBR", "FRAGOV", "040", None))
    with pytest.raises(Exception, match="other-doc"):
        store.add_article(article)
    assert not store.has_document("doc-1")


def test_store_events_frame_filters(store: Store):
    store.add_article(
        make_article(
            "d1",
            dt.date(2024, 5, 1),
            [
                ("CHNGOV", "RUSGOV", "040", "2024-05-01"),
                ("USAGOV", "IRN", "111", "2024-05-03"),
                ("GBR", "FRAGOV", "057", "2024-06-01"),
            ],
        )
    )
    assert set(store.events_frame(actors=["CHN"]).source_actor) == {"CHNGOV"}
    assert set(store.events_frame(actors=["IRN"]).target_actor) == {"IRN"}
    assert len(store.events_frame(actors=["CHN", "GBR"])) == 2
    window = store.events_frame(start="2024-05-02", end=dt.date(2024, 5, 31))
    assert list(window.cameo_code) == ["111"]


def test_store_negated_events_are_excluded_by_default(store: Store):
    article = make_article(
        "d1", dt.date(2024, 5, 1), [("CHNGOV", "RUSGOV", "040", "2024-05-01")]
    )
    article.events.append(
        make_event(
            "d1", "USAGOV", "IRN", "040", "2024-05-01", negated=True, sentence_index=1
        )
    )
    store.add_article(article)
    assert list(store.events_frame().source_actor) == ["CHNGOV"]
    both = store.events_frame(include_negated=True)
    assert sorted(both.negated) == [False, True]


@pytest.mark.parametrize("bad", ["05/01/2024", "yesterday"], ids=["us-format", "word"])
def test_store_bad_event_date_names_the_document(store: Store, bad: str):
    article = make_article("doc-bad", None, [("GBR", "FRAGOV", "040", bad)])
    with pytest.raises(Exception, match="doc-bad"):
        store.add_article(article)


def test_store_import_events_creates_minimal_documents(any_store: Store):
    events = [
        make_event(
            "ext-1", "CHNGOV", "RUSGOV", "040", "2024-05-01", source_name="Xinhua"
        ),
        make_event("ext-1", "USAGOV", "IRN", "111", "2024-05-02", sentence_index=1),
        make_event("ext-2", "GBR", "FRAGOV", "057", "2024-05-03"),
    ]
    assert any_store.import_events(events, origin="test.jsonl") == 3
    assert any_store.import_events(events, origin="test.jsonl") == 0
    document = any_store.document("ext-1")
    assert document is not None
    assert (document["date"], document["input_format"], document["origin"]) == (
        "2024-05-01",
        "import",
        "test.jsonl",
    )
    assert len(any_store.events_frame()) == 3


def test_store_event_mentions_give_the_evidence(store: Store):
    store.add_article(
        make_article(
            "a", dt.date(2024, 5, 1), [("CHNGOV", "RUSGOV", "040", "2024-05-01")]
        )
    )
    store.add_article(
        make_article(
            "b",
            dt.date(2024, 5, 1),
            [("CHNGOV", "RUSGOV", "040", "2024-05-01")],
            source="AP",
        )
    )
    key = store.events_frame().event_key.iloc[0]
    mentions = store.event_mentions(key)
    assert [m["doc_id"] for m in mentions] == ["a", "b"]
    assert mentions[0]["sentence"] == "CHNGOV held talks with RUSGOV."
    assert mentions[1]["doc_source"] == "AP"
    assert isinstance(Event.from_record(mentions[0]), Event)
    assert store.event_mentions("d-unknown") == []
