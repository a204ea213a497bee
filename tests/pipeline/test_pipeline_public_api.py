"""The public surface is explicit: a sorted __all__ whose names all resolve."""

from __future__ import annotations

import detente


def test_all_is_sorted():
    assert detente.__all__ == sorted(detente.__all__)


def test_every_public_name_resolves():
    for name in detente.__all__:
        assert getattr(detente, name) is not None, name


def test_unknown_attribute_raises_attribute_error():
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        detente.nope  # noqa: B018
