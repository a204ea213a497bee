"""Language identification with py3langid (bundled model, no download)."""

from __future__ import annotations

import functools
from typing import Any

#: Characters of the text looked at (enough for a stable answer, fast).
SAMPLE_CHARS = 800
#: Shorter texts are never rejected: the identifier is unreliable on them.
MIN_CHARS = 40
#: Probability above which a non-English answer rejects the document.
MIN_CONFIDENCE = 0.9


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """Return (ISO 639-1 code, probability) of ``text``'s language."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return "en", 0.0
    language, probability = _identifier().classify(sample)
    return str(language), float(probability)


#: Answers accepted as English: py3langid gives English-based creoles and Scots
#: to some English news text (e.g. Reuters wire copy).
ENGLISH_LIKE = frozenset({"en", "pcm", "sco", "jam"})
#: py3langid's code for "no linguistic content" (tables, numbers, code).
NO_LANGUAGE = "zxx"


def is_rejected(language: str, probability: float) -> bool:
    """True when the text is confidently not English."""
    return language not in ENGLISH_LIKE and probability >= MIN_CONFIDENCE
