"""The coder behind the real actor resolver: generic actors and inferred countries."""

from __future__ import annotations

import pytest

from detente.api import code_text


def _triples(text: str, **kwargs) -> set[tuple[str, str, str]]:
    return {
        (e.source_country, e.target_country, e.cameo_root)
        for e in code_text(text, **kwargs)
        if not e.negated
    }


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        pytest.param(
            "The US has continued to withdraw from international organizations.",
            ("USA", "IGO", "16"),
            id="generic IGO target",
        ),
        pytest.param(
            "Protesters in Baghdad blocked a road to show their anger at the"
            " United States.",
            ("IRQ", "USA", "14"),
            id="the source's own pronoun is not the target",
        ),
    ],
)
def test_coding_with_resolver(text, triple):
    assert triple in _triples(text)
