"""What crosses process boundaries: stripped docs and idempotent Parquet shards."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from detente._parallel import SentenceDoc, strip_doc
from detente.models import Article

TEXT = "China and Russia held talks in Moscow. Both sides praised the partnership."


def _article(doc_id: str = "a1", text: str = TEXT) -> Article:
    return Article(doc_id=doc_id, text=text, title="Talks")


def test_strip_doc_keeps_the_sentences_and_drops_the_vocab(nlp) -> None:
    article = _article()
    article.doc = nlp(article.text)
    full = [
        (s.text, s.start_char, s.end_char, s.start, s.end) for s in article.doc.sents
    ]
    n_tokens = len(article.doc)

    strip_doc(article)

    assert isinstance(article.doc, SentenceDoc)
    assert [
        (s.text, s.start_char, s.end_char, s.start, s.end) for s in article.doc.sents
    ] == full
    assert len(article.doc) == n_tokens
    # a pickled spaCy Doc carries the vocabulary; a SentenceDoc does not
    assert len(pickle.dumps(article)) < 2_000


def test_strip_doc_leaves_an_unparsed_article_alone() -> None:
    article = _article()
    assert strip_doc(article).doc is None


def test_partition_key_depends_on_content_only() -> None:
    from detente.distributed import partition_key

    first = partition_key([_article("a1"), _article("a2")])
    assert first == partition_key([_article("a1"), _article("a2")])
    assert first != partition_key([_article("a2"), _article("a1")])
    assert first != partition_key([_article("a1"), _article("a2", TEXT + " More.")])
    assert first != partition_key(
        [_article("a1"), _article("a2")], actor_files=("x.tsv",)
    )


def test_a_partition_task_is_idempotent(tmp_path: Path) -> None:
    from .conftest import require_pipeline

    require_pipeline()
    from detente.distributed import _code_partition, read_shard

    articles = [_article("a1"), _article("a2", "France condemned the strike on Syria.")]
    options = {
        "shard_key": "k1",
        "shard_dir": str(tmp_path),
        "actor_files": (),
        "batch_size": 8,
    }
    first = _code_partition([_copy(a) for a in articles], **options)
    again = _code_partition([_copy(a) for a in articles], **options)

    assert not first.reused and again.reused
    assert (first.articles, first.events, first.path) == (
        again.articles,
        again.events,
        again.path,
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "part-k1.events.parquet",
        "part-k1.parquet",
    ]
    coded = read_shard(first.path)
    assert [a.doc_id for a in coded] == ["a1", "a2"]
    assert sum(len(a.events) for a in coded) == first.events
    assert all(isinstance(a.doc, SentenceDoc) for a in coded)

    in_memory = _code_partition(
        [_copy(a) for a in articles], **{**options, "shard_dir": None}
    )
    assert in_memory.path is None and in_memory.payload
    assert [a.events for a in read_shard(in_memory.payload)] == [
        a.events for a in coded
    ]


def test_a_foreign_parquet_file_is_not_read_as_a_shard(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from detente.distributed import read_shard
    from detente.errors import PipelineError

    path = tmp_path / "other.parquet"
    pq.write_table(pa.table({"x": [1]}), path)
    with pytest.raises(PipelineError, match="shard version 'missing'"):
        read_shard(path)


def _copy(article: Article) -> Article:
    return pickle.loads(pickle.dumps(article))
