"""JSON Lines are streamed: the first article of a big file comes without reading it all."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

from detente._ingest_internals.language import identify
from detente.ingest import TextCleaner, iter_articles

from .conftest import ENGLISH

FILE_BYTES = 50 * 1024 * 1024


def test_first_article_of_a_50_mb_jsonl_uses_little_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = json.dumps({"id": "doc", "text": ENGLISH * 20}) + "\n"
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(FILE_BYTES // len(line) + 1):
            handle.write(line)
    assert path.stat().st_size >= FILE_BYTES
    identify(ENGLISH)  # load the language model before measuring
    TextCleaner.default()

    tracemalloc.start()
    try:
        items = iter_articles([path])
        first = next(items)
        _, peak = tracemalloc.get_traced_memory()
        items.close()
    finally:
        tracemalloc.stop()
    assert first.doc_id == "doc"
    assert peak < 4 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB for the first article"
