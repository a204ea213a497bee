"""docs/schema.md describes every table and column of the store."""

from __future__ import annotations

import re

import pytest

from detente._store_internals import schema
from detente.dedup import DEDUP_MODES

from ..conftest import REPO

DOC = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")


def _section(table: str) -> str:
    match = re.search(rf"^### `{table}`.*?(?=^### |^## |\Z)", DOC, flags=re.M | re.S)
    assert match, f"docs/schema.md has no section for table {table}"
    return match.group(0)


@pytest.mark.parametrize("table", sorted(schema.TABLES))
def test_store_schema_docs_name_every_column(table: str):
    section = _section(table)
    missing = [c for c in schema.columns(table) if f"`{c}`" not in section]
    assert not missing, f"{table}: columns missing from docs/schema.md: {missing}"


@pytest.mark.parametrize("mode", DEDUP_MODES)
def test_store_schema_docs_describe_every_dedup_mode(mode: str):
    assert f"| `{mode}`" in DOC
