"""Expensive synthetic results shared by the analysis tests."""

from __future__ import annotations

import pytest

from detente.analysis import triangle

from .synthetic import triangle_events


@pytest.fixture(scope="session")
def triangle_frame():
    return triangle_events()


@pytest.fixture(scope="session")
def triangle_result(triangle_frame):
    return triangle(triangle_frame, "USA", "CHN", "RUS", period="week")
