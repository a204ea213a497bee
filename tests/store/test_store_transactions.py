"""Re-adding a document adds nothing; a failure mid-write leaves nothing behind."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.errors import StoreError
from detente.store import Store

from .factories import make_article, sample_corpus


def _article(doc_id: str = "doc-1"):
    return make_article(
        doc_id,
        dt.date(2024, 5, 1),
        [
            ("CHNGOV", "RUSGOV", "040", "2024-05-01"),
            ("USAGOV", "IRN", "111", "2024-05-01"),
        ],
    )


def test_store_readding_a_document_adds_nothing(any_store: Store):
    assert any_store.add_article(_article()) is True
    before = any_store.counts()
    assert any_store.add_article(_article()) is False
    assert any_store.counts() == before


def test_store_rerunning_add_articles_adds_nothing(any_store: Store):
    corpus = sample_corpus(30)
    assert any_store.add_articles(corpus, batch_size=7) == 30
    before = any_store.counts()
    assert any_store.add_articles(sample_corpus(30), batch_size=7) == 0
    assert any_store.counts() == before


def test_store_duplicate_doc_in_one_batch_is_written_once(any_store: Store):
    assert any_store.add_articles([_article(), _article()]) == 1
    assert any_store.counts()["documents"] == 1


def _fail_on_events(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the last step of the write (the events refresh) raise."""

    def broken(keys: list[str]) -> None:
        raise RuntimeError("disk full (simulated)")

    monkeypatch.setattr(store, "_refresh_events", broken)


def test_store_crash_mid_write_leaves_nothing_of_the_document(
    any_store: Store, monkeypatch: pytest.MonkeyPatch
):
    any_store.add_article(_article("kept"))
    before = any_store.counts()
    with monkeypatch.context() as patch:
        _fail_on_events(any_store, patch)
        with pytest.raises(RuntimeError, match="disk full"):
            any_store.add_article(_article("lost"))
    assert not any_store.has_document("lost")
    assert any_store.counts() == before
    _, rows = any_store.query("SELECT count(*) FROM event_keys WHERE doc_id = 'lost'")
    assert rows == [(0,)]
    # The store still works, and the document can be written afterwards.
    assert any_store.add_article(_article("lost")) is True


def test_store_failed_batch_rolls_back_only_that_batch(
    store: Store, monkeypatch: pytest.MonkeyPatch
):
    calls = {"n": 0}
    original = store._refresh_events

    def fail_second_batch(keys: list[str]) -> None:
        calls["n"] += 1
        if calls["n"] > 1:  # one refresh per batch: the second batch fails
            raise RuntimeError("boom")
        original(keys)

    monkeypatch.setattr(store, "_refresh_events", fail_second_batch)
    articles = [_article(f"doc-{i}") for i in range(4)]
    with pytest.raises(RuntimeError, match="boom"):
        store.add_articles(articles, batch_size=2)
    assert store.document_ids() == {"doc-0", "doc-1"}


def test_store_read_only_store_refuses_writes_with_the_fix(duckdb_path):
    Store.open(duckdb_path).close()
    with Store.open(duckdb_path, read_only=True) as reader:
        with pytest.raises(StoreError, match="read_only=False"):
            reader.add_article(_article())


def test_store_missing_file_read_only_says_how_to_create_it(tmp_path):
    with pytest.raises(StoreError, match="detente code"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)


def test_store_file_locked_by_another_process(duckdb_path):
    import subprocess
    import sys
    import textwrap

    Store.open(duckdb_path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from detente.store import Store
                store = Store.open({str(duckdb_path)!r})
                print("ready", flush=True)
                sys.stdin.readline()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError) as caught:
            Store.open(duckdb_path)
        message = str(caught.value)
        assert str(duckdb_path) in message
        assert "locked by another process" in message
        assert "stop the other process" in message
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
