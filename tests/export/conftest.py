"""A small filled store shared by the export tests (DuckDB, built by code)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.store import Store

from ..store.factories import sample_corpus


@pytest.fixture(scope="session")
def filled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "events.duckdb"
    with Store.open(path) as store:
        store.add_articles(sample_corpus(60))
    return path


@pytest.fixture
def filled_store(filled_db: Path) -> Iterator[Store]:
    with Store.open(filled_db, read_only=True) as store:
        yield store
