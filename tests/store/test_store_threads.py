"""A read-only store serves reads from several threads at once (the API's workers)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from detente.store import Store

from .factories import sample_corpus


def test_store_reads_from_many_threads(any_store: Store):
    any_store.add_articles(sample_corpus(40))
    expected = any_store.events_frame()

    def read(i: int) -> tuple[int, int]:
        frame = any_store.events_frame(dedup=("none", "one-a-day", "story")[i % 3])
        _, rows = any_store.query("SELECT count(*) FROM documents")
        return len(frame), rows[0][0]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(read, range(24)))
    assert {docs for _, docs in results} == {40}
    assert {n for i, (n, _) in enumerate(results) if i % 3 == 1} == {len(expected)}
