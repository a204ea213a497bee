"""Precision and recall on the hand-labelled mention table (issue "Actors": both >= 0.90)."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente._actors_internals.evaluate import evaluate_mentions, read_mention_table
from detente.errors import DataFileError

TABLE = Path(__file__).parent / "data" / "actor_mentions.tsv"


@pytest.fixture(scope="module")
def scores(resolver):
    return evaluate_mentions(resolver, read_mention_table(TABLE))


def test_actors_table_has_300_labelled_mentions():
    rows = read_mention_table(TABLE)
    assert len(rows) >= 300
    from_corpus = [r for r in rows if r["source"].startswith(("abp:", "agnews"))]
    assert len(from_corpus) > len(rows) / 2


def test_actors_precision_at_least_090(scores):
    assert scores.precision >= 0.90, f"precision {scores.precision:.3f}"


def test_actors_recall_at_least_090(scores):
    assert scores.recall >= 0.90, f"recall {scores.recall:.3f}"


def test_actors_table_rejects_absent_mention(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text(
        "source\tdate\tcontext\tmention\toccurrence\texpected\tnote\n"
        "hand\t2020-01-01\tChina spoke.\tRussia\t1\tRUS\t\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="does not occur"):
        read_mention_table(bad)
