"""Fixtures of the actor tests: one resolver (dictionary + matchers) per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def resolver(nlp):
    from detente.actors import ActorResolver

    return ActorResolver(nlp=nlp)
