"""The ``tone`` stage: sentence and document tone with VADER.

Scale
-----
Tone is VADER's *compound* score of a sentence (−1 … +1) times 100, so it
lies in **−100 … +100**, the nominal range of GDELT's ``AvgTone`` (GDELT's
values cluster closer to 0: its tone is word-share based, VADER's compound
is squashed toward ±1, so compare shapes, not levels). 0 is neutral.

- ``article.sentence_tones[i]``: tone of the i-th sentence of ``article.doc``.
- ``article.tone``: the document tone, the mean of the sentence tones
  weighted by each sentence's number of words (so a one-word heading does
  not weigh as much as a paragraph-long sentence).
- ``event.tone``: the tone of the event's sentence (``Event.sentence_index``).

The VADER lexicon ships inside the ``vaderSentiment`` package (MIT licence),
so nothing is downloaded. Users can add or override words with their own
``word<TAB>score`` files (VADER's −4 … +4 valence; header ``word	score``),
read by :mod:`detente.data.loaders`: ``ToneScorer(tone_lexicon=[path])``.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .data import loaders
from .errors import DataFileError
from .models import Article
from .registry import stages

logger = logging.getLogger(__name__)

#: Multiplier from VADER's compound score (−1 … 1) to our tone (−100 … 100).
TONE_SCALE = 100.0


@functools.lru_cache(maxsize=1)
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _analyzer(lexicon_files: tuple[str, ...]) -> Any:
    if not lexicon_files:
        return _vader()
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    for path in lexicon_files:
        for record in loaders.read_table(Path(path), required=("word", "score")):
            try:
                analyzer.lexicon[record["word"].lower()] = float(record["score"])
            except ValueError as e:
                raise DataFileError(
                    f"score {record['score']!r} is not a number; use a valence from -4 to 4",
                    path=path,
                    line=record["_line"],
                ) from e
    return analyzer


class ToneScorer:
    """Pipeline stage: sentence tones, document tone and event tones (VADER).

    Parameters
    ----------
    tone_lexicon:
        Extra ``word<TAB>score`` files merged into VADER's lexicon.
    """

    name = "tone"
    requires = ("doc", "events")
    assigns = ("tone", "sentence_tones")

    def __init__(self, *, tone_lexicon: Sequence[str | Path] = (), **_: Any) -> None:
        self._analyzer = _analyzer(tuple(str(p) for p in tone_lexicon))

    def score(self, text: str) -> float:
        """Tone of one sentence (or any short text), from −100 to +100.

        Examples
        --------
        >>> ToneScorer().score("The talks were a great success.") > 0
        True
        """
        if not text or not text.strip():
            return 0.0
        compound = self._analyzer.polarity_scores(text)["compound"]
        return round(compound * TONE_SCALE, 4)

    def __call__(self, article: Article) -> Article:
        if article.doc is None:
            # No parse: score the whole text once, events by their own sentence.
            article.sentence_tones = []
            article.tone = self.score(article.text)
            for event in article.events:
                event.tone = self.score(event.sentence)
            return article
        tones: list[float] = []
        weights: list[int] = []
        for sent in article.doc.sents:
            tones.append(self.score(sent.text))
            weights.append(
                sum(1 for token in sent if not token.is_punct and not token.is_space)
            )
        article.sentence_tones = tones
        article.tone = _weighted_mean(tones, weights)
        for event in article.events:
            if 0 <= event.sentence_index < len(tones):
                event.tone = tones[event.sentence_index]
            else:
                logger.debug(
                    "document %s: event %s sentence %d out of range; scoring its text",
                    article.doc_id,
                    event.event_id,
                    event.sentence_index,
                )
                event.tone = self.score(event.sentence)
        return article


def _weighted_mean(values: Sequence[float], weights: Sequence[int]) -> float | None:
    if not values:
        return None
    total = sum(weights)
    if total == 0:
        return round(math.fsum(values) / len(values), 4)
    return round(
        math.fsum(v * w for v, w in zip(values, weights, strict=True)) / total, 4
    )


@stages.register("detente.tone.v1")
def make_tone_scorer(**options: Any) -> ToneScorer:
    """Factory of the ``tone`` stage (accepts and ignores unrelated options)."""
    return ToneScorer(**options)
