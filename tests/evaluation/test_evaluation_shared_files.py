"""Every record of the shared development sets reads as gold (no coder needed)."""

from __future__ import annotations

import pytest

from detente.evaluation import gold_triples, read_labelled


@pytest.mark.parametrize(
    ("name", "fmt", "records"),
    [
        pytest.param("cameo_examples_dev.jsonl", "cameo", 197, id="cameo examples"),
        pytest.param("plover_gsr_dev.jsonl", "plover", 240, id="plover gsr"),
        pytest.param("petrarch2_gsr_dev.jsonl", "petrarch", 78, id="petrarch2 gsr"),
    ],
)
def test_shared_eval_file_reads(eval_dir, name, fmt, records):
    gold = read_labelled(eval_dir / name)
    assert len(gold) == records
    assert {r.format for r in gold} == {fmt}
    assert all(gold_triples(r) for r in gold if r.events)


def test_petrarch_no_event_records(eval_dir):
    gold = read_labelled(eval_dir / "petrarch2_gsr_dev.jsonl")
    assert sum(1 for r in gold if not r.events) == 12
    assert all(r.date is not None for r in gold)
