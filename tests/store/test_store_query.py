"""``Store.query``: read-only SQL with a time limit, on both backends."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.errors import StoreError
from detente.store import Store

from .factories import make_article


@pytest.fixture
def filled(any_store: Store) -> Store:
    any_store.add_article(
        make_article(
            "d1", dt.date(2024, 5, 1), [("CHNGOV", "RUSGOV", "040", "2024-05-01")]
        )
    )
    return any_store


def test_store_query_returns_columns_and_rows(filled: Store):
    columns, rows = filled.query(
        "SELECT source_actor, target_actor FROM events WHERE dedup_mode = ?",
        ["one-a-day"],
    )
    assert columns == ["source_actor", "target_actor"]
    assert rows == [("CHNGOV", "RUSGOV")]


def test_store_query_limit(filled: Store):
    _, rows = filled.query("SELECT * FROM event_keys", limit=2)
    assert len(rows) == 2


def test_store_query_percent_in_a_literal_with_params(filled: Store):
    _, rows = filled.query(
        "SELECT count(*) FROM events WHERE source_actor LIKE 'CHN%' AND dedup_mode = ?",
        ["none"],
    )
    assert rows == [(1,)]


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM events",
        "DROP TABLE events",
        "INSERT INTO meta (key, value) VALUES ('x', 'y')",
        "UPDATE documents SET title = 'x'",
        "CREATE TABLE evil (x INTEGER)",
    ],
    ids=["delete", "drop", "insert", "update", "create"],
)
def test_store_query_refuses_writes_with_a_clear_message(filled: Store, sql: str):
    with pytest.raises(StoreError, match="read-only"):
        filled.query(sql)
    assert filled.counts()["events"]["none"] == 1


def test_store_query_refuses_a_write_hidden_after_a_select(filled: Store):
    with pytest.raises(StoreError, match="one SQL statement at a time"):
        filled.query("SELECT 1; DELETE FROM events")
    assert filled.counts()["events"]["none"] == 1


def test_store_query_cannot_switch_read_only_off(filled: Store):
    if filled.backend != "postgresql":
        pytest.skip("set_config is PostgreSQL's")
    filled.query("SELECT set_config('default_transaction_read_only', 'off', false)")
    with pytest.raises(StoreError, match="read-only"):
        filled.query("DELETE FROM events")
    with pytest.raises(StoreError):
        filled.query("SELECT set_config('transaction_read_only', 'off', true)")
    assert filled.counts()["events"]["none"] == 1


def test_store_query_on_a_read_only_store(duckdb_path):
    with Store.open(duckdb_path) as store:
        store.add_article(make_article("d1", None, [("GBR", "FRAGOV", "040", None)]))
    with Store.open(duckdb_path, read_only=True) as reader:
        assert reader.query("SELECT count(*) FROM documents")[1] == [(1,)]
        with pytest.raises(StoreError, match="read-only"):
            reader.query("DELETE FROM documents")
        with pytest.raises(StoreError):
            reader.query("SELECT * FROM read_csv('/etc/hostname')")


def test_store_query_stops_at_the_time_limit(any_store: Store):
    slow = "SELECT count(*) FROM generate_series(1, 100000000) a, generate_series(1, 1000) b"
    with pytest.raises(StoreError, match="time limit of 200 ms"):
        any_store.query(slow, time_limit_ms=200)
    # The store stays usable after an interrupted query.
    assert any_store.query("SELECT 1")[1] == [(1,)]


def test_store_query_syntax_error_is_a_store_error(filled: Store):
    with pytest.raises(StoreError, match="query"):
        filled.query("SELEC nothing")
